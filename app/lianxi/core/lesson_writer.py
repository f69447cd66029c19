"""Writing lesson files: a commented template, TOML text, and the reading checks.

Tutors write lessons by hand (`lianxi lessons new`), from a list of words
(`lianxi lessons from-list`, core.word_list), or from Anki/Pleco exports
(core.interop). All of them end here: a `LessonDraft` becomes TOML text, and `checked_lesson` parses
that text with the same rules as `lianxi lessons validate`, so whatever we
write is a valid lesson. Pure: text in, text out; the dictionary is passed in
as a function. Must never import storage, UI, audio or a TOML library.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.hanzi import count_hanzi, is_hanzi
from lianxi.core.lessons import Lesson, LessonError, LessonProblems
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.pinyin import PinyinError, parse


@dataclass
class WordDraft:
    """One word on its way into a lesson file; `line` is where it came from."""

    hanzi: str
    pinyin: str
    english: list[str]
    traditional: str = ""
    measure_word: str = ""
    example: str = ""
    example_pinyin: str = ""
    example_english: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    check: str = ""  # written as a "# CHECK" comment for the tutor, never shown to learners
    line: int = 0  # where the word came from (a list's line)
    written_line: int = 0  # where its "# CHECK" comment is in the lesson file written from it
    # the word's other readings, each {"pinyin": ..., "english": [...], "traditional": ...} (地 de / dì)
    other_readings: list[dict] = field(default_factory=list)


@dataclass
class LessonDraft:
    id: str
    title: str
    level: str
    words: list[WordDraft]
    description: str = ""
    attribution: str = ""
    comment: str = ""  # comment lines at the top of the file


# -- TOML text -------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def toml_string(text: str) -> str:
    """A TOML basic string ("...") holding exactly `text`."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(toml_string(i) for i in items) + "]"


def _comment(text: str) -> list[str]:
    return [f"# {line}".rstrip() for line in text.splitlines()] if text else []


_WORD_TEXT_FIELDS = ("traditional", "measure_word", "example", "example_pinyin", "example_english", "note")


def lesson_toml(draft: LessonDraft) -> str:
    """The lesson file for `draft`, in the format of lessons/README.md."""
    lines = _comment(draft.comment)
    lines.append(f"id = {toml_string(draft.id)}")
    lines.append(f"title = {toml_string(draft.title)}")
    lines.append(f"level = {toml_string(draft.level)}")
    if draft.description:
        lines.append(f"description = {toml_string(draft.description)}")
    if draft.attribution:
        lines.append(f"attribution = {toml_string(draft.attribution)}")
    for word in draft.words:
        lines.append("")
        lines.append("[[words]]")
        lines.append(f"hanzi = {toml_string(word.hanzi)}")
        lines.extend(_comment(word.check))
        lines.append(f"pinyin = {toml_string(word.pinyin)}")
        english = word.english
        lines.append(f"english = {toml_string(english[0]) if len(english) == 1 else toml_list(english)}")
        for name in _WORD_TEXT_FIELDS:
            value = getattr(word, name)
            if value:
                lines.append(f"{name} = {toml_string(value)}")
        if word.tags:
            lines.append(f"tags = {toml_list(word.tags)}")
        if word.other_readings:
            lines.append("other_readings = [")
            lines.extend(f"  {reading_table(r)}," for r in word.other_readings)
            lines.append("]")
    return "\n".join(lines) + "\n"


def reading_table(reading: dict) -> str:
    """One other reading as a TOML inline table: { pinyin = "zhǎng", english = ["to grow"] }."""
    english = list(reading["english"])
    parts = [f"pinyin = {toml_string(reading['pinyin'])}",
             f"english = {toml_string(english[0]) if len(english) == 1 else toml_list(english)}"]
    if reading.get("traditional"):
        parts.append(f"traditional = {toml_string(reading['traditional'])}")
    return "{ " + ", ".join(parts) + " }"


def _word_index_by_line(text: str) -> list[int | None]:
    """For each line of `text` (1-based; index 0 unused), the [[words]] table (0-based) it belongs to.

    One pass over the text, so mapping every problem of a big import stays linear.
    """
    out: list[int | None] = [None]
    index = None
    for row in text.splitlines():
        if row.strip() == "[[words]]":
            index = 0 if index is None else index + 1
        out.append(index)
    return out


def checked_lesson(draft: LessonDraft, source: str, lexicon: Lexicon = EMPTY) -> tuple[str, Lesson]:
    """(TOML text, Lesson) for `draft`; problems name `source` and the draft words' lines.

    The text is parsed with the lesson rules, so a file written from it always
    passes `lianxi lessons validate`. Raises LessonProblems listing every problem.
    """
    text = lesson_toml(draft)
    try:
        lesson = parse_lesson(text.encode("utf-8"), source, lexicon)
    except LessonProblems as exc:
        errors = []
        tables = _word_index_by_line(text)
        for error in exc.errors:
            index = tables[error.line] if 0 < error.line < len(tables) else None
            line = draft.words[index].line if index is not None and index < len(draft.words) else 1
            errors.append(replace(error, file=source, line=line or 1))
        raise LessonProblems(errors) from None
    return text, lesson


