"""`lianxi sentences import FILE`: example sentences from a Tatoeba-style file (English, Chinese, attribution)."""

from __future__ import annotations

from pathlib import Path

import click

from lianxi.cli import Context, pass_context


@click.group()
def sentences() -> None:
    """Example sentences shown on your cards (with their attribution)."""


@sentences.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@pass_context
def import_(context: Context, file: Path) -> None:
    """Import sentence pairs: one per line, English <tab> Chinese <tab> attribution, UTF-8.

    Every line is checked first; if any line is wrong, nothing is imported. Each word
    in your lessons then gets up to three short sentences, preferring ones made of
    words you already know.
    """
    from lianxi.study.sentences import import_sentences

    report = import_sentences(context.learner(), file)
    click.echo(f"Read {report.read:,} sentence pairs; {report.added:,} new "
               f"({report.read - report.added:,} already there or repeated).")
    if report.words:
        click.echo(f"{report.with_examples:,} of your {report.words:,} words now have example sentences.")
    else:
        click.echo("You have no lessons yet: words you add later get their examples when their cards are shown.")


@sentences.command("attach")
@pass_context
def attach(context: Context) -> None:
    """Choose every word's examples again (after you have learnt more words)."""
    from lianxi.study.sentences import attach_all

    report = attach_all(context.learner())
    click.echo(f"{report.with_examples:,} of your {report.words:,} words have example sentences.")
