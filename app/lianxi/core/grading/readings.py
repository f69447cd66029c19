"""The readings of a word a learner may type: the card's own, and the other words it is not.

Own readings count as right (rules, checked by tests/core/typed_answers.tsv):
- each reading the lesson teaches, as written;
- its citation tones where the lesson wrote sandhi (yí gè -> yī gè), and its spoken form
  (core.sandhi: nǐ hǎo -> ní hǎo, xiǎojie -> xiáojie);
- for a neutral syllable, the full tone its character has of its own (the syllabus form:
  小姐 xiǎojiě, 谢谢 xièxiè), and the dictionary's neutral tone where the lesson wrote a
  full one; but a neutral of its own (子, 们, 吗) has no full tone to type;
- erhua merged (nǎr), as its own syllable (nǎ er), or left out where that leaves the same
  word (一点儿 yìdiǎn).
Other readings are never right, and say which word was typed instead:
- another dictionary reading of the same hanzi, with its meaning (长 zhǎng "to grow",
  女 rǔ, 的 dì, 绿 lù, 东西 dōngxī "east and west");
- the word left when an erhua that makes a word is dropped (哪儿 -> 哪 nǎ "which").
Pure: standard library, pypinyin and lianxi.core only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lianxi.core.glosses import learner_glosses
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.hanzi import char_readings, hanzi_reading, is_hanzi
from lianxi.core.pinyin import NEUTRAL, PinyinError, Syllable
from lianxi.core.sandhi import apply_sandhi
from lianxi.core.syllables import takes_erhua

__all__ = ["Reading", "hanzi_per_syllable", "learner_meaning", "readings"]

MAX_MEANINGS = 8  # the lexicon keeps a meaning short already; cleaning must not shorten it more
_HANZI_RUN = re.compile(r"[\u3400-\u9fff]+")


@dataclass(frozen=True, slots=True)
class Reading:
    """One way of saying the word: right (own) or another word's (with what that word means)."""

    syllables: tuple[Syllable, ...]
    how: str  # "as in the lesson", "with tone sandhi", "another reading of 长", ...
    own: bool = True
    meaning: str = ""  # another word's meaning, for the message
    word: str = ""  # another word's hanzi (哪 for 哪儿)
    without_er: bool = False  # that word is this one with its erhua dropped


_ERHUA_CHAR = "儿"
AS_WRITTEN = "as in the lesson"


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
        if ch == "一" and s.base == "yi" and tone != NEUTRAL:
            tone = 1
        elif ch == "不" and s.base == "bu" and tone != NEUTRAL:
            tone = 4
        elif (s.tone == 2 and p is not None and p.base == s.base and p.tone == 3
              and i + 1 < len(syllables) and syllables[i + 1].tone in (2, 3)):
            tone = 3
        out.append(Syllable(s.base, tone, s.erhua))
    return out


def _full_tones(syllables: Sequence[Syllable], chars: Sequence[str], lexicon: Lexicon) -> list[Syllable]:
    """Neutral syllables with the full tone their character has of its own (小姐 xiǎojiě)."""
    out = []
    for s, ch in zip(syllables, chars, strict=True):
        tone = s.tone
        if tone == NEUTRAL and not lexicon.has_own_neutral(ch, s.base):
            tone = next((r.tone for r in char_readings(ch) if r.base == s.base), NEUTRAL)
        out.append(Syllable(s.base, tone, s.erhua))
    return out


def _dictionary_neutral(syllables: Sequence[Syllable], hanzi: str, lexicon: Lexicon) -> list[Syllable] | None:
    """The lesson's reading with the dictionary's neutral tones (a lesson's xiǎojiě -> xiǎojie)."""
    for reading in lexicon.readings(hanzi)[:1]:
        said = reading.syllables
        if [(s.base, s.erhua) for s in said] == [(s.base, s.erhua) for s in syllables]:
            return [Syllable(s.base, NEUTRAL if d.tone == NEUTRAL else s.tone, s.erhua)
                    for s, d in zip(syllables, said, strict=True)]
    return None


def _erhua_forms(syllables: Sequence[Syllable], chars: Sequence[str] | None,
                 drop: bool) -> list[tuple[list[Syllable], str]]:
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
        if drop:
            forms.append(([Syllable(s.base, s.tone) for s in syllables], "without erhua"))
    if chars is not None:
        # A lesson that writes 儿 as a separate neutral "er" also accepts it merged (nǎ er -> nǎr).
        merged: list[Syllable] = []
        changed = False
        for s, ch in zip(syllables, chars, strict=True):
            if ch == _ERHUA_CHAR and s.base == "er" and s.tone == NEUTRAL and merged and takes_erhua(merged[-1]):
                merged[-1] = Syllable(merged[-1].base, merged[-1].tone, True)
                changed = True
            else:
                merged.append(s)
        if changed:
            forms.append((merged, "with erhua"))
    return forms


def _same_word(a: Sequence[Syllable], b: Sequence[Syllable]) -> bool:
    """The same syllables, tones differing only where one side is neutral (péngyǒu/péngyou)."""
    return len(a) == len(b) and all(
        x.base == y.base and x.erhua == y.erhua and (x.tone == y.tone or NEUTRAL in (x.tone, y.tone))
        for x, y in zip(a, b, strict=True))


