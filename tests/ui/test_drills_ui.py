"""Pilot tests of the drills and the audio keys: the real app, real espeak-ng rendering,
a silent player at the sound-card edge; answers are checked in the database."""

from __future__ import annotations

import wave

from lianxi.audio.playback import SilentPlayer
from lianxi.core.cards import CardKind
from lianxi.core.drills.items import Drill
from lianxi.study.drills import change_audio_settings
from lianxi.store.drills import DrillLog
from lianxi.ui.app import make_app
from lianxi.ui.screens.drills import DrillMenuScreen, DrillScreen, ScopeScreen, start_text
from lianxi.ui.screens.review import ReviewScreen


def played(player: SilentPlayer) -> list:
    return list(player.played)


async def settle(app, pilot) -> None:
    """Let speech workers finish and the screen catch up (no sleeps)."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def frames(path) -> int:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes()


FOUR_WORDS = """\
id = "four-words"
title = "Animals"
level = "HSK 1"

[[words]]
hanzi = "猫"
pinyin = "māo"
english = "cat"

[[words]]
hanzi = "狗"
pinyin = "gǒu"
english = "dog"

[[words]]
hanzi = "鱼"
pinyin = "yú"
english = "fish"

[[words]]
hanzi = "鸟"
pinyin = "niǎo"
english = "bird"
"""


# -- the menu ------------------------------------------------------------------------------


async def test_home_d_opens_the_drill_menu_and_a_number_starts_a_drill(learner):
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, player=player)
    learner.progress.set_setting("welcomed", True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, DrillMenuScreen)
        await pilot.press("1")
        await settle(app, pilot)
        assert isinstance(app.screen, DrillScreen) and app.screen.drill is Drill.TONES
        await pilot.press("q")
        assert isinstance(app.screen, DrillMenuScreen)
        await pilot.press("3")  # listening asks which words first
        assert isinstance(app.screen, ScopeScreen)
        await pilot.press("enter")  # all your words
        await settle(app, pilot)
        assert isinstance(app.screen, DrillScreen) and app.screen.drill is Drill.LISTEN


async def test_the_menu_switches_the_review_sound_settings(learner):
    from lianxi.study.drills import audio_settings

    learner.progress.set_setting("welcomed", True)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "v", "c")
        line = str(app.screen.query_one("#drill-settings").render())
        assert "on reveal off" in line and "listening cards off" in line
    settings = audio_settings(learner)
    assert not settings.play_on_reveal and not settings.listening_cards and settings.play_listening_on_show


# -- each drill ----------------------------------------------------------------------------


async def test_tones_drill_plays_a_real_syllable_and_stores_answers_and_confusion(learner):
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start=start_text("tones"), player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        first = screen.item
        assert len(played(player)) == 1 and frames(played(player)[0]) > 1000
        wrong = str(int(first.expected) % 5 + 1)
        await pilot.press(wrong)
        assert "It was" in str(screen.query_one("#drill-feedback").render())
        await pilot.press("space")
        await settle(app, pilot)
        second = screen.item
        await pilot.press(second.expected)
        await pilot.press("space")
        await settle(app, pilot)
    answers = DrillLog(learner.progress).answers("tones")
    assert [(a.expected, a.answer, a.correct) for a in answers] == [
        (first.expected, wrong, False), (second.expected, second.expected, True)]
    table = DrillLog(learner.progress).confusion()
    assert table[(int(first.expected), int(wrong))] >= 1
    assert table[(int(second.expected), int(second.expected))] >= 1
    assert sum(table.values()) == 2


async def test_pairs_drill_takes_two_tones_and_backspace(learner):
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start=start_text("pairs"), player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        item = app.screen.item
        await pilot.press("1", "backspace")  # change of mind
        assert app.screen.typed == ""
        await pilot.press(*item.expected)
        await settle(app, pilot)
        assert app.screen.verdict.correct
    stored = DrillLog(learner.progress).answers("pairs")
    assert len(stored) == 1 and stored[0].answer == item.expected and stored[0].prompt == item.hanzi
    assert sum(DrillLog(learner.progress).confusion().values()) == 2


async def test_listen_drill_on_a_lesson_stores_the_meaning_picked(learner, lesson_file):
    learner.import_files([lesson_file(FOUR_WORDS)])
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start=start_text("listen"), lesson_id="four-words", player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        item = app.screen.item
        assert len(item.options) == 4
        wrong = (item.answer_index + 1) % 4
        await pilot.press(str(wrong + 1))
        await settle(app, pilot)
    stored = DrillLog(learner.progress).answers("listen")[0]
    assert stored.answer == item.options[wrong] and not stored.correct and stored.note_id is not None


async def test_dictation_drill_takes_typed_pinyin_and_explains_each_syllable(learner, lesson_file):
    learner.import_files([lesson_file()])
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start=start_text("dictation"), lesson_id="sample-greetings", player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        item = app.screen.item
        await pilot.press("r")  # typed into the box, not a replay
        assert app.screen.query_one("#drill-input").value == "r"
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert len(played(player)) == 2
        await pilot.press("backspace")
        for ch in "xx3":
            await pilot.press(ch)
        await pilot.press("enter")  # not pinyin: asked again, nothing stored
        assert DrillLog(learner.progress).answers() == []
        app.screen.query_one("#drill-input").value = item.pinyin
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.verdict.correct
    stored = DrillLog(learner.progress).answers("dictation")
    assert len(stored) == 1 and stored[0].correct and stored[0].expected == item.expected


async def test_minimal_drill_offers_options_and_stores_the_pick(learner):
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start=start_text("minimal", contrast="zh/z"), player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        item = app.screen.item
        assert item.key == "zh/z" and len(item.options) == 2
        options_text = str(app.screen.query_one("#drill-options").render())
        assert item.options[0] in options_text and item.options[1] in options_text
        await pilot.press(str(item.answer_index + 1))
        await settle(app, pilot)
    stored = DrillLog(learner.progress).answers("minimal")[0]
    assert stored.correct and stored.item == "zh/z" and stored.answer == item.options[item.answer_index]


# -- audio keys ------------------------------------------------------------------------------


async def test_r_replays_and_s_replays_slowly(learner):
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start=start_text("tones"), player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        files = played(player)
    assert len(files) == 3
    assert files[0] == files[1]  # replay: the cached file
    assert files[2] != files[0] and frames(files[2]) > frames(files[0])  # slower is longer


async def test_listening_cards_play_on_show_and_recognition_on_reveal(learner, lesson_file, clock):
    learner.import_files([lesson_file()])
    learner.progress.set_card_kinds("sample-greetings", [CardKind.RECOGNITION])
    session = learner.session()
    assert session.next().hanzi == "你好"
    session.answer(4)  # easy: not due again for days
    clock.advance(days=1)
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start="review", player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)  # the review screen gave 你好 its listening card: first new card
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.session.current.kind is CardKind.LISTENING and screen.session.current.hanzi == "你好"
        assert len(played(player)) == 1  # played on show
        await pilot.press("space")
        await settle(app, pilot)
        assert len(played(player)) == 1  # not again on reveal
        await pilot.press("3")
        await settle(app, pilot)
        assert screen.session.current.kind is CardKind.RECOGNITION
        assert len(played(player)) == 1  # a recognition card is silent on show...
        await pilot.press("space")
        await settle(app, pilot)
        assert len(played(player)) == 2  # ...and speaks on reveal
    listening = [r for r in learner.progress.conn.execute(
        "SELECT c.kind, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id ORDER BY r.id")]
    assert ("listening", 3) in listening


async def test_reveal_stays_silent_when_the_setting_is_off(learner, lesson_file):
    learner.import_files([lesson_file()])
    change_audio_settings(learner, play_on_reveal=False)
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start="review", player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("space")
        await settle(app, pilot)
        assert played(player) == []
        await pilot.press("r")  # the learner can still ask
        await settle(app, pilot)
        assert len(played(player)) == 1


# -- no sound ----------------------------------------------------------------------------------


async def test_a_drill_without_sound_says_what_is_missing_and_counts_nothing(learner):
    """Answers given without sound are guesses: shown, but never stored as tone evidence."""
    player = SilentPlayer("no audio player found; install one with: sudo apt-get install alsa-utils")
    app = make_app(learner, start=start_text("tones"), player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        line = str(app.screen.query_one("#drill-audio").render())
        assert "needs sound" in line and "alsa-utils" in line and "not counted" in line
        assert "\n" not in line.strip()
        await pilot.press(app.screen.item.expected)
        await settle(app, pilot)
        assert app.screen.verdict is not None and app.screen.verdict.correct  # still checked and shown
    assert DrillLog(learner.progress).answers("tones") == []
    assert DrillLog(learner.progress).confusion() == {}


async def test_drill_screen_fits_80x24(learner, tmp_path):
    player = SilentPlayer(available=True)  # a working sound card that plays nothing
    app = make_app(learner, start=start_text("minimal"), player=player)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        path = app.save_screenshot(str(tmp_path / "minimal.svg"))
        assert path
        region = app.screen.query_one("#drill-options").region
        assert region.bottom <= 24 and region.height >= 2
