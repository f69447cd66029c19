"""Samples -> pitch track -> the stretch of speech -> each syllable's pitch (praat-parselmouth).

The signal half of speaking practice; splitting a word into its syllables is
audio.syllables, and judging each syllable's pitch is core.tones (pure). Pitch is
Praat's autocorrelation tracker, floor 55 Hz so the creaky bottom of a third tone is
still tracked; silence, breath and clicks around the speech are trimmed.

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
    "Track",
    "available",
    "contours",
    "semitones",
    "speech_span",
    "track",
]

TIME_STEP = 0.01  # s between pitch frames: 200 frames for 2 s, plenty for a tone's shape
PITCH_FLOOR = 55.0  # Hz: the creaky bottom of a low male third tone
PITCH_CEILING = 600.0  # Hz: a child's or a high female voice
SILENCE_DB = 30.0  # a frame this far below the loudest is not speech
MIN_SECONDS = 0.1  # a recording shorter than this holds no syllable (and Praat needs 3 periods)
JUMP = 2.0  # semitones between two 10 ms frames: a slip of the tracker, not a glide
INSTALL_PARSELMOUTH = "pip install praat-parselmouth"


class AnalysisUnavailable(UserError):
    """The pitch tracker cannot load here; the message says what to install."""


def libraries():
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
        libraries()
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
        np, _ = libraries()
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
        np, _ = libraries()
        pcm = (np.clip(self.samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
        out = io.BytesIO()
        with wave.open(out, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(self.rate)
            wav.writeframes(pcm)
        return out.getvalue()

    def sound(self):
        _, parselmouth = libraries()
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
    np, _ = libraries()
    if recording.seconds < MIN_SECONDS:  # too short for even one analysis window: nothing heard
        empty = np.zeros(0)
        return Track(empty, empty, empty, recording)
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


def stretches(flags) -> list[tuple[int, int]]:
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
    voiced = [(a, b) for a, b in stretches((t.hz > 0) & loud) if b - a >= 3]
    if not voiced:
        return None
    return voiced[0][0], voiced[-1][1]


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
