"""audio.recording: the microphone path. CI has no microphone, so the devices are replaced
at the very edge: sox writes a real WAV as raw samples to the same pipe arecord/rec would,
and WavMicrophone plays a WAV into the same collecting code."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from lianxi.audio import pitch, syllables
from lianxi.audio.recording import CommandMicrophone, MissingMicrophone, WavMicrophone, find_microphone
from lianxi.core.errors import UserError


@pytest.fixture(scope="module")
def wav(speaker):
    return speaker.render(pinyin="ni3 hao3")


def test_a_command_microphone_reads_raw_samples_from_its_pipe(wav):
    sox = shutil.which("sox")
    assert sox, "sox is a test package"
    # What `rec` (sox) or `arecord` would write: 16-bit mono at 16 kHz, raw, to stdout.
    mic = CommandMicrophone([sox, str(wav), "-t", "raw", "-r", "16000", "-c", "1", "-b", "16",
                             "-e", "signed-integer", "-"], limit=5.0)
    mic.start()
    mic._reader.join(timeout=5)  # the "microphone" has said all it had
    recording = mic.stop()
    original = pitch.Recording.from_wav(wav.read_bytes())
    assert recording.rate == 16000 and abs(recording.seconds - original.seconds) < 0.05
    t = pitch.track(recording)
    assert syllables.split(t, 2).parts is not None  # the word survived the pipe


def test_the_time_limit_stops_a_recording_by_itself(wav):
    mic = WavMicrophone(wav, limit=0.3)
    mic.start()
    assert not mic.recording and abs(mic.seconds - 0.3) < 0.01
    assert abs(mic.stop().seconds - 0.3) < 0.01


def test_the_level_meter_follows_the_sound(wav):
    import time

    mic = WavMicrophone(wav, realtime=True)
    mic.start()
    levels = []
    # Until 0.8 s of the word have come in (a busy machine may take longer: wait for the
    # sound, not for a number of polls), with a generous deadline.
    enough = min(0.8, pitch.Recording.from_wav(wav.read_bytes()).seconds - 0.05)
    deadline = time.monotonic() + 20
    while mic.seconds <= enough and time.monotonic() < deadline:
        levels.append(mic.level)
        time.sleep(0.03)
    recording = mic.stop()
    assert max(levels) > -40  # speech is loud
    assert mic.level == -90.0  # stopped: the meter rests
    assert recording.seconds > 0.3


def test_no_microphone_under_ci_says_so_in_one_line():
    mic = find_microphone({"CI": "true", "PATH": ""})
    assert isinstance(mic, MissingMicrophone) and not mic.available
    assert mic.reason == "No microphone: running under CI (the CI environment variable is set)"
    with pytest.raises(UserError, match="running under CI"):
        mic.start()


def test_no_device_and_no_fallback_says_what_to_do():
    mic = find_microphone({"PATH": ""})  # no arecord, no rec; PortAudio finds no input here
    if mic.available:
        pytest.skip("this machine has a real microphone")
    assert mic.reason.startswith("No microphone: ")
    assert any(fix in mic.reason for fix in ("plug one in", "apt-get install"))


def test_silence_from_the_microphone_is_nothing_heard():
    quiet = pitch.Recording(np.zeros(8000, dtype=np.float32), 16000)
    mic = WavMicrophone(quiet.to_wav())
    mic.start()
    assert pitch.speech_span(pitch.track(mic.stop())) is None
