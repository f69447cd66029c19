"""A word with several readings: the question gives only meanings, the answer every reading with its own."""

from __future__ import annotations

from textual.widgets import Static

from lianxi.audio.playback import SilentPlayer
from lianxi.ui.app import make_app
from lianxi.ui.widgets.card import render_card

LESSON = """\
id = "readings"
title = "Readings"
level = "HSK 2"

[[words]]
hanzi = "得"
pinyin = "de"
english = "links a verb to its result"
other_readings = [
  { pinyin = "dé", english = ["to obtain", "to get"] },
  { pinyin = "děi", english = "must" },
]
"""


def card_text(app) -> str:
    return str(app.screen.query_one("#card", Static).render())


async def test_recognition_answer_shows_each_reading_with_its_meaning(learner, lesson_file, tmp_path):
    learner.import_files([lesson_file(LESSON)])
    app = make_app(learner, start="review", player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "得" in card_text(app) and "dé" not in card_text(app)
        await pilot.press("space")
        await pilot.pause()
        lines = [line.strip() for line in card_text(app).splitlines()]
        assert "de  links a verb to its result" in lines
        assert "dé  to obtain; to get" in lines
        assert "děi  must" in lines
        app.save_screenshot(str(tmp_path / "readings.svg"))


def test_recall_question_gives_every_meaning_but_no_pinyin(learner, lesson_file):
    learner.import_files([lesson_file(LESSON)])
    (card_id,) = learner.progress.conn.execute("SELECT id FROM cards WHERE kind = 'recall'").fetchone()
    card = learner.progress.card(card_id)
    front = str(render_card(card, palette=None, revealed=False))
    assert "to obtain; to get" in front and "must" in front and "links a verb to its result" in front
    assert "dé" not in front and "děi" not in front
    back = str(render_card(card, palette=None, revealed=True))
    lines = [line.strip() for line in back.splitlines()]
    assert "de  links a verb to its result" in lines and "dé  to obtain; to get" in lines and "děi  must" in lines
