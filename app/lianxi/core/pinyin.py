"""Pinyin text: reading it as people type it, writing it with tone marks or numbers, colouring it.

Everything that reads or writes pinyin goes through here: lesson files, typed
answers, speech input and the tone colours on screen. How typed text is cut into
syllables is core.pinyin_reading; the syllable itself (the table, tones, where the
mark goes) is core.syllables; how hanzi are read is core.hanzi; how syllables are
*said* (tone sandhi, neutral tones, erhua) is core.sandhi's job. Pure: imports only
the standard library and lianxi.core; never I/O, UI, storage or audio.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lianxi.core.pinyin_reading import read_syllables
from lianxi.core.syllables import NEUTRAL, PinyinError, Syllable

# NEUTRAL, PinyinError and Syllable come with pinyin text everywhere: importable from here too.
__all__ = [
    "NEUTRAL",
    "PinyinError",
    "Syllable",
    "for_speech",
    "parse",
    "tone_spans",
    "to_marks",
    "to_numbers",
]


@lru_cache(maxsize=8192)
def _parse_cached(text: str) -> tuple[Syllable, ...]:
    return tuple(s for s, _, _ in read_syllables(text, lenient=False) if s is not None)


def parse(text: str) -> list[Syllable]:
    """Read pinyin as a learner or tutor types it; raise PinyinError naming the bad piece.

    Accepts tone numbers (ni3hao3, "ni3 hao3"; 5, 0 or no number for the neutral tone), tone
    marks (precomposed or combining), ü typed as ü, v or u:, erhua (huar4, hua4r, huàr),
    apostrophes, capitals, extra spaces and punctuation. A syllable with no tone is neutral.
    Unspaced text is split longest-first, keeping the standard apostrophe rule: "xian" is one
    syllable, "xi'an" or "xīān" two; "zhiang" is an error, not zhi + ang.
    """
    return list(_parse_cached(text))


def _syllables(text_or_syllables: str | Syllable | Iterable[Syllable]) -> Iterable[Syllable]:
    if isinstance(text_or_syllables, str):
        return _parse_cached(text_or_syllables)
    if isinstance(text_or_syllables, Syllable):
        return (text_or_syllables,)
    return text_or_syllables


def to_marks(text_or_syllables: str | Syllable | Iterable[Syllable]) -> str:
    """Tone-mark spelling, syllables separated by spaces: "nǐ hǎo"."""
    return " ".join(s.marked for s in _syllables(text_or_syllables))


def to_numbers(text_or_syllables: str | Syllable | Iterable[Syllable]) -> str:
    """Tone-number spelling, neutral tone as 5, ü as "ü": "ni3 hao3", "nü3 er2"."""
    return " ".join(s.numbered for s in _syllables(text_or_syllables))


def for_speech(syllables: str | Syllable | Iterable[Syllable]) -> str:
    """Numbered pinyin for espeak-ng's cmn-latn-pinyin voice: ü as v, neutral as 5.

    Erhua is written after the tone number ("hua4r"): espeak then keeps hua's tone and adds
    a light r; "huar4" makes it read hua with tone 1 and a separate "er" with tone 4.
    """
    out = []
    for s in _syllables(syllables):
        text = f"{s.base.replace('ü', 'v')}{s.tone}"
        out.append(text + "r" if s.erhua else text)
    return " ".join(out)


def tone_spans(text: str) -> list[tuple[str, int | None]]:
    """Cut pinyin text as written into (chunk, tone) pieces, for colouring each syllable.

    Joining the chunks gives back `text` exactly. Spaces, punctuation and any word that is
    not valid pinyin (a name in Latin letters, say) come back with tone None.
    """
    spans: list[tuple[str, int | None]] = []

    def plain(start: int, end: int) -> None:
        if start >= end:
            return
        if spans and spans[-1][1] is None:
            spans[-1] = (spans[-1][0] + text[start:end], None)
        else:
            spans.append((text[start:end], None))

    done = 0
    tone = NEUTRAL
    for syllable, start, end in read_syllables(text, lenient=True):
        plain(done, start)
        if syllable is not None:
            tone = syllable.tone
        spans.append((text[start:end], tone))  # a lone erhua r takes its syllable's tone
        done = end
    plain(done, len(text))
    return spans
