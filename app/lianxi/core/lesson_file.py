"""Lesson files -> Lesson objects, with every problem reported for a person to fix.

A lesson is a TOML file written by a tutor (format: lessons/README.md). This
module turns its bytes into a `Lesson` (core.lessons), or raises `LessonProblems` listing each
problem as `file:line: field: what is wrong and how to fix it`: the file's text and shape
here, each word in core.lesson_file_words, TOML syntax in core.lesson_toml. Pure: it takes
bytes and a name, never opens files. Must never import storage, UI or audio.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

from lianxi.core.lesson_file_words import read_word, text_value, unknown_field
from lianxi.core.lesson_toml import read_toml
from lianxi.core.lessons import (
    LESSON_FIELDS, LESSON_ID, REQUIRED_LESSON_FIELDS, WORD_FIELDS, Lesson, LessonError, LessonProblems, Word,
)
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.text import has_controls


class LessonLines:
    """Finds the line of each table and key, since tomllib does not say."""

    _header = re.compile(r"^\s*\[\[\s*words\s*\]\]\s*(#.*)?$")
    _reading_header = re.compile(r"^\s*\[\[\s*words\s*\.\s*other_readings\s*\]\]")
    _table = re.compile(r"^\s*\[")
    _key = re.compile(r"""^\s*("?)([A-Za-z0-9_\-]+)\1\s*=""")

    def __init__(self, text: str):
        self.text = text.splitlines()
        self.top: dict[str, int] = {}
        self.words: list[tuple[int, dict[str, int]]] = []
        self.reading_tables: dict[int, list[int]] = {}  # word index -> lines of its [[words.other_readings]]
        current: dict[str, int] | None = self.top
        for number, line in enumerate(self.text, start=1):
            if self._header.match(line):
                self.words.append((number, {}))
                current = self.words[-1][1]
            elif self._reading_header.match(line) and self.words:
                self.reading_tables.setdefault(len(self.words) - 1, []).append(number)
                current = None
            elif self._table.match(line):
                current = None
            elif current is not None:
                m = self._key.match(line)
                if m:
                    current.setdefault(m.group(2), number)

    def of_top(self, key: str) -> int:
        return self.top.get(key, 1)

    def of_word(self, index: int, key: str | None = None) -> int:
        if index >= len(self.words):
            return self.top.get("words", 1)
        header, keys = self.words[index]
        return keys.get(key, header) if key else header

    def of_reading(self, index: int, number: int) -> int:
        """The line of a word's `number`-th other reading (1-based): its { ... } or its table header."""
        tables = self.reading_tables.get(index, [])
        if len(tables) >= number:
            return tables[number - 1]
        start = self.of_word(index, "other_readings")
        if start == self.of_word(index):
            return start
        opened = 0
        for line_number in range(start, len(self.text) + 1):
            opened += _braces_outside_strings(self.text[line_number - 1])
            if opened >= number:
                return line_number
        return start


def _braces_outside_strings(line: str) -> int:
    """How many inline tables open on this line: `{` outside quoted text and comments."""
    count, quote, i = 0, "", 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch == "{":
            count += 1
        i += 1
    return count


NOT_UTF8 = "is not UTF-8 text; save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)"


