"""Lesson text is data on the statistics, the card browser, a card's screen and the summary: hostile
titles and glosses show as typed and never act (no crash, no [@click] running, no markup)."""

from __future__ import annotations

import pytest

from lianxi.audio.playback import SilentPlayer
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.drills import change_audio_settings
from lianxi.ui.app import make_app
from lianxi.ui.screens.browser import BrowserScreen
from lianxi.ui.screens.card import CardScreen
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.summary import SummaryScreen

from drawn import drawn
from samples import HOSTILE, hostile_lesson


@pytest.mark.parametrize("text", [HOSTILE[1], HOSTILE[3], HOSTILE[10]])
async def test_hostile_lesson_text_is_shown_as_typed(learner, text):
    learner.progress.set_setting("welcomed", True)
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False, listening_cards=False)
    learner.import_lessons([parse_lesson(hostile_lesson(text), "hostile.toml")])
    app = make_app(learner, player=SilentPlayer(available=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "space", "1", "q")  # a review with a miss: the summary lists the gloss
        assert isinstance(app.screen, SummaryScreen) and app.is_running
        assert text[:20] in drawn(app)
        await pilot.press("q", "b")
        assert isinstance(app.screen, BrowserScreen)
        assert text[:12] in drawn(app)  # the gloss, cut to its column
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen) and app.is_running
        assert text[:20] in drawn(app)  # the gloss and the lesson title
        await pilot.press("q", "escape", "s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen) and app.is_running
    assert app.return_code in (None, 0)
