"""core.tones: a pitch track per syllable -> the tone it sounds like, a verdict and a hint.

The contours here are written from what each Mandarin tone does (Chao's tone letters:
1 = 55 high level, 2 = 35 rising, 3 = 21(4) low, 4 = 51 falling), drawn in a voice
whose key is 200 Hz (12 semitones above 100 Hz) with about 2.5 semitones per step.
"""

from __future__ import annotations

import pytest

from lianxi.core.tones import Calibration, CalibrationProblem, Verdict, calibrate, judge, resample

KEY = 12.0
STEP = 2.5  # semitones per Chao step: a lively speaker


def line(*letters: float, frames: int = 30) -> list[float]:
    """Pitch frames through the given tone letters (1-5), evenly spaced, around KEY."""
    points = [KEY + (v - 3) * STEP for v in letters]
    out = []
    for k in range(frames):
        x = k * (len(points) - 1) / (frames - 1)
        i = min(int(x), len(points) - 2)
        out.append(points[i] + (points[i + 1] - points[i]) * (x - i))
    return out


HIGH_LEVEL = line(5, 5)
RISING = line(3, 3.3, 5)
LATE_RISE = line(3, 3, 3, 3, 5)  # flat, then up only in the last quarter
LOW_DIP = line(2, 1, 3.5)
LOW_FALL = line(2, 1)
FALLING = line(5, 1)
FLAT_MIDDLE = line(3, 3)  # neither high nor low, no movement


@pytest.fixture
def voice() -> Calibration:
    """This speaker's mā má mǎ mà, said by the book."""
    return calibrate({1: HIGH_LEVEL, 2: RISING, 3: LOW_DIP, 4: FALLING})


def test_calibration_finds_the_key_and_range(voice):
    # Key: the mean pitch of the four, a little under KEY (the 3rd tone pulls it down).
    assert KEY < voice.key < KEY + 2  # the mean of the four: 2 and 4 sit above the middle
    assert 200 < voice.hz < 230
    assert voice.high > 3 and voice.low < -3
    assert STEP * 0.8 < voice.unit < STEP * 1.3


def test_calibration_round_trips_as_a_setting(voice):
    again = Calibration.from_dict(voice.to_dict())
    assert again is not None and abs(again.key - voice.key) < 0.01 and again.shapes.keys() == {1, 2, 3, 4}
    assert Calibration.from_dict({"key": 1}) is None
    assert Calibration.from_dict(None) is None


@pytest.mark.parametrize(
    ("tones", "said"),
    [
        ({1: HIGH_LEVEL, 2: HIGH_LEVEL, 3: LOW_DIP, 4: FALLING}, "did not rise"),
        ({1: HIGH_LEVEL, 2: RISING, 3: LOW_DIP, 4: HIGH_LEVEL}, "did not fall"),
        ({1: FLAT_MIDDLE, 2: RISING, 3: FLAT_MIDDLE, 4: FALLING}, "mǎ"),
        ({1: HIGH_LEVEL, 2: RISING, 3: LOW_DIP, 4: []}, "no pitch"),
    ],
)
def test_a_calibration_without_four_distinct_tones_is_refused(tones, said):
    with pytest.raises(CalibrationProblem, match=said):
        calibrate(tones)


@pytest.mark.parametrize(
    ("contour", "tone"),
    [(HIGH_LEVEL, 1), (RISING, 2), (LOW_DIP, 3), (FALLING, 4)],
)
def test_each_tone_said_right_is_heard_right(voice, contour, tone):
    (j,) = judge([contour], [(f"ma{tone}", tone)], voice)
    assert (j.verdict, j.heard) == (Verdict.RIGHT, tone)
    assert j.hint == ""
    assert j.sure >= 0.5 and abs(sum(j.chances) - 1) < 0.01


