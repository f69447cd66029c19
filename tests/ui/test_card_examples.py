"""The card back shows imported example sentences with their attribution, in the learner's script."""

from __future__ import annotations

from textual.widgets import Static

from lianxi.audio.playback import SilentPlayer
from lianxi.study.sentences import import_sentences
from lianxi.ui.app import make_app

LESSON = """\
id = "teachers"
title = "Teachers"
level = "HSK 1"

[[words]]
hanzi = "老师"
pinyin = "lǎoshī"
english = "teacher"
traditional = "老師"
"""

# Our own sentences, written for this test.
SENTENCES = "Thank you, teacher.\t谢谢老师。\tLianxi tests #4 (CC0)\n"


def card_text(app) -> str:
    return str(app.screen.query_one("#card", Static).render())


async def test_examples_with_attribution_on_the_back_in_traditional(learner, lesson_file, tmp_path):
    learner.import_files([lesson_file(LESSON)])
    path = tmp_path / "s.tsv"
    path.write_text(SENTENCES, encoding="utf-8")
    import_sentences(learner, path)
    learner.progress.set_setting("script", "traditional")
    app = make_app(learner, start="review", player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        front = card_text(app)
        assert "老師" in front and "(老师)" in front
        assert "谢谢老师" not in front  # examples wait for the answer side
        await pilot.press("space")
        await pilot.pause()
        back = card_text(app)
        assert "谢谢老师。" in back and "Thank you, teacher." in back
        assert "Lianxi tests #4 (CC0)" in back
