"""Use cases of lesson files: read and check them, and find the lessons bundled with Lianxi.

Must never import Textual, storage or audio: a lesson file becomes a checked Lesson here,
and the learner's store takes it from there.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lianxi import paths
from lianxi.core.lesson_file import check_unique_ids, parse_lesson
from lianxi.core.lessons import LESSON_ID, Lesson, LessonError, LessonProblems
from lianxi.files import LESSON_LIMIT, FileProblem, read_limited
from lianxi.lexicon import bundled_lexicon


def read_lesson_file(path: Path, name: str | None = None) -> Lesson:
    """Read and check one lesson file; problems come back as LessonProblems."""
    shown = name or str(path)
    try:
        data = read_limited(path, LESSON_LIMIT, "lesson file")
    except FileProblem as exc:
        raise LessonProblems([LessonError(shown, 1, "file", exc.reason)]) from None
    return parse_lesson(data, shown, bundled_lexicon())


def read_lesson_files(files: Iterable[Path]) -> list[Lesson]:
    """Read several files, collecting every problem in every file before failing."""
    lessons, errors = [], []
    for path in files:
        try:
            lessons.append(read_lesson_file(path))
        except LessonProblems as exc:
            errors.extend(exc.errors)
    if not errors:
        for check in (check_unique_ids, check_not_bundled):
            try:
                check(lessons)
            except LessonProblems as exc:
                errors.extend(exc.errors)
    if errors:
        raise LessonProblems(errors)
    return lessons


def check_not_bundled(lessons: Iterable[Lesson], folder: Path | None = None) -> None:
    """A tutor's lesson must not take the id of a lesson that comes with Lianxi: importing it
    would silently replace that lesson's words for the learner. Refused, saying what to do."""
    folder = folder or paths.bundled_lessons_dir()
    errors = []
    for lesson in lessons:
        path = bundled_lesson_path(lesson.id, folder)
        if path is None:
            continue
        where = path.relative_to(folder)
        try:
            same = parse_lesson(path.read_bytes(), str(where), bundled_lexicon()).content_hash == lesson.content_hash
        except (OSError, LessonProblems):
            same = False
        if same:
            message = (f"'{lesson.id}' is a lesson that comes with Lianxi ({where}): start it with "
                       f"`lianxi lessons start {lesson.id}` instead of importing a copy")
        else:
            message = (f"'{lesson.id}' is already the id of a lesson that comes with Lianxi ({where}); "
                       f"give your lesson its own id, like id = \"{lesson.id}-ours\" (nothing was imported)")
        errors.append(LessonError(lesson.source, lesson.id_line, "id", message))
    if errors:
        raise LessonProblems(errors)


@dataclass(frozen=True, slots=True)
class BundledLesson:
    id: str
    title: str
    level: str
    words: int
    path: Path
    group: str  # folder under lessons/: "first-course", "hsk/hsk2-level1", ...


def bundled_lessons(folder: Path | None = None) -> list[BundledLesson]:
    """The lessons shipped with Lianxi, in course order.

    Only each file's header is read (hundreds of HSK lessons ship), so the
    catalogue is quick; a lesson is fully checked when the learner starts it.
    """
    folder = folder or paths.bundled_lessons_dir()
    out = []
    for path in sorted(folder.rglob("*.toml")):
        text = path.read_text(encoding="utf-8")
        head, _, _ = text.partition("[[words]]")
        meta = tomllib.loads(head)
        out.append(BundledLesson(meta["id"], meta["title"], meta["level"], text.count("[[words]]"), path,
                                 str(path.parent.relative_to(folder))))
    return out


def bundled_lesson_path(lesson_id: str, folder: Path | None = None) -> Path | None:
    """Find a bundled lesson by id without parsing every file (ids match file names).

    Only a real lesson id is looked up (lowercase letters, digits, hyphens): never a
    glob pattern or a path, so `*` or `../x` cannot reach other files.
    """
    if not LESSON_ID.match(lesson_id or ""):
        return None
    folder = folder or paths.bundled_lessons_dir()
    name = f"{lesson_id}.toml"
    return next((p for p in sorted(folder.rglob("*.toml")) if p.name == name), None)


def added_message(report, title: str) -> str:
    """What adding a lesson did, in words: the words it brought in, or that it was there already.

    A lesson added a second time brings nothing in, and the message says so rather than
    counting its words again as if they were new.
    """
    total = report.added + report.updated + report.unchanged
    if report.created:
        return f"Added {title}: {total} word{'s' if total != 1 else ''}."
    if report.added:
        return f"{title} was already in your lessons; {report.added} new word{'s' if report.added != 1 else ''} added."
    return f"{title} is already in your lessons ({total} word{'s' if total != 1 else ''}); nothing new to add."
