"""Use cases for typed cards: check what the learner typed, choose a lesson's card kinds.

The screens and the tests go through here, so grading a card and turning kinds
on or off follow the same rules everywhere. Must never import Textual.
"""

from __future__ import annotations

from collections.abc import Iterable

from lianxi.core.cards import KIND_ORDER, SIDES, CardKind
from lianxi.core.errors import UserError
from lianxi.core.grading import Grade, grade_answer
from lianxi.core.grading.readings import learner_meaning
from lianxi.core.hanzi import is_hanzi
from lianxi.core.pinyin import parse
from lianxi.core.sandhi import dictionary_reading
from lianxi.lexicon import bundled_lexicon
from lianxi.core.cards import StudyCard

# Listening cards follow the listening feature's own rules, not the lesson's choice.
CHOOSABLE_KINDS = tuple(k for k in KIND_ORDER if k is not CardKind.LISTENING)

KIND_LABELS = {
    CardKind.RECOGNITION: "Hanzi → say the meaning and pinyin",
    CardKind.RECALL: "Meaning → say the hanzi and pinyin",
    CardKind.TYPE_PINYIN: "Hanzi → type the pinyin",
    CardKind.TYPE_HANZI: "Meaning → type the hanzi or the pinyin",
    CardKind.CLOZE: "Sentence with a gap → type the word",
    CardKind.SAY: "Hanzi and pinyin → say it, see your tones (microphone)",
}


class NoKindsChosen(UserError):
    """Every kind of card was turned off."""


def is_typed(card: StudyCard | None) -> bool:
    """Whether this card asks for a typed answer."""
    return card is not None and SIDES[CardKind(card.kind)].typed


def check_answer(card: StudyCard, typed: str) -> Grade:
    """Grade a typed answer to `card`; raises PinyinError for pinyin that cannot be read.

    A word the lesson teaches with several readings (得 de, dé, děi) takes each of them
    and each of their meanings; another reading of the same hanzi that the lesson does not
    teach is named, not accepted (core.grading.readings has the rules).
    """
    english = card.english + tuple(g for r in card.other_readings for g in r.english)
    return grade_answer(card.kind, typed, hanzi=card.hanzi, pinyin=card.numbered, english=english,
                        traditional=card.traditional, also=[r.syllables for r in card.other_readings],
                        lexicon=bundled_lexicon())


def grade_typed(hanzi: str, typed: str, reading: str | None = None) -> Grade:
    """Grade `typed` as the review screen grades a card showing `hanzi` (`lianxi grade`).

    Pinyin is graded as on a hanzi -> pinyin card, hanzi as on a meaning -> hanzi card.
    `reading` is the card's pinyin; without it, the dictionary's reading of the hanzi.
    Raises UserError (PinyinError) for text it cannot read.
    """
    lexicon = bundled_lexicon()
    if not any(is_hanzi(ch) for ch in hanzi):
        raise UserError(f"'{hanzi}' has no Chinese characters: give the word in hanzi, like 你好")
    if reading is not None and reading.strip():
        syllables = parse(reading)
        if not syllables:
            raise UserError(f"--pinyin '{reading}' has no syllables: write it like nǐ hǎo or ni3 hao3")
    else:
        syllables = dictionary_reading(hanzi, lexicon=lexicon)
    english = tuple(learner_meaning(r.meaning) for r in lexicon.readings(hanzi)[:1] if r.syllables == tuple(syllables))
    kind = CardKind.TYPE_HANZI if any(is_hanzi(ch) for ch in typed) else CardKind.TYPE_PINYIN
    return grade_answer(kind, typed, hanzi=hanzi, pinyin=syllables, english=english, lexicon=lexicon)


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