@pytest.mark.parametrize(
    ("contour", "target", "heard", "hint"),
    [
        (HIGH_LEVEL, 3, 1, "your 3rd tone did not go low"),
        (HIGH_LEVEL, 4, 1, "this 4th tone did not fall"),
        (FLAT_MIDDLE, 2, None, "did not rise"),
        (FALLING, 2, 4, "this 2nd tone fell"),
        (RISING, 4, 2, "this 4th tone rose"),
        (LOW_DIP, 1, 3, "your 1st tone was too low"),
        (RISING, 3, 2, "rose like a 2nd"),
    ],
)
def test_a_wrong_tone_is_called_wrong_with_a_hint(voice, contour, target, heard, hint):
    (j,) = judge([contour], [(f"ma{target}", target)], voice)
    if heard is None:  # a flat middle pitch is no tone at all: wrong for a 2nd, hint still plain
        assert j.verdict in (Verdict.WRONG, Verdict.UNSURE)
        if j.verdict is Verdict.WRONG:
            assert hint in j.hint
        return
    assert (j.verdict, j.heard) == (Verdict.WRONG, heard)
    assert hint in j.hint


def test_a_late_rise_says_so(voice):
    (j,) = judge([LATE_RISE], [("ma2", 2)], voice)
    if j.verdict is Verdict.WRONG:
        assert j.hint == "the 2nd tone rose only at the very end: start climbing sooner"
    else:
        assert j.verdict is Verdict.UNSURE


def test_a_third_tone_before_another_syllable_need_only_fall_low(voice):
    # 老师 lao3 shi1: the 3rd tone is a half third (21), no final rise.
    judged = judge([LOW_FALL, HIGH_LEVEL], [("lao3", 3), ("shi1", 1)], voice)
    assert [(j.verdict, j.heard) for j in judged] == [(Verdict.RIGHT, 3), (Verdict.RIGHT, 1)]


def test_two_syllables_judged_from_the_recording_itself_without_calibration():
    # 你好 said ni2 hao3: the key comes from the two syllables themselves.
    judged = judge([RISING, LOW_DIP], [("ni2", 2), ("hao3", 3)])
    assert [j.verdict for j in judged] == [Verdict.RIGHT, Verdict.RIGHT]
    # 你好 said ni4 hao3: the first syllable is wrong, and said to be a 4th.
    judged = judge([FALLING, LOW_DIP], [("ni2", 2), ("hao3", 3)])
    assert (judged[0].verdict, judged[0].heard) == (Verdict.WRONG, 4)


def test_one_syllable_without_calibration_is_judged_by_shape_only():
    (j,) = judge([[v - 7 for v in FALLING]], [("ma4", 4)])  # a lower voice: same shape
    assert (j.verdict, j.heard) == (Verdict.RIGHT, 4)
    (j,) = judge([RISING], [("ma4", 4)])
    assert (j.verdict, j.heard) == (Verdict.WRONG, 2)


def test_no_split_means_no_verdict_for_any_syllable(voice):
    judged = judge(None, [("wan3", 3), ("an1", 1)], voice)
    assert [j.verdict for j in judged] == [Verdict.UNSURE, Verdict.UNSURE]
    assert all(j.heard is None for j in judged)
    assert "say the word again" in judged[0].hint


def test_neutral_tones_and_pitchless_syllables_are_not_judged(voice):
    judged = judge([FALLING, [KEY] * 3], [("xie4", 4), ("xie5", 5)], voice)
    assert judged[0].verdict is Verdict.RIGHT
    assert (judged[1].verdict, judged[1].heard, judged[1].hint) == (Verdict.UNSURE, None, "")
    (j,) = judge([[KEY, KEY]], [("ma1", 1)], voice)
    assert j.verdict is Verdict.UNSURE and "too short or too quiet" in j.hint


def test_the_json_shape_of_a_judgement(voice):
    (j,) = judge([FALLING], [("hao3", 3)], voice)
    assert j.to_dict() == {"target": "hao3", "verdict": "wrong", "heard": 4, "hint": j.hint}
    assert set(j.to_dict()) == {"target", "verdict", "heard", "hint"}


def test_resample_smooths_and_spaces_evenly():
    assert resample([1.0, 2.0, 3.0], 5) == (1.0, 1.5, 2.0, 2.5, 3.0)
    assert resample([4.0], 3) == (4.0, 4.0, 4.0)
    assert resample([], 3) == ()
    # One wild frame (a tracker slip) is removed by the median.
    assert max(resample([1.0, 1.0, 9.0, 1.0, 1.0], 5)) == 1.0