def decode_utf8(data: bytes, source: str, message: str = NOT_UTF8) -> str:
    """UTF-8 text (a BOM is fine), NFC; otherwise a LessonProblems naming the line of the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LessonProblems([LessonError(source, line, "file", message)]) from None
    return unicodedata.normalize("NFC", text)


# Limits that no real lesson comes near, so a hostile or broken file fails fast and small
# (TOML parsers recurse on nesting and slow down on long dotted keys).
MAX_LINE = 10_000  # characters on one line
MAX_DEPTH = 16  # nested [ ] and { }
MAX_KEY_PARTS = 8  # a.b.c = ...
MULTILINE_FIELDS = frozenset({"description", "attribution", "note"})


def _check_shape(text: str, source: str) -> None:
    """Refuse, before parsing, a file shaped so that parsing it would take minutes or recurse.

    A light scan that skips strings and comments: it counts open brackets and the parts
    of dotted keys, and measures lines. Raises LessonProblems naming the line.
    """

    def refuse(number: int, message: str) -> None:
        raise LessonProblems([LessonError(source, number, "file", message)])

    stack: list[str] = []  # open [ and {
    in_multi = ""  # the closing quotes of a multi-line string we are inside
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE:
            refuse(number, f"this line is {len(line)} characters long (at most {MAX_LINE}): "
                           "a lesson line holds one setting; check for a missing line break or closing quote")
        i, n = 0, len(line)
        at_key = not stack and not in_multi
        parts = 1
        while i < n:
            if in_multi:
                end = line.find(in_multi, i)
                if end < 0:
                    break
                i, in_multi = end + 3, ""
                continue
            ch = line[i]
            if ch == "#":
                break
            if line.startswith('"""', i) or line.startswith("'''", i):
                in_multi, i = line[i:i + 3], i + 3
                continue
            if ch == '"':
                i += 1
                while i < n and line[i] != '"':
                    i += 2 if line[i] == "\\" else 1
                i += 1
                continue
            if ch == "'":
                end = line.find("'", i + 1)
                i = n if end < 0 else end + 1
                continue
            if ch in "[{":
                stack.append(ch)
                if len(stack) > MAX_DEPTH:
                    refuse(number, f"brackets nest more than {MAX_DEPTH} deep: a lesson needs only "
                                   "[[words]] tables and simple lists; check for a missing closing bracket")
                at_key, parts = ch == "{" or at_key, 1
            elif ch in "]}":
                if stack:
                    stack.pop()
            elif ch == "," and stack and stack[-1] == "{":
                at_key, parts = True, 1
            elif ch == "=" and at_key:
                at_key = False
            elif ch == "." and at_key:
                parts += 1
                if parts > MAX_KEY_PARTS:
                    refuse(number, f"a dotted name has more than {MAX_KEY_PARTS} parts (a.b.c...): "
                                   "lesson settings are plain names like title = \"...\"")
            i += 1


def _control_problems(doc: dict, lines: "LessonLines", problem) -> None:
    """Text fields hold text: no control characters (escape codes, bells, bidi overrides),
    and no line breaks except in the description, attribution and notes."""

    def check(value, line: int, name: str) -> None:
        values = value if isinstance(value, list) else [value]
        multiline = name in MULTILINE_FIELDS
        for item in values:
            if isinstance(item, str) and has_controls(item, allow_newline=multiline):
                if multiline:
                    problem(line, name, "has a control character (such as an escape code): write plain text")
                else:
                    problem(line, name, "has a line break or a control character (such as an escape code): "
                                        "write plain text on one line")
                return

    for name, value in doc.items():
        if name != "words":
            check(value, lines.of_top(name), name)
    words = doc.get("words")
    if isinstance(words, list):
        for index, raw in enumerate(words):
            if isinstance(raw, dict):
                for name, value in raw.items():
                    check(value, lines.of_word(index, name), name)


