"""`lianxi stats`: the statistics screen's figures as text, or as JSON (`--json`).

The same views the app draws (ui.widgets.statistics_views), printed at the terminal's
width (80 columns when it is not a terminal); colours only on a terminal.
"""

from __future__ import annotations

import io
import shutil
import sys

import click

from lianxi.cli import Context, pass_context


@click.command()
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: keys today, streak, forecast, retention, hsk, tones, time.")
@pass_context
def stats(context: Context, as_json: bool) -> None:
    """Today, your streak and study calendar, what is coming due, true retention,
    HSK coverage, tone confusions and time spent."""
    from lianxi.study.statistics import statistics

    learner = context.learner()
    try:
        figures = statistics(learner)
    finally:
        learner.close()
    if as_json:
        click.echo(figures.json_text())
        return
    from rich.console import Console
    from rich.rule import Rule

    from lianxi.ui.widgets.statistics_views import VIEWS

    terminal = sys.stdout.isatty()
    width = min(shutil.get_terminal_size((80, 24)).columns, 100) if terminal else 80
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=terminal, color_system="auto" if terminal else None,
                      highlight=False, emoji=False)
    for index, (name, (label, view)) in enumerate(VIEWS.items()):
        if index:
            console.print()
        console.print(Rule(label, align="left", style="dim"))
        console.print(view(figures, height=5) if name in ("forecast", "time") else view(figures))
    click.echo(buffer.getvalue().rstrip("\n"))
