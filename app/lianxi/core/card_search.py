"""What a card search asks for: words typed by a learner, read into filters.

    你好                 hanzi (any card whose word contains them)
    ni hao  nihao        pinyin without tones: any tones
    ni3hao3  nǐhǎo       pinyin with tones: those tones
    hello                English (a word or part of one in the glosses)
    lesson:first-01      cards of a lesson (its id or the start of it, or words of its title)
    state:new            new, learning, due, review, suspended, leech, buried, off
    flag:red  flag:2     flagged red (1), orange (2), green (3), blue (4); flag:any, flag:none
    kind:recall          one kind of card

Filters combine (all must hold); free words combine too. Free text is tried as hanzi,
as pinyin and as English at once ("men" finds 们 and "men"). Pure: stdlib and
core.pinyin only. Must never import storage, UI or audio.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lianxi.core.errors import UserError
from lianxi.core.pinyin import PinyinError, parse

# off: cards no review shows (their lessons are paused, or their kind is not studied)
STATES = ("new", "learning", "due", "review", "suspended", "leech", "buried", "off")
FLAGS = {"red": 1, "orange": 2, "green": 3, "blue": 4}
FLAG_NAMES = {number: name for name, number in FLAGS.items()}
KINDS = ("recognition", "recall", "listening", "type_pinyin", "type_hanzi", "cloze")
# the short names the browser shows for a kind, read as that kind (kind:read, kind:listen)
KIND_ALIASES = {"read": "recognition", "listen": "listening", "type_py": "type_pinyin", "type_hz": "type_hanzi"}

_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")


class SearchError(UserError):
    """A search filter that cannot be read; the message says what would work."""


@dataclass(frozen=True, slots=True)
class Pinyin:
    """Free text read as pinyin: syllables in order, with tones only if the learner typed tones."""

    syllables: tuple[str, ...]  # "ni3", "hao3" when toned; "ni", "hao" when not
    toned: bool


@dataclass(frozen=True, slots=True)
class CardQuery:
    text: tuple[str, ...] = ()  # free words, each matched as hanzi, pinyin or English
    pinyin: Pinyin | None = None  # the free words read together as pinyin, when they are pinyin
    lesson: str | None = None
    states: tuple[str, ...] = ()
    flag: int | None = None  # 1-4; 0 = not flagged; -1 = any flag
    kinds: tuple[str, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not (self.text or self.lesson or self.states or self.flag is not None or self.kinds)


def has_tones(text: str) -> bool:
    return any(ch in "12345" for ch in text) or any(ch in _TONE_MARKS for ch in text.lower())


def read_pinyin(text: str) -> Pinyin | None:
    """The text as pinyin syllables, or None when it is not pinyin (English, hanzi)."""
    if not text or not re.fullmatch(r"[a-zA-Z0-9üÜ:'’\s" + "".join(_TONE_MARKS) + "]+", text):
        return None
    try:
        syllables = parse(text)
    except PinyinError:
        return None
    if not syllables:
        return None
    toned = has_tones(text)
    return Pinyin(tuple(s.numbered if toned else s.base for s in syllables), toned)


def parse_query(text: str) -> CardQuery:
    """Read a search line; SearchError for a filter that does not exist (with what does)."""
    free: list[str] = []
    lesson = None
    states: list[str] = []
    flag = None
    kinds: list[str] = []
    for token in text.split():
        name, colon, value = token.partition(":")
        name = name.lower()
        if not colon or name not in ("lesson", "state", "is", "flag", "kind"):
            free.append(token)
            continue
        value = value.strip()
        if name == "lesson":
            if not value:
                raise SearchError("lesson: needs a lesson id or a word of its title, like lesson:first-01")
            lesson = value
        elif name in ("state", "is"):
            if value.lower() not in STATES:
                raise SearchError(f"unknown state {value!r}: use one of {', '.join(STATES)}")
            states.append(value.lower())
        elif name == "flag":
            flag = _flag(value)
        else:
            kind = KIND_ALIASES.get(value.lower(), value.lower())
            if kind not in KINDS:
                raise SearchError(f"unknown kind {value!r}: use one of {', '.join(KINDS)}")
            kinds.append(kind)
    return CardQuery(tuple(free), read_pinyin(" ".join(free)), lesson, tuple(states), flag, tuple(kinds))


def _flag(value: str) -> int:
    value = value.lower()
    if value in FLAGS:
        return FLAGS[value]
    if value in ("1", "2", "3", "4"):
        return int(value)
    if value in ("any", "yes", ""):
        return -1
    if value in ("none", "no", "0"):
        return 0
    raise SearchError(f"unknown flag {value!r}: use red, orange, green, blue (or 1-4), any or none")
