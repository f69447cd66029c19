"""Use cases for tutors: find a lesson, write lesson files, import Anki/Pleco, export decks.

Tutors get content tools, never a view of learners: nothing here reads
progress or writes to the learner's database. Lessons named by id are read
from the bundled folder or, read-only, from the learner's imported lessons.
Must never import Textual.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lianxi import paths
from lianxi.files import IMPORT_LIMIT, FileProblem, read_limited, write_atomic
from lianxi.lexicon import bundled_lexicon
from lianxi.core.errors import UserError
from lianxi.core.interop import readings_text
from lianxi.core.lesson_writer import LessonDraft, WordDraft, checked_lesson
from lianxi.core.lessons import Lesson, LessonError, LessonProblems
from lianxi.store.stored_lessons import read_stored_lesson
from lianxi.study.lesson_files import bundled_lesson_path, read_lesson_file


class LessonNotFound(UserError):
    """A LESSON argument that is no file, no bundled lesson and no imported lesson."""


class FileExists(UserError):
    """We never overwrite a tutor's file unless asked to."""


# -- finding a lesson ------------------------------------------------------------------------


def find_lesson(ref: str, data_dir: Path | None = None) -> Lesson:
    """A lesson file path, a bundled lesson id, or the id of a lesson this learner imported."""
    path = Path(ref).expanduser()
    if path.is_file():
        return read_lesson_file(path)
    if path.suffix == ".toml" or "/" in ref or "\\" in ref:
        raise LessonNotFound(f"no lesson file {ref}: check the path (or give a lesson id; see `lianxi lessons list`)")
    bundled = bundled_lesson_path(ref)
    if bundled is not None:
        return read_lesson_file(bundled, str(bundled.relative_to(paths.bundled_lessons_dir())))
    stored = read_stored_lesson(paths.database_path(data_dir), ref)
    if stored is None:
        raise LessonNotFound(
            f"no lesson file, bundled lesson or imported lesson is called {ref!r}: "
            "see `lianxi lessons list`, or give the path of a lesson file"
        )
    source = Path(stored.source)
    if source.is_absolute() and source.is_file():
        try:
            lesson = read_lesson_file(source)
        except LessonProblems:
            lesson = None  # the file was edited into a broken state; use what was imported
        if lesson is not None and lesson.id == ref:
            return lesson
    draft = LessonDraft(
        id=stored.id, title=stored.title, level=stored.level, description=stored.description,
        attribution=stored.attribution,
        words=[WordDraft(**{k: v for k, v in w.items()}) for w in stored.words],
    )
    # checked by the same rules as the file was on import (the lexicon knows 过 guo, 起来 qi lai)
    return checked_lesson(draft, f"{ref} (imported)", bundled_lexicon())[1]


# -- writing files ---------------------------------------------------------------------------


def write_new_file(path: Path, data: str | bytes, force: bool = False) -> Path:
    """Write a file the tutor asked for, whole or not at all; an existing file is kept unless `force`."""
    if path.exists() and not force:
        raise FileExists(f"{path} already exists: choose another name with --out, or add --force to replace it")
    return write_atomic(path, data, make_folder=True)


def read_input(path: Path) -> bytes:
    """An Anki/Pleco export or a word list: a regular file within the import limit."""
    try:
        return read_limited(path, IMPORT_LIMIT, "file to import")
    except FileProblem as exc:
        raise LessonProblems([LessonError(str(path), 1, "file", exc.reason)]) from None


# -- Anki packages ------------------------------------------------------------------------------

MODEL_NAME = "Lianxi word"
# New fields go before Audio, the last one; OtherReadings holds "dé: to obtain | děi: must"
# (core.interop's readings text), so an Anki export of the deck imports back with its readings.
_FIELDS = ("Hanzi", "Pinyin", "English", "Traditional", "MeasureWord", "Example", "ExamplePinyin",
           "ExampleEnglish", "Note", "OtherReadings", "Audio")
