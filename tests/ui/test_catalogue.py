"""The catalogue through the Pilot at 80x24: courses folded, opened, filtered, a preview, adding a lesson."""

from __future__ import annotations

from textual.widgets import Tree

from lianxi.ui.app import make_app
from lianxi.ui.screens.catalogue import CatalogueScreen

from drawn import drawn, drawn_lines


def rows(app) -> list[str]:
    """The list's rows as drawn (the tree's part of the screen)."""
    lines = drawn_lines(app)
    tree = app.screen.query_one(Tree)
    top = tree.region.y
    return [line.rstrip() for line in lines[top: top + tree.region.height]]


async def test_fold_filter_preview_and_add(learner):
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)
        shown = rows(app)
        # every course folded, with its lessons, words and words known
        assert shown[0].startswith("▶ First course (HSK 1, nine themes)  9 lessons · 150 words · 0 known")
        assert shown[1].startswith("▶ HSK 2.0 level 1  5 lessons · 150 words · 0 known")
        assert not any("lesson 1" in row for row in shown)

        # enter opens a course; down moves onto a lesson, whose words show below with pinyin and meaning
        await pilot.press("down", "enter", "down")
        await pilot.pause()
        shown = rows(app)
        assert shown[1].startswith("▼ HSK 2.0 level 1")
        assert "HSK 2.0 level 1 · lesson 1  30 words · 0 known" in shown[2]
        screen = drawn(app)
        assert "HSK 2.0 level 1 · lesson 1: 30 words, 0 known" in screen
        # hanzi, pinyin and meaning in columns (a hanzi is two cells wide)
        assert "  我    wǒ      I; me" in screen and "  我们  wǒ men  we; us" in screen
        assert "… and 25 more" in screen
        # the filter box has the focus, so ? is text there: the footer offers F1 for help
        assert "F1 Help" in screen.splitlines()[-1]
        await pilot.press("f1")
        await pilot.pause()
        assert "Press ?, F1 or Esc to close." in drawn(app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)

        # enter adds it: marked in the list, in the learner's lessons
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ HSK 2.0 level 1 · lesson 1" in rows(app)[2]
        # the mark is green, the title is not (a whole-label style coloured every title)
        label = app.screen.query_one(Tree).cursor_node.label
        assert [str(span.style) for span in label.spans][:1] == ["green"] and label.spans[0].end == 2
        assert not str(label.style)
        assert "Added HSK 2.0 level 1 · lesson 1: 30 words." in drawn(app)
        assert [s.id for s in learner.lessons()] == ["hsk2-1-01"]

        # typing filters by a word in the lesson, traditional as simplified; courses with a hit open
        await pilot.press(*"學習")
        await pilot.pause()
        shown = [row for row in rows(app) if row]
        assert shown[0].startswith("▼ First course") and "1 lesson" in shown[0]
        assert any("People and introductions" in row for row in shown)
        assert any(row.startswith("▼ HSK 3.0 band 1") for row in shown)
        assert "3 lessons with '學習'" in drawn(app)
        # a title filters too; esc clears the filter, then goes back
        await pilot.press("backspace", "backspace", *"lesson 84")
        await pilot.pause()
        shown = [row for row in rows(app) if row]
        assert shown[0].startswith("▼ HSK 2.0 level 6") and "HSK 2.0 level 6 · lesson 84" in shown[1]
        assert len(shown) == 4 and "HSK 3.0 bands 7-9 · lesson 84" in shown[3]  # the only two lessons 84
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen) and rows(app)[0].startswith("▶ First course")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CatalogueScreen)


async def test_the_welcome_screens_hsk_choice_shows_only_hsk_courses(learner):
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # "An HSK lesson: choose a level and a lesson"
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)
        shown = [row for row in rows(app) if row]
        assert shown[0].startswith("▶ HSK 2.0 level 1") and not any("First course" in row for row in shown)


async def test_the_next_lesson_of_a_finished_one_is_offered_first(learner, clock):
    from lianxi.core.schedule import Rating

    learner.progress.set_setting("welcomed", True)
    learner.start_bundled("first-01-greetings")
    for _ in range(6):  # a few new words a day, until every word of the lesson has been answered
        session = learner.session("first-01-greetings")
        while session.next() is not None:
            session.answer(Rating.Good)
        clock.advance(days=1)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        shown = rows(app)
        assert shown[0].startswith("▼ Next up: you finished the lesson before these")
        assert "People and introductions" in shown[1]
        assert shown[2].startswith("▶ First course (HSK 1, nine themes)  9 lessons · 150 words · 17 known")
        await pilot.press("down", "enter")  # onto the offered lesson, and add it
        await pilot.pause()
        assert [s.id for s in learner.lessons()] == ["first-01-greetings", "first-02-people"]
        assert "✓ People and introductions" in rows(app)[1]
