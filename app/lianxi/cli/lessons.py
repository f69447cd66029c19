"""`lianxi lessons ...`: check, import, list and start lessons."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from lianxi.cli import Context, pass_context
from lianxi.core.lessons import LessonProblems
from lianxi.core.text import visible

# A broken file can have thousands of problems; the first ones say what to fix.
SHOWN_PROBLEMS = 50


def _lesson_paths(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; a folder stands for the *.toml files inside it."""
    out: list[Path] = []
    for path in paths:
        out.extend(sorted(path.rglob("*.toml")) if path.is_dir() else [path])
    return out


def _report_problems(exc: LessonProblems, outcome: str = "; nothing was imported") -> None:
    for error in exc.errors[:SHOWN_PROBLEMS]:
        click.echo(visible(str(error)), err=True)
    n = len(exc.errors)
    if n > SHOWN_PROBLEMS:
        click.echo(f"... and {n - SHOWN_PROBLEMS} more.", err=True)
    click.echo(f"{n} problem{'s' if n != 1 else ''} found{outcome}.", err=True)


@click.group()
def lessons() -> None:
    """Check, import and list lessons."""


@lessons.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check lesson files and report every problem (file:line: field: message)."""
    from lianxi.study import read_lesson_files

    try:
        found = read_lesson_files(_lesson_paths(files))
    except LessonProblems as exc:
        _report_problems(exc, outcome="")
        raise SystemExit(1)
    words = sum(len(lesson.words) for lesson in found)
    click.echo(f"OK: {len(found)} lesson{'s' if len(found) != 1 else ''}, {words} words, no problems.")


@lessons.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_context
def import_(context: Context, files: tuple[Path, ...]) -> None:
    """Import lesson files: all of them, or none if any has a problem."""
    from lianxi.study import read_lesson_files

    try:
        found = read_lesson_files(_lesson_paths(files))
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
@click.option("--all", "show_all", is_flag=True, help="Also list every bundled HSK lesson.")
@pass_context
def list_(context: Context, show_all: bool) -> None:
    """Your lessons with word, due and new counts, then the bundled ones."""
    from lianxi.study import bundled_lessons

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
    started = {s.id for s in mine}
    bundled = [b for b in bundled_lessons() if b.id not in started]
    shown = bundled if show_all else [b for b in bundled if not b.group.startswith("hsk")]
    if shown:
        click.echo("")
        click.echo("Bundled lessons")
        width = max(len(b.id) for b in shown)
        for b in shown:
            click.echo(f"  {b.id:<{width}}  {b.words:>5}  {'0':>4}  {b.words:>4}  {visible(b.title)}")
    hidden = len(bundled) - len(shown)
    if hidden:
        click.echo(f"  ... and {hidden} bundled HSK lessons (`lianxi lessons list --all`).")

from lianxi.cli import tutor as _tutor  # noqa: E402,F401 - adds new, from-list, import-anki, import-pleco, export
