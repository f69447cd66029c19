"""A learner's pitch on each syllable -> the tone it sounds like, how sure, one plain hint.

Speaking practice is a contour coach, not an examiner: judging tones right or wrong
automatically is not reliable in general, so a syllable is called "wrong" only when its
shape is clearly another tone's, "right" when it clearly has its own, and "unsure"
otherwise. The signal work (pitch tracking, splitting a word into syllables) is
lianxi.audio.pitch; this module only compares numbers.

Pitch comes in as semitones above 100 Hz. It is judged relative to the speaker's own
key: their mean pitch, from a one-time calibration (mā má mǎ mà) or else from the
recording itself. Each tone has a shape, sampled at POINTS moments across the syllable:
the speaker's own calibration contours when there are any, otherwise the textbook
shapes (Chao's tone letters 55, 35, 214/21, 51) in a moderate range.

Pure: stdlib only. Must never import storage, UI, audio or the study layer.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Calibration",
    "CalibrationProblem",
    "Judgement",
    "POINTS",
    "Verdict",
    "calibrate",
    "judge",
    "resample",
    "textbook_shape",
]

POINTS = 12  # moments per syllable at which shapes are compared
NEUTRAL = 5
MIN_FRAMES = 5  # voiced pitch frames a syllable needs before it is judged at all
# Semitones per step of Chao's five-step scale, for a speaker with no calibration. Chosen on
# bench/speak.py's set (1.6 found 62.8% of wrong tones, called 1.1% of right ones wrong and left
# 18.7% unsure; 1.2 with SHIFT_FREE 1.5: 70.0%, 0.8%, 15.8%). Each template still stretches
# (STRETCH) to a livelier or flatter voice, and the key comes from the recording itself.
UNIT = 1.2
# Chao tone letters (1 low .. 5 high) at the start, middle and end of each tone.
CHAO = {1: (5, 5, 5), 2: (3, 3.4, 5), 3: (2.2, 1, 3.6), 4: (5, 3.2, 1)}
HALF_THIRD = (2.2, 1.2, 1)  # a third tone before another syllable only falls low (21)

# Verdict thresholds on the probability-like "how sure" (see _probabilities).
SURE_RIGHT = 0.5
SURE_WRONG = 0.6
TARGET_AT_MOST = 0.2  # "wrong" only when the target tone itself is this unlikely
STRETCH = (0.75, 1.33)  # how much bigger or smaller a speaker's tone movements may be
SPREAD = 0.4  # softness of the distance -> probability step, in units of the speaker's range
# Without a calibration the level is free (one syllable) or loosely held, so every tone
# fits more closely and the differences between the fits are smaller: a sharper step.
SPREAD_FREE = 0.25
SHIFT_FREE = 1.5  # how far (in units) a syllable may sit from its word's own key, without a calibration


class Verdict(StrEnum):
    RIGHT = "right"
    WRONG = "wrong"
    UNSURE = "unsure"


class CalibrationProblem(ValueError):
    """The four calibration syllables do not show four distinct tones; the message says which."""


# -- shapes ----------------------------------------------------------------------------------


def resample(values: Sequence[float], points: int = POINTS) -> tuple[float, ...]:
    """`values` (one per voiced frame) at `points` evenly spaced moments, median-smoothed."""
    if not values:
        return ()
    v = list(values)
    if len(v) >= 3:
        v = [v[0], *(statistics.median(v[i - 1 : i + 2]) for i in range(1, len(v) - 1)), v[-1]]
    if len(v) == 1:
        return (v[0],) * points
    out = []
    for k in range(points):
        x = k * (len(v) - 1) / (points - 1)
        i = min(int(x), len(v) - 2)
        out.append(v[i] + (v[i + 1] - v[i]) * (x - i))
    return tuple(out)


def _chao(letters: Sequence[float], high: float, low: float) -> tuple[float, ...]:
    # Three tone letters (start, middle, end) -> POINTS values: letter 5 at `high`, 1 at `low`.
    start, middle, end = (low + (v - 1.0) * (high - low) / 4.0 for v in letters)
    half = (POINTS - 1) / 2
    return tuple(start + (middle - start) * k / half if k <= half else middle + (end - middle) * (k - half) / half
                 for k in range(POINTS))


def textbook_shape(tone: int, high: float = 2 * UNIT, low: float = -2 * UNIT, final: bool = True) -> tuple[float, ...]:
    """A tone's shape in semitones from the speaker's key, between their `high` and `low`."""
    return _chao(HALF_THIRD if tone == 3 and not final else CHAO[tone], high, low)


# -- calibration -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calibration:
    """A learner's own voice: their key (mean pitch of mā má mǎ mà, semitones above 100 Hz),
    how high their 1st tone sits and how low their 3rd tone goes (semitones from the key),
    and the four shapes as they said them (POINTS values each, relative to the key).
    """

    key: float
    high: float
    low: float
    shapes: Mapping[int, tuple[float, ...]] = field(default_factory=dict)

    @property
    def hz(self) -> float:
        """The key in Hz."""
        return 100.0 * 2.0 ** (self.key / 12.0)

    @property
    def unit(self) -> float:
        """Semitones per step of Chao's scale for this speaker: a quarter of high to low."""
        return min(max((self.high - self.low) / 4.0, 0.4), 4.0)

    def to_dict(self) -> dict:
        return {"key": round(self.key, 3), "high": round(self.high, 3), "low": round(self.low, 3),
                "shapes": {str(t): [round(v, 3) for v in s] for t, s in self.shapes.items()}}

    @classmethod
    def from_dict(cls, data: Mapping | None) -> "Calibration | None":
        try:
            shapes = {int(t): tuple(float(v) for v in s) for t, s in dict(data["shapes"]).items()}  # type: ignore[index]
            found = cls(float(data["key"]), float(data["high"]), float(data["low"]), shapes)  # type: ignore[index]
        except (KeyError, TypeError, ValueError):
            return None
        return found if found.high - found.low > 0.5 else None


