"""`lianxi pinyin TEXT`: hanzi or pinyin in, marked and numbered pinyin out.

A handy converter for learners and tutors writing lessons. Hanzi are read word
by word with the dictionary's readings (neutral tones, erhua; tones before
sandhi); pinyin may be typed any way core.pinyin accepts. `--spoken` adds the
syllables as they are said (core.sandhi.spoken_form), exactly what the speech
engine is given. Never touches the learner's data.
"""

from __future__ import annotations

import click

from lianxi.core.errors import UserError


def _join_marked(syllables) -> str:
    """One written word: an apostrophe before a syllable starting with a, o or e (xī'ān)."""
    out = ""
    for i, s in enumerate(syllables):
        if i and s.base[0] in "aoeê":
            out += "'"
        out += s.marked
    return out


def convert(text: str) -> tuple[str, str]:
    """(marked, numbered) for hanzi and/or pinyin; each hanzi's syllable stands alone,
    typed pinyin keeps the writer's grouping (ni3hao3 -> nǐhǎo, ni3hao3)."""
    from lianxi.core.hanzi import is_hanzi
    from lianxi.core.pinyin import parse
    from lianxi.core.sandhi import dictionary_reading
    from lianxi.lexicon import bundled_lexicon

    marked: list[str] = []
    numbered: list[str] = []
    runs: list[tuple[bool, str]] = []
    for ch in text:
        hanzi = is_hanzi(ch)
        if runs and runs[-1][0] == hanzi:
            runs[-1] = (hanzi, runs[-1][1] + ch)
        else:
            runs.append((hanzi, ch))
    for hanzi, run in runs:
        if hanzi:
            for s in dictionary_reading(run, lexicon=bundled_lexicon()):
                marked.append(s.marked)
                numbered.append(s.numbered)
            continue
        for chunk in run.split():
            syllables = parse(chunk)
            if syllables:
                marked.append(_join_marked(syllables))
                numbered.append("".join(s.numbered for s in syllables))
    return " ".join(marked), " ".join(numbered)


def spoken_line(text: str) -> str:
    """The syllables of hanzi and/or pinyin as they are said, numbered: zhan2 lan2 guan3."""
    from lianxi.core.hanzi import is_hanzi
    from lianxi.core.sandhi import spoken_form
    from lianxi.lexicon import bundled_lexicon

    if any(is_hanzi(ch) for ch in text):
        return spoken_form(text, lexicon=bundled_lexicon()).numbered
    return spoken_form(pinyin=text).numbered


@click.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--spoken", is_flag=True,
              help="Add a third line: the syllables as they are said (tone sandhi, neutral tones, "
                   "erhua joined), exactly what the speech engine is given.")
def pinyin(text: tuple[str, ...], spoken: bool) -> None:
    """Show TEXT (hanzi or pinyin) as tone-marked pinyin, then as tone-numbered pinyin.

    \b
    Examples:
      lianxi pinyin 你好            ->  nǐ hǎo / ni3 hao3
      lianxi pinyin nv3er2          ->  nǚ'ér / nü3er2
      lianxi pinyin "Xī'ān"         ->  Xī'ān as xi1an1
      lianxi pinyin 展览馆 --spoken ->  ... / zhan2 lan2 guan3
    """
    joined = " ".join(text)
    marked, numbered = convert(joined)
    if not marked:
        raise UserError("no hanzi or pinyin found: give some, like `lianxi pinyin 你好` or `lianxi pinyin ni3hao3`")
    click.echo(marked)
    click.echo(numbered)
    if spoken:
        click.echo(spoken_line(joined))
