"""A card's answers as FSRS reads them: ratings with the study days since the previous one.

The optimizer and the rescheduler both start from the review log. FSRS counts time in
days between reviews (0 for another answer the same study day: the learning steps,
which train its short-term memory weights), with days that start at the learner's
day-start hour in the learner's zone, each moment with its own offset.

Pure: rows come in, tuples go out. Must never import storage, UI or audio.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone, tzinfo

from lianxi.core.schedule import study_day

QUARTER_HOUR = 900


class StudyDays:
    """The study day of many moments, quickly: one zone lookup per quarter hour.

    Every zone offset in use is a whole number of quarter hours, so a day boundary
    (the day-start hour, local time) always falls on a quarter hour in UTC too, and
    all moments of one UTC quarter hour share their study day.
    """

    def __init__(self, zone: tzinfo, starts_at: int = 4):
        self.zone = zone
        self.starts_at = starts_at
        self._cache: dict[int, int] = {}

    def number(self, timestamp: float) -> int:
        """The study day of a Unix time, as a date ordinal (consecutive days differ by 1)."""
        bucket = int(timestamp // QUARTER_HOUR)
        day = self._cache.get(bucket)
        if day is None:
            moment = datetime.fromtimestamp(bucket * QUARTER_HOUR, timezone.utc)
            day = self._cache[bucket] = study_day(moment, self.zone, self.starts_at).toordinal()
        return day

    def date(self, timestamp: float) -> date:
        return date.fromordinal(self.number(timestamp))


def card_histories(
    rows: Iterable[tuple[int, int, float]], days: StudyDays
) -> Iterator[tuple[int, list[tuple[int, int]], float]]:
    """(card id, [(rating, days since the previous answer)], time of the last answer) per card.

    `rows` are (card id, rating, reviewed_at) ordered by card, then time. The first
    answer of a card has 0 days. Ratings outside 1..4 are skipped (never written by Lianxi).
    """
    current: int | None = None
    history: list[tuple[int, int]] = []
    previous = 0
    last_time = 0.0
    for card_id, rating, reviewed_at in rows:
        if card_id != current:
            if current is not None and history:
                yield current, history, last_time
            current, history = card_id, []
        if not 1 <= rating <= 4:
            continue
        day = days.number(reviewed_at)
        history.append((rating, day - previous if history else 0))
        previous, last_time = day, reviewed_at
    if current is not None and history:
        yield current, history, last_time
