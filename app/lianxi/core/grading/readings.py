"""The readings of a word that count as right when a learner types its pinyin.

The lesson's own reading, its citation and sandhi forms, erhua written in any of the
usual ways, and (for cards that show only the hanzi) the other words the same hanzi
spell. Pure: standard library, pypinyin and lianxi.core only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lianxi.core.lessons import count_hanzi, is_hanzi
from lianxi.core.pinyin import NEUTRAL, PinyinError, Syllable, hanzi_reading, parse
from lianxi.core.sandhi import apply_sandhi

__all__ = ["Reading", "readings", "hanzi_per_syllable"]


@dataclass(frozen=True, slots=True)
class Reading:
    """One way of saying the word that counts as right."""

    syllables: tuple[Syllable, ...]
    how: str  # "as in the lesson", "with tone sandhi", ...
    own: bool = True  # False: a reading of the same hanzi as another word


_ERHUA_CHAR = "儿"
_NO_ERHUA = frozenset({"er", "e", "ê", "m", "n", "ng", "hm", "hng"})


def _takes_erhua(s: Syllable) -> bool:
    return not s.erhua and s.base not in _NO_ERHUA


def hanzi_per_syllable(hanzi: str, syllables: Sequence[Syllable]) -> list[str] | None:
    """The hanzi each syllable is read for (an erhua syllable also takes the 儿 after it)."""
    chars = [c for c in hanzi if is_hanzi(c)]
    out, k = [], 0
    for s in syllables:
        if k >= len(chars):
            return None
        out.append(chars[k])
        k += 1
        if s.erhua and k < len(chars) and chars[k] == _ERHUA_CHAR:
            k += 1
    return out if k == len(chars) else None


def _citation(syllables: Sequence[Syllable], chars: Sequence[str]) -> list[Syllable]:
    """Dictionary tones for a reading a lesson may have written with sandhi (yí gè, bú shì, ké yǐ)."""
    try:
        plain = hanzi_reading("".join(chars))
    except PinyinError:
        plain = []
    if len(plain) != len(syllables):
        plain = [None] * len(syllables)
    out = []
    for i, (s, ch, p) in enumerate(zip(syllables, chars, plain, strict=True)):
        tone = s.tone
        if ch == "一" and s.base == "yi":
            tone = 1
        elif ch == "不" and s.base == "bu":
            tone = 4
        elif (s.tone == 2 and p is not None and p.base == s.base and p.tone == 3
              and i + 1 < len(syllables) and syllables[i + 1].tone in (2, 3)):
            tone = 3
        out.append(Syllable(s.base, tone, s.erhua))
    return out


def _erhua_forms(syllables: Sequence[Syllable], chars: Sequence[str] | None) -> list[tuple[list[Syllable], str]]:
    """The same reading with erhua written as its own syllable, or left out; or merged in."""
    forms: list[tuple[list[Syllable], str]] = []
    if any(s.erhua for s in syllables):
        for er_tone in (NEUTRAL, 2):
            split = []
            for s in syllables:
                split.append(Syllable(s.base, s.tone))
                if s.erhua:
                    split.append(Syllable("er", er_tone))
            forms.append((split, "with 儿 as its own syllable"))
        forms.append(([Syllable(s.base, s.tone) for s in syllables], "without erhua"))
    if chars is not None:
        # A lesson that writes 儿 as a separate neutral "er" also accepts it merged (nǎ er -> nǎr).
        merged: list[Syllable] = []
        changed = False
        for s, ch in zip(syllables, chars, strict=True):
            if ch == _ERHUA_CHAR and s.base == "er" and s.tone == NEUTRAL and merged and _takes_erhua(merged[-1]):
                merged[-1] = Syllable(merged[-1].base, merged[-1].tone, True)
                changed = True
            else:
                merged.append(s)
        if changed:
            forms.append((merged, "with erhua"))
    return forms


def _heteronyms(char: str) -> list[Syllable]:
    from pypinyin import Style, pinyin  # noqa: PLC0415 - slow to import; only needed here

    out = []
    for text in pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True,
                       v_to_u=True, errors="ignore")[:1]:
        for reading in text:
            try:
                sylls = parse(reading)
            except PinyinError:
                continue
            if len(sylls) == 1:
                out.append(sylls[0])
    return out


def _really_differs(a: Sequence[Syllable], b: Sequence[Syllable]) -> bool:
    """Different words, not a neutral tone read in full (pypinyin often gives péngyǒu for péngyou)."""
    if len(a) != len(b):
        return True
    for x, y in zip(a, b, strict=True):
        if x.base != y.base:
            return True
        if x.tone != y.tone and NEUTRAL not in (x.tone, y.tone):
            return True
    return False


def readings(hanzi: str, syllables: Sequence[Syllable], *, other_words: bool = False) -> list[Reading]:
    """Every reading of the word that counts as right, the lesson's own first.

    Own readings: as written in the lesson; with citation tones and with 一/不/third-tone
    sandhi (yī/yí, bù/bú, nǐ hǎo/ní hǎo); erhua merged, as its own syllable, or left out.
    With `other_words` (the card shows only the hanzi, so any reading of them is right),
    also the other readings pypinyin knows: every heteronym of a one-character word
    (长 cháng/zhǎng) and pypinyin's reading of a longer one when it is a different word.
    """
    syllables = list(syllables)
    chars = hanzi_per_syllable(hanzi, syllables) if hanzi else None
    bases: list[tuple[list[Syllable], str]] = [(syllables, "as in the lesson")]
    if chars is not None:
        citation = _citation(syllables, chars)
        bases.append((citation, "without tone sandhi"))
        bases.append((apply_sandhi(citation, "".join(chars)), "with tone sandhi"))
    out: list[Reading] = []
    seen: set[tuple[Syllable, ...]] = set()

    def add(sylls: Sequence[Syllable], how: str, own: bool = True) -> None:
        key = tuple(sylls)
        if key and key not in seen:
            seen.add(key)
            out.append(Reading(key, how, own))

    for sylls, how in bases:
        add(sylls, how)
    for sylls, how in bases:
        for form, form_how in _erhua_forms(sylls, chars):
            add(form, f"{how}, {form_how}" if how != "as in the lesson" else form_how)
    if other_words and chars is not None:
        own = list(out)
        others: list[list[Syllable]] = []
        if len(chars) == 1 and count_hanzi(hanzi) == 1:
            others = [[h] for h in _heteronyms(chars[0])]  # one hanzi: no 儿, no erhua
        else:
            try:
                guess = hanzi_reading("".join(chars))
            except PinyinError:
                guess = []
            if len(guess) == len(syllables):
                guess = [Syllable(g.base, g.tone, s.erhua and g.base not in _NO_ERHUA)
                         for g, s in zip(guess, syllables, strict=True)]
                if all(_really_differs(guess, r.syllables) for r in own):
                    others = [guess, apply_sandhi(guess, "".join(chars))]
        for sylls in others:
            if all(_really_differs(sylls, r.syllables) for r in own):
                add(sylls, f"another reading of {''.join(chars)}", own=False)
    return out
