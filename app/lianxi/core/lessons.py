"""A lesson as the learner studies it: its words, their readings and meanings; the fields a
lesson file may have; and the problems found in one, located for a person.

Reading a lesson file into a `Lesson` is core.lesson_file (its words: core.lesson_file_words;
TOML syntax explained: core.lesson_toml; a word's pinyin: core.lesson_pinyin).
Pure: stdlib and lianxi.core only. Must never import storage, UI or audio.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lianxi.core.errors import UserError
from lianxi.core.pinyin import Syllable

LESSON_FIELDS = ("id", "title", "level", "description", "attribution", "words")
REQUIRED_LESSON_FIELDS = ("id", "title", "level", "words")
WORD_FIELDS = (
    "hanzi", "pinyin", "english", "traditional", "measure_word", "example",
    "example_pinyin", "example_english", "note", "tags", "other_readings",
)
# A word with several readings (地 de / dì) lists the others, each with its own meaning.
READING_FIELDS = ("pinyin", "english", "traditional")
REQUIRED_WORD_FIELDS = ("hanzi", "pinyin", "english")
LESSON_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class LessonError:
    """One problem in one lesson file, located for a person."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class LessonProblems(UserError):
    """A lesson file (or a set of them) that cannot be used as it is."""

    def __init__(self, errors: Sequence[LessonError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a word's hanzi, with the meanings it has read that way (长 zhǎng "to grow")."""

    pinyin: str  # display form, tone marks
    syllables: tuple[Syllable, ...]
    english: tuple[str, ...]
    traditional: str = ""  # when this reading is written differently in traditional (只 zhī: 隻)

    @property
    def numbered(self) -> str:
        return " ".join(s.numbered for s in self.syllables)

    @property
    def meaning(self) -> str:
        return "; ".join(self.english)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a lesson, as the learner will study it.

    pinyin/english are its main reading (the one spoken); other_readings are the others
    the lesson teaches for the same hanzi (得 de, dé, děi), each with its meanings.
    """

    key: str  # stable identity inside the lesson: progress follows it
    hanzi: str
    pinyin: str  # display form, tone marks
    syllables: tuple[Syllable, ...]
    english: tuple[str, ...]
    traditional: str = ""
    measure_word: str = ""
    example: str = ""
    example_pinyin: str = ""
    example_english: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    line: int = 0
    other_readings: tuple[Reading, ...] = ()

    @property
    def numbered(self) -> str:
        return " ".join(s.numbered for s in self.syllables)

    @property
    def meaning(self) -> str:
        return "; ".join(self.english)

    @property
    def readings(self) -> tuple[Reading, ...]:
        """Every reading the lesson teaches, the main one first."""
        main = Reading(self.pinyin, self.syllables, self.english, self.traditional)
        return (main, *self.other_readings)


@dataclass(frozen=True, slots=True)
class Lesson:
    id: str
    title: str
    level: str
    words: tuple[Word, ...]
    description: str = ""
    attribution: str = ""
    source: str = ""
    content_hash: str = field(default="", compare=False)
    id_line: int = field(default=1, compare=False)  # where the file sets its id, for messages


def __getattr__(name: str):
    """Names that moved (parse_lesson to core.lesson_file, is_hanzi and count_hanzi to core.hanzi):
    code written before the move still finds them here."""
    if name == "parse_lesson":
        from lianxi.core.lesson_file import parse_lesson

        return parse_lesson
    if name in ("is_hanzi", "count_hanzi"):
        from lianxi.core import hanzi

        return getattr(hanzi, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
