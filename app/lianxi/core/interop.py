"""Anki and Pleco text exports <-> lessons.

Readers take the bytes of an export and give back a lesson file's text and the
Lesson it holds, or raise LessonProblems naming file:line: field for every
problem, so a caller imports all the words or none. Writers turn a Lesson into
text the readers (and Anki, and Pleco) read back with every word kept.

- Anki "Notes in Plain Text" (.txt, tab-separated): optional `#key:value`
  header lines (`#separator:tab`, `#html:true`, `#columns:...`, `#deck:...`,
  `#tags column:N`, `#guid column:N`, `#notetype column:N`, `#deck column:N`),
  then one note per line, fields quoted with "..." when they hold a tab, a
  quote or a line break.
- Pleco flashcard text export: `simplified[traditional]<TAB>pinyin<TAB>definition`,
  numbered pinyin (`ni3hao3`), categories as lines starting with `//`.

Pure: bytes in, text out. Must never import storage, UI or audio.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lianxi.core.lesson_writer import LessonDraft, WordDraft, checked_lesson, lesson_id_for, reading_check
from lianxi.core.lessons import Lesson, LessonError, LessonProblems, count_hanzi, decode_utf8, display_pinyin
from lianxi.core.pinyin import PinyinError, hanzi_reading, parse

ROLES = ("hanzi", "traditional", "pinyin", "english", "measure_word", "example",
         "example_pinyin", "example_english", "note", "tags")

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
}
_SKIP = {"-", "skip", ""}

_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import gives: the lesson file's text, its Lesson, and readings to check."""

    text: str
    lesson: Lesson
    checks: tuple[tuple[str, str], ...]  # (hanzi, why) for pinyin we filled in ourselves


# -- reading bytes --------------------------------------------------------------------------


