"""A lookup: what the learner typed, read into a query (hanzi, pinyin, English), and one result as shown."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from lianxi.core.dictionary.english import english_words, learner_glosses
from lianxi.core.dictionary.readings import toneless_key
from lianxi.core.errors import UserError
from lianxi.core.hanzi import is_hanzi
from lianxi.core.pinyin import PinyinError, parse, tone_spans


class EmptyQuery(UserError):
    """Nothing to look up."""


# -- queries -------------------------------------------------------------------------


class QueryKind(Enum):
    HANZI = "hanzi"
    PINYIN = "pinyin"  # with at least one tone given: only pinyin is searched
    LETTERS = "letters"  # no tones: both toneless pinyin and English are searched
    ENGLISH = "english"


@dataclass(frozen=True, slots=True)
class Query:
    """What the learner typed, read: the kind and the keys the index is searched by."""

    text: str
    kind: QueryKind
    hanzi: str = ""
    toneless: str = ""
    # GLOB pattern over toned keys when some tones were given ("ni3 hao[1-5]"), else "".
    tones: str = ""
    words: tuple[str, ...] = ()

    @property
    def searches_pinyin(self) -> bool:
        return self.kind in (QueryKind.PINYIN, QueryKind.LETTERS)

    @property
    def searches_english(self) -> bool:
        return self.kind in (QueryKind.LETTERS, QueryKind.ENGLISH)


_TONE_MARKS = {"\u0304", "\u0301", "\u030c", "\u0306", "\u0300"}


def _tone_given(chunk: str) -> bool:
    return any(ch.isdigit() for ch in chunk) or any(
        d in _TONE_MARKS for d in unicodedata.normalize("NFD", chunk)
    )


def read_query(text: str) -> Query:
    """Read a lookup query: hanzi, pinyin (tones optional, per syllable) or English words."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        raise EmptyQuery("Type something to look up: hanzi (你好), pinyin (ni hao, ni3hao3) or English (hello).")
    if any(is_hanzi(ch) for ch in text):
        # letters, digits and the name dot (卡尔·马克思) are part of headwords; punctuation is not
        return Query(text, QueryKind.HANZI, hanzi="".join(ch for ch in text if ch.isalnum() or ch == "·"))
    words = tuple(english_words(text))
    try:
        syllables = parse(text)
    except PinyinError:
        syllables = []
    if not syllables:
        return Query(text, QueryKind.ENGLISH, words=words)
    chunks = [chunk for chunk, tone in tone_spans(text) if tone is not None]
    given = [_tone_given(c) for c in chunks] if len(chunks) == len(syllables) else [True] * len(syllables)
    toneless = toneless_key(syllables)
    if not any(given):
        return Query(text, QueryKind.LETTERS, toneless=toneless, words=words)
    pattern = " ".join(
        s.numbered if known else s.base + ("r" if s.erhua else "") + "[1-5]"
        for s, known in zip(syllables, given, strict=True)
    )
    return Query(text, QueryKind.PINYIN, toneless=toneless, tones=pattern)


# -- results (ordered by core.ranking) --------------------------------------------------


@dataclass(slots=True)
class Found:
    """One dictionary result, as a lookup shows it.

    Not frozen: a lookup makes up to 50 of these per key press, and a frozen
    dataclass takes several times longer to build. Treat it as read-only.
    """

    id: int
    simplified: str
    traditional: str
    pinyin: str  # dictionary spelling, numbered: display with display_pinyin()
    senses: tuple[str, ...]
    hsk_level: str  # "" when the word is in no HSK list
    match: int  # EXACT, STARTS or CONTAINS (see core.ranking)
    order: tuple = ()  # core.ranking.rank_key(...), for merging result lists
    hsk2: str = ""  # HSK 2.0 level "1".."6", "" when not in that list
    hsk3: str = ""  # HSK 3.0 band "1".."6" or "7-9", "" when not in that list

    def headword(self, script: str = "simplified") -> str:
        """The word in the learner's script, the other form after it when it differs."""
        first, other = (self.traditional, self.simplified) if script == "traditional" else (
            self.simplified, self.traditional)
        return first if first == other else f"{first} ({other})"

    @property
    def meaning(self) -> str:
        return "; ".join(learner_glosses(self.senses, limit=6))
