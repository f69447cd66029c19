"""audio.pitch: WAV bytes -> pitch track -> speech span -> syllables, on real espeak-ng audio.

The learner here is a different espeak voice (+m3, lower and slower) from the app's
reference voice, so alignment is tested across two voices, as with a real learner.
"""

from __future__ import annotations

import subprocess

import numpy as np
import pytest

from lianxi.audio import pitch, syllables
from lianxi.audio.speech import Speaker
from lianxi.core.errors import UserError


@pytest.fixture(scope="module")
def learner_voice(tmp_path_factory) -> Speaker:
    who = Speaker(tmp_path_factory.mktemp("learner"), variant="+m3", pitch_range=80, rate=130)
    assert who.check() is None
    return who


def recording(speaker: Speaker, pinyin: str) -> pitch.Recording:
    return pitch.Recording.from_wav(speaker.render(pinyin=pinyin).read_bytes())


def parts_of(speaker: Speaker, text: str, reference=None) -> syllables.Split:
    t = pitch.track(recording(speaker, text))
    return syllables.split(t, len(text.split()), reference=reference)


def test_a_word_split_at_a_voiceless_consonant(learner_voice):
    # 不是 bu2 shi4: sh has no voicing, so the gap is plain.
    found = parts_of(learner_voice, "bu2 shi4")
    assert found.method == "voicing" and len(found.parts) == 2


def test_a_word_split_at_a_nasal_by_loudness(learner_voice):
    # 明年 ming2 nian2: voiced all through; the n is quieter than the vowels around it.
    found = parts_of(learner_voice, "ming2 nian2")
    assert found.method == "intensity" and len(found.parts) == 2


def test_vowel_into_vowel_split_by_loudness_and_by_alignment_agree(speaker, learner_voice):
    # 晚安 wan3 an1: no voicing gap; the glottal onset of an1 dips the loudness, and the
    # alignment to the app's own rendering of the word finds the same place.
    said = pitch.Recording.from_wav(speaker.render(pinyin="wan3 an1").read_bytes())
    alone = [pitch.Recording.from_wav(speaker.render(pinyin=s).read_bytes()) for s in ("wan3", "an1")]
    reference = syllables.reference_bounds(said, alone)
    assert len(reference.starts) == 1 and 0.2 < reference.starts[0] < said.seconds - 0.2
    t = pitch.track(recording(learner_voice, "wan3 an1"))
    span = pitch.speech_span(t)
    by_loudness = syllables.split(t, 2)
    assert by_loudness.method == "intensity"
    aligned = syllables.align(t, span, reference)
    assert aligned is not None and abs(aligned[0] - by_loudness.parts[1][0]) <= 5, (aligned, by_loudness)
    first, second = pitch.contours(t, by_loudness.parts)
    assert np.mean(second) - np.mean(first) > 2.0  # wan3 low, an1 high: each on its own side


def test_three_syllables_aligned_to_the_reference(speaker, learner_voice):
    # 天安门 tian1 an1 men2: a vowel start and a nasal start in one word.
    text = "tian1 an1 men2"
    said = pitch.Recording.from_wav(speaker.render(pinyin=text).read_bytes())
    alone = [pitch.Recording.from_wav(speaker.render(pinyin=s).read_bytes()) for s in text.split()]
    found = parts_of(learner_voice, text, syllables.reference_bounds(said, alone))
    assert found.parts is not None and len(found.parts) == 3
    t = pitch.track(recording(learner_voice, text))
    *_, men = pitch.contours(t, found.parts)
    assert men[-1] - min(men) > 1.0  # the last part is the rising men2


def test_alignment_without_any_agreeing_cue_gives_no_split(speaker):
    # A steady vowel has no dip and no break anywhere: the alignment alone is not trusted.
    rate = 16000
    n = np.arange(rate)
    vowel = (0.4 * np.sin(2 * np.pi * 150 * n / rate) + 0.2 * np.sin(2 * np.pi * 300 * n / rate)).astype(np.float32)
    t = pitch.track(pitch.Recording(vowel, rate))
    said = pitch.Recording.from_wav(speaker.render(pinyin="wan3 an1").read_bytes())
    alone = [pitch.Recording.from_wav(speaker.render(pinyin=s).read_bytes()) for s in ("wan3", "an1")]
    assert syllables.split(t, 2, reference=syllables.reference_bounds(said, alone)).parts is None


def test_one_syllable_is_the_whole_speech_span_without_the_silence(learner_voice):
    t = pitch.track(recording(learner_voice, "ma1"))
    span = pitch.speech_span(t)
    found = syllables.split(t, 1)
    assert found.method == "one" and found.parts == (span,)
    assert t.times[span[0]] > 0.0 and t.times[span[1] - 1] < t.recording.seconds


def test_silence_has_no_speech_and_no_split():
    quiet = pitch.Recording(np.zeros(16000, dtype=np.float32), 16000)
    t = pitch.track(quiet)
    assert pitch.speech_span(t) is None
    assert syllables.split(t, 2) == syllables.Split(None, "nothing heard")


@pytest.mark.parametrize("sox_args", [["-b", "8"], ["-b", "24"], ["-b", "32"], ["-c", "2"], ["-r", "8000"]])
def test_wav_files_of_every_common_pcm_kind_read_the_same(speaker, tmp_path, sox_args):
    source = speaker.render(pinyin="ma4")
    converted = tmp_path / "converted.wav"
    subprocess.run(["sox", str(source), *sox_args, str(converted)], check=True)
    plain = pitch.Recording.from_wav(source.read_bytes())
    other = pitch.Recording.from_wav(converted.read_bytes())
    assert abs(other.seconds - plain.seconds) < 0.01
    hz = pitch.track(other).hz
    ref = pitch.track(plain).hz
    # Frame by frame where both are voiced: 8-bit noise can voice a few more quiet frames at
    # the edges, which moves a falling tone's median by several Hz (espeak-ng's renderings
    # vary; one in ~30 did) while every shared frame has the same pitch.
    n = min(len(hz), len(ref))
    both = (hz[:n] > 0) & (ref[:n] > 0)
    assert both.sum() >= 0.8 * min((hz > 0).sum(), (ref > 0).sum()) and both.sum() >= 10
    assert np.median(np.abs(12 * np.log2(hz[:n][both] / ref[:n][both]))) < 0.1  # semitones


def test_a_recording_round_trips_through_wav_bytes():
    tone = np.sin(2 * np.pi * 220 * np.arange(8000) / 16000).astype(np.float32) * 0.5
    again = pitch.Recording.from_wav(pitch.Recording(tone, 16000).to_wav())
    assert again.rate == 16000 and np.max(np.abs(again.samples - tone)) < 1e-3


@pytest.mark.parametrize("data", [b"", b"RIFF1234WAVEjunk", b"not a wav at all"])
def test_bytes_that_are_not_a_wav_are_one_clear_error(data):
    with pytest.raises(UserError, match="not a PCM WAV file"):
        pitch.Recording.from_wav(data, "x.wav")
