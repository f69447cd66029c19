"""The five drills, an item to play and ask about, and the verdict on an answer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lianxi.core.grading import Piece
from lianxi.core.pinyin import NEUTRAL

TONES = (1, 2, 3, 4, NEUTRAL)


class Drill(StrEnum):
    TONES = "tones"
    PAIRS = "pairs"
    LISTEN = "listen"
    DICTATION = "dictation"
    MINIMAL = "minimal"


DRILLS: dict[Drill, str] = {
    Drill.TONES: "Tones: hear a syllable, press its tone 1-5",
    Drill.PAIRS: "Tone pairs: hear a word, type its two tones",
    Drill.LISTEN: "Listening: hear a word, pick its meaning",
    Drill.DICTATION: "Dictation: hear it, type the pinyin or hanzi",
    Drill.MINIMAL: "Minimal pairs: zh or z? -n or -ng? which did you hear?",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to play and ask about.

    `hanzi`/`pinyin` are what the speaker reads; `key` groups items for the learner's
    statistics (a tone, a pair class like "41", a contrast like "zh/z"); `expected` is
    the right answer as stored; `options` are the choices shown (empty when typed).
    """

    drill: Drill
    key: str
    expected: str
    hanzi: str | None = None
    pinyin: str | None = None
    options: tuple[str, ...] = ()
    answer_index: int | None = None
    english: tuple[str, ...] = ()
    note_id: int | None = None
    shown: str = ""  # what to show after the answer (the word in marks, with hanzi)

    @property
    def played(self) -> str:
        """What the learner hears: the next item is never this again straight away."""
        return self.hanzi or self.pinyin or ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """How an answer went: right or not, a one-line explanation, the tones compared."""

    correct: bool
    message: str
    answer: str  # the answer as stored
    tones: tuple[tuple[int, int], ...] = ()  # (heard, answered) for the confusion table
    pieces: tuple[Piece, ...] = ()  # dictation: core.grading's verdict on each syllable
    readable: bool = True  # False: the answer could not be read (ask again, store nothing)


def typed_digits(text: str) -> tuple[int, ...]:
    return tuple(int(ch) for ch in text if ch in "012345")
