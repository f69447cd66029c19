"""`lianxi cards ...`: find cards, show one card's history and memory, and act on cards.

The same use cases as the app's card browser (study.browser). Lesson text is printed
through core.text.visible, so a title can never act on the terminal.
"""

from __future__ import annotations

import io
import json
import shutil
import sys

import click

from lianxi.cli import Context, pass_context
from lianxi.core.errors import UserError


def _width() -> int:
    return min(shutil.get_terminal_size((100, 24)).columns, 120) if sys.stdout.isatty() else 100


def _print(renderable) -> None:
    from rich.console import Console

    terminal = sys.stdout.isatty()
    width = _width()
    buffer = io.StringIO()
    Console(file=buffer, width=width, force_terminal=terminal, color_system="auto" if terminal else None,
            highlight=False, emoji=False).print(renderable)
    click.echo(buffer.getvalue().rstrip("\n"))


def _text(value: str):
    from rich.text import Text

    from lianxi.core.text import visible

    return Text(visible(value))


def _rows_table(rows, now):
    from rich.cells import cell_len
    from rich.table import Table

    from lianxi.study import browser
    from lianxi.ui.widgets.card_names import kind_name

    cells = []
    for row in rows:
        state = browser.state_of(row, now) + (" leech" if row.leech else "")
        cells.append((str(row.id), _text(row.hanzi), _text(row.pinyin), _text(browser.gloss(row)), kind_name(row.kind), state,
                      browser.due_text(row, now), str(row.lapses), browser.flag_name(row.flag),
                      _text(row.lesson + (f" (+{row.lessons - 1})" if row.lessons > 1 else ""))))
    names = [("id", "right"), ("hanzi", "left"), ("pinyin", "left"), ("meaning", "left"), ("kind", "left"),
             ("state", "left"), ("due", "left"), ("lapses", "right"), ("flag", "left"), ("lesson", "left")]
    widest = [max([cell_len(name)] + [cell_len(str(c[i])) for c in cells]) for i, (name, _) in enumerate(names)]
    # one line a card: only a long meaning or lesson title gives way, ending in "…"
    # (`lianxi cards show ID` has it all); the other columns keep their full width, and on a
    # narrow terminal the lesson column is left out rather than cut to nothing
    room = _width() - sum(w for i, w in enumerate(widest) if i not in (3, 9)) - len(names)
    if room < 20:
        names.pop()
        cells = [c[:9] for c in cells]
        room += 1
    lesson = min(widest[9], max(8, room - min(widest[3], max(10, room * 3 // 5)))) if len(names) == 10 else 0
    meaning = max(min(widest[3], room - lesson), 6)
    table = Table(box=None, padding=(0, 1, 0, 0), show_edge=False, header_style="bold")
    for index, (name, justify) in enumerate(names):
        width = {3: meaning, 9: lesson}.get(index, widest[index])
        table.add_column(name, justify=justify, no_wrap=True, overflow="ellipsis", width=width)
    for row_cells in cells:
        table.add_row(*row_cells)
    return table


def _row_json(row, now) -> dict:
    from lianxi.study import browser

    return {"id": row.id, "hanzi": row.hanzi, "pinyin": row.pinyin, "english": json.loads(row.english),
            "kind": row.kind, "state": browser.state_of(row, now), "leech": bool(row.leech),
            "due": browser.due_text(row, now), "lapses": row.lapses, "reps": row.reps,
            "flag": browser.flag_name(row.flag) or None, "lesson": row.lesson}


def _ids(values: tuple[str, ...]) -> list[int]:
    out = []
    for value in values:
        if not value.isdigit():
            raise click.BadParameter(f"{value!r} is not a card id: use the numbers `lianxi cards search` shows",
                                     param_hint="ID")
        out.append(int(value))
    return out


def _known(learner, ids: list[int]) -> list[int]:
    from lianxi.study import browser

    missing = [i for i in ids if browser.card_row(learner, i) is None]
    if missing:
        raise UserError(f"no card has the id {', '.join(map(str, missing))}: see `lianxi cards search`")
    return ids


@click.group()
def cards() -> None:
    """Find your cards and manage them: history, suspend, bury, flag, reset, leeches."""


@cards.command()
@click.argument("query", nargs=-1)
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the cards as JSON.")
@pass_context
def search(context: Context, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Cards matching QUERY: hanzi, pinyin (ni hao, ni3hao3), English, lesson:ID,
    state:new|learning|due|review|suspended|leech|buried|off, flag:red|orange|green|blue|any|none, kind:recall."""
    from lianxi.study import browser

    learner = context.learner()
    try:
        found = browser.search(learner, " ".join(query), limit=limit)
        now = learner.clock()
    finally:
        learner.close()
    if as_json:
        click.echo(json.dumps({"total": found.total, "cards": [_row_json(r, now) for r in found.rows]},
                              ensure_ascii=False, indent=2))
        return
    if not found.rows:
        click.echo("No cards match. Try fewer words, or pinyin without tones.")
        return
    _print(_rows_table(found.rows, now))
    more = f" (the first {len(found.rows)}; --limit shows more)" if found.total > len(found.rows) else ""
    click.echo(f"{found.total} card{'s' if found.total != 1 else ''}{more}.")


@cards.command()
@click.argument("card_id", metavar="ID")
@pass_context
def show(context: Context, card_id: str) -> None:
    """One card: its word, lessons, state, memory (FSRS) and every answer."""
    from lianxi.study import browser
    from lianxi.ui.widgets.card_details import describe

    learner = context.learner()
    try:
        (number,) = _known(learner, _ids((card_id,)))
        details = browser.card_details(learner, number)
        now, zone = learner.clock(), learner.zone
    finally:
        learner.close()
    _print(_visible_details(details, now, zone, describe))


def _visible_details(details, now, zone, describe):
    """The card screen's text, with every piece of lesson text made safe for a terminal."""
    from dataclasses import replace

    from lianxi.core.text import visible

    row = details.row
    safe_row = replace(row, hanzi=visible(row.hanzi), pinyin=visible(row.pinyin), english=json.dumps(
        [visible(g) for g in json.loads(row.english)], ensure_ascii=False), lesson=visible(row.lesson))
    lessons = [(i, visible(t)) for i, t in details.lessons]
    history = [replace(h, typed=None if h.typed is None else visible(h.typed)) for h in details.history]
    return describe(replace(details, row=safe_row, lessons=lessons, history=history), now, zone)


def _act(context: Context, ids: tuple[str, ...], action, done: str) -> None:
    learner = context.learner()
    try:
        numbers = _known(learner, _ids(ids))
        action(learner, numbers)
    finally:
        learner.close()
    click.echo(f"{len(numbers)} card{'s' if len(numbers) != 1 else ''} {done}.")


@cards.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_context
def suspend(context: Context, ids: tuple[str, ...]) -> None:
    """Keep cards out of reviews until you unsuspend them."""
    from lianxi.study import browser

    _act(context, ids, lambda l, n: browser.suspend(l, n, True), "suspended")


@cards.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_context
def unsuspend(context: Context, ids: tuple[str, ...]) -> None:
    """Bring suspended cards back into reviews."""
    from lianxi.study import browser

    _act(context, ids, lambda l, n: browser.suspend(l, n, False), "back in your reviews")


@cards.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_context
def bury(context: Context, ids: tuple[str, ...]) -> None:
    """Keep cards out of today's reviews; they come back tomorrow."""
    from lianxi.study import browser

    _act(context, ids, browser.bury, "buried until tomorrow")


@cards.command()
@click.argument("colour", type=click.Choice(["red", "orange", "green", "blue", "none"], case_sensitive=False))
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@pass_context
def flag(context: Context, colour: str, ids: tuple[str, ...]) -> None:
    """Flag cards red, orange, green or blue (none takes the flag off)."""
    from lianxi.core.card_search import FLAGS
    from lianxi.study import browser

    number = FLAGS.get(colour.lower(), 0)
    _act(context, ids, lambda l, n: browser.flag(l, n, number), f"flagged {colour.lower()}" if number else "unflagged")


@cards.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@pass_context
def reset(context: Context, ids: tuple[str, ...], yes: bool) -> None:
    """Make cards new again: their memory starts from nothing (their past answers are kept)."""
    from lianxi.study import browser

    numbers = _ids(ids)
    if not yes and not click.confirm(f"Reset {len(numbers)} card{'s' if len(numbers) != 1 else ''} to new?",
                                     default=False):
        click.echo("Nothing was changed.")
        return
    _act(context, ids, browser.reset, "new again (their history is kept)")


@cards.command()
@pass_context
def leeches(context: Context) -> None:
    """Cards you keep forgetting, and what to do about them."""
    from lianxi.study import browser

    learner = context.learner()
    try:
        rows = browser.leeches(learner)
        threshold = browser.leech_threshold(learner)
        now = learner.clock()
    finally:
        learner.close()
    if not rows:
        click.echo(f"No leeches. A card becomes one when forgotten {threshold} times."
                   if threshold else "No leeches (the leech threshold is off).")
        return
    _print(_rows_table(rows, now))
    click.echo(f"{len(rows)} leech{'es' if len(rows) != 1 else ''}. For each: " + browser.LEECH_SUGGESTION[0].lower()
               + browser.LEECH_SUGGESTION[1:])
    click.echo("Bring one back with `lianxi cards unsuspend ID`; change the threshold with "
               "`lianxi settings leech-threshold N`.")
