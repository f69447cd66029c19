"""Pitch contours of rendered speech, and whether each has the shape of its tone.

The measuring instrument shared by bench/tone_clarity.py (which chose the voice
settings with it) and tests/audio (which check that the Speaker's audio carries
the tones it should). The app itself never calls it. It needs praat-parselmouth,
a test extra, imported on first use. Never import the UI, the store or speech.py.

Pitch is in semitones above 100 Hz. The shape rules are deliberately plain:
tone 1 high and level, tone 2 rising, tone 3 low or dipping, tone 4 falling;
"high" and "low" are relative to a key, the median pitch of a set of syllables
spoken with the same settings.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

TIME_STEP = 0.005  # seconds between pitch frames
PITCH_FLOOR = 50.0  # Hz; the low male variants reach ~60 Hz at the bottom of tone 3
PITCH_CEILING = 400.0
LOUD_DB = 12.0  # a frame within this of the loudest counts as part of the spoken vowel

# Limits, in semitones unless said otherwise; see faults().
LEVEL_SPAN = 1.5  # tone 1 may drift this much and still sound level
HIGH_ABOVE_KEY = 0.5
RISE = 2.5
LOW_BELOW_KEY = 1.5
DIP = 1.0
FALL = 4.0
JUMP = 2.0  # between two 5 ms frames: an octave error or a glitch, never a real glide
CREAK = 0.2  # share of the loud vowel frames with no pitch found


@dataclass(frozen=True)
class Contour:
    """The voiced pitch of one syllable (or part of a word), edges trimmed."""

    semitones: tuple[float, ...]
    creak: float = 0.0
    jump: float = 0.0

    @property
    def voiced(self) -> bool:
        return len(self.semitones) >= 4

    @property
    def start(self) -> float:
        return statistics.fmean(self.semitones[:3])

    @property
    def end(self) -> float:
        return statistics.fmean(self.semitones[-3:])

    @property
    def low(self) -> float:
        return min(self.semitones)

    @property
    def high(self) -> float:
        return max(self.semitones)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.semitones)

    @property
    def low_at(self) -> float:
        """Where the lowest point is, 0 (start) to 1 (end)."""
        return self.semitones.index(self.low) / max(1, len(self.semitones) - 1)

    @property
    def high_at(self) -> float:
        return self.semitones.index(self.high) / max(1, len(self.semitones) - 1)


def semitones(hz: float) -> float:
    return 12.0 * math.log2(hz / 100.0)


def _frames(wav: Path) -> tuple[list[float], list[bool]]:
    """Pitch per frame (0 = no pitch found) and whether the frame is loud."""
    import parselmouth  # noqa: PLC0415 - a test/bench dependency only

    sound = parselmouth.Sound(str(wav))
    pitch = sound.to_pitch_ac(
        time_step=TIME_STEP, pitch_floor=PITCH_FLOOR, pitch_ceiling=PITCH_CEILING
    )
    intensity = sound.to_intensity(minimum_pitch=PITCH_FLOOR, time_step=TIME_STEP)
    hz = [float(v) for v in pitch.selected_array["frequency"]]
    level = [intensity.get_value(t) for t in pitch.xs()]
    level = [v if v == v else -math.inf for v in level]  # NaN outside the sound
    top = max(level, default=-math.inf)
    return hz, [v >= top - LOUD_DB for v in level]


def _runs(hz: Sequence[float]) -> list[tuple[int, int]]:
    """[start, end) index pairs of voiced stretches."""
    runs, start = [], None
    for i, f in enumerate([*hz, 0.0]):
        if f > 0 and start is None:
            start = i
        elif f <= 0 and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _contour(hz: Sequence[float], loud: Sequence[bool]) -> Contour:
    runs = _runs(hz)
    if not runs:
        return Contour(())
    # The vowel begins with the longest voiced stretch; shorter ones before it are
    # consonant noise (the burst of k, say). Voicing lost after it while still loud is creak.
    first = max(runs, key=lambda r: r[1] - r[0])[0]
    last_voiced = max(end for _, end in runs)
    last_loud = max((i + 1 for i, is_loud in enumerate(loud) if is_loud), default=last_voiced)
    stop = max(last_voiced, min(last_loud, len(hz)))
    vowel = [i for i in range(first, stop) if loud[i] or hz[i] > 0]
    voiced = [i for i in vowel if hz[i] > 0]
    creak = 1.0 - len(voiced) / len(vowel) if vowel else 1.0
    values = [semitones(hz[i]) for i in voiced]
    # Neighbours up to 3 frames apart: an octave error often hides behind one unvoiced frame.
    jump = max(
        (abs(semitones(hz[j]) - semitones(hz[i])) for i, j in zip(voiced, voiced[1:]) if j - i <= 3),
        default=0.0,
    )
    # Trim the edges: consonant onsets and the final release bend the pitch briefly.
    cut = len(values) // 10
    core = values[cut : len(values) - cut] if len(values) - 2 * cut >= 4 else values
    return Contour(tuple(core), creak=creak, jump=jump)


def measure(wav: str | Path) -> Contour:
    """The contour of a one-syllable recording."""
    hz, loud = _frames(Path(wav))
    return _contour(hz, loud)


def measure_parts(wav: str | Path, count: int) -> list[Contour]:
    """Contours of `count` syllables, cut at the `count - 1` longest pauses in voicing.

    Meant for words whose syllables are parted by an unvoiced consonant or a stop
    (不是, 一个), where each pause is far longer than any break inside a vowel.
    """
    hz, loud = _frames(Path(wav))
    runs = _runs(hz)
    if len(runs) < count:
        raise ValueError(f"found {len(runs)} voiced stretches, expected at least {count}")
    gaps = sorted(range(1, len(runs)), key=lambda k: runs[k][0] - runs[k - 1][1])[-(count - 1) :]
    cuts = [0, *sorted(runs[k][0] for k in gaps), len(hz)]
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        # A part ends with its last voiced frame: the loud consonant after it (the sh of
        # 是) belongs to the next syllable, not to this one's creak.
        stop = max(end for start, end in runs if a <= start < b)
        part_hz = [f if a <= i < stop else 0.0 for i, f in enumerate(hz)]
        part_loud = [v and a <= i < stop for i, v in enumerate(loud)]
        parts.append(_contour(part_hz, part_loud))
    return parts


def key_of(contours: Iterable[Contour]) -> float:
    """The median pitch of a set of contours spoken with the same settings."""
    means = [c.mean for c in contours if c.voiced]
    return statistics.median(means) if means else 0.0


def faults(contour: Contour, tone: int, key: float) -> list[str]:
    """What is wrong with this contour for this tone; empty when it is clear."""
    if not contour.voiced:
        return ["no pitch"]
    found = []
    if contour.creak > CREAK:
        found.append("creak")
    if contour.jump > JUMP:
        found.append("jump")
    c = contour
    if tone == 1:
        # A voiced onset (m, n, l, w, y) starts tone 1 low for ~40 ms; heard as onset, not rise.
        settled = c.semitones[len(c.semitones) // 4 :]
        if max(settled) - min(settled) > LEVEL_SPAN:
            found.append("tone 1 not level")
        if c.mean < key + HIGH_ABOVE_KEY:
            found.append("tone 1 not high")
    elif tone == 2:
        if c.end - c.low < RISE or c.low_at > 0.6 or c.end < c.high - 0.5:
            found.append("tone 2 not rising")
    elif tone == 3:
        low = c.mean <= key - LOW_BELOW_KEY
        dipping = (
            0.15 <= c.low_at <= 0.85
            and c.start - c.low >= DIP
            and c.end - c.low >= DIP
            and c.low <= key - LOW_BELOW_KEY
        )
        if not (low or dipping):
            found.append("tone 3 not low or dipping")
    elif tone == 4:
        if c.high - c.end < FALL or c.high_at > 0.4:
            found.append("tone 4 not falling")
    return found
