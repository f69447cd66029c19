"""`lianxi say`, `lianxi doctor`, `lianxi drill` and the confusion table in `lianxi stats`,
with real espeak-ng; the sound card is the only thing missing (CI=1 gives the silent player)."""

from __future__ import annotations

import asyncio
import wave

import pytest
from click.testing import CliRunner

from lianxi.cli import cli
from lianxi.store.drills import DrillLog
from lianxi.study import Learner
from lianxi.ui.app import LianxiApp
from lianxi.ui.screens.drills import DrillScreen


@pytest.fixture(autouse=True)
def no_sound_card(monkeypatch):
    monkeypatch.setenv("CI", "1")  # find_player() -> SilentPlayer, as on a machine with no sound


def run(data_dir, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


def seconds(path) -> float:
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        return wav.getnframes() / wav.getframerate()


def test_say_out_writes_a_real_wav(data_dir, tmp_path):
    out = tmp_path / "sub" / "nihao.wav"
    result = run(data_dir, "say", "你好吗", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "ni2 hao3 ma5" in result.output  # what the engine read: sandhi applied
    assert "Audio saved" not in result.output  # pyttsx3's own print stays hidden
    assert 0.5 < seconds(out) < 3


def test_say_slow_is_longer_and_pinyin_works(data_dir, tmp_path):
    normal, slow = tmp_path / "n.wav", tmp_path / "s.wav"
    assert run(data_dir, "say", "mā má mǎ mà", "--out", str(normal)).exit_code == 0
    assert run(data_dir, "say", "ma1 ma2 ma3 ma4", "--slow", "--out", str(slow)).exit_code == 0
    assert seconds(slow) > 1.2 * seconds(normal)


def test_say_with_bad_pinyin_is_one_line(data_dir, tmp_path):
    result = run(data_dir, "say", "xqz3", "--out", str(tmp_path / "x.wav"))
    assert result.exit_code == 1
    assert result.output.startswith("lianxi: ") and "Traceback" not in result.output
    assert "xqz" in result.output


def test_say_without_a_sound_output_says_so_and_suggests_out(data_dir):
    result = run(data_dir, "say", "你好")
    assert result.exit_code == 1
    assert "no sound output" in result.output and "--out FILE.wav" in result.output


def test_doctor_reports_engine_voice_sound_and_data(data_dir):
    run(data_dir, "stats")  # makes the progress file
    result = run(data_dir, "doctor")
    lines = result.output.splitlines()
    engine = next(line for line in lines if "speech engine" in line)
    voice = next(line for line in lines if "Mandarin voice" in line)
    sound = next(line for line in lines if "sound output" in line)
    data = next(line for line in lines if "data folder" in line)
    assert engine.startswith("ok") and "eSpeak NG" in engine
    assert voice.startswith("ok") and "cmn-latn-pinyin" in voice and " s of sound" in voice
    assert sound.startswith("MISSING") and "CI" in sound
    assert data.startswith("ok") and str(data_dir) in data and "progress file" in data
    assert result.exit_code == 1  # something is missing (the sound output)


def test_doctor_on_a_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run(blocker / "data", "doctor")
    line = next(line for line in result.output.splitlines() if "data folder" in line)
    assert line.startswith("MISSING") and "--data-dir" in line


def test_drill_tones_opens_the_app_on_the_drill(data_dir, monkeypatch):
    seen = {}

    def run_headless(app: LianxiApp) -> None:
        async def drive() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                seen["screen"] = app.screen
                seen["line"] = str(app.screen.query_one("#drill-audio").render())
                await pilot.press(app.screen.item.expected)
                await pilot.pause()

        asyncio.run(drive())

    monkeypatch.setattr(LianxiApp, "run", run_headless)
    result = run(data_dir, "drill", "tones")
    assert result.exit_code == 0, result.output
    assert isinstance(seen["screen"], DrillScreen) and seen["screen"].drill.value == "tones"
    assert "No sound" in seen["line"] and "not counted" in seen["line"]  # one line: what is missing
    learner = Learner.open(data_dir)
    try:  # no sound here (CI has none): the answer was shown but not kept as evidence
        assert DrillLog(learner.progress).answers("tones") == []
    finally:
        learner.close()


def test_drill_with_an_unknown_lesson_is_one_line(data_dir):
    result = run(data_dir, "drill", "listen", "--lesson", "nope")
    assert result.exit_code == 1 and "no lesson nope" in result.output


def test_stats_prints_the_tone_confusion_table(data_dir, clock):
    assert "Tones  nothing yet" in run(data_dir, "stats").output  # nothing to show yet
    learner = Learner.open(data_dir)
    from lianxi.store.drills import DrillAnswer

    log = DrillLog(learner.progress)
    log.record(DrillAnswer("tones", "3", "ma3", "3", "2", False), clock(), [(3, 2)])
    log.record(DrillAnswer("tones", "3", "hao3", "3", "3", True), clock(), [(3, 3)])
    learner.close()
    output = run(data_dir, "stats").output
    assert "tone asked (rows) × tone you gave (columns)" in output
    row = next(line for line in output.splitlines() if line.strip().startswith("3 "))
    assert row.split()[:7] == ["3", "·", "1", "1", "·", "·", "50%"]