def decode_export(data: bytes, source: str) -> str:
    """UTF-8 (or UTF-16 with its BOM) text, NFC; a line in another encoding is named."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise LessonProblems([LessonError(source, 1, "file", "is damaged UTF-16 text: export it again as UTF-8")]) from None
    else:
        text = decode_utf8(
            data, source,
            "this line is not UTF-8 text (the file mixes encodings, or was saved as GBK/Big5): "
            "export it again, or open it in an editor and Save As with Encoding: UTF-8",
        )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise LessonProblems([LessonError(source, line, "file",
                                          "holds NUL bytes (UTF-16 without a BOM?): save it again as UTF-8")])
    return unicodedata.normalize("NFC", text)


_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br|/div|/p|/li)\s*/?>", re.I)
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_PRIVATE = re.compile("[\ue000-\uf8ff]")  # Pleco's formatting codes


def _clean(value: str, as_html: bool) -> str:
    value = _SOUND.sub("", value)
    if as_html:
        value = _BREAK.sub("; ", value)
        value = html.unescape(_TAG.sub("", value))
    value = _PRIVATE.sub("", value).replace("\u00a0", " ")
    value = re.sub(r"\s+", " ", value).strip()
    return value.strip(";").strip()


def _glosses(value: str) -> list[str]:
    return [g.strip() for g in value.split(";") if g.strip()]


def _toned_pinyin(value: str) -> bool:
    """Pinyin with at least one written tone (so "long" or "he" in English do not count)."""
    if not value or count_hanzi(value):
        return False
    try:
        syllables = parse(value)
    except PinyinError:
        return False
    return bool(syllables) and any(s.tone != 5 for s in syllables)


def _pinyin_for_lesson(value: str) -> str:
    """Tone marks for a learner to read; left as written if it cannot be read (the check says why)."""
    try:
        return display_pinyin(value)
    except PinyinError:
        return value


_PUNCTUATION = re.compile(r"[,.!?;:，。！？；：、…\"“”‘’()（）]+")


# -- Anki ------------------------------------------------------------------------------------


@dataclass
class _AnkiHeader:
    separator: str = "\t"
    html: bool = False
    columns: list[str] | None = None
    deck: str = ""
    tags: list[str] | None = None
    special: dict[int, str] | None = None  # 0-based column -> guid/notetype/deck/tags
    lines: int = 0


def _anki_header(lines: list[str], source: str) -> _AnkiHeader:
    head = _AnkiHeader(special={})
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
        elif key.endswith(" column"):
            try:
                head.special[int(value) - 1] = key.removesuffix(" column")
            except ValueError:
                raise LessonProblems([LessonError(source, head.lines, "header",
                                                  f"'#{key}:{value}' needs a column number, like #{key}:3")]) from None
    return head


def _roles_from_names(names: Sequence[str], source: str, line: int, what: str) -> list[str]:
    roles = []
    for name in names:
        key = name.strip().lower()
        if key in _SKIP:
            roles.append("")
        elif key in _ALIASES:
            roles.append(_ALIASES[key])
        else:
            roles.append("")  # a field we have no place for (audio, images, ...) is left out
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
    pinyin_cols = [c for c in fields if c not in roles and share(c, _toned_pinyin) >= 0.9]
    if pinyin_cols:
        roles[pinyin_cols[0]] = "pinyin"
    english_cols = [c for c in fields if c not in roles and share(c, lambda v: bool(re.search(r"[A-Za-z]", v))
                                                                   and not count_hanzi(v)) >= 0.9]
    if english_cols:
        roles[english_cols[0]] = "english"
    missing = [name for name in ("hanzi", "english") if name not in roles.values()]
    if missing:
        raise LessonProblems([LessonError(
            source, 1, "columns",
            f"cannot tell which column holds the {' and the '.join(missing)}: "
            "give --columns with one name per column, like hanzi,pinyin,english (- for a column to leave out)",
        )])
    return roles


def read_anki(data: bytes, source: str, *, title: str | None = None, lesson_id: str | None = None,
              level: str = "Imported", columns: Sequence[str] | None = None,
              default_title: str = "Imported from Anki") -> Imported:
    """An Anki notes export -> a lesson. All problems are raised together; nothing is half-read."""
    text = decode_export(data, source)
    lines = text.split("\n")
    head = _anki_header(lines, source)
    body = "\n".join(lines[head.lines:])
    reader = csv.reader(io.StringIO(body), delimiter=head.separator, quotechar='"', strict=True)
    rows: list[tuple[int, list[str]]] = []
    errors: list[LessonError] = []
    start = head.lines + 1
    try:
        for record in reader:
            line = start
            start = head.lines + reader.line_num + 1
            if not any(field.strip() for field in record):
                continue  # empty lines say nothing
            rows.append((line, record))
    except csv.Error as exc:
        raise LessonProblems([LessonError(source, head.lines + reader.line_num, "file",
                                          f"cannot be read as Anki text ({exc}): check the quotes on this line")]) from None
    if not rows:
        raise LessonProblems([LessonError(source, head.lines + 1, "words",
                                          "has no notes: export the deck from Anki as Notes in Plain Text")])

    width = len(head.columns) if head.columns else len(rows[0][1])
    for line, record in rows:
        if len(record) != width:
            errors.append(LessonError(
                source, line, "columns",
                f"has {len(record)} column(s) but {'the #columns header names' if head.columns else 'the first note has'} "
                f"{width}: each note needs the same columns (is a tab missing or extra?)",
            ))
    if errors:
        raise LessonProblems(errors)

    special = head.special or {}
    fields = [c for c in range(width) if c not in special]
    cleaned = [(line, [_clean(v, head.html) for v in record]) for line, record in rows]
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
    else:
        roles = _guess_roles([r for _, r in cleaned], fields, source)
    for c, kind in special.items():
        if kind == "tags" and c < width:
            roles[c] = "anki_tags"
        elif kind == "deck" and c < width:
            roles[c] = "deck"

    deck = head.deck
    words: list[WordDraft] = []
    checks: list[tuple[str, str]] = []
    for line, record in cleaned:
        values: dict[str, str] = {}
        for c, role in roles.items():
            if role and c < len(record) and role not in values:
                values[role] = record[c]
        deck = deck or values.get("deck", "")
        word, problem = _word(values, line, source, head.tags or [])
        if problem:
            errors.append(problem)
        else:
            words.append(word)
            if word.check:
                checks.append((word.hanzi, word.check))
    title = title or deck.split("::")[-1].strip() or default_title
    draft = LessonDraft(
        id=lesson_id or lesson_id_for(title), title=title, level=level, words=words,
        comment=f"Imported from the Anki export {source} by `lianxi lessons import-anki`.",
    )
    return _finish(draft, source, errors, checks)


def _finish(draft: LessonDraft, source: str, errors: list[LessonError],
            checks: Sequence[tuple[str, str]] = ()) -> Imported:
    """Check the words that were read with the lesson rules too, then fail with every problem, or succeed."""
    if draft.words:
        try:
            text, lesson = checked_lesson(draft, source)
        except LessonProblems as exc:
            errors = errors + exc.errors
    if errors:
        raise LessonProblems(sorted(errors, key=lambda e: e.line))
    return Imported(text, lesson, tuple(checks))


def _word(values: dict[str, str], line: int, source: str, extra_tags: list[str]) -> tuple[WordDraft | None, LessonError | None]:
    hanzi = values.get("hanzi", "")
    if not count_hanzi(hanzi):
        what = f"{hanzi!r} has no Chinese characters" if hanzi else "is empty"
        return None, LessonError(source, line, "hanzi", f"{what}: every note needs the word in hanzi")
    english = _glosses(values.get("english", ""))
    if not english:
        return None, LessonError(source, line, "english", f"the meaning of {hanzi} is empty: every note needs one")
    pinyin = _PUNCTUATION.sub(" ", values.get("pinyin", "")).strip()
    check = ""
    if not pinyin:
        # a deck without pinyin: fill it in, and ask a person to look
        try:
            syllables = hanzi_reading(hanzi)
        except PinyinError as exc:
            return None, LessonError(source, line, "pinyin", str(exc))
        pinyin = " ".join(s.marked for s in syllables)
        check = reading_check(hanzi, " ".join(s.numbered for s in syllables), []) or "CHECK reading: filled in by Lianxi"
    tags = [t for t in values.get("anki_tags", "").split() + extra_tags if t]
    tags += [t.strip() for t in values.get("tags", "").split(",") if t.strip()] if "tags" in values else []
    return WordDraft(
        hanzi=hanzi, pinyin=_pinyin_for_lesson(pinyin), english=english,
        traditional=values.get("traditional", "") if values.get("traditional", "") != hanzi else "",
        measure_word=values.get("measure_word", ""), example=values.get("example", ""),
        example_pinyin=values.get("example_pinyin", ""), example_english=values.get("example_english", ""),
        note=values.get("note", ""), tags=list(dict.fromkeys(tags)), check=check, line=line,
    ), None


ANKI_COLUMNS = ("Hanzi", "Pinyin", "English", "Traditional", "Measure word", "Example",
                "Example pinyin", "Example English", "Note", "Tags")


def _anki_tag(tag: str) -> str:
    return re.sub(r"\s+", "_", tag.strip())  # Anki tags cannot hold spaces


def anki_text(lesson: Lesson) -> str:
    """The lesson as an Anki notes text file: Anki imports it, and so does read_anki."""
    out = io.StringIO()
    out.write("#separator:tab\n#html:false\n")
    out.write("#columns:" + "\t".join(ANKI_COLUMNS) + "\n")
    out.write(f"#deck:{lesson.title}\n")
    out.write(f"#tags column:{len(ANKI_COLUMNS)}\n")
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for w in lesson.words:
        writer.writerow([
            w.hanzi, w.pinyin, "; ".join(w.english), w.traditional, w.measure_word, w.example,
            w.example_pinyin, w.example_english, w.note, " ".join(_anki_tag(t) for t in w.tags),
        ])
    return out.getvalue()


# -- Pleco -----------------------------------------------------------------------------------

_PLECO_HEADWORD = re.compile(r"^(?P<simplified>[^\[\]]+?)(?:\[(?P<traditional>[^\[\]]+)\])?$")


def read_pleco(data: bytes, source: str, *, title: str | None = None, lesson_id: str | None = None,
               level: str = "Imported", default_title: str = "Imported from Pleco") -> Imported:
    """A Pleco flashcard text export -> a lesson; `//` categories become tags."""
    text = decode_export(data, source)
    errors: list[LessonError] = []
    words: list[WordDraft] = []
    category = ""
    first_category = ""
    for number, raw in enumerate(text.split("\n"), start=1):
        row = raw.rstrip("\r")
        if not row.strip():
            continue
        if row.lstrip().startswith("//"):
            category = row.lstrip()[2:].strip()
            first_category = first_category or category
            continue
        parts = row.split("\t")
        if len(parts) != 3:
            errors.append(LessonError(
                source, number, "columns",
                f"has {len(parts)} column(s); Pleco cards are hanzi<TAB>pinyin<TAB>definition "
                "(export from Pleco with Flashcards > Export, as text)",
            ))
            continue
        head, pinyin, definition = (_clean(p, as_html=False) for p in parts)
        m = _PLECO_HEADWORD.match(head)
        if not m:
            errors.append(LessonError(source, number, "hanzi",
                                      f"{head!r} is not like 简体[繁體]: write the simplified form, then the traditional in [ ]"))
            continue
        simplified, traditional = m.group("simplified").strip(), (m.group("traditional") or "").strip()
        values = {"hanzi": simplified, "traditional": traditional,
                  "pinyin": pinyin, "english": definition}
        if not pinyin:
            errors.append(LessonError(source, number, "pinyin", f"the pinyin of {simplified} is empty"))
            continue
        word, problem = _word(values, number, source, [category] if category else [])
        if problem:
            errors.append(problem)
        else:
            words.append(word)
    if not words and not errors:
        errors.append(LessonError(source, 1, "words", "has no cards: export some flashcards from Pleco as text"))
    title = title or first_category.split("/")[-1].strip() or default_title
    draft = LessonDraft(
        id=lesson_id or lesson_id_for(title), title=title, level=level, words=words,
        comment=f"Imported from the Pleco export {source} by `lianxi lessons import-pleco`.",
    )
    return _finish(draft, source, errors)


def pleco_text(lesson: Lesson) -> str:
    """The lesson as a Pleco flashcard text file (Pleco's Import Cards reads it; so does read_pleco)."""
    lines = [f"// {lesson.title}"]
    for w in lesson.words:
        head = f"{w.hanzi}[{w.traditional}]" if w.traditional and w.traditional != w.hanzi else w.hanzi
        lines.append(f"{head}\t{''.join(s.numbered for s in w.syllables)}\t{'; '.join(w.english)}")
    return "\n".join(lines) + "\n"
