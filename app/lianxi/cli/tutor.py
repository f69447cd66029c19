"""Commands for tutors: write and import lessons, export decks.

`lianxi lessons new|from-list|import-anki|import-pleco|export` (registered on the
`lessons` group when cli/lessons.py imports this module); `lianxi class` and
`lianxi worksheet` are in cli/classroom.py. A LESSON argument is a lesson file, a
bundled lesson id or the id of an imported lesson. Nothing here reads or
records anything about learners.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from lianxi.cli import Context, pass_context
from lianxi.cli.lessons import _named_lesson, _report_problems, lessons
from lianxi.core.errors import UserError
from lianxi.core.lessons import LessonProblems
from lianxi.core.text import visible


def _out_path(out: Path | None, lesson_id: str, suffix: str = ".toml") -> Path:
    return out if out is not None else Path.cwd() / f"{lesson_id}{suffix}"


def _say_checks(checks: list[str]) -> None:
    if checks:
        click.echo(f"Check {len(checks)} reading{'s' if len(checks) != 1 else ''} (marked # CHECK in the file):")
        for line in checks:
            click.echo(f"  {line}")


# -- lessons new / from-list ------------------------------------------------------------------


@lessons.command("new")
@click.argument("title")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Lesson file to write (default: ID.toml here).")
@click.option("--id", "lesson_id", help="Lesson id (default: made from the title).")
@click.option("--level", default="My class", show_default=True, help="Level, used to group lessons.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
def new(title: str, out: Path | None, lesson_id: str | None, level: str, force: bool) -> None:
    """Write a commented lesson file to fill in."""
    from lianxi.core.lesson_writer import lesson_id_for, template
    from lianxi.core.lesson_file import parse_lesson
    from lianxi.study.tutor import write_new_file

    lesson_id = lesson_id or lesson_id_for(title)
    text = template(title, lesson_id, level)
    try:
        parse_lesson(text.encode("utf-8"), "new lesson")
    except LessonProblems as exc:  # a bad --id or an empty title
        _report_problems(exc, outcome="; nothing was written")
        raise SystemExit(1)
    path = write_new_file(_out_path(out, lesson_id), text, force)
    click.echo(f"Wrote {path}.")
    click.echo(f"Edit it in a text editor, then check it with: lianxi lessons validate {path}")


@lessons.command("from-list")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", help="Lesson title (default: the file name).")
@click.option("--id", "lesson_id", help="Lesson id (default: made from the title).")
@click.option("--level", default="My class", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Lesson file to write (default: ID.toml here).")
@click.option("--force", is_flag=True, help="Replace the lesson file if it exists.")
def from_list(file: Path, title: str | None, lesson_id: str | None, level: str, out: Path | None,
              force: bool) -> None:
    """Make a lesson from a list of words: one per line, optionally a tab and the English.

    Simplified or traditional characters. Pinyin and English come from CC-CEDICT (the
    dictionary's reading of the whole word, with neutral tones and erhua); a word with
    several readings gets the common one, and the others are marked # CHECK.
    """
    from lianxi.core.interop import decode_export
    from lianxi.study.tutor import read_input, write_new_file
    from lianxi.study.word_lists import describe_checks, lesson_from_list

    try:
        text = decode_export(read_input(file), str(file))
        made, lesson, drafts = lesson_from_list(text, str(file), title=title or file.stem.replace("_", " "),
                                                lesson_id=lesson_id, level=level)
    except LessonProblems as exc:
        _report_problems(exc, outcome="; nothing was written")
        raise SystemExit(1)
    path = write_new_file(_out_path(out, lesson.id), made, force)
    click.echo(f"Wrote {path}: {len(lesson.words)} words.")
    _say_checks(describe_checks(drafts, path.name))
    click.echo(f"Check it with: lianxi lessons validate {path}")


# -- lessons import-anki / import-pleco --------------------------------------------------------


def _report_import_problems(exc: LessonProblems, what: str) -> None:
    """Every problem on its own line; for notes that cannot become words, how to import the rest."""
    from lianxi.core.interop import BadNotes

    if isinstance(exc, BadNotes):
        for error in exc.errors:
            click.echo(visible(str(error)), err=True)
        n = len(exc.errors)
        click.echo(f"{n} {what}{'s' if n != 1 else ''} cannot become words; nothing was imported. Fix them and "
                   f"export again, or add --skip-bad to import the other {exc.importable} and leave these out.",
                   err=True)
    else:
        _report_problems(exc)


def _import(context: Context, imported, out: Path | None, force: bool, study: bool, what: str = "note") -> None:
    from lianxi.study.tutor import write_new_file

    path = write_new_file(_out_path(out, imported.lesson.id), imported.text, force)
    count = len(imported.lesson.words)
    click.echo(f"Wrote {path}: {count} word{'s' if count != 1 else ''}.")
    if imported.skipped:
        n = len(imported.skipped)
        click.echo(f"Skipped {n} {what}{'s' if n != 1 else ''} that cannot become words (--skip-bad):")
        for error in imported.skipped:
            click.echo(f"  {visible(str(error))}")
    _say_checks([f"{path.name}: {hanzi}: {why}" for hanzi, why in imported.checks])
    if study:
        lesson = replace(imported.lesson, source=str(path.resolve()))
        (report,) = context.learner().import_lessons([lesson])
        verb = "Imported" if report.created else "Updated"
        click.echo(f"{verb} {report.lesson_id} into your lessons: {report.added} new, {report.updated} changed.")


_import_options = [
    click.option("--title", help="Lesson title (default: from the export, or the file name)."),
    click.option("--id", "lesson_id", help="Lesson id (default: made from the title)."),
    click.option("--level", help="Level, used to group lessons (default: from the export, or Imported)."),
    click.option("--skip-bad", is_flag=True,
                 help="Import the notes that can become words and list the others, instead of importing nothing."),
    click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Lesson file to write (default: ID.toml here)."),
    click.option("--force", is_flag=True, help="Replace the lesson file if it exists."),
    click.option("--study/--file-only", default=True, show_default=True,
                 help="Also add the lesson to your lessons, or only write the file."),
]


def _with_import_options(command):
    for option in reversed(_import_options):
        command = option(command)
    return command


@lessons.command("import-anki")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--columns", help="What each field is, in order, like hanzi,pinyin,english (- to leave one out).")
@_with_import_options
@pass_context
def import_anki(context: Context, file: Path, columns: str | None, title: str | None, lesson_id: str | None,
                level: str | None, skip_bad: bool, out: Path | None, force: bool, study: bool) -> None:
    """Make a lesson from an Anki export (File > Export > Notes in Plain Text).

    Writes a lesson file and adds it to your lessons. Any problem is reported as
    file:line: field and nothing is written; notes that cannot become words (a
    Cloze note, an empty meaning) are left out only with --skip-bad.
    """
    from lianxi.core.interop import read_anki
    from lianxi.lexicon import bundled_lexicon
    from lianxi.study.tutor import read_input

    try:
        imported = read_anki(read_input(file), str(file), title=title, lesson_id=lesson_id, level=level,
                             columns=[c.strip() for c in columns.split(",")] if columns else None,
                             default_title=file.stem.replace("_", " "), skip_bad=skip_bad, lexicon=bundled_lexicon())
    except LessonProblems as exc:
        _report_import_problems(exc, "note")
        raise SystemExit(1)
    _import(context, imported, out, force, study)


@lessons.command("import-pleco")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_with_import_options
@pass_context
def import_pleco(context: Context, file: Path, title: str | None, lesson_id: str | None, level: str | None,
                 skip_bad: bool, out: Path | None, force: bool, study: bool) -> None:
    """Make a lesson from a Pleco flashcard export (text: hanzi, pinyin, definition).

    Pleco categories (// lines) become tags; part-of-speech words ("noun") are
    dropped from definitions. Any problem is reported as file:line: field and
    nothing is written; cards that cannot become words are left out only with --skip-bad.
    """
    from lianxi.core.interop import read_pleco
    from lianxi.lexicon import bundled_lexicon
    from lianxi.study.tutor import read_input

    try:
        imported = read_pleco(read_input(file), str(file), title=title, lesson_id=lesson_id, level=level or "Imported",
                              default_title=file.stem.replace("_", " "), skip_bad=skip_bad,
                              lexicon=bundled_lexicon())
    except LessonProblems as exc:
        _report_import_problems(exc, "card")
        raise SystemExit(1)
    _import(context, imported, out, force, study, "card")


# -- lessons export -------------------------------------------------------------------------------


@lessons.command("export")
@click.argument("lesson_ref", metavar="LESSON")
@click.option("--anki", "apkg", type=click.Path(dir_okay=False, path_type=Path), help="Write an Anki deck (.apkg).")
@click.option("--tsv", type=click.Path(dir_okay=False, path_type=Path), help="Write Anki notes as text (.tsv/.txt).")
@click.option("--pleco", type=click.Path(dir_okay=False, path_type=Path), help="Write Pleco flashcards as text.")
@click.option("--audio-folder", type=click.Path(file_okay=False, path_type=Path),
              help="Write one audio file per word into this folder (01-谢谢-xiexie.wav ...).")
@click.option("--audio/--no-audio", default=True, show_default=True, help="Put each word's audio in the Anki deck.")
@click.option("--force", is_flag=True, help="Replace files that exist.")
@pass_context
def export(context: Context, lesson_ref: str, apkg: Path | None, tsv: Path | None, pleco: Path | None,
           audio_folder: Path | None, audio: bool, force: bool) -> None:
    """Export a lesson as an Anki deck with audio, as Anki text, as Pleco flashcards, or as audio files.

    LESSON is a lesson file, a bundled lesson id or the id of a lesson you imported.
    The lesson's level, description and attribution go with it (in the Anki deck's
    description, as #lianxi- lines in Anki text, in the audio folder's README.txt).
    """
    from lianxi.core.interop import anki_text, pleco_text
    from lianxi.study.tutor import export_anki_package, write_new_file

    if not (apkg or tsv or pleco or audio_folder):
        raise click.UsageError("say what to write: --anki FILE.apkg, --tsv FILE.tsv, --pleco FILE.txt "
                               "or --audio-folder DIR")
    lesson = _named_lesson(lesson_ref, context.data_dir)
    if tsv:
        write_new_file(tsv, anki_text(lesson), force)
        click.echo(f"Wrote {tsv}: {len(lesson.words)} notes (Anki: File > Import).")
    if pleco:
        write_new_file(pleco, pleco_text(lesson), force)
        click.echo(f"Wrote {pleco}: {len(lesson.words)} cards (Pleco: Flashcards > Import Cards).")
    if apkg:
        speaker = None
        if audio:
            from lianxi import paths
            from lianxi.study.sound import make_speaker

            speaker = make_speaker(paths.cache_dir(context.data_dir))
            problem = speaker.check()
            if problem:
                raise UserError(f"{problem}; or export without sound: add --no-audio")
        result = export_anki_package(lesson, apkg, speaker, force)
        click.echo(f"Wrote {apkg}: {result.notes} notes, {result.media} sound files (Anki: File > Import).")
    if audio_folder:
        from lianxi.study.class_pages import export_audio_folder
        from lianxi.study.sound import cache_folder, make_speaker

        speaker = make_speaker(cache_folder(context.data_dir))
        problem = speaker.check()
        if problem:
            raise UserError(problem)
        written = export_audio_folder(lesson, audio_folder, speaker, force)
        click.echo(f"Wrote {len(written.files)} audio files and README.txt to {visible(str(audio_folder))} "
                   f"({visible(written.files[0].name)} ...).")
