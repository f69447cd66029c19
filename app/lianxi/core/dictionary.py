"""The dictionary's rules: reading CC-CEDICT lines, reading what a learner types, ranking.

A learner looks a word up by hanzi (simplified or traditional), by pinyin with or
without tones (`ni hao`, `ni3hao3`, `nǐhǎo`) or by English words. This module
turns dictionary lines and queries into the keys the index stores and searches,
and says how results are ordered: exact matches first, then HSK words, then the
more common words. Pure: stdlib and lianxi.core only; never files, SQLite or UI.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from lianxi.core import glosses
from lianxi.core.errors import UserError
from lianxi.core.lessons import is_hanzi
from lianxi.core.pinyin import PinyinError, Syllable, is_syllable, parse, tone_spans
from lianxi.core.ranking import (  # noqa: F401 (re-exported)
    CONTAINS, EXACT, LEVEL_STEP, NAME, POINTER, STARTS, merge, rank_key,
)

__all__ = [
    "Entry",
    "Query",
    "QueryKind",
    "HskWord",
    "read_cedict",
    "read_query",
    "reading",
    "reading_keys",
    "toned_key",
    "toneless_key",
    "gloss_keys",
    "gloss_words",
    "english_index",
    "english_words",
    "popularity",
    "display_pinyin",
    "measure_words",
    "learner_glosses",
    "hsk_words_from_table",
    "EmptyQuery",
    "Found",
    "merge",
    "rank_key",
]


class EmptyQuery(UserError):
    """Nothing to look up."""


# -- dictionary lines ----------------------------------------------------------------

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


class Entry(NamedTuple):
    """One CC-CEDICT entry: a headword with one reading and its senses.

    A NamedTuple, not a dataclass: the index reads 122k of them and must stay quick.
    """

    traditional: str
    simplified: str
    pinyin: str  # as the dictionary writes it: "ni3 hao3", "Wang2", "yi1 dian3 r5"
    senses: tuple[str, ...]

    @property
    def english(self) -> str:
        return " / ".join(self.senses)

    @property
    def is_name(self) -> bool:
        """Surnames, places and other proper names: their reading starts with a capital."""
        return self.pinyin[:1].isupper()

    @property
    def is_pointer(self) -> bool:
        """An entry that only points elsewhere ("variant of ...", "surname Wang")."""
        return all(_POINTER.match(s) for s in self.senses)

    @property
    def is_minor(self) -> bool:
        """A name or a pointer (see `minor`)."""
        return self.is_name or self.is_pointer

    @property
    def minor(self) -> int:
        """How far down a result goes: 0 a word, NAME a proper name, POINTER a pointer entry."""
        return POINTER if self.is_pointer else NAME if self.is_name else 0



# "see" points only when it names a headword ("see 干嘛[gan4 ma2]"); "See you!" is 回头见's meaning
_POINTER = re.compile(r"^(old )?(variant of|see (?:also )?[^\s\[]*[\u3400-\u9fff\[]|used in|abbr\. for|surname "
                      r"|erhua variant|archaic variant|Japanese variant|old name for|CL:)", re.IGNORECASE)


def read_cedict(lines: Iterable[str]) -> Iterator[Entry]:
    """Entries from CC-CEDICT text lines (comments and malformed lines are skipped)."""
    match = _LINE.match
    for line in lines:
        if line.startswith("#"):
            continue
        m = match(line)
        if m is None:
            continue
        trad, simp, pinyin, senses = m.groups()
        yield Entry(trad, simp, pinyin, tuple(s for s in senses.split("/") if s))


# -- readings and pinyin keys ----------------------------------------------------------

_TOKEN = re.compile(r"^([a-zü]+?)([1-5])$")


def reading(pinyin: str) -> tuple[Syllable | str, ...]:
    """The syllables of a dictionary reading; letters that are not pinyin (the C of 3C) stay text.

    CC-CEDICT writes ü as "u:" and erhua as a separate "r5"; both come back as Syllables
    (lü4, dianr3). Punctuation in readings (·, commas) is dropped.
    """
    out: list[Syllable | str] = []
    for item in _aligned(pinyin):
        if isinstance(item, Syllable):
            out.append(item)
        elif item is not None and item.isalnum():
            out.append(item.lower().rstrip("12345") or item)
    return tuple(out)


def reading_keys(pinyin: str) -> tuple[str, str]:
    """(toned_key, toneless_key) of a dictionary reading, quickly: the index does 122k of them."""
    toned: list[str] = []
    toneless: list[str] = []
    for token in pinyin.split():
        pieces = _token_keys(token)
        if pieces is None:
            continue
        if pieces[0] == "r5" and toned and toned[-1][-1:].isdigit() and toned[-1][-2:-1] != "r":
            merged = _erhua_keys(toned[-1])
            if merged is not None:
                toned[-1], toneless[-1] = merged
                continue
        toned.append(pieces[0])
        toneless.append(pieces[1])
    return " ".join(toned), "".join(toneless)


@lru_cache(maxsize=8192)
def _token_keys(token: str) -> tuple[str, str] | None:
    item = _token(token)
    if isinstance(item, Syllable):
        return item.numbered, item.base
    if item == "r5":
        return "r5", "r"
    if not item.isalnum():
        return None
    low = item.lower()
    return low, low.rstrip("12345") or low


@lru_cache(maxsize=4096)
def _erhua_keys(numbered: str) -> tuple[str, str] | None:
    erhua = _erhua(Syllable(numbered[:-1], int(numbered[-1])))
    return (erhua.numbered, erhua.base + "r") if erhua else None


def toneless_key(syllables: Iterable[Syllable | str]) -> str:
    """Letters without tones or spaces: "nihao", "yidianr"; what a toneless query matches."""
    return "".join(s if isinstance(s, str) else s.base + ("r" if s.erhua else "") for s in syllables)


def toned_key(syllables: Iterable[Syllable | str]) -> str:
    """Numbered syllables separated by spaces: "ni3 hao3", "dianr3"."""
    return " ".join(s if isinstance(s, str) else s.numbered for s in syllables)


def display_pinyin(pinyin: str) -> str:
    """A dictionary reading with tone marks, capitals kept: "Wang2" -> "Wáng"."""
    words = pinyin.split()
    out = []
    for token, item in zip(words, _aligned(pinyin), strict=False):
        if isinstance(item, Syllable):
            text = item.marked
            out.append(text[:1].upper() + text[1:] if token[:1].isupper() else text)
        elif item is None:
            continue
        else:
            out.append(token)
    return " ".join(out)


def _aligned(pinyin: str) -> list[Syllable | str | None]:
    """One item per written token: its syllable, its text, or None for a merged erhua r."""
    items: list[Syllable | str | None] = []
    for token in pinyin.split():
        item = _token(token)
        if item == "r5" and items and isinstance(items[-1], Syllable) and not items[-1].erhua:
            erhua = _erhua(items[-1])
            if erhua is not None:
                items[-1] = erhua
                items.append(None)
                continue
        items.append(item)
    return items


@lru_cache(maxsize=4096)
def _token(token: str) -> Syllable | str:
    """A written token as a Syllable when it is one ("lu:4" -> lü4), else the token itself."""
    low = token.lower().replace("u:", "ü").replace("v", "ü")
    m = _TOKEN.match(low)
    if m and is_syllable(m.group(1)):
        return Syllable(m.group(1), int(m.group(2)))
    return "r5" if low == "r5" else token


@lru_cache(maxsize=4096)
def _erhua(syllable: Syllable) -> Syllable | None:
    try:
        return Syllable(syllable.base, syllable.tone, True)
    except PinyinError:
        return None


# -- English -------------------------------------------------------------------------

_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _normal_gloss(text: str) -> str:
    text = text.lower()
    if "(" in text or "[" in text:
        text = _ASIDE.sub(" ", text)
    return " ".join(_WORD.findall(text))


def gloss_keys(senses: Iterable[str]) -> dict[str, int]:
    """Normalised glosses for exact English matches: "to go" and "go" both find 去.

    Each key maps to 1 when its gloss carried an aside ("(after a pronoun) hello"), a
    weaker match than a plain gloss, else 0.
    """
    return english_index(senses)[0]


def gloss_words(senses: Iterable[str]) -> tuple[str, int]:
    """Every gloss as its lowercased words, " | " between glosses, and how many glosses there are.

    (" to go out | to leave ", 2). The index keeps the words so a query's words found whole
    and in order inside one gloss ("go" in "to go out") rank above a stemmed match
    ("going"), asides included; the count says how many meanings a word has (classifier
    lines not counted): among learner words of one level, fewer is a closer translation.
    """
    _, words, count = english_index(senses)
    return words, count


def english_index(senses: Iterable[str]) -> tuple[dict[str, int], str, int]:
    """gloss_keys and gloss_words in one pass over the senses (the index does 122k entries)."""
    keys: dict[str, int] = {}
    parts: list[str] = []
    for sense in senses:
        if sense.startswith("CL:"):
            continue
        for gloss in sense.split(";"):
            words = " ".join(_WORD.findall(gloss.lower()))
            if not words:
                continue
            parts.append(words)
            weak = int("(" in gloss or "[" in gloss)
            key = _normal_gloss(gloss) if weak else words
            if key:
                keys[key] = min(keys.get(key, 1), weak)
                if key.startswith(("to ", "a ", "an ", "the ")):
                    short = key.split(" ", 1)[1]
                    keys[short] = min(keys.get(short, 1), weak)
    return keys, " " + " | ".join(parts) + " ", len(parts) or 1


def english_words(text: str) -> list[str]:
    """The words of an English query, lowercased: "To Go!" -> ["to", "go"]."""
    return _WORD.findall(text.lower())


def learner_glosses(senses: Iterable[str], limit: int = 4) -> tuple[str, ...]:
    """Glosses fit for a learner, at most `limit`: core.glosses' rules, no CC-CEDICT markup.

    An entry that only points to another word ("erhua variant of 一点") says which word
    it stands for; the caller may look that word up for its glosses.
    """
    senses = tuple(senses)
    found = glosses.learner_glosses(senses, limit)
    if found:
        return found
    target = glosses.pointer(senses)
    if target is not None:
        return (f"same as {target.simplified} ({display_pinyin(target.reading)})",)
    if senses and all(s.startswith("surname ") for s in senses):
        return ("a family name",)  # 还 Huán: said plainly, not CC-CEDICT's "surname Huan"
    for sense in senses:  # "used in 自個兒|自个儿[zi4 ge3 r5]" -> "as in 自个儿 (zì gě r)"
        m = _USED_IN.match(sense)
        if m:
            return (f"{_USED_IN_WORDS[m.group(1).lower()]} {m.group(3)} ({display_pinyin(m.group(4))})",)
    return ()


_USED_IN = re.compile(r"^(used in|abbr\. for|see also|see|same as)\s+(?:([^\s\[|,;]+)\|)?([^\s\[|,;]+)\[([^\]]+)\]",
                      re.IGNORECASE)
_USED_IN_WORDS = {"used in": "as in", "abbr. for": "short for", "see also": "see", "see": "see", "same as": "same as"}


def measure_words(senses: Iterable[str], limit: int = 2) -> str:
    """Measure words from "CL:個|个[ge4],位[wei4]" senses, simplified, joined with "、"."""
    return glosses.measure_words(senses, limit)


# -- how common a word is --------------------------------------------------------------


def popularity(headwords: Iterable[str], longest: int = 2) -> Counter:
    """How many dictionary headwords contain each word of up to `longest` characters (longer words count 0).

    CC-CEDICT has no frequencies; a word that many compounds are built on (人, 学, 电脑)
    is one a learner meets often, so this count orders words the HSK lists leave out.
    """
    text = "\n".join(set(headwords))
    counts: Counter = Counter(text)
    # substrings across the line breaks contain "\n" and never equal a headword
    for size in range(2, longest + 1):
        counts.update(map("".join, zip(*(text[i:] for i in range(size)))))
    return counts


# -- HSK words from the bundled word table --------------------------------------------------

@dataclass(frozen=True, slots=True)
class HskWord:
    hanzi: str
    toned: str  # the lesson's reading, "hao4", to pick the right dictionary entry
    toneless: str  # the same without tones, "hao": the next best entry
    level: str  # "HSK 1" (HSK 2.0 levels 1-6) or "HSK 3.0 band 7-9"
    rank: int  # lower = learnt earlier and more frequent
    frequency: int | None = None  # corpus frequency rank (1 = most frequent), where known

    @property
    def hsk2(self) -> str:
        """The HSK 2.0 level ("1".."6"), or "" for an HSK 3.0 word."""
        return self.level[4:] if not self.level.startswith("HSK 3.0") else ""

    @property
    def hsk3(self) -> str:
        """The HSK 3.0 band ("1".."6", "7-9"), or "" for an HSK 2.0 word."""
        return self.level.rsplit(" ", 1)[1] if self.level.startswith("HSK 3.0") else ""


def hsk_words_from_table(text: str) -> list[HskWord]:
    """The words of the bundled word table (lessons/hsk/words.tsv), once per list they are in.

    Columns: hanzi, pinyin, hsk2 level, hsk3 band, frequency rank, lesson ids; "#" lines
    are comments. A word's place in the ranking: its level (HSK 2.0 level n before HSK 3.0
    band n, both before level n+1), then its frequency rank.
    """
    out: list[HskWord] = []
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("hanzi\t"):
            continue
        cells = line.split("\t")
        if len(cells) < 5:
            continue
        hanzi, spoken, hsk2, hsk3, rank = cells[:5]
        try:
            # piece by piece: parse() remembers each syllable, and 11,000 words share ~1,500
            syllables = [s for piece in spoken.split() for s in parse(piece)]
        except PinyinError:
            syllables = []
        frequency = int(rank) if rank.isdigit() else None
        within = min(frequency or _UNRANKED, _UNRANKED)
        toned, toneless = toned_key(syllables), toneless_key(syllables)
        if hsk2.isdigit():
            out.append(HskWord(hanzi, toned, toneless, f"HSK {hsk2}", int(hsk2) * 2 * LEVEL_STEP + within, frequency))
        if hsk3:
            order = 7 if hsk3 == "7-9" else int(hsk3)
            out.append(HskWord(hanzi, toned, toneless, f"HSK 3.0 band {hsk3}", (order * 2 + 1) * LEVEL_STEP + within,
                               frequency))
    return out


_UNRANKED = LEVEL_STEP - 1


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
