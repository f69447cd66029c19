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

DAY = 86400
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


class StudyDays:
    """The study day of many moments, quickly: the zone is asked twice per UTC day.

    When the zone's offset is the same at both ends of a UTC day (every day but the
    few with a daylight-saving change), every moment of it is shifted by that offset;
    on change days each moment is looked up on its own.
    """

    def __init__(self, zone: tzinfo, starts_at: int = 4):
        self.zone = zone
        self.starts_at = starts_at
        self._offsets: dict[int, float | None] = {}

    def _offset(self, utc_day: int) -> float | None:
        """The zone offset (seconds) all through this UTC day, or None if it changes during it."""
        if utc_day not in self._offsets:
            first = datetime.fromtimestamp(utc_day * DAY, timezone.utc).astimezone(self.zone).utcoffset()
            last = datetime.fromtimestamp(utc_day * DAY + DAY - 1, timezone.utc).astimezone(self.zone).utcoffset()
            self._offsets[utc_day] = first.total_seconds() if first == last else None
        return self._offsets[utc_day]

    def number(self, timestamp: float) -> int:
        """The study day of a Unix time, as a date ordinal (consecutive days differ by 1)."""
        offset = self._offset(int(timestamp // DAY))
        if offset is None:
            moment = datetime.fromtimestamp(timestamp, timezone.utc)
            return study_day(moment, self.zone, self.starts_at).toordinal()
        return EPOCH_ORDINAL + int((timestamp + offset - self.starts_at * 3600) // DAY)

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
