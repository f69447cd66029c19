"""Spaced repetition with FSRS, and the learner's study day.

A pure wrapper over py-fsrs: every function takes `now` (UTC) and the learner's time
zone as arguments and never reads the clock. Must never import storage, UI or audio.

Days are study days, as in Anki: a day begins at `day_starts_at` o'clock local time,
with the zone offset *of that moment* (a real zone such as zoneinfo's follows
daylight-saving changes; never add `timedelta(days=1)` to a day start, ask
`day_start(day + 1)`). So

- a review card with an interval of N days is due at the start of the study day N days
  after the day it was answered: answered Monday 18:33 with 2 days, it is shown from
  Wednesday 04:00, not Wednesday 18:33;
- the days elapsed since a card's last review, which FSRS turns into the chance of
  recalling it, are counted in study days (as the optimizer counts them), not in
  24-hour periods;
- learning steps (minutes) stay minutes.

The due day is chosen within the fuzz range (`core.due_days`), from a seed the caller
derives from the card, so the interval a grade button shows is the one the answer uses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import IntEnum

import fsrs
from fsrs.scheduler import DEFAULT_PARAMETERS

from lianxi.core.due_days import DueLoad, choose_due_day, fuzz_range, unit_draw

Rating = fsrs.Rating


class State(IntEnum):
    """A card's place in learning. NEW has never been shown; the rest are FSRS's."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True, slots=True)
class Settings:
    desired_retention: float = 0.9
    new_per_day: int = 10
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval_days: int = 36500
    day_starts_at: int = 4  # local hour at which "today" begins
    fuzz: bool = True  # spread reviews so words learned together do not stay together
    parameters: tuple[float, ...] = tuple(DEFAULT_PARAMETERS)  # FSRS-6's 21 weights
    load_balance: bool = True  # within the fuzz range, prefer days with fewer reviews
    light_days: frozenset[int] = field(default_factory=frozenset)  # weekdays (0 = Monday) with fewer reviews


# What each learner setting may be. The command line, the settings screen and a stored
# value read back from the database are all checked against this one table.
SETTING_LIMITS: dict[str, tuple[float, float]] = {
    "desired_retention": (0.7, 0.97),
    "new_per_day": (0, 200),
    "day_starts_at": (0, 23),
}


def valid_setting(name: str, value) -> bool:
    """Whether `value` is usable for setting `name`: a finite number in range (whole where it must be)."""
    if name not in SETTING_LIMITS or isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if not math.isfinite(value):
        return False
    if name != "desired_retention" and value != int(value):
        return False
    low, high = SETTING_LIMITS[name]
    return low <= value <= high


