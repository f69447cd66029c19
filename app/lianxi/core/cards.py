"""The kinds of card a word gives, and what each one asks and shows.

Pure data: the UI decides how a card looks, this module decides what is on
each side. Must never import storage, UI or audio.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lianxi.core.lessons import Reading
from lianxi.core.schedule import Memory, State


class CardKind(StrEnum):
    RECOGNITION = "recognition"  # hanzi -> pinyin and meaning
    RECALL = "recall"  # meaning -> hanzi and pinyin
    LISTENING = "listening"  # audio -> meaning
    TYPE_PINYIN = "type_pinyin"  # hanzi -> type the pinyin
    TYPE_HANZI = "type_hanzi"  # meaning -> type the hanzi or the pinyin
    CLOZE = "cloze"  # example sentence with the word blanked -> type it
    SAY = "say"  # hanzi and pinyin -> say it aloud, see your tones against the target


# Order inside one word: the easier direction first.
KIND_ORDER = tuple(CardKind)
DEFAULT_KINDS = (CardKind.RECOGNITION, CardKind.RECALL)
TYPED_KINDS = (CardKind.TYPE_PINYIN, CardKind.TYPE_HANZI, CardKind.CLOZE)


@dataclass(frozen=True, slots=True)
class Sides:
    """Which of a word's fields go on the front and which on the back."""

    front: tuple[str, ...]
    back: tuple[str, ...]
    prompt: str  # the question, in the learner's words
    typed: bool = False


SIDES: dict[CardKind, Sides] = {
    CardKind.RECOGNITION: Sides(("hanzi",), ("pinyin", "english", "example"), "What does this say?"),
    CardKind.RECALL: Sides(("english",), ("hanzi", "pinyin", "example"), "How do you say this in Chinese?"),
    CardKind.LISTENING: Sides(("audio",), ("hanzi", "pinyin", "english"), "Listen. What does it mean?"),
    CardKind.TYPE_PINYIN: Sides(("hanzi",), ("pinyin", "english"), "Type the pinyin (tone numbers or marks).", True),
    CardKind.TYPE_HANZI: Sides(("english",), ("hanzi", "pinyin"), "Type it in hanzi or pinyin.", True),
    CardKind.CLOZE: Sides(("cloze", "example_english"), ("example", "pinyin", "english"), "Fill the gap.", True),
    # The back stays short: the learner's pitch curves take the room an example would.
    CardKind.SAY: Sides(("hanzi", "pinyin"), ("english",), "Say it: m records you, r plays the target."),
}


def kinds_for(word_has_example: bool, enabled: tuple[CardKind, ...]) -> tuple[CardKind, ...]:
    """The enabled kinds a given word can actually make (a cloze needs an example)."""
    return tuple(
        k for k in KIND_ORDER
        if k in enabled and (k is not CardKind.CLOZE or word_has_example)
    )


def cloze(example: str, hanzi: str, gap: str = "＿＿") -> str:
    """The example sentence with the word blanked out (empty if it is not there)."""
    return example.replace(hanzi, gap) if hanzi and hanzi in example else ""


@dataclass(frozen=True, slots=True)
class StudyCard:
    """A card with its word's content: everything a screen needs to show it."""

    id: int
    note_id: int
    lesson_id: str
    kind: CardKind
    memory: Memory
    reps: int
    lapses: int
    hanzi: str
    pinyin: str
    numbered: str
    english: tuple[str, ...]
    traditional: str
    measure_word: str
    example: str
    example_pinyin: str
    example_english: str
    note: str
    other_readings: tuple[Reading, ...] = ()  # the word's other readings (得: dé, děi), each with its meanings

    @property
    def is_new(self) -> bool:
        return self.memory.state is State.NEW
