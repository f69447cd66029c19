"""The tones drill: hear one syllable, press its tone 1-5."""

from __future__ import annotations

import random
from functools import lru_cache

from lianxi.core.drills.confusion import Confusion, lean_choice, other_than_last
from lianxi.core.drills.items import TONES, Drill, Item, Verdict, typed_digits
from lianxi.core.pinyin import NEUTRAL, PinyinError, Syllable, parse
from lianxi.core.syllables import VALID_SYLLABLES

# Said alone, a neutral tone only makes sense for these everyday particles and suffixes.
_NEUTRAL_SYLLABLES = ("de", "le", "ma", "ne", "ba", "zi", "men", "me")


@lru_cache(maxsize=1)
def attested_syllables() -> dict[int, tuple[str, ...]]:
    """tone -> syllables that some common character is read with in that tone.

    Taken from pypinyin's character readings (CJK Unified Ideographs only), so a drill
    never plays a syllable that does not exist in Mandarin, like "fia3" or "bei2".
    """
    from pypinyin.pinyin_dict import pinyin_dict  # noqa: PLC0415 - large; load only when drilling

    found: dict[int, set[str]] = {t: set() for t in TONES}
    for code, readings in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        for reading in readings.split(","):
            try:
                syllables = parse(reading)
            except PinyinError:
                continue
            if len(syllables) == 1 and not syllables[0].erhua and syllables[0].tone != NEUTRAL:
                found[syllables[0].tone].add(syllables[0].base)
    found[NEUTRAL] = set(_NEUTRAL_SYLLABLES)
    # syllabic nasals (嗯 ng) are interjections, not drill material
    return {t: tuple(sorted(b for b in bases if b in VALID_SYLLABLES and b not in ("m", "n", "ng", "hm", "hng")))
            for t, bases in found.items()}


def choose_tone(rng: random.Random, confusion: Confusion, avoid: str | None = None) -> Item:
    """A syllable to hear; tones the learner gets wrong more often come up more often.

    `avoid` is what was played last: never the same syllable twice in a row."""
    stats = {t: (confusion.heard(t), confusion.heard(t) - confusion.count(t, t)) for t in TONES}

    def weight(tone: int) -> float:
        # the neutral tone alone is a lesser skill: half the share
        return confusion.error_rate(tone) ** 2 * (0.5 if tone == NEUTRAL else 1) + 0.02

    tone = lean_choice(rng, TONES, stats, weight)
    syllable = Syllable(rng.choice(other_than_last(attested_syllables()[tone], avoid, lambda b: Syllable(b, tone).numbered)),
                        tone)
    return Item(Drill.TONES, str(tone), str(tone), pinyin=syllable.numbered,
                options=("1", "2", "3", "4", "5"), answer_index=tone - 1, shown=syllable.marked)


def check_tone(item: Item, typed: str) -> Verdict:
    digits = typed_digits(typed)
    heard = int(item.expected)
    if len(digits) != 1:
        return Verdict(False, "Press one tone, 1-5 (5 = neutral).", typed, readable=False)
    answered = NEUTRAL if digits[0] == 0 else digits[0]
    if answered == heard:
        return Verdict(True, f"Right: {item.shown} is tone {heard}.", str(answered), ((heard, answered),))
    return Verdict(False, f"It was {item.shown}, tone {heard} (you said {answered}).", str(answered),
                   ((heard, answered),))