# -- ids ---------------------------------------------------------------------------------


def lesson_id_for(title: str) -> str:
    """A lesson id made from a title: "Week 1: Food!" -> "week-1-food".

    A title with no Latin letters or digits (all hanzi) gets "lesson-" and a short hash.
    """
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    slug = "-".join(re.findall(r"[a-z0-9]+", plain))[:60].strip("-")
    if not slug:
        slug = "lesson-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]
    return slug


# -- a new lesson from scratch -------------------------------------------------------------


def template(title: str, lesson_id: str | None = None, level: str = "My class") -> str:
    """A commented lesson file with two example words, ready for a tutor to edit."""
    head = LessonDraft(
        id=lesson_id or lesson_id_for(title), title=title, level=level,
        description="What this lesson is about, in one sentence.",
        words=[
            WordDraft("你好", "nǐ hǎo", ["hello", "hi"], example="你好，我是王老师。",
                      example_pinyin="Nǐ hǎo, wǒ shì Wáng lǎoshī.",
                      example_english="Hello, I am Teacher Wang.", tags=["greeting"]),
            WordDraft("谢谢", "xiè xie", ["thank you"]),
        ],
        comment=(
            "A Lianxi lesson. Lines starting with # are comments: learners never see them.\n"
            "Format: lessons/README.md. Check this file with: lianxi lessons validate FILE\n"
            "\n"
            "id: lowercase letters, digits and hyphens; keep it when you edit the lesson,\n"
            "so learners keep their progress. level groups lessons (\"HSK 1\", \"Week 3\")."
        ),
    )
    text = lesson_toml(head)
    guide = "\n".join([
        "# One [[words]] table per word, in the order learners meet them.",
        "# Required: hanzi, pinyin (tone marks \"nǐ hǎo\" or numbers \"ni3 hao3\"), english",
        "# (text, or a list of texts). Optional: traditional, measure_word, example,",
        "# example_pinyin, example_english, note, tags. For example:",
        "#",
        "# [[words]]",
        "# hanzi = \"书\"",
        "# pinyin = \"shū\"",
        "# english = \"book\"",
        "# measure_word = \"本\"",
        "# note = \"Say 一本书 for 'a book'.\"",
    ])
    # the guide goes just before the first word, where a tutor starts editing
    head_text, _, rest = text.partition("\n[[words]]\n")
    return head_text.rstrip("\n") + "\n\n" + guide + "\n\n[[words]]\n" + rest


# -- a lesson from a plain list of words -----------------------------------------------------


def _numbered_key(reading: str) -> str | None:
    """CEDICT's "lu:4" / "Hai2" -> "lü4" (None for readings our pinyin rules cannot read)."""
    try:
        syllables = parse(reading.replace("u:", "ü").replace("U:", "Ü").lower())
    except PinyinError:
        return None
    return " ".join(s.numbered for s in syllables)


def _pypinyin_readings(hanzi: str) -> list[list[str]]:
    from pypinyin import Style, pinyin  # noqa: PLC0415 - slow to import; only needed here

    return pinyin(hanzi, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True, v_to_u=True)


def _marks(numbered: str) -> str:
    return " ".join(s.marked for s in parse(numbered))


def reading_check(hanzi: str, reading: str, dictionary_readings: Sequence[str]) -> str:
    """Why a person should check `reading` for `hanzi`, or "" if it is not in doubt.

    The dictionary's readings of the whole word decide when it has any; otherwise
    pypinyin's heteronyms do: a single character with several readings, or a
    word pypinyin does not know as a phrase with such a character in it.
    """
    readings = list(dict.fromkeys(dictionary_readings))
    if len(readings) > 1:
        shown = " or ".join(_marks(r) for r in readings)
        return f"CHECK reading: {hanzi} can be {shown}"
    if readings:
        if readings[0] != reading:
            return f"CHECK reading: the dictionary reads {hanzi} as {_marks(readings[0])}"
        return ""
    from pypinyin.constants import PHRASES_DICT  # noqa: PLC0415

    if len(hanzi) > 1 and hanzi in PHRASES_DICT:
        return ""
    doubtful = []
    for ch, options in zip(hanzi, _pypinyin_readings(hanzi)):
        options = [o for o in dict.fromkeys(options) if _numbered_key(o)]
        if is_hanzi(ch) and len(options) > 1:
            doubtful.append(f"{ch} can be {' or '.join(_marks(o) for o in options)}")
    return f"CHECK reading: {'; '.join(doubtful)}" if doubtful else ""
