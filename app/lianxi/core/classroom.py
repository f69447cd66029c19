"""What a class goes through: shuffled words, tone pairs, listening questions, dictation order.

Shared by classroom mode (the projector) and worksheets (paper), so the
dictation the tutor plays in class is the order printed on the answer key.
Pure: the random seed is an argument. Must never import storage, UI or audio.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from lianxi.core.lessons import Lesson, Word
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.sandhi import spoken_form


def shuffled(words: Sequence[Word], seed: int | str | None) -> list[Word]:
    out = list(words)
    random.Random(seed).shuffle(out)
    return out


def dictation_order(lesson: Lesson, count: int | None = None) -> list[Word]:
    """The words of a dictation, always in the same order for the same lesson (paper and class agree)."""
    words = shuffled(lesson.words, f"{lesson.id}:dictation")
    return words[:count] if count else words


@dataclass(frozen=True, slots=True)
class TonePair:
    """A word of two or more syllables, with its tones as written and as said."""

    word: Word
    tones: tuple[int, ...]
    spoken: tuple[int, ...]  # after sandhi: 你好 is written 3 3 and said 2 3

    @property
    def label(self) -> str:
        return " + ".join(str(t) if t != 5 else "neutral" for t in self.tones)


def tone_pairs(lesson: Lesson, seed: int | str | None, *, lexicon: Lexicon = EMPTY) -> list[TonePair]:
    out = []
    for word in lesson.words:
        if len(word.syllables) < 2:
            continue
        spoken = spoken_form(word.hanzi, word.syllables, lexicon=lexicon).syllables
        out.append(TonePair(word, tuple(s.tone for s in word.syllables), tuple(s.tone for s in spoken)))
    return shuffled(out, seed)


@dataclass(frozen=True, slots=True)
class ListeningQuestion:
    """Play `word`; the room picks it from `options` (the answer is options[answer])."""

    word: Word
    options: tuple[Word, ...]
    answer: int


def listening_questions(lesson: Lesson, seed: int | str | None, choices: int = 4) -> list[ListeningQuestion]:
    rng = random.Random(seed)
    order = list(lesson.words)
    rng.shuffle(order)
    questions = []
    for word in order:
        others = [w for w in lesson.words if w.key != word.key]
        options = rng.sample(others, min(choices - 1, len(others))) + [word]
        rng.shuffle(options)
        questions.append(ListeningQuestion(word, tuple(options), options.index(word)))
    return questions
