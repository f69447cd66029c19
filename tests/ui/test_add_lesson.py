"""Adding a bundled lesson from the catalogue says what it did: the words it brought in the first
time, and that nothing was added when the lesson is already there (it used to count its words again)."""

from __future__ import annotations

from lianxi.study import bundled_lessons
from lianxi.study.lesson_files import added_message
from lianxi.ui.app import make_app
from lianxi.ui.screens.catalogue import CatalogueScreen
from lianxi.ui.screens.home import HomeScreen


def status(app) -> str:
    return str(app.screen.query_one("#catalogue-status").render())


async def test_adding_a_lesson_twice_says_nothing_new_was_added(learner):
    learner.progress.set_setting("welcomed", True)
    first = next(b for b in bundled_lessons() if b.group == "first-course")
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        for attempt in range(2):
            await pilot.press("a")
            assert isinstance(app.screen, CatalogueScreen)
            await pilot.press("enter", "down", "enter")  # open the first course, add its first lesson
            await pilot.pause()
            said = status(app)
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            if attempt == 0:
                assert said.startswith(f"Added {first.title}: {first.words} words.")
    words = learner.progress.conn.execute("SELECT COUNT(*) FROM notes WHERE lesson_id = ?", (first.id,)).fetchone()[0]
    assert words == first.words
    assert said == f"{first.title} is already in your lessons."


def test_the_message_counts_only_new_words_when_a_lesson_grew():
    class Report:
        created, added, updated, unchanged, removed = False, 2, 0, 15, 0

    assert added_message(Report, "Week 3") == "Week 3 was already in your lessons; 2 new words added."
