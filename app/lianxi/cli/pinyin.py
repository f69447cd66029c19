"""`lianxi pinyin TEXT`: hanzi or pinyin in, marked and numbered pinyin out.

A handy converter for learners and tutors writing lessons. Hanzi are read in
context by pypinyin (dictionary tones, before sandhi); pinyin may be typed any
way core.pinyin accepts. Never touches the learner's data.
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
    from lianxi.core.sandhi import word_reading
    from lianxi.core.lessons import is_hanzi
    from lianxi.core.pinyin import parse

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
            for s in word_reading(run):
                marked.append(s.marked)
                numbered.append(s.numbered)
            continue
        for chunk in run.split():
            syllables = parse(chunk)
            if syllables:
                marked.append(_join_marked(syllables))
                numbered.append("".join(s.numbered for s in syllables))
    return " ".join(marked), " ".join(numbered)


@click.command()
@click.argument("text", nargs=-1, required=True)
def pinyin(text: tuple[str, ...]) -> None:
    """Show TEXT (hanzi or pinyin) as tone-marked pinyin, then as tone-numbered pinyin.

    \b
    Examples:
      lianxi pinyin 你好          ->  nǐ hǎo / ni3 hao3
      lianxi pinyin nv3er2        ->  nǚ'ér / nü3er2
      lianxi pinyin "Xī'ān"       ->  Xī'ān as xi1an1
    """
    marked, numbered = convert(" ".join(text))
    if not marked:
        raise UserError("no hanzi or pinyin found: give some, like `lianxi pinyin 你好` or `lianxi pinyin ni3hao3`")
    click.echo(marked)
    click.echo(numbered)
