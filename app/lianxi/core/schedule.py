"""Spaced repetition with FSRS, and the learner's study day.

A thin, pure wrapper over py-fsrs: every function takes `now` (UTC) as an
argument and never reads the clock. Must never import storage, UI or audio.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import IntEnum

import fsrs

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


class Scheduler:
    """Grades move a card's memory forward; `preview` says what each grade would give."""

    def __init__(self, settings: Settings = Settings()):
        self.settings = settings
        common = dict(
            desired_retention=settings.desired_retention,
            learning_steps=settings.learning_steps,
            relearning_steps=settings.relearning_steps,
            maximum_interval=settings.maximum_interval_days,
        )
        self._fsrs = fsrs.Scheduler(enable_fuzzing=settings.fuzz, **common)
        # Buttons show the unfuzzed interval, as Anki does; fuzz is applied on answer.
        self._plain = fsrs.Scheduler(enable_fuzzing=False, **common)

    def review(self, memory: Memory, rating: Rating, now: datetime) -> Memory:
        card, _ = self._fsrs.review_card(_to_fsrs(memory, now), Rating(rating), now)
        return _from_fsrs(card)

    def preview(self, memory: Memory, now: datetime) -> dict[Rating, timedelta]:
        start = _to_fsrs(memory, now)
        out = {}
        for rating in Rating:
            card, _ = self._plain.review_card(start, rating, now)
            out[rating] = card.due - now
        return out


def _to_fsrs(memory: Memory, now: datetime) -> fsrs.Card:
    if memory.state is State.NEW:
        return fsrs.Card(card_id=0, due=now)
    return fsrs.Card(
        card_id=0, state=fsrs.State(int(memory.state)), step=memory.step,
        stability=memory.stability, difficulty=memory.difficulty,
        due=memory.due or now, last_review=memory.last_review,
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
    return (local - timedelta(hours=starts_at)).date()


def day_start(day: date, tz: tzinfo, starts_at: int = 4) -> datetime:
    """When study day `day` begins, in UTC."""
    return datetime.combine(day, time(starts_at), tzinfo=tz).astimezone(timezone.utc)
