"""Classroom mode driven by Pilot: reveal, play, every round, help; and nothing is recorded."""

from __future__ import annotations

from lianxi.audio.playback import SilentPlayer
from lianxi.core.classroom import dictation_order
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.tutor import find_lesson
from lianxi.ui.screens.classroom import ClassroomApp, ClassroomScreen
from lianxi.ui.screens.help import HelpScreen

SAMPLE_LESSON = """\
id = "sample-greetings"
title = "Greetings"
level = "HSK 1"

[[words]]
hanzi = "你好"
pinyin = "nǐhǎo"
english = ["hello", "hi"]

[[words]]
hanzi = "谢谢"
pinyin = "xie4xie5"
english = "thank you"

[[words]]
hanzi = "再见"
pinyin = "zàijiàn"
english = ["goodbye", "see you"]
"""

TABLES = ("lessons", "notes", "cards", "reviews", "settings")


def shown(app) -> dict[str, str]:
    return {w.id: str(w.render()) for w in app.screen.query("Static") if w.id}


def classroom(lesson, tmp_path, seed=7):
    player = SilentPlayer()
    return ClassroomApp(lesson, cache_dir=tmp_path / "cache", player=player, seed=seed), player


async def test_words_reveal_pinyin_then_meaning_and_play_on_p(tmp_path):
    lesson = parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")
    app, player = classroom(lesson, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ClassroomScreen)
        word = screen.word()
        text = shown(app)
        assert text["class-hanzi"] == " ".join(word.hanzi)
        assert text["class-pinyin"] == "" and text["class-meaning"] == ""
        assert text["class-status"] == "Greetings · Words 1/3"
        await pilot.press("space")
        assert shown(app)["class-pinyin"] == word.pinyin and shown(app)["class-meaning"] == ""
        await pilot.press("space")
        assert shown(app)["class-meaning"] == word.meaning
        await pilot.press("space")  # nothing more to show
        assert shown(app)["class-meaning"] == word.meaning
        assert player.played == []  # words do not play by themselves
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # real espeak-ng audio, handed to the (silent) sound card
        assert len(player.played) == 1 and player.played[0].stat().st_size > 1000
        seen = [word.hanzi]
        for _ in range(2):
            await pilot.press("n")
            seen.append(screen.word().hanzi)
            assert shown(app)["class-pinyin"] == ""  # a new word starts hidden
        assert sorted(seen) == sorted(w.hanzi for w in lesson.words)
        await pilot.press("n")
        assert shown(app)["class-hanzi"] == "Done!"
        await pilot.press("n")  # again, in a new order
        assert screen.index == 0 and shown(app)["class-status"] == "Greetings · Words 1/3"


