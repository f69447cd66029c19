"""Speaking in the real app through Pilot: the speak screen, the "say it" card, the speaking
drill and calibration. The microphone is the one fake (CI has none): it plays WAV files
of a real espeak-ng voice (+m3, lower and slower than the app's) into the recording path;
playback goes to the silent player, and the database and data folder are checked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from lianxi.audio.playback import SilentPlayer
from lianxi.cli import cli
from lianxi.core.cards import CardKind
from lianxi.core.lesson_file import parse_lesson
from lianxi.study import speaking
from lianxi.study.recordings import find_microphone, kept_recordings, wav_microphone
from lianxi.study.typed_cards import choose_kinds
from lianxi.ui.app import make_app
from lianxi.ui.screens.calibrate import CalibrateScreen
from lianxi.ui.screens.speak import SpeakScreen
from lianxi.ui.widgets.speaking import SpeakingPanel

from samples import SAMPLE_LESSON


@pytest.fixture(scope="module")
def wavs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("voice")
    out = {}
    for name in ("ma1", "ma2", "ma3", "ma4", "ni2 hao3", "ni4 hao1", "xie4 xie5", "zai4 jian4"):
        path = folder / f"{name.replace(' ', '-')}.wav"
        subprocess.run(["espeak-ng", "-v", "sit/cmn-latn-pinyin+m3", "-s", "140", "-w", str(path), name], check=True)
        out[name] = path
    return out


class Microphones:
    """One WAV per recording, in order: the microphone edge for the app."""

    def __init__(self, *paths: Path):
        self.paths = list(paths)
        self.opened = 0

    def __call__(self, limit: float):
        path = self.paths[min(self.opened, len(self.paths) - 1)]
        self.opened += 1
        return wav_microphone(path, limit=limit)


def text_of(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


async def judged(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def say(app, pilot) -> None:
    await pilot.press("m")
    await pilot.pause()
    await pilot.press("space")
    await judged(app, pilot)


async def test_speak_a_word_see_the_wrong_tone_and_replay(learner, wavs):
    player = SilentPlayer("test")
    app = make_app(learner, start=speaking.start_text("你好", None), player=player,
                   microphone=Microphones(wavs["ni4 hao1"]))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, SpeakScreen)
        text = text_of(app)
        assert "你好" in text and "nǐ hǎo" in text and "said as ní hǎo" in text
        assert "not calibrated (c)" in text and "recordings not kept (k)" in text
        await say(app, pilot)
        panel = app.screen.query_one(SpeakingPanel)
        first = panel.attempt.judgements[0]
        assert (first.target, first.verdict.value, first.heard) == ("ni2", "wrong", 4)
        text = text_of(app)
        assert "ní ✗ like a 4th" in text
        assert "this 2nd tone fell" in text
        assert "⠀" in text or any(0x2800 < ord(ch) <= 0x28FF for ch in text)  # the braille curves
        await pilot.press("y")
        await judged(app, pilot)
        assert player.played[-1].name == "yours.wav"
        await pilot.press("b")
        await judged(app, pilot)
        assert player.played[-1].name == "both.wav"
        await pilot.press("r")
        await judged(app, pilot)
        assert player.played[-1].parent.name == "speech"  # the app's own voice: the target
    assert kept_recordings(learner.data_dir) == []  # nothing kept: the setting is off


async def test_keep_my_recordings_writes_them_to_the_data_folder_and_erase_removes_them(learner, wavs):
    app = make_app(learner, start=speaking.start_text("你好", None), player=SilentPlayer("test"),
                   microphone=Microphones(wavs["ni2 hao3"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        assert "recordings kept (k)" in text_of(app)
        await say(app, pilot)
    kept = kept_recordings(learner.data_dir)
    assert len(kept) == 1 and kept[0].name.endswith("-ni2-hao3.wav")
    where = CliRunner().invoke(cli, ["--data-dir", str(learner.data_dir), "data", "where"])
    assert kept[0].name in where.output and "Your recordings (1" in where.output
    learner.close()
    erased = CliRunner().invoke(cli, ["--data-dir", str(learner.data_dir), "data", "erase", "--yes"])
    assert erased.exit_code == 0, erased.output
    assert kept_recordings(learner.data_dir) == []


async def test_no_microphone_is_one_line_saying_what_is_missing(learner, monkeypatch):
    monkeypatch.setenv("CI", "true")
    app = make_app(learner, start=speaking.start_text(None, "ma1"), player=SilentPlayer("test"),
                   microphone=lambda limit: find_microphone(limit))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert "No microphone: running under CI" in text_of(app)
        assert app.screen.query_one(SpeakingPanel).attempt is None


async def test_calibrate_then_judgements_use_it(learner, wavs):
    mics = Microphones(wavs["ma1"], wavs["ma2"], wavs["ma3"], wavs["ma4"], wavs["ni2 hao3"])
    app = make_app(learner, start=speaking.CALIBRATE_START, player=SilentPlayer("test"), microphone=mics)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, CalibrateScreen)
        for step in ("mā", "má", "mǎ", "mà"):
            assert step in text_of(app)
            await pilot.press("m")
            await pilot.pause()
            await pilot.press("space")
            await judged(app, pilot)
        assert "Calibrated: your voice centres on" in text_of(app)
    found = speaking.calibration(learner)
    assert found is not None and 70 < found.hz < 200


async def test_a_say_it_card_records_reveals_and_is_graded(learner, wavs):
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    choose_kinds(learner, "sample-greetings", [CardKind.SAY])
    app = make_app(learner, start="review", player=SilentPlayer("test"),
                   microphone=Microphones(wavs["ni2 hao3"], wavs["xie4 xie5"]))
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.screen.session.current
        assert card.kind is CardKind.SAY and card.hanzi == "你好"
        assert "Say it" in text_of(app) and "hello" not in text_of(app)
        await say(app, pilot)
        assert app.screen.revealed  # the tones are shown, and the meaning with them
        text = text_of(app)
        assert "hello" in text and "✓" in text
        await pilot.press("3")
        await pilot.pause()
    kinds = learner.progress.conn.execute(
        "SELECT c.kind, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id").fetchall()
    assert kinds == [("say", 3)]


async def test_the_speaking_drill_from_the_drills_menu(learner, wavs):
    from lianxi.ui.screens.drills import DrillMenuScreen

    app = make_app(learner, player=SilentPlayer("test"), microphone=Microphones(wavs["zai4 jian4"]))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DrillMenuScreen())
        await pilot.pause()
        assert "6  Speaking" in text_of(app) or "Speaking: say tone pairs" in str(
            app.screen.query_one("#drill-menu").get_option("speak").prompt)
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("enter")  # which words: all of yours
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SpeakScreen) and screen.drill
        first = screen.hanzi
        await say(app, pilot)
        assert screen.query_one(SpeakingPanel).attempt is not None
        await pilot.press("n")
        await pilot.pause()
        assert screen.hanzi != first and screen.query_one(SpeakingPanel).attempt is None
        assert "1 said" in text_of(app)


async def test_a_recording_stops_by_itself_at_the_time_limit(learner, wavs):
    import numpy as np

    from lianxi.audio.pitch import Recording

    said = Recording.from_wav(wavs["xie4 xie5"].read_bytes())
    copies = int(6.0 / said.seconds) + 1
    talking = Recording(np.concatenate([said.samples] * copies), said.rate).to_wav()  # longer than the limit
    app = make_app(learner, start=speaking.start_text("谢谢", None), player=SilentPlayer("test"),
                   microphone=lambda limit: wav_microphone(talking, limit=limit, realtime=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        meters = [str(app.screen.query_one("#speak-meter").render())]
        for _ in range(400):
            await pilot.pause(0.05)
            if not app.screen.query_one(SpeakingPanel).recording:
                break
            meters.append(str(app.screen.query_one("#speak-meter").render()))
        # While recording: the level meter, the time so far and the limit, and how to stop.
        assert len(meters) > 1 and all(m.startswith("● recording ") and "s of 4 s" in m for m in meters)
        assert any("█" in m for m in meters) and "m or space: stop" in meters[-1]
        await judged(app, pilot)
        attempt = app.screen.query_one(SpeakingPanel).attempt
        limit = app.screen.query_one(SpeakingPanel).limit  # 2.5 s + 0.8 s a syllable
        assert attempt is not None and limit - 0.05 <= attempt.recording.seconds <= limit + 0.05


async def test_without_the_pitch_tracker_every_speaking_screen_says_what_is_missing(learner, wavs, monkeypatch):
    """Linux aarch64 has no praat-parselmouth wheel: the import fails there, as it does here."""
    import sys

    monkeypatch.setitem(sys.modules, "parselmouth", None)  # `import parselmouth` now fails
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    choose_kinds(learner, "sample-greetings", [CardKind.SAY])
    mics = Microphones(wavs["ni2 hao3"])
    app = make_app(learner, start=speaking.start_text("你好", None), player=SilentPlayer("test"), microphone=mics)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        text = text_of(app)
        assert "Speaking practice needs praat-parselmouth" in text and "pip install praat-parselmouth" in text
        panel = app.screen.query_one(SpeakingPanel)
        assert not panel.recording and panel.attempt is None and mics.opened == 0
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CalibrateScreen)
        await pilot.press("m")
        await pilot.pause()
        assert "Speaking practice needs praat-parselmouth" in text_of(app) and mics.opened == 0
    app = make_app(learner, start="review", player=SilentPlayer("test"), microphone=mics)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.session.current.kind is CardKind.SAY
        await pilot.press("m")
        await pilot.pause()
        assert "Speaking practice needs praat-parselmouth" in text_of(app)
        await pilot.press("space")  # the card still shows its answer and can be graded
        await pilot.pause()
        assert "hello" in text_of(app)
        await pilot.press("3")
        await pilot.pause()
    ratings = learner.progress.conn.execute("SELECT rating FROM reviews").fetchall()
    assert ratings == [(3,)]
