"""Which study day a review card comes back on: the fuzz range, load balancing, light days.

FSRS gives an interval in days; like Anki, Lianxi then picks the due day among the
days the fuzz range allows (the same range py-fsrs fuzzes within), so cards learned
together drift apart. With load balancing on, days that already have many reviews
are less likely to be picked (as Anki 24.11 does); with light days, the weekdays the
learner marks get about half a normal day's reviews. The choice never leaves the
fuzz range, so the memory model is untouched: only *which* allowed day changes.

Pure: the random generator and the counts of cards due per day are passed in.
Must never import storage, UI or audio.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from fsrs.scheduler import FUZZ_RANGES

# Balance only within this many days ahead (Anki uses 90): the counts further out change
# before those cards come due, and the window keeps the count query small.
BALANCE_DAYS = 100
# A light day aims at about this share of a normal day's reviews.
LIGHT_DAY_SHARE = 0.5


def fuzz_range(interval: int, maximum: int = 36500) -> tuple[int, int]:
    """The days py-fsrs may fuzz an interval to (both ends included).

    Intervals under 2.5 days are not fuzzed; longer ones get a margin that grows
    by 15% of the days between 2.5 and 7, 10% up to 20 and 5% beyond, plus one day.
    """
    if interval < 2.5:
        return interval, interval
    margin = 1.0
    for band in FUZZ_RANGES:
        margin += band["factor"] * max(min(float(interval), band["end"]) - band["start"], 0.0)
    low = max(2, round(interval - margin))
    high = min(round(interval + margin), maximum)
    return min(low, high), high


class DueLoad:
    """How many review cards are due on each study day, kept current as answers come in.

    Built once (one indexed query) when a session starts; each answer moves one card,
    so the answer path never counts the collection again.
    """

    def __init__(self, counts: Mapping[date, int], first: date, days: int = BALANCE_DAYS):
        self.first = first
        self.last = first + timedelta(days=days)
        self._counts = {day: n for day, n in counts.items() if first <= day <= self.last}

    def count(self, day: date) -> int:
        return self._counts.get(day, 0)

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last

    def move(self, before: date | None, after: date | None) -> None:
        """A card that was due on `before` (None: not a review) is now due on `after`."""
        if before is not None and self.covers(before) and self._counts.get(before, 0) > 0:
            self._counts[before] -= 1
        if after is not None and self.covers(after):
            self._counts[after] = self._counts.get(after, 0) + 1

    def spread(self, days: Iterable[date]) -> list[int]:
        return [self.count(day) for day in days]


def choose_due_day(
    today: date,
    low: int,
    high: int,
    draw: float,
    *,
    load: DueLoad | None = None,
    light_days: frozenset[int] = frozenset(),
) -> int:
    """An interval in [low, high] days from `today`, weighted towards quiet days.

    `draw` is a number in [0, 1) that picks among the weighted days (see `unit_draw`).
    Without load or light days every day of the range is equally likely (plain fuzz).
    With load: weight 1 / (interval * fill**2), where fill is the day's reviews plus
    this card, divided by the day's share (1, or LIGHT_DAY_SHARE on a light weekday).
    The 1/interval term keeps balancing from lengthening intervals on average.
    """
    if high <= low:
        return low
    choices = range(low, high + 1)
    balance = load is not None and load.covers(today + timedelta(days=high))
    if not balance and not light_days:
        return min(low + int(draw * (high - low + 1)), high)
    weights = []
    for days in choices:
        day = today + timedelta(days=days)
        share = LIGHT_DAY_SHARE if day.weekday() in light_days else 1.0
        if balance:
            fill = (load.count(day) + 1) / share
            weights.append(1.0 / (days * fill * fill))
        else:
            weights.append(share * share)
    target = draw * sum(weights)
    for days, weight in zip(choices, weights):
        target -= weight
        if target < 0:
            return days
    return high


def unit_draw(seed: int, salt: int = 0) -> float:
    """A number in [0, 1) fixed by (seed, salt): splitmix64, far cheaper than seeding a Random."""
    x = (seed * 0x9E3779B97F4A7C15 + salt * 0xBF58476D1CE4E5B9 + 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    x ^= x >> 31
    return x / 2.0**64
