"""Typed answers -> per-syllable verdicts -> a suggested rating.

A learner types pinyin, hanzi or English; this package compares the answer with
every reading the word accepts and says, piece by piece, what was right, which
tone slipped, which syllable was wrong, missing or extra, and which FSRS rating
that suggests (the learner may choose another). One module per kind of answer
(pinyin, hanzi, english), the accepted readings, and the shared verdict types.
Pure: only the standard library, pypinyin and lianxi.core; never I/O, storage, UI
or audio.
"""

from __future__ import annotations

from collections.abc import Sequence

from lianxi.core.cards import CardKind
from lianxi.core.grading.english import grade_english
from lianxi.core.grading.hanzi import contains_hanzi, grade_hanzi
from lianxi.core.grading.pinyin import grade_pinyin, has_tones
from lianxi.core.grading.readings import Reading, readings
from lianxi.core.grading.verdicts import HEADLINES, Grade, Mark, Piece, Verdict, suggest
from lianxi.core.pinyin import Syllable, parse, to_marks

__all__ = [
    "HEADLINES",
    "Grade",
    "Mark",
    "Piece",
    "Reading",
    "Verdict",
    "contains_hanzi",
    "grade_answer",
    "grade_english",
    "grade_hanzi",
    "grade_pinyin",
    "has_tones",
    "readings",
    "suggest",
]


def grade_answer(kind: CardKind | str, typed: str, *, hanzi: str, pinyin: str | Sequence[Syllable],
                 english: Sequence[str] = (), traditional: str = "") -> Grade:
    """Grade what was typed on a card of `kind` for the word (hanzi, pinyin, glosses).

    hanzi -> pinyin cards take pinyin, and any reading of the hanzi counts (the card
    does not say which word is meant). Meaning and cloze cards take hanzi or pinyin of
    this word. Cards that ask for the meaning take English. Raises PinyinError for
    pinyin that cannot be read, so the learner can fix it.
    """
    kind = CardKind(kind)
    sylls = parse(pinyin) if isinstance(pinyin, str) else list(pinyin)
    if kind in (CardKind.RECOGNITION, CardKind.LISTENING):
        return grade_english(typed, english)
    if kind is not CardKind.TYPE_PINYIN and contains_hanzi(typed):
        return grade_hanzi(typed, hanzi, traditional, sylls)
    accepted = readings(hanzi, sylls, other_words=kind is CardKind.TYPE_PINYIN)
    grade = grade_pinyin(typed, accepted)
    if grade.verdict is not Verdict.EXACT and kind is not CardKind.TYPE_PINYIN and typed.strip():
        # Typing another word's reading of the same hanzi deserves a word on why it is wrong here.
        typed_sylls = tuple(parse(typed))
        for other in readings(hanzi, sylls, other_words=True):
            if not other.own and other.syllables == typed_sylls:
                note = f"{to_marks(typed_sylls)} is {other.how}, a different word"
                return Grade(grade.verdict, grade.rating, grade.pieces, grade.expected, note)
    return grade
