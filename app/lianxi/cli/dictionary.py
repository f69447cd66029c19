"""`lianxi lookup QUERY`: search the dictionary; `--add N` puts result N into "My words"."""

from __future__ import annotations

import sys

import click

from lianxi.cli import Context, pass_context
from lianxi.core.text import visible


def ensure_index(dictionary) -> None:
    """Build the index on first use, with a progress bar (a few seconds, once)."""
    if dictionary.ready():
        return
    click.echo("Building the dictionary index (once; a few seconds)...", err=True)
    with click.progressbar(length=100, file=sys.stderr, show_eta=False,
                           label="CC-CEDICT") as bar:
        done = [0]

        def step(fraction: float, what: str) -> None:
            target = int(fraction * 100)
            if target > done[0]:
                bar.update(target - done[0])
                done[0] = target

        count = dictionary.build(step)
    click.echo(f"Indexed {count:,} entries.", err=True)


def entry_lines(entry, script: str) -> list[str]:
    """A word's whole entry as plain lines for the terminal (study.entry.WordEntry)."""
    from lianxi.core.dictionary.readings import display_pinyin

    lines = [entry.headword(script) + (f"   {entry.levels}" if entry.levels else "")]
    for reading in entry.readings:
        mine = "   (in My words)" if reading.in_my_words else ""
        written = f"  ({entry.written(reading)})" if entry.written(reading) else ""
        lines += ["", f"{reading.marked}{written}{mine}"]
        lines += [f"  {n}. {sense}" for n, sense in enumerate(reading.senses, start=1)]
        if reading.measure_words:
            lines.append("  measure words: " + ", ".join(f"{h} {p}" for h, p in reading.measure_words))
    from lianxi.study.components import ATTRIBUTION, components_of

    parts = components_of(entry.simplified if script != "traditional" else entry.traditional)
    if parts:
        lines += ["", "Characters:"] + [f"  {char}  {line}" for char, line in parts] + [f"  ({ATTRIBUTION})"]
    if entry.containing:
        lines += ["", "Words with it:"]
        lines += [f"  {f.headword(script)}  {display_pinyin(f.pinyin)}  {f.meaning}" for f in entry.containing]
    if entry.examples:
        lines += ["", "Examples:"]
        for example in entry.examples:
            lines += [f"  {example.chinese}", f"    {example.english}", f"    ({example.attribution})"]
    if entry.progress:
        lessons = ", ".join(title for _, title in entry.progress.lessons)
        answered = sum(card.reps for card in entry.progress.cards)
        lines += ["", f"You study it in: {lessons}; answered {answered} time{'s' if answered != 1 else ''}."]
    return lines


def coloured(pinyin: str, palette) -> str:
    """Pinyin in tone colours for a terminal (as on cards); plain when piped or colours are off."""
    from lianxi.core.pinyin import PinyinError, tone_spans

    if not palette or not sys.stdout.isatty():
        return pinyin
    try:
        spans = tone_spans(pinyin)
    except PinyinError:
        return pinyin
    return "".join(
        click.style(chunk, fg=tuple(int(palette[tone - 1][i:i + 2], 16) for i in (1, 3, 5)))
        if tone and palette[tone - 1].startswith("#") else chunk
        for chunk, tone in spans
    )


def result_line(number: int, found, script: str, palette=None) -> str:
    from lianxi.core.dictionary.readings import display_pinyin

    level = f"  [{found.hsk_level}]" if found.hsk_level else ""
    return (f"{number:>3}  {visible(found.headword(script))}  {coloured(display_pinyin(found.pinyin), palette)}  "
            f"{visible(found.meaning)}{level}")


@click.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(1, 500),
              help="How many results to show (1-500).")
@click.option("--add", "add", type=click.IntRange(1, 500), metavar="N", help="Add result N to your lesson \"My words\".")
@click.option("--full", is_flag=True, help="Show the whole entry of the first result: every reading and sense, "
              "measure words, HSK levels, words built on it, examples, your progress.")
@pass_context
def lookup(context: Context, words: tuple[str, ...], limit: int, add: int | None, full: bool) -> None:
    """Look a word up by hanzi (你好), pinyin (ni hao, ni3hao3, nǐhǎo) or English (hello)."""
    from lianxi.study.dictionary import Dictionary, script

    learner = context.learner()
    dictionary = Dictionary(learner)
    ensure_index(dictionary)
    text = " ".join(words)
    found = dictionary.lookup(text, limit=max(limit, add or 0))
    if not found:
        click.echo(f"Nothing found for {text!r}. Try fewer words, or pinyin without tones (ni hao).")
        raise SystemExit(1)
    if add is not None:
        if not 1 <= add <= len(found):
            raise click.BadParameter(f"there are {len(found)} results; choose 1 to {len(found)}", param_hint="--add")
        hanzi = dictionary.add_to_my_words(found[add - 1].id)
        click.echo(f"Added {hanzi} to My words; its cards are in your next review.")
        return
    shown = script(learner.progress)
    if full:
        from lianxi.study.entry import open_entry

        for line in entry_lines(open_entry(dictionary, found[0].simplified), shown):
            click.echo(visible(line))
        return
    from lianxi.ui.tones import palette_from_setting

    palette = palette_from_setting(learner.progress.setting("tone_colours"))
    for number, item in enumerate(found[:limit], start=1):
        click.echo(result_line(number, item, shown, palette))
