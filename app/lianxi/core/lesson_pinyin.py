"""A lesson word's pinyin, checked for what tutors actually get wrong.

Rules (each problem is one message that says what to write instead):
- pinyin with no tone at all (jiaozi) is an error, unless every syllable is a neutral one
  its character really has (的 de, 吗 ma), or the dictionary reads the whole word so (起来
  qi lai after a verb): tones are written as marks or numbers, and only a neutral syllable
  goes without a mark (or with 5);
- tone marks and tone numbers mixed in one field (mǐ fan4) is an error: one way or the other;
- one syllable for each character (the r of an erhua syllable counts for its 儿);
- Latin letters and digits in the word (卡拉OK, T恤, 3D) are not read as pinyin: the pinyin
  gives the hanzi part, and may repeat the Latin part as written (kǎlā OK, T xù, 3D).
Pure: standard library, pypinyin and lianxi.core only.
"""

from __future__ import annotations

import re
import unicodedata

from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.hanzi import char_readings, is_hanzi
from lianxi.core.pinyin import NEUTRAL, PinyinError, Syllable, parse
from lianxi.core.sandhi import dictionary_reading

__all__ = ["PinyinProblem", "display_pinyin", "latin_parts", "read_word_pinyin", "without_latin"]

_TONE_MARKS = frozenset("\u0304\u0301\u030c\u0306\u0300")
_LATIN = re.compile(r"[A-Za-z0-9\uff21-\uff3a\uff41-\uff5a\uff10-\uff19]+")


class PinyinProblem(ValueError):
    """A lesson word's pinyin that cannot be used as written; the message says what to write."""


def latin_parts(hanzi: str) -> list[str]:
    """The runs of Latin letters and digits in a word (卡拉OK -> ["OK"], 3D -> ["3D"])."""
    return _LATIN.findall(unicodedata.normalize("NFKC", hanzi))


def without_latin(pinyin: str, hanzi: str) -> str:
    """`pinyin` with the word's own Latin parts taken out (kǎlā OK -> kǎlā for 卡拉OK)."""
    parts = {p.lower() for p in latin_parts(hanzi)}
    if not parts:
        return pinyin
    return " ".join(t for t in pinyin.split() if unicodedata.normalize("NFKC", t).lower() not in parts)


def _styles(text: str) -> tuple[bool, bool]:
    """(has tone marks, has tone numbers) in pinyin as written."""
    decomposed = unicodedata.normalize("NFKD", text)
    marks = any(c in _TONE_MARKS for c in decomposed)
    numbers = bool(re.search(r"[a-zA-Zü:][0-5]", decomposed))
    return marks, numbers


def _neutral_of_its_own(syllable: Syllable, char: str, lexicon: Lexicon) -> bool:
    return lexicon.has_own_neutral(char, syllable.base) or any(
        r.base == syllable.base and r.tone == NEUTRAL for r in char_readings(char))


def _suggestion(hanzi: str, syllables: list[Syllable], lexicon: Lexicon) -> str:
    """How the tones could be written, from the dictionary's reading when its syllables match."""
    try:
        reading = dictionary_reading(hanzi, lexicon=lexicon)
    except PinyinError:
        reading = []
    if [s.base for s in reading] != [s.base for s in syllables]:
        # another reading of the characters (长 zhang: zhǎng, not the usual cháng): each
        # character's own toned reading with the syllable written, when it has one
        chars = [c for c in hanzi if is_hanzi(c)]
        own = [next((r for r in char_readings(c) if r.base == s.base and r.tone != NEUTRAL), None)
               for s, c in zip(syllables, _char_of(chars, syllables), strict=True)] if chars else [None]
        if None in own:
            return "like nǐ hǎo or ni3 hao3"
        reading = [Syllable(r.base, r.tone, s.erhua) for r, s in zip(own, syllables, strict=True)]
    marked = "".join(s.marked for s in reading)
    return f"like {marked} or {' '.join(s.numbered for s in reading)}"


def read_word_pinyin(hanzi: str, text: str, lexicon: Lexicon = EMPTY) -> tuple[Syllable, ...]:
    """The syllables of a lesson word's pinyin, or PinyinProblem saying what to fix."""
    pinyin = without_latin(text, hanzi)
    try:
        syllables = parse(pinyin)
    except PinyinError as exc:
        raise PinyinProblem(str(exc)) from None
    chars = [c for c in hanzi if is_hanzi(c)]
    if not syllables:
        if not chars and latin_parts(hanzi):
            return ()  # 3D: nothing to read but the letters themselves
        raise PinyinProblem('has no syllables: write it like "nǐ hǎo" or "ni3 hao3"')
    marks, numbers = _styles(pinyin)
    if marks and numbers:
        raise PinyinProblem(
            f"{text!r} mixes tone marks and tone numbers: write it one way, "
            f"{''.join(s.marked for s in syllables)} or {' '.join(s.numbered for s in syllables)}")
    have = len(syllables) + sum(1 for s in syllables if s.erhua)
    if chars and have != len(chars):
        raise PinyinProblem(
            f"{text!r} has {len(syllables)} syllable(s) but {hanzi} has {len(chars)} character(s): "
            "give one syllable per character" + (" (Latin letters and digits need none)" if latin_parts(hanzi) else ""))
    if not marks and not numbers:
        places = _char_of(chars, syllables)
        if not (all(_neutral_of_its_own(s, c, lexicon) for s, c in zip(syllables, places, strict=True))
                or _read_so_in_the_dictionary(hanzi, syllables, lexicon)):
            raise PinyinProblem(
                f"{text!r} has no tones: write them, {_suggestion(hanzi, syllables, lexicon)}; "
                "only a neutral syllable goes without a tone mark (or with the number 5)")
    return tuple(syllables)


def _read_so_in_the_dictionary(hanzi: str, syllables: list[Syllable], lexicon: Lexicon) -> bool:
    """A whole word the dictionary reads with only neutral syllables (起来 qi lai after a verb)."""
    return any(r.syllables == tuple(syllables) for r in lexicon.readings(hanzi))


def _char_of(chars: list[str], syllables: list[Syllable]) -> list[str]:
    out, k = [], 0
    for s in syllables:
        out.append(chars[k] if k < len(chars) else "")
        k += 2 if s.erhua and k + 1 < len(chars) and chars[k + 1] == "儿" else 1
    return out


def display_pinyin(text: str, hanzi: str = "") -> str:
    """Pinyin as the learner sees it: tone marks, the writer's spacing kept.

    `ni3hao3` -> `nǐhǎo`, `ni3 hao3` -> `nǐ hǎo`, `nv3 er2` -> `nǚ ér`, `Bei3jing1` -> `Běijīng`.
    The Latin parts of `hanzi` (卡拉OK) stay as written: `ka3la1 OK` -> `kǎlā OK`.
    """
    latin = {p.lower() for p in latin_parts(hanzi)}
    chunks = []
    for chunk in text.split():
        if latin and unicodedata.normalize("NFKC", chunk).lower() in latin:
            chunks.append(chunk)  # 卡拉OK written kǎlā OK: the Latin part stays as written
            continue
        syllables = parse(chunk)
        out = ""
        for i, s in enumerate(syllables):
            # an apostrophe keeps a/e/o-initial syllables from merging with the one before
            if i and s.marked[:1].lower() in "aeoāáǎàēéěèōóǒò":
                out += "'"
            out += s.marked
        if chunk[:1].isupper():  # proper nouns keep their capital: Zhōngguó, Běijīng
            out = out[:1].upper() + out[1:]
        chunks.append(out)
    return " ".join(chunks)
