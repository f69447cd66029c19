"""`lianxi drill tones|pairs|listen|dictation|minimal`: open the app straight on one drill.

The drill is checked before the app opens, so a lesson with too few words is one line
on the terminal, not a screen.
"""

from __future__ import annotations

import click

from lianxi.cli import Context, pass_context
from lianxi.core.drills.items import DRILLS, Drill
from lianxi.core.drills.minimal_pairs import CONTRASTS


@click.command()
@click.argument("name", type=click.Choice([d.value for d in DRILLS]), metavar="DRILL")
@click.option("--lesson", "lesson_id", metavar="ID", help="listen/dictation: words of this lesson only.")
@click.option("--level", metavar="LEVEL", help='listen/dictation: words of this level only, e.g. "HSK 1".')
@click.option("--contrast", type=click.Choice(CONTRASTS), help="minimal: drill only this contrast.")
@pass_context
def drill(context: Context, name: str, lesson_id: str | None, level: str | None, contrast: str | None) -> None:
    """Start a drill: tones, pairs, listen, dictation or minimal.

    \b
    tones      hear a syllable, press its tone 1-5 (5 = neutral)
    pairs      hear a two-syllable word, type its two tones
    listen     hear a word, pick its meaning of four
    dictation  hear a word or short sentence, type pinyin or hanzi
    minimal    zh or z? -n or -ng? which did you hear?
    """
    from lianxi.study.drills import DrillRun  # noqa: PLC0415
    from lianxi.ui.app import run_app  # noqa: PLC0415
    from lianxi.ui.screens.drills import start_text  # noqa: PLC0415

    learner = context.learner()
    try:
        DrillRun(learner, name, lesson_id=lesson_id, level=level, contrast=contrast)  # raises if it cannot run
    finally:
        learner.close()
    run_app(context.data_dir, start=start_text(Drill(name), level=level, contrast=contrast), lesson_id=lesson_id)