async def test_tone_pairs_show_written_and_spoken_tones(tmp_path):
    lesson = parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")
    app, _ = classroom(lesson, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        screen = app.screen
        assert screen.mode == "tones" and len(screen.items) == 3
        labels = {}
        for _ in range(3):
            await pilot.press("space")
            labels[screen.word().hanzi] = shown(app)["class-pinyin"]
            await pilot.press("n")
        assert labels["你好"].endswith("tones 3 + 3   (said 2 + 3)")
        assert labels["谢谢"].endswith("tones 4 + neutral")
        assert labels["再见"].endswith("tones 4 + 4")


async def test_listening_plays_at_once_and_reveals_the_right_option(tmp_path):
    lesson = parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")
    app, player = classroom(lesson, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await app.workers.wait_for_complete()
        screen = app.screen
        question = screen.current
        assert len(question.options) == 3 and question.options[question.answer] == question.word
        assert shown(app)["class-pinyin"] == "Which word do you hear?"
        assert len(player.played) == 1
        await pilot.press("space")
        assert shown(app)["class-pinyin"] == question.word.pinyin


async def test_dictation_plays_in_the_worksheet_order(tmp_path):
    path = tmp_path / "lesson.toml"
    path.write_text(SAMPLE_LESSON, encoding="utf-8")
    lesson = find_lesson(str(path))
    app, _ = classroom(lesson, tmp_path, seed=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        heard = []
        for _ in range(3):
            await app.workers.wait_for_complete()
            heard.append(app.screen.word().hanzi)
            assert shown(app)["class-hanzi"] == str(len(heard))
            await pilot.press("n")
        await app.workers.wait_for_complete()
        assert heard == [w.hanzi for w in dictation_order(lesson)]
        assert len(app.played) == 3
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_class_records_nothing(learner, data_dir, tmp_path):
    """An imported lesson, taught from the learner's own data folder: the database is unchanged."""
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), str(tmp_path / "gone.toml"))])
    conn = learner.progress.conn

    def snapshot():
        return {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}

    before = snapshot()
    lesson = find_lesson("sample-greetings", data_dir)  # its file is gone: read from the database
    assert [w.hanzi for w in lesson.words] == ["你好", "谢谢", "再见"]
    app, _ = classroom(lesson, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("space", "space", "p", "n", "t", "space", "l", "space", "d", "n", "w", "q"):
            await pilot.press(key)
        await app.workers.wait_for_complete()
    assert snapshot() == before


async def test_a_lesson_without_two_syllable_words_says_so_in_the_tone_round(tmp_path):
    one = SAMPLE_LESSON.split("[[words]]")[0] + '[[words]]\nhanzi = "好"\npinyin = "hao3"\nenglish = "good"\n'
    app, _ = classroom(parse_lesson(one.encode(), "one.toml"), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert shown(app)["class-hanzi"] == "No words for this round"
        await pilot.press("space", "n", "p")  # nothing to reveal, play or move to: no error
        await pilot.press("w")
        assert shown(app)["class-hanzi"] == "好"


async def test_traditional_forms_back_and_a_long_meaning_that_wraps(tmp_path):
    long = "a meaning long enough that it cannot fit on one line of an eighty column terminal and has to wrap"
    text = SAMPLE_LESSON.replace('english = "thank you"', f'english = "{long}"\ntraditional = "謝謝"')
    lesson = parse_lesson(text.encode(), "sample.toml")
    app = ClassroomApp(lesson, cache_dir=tmp_path / "cache", player=SilentPlayer(), seed=7, traditional=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        while screen.word().hanzi != "谢谢":
            await pilot.press("n")
        assert shown(app)["class-hanzi"] == "謝 謝"
        await pilot.press("space", "space")
        await pilot.pause()
        meaning = app.screen.query_one("#class-meaning")
        assert str(meaning.render()) == long
        assert meaning.size.height == 2 and meaning.region.right <= 80  # two lines of text: wrapped, not cut
        index = screen.index
        await pilot.press("left")
        assert screen.index == index - 1 or index == 0


async def test_a_word_with_several_readings_shows_each_with_its_meaning(tmp_path):
    """The bundled hsk2-2-01 teaches 得 de, dé and děi: the room sees all three, each with its meaning."""
    lesson = find_lesson("hsk2-2-01")
    de = next(w for w in lesson.words if w.hanzi == "得")
    app, _ = classroom(lesson, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        while screen.word().hanzi != "得":
            await pilot.press("n")
        await pilot.press("space")
        assert shown(app)["class-pinyin"] == "de · dé · děi"
        await pilot.press("space")
        await pilot.pause()
        lines = [line.strip() for line in shown(app)["class-meaning"].splitlines()]
        assert lines[-2:] == ["dé  to obtain; to get; to gain", "děi  to have to; must; ought to"]
        assert lines[0].startswith("de  structural particle")
        assert app.screen.query_one("#class-meaning").region.right <= 80
        app.save_screenshot(str(tmp_path / "de-80x24.svg"))


async def test_tone_pairs_give_the_main_readings_tones_and_every_reading_after(tmp_path):
    text = SAMPLE_LESSON + """
[[words]]
hanzi = "东西"
pinyin = "dōng xi"
english = ["thing", "stuff"]
other_readings = [{ pinyin = "dōng xī", english = "east and west" }]
"""
    lesson = parse_lesson(text.encode(), "sample.toml")
    app, _ = classroom(lesson, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("t")
        while screen.word().hanzi != "东西":
            await pilot.press("n")
        await pilot.press("space")
        assert shown(app)["class-pinyin"] == "dōng xi    tones 1 + neutral"
        await pilot.press("space")
        assert shown(app)["class-meaning"].splitlines() == ["dōng xi  thing; stuff", "dōng xī  east and west"]
