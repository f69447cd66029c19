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


def grade_pinyin(typed: str, accepted: Sequence[Reading]) -> Grade:
    """Compare typed pinyin with each accepted reading; the closest one gives the verdict.

    Raises PinyinError (naming the piece) when the answer cannot be read as pinyin, so
    the learner can fix the typing before the card is graded. A reading of another word
    (other_words in `readings`) counts only when it matches exactly.
    """
    if not typed.strip():
        return not_answered(to_marks(accepted[0].syllables) if accepted else "")
    sylls = parse(typed)
    if not sylls:
        return not_answered(to_marks(accepted[0].syllables) if accepted else "")
    tones = has_tones(typed)
    best: tuple[int, int, list[Piece], Reading] | None = None
    for index, reading in enumerate(accepted):
        cost, pieces = _align(sylls, reading.syllables, tones)
        if not reading.own and cost:
            continue
        if best is None or cost < best[0]:
            best = (cost, index, pieces, reading)
    assert best is not None, "readings() always gives the lesson's own reading"
    _, _, pieces, reading = best
    verdict = verdict_of(pieces)
    note = ""
    if not reading.own:
        note = f"{to_marks(reading.syllables)} is {reading.how}; this card's word is {to_marks(accepted[0].syllables)}"
    elif reading is not accepted[0] and verdict is Verdict.EXACT:
        note = f"{reading.how}: the lesson writes {to_marks(accepted[0].syllables)}"
    elif verdict is not Verdict.EXACT and not tones:
        note = "no tones typed: add tone numbers or marks, like hao3 or hǎo"
    shown = to_marks(reading.syllables) if reading.own else to_marks(accepted[0].syllables)
    return Grade(verdict, suggest(verdict, pieces), tuple(pieces), shown, note)