def parse_lesson(data: bytes, source: str = "<lesson>", lexicon: Lexicon = EMPTY) -> Lesson:
    """Read one lesson file's bytes; raise LessonProblems listing every problem.

    TOML syntax problems are explained in a tutor's words (core.lesson_toml) and the
    check goes on past them where it can. `lexicon` (lianxi.lexicon) lets a message
    suggest the dictionary's tones (jiaozi -> jiǎozi).
    """
    text = decode_utf8(data, source)
    _check_shape(text, source)
    reading = read_toml(text, WORD_FIELDS)
    syntax = [LessonError(source, line, "toml", message) for line, message in reading.problems]
    if reading.doc is None:
        raise LessonProblems(syntax or [LessonError(source, 1, "toml", "this file cannot be read as a lesson")])
    doc = reading.doc
    lines = LessonLines(reading.text)
    errors: list[LessonError] = []

    def problem(line: int, name: str, message: str) -> None:
        errors.append(LessonError(source, line, name, message))

    _control_problems(doc, lines, problem)

    for name in doc:
        if name in WORD_FIELDS:
            problem(lines.of_top(name), name, "belongs to a word, and this one has no [[words]] line above it: "
                                              "add a line that says [[words]] before the word")
        elif name not in LESSON_FIELDS:
            problem(lines.of_top(name), name, unknown_field(name, LESSON_FIELDS))
    for name in REQUIRED_LESSON_FIELDS:
        if name not in doc:
            hint = "add at least one [[words]] table" if name == "words" else f'add a line like {name} = "..." at the top'
            problem(1, name, f"is missing: {hint}")

    lesson_id = doc.get("id")
    if "id" in doc and not (isinstance(lesson_id, str) and LESSON_ID.match(lesson_id)):
        problem(lines.of_top("id"), "id",
                f"{lesson_id!r} is not a usable id: use lowercase letters, digits and hyphens, like \"my-class-week-1\"")
    meta: dict[str, str] = {}
    for name in ("title", "level", "description", "attribution"):
        if name in doc:
            value = text_value(doc[name], allow_empty=name in ("description", "attribution"))
            if value is None:
                problem(lines.of_top(name), name, "must be text in quotes, and not empty")
            else:
                meta[name] = value

    raw_words = doc.get("words", [])
    if "words" in doc and (not isinstance(raw_words, list) or not all(isinstance(w, dict) for w in raw_words)):
        problem(lines.of_top("words"), "words", "must be [[words]] tables, one per word (see lessons/README.md)")
        raw_words = []
    elif "words" in doc and not raw_words:
        problem(lines.of_top("words"), "words", "has no words: add at least one [[words]] table")

    words: list[Word] = []
    seen: dict[tuple[str, str], int] = {}
    for index, raw in enumerate(raw_words):
        word = read_word(raw, index, lines, problem, lexicon)
        if word is None:
            continue
        identity = (word.hanzi, word.numbered)
        if identity in seen:
            problem(word.line, "hanzi",
                    f"{word.hanzi} ({word.pinyin}) is already in this lesson at line {seen[identity]}: remove one of them")
            continue
        seen[identity] = word.line
        words.append(word)

    errors = syntax + _after_repairs(errors, reading, lines)
    if errors:
        raise LessonProblems(sorted(errors, key=lambda e: e.line))
    return Lesson(
        id=lesson_id, title=meta["title"], level=meta["level"],
        words=_with_keys(words), description=meta.get("description", ""),
        attribution=meta.get("attribution", ""), source=source,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        id_line=reading.original_line(lines.of_top("id")),
    )


def _after_repairs(errors: list[LessonError], reading, lines: "LessonLines") -> list[LessonError]:
    """Problems found in the repaired text, on the original lines; none that only follow from a
    line set aside (a word missing the field whose line could not be read)."""
    headers = [reading.original_line(h) for h, _ in lines.words]
    hit = set()
    for line in reading.set_aside:
        before = [h for h in headers if h < line]
        hit.add(before[-1] if before else 1)
    out = []
    for e in errors:
        line = reading.original_line(e.line)
        if line in reading.set_aside or ("is missing" in e.message and line in hit):
            continue
        out.append(LessonError(e.file, line, e.field, e.message))
    return out


def _with_keys(words: list[Word]) -> tuple[Word, ...]:
    """Key = hanzi; where one lesson has the same hanzi twice, hanzi + reading."""
    counts: dict[str, int] = {}
    for w in words:
        counts[w.hanzi] = counts.get(w.hanzi, 0) + 1
    out = []
    for w in words:
        key = w.hanzi if counts[w.hanzi] == 1 else f"{w.hanzi}|{w.numbered}"
        out.append(_replace_key(w, key))
    return tuple(out)


def _replace_key(word: Word, key: str) -> Word:
    from dataclasses import replace
    return replace(word, key=key)


def check_unique_ids(lessons: Sequence[Lesson]) -> None:
    """Several files that would be imported together must not share an id."""
    first: dict[str, Lesson] = {}
    errors = []
    for lesson in lessons:
        if lesson.id in first:
            errors.append(LessonError(
                lesson.source, 1, "id",
                f"'{lesson.id}' is also the id of {first[lesson.id].source}: give each lesson its own id",
            ))
        else:
            first[lesson.id] = lesson
    if errors:
        raise LessonProblems(errors)
