"""Samples -> pitch track -> the stretch of speech -> its syllables (praat-parselmouth).

The signal half of speaking practice; the judgement of each syllable's pitch is
core.tones (pure). Pitch is Praat's autocorrelation tracker, floor 55 Hz so the
creaky bottom of a third tone is still tracked. A word is split into its syllables
without speech recognition, in this order, and only as far as one method is
confident:
1. voicing gaps (a voiceless consonant or a pause between syllables),
2. intensity dips (a nasal or a glide between two vowels: 你们, 明年),
3. alignment (DTW over MFCCs) to the reference rendering of the same word, whose
   syllable boundaries are known (wǎn'ān, yīyuàn: vowel into vowel).
Where none is confident the split is None and nobody judges the syllables.

numpy and parselmouth are imported on first use: a machine without them (no wheel
for its platform) still runs the rest of Lianxi, and AnalysisUnavailable says what
is missing. Never import the UI, the store or the study layer.
"""

from __future__ import annotations

import io
import math
import wave
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lianxi.core.errors import UserError

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "AnalysisUnavailable",
    "Recording",
    "Reference",
    "Split",
    "Track",
    "contours",
    "reference_bounds",
    "speech_span",
    "split",
    "track",
    "align",
]

TIME_STEP = 0.01  # s between pitch frames: 200 frames for 2 s, plenty for a tone's shape
PITCH_FLOOR = 55.0  # Hz: the creaky bottom of a low male third tone
PITCH_CEILING = 600.0  # Hz: a child's or a high female voice
SILENCE_DB = 30.0  # a frame this far below the loudest is not speech
MIN_GAP = 0.04  # s: a voicing gap shorter than this is a hiccup inside a vowel
MIN_DIP_DB = 3.0  # an intensity dip between syllables is at least this deep
JUMP = 2.0  # semitones between two 10 ms frames: a slip of the tracker, not a glide
MIN_PART = 0.06  # s of voicing each syllable needs to be judged at all
ALIGN_AGREE = 0.1  # s: an aligned cut must have a dip or voicing break this close
INSTALL_PARSELMOUTH = "pip install praat-parselmouth"


class AnalysisUnavailable(UserError):
    """The pitch tracker cannot load here; the message says what to install."""


def _libraries():
    try:
        import numpy  # noqa: PLC0415 - optional: no wheel on some platforms
        import parselmouth  # noqa: PLC0415
    except ImportError as error:
        raise AnalysisUnavailable(
            f"speaking practice needs praat-parselmouth for pitch tracking ({error}); "
            f"install it with: {INSTALL_PARSELMOUTH} (it has wheels for Linux x86_64, macOS "
            "and Windows; on other machines it needs cmake and a C++ compiler)"
        ) from None
    return numpy, parselmouth


def available() -> str | None:
    """None if recordings can be analysed here, else one line saying what is missing."""
    try:
        _libraries()
    except AnalysisUnavailable as error:
        return str(error)
    return None


