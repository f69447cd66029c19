"""Use case: reschedule every studied card when the FSRS parameters change.

Each card's memory (stability, difficulty) is worked out again from its whole review
history under the new parameters, as Anki does, and each review card's due day from
that memory: the study day of its last answer plus the new interval, chosen within
the fuzz range (and load balanced) like any answer. The work happens in memory first;
then one short transaction writes every card and the new parameters together
(`store.schedule.write_schedule`), so a kill leaves the old schedule or the new one.

Histories are replayed with fsrs-rs when it is installed (fast) and with py-fsrs
otherwise; both give the same memory (tests/study/test_reschedule.py checks it).
Must never import Textual or click.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from lianxi.core.due_days import DueLoad, choose_due_day, fuzz_range, unit_draw
from lianxi.core.review_history import StudyDays, card_histories
from lianxi.core.schedule import Scheduler, Settings, State, card_seed
from lianxi.store.schedule import NewMemory, review_log, studied_cards, write_schedule
from lianxi.study.fsrs_rs import library

if TYPE_CHECKING:
    from lianxi.study.learner import Learner


@dataclass(frozen=True, slots=True)
class Rescheduled:
    cards: int  # cards whose memory and due day were written
    work_seconds: float  # replaying histories (no lock held)
    write_seconds: float  # the one transaction


def new_schedule(learner: Learner, settings: Settings, now: datetime) -> list[NewMemory]:
    """Every studied card's memory and due day under `settings` (nothing is written)."""
    conn = learner.progress.conn
    days = StudyDays(learner.zone, settings.day_starts_at)
    cards = {c.id: c for c in studied_cards(conn)}
    histories = {card_id: (history, last) for card_id, history, last in card_histories(review_log(conn), days)
                 if card_id in cards}
    memories = _replay(histories, settings, learner, days)
    scheduler = Scheduler(settings, learner.zone)
    today = days.date(now.timestamp())
    load = DueLoad({}, today) if settings.load_balance else None
    out = []
    # Earliest answers first, so load balancing sees the cards in the order they were answered.
    for card in sorted(cards.values(), key=lambda c: c.last_review or 0):
        stability, difficulty = memories.get(card.id, (card.stability, card.difficulty))
        if stability is None or difficulty is None:
            continue
        due = None
        if card.state == State.REVIEW:
            last = histories[card.id][1] if card.id in histories else card.last_review
            base = days.date(last if last is not None else now.timestamp())
            plain = scheduler.interval_days(stability)
            low, high = fuzz_range(plain, settings.maximum_interval_days) if settings.fuzz else (plain, plain)
            chosen = plain if not settings.fuzz else choose_due_day(
                base, low, high, unit_draw(card_seed(card.id, card.reps)), load=load,
                light_days=settings.light_days,
            )
            if load is not None:
                load.move(None, base + timedelta(days=chosen))
            due = scheduler.start_of(base + timedelta(days=chosen)).timestamp()
        out.append(NewMemory(card.id, stability, difficulty, due, card.reps))
    return out


def reschedule(learner: Learner, settings: Settings, *, store: dict | None = None,
               now: datetime | None = None) -> Rescheduled:
    """Recompute and write every studied card's schedule (and `store` settings) in one transaction."""
    now = now or learner.clock()
    started = time.perf_counter()
    cards = new_schedule(learner, settings, now)
    computed = time.perf_counter()
    changed = write_schedule(learner.progress.conn, cards, store)
    return Rescheduled(changed, computed - started, time.perf_counter() - computed)


def _replay(histories: dict[int, tuple[list[tuple[int, int]], float]], settings: Settings,
            learner: Learner, days: StudyDays) -> dict[int, tuple[float, float]]:
    """card id -> (stability, difficulty) after its whole history."""
    lib = library()
    ids = list(histories)
    if lib is not None:
        model = lib.FSRS(list(settings.parameters))
        items = [lib.FSRSItem([lib.FSRSReview(r, gap) for r, gap in histories[i][0]]) for i in ids]
        states = model.memory_state_batch(items)
        return {i: (s.stability, s.difficulty) for i, s in zip(ids, states)}
    # py-fsrs: replay the same study days (moments at noon of each day keep gaps exact)
    scheduler = Scheduler(settings, timezone.utc)
    out = {}
    for i in ids:
        history, last = histories[i]
        day = days.number(last) - sum(gap for _, gap in history)
        moments = []
        for step, (rating, gap) in enumerate(history):
            day += gap
            moment = datetime.combine(date.fromordinal(day), datetime.min.time(), timezone.utc)
            moments.append((rating, moment + timedelta(hours=settings.day_starts_at + 8, seconds=step)))
        memory = scheduler.replay(moments)
        out[i] = (memory.stability, memory.difficulty)
    return out
