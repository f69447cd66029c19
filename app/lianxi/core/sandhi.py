"""Spoken forms: how syllables are said, from how a dictionary writes them.

Third-tone sandhi, 一 and 不, neutral tones and erhua. Speech, the tone colours of
a spoken line, grading (which accepts the spoken form) and classroom read from here.
Pure: imports only the standard library, pypinyin and lianxi.core; never I/O, UI,
storage or audio.
"""

from __future__ import annotations

from lianxi.core.pinyin import NEUTRAL, Syllable, hanzi_reading, is_hanzi

__all__ = ["apply_sandhi", "word_reading"]

# Bases that never take an erhua r (the syllable er itself, e, and the syllabic nasals).
_NO_ERHUA = frozenset({"er", "e", "ê", "m", "n", "ng", "hm", "hng"})

# Characters that make 一 a number read in full (第一, 十一, 一九八四): it keeps tone 1.
_NUMBER_BEFORE = frozenset("第〇零一二三四五六七八九十百千万亿两")
_DIGIT_AFTER = frozenset("〇零一二三四五六七八九")


def apply_sandhi(syllables: list[Syllable], hanzi: str | None = None) -> list[Syllable]:
    """Spoken tones for citation tones. Returns a new list; the input is not changed.

    Rules (a simplification, kept predictable for learners):
    - 一 and 不 are found only through `hanzi` (yi1/bu4 alone could be 衣, 部...). `hanzi` may
      contain punctuation; its hanzi must match `syllables` one to one.
    - 一: A一A (看一看) -> neutral; after 第 or a number, or before a digit (第一, 十一,
      一九八四), or at the end of a phrase -> yi1; before tone 4 or neutral -> yi2;
      before tones 1, 2, 3 -> yi4.
    - 不: A不A (好不好) -> neutral; before tone 4 -> bu2; otherwise bu4.
    - Third tones: in a run of third tones, going from the right, a third tone followed by
      a third tone becomes second (你好 ni2 hao3, 我很好 wo3 hen2 hao3, 我也很好
      wo2 ye3 hen2 hao3). Phrase ends (punctuation in `hanzi`) break runs.
    """
    n = len(syllables)
    tones = [s.tone for s in syllables]
    # phrase_end[i]: nothing (or only punctuation) follows syllable i in its phrase.
    phrase_end = [i == n - 1 for i in range(n)]
    if hanzi is not None:
        positions = [k for k, ch in enumerate(hanzi) if is_hanzi(ch)]
        if len(positions) != n:
            raise ValueError(
                f"apply_sandhi: {n} syllables but {len(positions)} hanzi in {hanzi!r}"
            )
        chars = [hanzi[k] for k in positions]
        for i in range(n - 1):
            phrase_end[i] = positions[i + 1] != positions[i] + 1
        for i, ch in enumerate(chars):
            if ch not in "一不":
                continue
            prev = chars[i - 1] if i > 0 and not phrase_end[i - 1] else ""
            nxt = chars[i + 1] if not phrase_end[i] else ""
            if prev and prev == nxt:
                tones[i] = NEUTRAL
                continue
            next_tone = syllables[i + 1].tone if nxt else None
            if ch == "一" and syllables[i].base == "yi":
                if not nxt or prev in _NUMBER_BEFORE or nxt in _DIGIT_AFTER:
                    tones[i] = 1
                elif next_tone in (4, NEUTRAL):
                    tones[i] = 2
                else:
                    tones[i] = 4
            elif ch == "不" and syllables[i].base == "bu" and syllables[i].tone in (2, 4):
                tones[i] = 2 if next_tone == 4 else 4
    for i in range(n - 2, -1, -1):
        if tones[i] == 3 and tones[i + 1] == 3 and not phrase_end[i]:
            tones[i] = 2
    return [
        s if s.tone == t else Syllable(s.base, t, s.erhua)
        for s, t in zip(syllables, tones, strict=True)
    ]


def word_reading(hanzi: str) -> list[Syllable]:
    """pypinyin's citation reading of hanzi, a neutral 儿 after a syllable merged as erhua (一会儿)."""
    out: list[Syllable] = []
    for s in hanzi_reading(hanzi):
        # pypinyin reads only an erhua 儿 as a neutral er (一会儿), never 而, 二 or 女儿's 儿.
        if s.base == "er" and s.tone == NEUTRAL and out and not out[-1].erhua and out[-1].base not in _NO_ERHUA:
            out[-1] = Syllable(out[-1].base, out[-1].tone, True)
        else:
            out.append(s)
    return out
