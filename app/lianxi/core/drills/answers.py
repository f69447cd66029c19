"""Whether an answer to a drill item was right: one entry point for every drill."""

from __future__ import annotations

from lianxi.core.drills.dictation import check_dictation
from lianxi.core.drills.items import Drill, Item, Verdict, typed_digits
from lianxi.core.drills.tone_pairs import check_pair
from lianxi.core.drills.tones import check_tone
from lianxi.core.lexicon import EMPTY, Lexicon


def check(item: Item, typed: str, lexicon: Lexicon = EMPTY) -> Verdict:
    """Whether `typed` (keys pressed or text typed) answers `item` (`lexicon`: see core.grading)."""
    if item.drill is Drill.TONES:
        return check_tone(item, typed)
    if item.drill is Drill.PAIRS:
        return check_pair(item, typed)
    if item.drill is Drill.DICTATION:
        return check_dictation(item, typed, lexicon)
    return _check_choice(item, typed)


def _check_choice(item: Item, typed: str) -> Verdict:
    digits = typed_digits(typed)
    if len(digits) != 1 or not 1 <= digits[0] <= len(item.options):
        return Verdict(False, f"Press 1-{len(item.options)}.", typed, readable=False)
    picked = digits[0] - 1
    picked_text = item.options[picked]
    if picked == item.answer_index:
        return Verdict(True, f"Right: {item.shown}.", picked_text)
    return Verdict(False, f"It was {item.shown}, not {picked_text}.", picked_text)
