"""Grading typed hanzi: character by character, homophones from the input method named.

Pure: standard library, pypinyin and lianxi.core only; never I/O, storage, UI or audio.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from lianxi.core.grading.readings import hanzi_per_syllable
from lianxi.core.grading.verdicts import Grade, Mark, Piece, Verdict, not_answered, suggest, verdict_of
from lianxi.core.hanzi import is_hanzi
from lianxi.core.hanzi import hanzi_reading
from lianxi.core.pinyin import NEUTRAL, PinyinError, Syllable
from lianxi.core.schedule import Rating

__all__ = ["contains_hanzi", "grade_hanzi"]

_ERHUA_CHAR = "儿"


def contains_hanzi(text: str) -> bool:
    return any(is_hanzi(c) for c in text)


def _align_chars(typed: str, expected: str) -> tuple[int, list[Piece]]:
    n, m = len(typed), len(expected)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        table[i][0] = i
    for j in range(1, m + 1):
        table[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = typed[i - 1] == expected[j - 1]
            table[i][j] = min(table[i - 1][j - 1] + (0 if same else 1), table[i - 1][j] + 1, table[i][j - 1] + 1)
    pieces: list[Piece] = []
    i, j = n, m
    while i or j:
        if i and j and table[i][j] == table[i - 1][j - 1] + (0 if typed[i - 1] == expected[j - 1] else 1):
            same = typed[i - 1] == expected[j - 1]
            pieces.append(Piece(Mark.RIGHT if same else Mark.WRONG, typed[i - 1], expected[j - 1]))
            i, j = i - 1, j - 1
        elif i and table[i][j] == table[i - 1][j] + 1:
            pieces.append(Piece(Mark.EXTRA, typed[i - 1]))
            i -= 1
        else:
            pieces.append(Piece(Mark.MISSING, "", expected[j - 1]))
            j -= 1
    pieces.reverse()
    return table[n][m], pieces


def _sounds_like(typed: str, expected: Syllable | None) -> bool:
    """The typed character's usual reading is the expected syllable (a neutral one: any tone).

    Only the usual reading: rare readings would make almost any slip "sound the same".
    """
    if expected is None:
        return False
    try:
        reading = hanzi_reading(typed)
    except PinyinError:
        return False
    return len(reading) == 1 and reading[0].base == expected.base and (
        reading[0].tone == expected.tone or expected.tone == NEUTRAL)


def grade_hanzi(typed: str, hanzi: str, traditional: str = "",
                syllables: Sequence[Syllable] = ()) -> Grade:
    """Compare typed characters with the word (simplified or traditional), character by character.

    A wrong character that sounds the same (the input method offered a homophone)
    suggests Hard; other mistakes Again. A final 儿 may be left out of an erhua word.
    """
    written = "".join(c for c in unicodedata.normalize("NFKC", typed) if is_hanzi(c))
    target = "".join(c for c in hanzi if is_hanzi(c))
    if not written:
        return not_answered(hanzi)
    forms = [(target, "")]
    if traditional and traditional != hanzi:
        forms.append(("".join(c for c in traditional if is_hanzi(c)), "the traditional form"))
    if any(s.erhua for s in syllables) and target.endswith(_ERHUA_CHAR):
        forms.append((target[:-1], "without erhua"))
    best = min((_align_chars(written, form) + (form, how) for form, how in forms), key=lambda x: x[0])
    _, pieces, form, how = best
    slots = hanzi_per_syllable(hanzi, syllables) if syllables else None
    sound = {}
    if slots is not None:
        trad = [c for c in traditional if is_hanzi(c)] if traditional else []
        for k, (ch, s) in enumerate(zip(slots, syllables, strict=True)):
            sound[ch] = s
            if k < len(trad):
                sound.setdefault(trad[k], s)
    pieces = [
        Piece(p.mark, p.typed, p.expected, note="sounds the same")
        if p.mark is Mark.WRONG and _sounds_like(p.typed, sound.get(p.expected)) else p
        for p in pieces
    ]
    verdict = verdict_of(pieces)
    homophones_only = all(p.note for p in pieces if p.mark is not Mark.RIGHT)
    rating = Rating.Hard if verdict is Verdict.WRONG_SYLLABLE and homophones_only else suggest(verdict)
    note = f"{how}: {hanzi}" if how and verdict is Verdict.EXACT else ""
    return Grade(verdict, rating, tuple(pieces), form if verdict is Verdict.EXACT else hanzi, note)
