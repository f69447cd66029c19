"""The arithmetic of a learner's statistics: study days, streaks, recall, retention, coverage.

Times come in as UTC timestamps grouped by quarter hour (the store groups them; a quarter
hour is small enough that every real time zone's day boundary falls on one), and leave as
the learner's study days: the day rolls over at a local hour (4am by default), and each
quarter is placed with the UTC offset of its own moment, so summer time is right.

Pure: stdlib only, the clock and the zone passed in. Must never import storage, UI or audio.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

QUARTER = 900  # seconds


def study_day_of(timestamp: float, zone: tzinfo, starts_at: int) -> date:
    """The study day a moment belongs to (the day rolls over at `starts_at` local time)."""
    local = datetime.fromtimestamp(timestamp, timezone.utc).astimezone(zone)
    return (local - timedelta(hours=starts_at)).date()


def by_study_day(quarters: Iterable[tuple[int, float, float]], zone: tzinfo,
                 starts_at: int) -> dict[date, tuple[float, float]]:
    """(quarter number, a, b) sums -> study day -> (a, b) sums.

    Quarter number = UTC timestamp // 900. Each quarter is placed by its middle with the
    zone's offset at that hour, so zones 30 or 45 minutes off the hour and summer time
    put every answer on its own day.
    """
    days = StudyDays(zone, starts_at)
    sums: dict[int, list[float]] = {}
    for quarter, a, b in quarters:
        number = days.number(quarter * QUARTER + QUARTER // 2)
        found = sums.get(number)
        if found is None:
            sums[number] = [a, b]
        else:
            found[0] += a
            found[1] += b
    return {_EPOCH + timedelta(days=n): (a, b) for n, (a, b) in sums.items()}


_EPOCH = date(1970, 1, 1)


class StudyDays:
    """Timestamps -> study days, many at a time: the zone's offset is looked up once an hour
    (or, `coarse`, once a UTC day: off by an hour on the two nights a year the clocks change)."""

    def __init__(self, zone: tzinfo, starts_at: int, coarse: bool = False):
        self.zone = zone
        self.shift = starts_at * 3600
        self.step = 86400 if coarse else 3600
        self._offsets: dict[int, float] = {}

    def number(self, timestamp: float) -> int:
        """The study day as a day number (days since 1970-01-01): cheap to group by."""
        bucket = int(timestamp // self.step)
        offset = self._offsets.get(bucket)
        if offset is None:
            moment = datetime.fromtimestamp(bucket * self.step, timezone.utc).astimezone(self.zone)
            offset = self._offsets[bucket] = (moment.utcoffset() or timedelta()).total_seconds() - self.shift
        return int((timestamp + offset) // 86400)

    def day(self, timestamp: float) -> date:
        return _EPOCH + timedelta(days=self.number(timestamp))

    @staticmethod
    def as_date(number: int) -> date:
        return _EPOCH + timedelta(days=number)


@dataclass(frozen=True, slots=True)
class DayRun:
    """Study days in a row that are each exactly 24 hours long: a moment `t` in [start, end)
    falls on day number `first + (t - start) // 86400`. The day summer time begins or ends
    is a run of its own."""

    first: int  # day number (days since 1970-01-01) of the run's first study day
    start: float  # UTC timestamp its first day begins
    end: float  # UTC timestamp its last day ends


def day_runs(days: Iterable[date], start_of) -> list[DayRun]:
    """The study days given (in order, consecutive) as runs of 24-hour days; `start_of(day)` is
    when a study day begins (core.schedule.day_start with the learner's zone and hour)."""
    runs: list[DayRun] = []
    for day in days:
        start, end = start_of(day), start_of(day + timedelta(days=1))
        number = (day - _EPOCH).days
        last = runs[-1] if runs else None
        if (last is not None and end - start == 86400 and last.end == start
                and (last.end - last.start) % 86400 == 0 and number == last.first + (start - last.start) // 86400):
            runs[-1] = DayRun(last.first, last.start, end)
        else:
            runs.append(DayRun(number, start, end))
    return runs


def day_of_number(number: int) -> date:
    return _EPOCH + timedelta(days=number)


@dataclass(frozen=True, slots=True)
class Streak:
    current: int  # days in a row with an answer, ending today (or yesterday, if today has none yet)
    longest: int  # the longest run among the days given
    studied_today: bool


def streak(days: Iterable[date], today: date) -> Streak:
    """The current and the longest run of study days.

    A streak still counts on a day not studied yet: it ends only once a whole day passes.
    """
    studied = sorted(set(days))
    longest = run = 0
    previous = None
    for day in studied:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    present = set(studied)
    end = today if today in present else today - timedelta(days=1)
    current = 0
    while end in present:
        current += 1
        end -= timedelta(days=1)
    return Streak(current, longest, today in present)


def calendar_days(today: date, weeks: int) -> list[date]:
    """The days a calendar heatmap shows: whole weeks, Monday first, ending with the week of today."""
    last_monday = today - timedelta(days=today.weekday())
    first = last_monday - timedelta(weeks=weeks - 1)
    return [first + timedelta(days=i) for i in range((today - first).days + 1)]


def recall_probability(elapsed_days: float, stability: float, decay: float) -> float:
    """FSRS's forgetting curve: the chance to recall a card `elapsed_days` after its last review.

    `decay` is FSRS's (negative) decay; at elapsed = stability the chance is 0.9 by definition.
    """
    if stability <= 0:
        return 0.0
    factor = 0.9 ** (1 / decay) - 1
    return (1 + factor * max(elapsed_days, 0) / stability) ** decay


@dataclass(frozen=True, slots=True)
class Share:
    """How many of `total` went well (answers remembered, words known)."""

    part: int
    total: int

    @property
    def ratio(self) -> float | None:
        return self.part / self.total if self.total else None

    def percent(self) -> str:
        return "-" if not self.total else f"{100 * self.part / self.total:.0f}%"


@dataclass(frozen=True, slots=True)
class Coverage:
    """One HSK level or band: how many of its words the learner knows and is learning."""

    name: str
    words: int
    known: int  # every studied card of the word recalled with probability >= 0.9 now
    learning: int  # started, not known yet


def coverage(levels: Mapping[str, Iterable[tuple[str, str]]],
             recall: Mapping[tuple[str, str], float | None]) -> list[Coverage]:
    """For each level (name -> its words as (hanzi, reading)), the words known and learning.

    `recall` maps each word the learner has started to its weakest card's recall
    probability now (None while a card is still in its first learning steps).
    """
    out = []
    for name, words in levels.items():
        unique = set(words)
        known = learning = 0
        for word in unique:
            if word not in recall:
                continue
            chance = recall[word]
            if chance is not None and chance >= 0.9:
                known += 1
            else:
                learning += 1
        out.append(Coverage(name, len(unique), known, learning))
    return out


def pair_misses(answers: Iterable[tuple[str, bool]]) -> dict[str, Share]:
    """Tone pair ("41") -> (times missed, times asked), from answers of (pair, missed)."""
    asked: dict[str, int] = {}
    missed: dict[str, int] = {}
    for pair, miss in answers:
        asked[pair] = asked.get(pair, 0) + 1
        missed[pair] = missed.get(pair, 0) + int(miss)
    return {pair: Share(missed[pair], asked[pair]) for pair in asked}


def most_missed(pairs: Mapping[str, Share], limit: int = 5, at_least: int = 3) -> list[tuple[str, Share]]:
    """The pairs missed most: by share missed, then by count; pairs asked fewer than `at_least`
    times are left out (one slip in one try says little)."""
    ranked = [(p, s) for p, s in pairs.items() if s.total >= at_least and s.part]
    ranked.sort(key=lambda item: (-(item[1].ratio or 0), -item[1].part, item[0]))
    return ranked[:limit]