# -- a recording -----------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Recording:
    """Mono samples in -1..1 and their rate. Lives in memory; kept on disk only if asked."""

    samples: "np.ndarray"
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / float(self.rate or 1)

    @classmethod
    def from_wav(cls, data: bytes, name: str = "recording") -> "Recording":
        """A PCM WAV file's bytes (8/16/24/32-bit, mono or stereo) -> a Recording."""
        np, _ = _libraries()
        try:
            with wave.open(io.BytesIO(_plain_pcm(data)), "rb") as wav:
                channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
                frames = wav.readframes(wav.getnframes())
        except (wave.Error, EOFError) as error:
            raise UserError(f"{name} is not a PCM WAV file ({error}); record or convert it "
                            "as WAV, for example: sox input.mp3 -c 1 output.wav") from None
        if width == 1:
            values = (np.frombuffer(frames, np.uint8).astype(np.float32) - 128.0) / 128.0
        elif width == 2:
            values = np.frombuffer(frames, "<i2").astype(np.float32) / 32768.0
        elif width == 3:
            raw = np.frombuffer(frames, np.uint8).reshape(-1, 3)
            ints = (raw[:, 0].astype(np.int32) | (raw[:, 1].astype(np.int32) << 8)
                    | (raw[:, 2].astype(np.int32) << 16))
            ints = np.where(ints >= 1 << 23, ints - (1 << 24), ints)
            values = ints.astype(np.float32) / float(1 << 23)
        elif width == 4:
            values = np.frombuffer(frames, "<i4").astype(np.float32) / float(1 << 31)
        else:
            raise UserError(f"{name} has {width * 8}-bit samples; use 16-bit PCM WAV")
        if channels > 1:
            values = values[: len(values) - len(values) % channels].reshape(-1, channels).mean(axis=1)
        if rate < 8000 or not len(values):
            raise UserError(f"{name} holds no usable sound ({rate} Hz, {len(values)} samples); "
                            "record at least 8000 samples a second")
        return cls(values, rate)

    def to_wav(self) -> bytes:
        """16-bit mono PCM WAV bytes (for replay and for kept recordings)."""
        np, _ = _libraries()
        pcm = (np.clip(self.samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
        out = io.BytesIO()
        with wave.open(out, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(self.rate)
            wav.writeframes(pcm)
        return out.getvalue()

    def sound(self):
        _, parselmouth = _libraries()
        return parselmouth.Sound(self.samples.astype("float64"), sampling_frequency=float(self.rate))


def _plain_pcm(data: bytes) -> bytes:
    """WAVE_FORMAT_EXTENSIBLE holding plain PCM (sox writes it for 24/32-bit) as plain PCM.

    Python's wave module before 3.12 reads only the plain tag; the samples are the same.
    """
    at = data.find(b"fmt ", 12, 200)
    if data[:4] != b"RIFF" or at < 0 or len(data) < at + 34:
        return data
    tag = int.from_bytes(data[at + 8 : at + 10], "little")
    if tag == 0xFFFE and data[at + 32 : at + 34] == b"\x01\x00":  # sub-format GUID starts with 1: PCM
        return data[: at + 8] + b"\x01\x00" + data[at + 10 :]
    return data


# -- pitch and loudness frame by frame ---------------------------------------------------


@dataclass(frozen=True, eq=False)
class Track:
    """Per frame: time (s), pitch (Hz, 0 where unvoiced) and intensity (dB)."""

    times: "np.ndarray"
    hz: "np.ndarray"
    db: "np.ndarray"
    recording: Recording

    def __len__(self) -> int:
        return len(self.times)

    def frame(self, seconds: float) -> int:
        return int(min(max(round((seconds - self.times[0]) / TIME_STEP), 0), len(self) - 1)) if len(self) else 0


def track(recording: Recording) -> Track:
    """Pitch (Praat autocorrelation) and intensity of a recording, every 10 ms."""
    np, _ = _libraries()
    sound = recording.sound()
    pitch = sound.to_pitch_ac(time_step=TIME_STEP, pitch_floor=PITCH_FLOOR, pitch_ceiling=PITCH_CEILING)
    times = np.asarray(pitch.xs())
    hz = np.nan_to_num(np.asarray(pitch.selected_array["frequency"], dtype=float))
    # Intensity with a short window (minimum pitch 100 Hz: 32 ms) so dips between syllables show.
    intensity = sound.to_intensity(minimum_pitch=100.0, time_step=TIME_STEP / 2)
    db = np.interp(times, np.asarray(intensity.xs()), np.asarray(intensity.values[0]),
                   left=-300.0, right=-300.0) if intensity.n_frames else np.full(len(times), -300.0)
    hz = _fix_octaves(np, hz)
    return Track(times, hz, db, recording)


def _fix_octaves(np, hz):
    """Fold octave errors back: a voiced frame an octave off the median of its run is a tracker slip."""
    out = hz.copy()
    voiced = out > 0
    if voiced.sum() < 5:
        return out
    median = float(np.median(out[voiced]))
    for i in np.flatnonzero(voiced):
        off = 12.0 * math.log2(out[i] / median)
        if off > 9.0:
            out[i] /= 2.0
        elif off < -9.0:
            out[i] *= 2.0
    return out


def _runs(flags) -> list[tuple[int, int]]:
    """[start, end) pairs of True stretches."""
    runs, start = [], None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i))
            start = None
    return runs


def speech_span(t: Track) -> tuple[int, int] | None:
    """[start, end) frames from the first to the last voiced stretch loud enough to be speech.

    Silence, breath and clicks before and after are left out; None when nothing was said.
    """
    if not len(t):
        return None
    loud = t.db >= float(t.db.max()) - SILENCE_DB
    voiced = [(a, b) for a, b in _runs((t.hz > 0) & loud) if b - a >= 3]
    if not voiced:
        return None
    return voiced[0][0], voiced[-1][1]


# -- syllables ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Split:
    """Where each syllable is, in frames, and which method found it (None: no confident split)."""

    parts: tuple[tuple[int, int], ...] | None
    method: str  # "one", "voicing", "intensity", "alignment", or why there is none


@dataclass(frozen=True, eq=False)
class Reference:
    """The reference rendering of the word and where its syllables start (s, first one excluded)."""

    recording: Recording
    starts: tuple[float, ...]


def split(t: Track, count: int, span: tuple[int, int] | None = None, reference: Reference | None = None) -> Split:
    """The `count` syllables of the speech in `t`, by voicing gaps, intensity dips, then alignment."""
    span = span or speech_span(t)
    if span is None:
        return Split(None, "nothing heard")
    if count == 1:
        return Split((span,), "one")
    cuts = _by_voicing(t, count, span)
    method = "voicing"
    if cuts is None:
        cuts, method = _by_intensity(t, count, span), "intensity"
    if cuts is None and reference is not None:
        _, parselmouth = _libraries()
        try:
            cuts, method = align(t, span, reference), "alignment"
        except parselmouth.PraatError:
            cuts = None  # too short to align, say: no confident split
    if cuts is None:
        return Split(None, "syllables not found")
    parts = tuple(zip([span[0], *cuts], [*cuts, span[1]]))
    if any(_voiced_seconds(t, a, b) < MIN_PART for a, b in parts):
        return Split(None, f"a syllable too short ({method})")
    return Split(parts, method)


def _voiced_seconds(t: Track, a: int, b: int) -> float:
    return float((t.hz[a:b] > 0).sum()) * TIME_STEP


def _by_voicing(t: Track, count: int, span: tuple[int, int]) -> list[int] | None:
    a, b = span
    runs = [(x + a, y + a) for x, y in _runs(t.hz[a:b] > 0)]
    gaps = [(runs[k][0] - runs[k - 1][1], runs[k - 1][1], runs[k][0]) for k in range(1, len(runs))]
    gaps = [g for g in gaps if g[0] * TIME_STEP >= MIN_GAP]
    if len(gaps) < count - 1:
        return None
    gaps.sort(reverse=True)
    chosen, rest = gaps[: count - 1], gaps[count - 1 :]
    # Confident only when the chosen gaps stand clear of any other gap (a creaky third
    # tone can break its own voicing for a moment).
    if rest and rest[0][0] * 2 > chosen[-1][0]:
        return None
    return sorted(start for _, _, start in chosen)


def _dips(t: Track, span: tuple[int, int]) -> list[tuple[float, int]]:
    """(depth in dB, frame) of each loudness dip inside the span.

    Depth is the dip's prominence: how far the loudness climbs on each side before
    it falls below the dip again (or the speech ends), the smaller of the two climbs.
    """
    np, _ = _libraries()
    a, b = span
    db = np.convolve(t.db[a:b], np.ones(3) / 3.0, mode="same")  # 30 ms smoothing
    found = []
    for i in range(2, len(db) - 2):
        if not (db[i] <= db[i - 1] and db[i] < db[i + 1]):
            continue
        left = right = db[i]
        for j in range(i - 1, -1, -1):
            if db[j] < db[i]:
                break
            left = max(left, db[j])
        for j in range(i + 1, len(db)):
            if db[j] < db[i]:
                break
            right = max(right, db[j])
        depth = float(min(left, right) - db[i])
        if depth > 0.5:
            found.append((depth, i + a))
    return found


def _by_intensity(t: Track, count: int, span: tuple[int, int]) -> list[int] | None:
    dips = [d for d in _dips(t, span) if d[0] >= MIN_DIP_DB]
    if len(dips) < count - 1:
        return None
    dips.sort(reverse=True)
    chosen, rest = dips[: count - 1], dips[count - 1 :]
    if rest and rest[0][0] * 1.5 > chosen[-1][0]:
        return None
    return sorted(i for _, i in chosen)


def _mfcc(recording: Recording, start: float = 0.0, end: float | None = None):
    sound = recording.sound()
    if start > 0 or end is not None:
        sound = sound.extract_part(from_time=start, to_time=end if end is not None else sound.xmax)
    # The same filter bank whatever the sample rate (a 16 kHz microphone, a 22 kHz reference),
    # or Praat cannot compare the two: filters up to 2800 mel (~7.6 kHz).
    return sound.to_mfcc(number_of_coefficients=12, window_length=0.015, time_step=0.005,
                         maximum_frequency=2800.0)


def _dtw(prototype, candidate):
    """Praat's DTW; its y axis is the prototype: "Get x time from y time" maps prototype -> candidate."""
    from parselmouth.praat import call  # noqa: PLC0415

    # Delta cepstra only (they follow the sounds, not the voice) and a slope limit, so two
    # different voices still align phone to phone.
    return call([prototype, candidate], "To DTW", 0.0, 0.0, 1.0, 0.0, 0.056, "no", "no", "1/2 < slope < 2")


def align(t: Track, span: tuple[int, int], reference: Reference) -> list[int] | None:
    """Syllable starts found by aligning the speech to the reference rendering (DTW over MFCCs).

    An alignment across two voices always gives an answer, right or wrong, so a cut is
    kept only where the learner's own recording agrees: a loudness dip or a break in
    voicing within 100 ms of it (the cut moves there). Otherwise None: no confident split.
    """
    from parselmouth.praat import call  # noqa: PLC0415

    ref_track = track(reference.recording)
    ref_span = speech_span(ref_track)
    if ref_span is None:
        return None
    ref_from, ref_to = float(ref_track.times[ref_span[0]]), float(ref_track.times[ref_span[1] - 1])
    ours_from, ours_to = float(t.times[span[0]]), float(t.times[span[1] - 1])
    dtw = _dtw(_mfcc(reference.recording, ref_from, ref_to), _mfcc(t.recording, ours_from, ours_to))
    marks = [i for depth, i in _dips(t, span) if depth >= MIN_DIP_DB / 2]
    marks += [i for i in range(span[0] + 1, span[1]) if t.hz[i] <= 0 < t.hz[i - 1]]
    cuts = []
    for start in reference.starts:
        mapped = t.frame(call(dtw, "Get x time from y time", start - ref_from) + ours_from)
        near = [i for i in marks if abs(i - mapped) * TIME_STEP <= ALIGN_AGREE]
        if not near:
            return None
        cuts.append(min(near, key=lambda i: abs(i - mapped)))
    return cuts if all(x < y for x, y in zip([span[0], *cuts], [*cuts, span[1]])) else None


def reference_bounds(word: Recording, syllables: list[Recording]) -> Reference:
    """Where each syllable starts in the rendering of a word, from its syllables rendered alone.

    The word is aligned (DTW) to its syllables said one after another, where every
    boundary is known; the same voice on both sides makes this alignment reliable.
    """
    from parselmouth.praat import call  # noqa: PLC0415

    np, parselmouth = _libraries()
    pieces, starts, at = [], [], 0.0
    for k, syllable in enumerate(syllables):
        st = track(syllable)
        span = speech_span(st)
        a, b = (st.times[span[0]], st.times[span[1] - 1]) if span else (0.0, syllable.seconds)
        piece = syllable.samples[int(a * syllable.rate) : int(b * syllable.rate)]
        if k:
            starts.append(at)
        pieces.append(piece)
        at += len(piece) / syllable.rate
    joined = Recording(np.concatenate(pieces), syllables[0].rate)
    wt = track(word)
    span = speech_span(wt)
    a, b = (float(wt.times[span[0]]), float(wt.times[span[1] - 1])) if span else (0.0, word.seconds)
    dtw = _dtw(_mfcc(joined), _mfcc(word, a, b))
    mapped = tuple(call(dtw, "Get x time from y time", s) + a for s in starts)
    return Reference(word, mapped)


# -- contours ------------------------------------------------------------------------------


def semitones(hz: float) -> float:
    """Semitones above 100 Hz."""
    return 12.0 * math.log2(hz / 100.0)


def contours(t: Track, parts) -> list[tuple[float, ...]]:
    """Each part's voiced pitch in semitones above 100 Hz, onset and release trimmed.

    A jump of more than JUMP semitones between neighbouring frames is a tracker slip
    (creak at the end of a fall, a consonant burst), never a glide: only the longest
    stretch without one is kept.
    """
    out = []
    for a, b in parts:
        frames = [(i, semitones(float(t.hz[i]))) for i in range(a, b) if t.hz[i] > 0]
        pieces: list[list[tuple[int, float]]] = []
        for i, v in frames:
            # Across an unvoiced stretch (creak at the bottom of a fall) the pitch may have
            # moved on: allow more the longer the stretch, never an octave.
            if pieces and abs(v - pieces[-1][-1][1]) <= JUMP + 0.5 * (i - pieces[-1][-1][0] - 1):
                pieces[-1].append((i, v))
            else:
                pieces.append([(i, v)])
        values = [v for _, v in max(pieces, key=len)] if pieces else []
        # A consonant's onset bends the first ~40 ms, the release the last ~30 ms.
        head, tail = (len(values) * 15) // 100, len(values) // 10
        core = values[head : len(values) - tail] if len(values) - head - tail >= 5 else values
        out.append(tuple(core))
    return out
