"""Commands for the classroom: `lianxi class` (projector page or big hanzi in the terminal)
and `lianxi worksheet` (printable HTML), both added to `cli` in cli/__init__.py.

A LESSON argument is a lesson file, a bundled lesson id or the id of an imported lesson.
Nothing here reads or records anything about learners.
"""

from __future__ import annotations

from pathlib import Path

import click

from lianxi.cli import Context, pass_context
from lianxi.cli.lessons import _named_lesson
from lianxi.core.text import visible


@click.command("class")
@click.argument("lesson_ref", metavar="LESSON")
@click.option("--browser", is_flag=True, help="Projector view: write one HTML page and open it in your web browser.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the projector page to this file (with --browser, also open it).")
@click.option("--traditional", is_flag=True, help="Traditional characters (the lesson's traditional forms).")
@click.option("--seed", type=click.IntRange(0, 2**31 - 1),
              help="Shuffle the same way as another class (default: a new order each time).")
@click.option("--force", is_flag=True, help="Replace the --html file if it exists.")
@pass_context
def class_(context: Context, lesson_ref: str, browser: bool, html_out: Path | None, traditional: bool,
           seed: int | None, force: bool) -> None:
    """Classroom mode: a projector page in your browser (--browser), or big hanzi in this terminal.

    Keys (both): space reveals pinyin then the meaning, p plays the word, n or
    → next, ← or b back, w words, t tone pairs, l listening, d dictation,
    ? help. In the browser also s (stroke order) and f (full screen), with buttons
    for a clicker or a touch screen. Nothing about anyone is recorded.
    """
    lesson = _named_lesson(lesson_ref, context.data_dir)
    if not (browser or html_out):
        from lianxi.ui.screens.classroom import run_classroom

        run_classroom(lesson, data_dir=context.data_dir, seed=seed, traditional=traditional)
        return
    _projector_page(context, lesson, lesson_ref, browser, html_out, traditional, seed, force)


def _projector_page(context: Context, lesson, lesson_ref: str, browser: bool, html_out: Path | None,
                    traditional: bool, seed: int | None, force: bool) -> None:
    import random

    from lianxi import paths
    from lianxi.classroom.projector import ProjectorOptions
    from lianxi.lexicon import bundled_lexicon
    from lianxi.study.class_pages import open_in_browser, write_projector_page
    from lianxi.study.sound import cache_folder, make_speaker

    seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    if html_out is None:  # a page to open now: it lives with the other things Lianxi can rebuild
        folder = paths.cache_dir(context.data_dir) / "classroom"
        folder.mkdir(parents=True, exist_ok=True)
        html_out, force = folder / f"{lesson.id}.html", True
    page = write_projector_page(lesson, html_out, ProjectorOptions(seed, traditional, bundled_lexicon(), lesson_ref),
                                make_speaker(cache_folder(context.data_dir)), force)
    size = page.path.stat().st_size / 1e6
    click.echo(f"Wrote {visible(str(page.path))}: {page.words} words, {page.with_sound} with sound, "
               f"{size:.1f} MB (order: --seed {seed}).")
    if page.sound_problem and page.with_sound < page.words:
        click.echo(f"Some words have no sound in the page: {visible(page.sound_problem)}")
    if page.no_strokes:
        click.echo(f"No stroke order for {visible(page.no_strokes)}: shown without animation.")
    _say_traditional(lesson, traditional)
    if browser:
        if open_in_browser(page.path):
            click.echo("Opened it in your web browser: press f for full screen, ? for the keys.")
        else:
            click.echo(f"No web browser could be opened here: open {visible(page.path.resolve().as_uri())} in one.")


def _sections(value: str | None, key_only: bool, no_key: bool) -> tuple[str, ...]:
    from lianxi.classroom.worksheet import DEFAULT_SECTIONS, SECTIONS

    if key_only and no_key:
        raise click.UsageError("--key-only and --no-key contradict each other: give one of them")
    chosen = DEFAULT_SECTIONS
    if value:
        chosen = tuple(dict.fromkeys(s.strip().lower() for s in value.split(",") if s.strip()))
        unknown = [s for s in chosen if s not in SECTIONS]
        if unknown or not chosen:
            raise click.BadParameter(f"{', '.join(unknown) or 'nothing'} is not a section: choose from "
                                     f"{','.join(SECTIONS)}", param_hint="--sections")
    if key_only:
        return ("key",)
    if no_key:
        chosen = tuple(s for s in chosen if s != "key")
        if not chosen:
            raise click.UsageError("--no-key leaves nothing to print: choose --sections too")
    return chosen


@click.command("worksheet")
@click.argument("lesson_ref", metavar="LESSON")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write.")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), default="a4", show_default=True)
@click.option("--sections", help="What to print, in this order: vocab,tones,dictation,matching,writing,key "
                                 "(default: all but writing).")
@click.option("--key-only", is_flag=True, help="Print only the answer key (for the tutor).")
@click.option("--no-key", is_flag=True, help="Leave the answer key out.")
@click.option("--traditional", is_flag=True, help="Traditional characters (the lesson's traditional forms).")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@pass_context
def worksheet(context: Context, lesson_ref: str, out: Path, paper: str, sections: str | None, key_only: bool,
              no_key: bool, traditional: bool, force: bool) -> None:
    """Write a printable worksheet (HTML): vocabulary, tone marks, dictation, matching, writing, answer key.

    Open it in a web browser and print it. Each section starts a page with a
    Name / Date line. LESSON is a lesson file, a bundled lesson id or the id of a
    lesson you imported.
    """
    from lianxi.classroom.worksheet import WorksheetOptions
    from lianxi.study.class_pages import missing_traditional, write_worksheet
    chosen = _sections(sections, key_only, no_key)
    lesson = _named_lesson(lesson_ref, context.data_dir)
    paper = paper.lower()
    write_worksheet(lesson, out, WorksheetOptions(paper, chosen, traditional, lesson_ref), force)
    click.echo(f"Wrote {visible(str(out))}: {len(lesson.words)} words on {'A4' if paper == 'a4' else 'Letter'} paper "
               f"({', '.join(chosen)}). Open it in a web browser and print it.")
    _say_traditional(lesson, traditional)
    if "writing" not in chosen and not key_only:
        click.echo("Writing practice (田字格 with stroke order) is one more section: add --sections "
                   f"{','.join(chosen[:-1] if chosen[-1] == 'key' else chosen)},writing{',key' if 'key' in chosen else ''}")


def _say_traditional(lesson, traditional: bool) -> None:
    from lianxi.study.class_pages import missing_traditional

    if traditional:
        missing = missing_traditional(lesson)
        if missing:
            click.echo(f"{len(missing)} word(s) have no traditional form in the lesson and are shown as written: "
                       f"{visible(' '.join(missing[:10]))}{' ...' if len(missing) > 10 else ''} "
                       "(add traditional = \"...\" to them in the lesson file)")