@dataclass(frozen=True, slots=True)
class Memory:
    """What the scheduler knows about one card."""

    state: State = State.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one grade does to a card: its new memory, and the interval its button shows."""

    memory: Memory
    interval: timedelta  # a learning step, or whole study days until the due day
    days: int | None = None  # study days until due (review cards); None for a learning step
    allowed: tuple[int, int] | None = None  # the fuzz range `days` was chosen in


class Scheduler:
    """Grades move a card's memory forward; `outcomes` says what each grade would give."""

    def __init__(self, settings: Settings = Settings(), zone: tzinfo = timezone.utc):
        self.settings = settings
        self.zone = zone
        self._fsrs = fsrs.Scheduler(
            parameters=settings.parameters,
            desired_retention=settings.desired_retention,
            learning_steps=settings.learning_steps,
            relearning_steps=settings.relearning_steps,
            maximum_interval=settings.maximum_interval_days,
            enable_fuzzing=False,  # the due day is chosen here, within the same range
        )

    # -- days ------------------------------------------------------------------

    def day_of(self, moment: datetime) -> date:
        return study_day(moment, self.zone, self.settings.day_starts_at)

    def start_of(self, day: date) -> datetime:
        return day_start(day, self.zone, self.settings.day_starts_at)

    def due_day(self, memory: Memory) -> date | None:
        """The study day a review card is due on (None for new and learning cards)."""
        if memory.state is not State.REVIEW or memory.due is None:
            return None
        return self.day_of(memory.due)

    # -- grading ---------------------------------------------------------------

    def outcomes(self, memory: Memory, now: datetime, *, seed: int = 0,
                 load: DueLoad | None = None, upto: Rating | None = None) -> dict[Rating, Outcome]:
        """What each grade would give, exactly as `review` will apply it at the same study day.

        `seed` comes from the card (its id and number of reviews), so asking twice gives the
        same due days; `load` (review cards due per study day) steers them to quiet days.
        `upto` stops after that grade (a grade's day depends only on the grades below it).
        """
        today = self.day_of(now)
        start = _to_fsrs(memory, now, today, self)
        out: dict[Rating, Outcome] = {}
        floor = 0  # Hard <= Good <= Easy: a better grade never comes back sooner
        if upto is None:
            ratings = list(Rating)
        elif upto is Rating.Again:
            ratings = [Rating.Again]
        else:
            ratings = [r for r in (Rating.Hard, Rating.Good, Rating.Easy) if r <= upto]
        for rating in ratings:
            card, _ = self._fsrs.review_card(start, rating, now)
            after = _from_fsrs(card)
            if after.state is not State.REVIEW:
                out[rating] = Outcome(after, card.due - now)
                continue
            plain = max((card.due - now).days, 1)
            low, high = fuzz_range(plain, self.settings.maximum_interval_days) if self.settings.fuzz else (plain, plain)
            if rating is not Rating.Again:
                low = min(max(low, floor), high)
            days = plain if not self.settings.fuzz else choose_due_day(
                today, low, high, unit_draw(seed, int(rating)),
                load=load if self.settings.load_balance else None,
                light_days=self.settings.light_days,
            )
            if rating is not Rating.Again:
                floor = days + 1
            due = self.start_of(today + timedelta(days=days))
            out[rating] = Outcome(replace(after, due=due), timedelta(days=days), days, (low, high))
        return out

    def review(self, memory: Memory, rating: Rating, now: datetime, *, seed: int = 0,
               load: DueLoad | None = None) -> Memory:
        return self.outcomes(memory, now, seed=seed, load=load, upto=Rating(rating))[Rating(rating)].memory

    def preview(self, memory: Memory, now: datetime, *, seed: int = 0,
                load: DueLoad | None = None) -> dict[Rating, timedelta]:
        """The interval each grade's button shows (the one `review` uses)."""
        return {r: o.interval for r, o in self.outcomes(memory, now, seed=seed, load=load).items()}

    def replay(self, reviews: Sequence[tuple[int, datetime]]) -> Memory:
        """A card's memory from its whole history of (rating, moment), under these settings."""
        memory = Memory()
        for rating, moment in reviews:
            start = _to_fsrs(memory, moment, self.day_of(moment), self)
            card, _ = self._fsrs.review_card(start, Rating(rating), moment)
            memory = _from_fsrs(card)
        return memory

    def interval_days(self, stability: float) -> int:
        """FSRS-6's interval for a stability at the desired retention (whole days, unfuzzed).

        The forgetting curve R(t) = (1 + factor * t / S) ** -decay solved for R = retention,
        rounded and kept within 1 day .. the maximum, as py-fsrs does when it grades.
        """
        decay = -self.settings.parameters[20]
        factor = 0.9 ** (1 / decay) - 1
        days = round(stability / factor * (self.settings.desired_retention ** (1 / decay) - 1))
        return min(max(days, 1), self.settings.maximum_interval_days)


def card_seed(card_id: int, reps: int) -> int:
    """The seed a card's due day is drawn with: fixed for one answer, new for the next (as Anki)."""
    return card_id * 1_000 + reps


def _to_fsrs(memory: Memory, now: datetime, today: date, scheduler: Scheduler) -> fsrs.Card:
    if memory.state is State.NEW:
        return fsrs.Card(card_id=0, due=now)
    last = memory.last_review
    if last is not None:
        # py-fsrs counts elapsed 24-hour periods; FSRS (and its optimizer) mean study days.
        gap = (today - scheduler.day_of(last)).days
        last = now - timedelta(days=gap) if gap > 0 else max(min(last, now), now - timedelta(hours=23))
    return fsrs.Card(
        card_id=0, state=fsrs.State(int(memory.state)), step=memory.step,
        stability=memory.stability, difficulty=memory.difficulty,
        due=memory.due or now, last_review=last,
    )


def _from_fsrs(card: fsrs.Card) -> Memory:
    return Memory(
        state=State(int(card.state)), step=card.step, stability=card.stability,
        difficulty=card.difficulty, due=card.due, last_review=card.last_review,
    )


def format_interval(delta: timedelta) -> str:
    """Short, honest interval text for a grade button: 1m, 10m, 3h, 2d, 1.5mo, 1.2y."""
    seconds = max(delta.total_seconds(), 0)
    minutes = seconds / 60
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


def study_day(now: datetime, tz: tzinfo, starts_at: int = 4) -> date:
    """The learner's study day: it rolls over at `starts_at` o'clock local time."""
    local = now.astimezone(tz)
    return (local.replace(tzinfo=None) - timedelta(hours=starts_at)).date()


def day_start(day: date, tz: tzinfo, starts_at: int = 4) -> datetime:
    """When study day `day` begins, in UTC (with the zone offset of that moment)."""
    return datetime.combine(day, time(starts_at), tzinfo=tz).astimezone(timezone.utc)


def next_day_start(now: datetime, tz: tzinfo, starts_at: int = 4) -> datetime:
    """When the study day after the one `now` falls in begins (23 or 25 hours away on DST days)."""
    return day_start(study_day(now, tz, starts_at) + timedelta(days=1), tz, starts_at)
