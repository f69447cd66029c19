"""Lesson text is data on every screen: hostile titles, levels, glosses and notes are shown, never obeyed.

A lesson file can hold any text a tutor (or an attacker) types. Rich/Textual markup in
it (`[/]`, `[@click=app.quit]`, `[link=...]`) must appear as the characters typed, on
every screen the learner can reach, and must never crash or steer the app. The lessons go
through the real parser (control characters are refused there; see
tests/core/test_hostile_lessons.py) into a real database, and the real app is driven by
Pilot at 80x24. A Hypothesis fuzz target adds random markup-like text.
"""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text

from lianxi.audio.playback import SilentPlayer
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.drills import change_audio_settings
from lianxi.ui.app import make_app

from drawn import drawn
from samples import HOSTILE, hostile_lesson

def plain(widget) -> str:
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


def screen_text(app) -> str:
    return "\n".join(plain(w) for w in app.screen.query("Static"))


def learner_with(learner, text: str):
    learner.progress.set_setting("welcomed", True)
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False)
    learner.import_lessons([parse_lesson(hostile_lesson(text), "hostile.toml")])
    return learner


async def walk_every_screen(app, pilot, text: str) -> list[str]:
    """Visit each screen a learner reaches from home; return their names. Raises if any crashes."""
    seen = [type(app.screen).__name__]
    table = app.screen.query_one("DataTable")
    title_cell = table.get_row_at(0)[0]
    assert (title_cell.plain if isinstance(title_cell, Text) else title_cell) == text
    await pilot.click("DataTable", offset=(4, 1))  # a click on the title: no [@click] action may run
    await pilot.pause()
    assert app.is_running
    if type(app.screen).__name__ != "HomeScreen":  # the click chose the lesson to review: fine, go back
        await pilot.press("q")
        await pilot.pause()
    for keys in (["k"], ["question_mark"], ["d"], ["slash"], ["a"], ["o"]):
        await pilot.press(*keys)
        await pilot.pause()
        seen.append(type(app.screen).__name__)
        if keys == ["d"]:  # the drill menu, then "which words?" lists lesson titles and levels
            await pilot.press("enter")
            await pilot.pause()
            seen.append(type(app.screen).__name__)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running, keys
    await pilot.press("r")  # review: the card, then its answer side with every field
    await pilot.pause()
    seen.append(type(app.screen).__name__)
    await pilot.press("space")
    await pilot.pause()
    shown = screen_text(app)
    assert text[:60] in shown, "the hostile gloss or note is shown as typed"
    await pilot.press("3", "space", "3")
    await pilot.pause()
    await pilot.press("q")
    await pilot.pause()
    assert app.is_running
    return seen


async def test_every_screen_shows_hostile_text_as_typed(learner):
    learner.progress.set_setting("welcomed", True)
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False)
    learner.import_lessons([parse_lesson(hostile_lesson(text, f"hostile-{i}"), f"h{i}.toml")
                            for i, text in enumerate(HOSTILE)])
    app = make_app(learner, player=SilentPlayer("test"))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("DataTable")
        for text in HOSTILE:
            titles = [(c.plain if isinstance(c, Text) else c) for c in table.get_column_at(0)]
            assert text in titles
            table.move_cursor(row=titles.index(text))
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("space")
            await pilot.pause()
            assert text[:60] in screen_text(app)
            await pilot.press("q")
            await pilot.pause()
            assert app.is_running
    assert app.return_code in (None, 0)


async def test_a_hostile_lesson_can_be_walked_through_every_screen(learner):
    learner_with(learner, HOSTILE[1])
    app = make_app(learner, player=SilentPlayer("test"))
    async with app.run_test(size=(80, 24)) as pilot:
        seen = await walk_every_screen(app, pilot, HOSTILE[1])
    assert app.return_code in (None, 0)
    assert seen[:4] == ["HomeScreen", "LessonSettingsScreen", "HelpScreen", "DrillMenuScreen"]
    assert "ReviewScreen" in seen


MARKUPISH = st.text(alphabet=st.sampled_from(list("[]/@=:\\.#bi link click app quit red on $ {}%'\"") + ["你"]),
                    min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MARKUPISH)
def test_fuzz_markup_like_titles_and_glosses_never_crash_home_or_review(learner, text):
    learner.import_lessons([parse_lesson(hostile_lesson(text, "fuzz"), "fuzz.toml")])
    learner.progress.set_setting("welcomed", True)
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False)

    async def run() -> None:
        app = make_app(learner, player=SilentPlayer("test"))
        async with app.run_test(size=(80, 24)) as pilot:
            cells = app.screen.query_one("DataTable").get_column_at(0)
            assert text in [(c.plain if isinstance(c, Text) else c) for c in cells]
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("space")
            await pilot.pause()
            assert text in screen_text(app)
            await pilot.press("q")
            await pilot.pause()
            assert app.is_running

    asyncio.run(run())


async def test_a_long_title_and_level_give_way_so_the_counts_stay_on_screen(learner):
    learner_with(learner, "Week 3 [/] [@click=app.quit] [link=https://x]x[/link] " * 3)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header, row = drawn(app).splitlines()[1:3]
        assert header.rstrip().endswith("New")  # the last column is inside 80 columns
        assert "Week 3 [/]" in row and "…" in row and row.rstrip().endswith("2")  # new: its 2 words
