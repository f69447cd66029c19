"""`lianxi lessons ...`: check, import, list and start lessons."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from lianxi.cli import Context, pass_context
from lianxi.core.lessons import Lesson, LessonError, LessonProblems
from lianxi.core.text import visible

# A broken file can have thousands of problems; the first ones say what to fix.
SHOWN_PROBLEMS = 50


def _read_lessons(paths: tuple[Path, ...]):
    """The lessons in these files and folders; every problem in all of them, or the lessons."""
    from lianxi.study import read_lesson_files

    files, empty = _lesson_paths(paths)
    try:
        found = read_lesson_files(files)
    except LessonProblems as exc:
        raise LessonProblems(empty + exc.errors) from None
    if empty:
        raise LessonProblems(empty)
    return found


def _lesson_paths(paths: tuple[Path, ...]) -> tuple[list[Path], list[LessonError]]:
    """Files as given; a folder stands for the *.toml files inside it.

    A folder with none is a problem, not "OK: 0 lessons": the tutor named the wrong
    folder, or an editor saved week-1.toml as week-1.toml.txt (Windows hides the .txt).
    """
    from lianxi.files import files_in

    out: list[Path] = []
    empty: list[LessonError] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = files_in(path, ".toml")
        if not found:
            saved_as_text = files_in(path, ".toml.txt")
            hint = (f"; {saved_as_text[0].name} looks like one saved as text: rename it to end in .toml"
                    if saved_as_text else ": give a lesson file, or the folder that holds them")
            empty.append(LessonError(str(path), 1, "folder", f"has no lesson files (names ending in .toml){hint}"))
        out.extend(found)
    return out, empty


def _report_problems(exc: LessonProblems, outcome: str = "; nothing was imported") -> None:
    for error in exc.errors[:SHOWN_PROBLEMS]:
        click.echo(visible(str(error)), err=True)
    n = len(exc.errors)
    if n > SHOWN_PROBLEMS:
        click.echo(f"... and {n - SHOWN_PROBLEMS} more.", err=True)
    click.echo(f"{n} problem{'s' if n != 1 else ''} found{outcome}.", err=True)


def _named_lesson(lesson_ref: str, data_dir: Path | None) -> Lesson:
    """The lesson a tutor named (a file, a bundled id or an imported lesson's id); if it cannot
    be used, its problems are said and the command stops: nothing is written."""
    from lianxi.study.tutor import find_lesson

    try:
        return find_lesson(lesson_ref, data_dir)
    except LessonProblems as exc:
        _report_problems(exc, outcome="; nothing was written")
        raise SystemExit(1)


@click.group()
def lessons() -> None:
    """Check, import and list lessons."""


@lessons.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check lesson files and report every problem (file:line: field: message)."""
    try:
        found = _read_lessons(files)
    except LessonProblems as exc:
        _report_problems(exc, outcome="")
        raise SystemExit(1)
    words = sum(len(lesson.words) for lesson in found)
    click.echo(f"OK: {len(found)} lesson{'s' if len(found) != 1 else ''}, "
               f"{words} word{'s' if words != 1 else ''}, no problems.")


@lessons.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_context
def import_(context: Context, files: tuple[Path, ...]) -> None:
    """Import lesson files: all of them, or none if any has a problem."""
    try:
        found = _read_lessons(files)
    except LessonProblems as exc:
        _report_problems(exc)
        raise SystemExit(1)
    # remember each file by its name only: a full path can hold the learner's account name
    found = [replace(lesson, source=Path(lesson.source).name) for lesson in found]
    learner = context.learner()
    for report in learner.import_lessons(found):
        verb = "Imported" if report.created else "Updated"
        click.echo(
            f"{verb} {visible(report.lesson_id)}: {report.added} new, {report.updated} changed, "
            f"{report.unchanged} unchanged, {report.removed} removed (progress kept)."
        )


@lessons.command("start")
@click.argument("lesson_ids", nargs=-1, required=True)
@pass_context
def start(context: Context, lesson_ids: tuple[str, ...]) -> None:
    """Start studying bundled lessons (see `lianxi lessons list`)."""
    from lianxi.core.text import visible
    from lianxi.study.lesson_files import added_message

    learner = context.learner()
    for lesson_id in lesson_ids:
        report = learner.start_bundled(lesson_id)
        if report.created:
            click.echo(f"Studying {report.lesson_id}: {report.added} words.")
        else:
            click.echo(visible(added_message(report, report.lesson_id)))


@lessons.command("list")
@click.option("--all", "show_all", is_flag=True, help="Also list every bundled HSK lesson, course by course.")
@pass_context
def list_(context: Context, show_all: bool) -> None:
    """Your lessons with word, due and new counts, then the bundled ones by course."""
    learner = context.learner()
    mine = learner.lessons()
    width = max([len(s.id) for s in mine] + [10])
    if mine:
        click.echo("Your lessons")
        click.echo(f"  {'id':<{width}}  {'words':>5}  {'due':>4}  {'new':>4}  title")
        for s in mine:
            paused = "" if s.studying else "  (paused)"
            click.echo(f"  {visible(s.id):<{width}}  {s.words:>5}  {s.due:>4}  {s.new:>4}  {visible(s.title)}{paused}")
    else:
        click.echo("You have no lessons yet: start one below with `lianxi lessons start ID`.")
    from lianxi.study.catalogue import open_catalogue

    catalogue = open_catalogue(learner)
    for lesson in catalogue.next_lessons():
        click.echo(f"Next up: {visible(lesson.title)} (`lianxi lessons start {lesson.id}`)")
    courses = [c for c in catalogue.courses if c.key != "own"]
    click.echo("")
    click.echo("Bundled lessons by course (words you know in each; ✓ = in your lessons)")
    hidden = 0
    for course in courses:
        words = course.words()
        click.echo(f"{visible(course.title)}: {len(course.lessons)} lesson{'s' if len(course.lessons) != 1 else ''}, "
                   f"{len(words)} words, {catalogue.known_in(words)} known")
        if not (show_all or course.key == "first-course"):
            hidden += len(course.lessons)
            continue
        width = max(len(lesson.id) for lesson in course.lessons)
        for lesson in course.lessons:
            mark = "✓" if lesson.id in catalogue.started else " "
            click.echo(f"  {mark} {lesson.id:<{width}}  {lesson.count:>5} words  "
                       f"{catalogue.known_in(lesson.words):>4} known  {visible(lesson.title)}")
    if hidden:
        click.echo(f"  ... {hidden} HSK lessons in these courses: `lianxi lessons list --all` lists them.")


from lianxi.cli import tutor as _tutor  # noqa: E402,F401 - adds new, from-list, import-anki, import-pleco, export
