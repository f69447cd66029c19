"""The lexicon: which strings of hanzi are words, and how a dictionary reads them.

Spoken forms need word boundaries and word structure (third-tone sandhi follows
them: 展览 + 馆) and the dictionary's reading of a word (neutral tones, erhua:
谢谢 xièxie, 哪儿 nǎr). Grading needs the other readings of the same hanzi, with a
meaning, to say which word the learner typed instead. The data comes from CC-CEDICT
through scripts/make_lexicon.py; an outer layer reads that file and passes its text
here, so this module stays pure: standard library and lianxi.core only, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lianxi.core.pinyin import PinyinError, Syllable, parse

__all__ = ["EMPTY", "Lexicon", "WordReading"]

_MAX_WORD = 8


@dataclass(frozen=True, slots=True)
class WordReading:
    """One dictionary reading of a word and a short meaning for messages."""

    syllables: tuple[Syllable, ...]
    meaning: str


class Lexicon:
    """Words and readings parsed from a lexicon file's text (see scripts/make_lexicon.py).

    Loading keeps each section's lines as raw text and splits them only when a word is
    looked up, so building one takes a few milliseconds. Traditional characters are
    looked up through their simplified forms.
    """

    def __init__(self, text: str = "") -> None:
        self._first: dict[str, str] = {}  # first character -> "rest1 rest2 ..."
        self._sets: dict[str, frozenset[str]] = {}
        self._t2s: dict[str, str] = {}
        self._readings: dict[str, str] = {}
        self._neutral: set[tuple[str, str]] = set()
        self._erhua: dict[str, str] = {}
        section = ""
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line
                continue
            key, _, rest = line.partition("\t")
            if section == "[words]":
                self._first[key] = rest
            elif section == "[t2s]":
                self._t2s[key] = rest
            elif section == "[readings]":
                self._readings[key] = rest
            elif section == "[neutral]":
                self._neutral.add((key, rest))
            elif section == "[erhua]":
                self._erhua[key] = rest
        self._trans = str.maketrans(self._t2s) if self._t2s else None

    def __bool__(self) -> bool:
        return bool(self._first or self._readings)

    def simplified(self, hanzi: str) -> str:
        """The hanzi with traditional characters written simplified (for look-ups only)."""
        return hanzi.translate(self._trans) if self._trans else hanzi

    def is_word(self, hanzi: str) -> bool:
        """Whether the dictionary lists `hanzi` (two or more characters) as one word."""
        if len(hanzi) < 2 or len(hanzi) > _MAX_WORD:
            return False
        hanzi = self.simplified(hanzi)
        rests = self._sets.get(hanzi[0])
        if rests is None:
            rests = frozenset(self._first.get(hanzi[0], "").split())
            self._sets[hanzi[0]] = rests
        return hanzi[1:] in rests

    def readings(self, hanzi: str) -> tuple[WordReading, ...]:
        """The dictionary's readings of `hanzi`, the usual one first; () when it has none listed.

        Listed are words whose reading has a neutral tone or erhua, and every word or
        character with more than one reading.
        """
        raw = self._readings.get(self.simplified(hanzi))
        return _parse_readings(raw) if raw else ()

    def has_own_neutral(self, char: str, base: str) -> bool:
        """Whether `char` read `base` is a neutral syllable of its own (子 zi, 吗 ma), not a
        full tone made neutral (姐 in 小姐, still a third tone for sandhi)."""
        return (self.simplified(char), base) in self._neutral

    def without_er(self, hanzi: str) -> WordReading | None:
        """For a word whose 儿 makes another word (哪儿 "where"), that other word (哪 nǎ "which")."""
        raw = self._erhua.get(self.simplified(hanzi))
        if not raw:
            return None
        reading, _, meaning = raw.partition("\t")
        return WordReading(tuple(parse(reading)), meaning)

    def words(self, run: str) -> list[str]:
        """Cut a run of hanzi into dictionary words: the fewest pieces, then the fewest
        single characters, then the longest first piece (广东西部 -> 广东 西部)."""
        n = len(run)
        best: list[tuple[int, int, int] | None] = [None] * (n + 1)
        best[n] = (0, 0, 0)
        for i in range(n - 1, -1, -1):
            choice = None
            for length in range(min(_MAX_WORD, n - i), 0, -1):
                if length > 1 and not self.is_word(run[i : i + length]):
                    continue
                after = best[i + length]
                assert after is not None
                score = (after[0] + 1, after[1] + (length == 1), -length)
                if choice is None or score < choice[:3]:
                    choice = (*score, length)
            assert choice is not None
            best[i] = (choice[0], choice[1], choice[3])
        out, i = [], 0
        while i < n:
            length = best[i][2]  # type: ignore[index]
            out.append(run[i : i + length])
            i += length
        return out


@lru_cache(maxsize=4096)
def _parse_readings(raw: str) -> tuple[WordReading, ...]:
    fields = raw.split("\t")
    out = []
    for k in range(0, len(fields) - 1, 2):
        try:
            out.append(WordReading(tuple(parse(fields[k])), fields[k + 1]))
        except PinyinError:
            continue
    return tuple(out)


EMPTY = Lexicon()
