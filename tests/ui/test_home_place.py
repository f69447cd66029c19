"""Home keeps the learner's place: the lesson selected stays selected after every round trip;
the header names lessons by title; the footer shows the keys that exist."""

from __future__ import annotations

import random

from lianxi.audio.playback import SilentPlayer
from lianxi.core.drills.items import Drill
from lianxi.core.lesson_file import parse_lesson
from lianxi.ui.app import make_app
from lianxi.ui.screens.drills import DrillScreen
from lianxi.ui.screens.home import HomeScreen

from drawn import drawn_lines
from samples import SAMPLE_LESSON

SECOND = SAMPLE_LESSON.replace('id = "sample-greetings"', 'id = "week-2"').replace('title = "Greetings"',
                                                                                    'title = "Week two"')
THIRD = SAMPLE_LESSON.replace('id = "sample-greetings"', 'id = "week-3"').replace('title = "Greetings"',
                                                                                   'title = "Week three"')


def selected(app) -> str:
    table = app.screen.query_one("DataTable")
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


async def test_the_selected_lesson_stays_selected(learner):
    learner.progress.set_setting("welcomed", True)
    learner.import_lessons([parse_lesson(t.encode(), f"{n}.toml") for n, t in
                            enumerate((SAMPLE_LESSON, SECOND, THIRD))])
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")
        assert selected(app) == "week-3"
        await pilot.press("p")  # pause
        assert selected(app) == "week-3"
        await pilot.press("p")
        await pilot.press("k", "escape")  # card kinds and back
        assert selected(app) == "week-3"
        await pilot.press("enter", "space", "3", "q")  # a review of it, its summary, home
        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen) and selected(app) == "week-3"
        await pilot.press("up")
        await pilot.press("d", "q")  # the drill menu and back
        assert selected(app) == "week-2"
        await pilot.press("s", "q", "b", "escape")  # statistics, cards
        await app.workers.wait_for_complete()
        assert selected(app) == "week-2"


async def test_headers_name_lessons_by_title(learner):
    learner.import_lessons([parse_lesson(SECOND.encode(), "second.toml")])
    app = make_app(learner, start="review", lesson_id="week-2")
    async with app.run_test(size=(80, 24)):
        assert drawn_lines(app)[0].strip().startswith("Review · Week two")
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DrillScreen(Drill.DICTATION, lesson_id="week-2", rng=random.Random(1)))
        await pilot.pause()
        assert drawn_lines(app)[0].strip().startswith("Drill · dictation · Week two")


async def test_the_footer_shows_the_home_keys(learner):
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)):
        footer = drawn_lines(app)[-1]
        for key, word in (("r", "Review"), ("p", "Pause"), ("k", "Kinds"), ("d", "Drills"), ("/", "Look up"),
                          ("s", "Stats"), ("b", "Cards"), (",", "Settings"), ("?", "Help")):
            assert f"{key} {word}" in footer, footer
        above = drawn_lines(app)[-2]  # the rest of the keys, in words, just above
        assert "a add a lesson" in above and "o open a lesson file" in above
