"""`lianxi speak check|calibrate|keep` with real espeak-ng recordings as the learner's WAVs."""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from lianxi.cli import cli


def run(data_dir, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def wavs(tmp_path_factory):
    """A lower espeak voice than the app's, as WAV files a learner could have recorded."""
    folder = tmp_path_factory.mktemp("wavs")

    def make(name: str, pinyin: str):
        path = folder / f"{name}.wav"
        subprocess.run(["espeak-ng", "-v", "sit/cmn-latn-pinyin+m3", "-s", "140", "-w", str(path), pinyin],
                       check=True)
        return path

    out = {f"ma{t}": make(f"ma{t}", f"ma{t}") for t in (1, 2, 3, 4)}
    out["nihao"] = make("nihao", "ni2 hao3")
    out["nihao41"] = make("nihao41", "ni4 hao1")
    return out


def test_check_json_is_the_documented_shape(data_dir, wavs):
    result = run(data_dir, "speak", "check", "你好", "--wav", str(wavs["nihao"]), "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [s["target"] for s in found["syllables"]] == ["ni2", "hao3"]  # judged as said
    for s in found["syllables"]:
        assert set(s) == {"target", "verdict", "heard", "hint"}
        assert s["verdict"] in ("right", "wrong", "unsure")
        assert s["heard"] in (1, 2, 3, 4, None)


def test_check_flags_the_wrong_tones_with_a_hint(data_dir, wavs):
    result = run(data_dir, "speak", "check", "ni3hao3", "--wav", str(wavs["nihao41"]), "--json")
    first, second = json.loads(result.output)["syllables"]
    assert first["verdict"] == "wrong" and first["heard"] == 4 and "2nd tone" in first["hint"]
    assert second["verdict"] in ("wrong", "unsure")


def test_calibrate_from_files_then_check_uses_it_unless_told_not_to(data_dir, wavs):
    files = [a for t in (1, 2, 3, 4) for a in ("--wav", str(wavs[f"ma{t}"]))]
    result = run(data_dir, "speak", "calibrate", *files)
    assert result.exit_code == 0, result.output
    assert "Calibrated" in result.output and "Hz" in result.output
    result = run(data_dir, "speak", "check", "你好", "--wav", str(wavs["nihao"]))
    assert "(your calibration)" in result.output
    assert "ni2      right" in result.output and "hao3     right" in result.output
    # How sure it is, in words, for each syllable it could hear.
    assert all(("clearly sounds like the" in line or "probably sounds like the" in line) for line in result.output.splitlines()
               if line.startswith("  "))
    result = run(data_dir, "speak", "check", "你好", "--pinyin", "ni3hao3", "--wav", str(wavs["nihao"]),
                 "--no-calibration")
    assert "no calibration" in result.output
    assert run(data_dir, "speak", "calibrate", "--forget").output.startswith("Your calibration was deleted")


def test_calibration_said_badly_is_one_line_saying_what_to_redo(data_dir, wavs):
    files = [a for t in (1, 1, 3, 4) for a in ("--wav", str(wavs[f"ma{t}"]))]
    result = run(data_dir, "speak", "calibrate", *files)
    assert result.exit_code == 1
    assert result.output.startswith("lianxi: má (2nd tone) did not rise")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "你好", "--wav", "/nonexistent/x.wav"], "does not exist"),
        (["check", "你好", "--wav", "/"], "is a folder"),
        (["check", "xyz9", "--wav", "WAV"], "lianxi:"),
        (["check", "ni3", "--pinyin", "ni3", "--wav", "WAV"], "give TEXT as hanzi"),
        (["check", "--wav", "WAV"], "say what the recording is"),
        (["check", "你好", "--pinyin", "ni3 hao3 ma5", "--wav", "WAV"], "has 3 syllable(s) but 你好 has 2 character(s)"),
        (["calibrate", "--wav", "WAV", "--wav", "WAV"], "once"),
    ],
)
def test_mistakes_are_one_clear_line(data_dir, wavs, args, message):
    args = [str(wavs["nihao"]) if a == "WAV" else a for a in args]
    result = run(data_dir, "speak", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_keep_my_recordings_is_off_by_default_and_can_be_turned_on(data_dir):
    assert "discarded" in run(data_dir, "speak", "keep").output
    assert "kept in the data folder" in run(data_dir, "speak", "keep", "on").output
    assert "kept in the data folder" in run(data_dir, "speak", "keep").output
    assert "discarded" in run(data_dir, "speak", "keep", "off").output


def test_doctor_reports_the_pitch_tracker_and_the_microphone(data_dir, monkeypatch):
    monkeypatch.setenv("CI", "1")
    lines = run(data_dir, "doctor").output.splitlines()
    tracker = next(line for line in lines if "pitch tracker" in line)
    microphone = next(line for line in lines if "microphone" in line)
    assert tracker.startswith("ok") and "praat-parselmouth" in tracker
    assert microphone.startswith("MISSING") and "running under CI" in microphone and "--wav" in microphone


def test_without_the_pitch_tracker_speaking_says_what_is_missing_and_the_rest_works(data_dir, wavs):
    """Linux aarch64 has no praat-parselmouth wheel: Lianxi installs without it."""
    import sys

    block = "import sys; sys.modules['parselmouth'] = None; from lianxi.cli import main; main()"
    check = subprocess.run([sys.executable, "-c", block, "--data-dir", str(data_dir), "speak", "check", "你好",
                            "--wav", str(wavs["nihao"])], capture_output=True, text=True)
    assert check.returncode == 1
    assert check.stderr.strip().startswith("lianxi: speaking practice needs praat-parselmouth")
    assert "pip install praat-parselmouth" in check.stderr and "Traceback" not in check.stderr
    stats = subprocess.run([sys.executable, "-c", block, "--data-dir", str(data_dir), "stats"],
                           capture_output=True, text=True)
    assert stats.returncode == 0 and "Today " in stats.stdout  # lianxi stats, its richer form


@pytest.mark.parametrize(("args", "screen", "word"), [
    (["speak", "你好"], "SpeakScreen", ("你好", None)),
    (["speak", "ni3", "hao3"], "SpeakScreen", (None, "ni3 hao3")),
    (["speak", "你好", "--pinyin", "nǐ hǎo"], "SpeakScreen", ("你好", "nǐ hǎo")),
    (["speak", "calibrate"], "CalibrateScreen", None),
])
def test_speak_opens_the_app_on_the_word_or_on_calibration(data_dir, monkeypatch, args, screen, word):
    import asyncio

    from lianxi.ui.app import LianxiApp

    seen = {}

    def run_headless(app: LianxiApp) -> None:
        async def drive() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                seen["screen"] = app.screen

        asyncio.run(drive())

    monkeypatch.setattr(LianxiApp, "run", run_headless)
    result = run(data_dir, *args)
    assert result.exit_code == 0, result.output
    assert type(seen["screen"]).__name__ == screen
    if word:
        assert (seen["screen"].hanzi, seen["screen"].pinyin) == word


def test_speak_with_unreadable_text_is_one_line_before_any_screen(data_dir):
    result = run(data_dir, "speak", "xx9")
    assert result.exit_code == 1 and result.output.startswith("lianxi: ") and "tone 9" in result.output


def test_a_recording_too_short_or_silent_is_nothing_heard(data_dir, tmp_path):
    for name, seconds in (("tiny.wav", "0.01"), ("silence.wav", "1")):
        path = tmp_path / name
        subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(path), "trim", "0", seconds], check=True)
        result = run(data_dir, "speak", "check", "你好", "--wav", str(path))
        assert result.exit_code == 0, result.output
        assert result.output.count("nothing was heard") == 1  # said once, not per syllable
        assert result.output.strip().endswith("Nothing was heard: check the microphone and say the word again.")


def test_a_sentence_against_a_one_word_recording_is_unsure_and_quiet(data_dir, wavs):
    import sys

    # A real process: Praat's C++ warnings would go to file descriptor 2, past Python.
    result = subprocess.run([sys.executable, "-m", "lianxi", "--data-dir", str(data_dir), "speak", "check",
                             "你好，我是老师。", "--wav", str(wavs["nihao"]), "--json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert {s["verdict"] for s in json.loads(result.stdout)["syllables"]} == {"unsure"}
    assert result.stderr == ""  # nothing from Praat leaks to the terminal
