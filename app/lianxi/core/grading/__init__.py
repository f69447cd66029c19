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
from lianxi.core.grading.verdicts import not_answered
from lianxi.core.lesson_pinyin import latin_parts, without_latin
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.schedule import Rating
from lianxi.core.pinyin import Syllable, parse

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
                 english: Sequence[str] = (), traditional: str = "",
                 also: Sequence[str | Sequence[Syllable]] = (), lexicon: Lexicon = EMPTY) -> Grade:
    """Grade what was typed on a card of `kind` for the word (hanzi, pinyin, glosses).

    Cards that ask for the meaning take English. The others take pinyin (any accepted
    form of the card's own readings: `pinyin` and the other readings the lesson teaches
    with it, `also`), and meaning and cloze cards hanzi too. Another reading of the same
    hanzi is never right: it is named, with its meaning ("other reading"). `lexicon` gives
    word structure, dictionary readings and other words' meanings (lianxi.lexicon).
    Raises PinyinError for pinyin that cannot be read, so the learner can fix it.
    """
    kind = CardKind(kind)
    sylls = parse(pinyin) if isinstance(pinyin, str) else list(pinyin)
    more = [parse(r) if isinstance(r, str) else list(r) for r in also]
    if kind in (CardKind.RECOGNITION, CardKind.LISTENING):
        return grade_english(typed, english)
    if kind is not CardKind.TYPE_PINYIN and contains_hanzi(typed):
        return grade_hanzi(typed, hanzi, traditional, sylls)
    meaning = "; ".join(english[:2])
    if latin_parts(hanzi):  # 卡拉OK: the learner may type the Latin part too (kǎlā OK)
        if not sylls and not more:  # 3D: nothing but the letters to type
            right = typed.replace(" ", "").casefold() == "".join(latin_parts(hanzi)).casefold()
            if not typed.strip():
                return not_answered(hanzi)
            return Grade(Verdict.EXACT if right else Verdict.WRONG, Rating.Good if right else Rating.Again,
                         (), hanzi)
        typed = without_latin(typed, hanzi)
    return grade_pinyin(typed, readings(hanzi, sylls, also=more, lexicon=lexicon), meaning)
