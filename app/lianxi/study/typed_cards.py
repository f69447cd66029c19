"""Use cases for typed cards: check what the learner typed, choose a lesson's card kinds.

The screens and the tests go through here, so grading a card and turning kinds
on or off follow the same rules everywhere. Must never import Textual.
"""

from __future__ import annotations

from collections.abc import Iterable

from lianxi.core.cards import KIND_ORDER, SIDES, CardKind
from lianxi.core.errors import UserError
from lianxi.core.grading import Grade, Verdict, grade_answer
from lianxi.core.cards import StudyCard

# Listening cards follow the listening feature's own rules, not the lesson's choice.
CHOOSABLE_KINDS = tuple(k for k in KIND_ORDER if k is not CardKind.LISTENING)

KIND_LABELS = {
    CardKind.RECOGNITION: "Hanzi → say the meaning and pinyin",
    CardKind.RECALL: "Meaning → say the hanzi and pinyin",
    CardKind.TYPE_PINYIN: "Hanzi → type the pinyin",
    CardKind.TYPE_HANZI: "Meaning → type the hanzi or the pinyin",
    CardKind.CLOZE: "Sentence with a gap → type the word",
}


class NoKindsChosen(UserError):
    """Every kind of card was turned off."""


def is_typed(card: StudyCard | None) -> bool:
    """Whether this card asks for a typed answer."""
    return card is not None and SIDES[CardKind(card.kind)].typed


def check_answer(card: StudyCard, typed: str) -> Grade:
    """Grade a typed answer to `card`; raises PinyinError for pinyin that cannot be read.

    A word the lesson teaches with several readings (得 de, dé, děi) takes each of them
    and each of their meanings: the answer is graded against every reading, and the
    first exact one wins; otherwise the grade against the main reading stands.
    """
    english = card.english + tuple(g for r in card.other_readings for g in r.english)
    grades = []
    for numbered in (card.numbered, *(r.numbered for r in card.other_readings)):
        grade = grade_answer(card.kind, typed, hanzi=card.hanzi, pinyin=numbered, english=english,
                             traditional=card.traditional)
        if grade.verdict is Verdict.EXACT:
            return grade
        grades.append(grade)
    return grades[0]


def lesson_kinds(learner, lesson_id: str) -> tuple[CardKind, ...]:
    """The kinds of card the lesson makes now."""
    return learner.progress.card_kinds(lesson_id)


def choose_kinds(learner, lesson_id: str, kinds: Iterable[CardKind]) -> tuple[CardKind, ...]:
    """Turn the chosen kinds on and the others off; progress on cards turned off is kept.

    A kind the learner cannot choose here (listening) keeps its current state.
    """
    chosen = {CardKind(k) for k in kinds}
    if not chosen & set(CHOOSABLE_KINDS):
        raise NoKindsChosen("keep at least one kind of card on for this lesson")
    kept = {k for k in lesson_kinds(learner, lesson_id) if k not in CHOOSABLE_KINDS}
    ordered = tuple(k for k in KIND_ORDER if k in chosen | kept)
    learner.progress.set_card_kinds(lesson_id, ordered)
    return ordered
