"""Anki "Notes in Plain Text" exports <-> lessons.

The export: optional `#key:value` header lines (`#separator:tab`, `#html:true`,
`#columns:...`, `#deck:...`, `#tags column:N`, `#guid column:N`,
`#notetype column:N`, `#deck column:N`), then one note per line, fields quoted
with "..." when they hold a tab, a quote or a line break. Columns count from 1.
Pure: bytes in, text out. Must never import storage, UI or audio.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lianxi.core.interop.common import (
    Imported, clean_field, decode_export, finish, is_cloze, note_to_word, one_line, pinyin_letters, readings_text,
    toned_pinyin,
)
from lianxi.core.lesson_writer import LessonDraft, WordDraft, lesson_id_for
from lianxi.core.hanzi import count_hanzi
from lianxi.core.lessons import Lesson, LessonError, LessonProblems
from lianxi.core.lexicon import EMPTY, Lexicon

ROLES = ("hanzi", "traditional", "pinyin", "english", "measure_word", "example",
         "example_pinyin", "example_english", "note", "tags", "other_readings")

# Column names people give their Anki fields, lower-cased -> our field.
_ALIASES = {
    "hanzi": "hanzi", "simplified": "hanzi", "chinese": "hanzi", "characters": "hanzi",
    "character": "hanzi", "word": "hanzi", "front": "hanzi", "expression": "hanzi",
    "traditional": "traditional",
    "pinyin": "pinyin", "reading": "pinyin", "pronunciation": "pinyin",
    "english": "english", "meaning": "english", "meanings": "english", "definition": "english",
    "definitions": "english", "gloss": "english", "back": "english", "translation": "english",
    "measure word": "measure_word", "measure_word": "measure_word", "classifier": "measure_word",
    "example": "example", "sentence": "example",
    "example pinyin": "example_pinyin", "example_pinyin": "example_pinyin",
    "example english": "example_english", "example_english": "example_english",
    "note": "note", "notes": "note", "tags": "tags",
    # "dé: to obtain | děi: must" (what anki_text and the .apkg's OtherReadings field hold)
    "other readings": "other_readings", "other_readings": "other_readings", "otherreadings": "other_readings",
}
_SKIP = {"-", "skip", ""}

_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}


# -- Anki ------------------------------------------------------------------------------------


@dataclass
class _AnkiHeader:
    separator: str = "\t"
    html: bool = False
    columns: list[str] | None = None
    deck: str = ""
    tags: list[str] | None = None
    about: dict[str, str] | None = None  # level, description, attribution written by anki_text
    special: dict[int, tuple[str, int]] | None = None  # 0-based column -> (guid/notetype/deck/tags, header line)
    lines: int = 0


def _anki_header(lines: list[str], source: str) -> _AnkiHeader:
    head = _AnkiHeader(special={}, about={})
    for line in lines:
        if not line.startswith("#") or ":" not in line:
            break
        head.lines += 1
        key, _, value = line[1:].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "separator":
            head.separator = _SEPARATORS.get(value.lower(), value[:1] or "\t")
        elif key == "html":
            head.html = value.lower() == "true"
        elif key == "columns":
            head.columns = value.split(head.separator) if head.separator != " " else value.split()
        elif key == "deck":
            head.deck = value
        elif key == "tags":
            head.tags = value.split()
        elif key.startswith("lianxi-") and key.removeprefix("lianxi-") in ABOUT:
            head.about[key.removeprefix("lianxi-")] = value
        elif key.endswith(" column"):
            if not re.fullmatch(r"[+-]?\d{1,9}", value):
                raise LessonProblems([LessonError(source, head.lines, "header",
                                                  f"'#{key}:{value[:40]}' needs a column number, like #{key}:3")])
            number = int(value)
            if number < 1:
                raise LessonProblems([LessonError(
                    source, head.lines, "header",
                    f"'#{key}:{value}' names column {number}, but columns count from 1: "
                    f"write the column's number, like #{key}:3, or remove this line")])
            head.special[number - 1] = (key.removesuffix(" column"), head.lines)
    return head


def _roles_from_names(names: Sequence[str], source: str, line: int, what: str) -> list[str]:
    """Our field for each name; a name we have no field for is kept as "extra:Name" (it goes into the note)."""
    roles = []
    for name in names:
        key = name.strip().lower()
        if key in _SKIP:
            roles.append("")
        elif key in _ALIASES:
            roles.append(_ALIASES[key])
        else:
            roles.append("extra:" + name.strip())
    if "hanzi" not in roles:
        raise LessonProblems([LessonError(
            source, line, "columns",
            f"{what} has no hanzi column (names: {', '.join(names)}): name one Hanzi, Simplified or Chinese, "
            "or give --columns like hanzi,pinyin,english",
        )])
    return roles


def _guess_roles(rows: list[list[str]], fields: list[int], source: str) -> dict[int, str]:
    """Which column is which, from what the columns hold (hanzi, toned pinyin, English)."""

    def share(column: int, test) -> float:
        values = [row[column] for row in rows if column < len(row) and row[column]]
        return sum(1 for v in values if test(v)) / len(values) if values else 0.0

    roles: dict[int, str] = {}
    hanzi_cols = [c for c in fields if share(c, lambda v: count_hanzi(v) and count_hanzi(v) >= len(v.replace(" ", "")) * 0.5) >= 0.9]
    if hanzi_cols:
        roles[hanzi_cols[0]] = "hanzi"
        for c in hanzi_cols[1:]:
            # a second short hanzi column is the traditional form; longer ones are examples
            if "traditional" not in roles.values() and share(c, lambda v: count_hanzi(v) <= 6) >= 0.9:
                roles[c] = "traditional"
    pinyin_cols = [c for c in fields if c not in roles and share(c, toned_pinyin) >= 0.9]
    if not pinyin_cols:
        # a pinyin column where a few notes lost their tones (mian tiao) is still the pinyin:
        # those notes are then named by the lesson check, not read as meanings
        pinyin_cols = [c for c in fields if c not in roles and share(c, toned_pinyin) >= 0.5
                       and share(c, pinyin_letters) >= 0.9]
    if pinyin_cols:
        roles[pinyin_cols[0]] = "pinyin"
    english_cols = [c for c in fields if c not in roles and share(c, lambda v: bool(re.search(r"[A-Za-z]", v))
                                                                   and not count_hanzi(v)) >= 0.9]
    if english_cols:
        # of several Latin-letter columns, the meaning is the one least like pinyin
        roles[min(english_cols, key=lambda c: share(c, pinyin_letters))] = "english"
    missing = [name for name in ("hanzi", "english") if name not in roles.values()]
    if missing:
        raise LessonProblems([LessonError(
            source, 1, "columns",
            f"cannot tell which column holds the {' and the '.join(missing)}: "
            "give --columns with one name per column, like hanzi,pinyin,english (- for a column to leave out)",
        )])
    return roles


def _notes(body: str, head: _AnkiHeader, source: str) -> list[tuple[int, list[str]]]:
    """(line, fields) of each note; empty lines say nothing. A broken quote stops the import."""
    reader = csv.reader(io.StringIO(body), delimiter=head.separator, quotechar='"', strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = head.lines + 1
    try:
        for record in reader:
            line = start
            start = head.lines + reader.line_num + 1
            if any(field.strip() for field in record):
                rows.append((line, record))
    except csv.Error as exc:
        raise LessonProblems([LessonError(source, head.lines + reader.line_num, "file",
                                          f"cannot be read as Anki text ({exc}): check the quotes on this line")]) from None
    return rows


def read_anki(data: bytes, source: str, *, title: str | None = None, lesson_id: str | None = None,
              level: str | None = None, columns: Sequence[str] | None = None,
              default_title: str = "Imported from Anki", skip_bad: bool = False,
              lexicon: Lexicon = EMPTY) -> Imported:
    """An Anki notes export -> a lesson.

    Problems with the file stop the import; notes that cannot become words stop it
    too (BadNotes, each named) unless `skip_bad`, when they are left out and listed.
    """
    text = decode_export(data, source)
    lines = text.split("\n")
    head = _anki_header(lines, source)
    rows = _notes("\n".join(lines[head.lines:]), head, source)
    if not rows:
        raise LessonProblems([LessonError(source, head.lines + 1, "words",
                                          "has no notes: export the deck from Anki as Notes in Plain Text")])

    width = len(head.columns) if head.columns else len(rows[0][1])
    special = head.special or {}
    for column, (kind, line) in special.items():
        if column >= width:
            raise LessonProblems([LessonError(
                source, line, "header",
                f"'#{kind} column:{column + 1}' names column {column + 1}, but the notes have {width} column(s): "
                "export the deck again from Anki, or remove this line")])
    bad: list[LessonError] = []
    notes = []
    for line, record in rows:
        if len(record) != width:
            bad.append(LessonError(
                source, line, "columns",
                f"has {len(record)} column(s) but {'the #columns header names' if head.columns else 'the first note has'} "
                f"{width}: each note needs the same columns (is a tab missing or extra?)",
            ))
        else:
            notes.append((line, [clean_field(v, head.html) for v in record]))

    fields = [c for c in range(width) if c not in special]
    if columns:
        if len(columns) != len(fields):
            raise LessonProblems([LessonError(
                source, rows[0][0], "columns",
                f"--columns names {len(columns)} column(s) but the notes have {len(fields)} field(s): "
                "give one name per field (- for one to leave out)",
            )])
        roles = dict(zip(fields, _roles_from_names(columns, source, rows[0][0], "--columns")))
    elif head.columns:
        named = _roles_from_names([head.columns[c] for c in fields], source, head.lines, "the #columns header")
        roles = dict(zip(fields, named))
    elif notes:
        # Cloze notes hold sentences with gaps: they say nothing about which column is which
        roles = _guess_roles([r for _, r in notes if not any(is_cloze(v) for v in r)] or [r for _, r in notes],
                             fields, source)
    else:
        roles = {}
    for column, (kind, _) in special.items():
        if kind in ("tags", "deck", "notetype"):
            roles[column] = {"tags": "anki_tags"}.get(kind, kind)

    deck = head.deck
    words: list[WordDraft] = []
    checks: list[tuple[str, str]] = []
    for line, record in notes:
        values: dict[str, str] = {}
        extras: list[str] = []
        for column, role in roles.items():
            if not role:
                continue
            if role.startswith("extra:"):
                if record[column]:
                    extras.append(f"{role.removeprefix('extra:')}: {record[column]}")
            elif role not in values:
                values[role] = record[column]
        if extras:  # fields we have no place for are kept in the word's note
            values["note"] = "; ".join(([values["note"]] if values.get("note") else []) + extras)
        deck = deck or values.get("deck", "")
        word = note_to_word(values, line, source, head.tags or [], lexicon)
        if isinstance(word, LessonError):
            bad.append(word)
            continue
        words.append(word)
        if word.check:
            checks.append((word.hanzi, word.check))
    title = title or deck.split("::")[-1].strip() or default_title
    about = head.about or {}
    draft = LessonDraft(
        id=lesson_id or lesson_id_for(title), title=title, level=level or about.get("level") or "Imported",
        words=words, description=about.get("description", ""), attribution=about.get("attribution", ""),
        comment=f"Imported from the Anki export {source} by `lianxi lessons import-anki`.",
    )
    return finish(draft, source, [], bad, skip_bad, checks, lexicon=lexicon)


ABOUT = ("level", "description", "attribution")  # kept as #lianxi-level:... headers (Anki skips them)

ANKI_COLUMNS = ("Hanzi", "Pinyin", "English", "Traditional", "Measure word", "Example",
                "Example pinyin", "Example English", "Note", "Other readings", "Tags")


def _anki_tag(tag: str) -> str:
    return re.sub(r"\s+", "_", tag.strip())  # Anki tags cannot hold spaces


def anki_text(lesson: Lesson) -> str:
    """The lesson as an Anki notes text file: Anki imports it, and so does read_anki.

    A word's other readings go in their own column, as "dé: to obtain; to get | děi: must".
    """
    out = io.StringIO()
    out.write("#separator:tab\n#html:false\n")
    out.write("#columns:" + "\t".join(ANKI_COLUMNS) + "\n")
    out.write(f"#deck:{one_line(lesson.title)}\n")
    for name in ABOUT:
        if getattr(lesson, name):
            out.write(f"#lianxi-{name}:{one_line(getattr(lesson, name))}\n")
    out.write(f"#tags column:{len(ANKI_COLUMNS)}\n")
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for w in lesson.words:
        writer.writerow([
            w.hanzi, w.pinyin, "; ".join(w.english), w.traditional, w.measure_word, w.example,
            w.example_pinyin, w.example_english, w.note, readings_text(w), " ".join(_anki_tag(t) for t in w.tags),
        ])
    return out.getvalue()
