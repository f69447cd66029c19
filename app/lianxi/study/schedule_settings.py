"""Use case: the learner's scheduling settings, and the due counts load balancing reads.

Stored in the settings table: "schedule" holds the simple choices (retention, new
cards a day, day start, load balancing, light days); "fsrs_parameters" holds fitted
FSRS-6 parameters with the date they were fitted (absent: FSRS's defaults).
Must never import Textual or click.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from lianxi.core import parameters as fsrs_parameters
from lianxi.core.due_days import BALANCE_DAYS, DueLoad
from lianxi.core.review_history import StudyDays
from lianxi.core.schedule import Settings, day_start, valid_setting
from lianxi.store.schedule import PARAMETERS_KEY, answer_quarter_hours, due_times, move_dues, review_dues

if TYPE_CHECKING:
    from lianxi.store.progress import Progress
    from lianxi.study.learner import Learner

NUMBER_KEYS = ("desired_retention", "new_per_day", "day_starts_at")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class FittedParameters:
    """Parameters fitted to this learner's reviews, and what the fit showed."""

    parameters: tuple[float, ...]
    fitted_on: str  # ISO date
    reviews: int
    log_loss: float | None = None
    rmse: float | None = None


def fitted(progress: Progress) -> FittedParameters | None:
    """The learner's fitted parameters, or None (defaults; also when the stored ones are unusable)."""
    stored = progress.setting(PARAMETERS_KEY)
    if not isinstance(stored, dict):
        return None
    try:
        values = fsrs_parameters.clean(stored.get("parameters") or [])
    except fsrs_parameters.BadParameters:
        return None  # never let a damaged setting stop reviews; `optimize --reset` clears it
    return FittedParameters(values, str(stored.get("fitted_on", "")), int(stored.get("reviews", 0) or 0),
                            stored.get("log_loss"), stored.get("rmse"))


def scheduler_settings(progress: Progress, *, fuzz: bool = True) -> Settings:
    """The scheduler's settings as the learner chose them (defaults for anything unset)."""
    stored = progress.setting("schedule", {}) or {}
    if not isinstance(stored, dict):
        stored = {}
    # a value that is not usable (edited by hand, or stored by an older version) falls back to the default
    known = {k: v for k, v in stored.items() if k in NUMBER_KEYS and valid_setting(k, v)}
    if isinstance(stored.get("load_balance"), bool):
        known["load_balance"] = stored["load_balance"]
    days = stored.get("light_days", [])
    light = frozenset(d for d in days if isinstance(d, int) and 0 <= d <= 6) if isinstance(days, list) else frozenset()
    fit = fitted(progress)
    params = fit.parameters if fit else fsrs_parameters.DEFAULTS
    return Settings(fuzz=fuzz, light_days=light, parameters=params, **known)


def light_day_names(days: frozenset[int]) -> str:
    return " ".join(WEEKDAYS[d] for d in sorted(days)) or "none"


def parse_light_days(words: list[str]) -> list[int]:
    """Weekday names (mon, Tuesday, sat...) to numbers; `none` clears them."""
    days: set[int] = set()
    for word in words:
        key = word.strip().lower()[:3]
        if key in ("non", "off", ""):
            continue
        names = [w.lower() for w in WEEKDAYS]
        if key not in names:
            raise ValueError(word)
        days.add(names.index(key))
    return sorted(days)


def due_load(learner: Learner, now: datetime) -> DueLoad:
    """Review cards due on each study day from today to BALANCE_DAYS ahead (one indexed query)."""
    settings = learner.settings
    days = StudyDays(learner.zone, settings.day_starts_at)
    today = date.fromordinal(days.number(now.timestamp()))
    since = day_start(today, learner.zone, settings.day_starts_at).timestamp()
    until = day_start(today + timedelta(days=BALANCE_DAYS + 1), learner.zone, settings.day_starts_at).timestamp()
    counts: dict[date, int] = {}
    for due, n in due_times(learner.progress.conn, since, until):
        day = days.date(due)
        counts[day] = counts.get(day, 0) + n
    return DueLoad(counts, today)


ALIGNED_KEY = "due_days_aligned"  # the day-start hour review cards' due times are aligned to


def align_due_days(learner: Learner, previous_hour: int | None = None) -> int:
    """Move every review card's due time to the start of its study day; returns the cards moved.

    Run once for cards scheduled before due days existed (they kept the time of day they
    were answered), and whenever the day-start hour changes: a card due on Wednesday stays
    due on Wednesday, from the new hour. One short transaction.
    """
    hour = learner.settings.day_starts_at
    aligned = learner.progress.setting(ALIGNED_KEY)
    if previous_hour is None and aligned == hour:
        return 0
    if previous_hour is None:
        previous_hour = aligned if isinstance(aligned, int) and 0 <= aligned <= 23 else hour
    before, after = StudyDays(learner.zone, previous_hour), {}
    moves = []
    for card_id, due in review_dues(learner.progress.conn):
        day = before.number(due)
        start = after.get(day)
        if start is None:
            start = after[day] = day_start(date.fromordinal(day), learner.zone, hour).timestamp()
        if start != due:
            moves.append((start, card_id))
    move_dues(learner.progress.conn, moves, {ALIGNED_KEY: hour})
    return len(moves)


def change_day_start(learner: Learner, hour: int) -> int:
    """A new day-start hour; review cards keep their due day, from the new hour."""
    previous = learner.settings.day_starts_at
    align_due_days(learner)  # anything still unaligned, at the old hour
    learner.change_settings(day_starts_at=hour)
    return align_due_days(learner, previous) if previous != hour else 0


def answer_days(learner: Learner) -> list[int]:
    """Study days with at least one answer, newest first (date ordinals), each moment with its own offset."""
    days = StudyDays(learner.zone, learner.settings.day_starts_at)
    seen: list[int] = []
    for quarter in answer_quarter_hours(learner.progress.conn):
        day = days.number(quarter * 900)
        if not seen or seen[-1] != day:
            seen.append(day)
    return seen
