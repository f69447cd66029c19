"""Grading typed pinyin: align the learner's syllables with each accepted reading.

Pure: standard library and lianxi.core only; never I/O, storage, UI or audio.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from lianxi.core.grading.readings import Reading
from lianxi.core.grading.verdicts import Grade, Mark, Piece, Verdict, not_answered, suggest, verdict_of
from lianxi.core.pinyin import NEUTRAL, Syllable, parse, to_marks

__all__ = ["grade_pinyin", "has_tones"]


_TONE_MARKS = frozenset("\u0304\u0301\u030c\u0306\u0300")


def has_tones(text: str) -> bool:
    """Whether the learner wrote any tone at all (a number or a mark)."""
    return any(c.isdigit() or c in _TONE_MARKS for c in unicodedata.normalize("NFKD", text))


def _name(s: Syllable) -> str:
    return s.base + ("r" if s.erhua else "")


# Alignment costs: a tone slip is cheaper than an erhua slip, cheaper than a wrong syllable
# (less so when it shares letters with the right one); a missing or extra syllable sits between.
_TONE_COST, _ERHUA_COST, _WRONG_COST, _GAP_COST = 20, 30, 40, 39


def _shared(a: str, b: str) -> int:
    """Letters two spellings share at the start and at the end (xian/xi: 2, li/ni: 1)."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return min(start + end, 9)


def _cost(typed: Syllable, expected: Syllable, tones: bool) -> int:
    if typed.base != expected.base:
        return _WRONG_COST - _shared(typed.base, expected.base)
    if typed.erhua != expected.erhua:
        return _ERHUA_COST
    if not tones:
        return 0 if expected.tone == NEUTRAL else _TONE_COST
    return 0 if typed.tone == expected.tone else _TONE_COST


def _align(typed: Sequence[Syllable], expected: Sequence[Syllable], tones: bool) -> tuple[int, list[Piece]]:
    """Edit-distance alignment of syllables (costs above); returns the cost and the pieces."""
    n, m = len(typed), len(expected)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        table[i][0] = _GAP_COST * i
    for j in range(1, m + 1):
        table[0][j] = _GAP_COST * j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            table[i][j] = min(
                table[i - 1][j - 1] + _cost(typed[i - 1], expected[j - 1], tones),
                table[i - 1][j] + _GAP_COST,
                table[i][j - 1] + _GAP_COST,
            )
    pieces: list[Piece] = []
    i, j = n, m
    while i or j:
        if i and j and table[i][j] == table[i - 1][j - 1] + _cost(typed[i - 1], expected[j - 1], tones):
            t, e = typed[i - 1], expected[j - 1]
            cost = _cost(t, e, tones)
            mark = Mark.RIGHT if cost == 0 else Mark.TONE if cost == _TONE_COST else Mark.WRONG
            pieces.append(Piece(mark, t.marked, e.marked, _name(e),
                                t.tone if tones else None, e.tone))
            i, j = i - 1, j - 1
        elif i and table[i][j] == table[i - 1][j] + _GAP_COST:
            t = typed[i - 1]
            pieces.append(Piece(Mark.EXTRA, t.marked, "", _name(t), t.tone if tones else None))
            i -= 1
        else:
            e = expected[j - 1]
            pieces.append(Piece(Mark.MISSING, "", e.marked, _name(e), None, e.tone))
            j -= 1
    pieces.reverse()
    return table[n][m], pieces


def grade_pinyin(typed: str, accepted: Sequence[Reading], meaning: str = "") -> Grade:
    """Compare typed pinyin with each accepted reading; the closest own one gives the verdict.

    `accepted` comes from `readings` (own ones first, the lesson's main reading first of
    all); `meaning` is the card's, for the message when another word was typed. Another
    word's reading counts only when it matches exactly: then the verdict is "other
    reading" (or "other word"), the pieces compare it with the card's reading, and the
    note says which word was typed and what it means. Raises PinyinError (naming the
    piece) when the answer cannot be read as pinyin, so the learner can fix the typing.
    """
    main = accepted[0] if accepted else None
    if not typed.strip():
        return not_answered(to_marks(main.syllables) if main else "")
    sylls = parse(typed)
    if not sylls or main is None:
        return not_answered(to_marks(main.syllables) if main else "")
    tones = has_tones(typed)
    best: tuple[int, list[Piece], Reading] | None = None
    for reading in accepted:
        cost, pieces = _align(sylls, reading.syllables, tones)
        if not reading.own and (cost or not tones):
            continue
        if best is None or cost < best[0]:
            best = (cost, pieces, reading)
    assert best is not None, "the lesson's own reading is always there"
    _, pieces, reading = best
    if not reading.own:
        _, pieces = _align(sylls, main.syllables, tones)
        verdict = Verdict.OTHER_WORD if reading.without_er else Verdict.OTHER_READING
        said = f"{to_marks(reading.syllables)} is {reading.word}"
        said += f" '{reading.meaning}'" if reading.meaning else f" ({reading.how})"
        card = to_marks(main.syllables) + (f" '{meaning}'" if meaning else "")
        note = f"{said}, a different word; this card is {card}"
        return Grade(verdict, suggest(verdict), tuple(pieces), to_marks(main.syllables), note)
    verdict = verdict_of(pieces)
    note = ""
    if reading is not main and verdict is Verdict.EXACT and reading.how != "as in the lesson":
        note = f"{reading.how}: the lesson writes {to_marks(main.syllables)}"
    elif verdict is not Verdict.EXACT and not tones:
        note = "no tones typed: add tone numbers or marks, like hao3 or hǎo"
    return Grade(verdict, suggest(verdict), tuple(pieces), to_marks(reading.syllables), note)
