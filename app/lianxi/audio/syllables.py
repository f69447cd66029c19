"""A word's speech -> its syllables, without speech recognition (praat-parselmouth).

In this order, and only as far as one method is confident:
1. voicing gaps (a voiceless consonant or a pause between syllables: 不是, 谢谢),
2. loudness dips (a nasal or a glide between two vowels: 你们, 明年, 晚安),
3. alignment (DTW over delta-MFCCs) to the reference rendering of the same word, whose
   syllable boundaries are known, kept only where the recording agrees (a dip or a
   voicing break near the aligned cut).
Where none is confident the split is None, and nobody judges the syllables.
Never import the UI, the store or the study layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from lianxi.audio.pitch import TIME_STEP, Recording, Track, libraries, speech_span, stretches, track

__all__ = ["Reference", "Split", "align", "reference_bounds", "split"]

MIN_GAP = 0.04  # s: a voicing gap shorter than this is a hiccup inside a vowel
MIN_DIP_DB = 3.0  # a loudness dip between syllables is at least this deep
MIN_PART = 0.06  # s of voicing each syllable needs to be judged at all
MAX_STRETCH = 1.9  # the DTW's slope limit is 1/2..2: longer or shorter than this cannot align
ALIGN_AGREE = 0.1  # s: an aligned cut must have a dip or voicing break this close


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
        _, parselmouth = libraries()
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
    runs = [(x + a, y + a) for x, y in stretches(t.hz[a:b] > 0)]
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
    np, _ = libraries()
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
    ratio = (ours_to - ours_from) / max(ref_to - ref_from, 1e-3)
    if not 1 / MAX_STRETCH < ratio < MAX_STRETCH:
        return None  # not the same word at anything like the same pace (and Praat would only complain)
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

    np, parselmouth = libraries()
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
    if not 1 / MAX_STRETCH < (b - a) / max(joined.seconds, 1e-3) < MAX_STRETCH:
        # Too different to align (should not happen with one voice): share the time out evenly.
        return Reference(word, tuple(a + s * (b - a) / joined.seconds for s in starts))
    dtw = _dtw(_mfcc(joined), _mfcc(word, a, b))
    mapped = tuple(call(dtw, "Get x time from y time", s) + a for s in starts)
    return Reference(word, mapped)
