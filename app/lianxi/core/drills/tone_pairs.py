"""The tone pairs drill: hear a two-syllable word, type its two tones."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence

from lianxi.core.drills.confusion import Confusion, lean_choice, missed_share, other_than_last
from lianxi.core.drills.items import Drill, Item, Verdict, typed_digits
from lianxi.core.drills.words import STARTER_WORDS, DrillWord
from lianxi.core.pinyin import NEUTRAL, PinyinError, to_marks

PAIR_CLASSES: tuple[str, ...] = tuple(f"{a}{b}" for a in (1, 2, 3, 4) for b in (1, 2, 3, 4, 5))


def pair_class(word: DrillWord) -> str | None:
    """"41" for 面包 (tones as written), or None if the word is no use to the pairs drill."""
    if len(word.hanzi) != 2 or "一" in word.hanzi or "不" in word.hanzi:
        return None
    try:
        syllables = word.syllables
    except PinyinError:
        return None
    if len(syllables) != 2 or any(s.erhua for s in syllables):
        return None
    key = f"{syllables[0].tone}{syllables[1].tone}"
    return key if key in PAIR_CLASSES else None


def pair_words(words: Iterable[DrillWord]) -> dict[str, list[DrillWord]]:
    """Pair class -> words in it; the starter words are always there, the learner's added."""
    out: dict[str, list[DrillWord]] = {k: [] for k in PAIR_CLASSES}
    seen: set[str] = set()
    for word in (*words, *STARTER_WORDS):
        key = pair_class(word)
        if key and word.hanzi not in seen:
            seen.add(word.hanzi)
            out[key].append(word)
    return out


def choose_pair(rng: random.Random, by_class: Mapping[str, Sequence[DrillWord]],
                stats: Mapping[str, tuple[int, int]], confusion: Confusion | None = None,
                avoid: str | None = None) -> Item:
    """A word whose tone pair is chosen evenly at first, then toward the learner's mistakes:
    the pair's own record, plus (from the confusion table) how often its two tones are missed.
    `avoid` is the word played last: never the same word twice in a row."""
    keys = [k for k in PAIR_CLASSES if any(w.hanzi != avoid for w in by_class.get(k, ()))] or \
        [k for k in PAIR_CLASSES if by_class.get(k)]

    def weight(k: str) -> float:
        score = missed_share(stats, k) ** 2
        if confusion is not None and confusion.total:
            score += 0.5 * max(confusion.error_rate(int(k[0])), confusion.error_rate(int(k[1]))) ** 2
        return score + 0.02

    key = lean_choice(rng, keys, stats, weight)
    word = rng.choice(other_than_last(by_class[key], avoid, lambda w: w.hanzi))
    return Item(Drill.PAIRS, key, key, hanzi=word.hanzi, pinyin=word.pinyin, english=word.english,
                note_id=word.note_id, shown=f"{word.hanzi} {to_marks(word.pinyin)}")


def check_pair(item: Item, typed: str) -> Verdict:
    digits = tuple(NEUTRAL if d == 0 else d for d in typed_digits(typed))
    written = (int(item.expected[0]), int(item.expected[1]))
    answer = "".join(map(str, digits))
    if len(digits) != 2:
        return Verdict(False, "Type two tones, like 41 (5 = neutral).", answer, readable=False)
    if digits == written:
        return Verdict(True, f"Right: {item.shown}, tones {written[0]}-{written[1]}.", answer,
                       tuple(zip(written, digits)))
    if written == (3, 3) and digits == (2, 3):
        # 3-3 is said 2-3: the learner heard exactly what was played.
        return Verdict(True, f"Right: {item.shown} is written 3-3 and said 2-3.", answer, ((3, 3), (3, 3)))
    return Verdict(False, f"It was {item.shown}: tones {written[0]}-{written[1]} (you typed "
                   f"{digits[0]}-{digits[1]}).", answer, tuple(zip(written, digits)))
