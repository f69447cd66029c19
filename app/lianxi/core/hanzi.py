"""Hanzi: whether a character is one, and how hanzi are read (pypinyin's readings, citation tones).

Pure: standard library, pypinyin and lianxi.core only.
"""

from __future__ import annotations

from functools import lru_cache

from lianxi.core.syllables import VALID_SYLLABLES, PinyinError, Syllable

__all__ = ["CITATION", "char_readings", "count_hanzi", "hanzi_reading", "is_hanzi"]


def is_hanzi(ch: str) -> bool:
    """True for a CJK ideograph (the characters a syllable is read for)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= code <= 0x4DBF  # Extension A
        or 0x20000 <= code <= 0x3134F  # Extensions B-G
        or 0xF900 <= code <= 0xFAFF  # Compatibility Ideographs
        or code == 0x3007  # 〇
    )


def count_hanzi(text: str) -> int:
    return sum(1 for ch in text if is_hanzi(ch))


# pypinyin's phrase list already writes some 一/不 sandhi (一个 yí gè, 不是 bú shì);
# hanzi_reading gives citation tones, so these are put back.
CITATION = {"一": Syllable("yi", 1), "不": Syllable("bu", 4)}


def hanzi_reading(hanzi: str) -> list[Syllable]:
    """Citation reading of the hanzi in `hanzi`, one Syllable per hanzi, in context.

    Uses pypinyin's phrase-aware reading (so 银行 is yin2 hang2); characters that are not
    hanzi (punctuation, Latin letters, digits) are skipped. Tones are as in a dictionary,
    before sandhi: pass the result to apply_sandhi for the spoken tones.
    """
    return list(_hanzi_reading_cached(hanzi))


@lru_cache(maxsize=4096)
def _hanzi_reading_cached(hanzi: str) -> tuple[Syllable, ...]:
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415 - slow to import; only needed here

    out: list[Syllable] = []
    run_start = None
    for k, ch in enumerate(hanzi + "\n"):
        if is_hanzi(ch):
            if run_start is None:
                run_start = k
            continue
        if run_start is None:
            continue
        run = hanzi[run_start:k]
        run_start = None
        readings = lazy_pinyin(
            run, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True, errors=list
        )
        if len(readings) != len(run):
            raise PinyinError(
                f"no reading known for some of '{run}' (write its pinyin in the lesson)", run
            )
        for char, reading in zip(run, readings, strict=True):
            if not reading or not reading[-1].isdigit() or reading == char:
                raise PinyinError(
                    f"no reading known for '{char}' (write its pinyin in the lesson)", char
                )
            base, tone = reading[:-1], int(reading[-1])
            if char in CITATION and base == CITATION[char].base:
                out.append(CITATION[char])
            elif base in VALID_SYLLABLES:
                out.append(Syllable(base, tone))
            else:  # a handful of rare characters have readings outside standard Mandarin
                raise PinyinError(
                    f"no standard reading known for '{char}' ({reading}); "
                    "write its pinyin in the lesson",
                    char,
                )
    return tuple(out)


@lru_cache(maxsize=4096)
def char_readings(char: str) -> tuple[Syllable, ...]:
    """Every reading pypinyin knows for one hanzi, the usual one first (长: chang2, zhang3)."""
    from pypinyin import Style, pinyin  # noqa: PLC0415 - slow to import; only needed here

    out: list[Syllable] = []
    for options in pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True,
                          v_to_u=True, errors=lambda _: [])[:1]:
        for text in options:
            base, tone = text[:-1], text[-1:]
            if tone.isdigit() and base in VALID_SYLLABLES and 1 <= int(tone) <= 5:
                syllable = Syllable(base, int(tone))
                if syllable not in out:
                    out.append(syllable)
    return tuple(out)
