"""`lianxi grade HANZI ANSWER`: how the review screen grades a typed answer, for tutors.

A tutor checks which answers a lesson accepts (ni2 hao3 for 你好? na3 for 哪儿?);
a learner can ask why an answer was marked. Never touches the learner's data.
"""

from __future__ import annotations

import json

import click

from lianxi.core.text import visible


def grade_as_dict(grade) -> dict:
    """The grade as --json prints it: verdict, suggested rating, one entry per piece."""
    return {
        "verdict": grade.verdict.value,
        "rating": grade.rating.name,
        "pieces": [
            {"mark": p.mark.value, "typed": p.typed, "expected": p.expected, "says": p.describe()}
            for p in grade.pieces
        ],
        "answer": grade.expected,
        "note": grade.note,
    }


@click.command()
@click.argument("hanzi")
@click.argument("answer", nargs=-1)
@click.option("--pinyin", "reading", metavar="READING",
              help="The card's reading, as a lesson writes it (default: the dictionary's reading).")
@click.option("--json", "as_json", is_flag=True, help="Print the grade as JSON.")
def grade(hanzi: str, answer: tuple[str, ...], reading: str | None, as_json: bool) -> None:
    """Grade ANSWER (pinyin or hanzi) for the word HANZI as the review screen does.

    Prints the verdict (exact, tone slip, wrong, missing, extra, other reading, other word,
    not answered), what each syllable was, and the suggested rating; the learner can
    always choose another rating.

    \b
    Examples:
      lianxi grade 你好 ni2 hao3          ->  exact (with tone sandhi)
      lianxi grade 哪儿 na3               ->  other word: nǎ is 哪 'which'
      lianxi grade 长 zhang3 --pinyin cháng
    """
    from lianxi.study.typed_cards import grade_typed

    result = grade_typed(hanzi, " ".join(answer), reading)
    if as_json:
        click.echo(json.dumps(grade_as_dict(result), ensure_ascii=False))
        return
    click.echo(result.verdict.value)
    for piece in result.pieces:
        click.echo(f"  {visible(piece.describe())}")
    if result.note:
        click.echo(visible(result.note))
    click.echo(f"answer: {visible(result.expected)}")
    click.echo(f"suggested rating: {result.rating.name}")
