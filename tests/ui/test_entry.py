"""The dictionary entry through the Pilot at 80x24: what is drawn, My words in and out, stroke order."""

from __future__ import annotations

import re

from lianxi.audio.playback import SilentPlayer
from lianxi.study.dictionary import MY_WORDS, Dictionary
from lianxi.study.sentences import import_sentences
from lianxi.ui.app import make_app
from lianxi.ui.screens.entry import EntryScreen

from drawn import drawn

# Our own sentence, written for this test.
SENTENCES = "We study Chinese together.\t我们一起学习中文。\tLianxi tests #7 (CC0)\n"


def words_in_my_words(learner) -> list[str]:
    return [r[0] for r in learner.progress.conn.execute(
        "SELECT hanzi FROM notes WHERE lesson_id = ? AND NOT removed", (MY_WORDS,))]


async def open_entry(app, pilot, learner, index, hanzi):
    app.push_screen(EntryScreen(Dictionary(learner, index=index), hanzi))
    await pilot.pause()
    return app.screen


async def test_an_entry_shows_everything_about_the_word(learner, real_index, tmp_path):
    learner.progress.set_setting("welcomed", True)
    path = tmp_path / "s.tsv"
    path.write_text(SENTENCES, encoding="utf-8")
    import_sentences(learner, path)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry(app, pilot, learner, real_index, "學習")  # traditional input works too
        screen = drawn(app)
        assert "学习  (學習)" in screen
        assert "HSK 2.0 level 1 · HSK 3.0 band 1" in screen
        assert "xué xí" in screen and "to learn" in screen and "to study" in screen
        body = str(app.screen.query_one("#entry-text").render())
        assert "Words with it" in body and "学习班" in body or "Words with it" in body
        assert "我们一起学习中文。" in body and "Lianxi tests #7 (CC0)" in body
        assert "Not in your lessons yet" in body
        assert "|" not in body and "[" not in body  # no CC-CEDICT markup

        # each character's parts, read off the UI thread, with their source
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = str(app.screen.query_one("#entry-text").render())
        assert "Characters\n  学  小 + 冖 + 子\n  习  刁 + 丶\n" in body and "CC BY 3.0" in body

        # a adds it to My words, x takes it out again (progress kept, hidden)
        await pilot.press("a")
        await pilot.pause()
        assert words_in_my_words(learner) == ["学习"]
        assert "✓ in My words" in drawn(app)
        assert "My words" in str(app.screen.query_one("#entry-text").render())
        await pilot.press("x")
        await pilot.pause()
        assert words_in_my_words(learner) == []
        assert "Removed 学习 from My words" in drawn(app)

        # o draws the first character's strokes on a braille canvas, one at a time
        await pilot.press("o")
        await app.workers.wait_for_complete()  # the stroke data is read in a worker the first time
        await pilot.pause()
        strokes = str(app.screen.query_one("#entry-strokes").render())
        assert any("\u2801" <= ch <= "\u28ff" for ch in strokes)
        # The strokes follow each other every 0.6 s: on a busy machine a later one may show by now.
        assert re.search(r"学: stroke [1-8] of 8", drawn(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, EntryScreen)


async def test_measure_words_and_classifier_senses(learner, real_index):
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry(app, pilot, learner, real_index, "本")
        body = str(app.screen.query_one("#entry-text").render())
        assert "classifier for books" in body  # the measure-word sense is a use, shown
        await open_entry(app, pilot, learner, real_index, "老师")
        body = str(app.screen.query_one("#entry-text").render())
        assert "measure words: 个 gè, 位 wèi" in body
        # a character the stroke data lacks says so
        await open_entry(app, pilot, learner, real_index, "獃")
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Stroke order is not available for 獃." in drawn(app)


async def test_words_built_on_it_keep_to_one_line_each_at_80_columns(learner, real_index):
    # 学习's words include a long saying (好好学习，天天向上 hǎo hǎo xué xí, tiān tiān xiàng shàng):
    # a line that cannot fit drops its other script or is left out; meanings are cut with " …"
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_entry(app, pilot, learner, real_index, "学习")
        body = app.screen.query_one("#entry-text")
        lines = [line.rstrip() for line in drawn(app).splitlines()]
        start = next(i for i, line in enumerate(lines) if line.strip() == "Words with it")
        built = lines[start + 1:lines.index("", start) if "" in lines[start:] else None]
        shown = [line for line in built if line.strip()]
        assert shown and all(line.startswith("   ") and "xué xí" in line for line in shown), shown
        assert len(shown) <= 6
        assert body.region.width <= 80
        # F1 is help here too (every screen), and F1 closes it
        await pilot.press("f1")
        await pilot.pause()
        assert "Dictionary entry" in drawn(app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