def calibrate(contours: Mapping[int, Sequence[float]]) -> Calibration:
    """A Calibration from the learner's mā má mǎ mà (tone -> pitch frames, semitones above 100 Hz).

    Raises CalibrationProblem when a tone has no pitch or the four do not look like four
    tones (a level 1, a rising 2, a low 3, a falling 4), saying which to say again.
    """
    names = {1: "mā (1st tone)", 2: "má (2nd tone)", 3: "mǎ (3rd tone)", 4: "mà (4th tone)"}
    for tone in (1, 2, 3, 4):
        if len(contours.get(tone, ())) < MIN_FRAMES:
            raise CalibrationProblem(f"no pitch was heard in {names[tone]}: say it again, a little louder")
    shapes = {t: resample(contours[t]) for t in (1, 2, 3, 4)}
    key = statistics.fmean(v for s in shapes.values() for v in s)
    relative = {t: tuple(v - key for v in s) for t, s in shapes.items()}
    problems = []
    # Movement after the first third: a voiced m lifts the start of every tone a little.
    # The 2nd tone must climb clearly more than the 1st does (a level tone drifts up a little).
    if not _rise(relative[2][POINTS // 3 :]) > max(0.8, _rise(relative[1][POINTS // 3 :]) + 0.5):
        problems.append(f"{names[2]} did not rise")
    if not _fall(relative[4][POINTS // 3 :]) > 1.2:
        problems.append(f"{names[4]} did not fall")
    if not min(relative[3]) < min(statistics.fmean(relative[1]), min(relative[2]), min(relative[4])) - 0.3 \
            and statistics.fmean(relative[3]) >= statistics.fmean(relative[1]) - 1.0:
        problems.append(f"{names[3]} did not go lower than the others")
    if not statistics.fmean(relative[1]) > statistics.fmean(relative[3]) + 1.0:
        problems.append(f"{names[1]} was not higher than {names[3]}")
    if problems:
        raise CalibrationProblem("; ".join(problems) + ": say the four again, each tone clearly")
    high = statistics.fmean(relative[1][POINTS // 3 :])  # after a voiced m's low start
    return Calibration(key, high, min(relative[3]), relative)


# -- judging ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Judgement:
    """One syllable: what was asked, the verdict, the tone it sounded like, how sure, a hint.

    `shape` is the learner's pitch and `expected` the target's, both POINTS values in
    semitones relative to the learner's key (for drawing one over the other).
    """

    target: str  # numbered pinyin as said, "hao3"
    tone: int
    verdict: Verdict
    heard: int | None = None
    sure: float = 0.0
    hint: str = ""
    shape: tuple[float, ...] = ()
    expected: tuple[float, ...] = ()
    chances: tuple[float, ...] = ()  # how likely each tone 1-4 is, summing to 1

    def to_dict(self) -> dict:
        return {"target": self.target, "verdict": self.verdict.value, "heard": self.heard, "hint": self.hint}


def _rise(s: Sequence[float]) -> float:
    """How far the pitch climbs from its lowest point to the end."""
    low = s.index(min(s))
    return max(s[low:]) - s[low] if low < len(s) - 1 else 0.0


def _fall(s: Sequence[float]) -> float:
    """How far the pitch drops from its highest point to the end."""
    high = s.index(max(s))
    return s[high] - min(s[high:]) if high < len(s) - 1 else 0.0


# The start of a syllable counts less: pitch moves toward a tone's target through the
# syllable (Xu's target approximation), and a voiced initial (m, n, l, w, y) holds the
# first third down for a while; the later part shows the tone best.
WEIGHTS = tuple(0.35 if k < POINTS // 3 else 1.0 for k in range(POINTS))


def _fit(x: Sequence[float], template: Sequence[float], shift: float) -> float:
    """Weighted RMS distance after the best offset (within +-shift) and stretch (STRETCH) of the template."""
    w = WEIGHTS if len(x) == len(WEIGHTS) else (1.0,) * len(x)
    total = sum(w)
    mx = sum(wi * xi for wi, xi in zip(w, x)) / total
    mt = sum(wi * ti for wi, ti in zip(w, template)) / total
    var = sum(wi * (t - mt) ** 2 for wi, t in zip(w, template))
    b = sum(wi * (a - mx) * (t - mt) for wi, a, t in zip(w, x, template)) / var if var > 1e-9 else 1.0
    b = min(max(b, STRETCH[0]), STRETCH[1])
    a = min(max(mx - b * mt, -shift), shift)
    return math.sqrt(sum(wi * (xi - a - b * ti) ** 2 for wi, xi, ti in zip(w, x, template)) / total)


def _probabilities(distances: Mapping[int, float], unit: float, spread: float = SPREAD) -> dict[int, float]:
    scale = spread * unit
    weights = {t: math.exp(-0.5 * (d / scale) ** 2) for t, d in distances.items()}
    total = sum(weights.values())
    if total <= 0:
        best = min(distances, key=distances.__getitem__)
        return {t: float(t == best) for t in distances}
    return {t: w / total for t, w in weights.items()}


def _templates(calibration: Calibration | None, final: bool) -> dict[int, tuple[float, ...]]:
    """The textbook shapes, in the learner's own range when they calibrated.

    Their own four syllables give the range but not the shapes: a voiced m bends the
    start of every one of them, and one try at each is too little to learn a shape from.
    """
    if calibration is None:
        return {t: textbook_shape(t, 2 * UNIT, -2 * UNIT, final) for t in (1, 2, 3, 4)}
    return {t: textbook_shape(t, calibration.high, calibration.low, final) for t in (1, 2, 3, 4)}


def _clear_fault(tone: int, x: Sequence[float], high: float, low: float, unit: float) -> str:
    """A plain hint when the shape clearly misses something its tone must do; else ""."""
    rise, fall = _rise(x), _fall(x)
    mean = statistics.fmean(x)
    n = len(x)
    if tone == 1:
        if mean < high - 2.0 * unit:
            return "your 1st tone was too low: start high and stay there"
        settled = x[n // 3 :]
        if max(settled) - min(settled) > 1.5 * unit:
            return ("this 1st tone rose: start high and keep it level" if settled[-1] > settled[0]
                    else "this 1st tone fell: keep it high and level to the end")
    elif tone == 2:
        early = x[: (3 * n) // 5]
        if rise > 0.6 * unit and max(early) - min(early) < 0.25 * rise and x[-1] - x[(3 * n) // 5] > 0.7 * rise:
            return "the 2nd tone rose only at the very end: start climbing sooner"
        if fall > max(rise, 0.8 * unit):
            return "this 2nd tone fell: it should climb from the middle to the top"
        if rise < 0.5 * unit:
            return "this 2nd tone did not rise: climb from the middle to the top"
    elif tone == 3:
        if min(x) > low + 1.5 * unit and mean > low + 2.5 * unit:
            if fall > 1.5 * unit and x[0] > mean + 0.5 * unit:
                return "your 3rd tone started high and fell like a 4th: start low and go lower"
            if rise > 1.2 * unit and x.index(min(x)) < n // 3:
                return "your 3rd tone rose like a 2nd: go down low first"
            return "your 3rd tone did not go low: drop to the bottom of your voice"
    elif tone == 4:
        if rise > fall and rise > 0.8 * unit:
            return "this 4th tone rose: start at the top and drop sharply"
        if fall < 0.5 * unit:
            return "this 4th tone did not fall: start at the top and drop sharply"
        if fall < 1.2 * unit:
            return "this 4th tone fell only a little: start higher and drop to the bottom"
    return ""


_FALLBACK_HINT = {
    1: "keep your 1st tone high and level",
    2: "let your 2nd tone climb from the middle to the top",
    3: "take your 3rd tone down to the bottom of your voice",
    4: "start your 4th tone at the top and drop sharply",
}


def judge(
    contours: Sequence[Sequence[float]] | None,
    targets: Sequence[tuple[str, int]],
    calibration: Calibration | None = None,
) -> list[Judgement]:
    """Judge each syllable's pitch against its target tone (the tone as said, after sandhi).

    `contours` holds one list of pitch frames (semitones above 100 Hz) per target, or is
    None when the recording could not be split into its syllables: then every syllable
    is "unsure". Neutral-tone targets are never judged (their pitch follows the syllable
    before), nor are syllables with too little pitch to see a shape.
    """
    if contours is None or len(contours) != len(targets):
        return [Judgement(t, tone, Verdict.UNSURE, hint="" if tone == NEUTRAL else
                          "could not find where each syllable starts: say the word again, clearly")
                for t, tone in targets]
    shapes = [resample(c) if len(c) >= MIN_FRAMES else () for c in contours]
    unit = calibration.unit if calibration else UNIT
    high, low = (calibration.high, calibration.low) if calibration else (2 * UNIT, -2 * UNIT)
    judged = [k for k, (s, (_, tone)) in enumerate(zip(shapes, targets)) if s and tone != NEUTRAL]
    last = len(targets) - 1
    finals = [k == last or all(t == NEUTRAL for _, t in targets[k + 1 :]) for k in range(len(targets))]
    if calibration is not None:
        key, shift = calibration.key, 0.5 * unit
    else:
        # The key from the recording itself: its mean, less the mean the targets' shapes
        # would have. One syllable alone says nothing about level, so judge shape only.
        means = [statistics.fmean(shapes[k]) - statistics.fmean(textbook_shape(targets[k][1], 2 * UNIT, -2 * UNIT,
                                                                                 finals[k]))
                 for k in judged]
        key = statistics.fmean(means) if means else 0.0
        shift = SHIFT_FREE * unit if len(judged) > 1 else 99.0
    out = []
    for k, ((name, tone), s) in enumerate(zip(targets, shapes)):
        if tone == NEUTRAL:
            out.append(Judgement(name, tone, Verdict.UNSURE, shape=tuple(v - key for v in s)))
            continue
        if not s:
            out.append(Judgement(name, tone, Verdict.UNSURE,
                                 hint="too short or too quiet to hear its pitch: say it again, a little louder"))
            continue
        x = tuple(v - key for v in s)
        templates = _templates(calibration, finals[k])
        distances = {t: _fit(x, templates[t], shift) for t in (1, 2, 3, 4)}
        p = _probabilities(distances, unit, SPREAD if calibration is not None else SPREAD_FREE)
        heard = max(p, key=p.__getitem__)
        sure = p[heard]
        fault = _clear_fault(tone, x, high, low, unit)
        if heard == tone and sure >= SURE_RIGHT and not fault:
            verdict, hint = Verdict.RIGHT, ""
        elif heard != tone and sure >= SURE_WRONG and p[tone] <= TARGET_AT_MOST:
            verdict, hint = Verdict.WRONG, fault or _FALLBACK_HINT[tone]
        else:
            # Not sure which tone it was; a clear fault in the shape is still worth a word.
            verdict, hint = Verdict.UNSURE, fault
        out.append(Judgement(name, tone, verdict, heard if verdict is not Verdict.UNSURE or sure >= SURE_RIGHT
                             else None, round(sure, 2), hint, x, templates[tone],
                             tuple(round(p[t], 3) for t in (1, 2, 3, 4))))
    return out