_CSS = (".card { font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; "
        "font-size: 22px; text-align: center; } .hanzi { font-size: 64px; } .pinyin { font-size: 28px; } "
        ".small { font-size: 16px; color: #555; } .readings { margin-top: 8px; }")
_BACK = (
    '<div class="pinyin">{{Pinyin}}</div><div>{{English}}</div>{{Audio}}'
    '{{#OtherReadings}}<div class="readings">also read {{OtherReadings}}</div>{{/OtherReadings}}'
    '{{#Traditional}}<div class="small">{{Traditional}}</div>{{/Traditional}}'
    '{{#MeasureWord}}<div class="small">measure word: {{MeasureWord}}</div>{{/MeasureWord}}'
    '{{#Example}}<hr><div>{{Example}}</div><div class="small">{{ExamplePinyin}}</div>'
    '<div class="small">{{ExampleEnglish}}</div>{{/Example}}'
    '{{#Note}}<div class="small">{{Note}}</div>{{/Note}}'
)


def stable_id(*parts: str) -> int:
    """An Anki id from names, the same on every export (Anki updates the deck instead of duplicating it)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


@dataclass(frozen=True, slots=True)
class AnkiExport:
    path: Path
    notes: int
    media: int


def _model():
    import genanki  # noqa: PLC0415 - only export needs it

    return genanki.Model(
        stable_id("lianxi-model", MODEL_NAME), MODEL_NAME,
        fields=[{"name": name} for name in _FIELDS],
        templates=[
            {"name": "Recognise", "qfmt": '<div class="hanzi">{{Hanzi}}</div>',
             "afmt": '{{FrontSide}}<hr id="answer">' + _BACK},
            {"name": "Recall", "qfmt": "<div>{{English}}</div>",
             "afmt": '{{FrontSide}}<hr id="answer"><div class="hanzi">{{Hanzi}}</div>' + _BACK},
        ],
        css=_CSS,
    )


def export_anki_package(lesson: Lesson, out: Path, speaker=None, force: bool = False) -> AnkiExport:
    """The lesson as an .apkg deck; with a Speaker, each word carries its audio (WAV)."""
    import genanki  # noqa: PLC0415
    from html import escape  # noqa: PLC0415

    if out.exists() and not force:
        raise FileExists(f"{out} already exists: choose another file name, or add --force to replace it")
    about = [lesson.description, f"Level: {lesson.level}", lesson.attribution]
    deck = genanki.Deck(stable_id("lianxi-deck", lesson.id), f"Lianxi::{lesson.title}",
                        description="<br>".join(escape(part) for part in about if part))
    model = _model()
    media: list[str] = []
    for word in lesson.words:
        sound = ""
        if speaker is not None:
            wav = speaker.render(hanzi=word.hanzi, pinyin=word.numbered)
            if str(wav) not in media:
                media.append(str(wav))
            sound = f"[sound:{wav.name}]"
        fields = [escape(v) for v in (word.hanzi, word.pinyin, word.meaning, word.traditional, word.measure_word,
                                      word.example, word.example_pinyin, word.example_english, word.note,
                                      readings_text(word))]
        deck.add_note(genanki.Note(
            model=model, fields=fields + [sound],
            tags=[t.replace(" ", "_") for t in word.tags],
            guid=genanki.guid_for("lianxi", lesson.id, word.key),
        ))
    package = genanki.Package(deck)
    package.media_files = media
    # genanki writes to a path: let it write a private temporary file, then put it in place atomically
    with tempfile.TemporaryDirectory(prefix="lianxi-apkg-") as folder:
        draft = Path(folder) / "deck.apkg"
        try:
            package.write_to_file(str(draft))
            data = draft.read_bytes()
        except OSError as exc:
            raise UserError(f"cannot make the deck for {out}: {exc.strerror}") from None
    write_atomic(out, data, make_folder=True)
    return AnkiExport(out, len(lesson.words), len(media))
