"""CC-CEDICT lines read into entries: a headword, one reading, its senses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from lianxi.core.ranking import NAME, POINTER

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
