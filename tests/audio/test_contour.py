"""The pitch-contour judge itself, on synthetic sounds whose pitch we set: it must be able to fail."""

from __future__ import annotations

import numpy as np
import parselmouth
import pytest

from lianxi.audio import contour

RATE = 22050


def _write(path, pieces) -> str:
    """Concatenate (seconds, f0 start Hz, f0 end Hz) buzzes; f0 0 means loud noise."""
    rng = np.random.default_rng(7)
    signal = [np.zeros(int(0.05 * RATE))]
    phase = 0.0  # carried across pieces, so a glide has no click where two pieces meet
    for seconds, start, end in pieces:
        n = int(seconds * RATE)
        if start == 0:
            signal.append(0.2 * rng.standard_normal(n).clip(-3, 3))
            continue
        f0 = np.linspace(start, end, n)
        phases = phase + 2 * np.pi * np.cumsum(f0) / RATE
        phase = phases[-1]
        signal.append(sum(np.sin(k * phases) / k for k in range(1, 12)) * 0.2)
    signal.append(np.zeros(int(0.05 * RATE)))
    parselmouth.Sound(np.concatenate(signal), RATE).save(str(path), "WAV")
    return str(path)


KEY = 0.0  # 100 Hz


@pytest.mark.parametrize(
    ("pieces", "clear_as", "unclear_as"),
    [
        ([(0.25, 150, 150)], 1, 4),
        ([(0.25, 100, 140)], 2, 4),
        ([(0.25, 80, 70)], 3, 1),
        ([(0.12, 85, 70), (0.13, 70, 100)], 3, 4),
        ([(0.25, 160, 100)], 4, 2),
    ],
    ids=["level-high", "rising", "low", "dipping", "falling"],
)
def test_shapes_are_told_apart(tmp_path, pieces, clear_as, unclear_as):
    heard = contour.measure(_write(tmp_path / "tone.wav", pieces))
    assert contour.faults(heard, clear_as, KEY) == []
    assert contour.faults(heard, unclear_as, KEY) != []


def test_level_but_low_is_not_tone_1(tmp_path):
    heard = contour.measure(_write(tmp_path / "low.wav", [(0.25, 90, 90)]))
    assert contour.faults(heard, 1, KEY) == ["tone 1 not high"]


def test_voicing_lost_mid_vowel_is_creak(tmp_path):
    heard = contour.measure(_write(tmp_path / "creak.wav", [(0.12, 150, 150), (0.15, 0, 0)]))
    assert "creak" in contour.faults(heard, 1, KEY)


def test_a_sudden_octave_is_a_jump(tmp_path):
    heard = contour.measure(_write(tmp_path / "jump.wav", [(0.12, 110, 110), (0.12, 220, 220)]))
    assert "jump" in contour.faults(heard, 1, KEY)


def test_parts_are_cut_at_the_longest_pauses(tmp_path):
    wav = _write(tmp_path / "two.wav", [(0.15, 100, 140), (0.1, 0, 0), (0.15, 160, 100)])
    first, second = contour.measure_parts(wav, 2)
    assert contour.faults(first, 2, KEY) == []
    assert contour.faults(second, 4, KEY) == []
