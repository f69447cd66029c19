"""Use case: the speaking drill: say tone pairs and the words of your lessons, one after another.

Tone pairs come from the pairs drill's word list (every one of the 20 pair classes, the
learner's own two-syllable words among them); the learner's words come from the chosen
lesson or level, or all their lessons (the everyday starter words before any lesson). Said words are judged in the moment and not stored:
speaking practice keeps no record of how a learner sounded. Must never import Textual.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from lianxi.core.drills.tone_pairs import choose_pair, pair_words
from lianxi.core.drills.words import STARTER_WORDS, DrillWord
from lianxi.core.pinyin import PinyinError
from lianxi.study.drills import learner_words

MAX_SYLLABLES = 4  # longer words and phrases are for the "say it" card, not a quick drill


@dataclass(frozen=True, slots=True)
class SpeakingItem:
    hanzi: str
    pinyin: str
    english: tuple[str, ...] = ()
    kind: str = "pair"  # "pair" (a tone pair) or "word" (from the learner's lessons)


def _count(word: DrillWord) -> int:
    try:
        return len(word.syllables)
    except PinyinError:
        return 0


class SpeakingDrill:
    """Alternates a tone pair and one of the learner's words; never the same word twice in a row."""

    def __init__(self, learner, *, lesson_id: str | None = None, level: str | None = None,
                 rng: random.Random | None = None):
        self.rng = rng or random.Random()
        words = learner_words(learner, lesson_id, level)
        self.pairs = pair_words(words)
        self.words = [w for w in words if 1 <= _count(w) <= MAX_SYLLABLES] or list(STARTER_WORDS)
        self.asked = 0
        self.last: str | None = None

    def next(self) -> SpeakingItem:
        if self.asked % 2 == 0:
            item = choose_pair(self.rng, self.pairs, {}, None, avoid=self.last)
            chosen = SpeakingItem(item.hanzi or "", item.pinyin or "", item.english, "pair")
        else:
            pool = [w for w in self.words if w.hanzi != self.last] or self.words
            word: DrillWord = self.rng.choice(pool)
            chosen = SpeakingItem(word.hanzi, word.pinyin, word.english, "word")
        self.asked += 1
        self.last = chosen.hanzi
        return chosen
