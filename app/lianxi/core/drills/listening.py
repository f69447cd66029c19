"""The listening drill: hear a word, pick its meaning of four."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from lianxi.core.drills.confusion import missed_share, other_than_last
from lianxi.core.drills.items import Drill, Item
from lianxi.core.drills.words import DrillWord
from lianxi.core.pinyin import to_marks


def _meaning(word: DrillWord) -> str:
    return "; ".join(word.english[:2])


def choose_listen(rng: random.Random, words: Sequence[DrillWord],
                  stats: Mapping[str, tuple[int, int]] | None = None, avoid: str | None = None) -> Item:
    """A word to hear and four meanings to choose from, the others plausible: same level,
    preferably the same kind of word and the same length. Needs four distinct meanings.
    `avoid` is the word played last: it is never asked twice in a row."""
    stats = stats or {}
    by_meaning: dict[str, DrillWord] = {}
    for word in words:
        by_meaning.setdefault(_meaning(word).lower(), word)
    pool = list(by_meaning.values())
    if len(pool) < 4:
        raise ValueError("the listening drill needs at least four words with different meanings")
    # words asked less often, or missed, come first: the same smoothed weight as elsewhere
    candidates = other_than_last(pool, avoid, lambda w: w.hanzi)
    target = rng.choices(candidates, weights=[missed_share(stats, w.hanzi) for w in candidates])[0]
    length = len(target.hanzi)

    def plausibility(word: DrillWord) -> float:
        score = 2.0 if set(word.tags) & set(target.tags) else 0.0
        score += 1.0 if len(word.hanzi) == length else 0.0
        score += 0.5 if word.lesson_id == target.lesson_id else 0.0
        return score + rng.random()  # random tie-break

    others = sorted((w for w in pool if w is not target), key=plausibility, reverse=True)[:3]
    choices = [target, *others]
    rng.shuffle(choices)
    index = choices.index(target)
    return Item(Drill.LISTEN, target.hanzi, _meaning(target), hanzi=target.hanzi, pinyin=target.pinyin,
                options=tuple(_meaning(w) for w in choices), answer_index=index, english=target.english,
                note_id=target.note_id, shown=f"{target.hanzi} {to_marks(target.pinyin)}: {_meaning(target)}")