def readings(hanzi: str, syllables: Sequence[Syllable], *, also: Sequence[Sequence[Syllable]] = (),
             lexicon: Lexicon = EMPTY) -> list[Reading]:
    """Every reading the learner may type for the word, own ones first (the lesson's first of all).

    `syllables` is the card's main reading, `also` the other readings the lesson teaches with
    it (得 de, dé, děi); every one of them is the card's own.
    """
    taught = [list(syllables), *(list(r) for r in also)]
    word = "".join(c for c in hanzi if is_hanzi(c))
    others = _other_words(word, lexicon) if word else []
    # The dictionary's entry for a taught reading is not another word, even where the lesson
    # writes a neutral tone in full (a lesson's xiǎojiě is CC-CEDICT's xiǎojie).
    for t in taught:
        chars = hanzi_per_syllable(hanzi, t)
        forms = [t, _citation(t, chars)] if chars else [t]
        same = ([o for o in others if list(o.syllables) in forms]
                or [o for o in others if any(_same_word(o.syllables, f) for f in forms)])
        others = [o for o in others if o is not (same[0] if same else None)]
    out: list[Reading] = []
    seen: set[tuple[Syllable, ...]] = set()

    def add(sylls: Sequence[Syllable], how: str, own: bool = True, meaning: str = "", other: str = "",
            without_er: bool = False) -> None:
        key = tuple(sylls)
        if key and key not in seen:
            seen.add(key)
            out.append(Reading(key, how, own, meaning, other, without_er))

    other_keys = {tuple(r.syllables) for r in others} - {tuple(t) for t in taught}
    for reading in taught:
        chars = hanzi_per_syllable(hanzi, reading) if hanzi else None
        bases: list[tuple[list[Syllable], str]] = [(reading, AS_WRITTEN)]
        if chars is not None:
            citation = _citation(reading, chars)
            full = _full_tones(citation, chars, lexicon)
            neutral = _dictionary_neutral(citation, word, lexicon)
            bases.append((citation, "without tone sandhi"))
            bases.append((apply_sandhi(citation, "".join(chars), lexicon=lexicon), "with tone sandhi"))
            if tuple(full) not in other_keys:
                bases.append((full, "with the full tone of its neutral syllable"))
                bases.append((apply_sandhi(full, "".join(chars), lexicon=lexicon), "with tone sandhi"))
            if neutral is not None:
                bases.append((neutral, "with the dictionary's neutral tone"))
                bases.append((apply_sandhi(neutral, "".join(chars), lexicon=lexicon), "with tone sandhi"))
        drop = not (word and lexicon.without_er(word))
        for sylls, how in list(bases):
            for form, form_how in _erhua_forms(sylls, chars, drop):
                bases.append((form, f"{how}, {form_how}" if how != AS_WRITTEN else form_how))
        for sylls, how in bases:
            if tuple(sylls) not in other_keys or how == AS_WRITTEN:
                add(sylls, how)
    own = [r.syllables for r in out]
    for other in others:
        if tuple(other.syllables) in seen:
            continue
        if not other.meaning and any(_same_word(other.syllables, o) for o in own):
            continue  # pypinyin's reading without the neutral tone: not another word
        add(other.syllables, other.how, False, other.meaning, other.word, other.without_er)
        if hanzi_per_syllable(other.word, other.syllables):
            spoken = apply_sandhi(other.syllables, other.word, lexicon=lexicon)
            add(spoken, other.how, False, other.meaning, other.word, other.without_er)
    return out


def learner_meaning(meaning: str) -> str:
    """A dictionary meaning as a learner reads it (core.glosses): "(bound form) bull's-eye;
    target" -> "bull's-eye; target". One that only points elsewhere names the word it points
    to ("archaic variant of 汝" -> "another spelling of 汝", "used in 吗啡" -> "as in 吗啡"):
    never empty when the dictionary gave one, since a meaning marks another word."""
    if not meaning:
        return ""
    kept = learner_glosses(meaning.split("; "), MAX_MEANINGS)
    if kept:
        return "; ".join(kept)
    word = next((w for w in _HANZI_RUN.findall(meaning)), "")
    if word:
        return ("another spelling of " if "variant" in meaning else "as in ") + word
    return "another word"


def _other_words(word: str, lexicon: Lexicon) -> list[Reading]:
    """Readings of the same hanzi that are other words, from the dictionary (with meanings)."""
    out = [Reading(r.syllables, f"another reading of {word}", False, learner_meaning(r.meaning), word)
           for r in lexicon.readings(word)]
    if not lexicon:  # no dictionary at hand: what pypinyin knows, without meanings
        if len(word) == 1:
            out = [Reading((r,), f"another reading of {word}", False, "", word) for r in char_readings(word)]
        else:
            try:
                out = [Reading(tuple(hanzi_reading(word)), f"another reading of {word}", False, "", word)]
            except PinyinError:
                out = []
    stem = lexicon.without_er(word)
    if stem is not None:
        out.append(Reading(stem.syllables, f"{word} without its erhua", False, learner_meaning(stem.meaning),
                           word[:-1], True))
    return out
