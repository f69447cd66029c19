"""What the learner confuses (tone heard x tone answered), and choices that lean toward their mistakes."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lianxi.core.drills.items import TONES
from lianxi.core.pinyin import NEUTRAL

# Answers a learner gives before the choice leans toward their mistakes.
BALANCE_ROUNDS = 2


@dataclass(frozen=True, slots=True)
class Confusion:
    """Tone heard x tone answered, as counts. Row = what was played."""

    counts: Mapping[tuple[int, int], int] = field(default_factory=dict)

    def count(self, heard: int, answered: int) -> int:
        return self.counts.get((heard, answered), 0)

    def heard(self, tone: int) -> int:
        return sum(self.count(tone, a) for a in TONES)

    def error_rate(self, tone: int) -> float:
        """Share of wrong answers when `tone` was played, smoothed so 0 answers give 0.5."""
        total = self.heard(tone)
        return (total - self.count(tone, tone) + 1) / (total + 2)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """The table as text: one row per tone heard, one column per tone answered, % right."""
        names = {1: "1", 2: "2", 3: "3", 4: "4", NEUTRAL: "5 (neutral)"}
        out = [f"{'heard / answered':<17}" + "".join(f"{a:>6}" for a in TONES) + "   right"]
        for heard in TONES:
            total = self.heard(heard)
            right = f"{round(100 * self.count(heard, heard) / total):>4}%" if total else "    -"
            cells = "".join(f"{self.count(heard, a):>6}" for a in TONES)
            out.append(f"{names[heard]:<17}{cells}   {right}")
        return out


def lean_choice(rng: random.Random, keys: Sequence, stats: Mapping, weight=None):
    """Balanced until every key has BALANCE_ROUNDS answers, then weighted toward mistakes.

    `stats` maps key -> (asked, wrong). The weight is the smoothed error rate, squared so
    that a pair the learner gets wrong half the time comes up clearly more often.
    """
    asked = {k: stats.get(k, (0, 0))[0] for k in keys}
    least = min(asked.values())
    if least < BALANCE_ROUNDS:
        return rng.choice([k for k in keys if asked[k] == least])
    if weight is None:
        def weight(k):
            return missed_share(stats, k) ** 2 + 0.02
    return rng.choices(list(keys), weights=[weight(k) for k in keys])[0]


def missed_share(stats: Mapping, key) -> float:
    """How often `key` was missed, smoothed so 0 answers give 0.5: (wrong + 1) / (asked + 2).

    `stats` maps key -> (asked, wrong). Every drill weighs its choices by this.
    """
    asked, wrong = stats.get(key, (0, 0))
    return (wrong + 1) / (asked + 2)


def other_than_last(choices: Sequence, avoid: str | None, played) -> list:
    """The choices without the one played last (all of them if nothing else is left)."""
    rest = [c for c in choices if avoid is None or played(c) != avoid]
    return rest or list(choices)
