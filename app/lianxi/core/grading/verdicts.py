"""What a grade says: per-piece marks, the verdict on a whole answer, the suggested rating.

Shared by every kind of answer (pinyin, hanzi, English). Pure: standard library and
lianxi.core only; never I/O, storage, UI or audio.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from lianxi.core.pinyin import NEUTRAL
from lianxi.core.schedule import Rating

__all__ = ["HEADLINES", "Grade", "Mark", "Piece", "Verdict", "not_answered", "suggest", "verdict_of"]


class Mark(StrEnum):
    """What one syllable (or character) of the answer was."""

    RIGHT = "right"
    TONE = "tone"  # right syllable, wrong tone
    WRONG = "wrong"
    MISSING = "missing"
    EXTRA = "extra"


class Verdict(StrEnum):
    """The answer as a whole, worst piece first."""

    EXACT = "exact"
    TONE_SLIP = "tone slip"  # right syllables, a tone wrong
    WRONG = "wrong"  # a wrong syllable or character, or a meaning that matches no gloss
    WRONG_SYLLABLE = "wrong"  # the same verdict, by its older name
    MISSING = "missing"  # a syllable or character left out
    EXTRA = "extra"  # one too many
    OTHER_READING = "other reading"  # another reading of the same hanzi (长 zhǎng for cháng)
    OTHER_WORD = "other word"  # the word left when a meaningful erhua is dropped (哪 for 哪儿)
    NOT_ANSWERED = "not answered"


HEADLINES = {
    Verdict.EXACT: "Right",
    Verdict.TONE_SLIP: "Tone slip",
    Verdict.WRONG: "Not quite",
    Verdict.MISSING: "Something is missing",
    Verdict.EXTRA: "Something extra",
    Verdict.OTHER_READING: "Another reading",
    Verdict.OTHER_WORD: "Another word",
    Verdict.NOT_ANSWERED: "Nothing typed",
}


def _tone_word(tone: int | None) -> str:
    if tone is None:
        return "no tone"
    return "neutral" if tone == NEUTRAL else str(tone)


@dataclass(frozen=True, slots=True)
class Piece:
    """One syllable or character of the comparison, with what the learner wrote for it."""

    mark: Mark
    typed: str = ""  # as the learner wrote it (marked pinyin or a hanzi); "" when missing
    expected: str = ""  # what belongs here; "" when extra
    name: str = ""  # toneless syllable, to name it in messages ("hao")
    typed_tone: int | None = None
    expected_tone: int | None = None
    note: str = ""  # e.g. "sounds the same"

    def describe(self) -> str:
        """One line for the learner, e.g. "hao: you typed 4, it is 3"."""
        if self.mark is Mark.RIGHT:
            return f"{self.expected}: right"
        if self.mark is Mark.TONE:
            return (f"{self.name}: you typed {_tone_word(self.typed_tone)}, "
                    f"it is {_tone_word(self.expected_tone)}")
        if self.mark is Mark.WRONG:
            text = f"you typed {self.typed}, it is {self.expected}"
            return f"{text} ({self.note})" if self.note else text
        if self.mark is Mark.MISSING:
            return f"missing: {self.expected}"
        return f"extra: {self.typed}"


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one typed answer and the rating it suggests."""

    verdict: Verdict
    rating: Rating
    pieces: tuple[Piece, ...] = ()
    expected: str = ""  # the accepted answer it was compared with, as shown to the learner
    note: str = ""

    @property
    def headline(self) -> str:
        return HEADLINES[self.verdict]

    @property
    def problems(self) -> list[str]:
        """The pieces that were not right, each as one line."""
        return [p.describe() for p in self.pieces if p.mark is not Mark.RIGHT]


def verdict_of(pieces: Sequence[Piece]) -> Verdict:
    marks = {p.mark for p in pieces}
    if Mark.WRONG in marks:
        return Verdict.WRONG_SYLLABLE
    if Mark.MISSING in marks:
        return Verdict.MISSING
    if Mark.EXTRA in marks:
        return Verdict.EXTRA
    if Mark.TONE in marks:
        return Verdict.TONE_SLIP
    return Verdict.EXACT


def suggest(verdict: Verdict) -> Rating:
    """Right: Good. Anything else, a tone slip too, is a failure of recall: Again (a tone slip
    rated Hard would still grow the interval, to 57 days after four slips in a row).
    The learner may choose another rating."""
    return Rating.Good if verdict is Verdict.EXACT else Rating.Again


def not_answered(expected: str) -> Grade:
    return Grade(Verdict.NOT_ANSWERED, Rating.Again, (), expected, "nothing typed")
