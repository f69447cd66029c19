"""The lookup screen through the Pilot: `/`, the index built behind a progress bar, type, add to My words."""

from __future__ import annotations

from textual.widgets import Input, OptionList, ProgressBar

from lianxi.audio.playback import SilentPlayer
from lianxi.study.dictionary import MY_WORDS
from lianxi.ui.app import make_app
from lianxi.ui.screens.lookup import LookupScreen


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def my_words(learner) -> list[tuple[str, str]]:
    return learner.progress.conn.execute(
        "SELECT hanzi, numbered FROM notes WHERE lesson_id = ? ORDER BY position", (MY_WORDS,)
    ).fetchall()


async def test_look_up_and_add_to_my_words(learner):
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, LookupScreen)
        # first use: the index is built in a worker while a progress bar shows
        assert screen.query_one(ProgressBar).display
        await settle(app, pilot)
        assert screen.ready and not screen.query_one(ProgressBar).display
        assert screen.query_one(Input).has_focus

        await pilot.press(*"ni hao")
        await pilot.pause()
        results = screen.query_one(OptionList)
        assert results.option_count >= 1
        assert screen.found[results.get_option_at_index(0).id].simplified == "你好"

        await pilot.press("down", "a")
        await pilot.pause()
        assert my_words(learner) == [("你好", "ni3 hao3")]
        assert str(results.get_option_at_index(0).prompt).startswith("✓ 你好")

        # the same word again: a message, no second copy
        await pilot.press("a")
        await pilot.pause()
        assert my_words(learner) == [("你好", "ni3 hao3")]

        # back to the search box, an English word, the second result
        await pilot.press("slash")
        screen.query_one(Input).value = ""
        await pilot.press(*"student")
        await pilot.pause()
        second = screen.found[results.get_option_at_index(1).id]
        await pilot.press("down", "down", "a")
        await pilot.pause()
        assert [h for h, _ in my_words(learner)] == ["你好", second.simplified]

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LookupScreen)
        # My words is a lesson on the home screen, with new cards
        summary = next(s for s in learner.lessons() if s.id == MY_WORDS)
        assert summary.words == 2 and summary.new > 0

        # with the traditional script chosen, results lead with the traditional form
        learner.progress.set_setting("script", "traditional")
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.ready  # built once: no second build
        await pilot.press(*"xuesheng")
        await pilot.pause()
        first = app.screen.query_one(OptionList).get_option_at_index(0)
        assert str(first.prompt).startswith("  學生 (学生)")


async def test_leaving_while_the_index_builds_stops_it_cleanly(learner):
    from lianxi.study.dictionary import Dictionary

    learner.progress.set_setting("welcomed", True)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, LookupScreen)
        # the review still works: the database was never left locked
        await pilot.press("r")
        await pilot.pause()
    assert not Dictionary(learner).ready()


async def test_an_empty_search_box_lists_my_words_and_x_removes_one(learner, real_index):
    from lianxi.study.dictionary import Dictionary
    from lianxi.study.my_words import my_words as words_of

    learner.progress.set_setting("welcomed", True)
    dictionary = Dictionary(learner, index=real_index)
    for text in ("xuexi", "laoshi"):
        dictionary.add_to_my_words(dictionary.lookup(text, limit=1)[0].id)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = LookupScreen(dictionary)
        await app.push_screen(screen)
        await pilot.pause()
        results = screen.query_one(OptionList)
        assert [str(results.get_option_at_index(i).prompt).split()[1] for i in range(results.option_count)] == [
            "学习", "老师"]
        assert "My words: 2 words" in str(screen.query_one("#lookup-status").render())
        await pilot.press("down", "x")
        await pilot.pause()
        assert [w.hanzi for w in words_of(learner)] == ["老师"]
        assert results.option_count == 1
    dictionary.close()


async def test_a_question_mark_in_the_search_box_is_text_and_f1_is_help(learner, real_index):
    """In a search box `?` is text ("what?" is a fair search); F1 opens help from anywhere, `?` from the results."""
    from lianxi.study.dictionary import Dictionary
    from lianxi.ui.screens.help import HelpScreen

    from drawn import drawn

    learner.progress.set_setting("welcomed", True)
    dictionary = Dictionary(learner, index=real_index)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = LookupScreen(dictionary)
        await app.push_screen(screen)
        await pilot.pause()
        assert "F1 Help" in drawn(app).splitlines()[-1]  # the footer says how to get help while typing
        await pilot.press(*"what?")
        await pilot.pause()
        assert screen.query_one(Input).value == "what?" and app.screen is screen
        assert screen.query_one(OptionList).option_count  # searched as "what"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "F1" in drawn(app) and "Press ?, F1 or Esc to close." in drawn(app)
        await pilot.press("escape", "down", "question_mark")  # from the results, ? is help too
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is screen
        # traditional variants typed in a mix still find the word: 妳好 is 你好
        await pilot.press("slash")
        screen.query_one(Input).value = ""
        await pilot.press(*"妳好")
        await pilot.pause()
        assert screen.found[screen.query_one(OptionList).get_option_at_index(0).id].simplified == "你好"
    dictionary.close()
