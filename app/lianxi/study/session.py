"""Use case: a review session, one card at a time, each answer stored at once.

An answer the database cannot take right now (another program holds the write lock
longer than an answer may wait, or the disk is full) is kept in memory, in order, and
written as soon as it can be (before the next answer, and whenever the screen asks):
nothing already answered is lost, and the learner is told plainly how many answers
wait and why. Its card is not shown again meanwhile. Must never import Textual.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lianxi.core.cards import StudyCard
from lianxi.core.due_days import DueLoad
from lianxi.core.schedule import Memory, Rating, Scheduler, State, card_seed, format_interval, next_day_start
from lianxi.store.queue import Counts
from lianxi.study.learner import LEARN_AHEAD, MORE_NEW
from lianxi.study.saving import NotSaved, UnsavedAnswer, save_now
from lianxi.study.schedule_settings import due_load

if TYPE_CHECKING:
    from lianxi.study.learner import Learner

# Study ahead: cards coming due within this many days.
AHEAD_DAYS = 7


@dataclass(frozen=True, slots=True)
class Answered:
    """What undo needs: the card as it was, and the review row to take back."""

    card: StudyCard
    review_id: int | None  # None while the answer waits to be written
    new_left_before: int
    reviews_left_before: int | None
    pending: UnsavedAnswer | None = None


@dataclass(frozen=True, slots=True)
class Nothing:
    """Why a review has nothing to show: the numbers, and the plain words the screens use."""

    new_waiting: int  # words with a new card beyond today's allowance
    new_limit: int  # new cards allowed today (the daily setting plus any `+`)
    held: int  # words waiting for tomorrow because a sibling card was studied today
    capped: int  # words due beyond today's review cap
    review_cap: int
    ahead: int  # words coming due in the next AHEAD_DAYS days (study ahead)
    reviewed: int  # answers in this session
    studying_ahead: bool = False

    @property
    def more_new(self) -> bool:
        """Whether `+` (more new cards today) would give something to study."""
        return self.new_waiting > 0

    @property
    def study_ahead(self) -> bool:
        return self.ahead > 0 and not self.studying_ahead

    def lines(self) -> list[str]:
        """What the "nothing to do" screen says, one reason a line (plain text)."""
        # how many words were reviewed is the session summary's to say (it counts words, not answers)
        out = ["All done for now." if self.reviewed else "Nothing to review right now."]
        if self.studying_ahead:
            out.append(f"Nothing more comes due in the next {AHEAD_DAYS} days.")
            return out
        if self.new_waiting:
            out.append(f"You have had today's {self.new_limit} new cards; {_words(self.new_waiting)} "
                       f"{_wait(self.new_waiting)} in your lessons. Press + to allow {MORE_NEW} more today.")
        if self.capped:
            out.append(f"You reached today's limit of {self.review_cap} reviews; {_words(self.capped)} "
                       f"{_wait(self.capped)} for tomorrow (lianxi settings reviews-per-day changes it).")
        if self.held:
            out.append(f"{_words(self.held).capitalize()} {_wait(self.held)} for tomorrow: another card of the "
                       "same word was studied today, and each word comes once a day.")
        if self.ahead:
            out.append(f"{_words(self.ahead).capitalize()} {'comes' if self.ahead == 1 else 'come'} due in the "
                       f"next {AHEAD_DAYS} days: press a to study ahead.")
        if len(out) == 1:
            out.append("Come back tomorrow for the next ones.")
        return out


def nothing_today(stats) -> str:
    """The home screen's line when today's limits are why nothing is due or new (learner.Stats)."""
    parts = []
    if stats.new_waiting:
        parts.append(f"Today's new cards are done; {_words(stats.new_waiting)} {_wait(stats.new_waiting)}: "
                     f"press + to allow {MORE_NEW} more today.")
    if stats.capped:
        parts.append(f"Today's review limit is reached; {_words(stats.capped)} {_wait(stats.capped)} for tomorrow.")
    return " ".join(parts)


def _words(n: int) -> str:
    return f"{n} word{'s' if n != 1 else ''}"


def _wait(n: int) -> str:
    return "waits" if n == 1 else "wait"


class Session:
    """A review session: due cards first, then new ones, then learning steps coming due.

    The buttons and the answer agree: both come from the same seed (the card's id and
    reviews) and the same due counts per day (load balancing), kept current as answers
    come in, so the answer path never counts the collection. With `ahead` (study
    ahead) it shows only cards coming due within that time, and no new cards.
    """

    LEARN_AHEAD = LEARN_AHEAD

    def __init__(self, learner: "Learner", lesson_id: str | None = None, *, ahead: timedelta | None = None):
        self.learner = learner
        self.progress = learner.progress
        self.lesson_id = lesson_id
        self.ahead = ahead
        self.scheduler = Scheduler(learner.settings, learner.zone)
        self._load: DueLoad | None = None
        self.current: StudyCard | None = None
        self.shown_at = 0.0
        self.history: list[Answered] = []
        self.pending: list[UnsavedAnswer] = []  # answers not written yet, oldest first
        self._pending_since: float | None = None  # time.monotonic() when the oldest could not be written
        self.problem: NotSaved | None = None  # why they wait
        self.reviewed = 0
        # the status line's counts: counted in full once, then kept up to date answer by answer
        self._base: Counts | None = None
        self._base_at = learner.clock()  # when they were counted
        self._answered: dict[int, tuple[float, State]] = {}  # card -> when it is due again, in which state
        self._start_day(learner.today_start())

    def _start_day(self, start: datetime) -> None:
        self._base = None
        self._day_start = start
        # the next day starts 23 or 25 hours later on daylight-saving change days
        self._next_day = next_day_start(start, self.learner.zone, self.scheduler.settings.day_starts_at)
        self._load = None
        self._new_left = self.learner.new_left(start)
        self._reviews_left = self.learner.reviews_left(start)

    @property
    def new_left(self) -> int:
        return self._new_left

    @property
    def reviews_left(self) -> int | None:
        return self._reviews_left

    def next(self) -> StudyCard | None:
        """Pick the card to show now (None when the session is done)."""
        now = self.learner.clock()
        if now >= self._next_day:  # studying past the rollover
            self._start_day(self.learner.today_start(now))
        skip = tuple(p.card.id for p in self.pending)
        args = dict(day_start=self._day_start, lesson_id=self.lesson_id, skip=skip)
        if self.ahead is not None:
            card = self.progress.next_due(now + self.ahead, **args)
        else:
            capped = self._reviews_left is not None and self._reviews_left <= 0
            card = self.progress.next_due(now, answered_today_only=capped, **args)
            if card is None and self._new_left > 0:
                card = self.progress.next_new(now, learn_ahead=LEARN_AHEAD, **args)
            if card is None:  # a learning step coming due soon (never a review card before its day)
                card = self.progress.next_due(now, answered_today_only=capped, learn_ahead=LEARN_AHEAD, **args)
        self.current = card
        self.shown_at = time.monotonic()
        return card

    def intervals(self) -> dict[Rating, str]:
        """What each grade would give the current card, as button text."""
        if self.current is None:
            return {}
        card = self.current
        preview = self.scheduler.preview(card.memory, self.learner.clock(), seed=card_seed(card.id, card.reps),
                                         load=self._due_load())
        return {rating: format_interval(delta) for rating, delta in preview.items()}

    def counts(self) -> tuple[int, int]:
        """(due, new) this session will still show: the same numbers as the home screen's.

        Counted in full at the start (and by `recount`, which the screen calls now and then
        for cards that came due meanwhile); each answer then moves its word by itself, so a
        key press never recounts a heavy collection.
        """
        now = self.learner.clock()
        if self.ahead is not None:
            counts = self.progress.counts(now + self.ahead, self._day_start, self.lesson_id)
            return counts.due + counts.again, 0
        if self._base is None:
            self.recount()
        again = self._base.again + sum(1 for due, state in self._answered.values() if _shown_by(now, due, state))
        shown = Counts(self._base.due, again, self._base.new).shown(self._new_left, self._reviews_left)
        return shown.due, shown.new

    def recount(self) -> None:
        """Count in full what this session will still show (cards may have come due meanwhile)."""
        now = self.learner.clock()
        self._base = self.progress.counts(now, self._day_start, self.lesson_id, learn_ahead=LEARN_AHEAD)
        self._base_at = now
        self._answered.clear()

    def _counted_answer(self, card: StudyCard, after: Memory) -> None:
        """Move the answered card's word out of the count it was in; it counts again if due soon."""
        base = self._base
        if base is None:
            return
        due = card.memory.due.timestamp() if card.memory.due else None
        if card.id in self._answered:
            del self._answered[card.id]
        elif card.is_new:
            base = replace(base, new=max(base.new - 1, 0))
        elif due is not None and _shown_by(self._base_at, due, card.memory.state):
            if _answered_since(card.memory, self._day_start):
                base = replace(base, again=max(base.again - 1, 0))
            else:
                base = replace(base, due=max(base.due - 1, 0))
        self._base = base
        if after.due is not None:
            self._answered[card.id] = (after.due.timestamp(), after.state)

    def answer(self, rating: Rating | int, typed: str | None = None) -> StudyCard | None:
        """Grade the current card, store it (or keep it until it can be stored), show the next."""
        card = self.current
        if card is None:
            raise RuntimeError("no card is being shown")
        now = self.learner.clock()
        load = self._due_load()
        after = self.scheduler.review(card.memory, Rating(rating), now, seed=card_seed(card.id, card.reps), load=load)
        load.move(self.scheduler.due_day(card.memory), self.scheduler.due_day(after))
        duration = int((time.monotonic() - self.shown_at) * 1000)
        unsaved = UnsavedAnswer(card, after, int(rating), now, duration, typed)
        self.retry_saving()
        review_id = None
        if not self.pending:  # answers are written in the order they were given
            try:
                review_id = save_now(self.progress, unsaved)
            except NotSaved as exc:
                self.problem = exc
        if review_id is None:
            self.pending.append(unsaved)
            if self._pending_since is None:
                self._pending_since = time.monotonic()
        self.history.append(Answered(card, review_id, self._new_left, self._reviews_left,
                                     None if review_id is not None else unsaved))
        self._count_answer(card)
        self._counted_answer(card, after)
        self.reviewed += 1
        return self.next()

    def _count_answer(self, card: StudyCard) -> None:
        if card.is_new:
            self._new_left = max(self._new_left - 1, 0)
        elif self._reviews_left is not None and not _answered_since(card.memory, self._day_start):
            self._reviews_left = max(self._reviews_left - 1, 0)

    def retry_saving(self, wait: float | None = None) -> int:
        """Write the answers still waiting, in order; returns how many still wait."""
        while self.pending:
            first = self.pending[0]
            try:
                review_id = save_now(self.progress, first, wait=wait)
            except NotSaved as exc:
                self.problem = exc
                return len(self.pending)
            self.pending.pop(0)
            self._pending_since = time.monotonic() if self.pending else None
            self.history = [
                Answered(a.card, review_id, a.new_left_before, a.reviews_left_before) if a.pending is first else a
                for a in self.history
            ]
        self.problem = None
        self._pending_since = None
        return 0

    def waited(self) -> float | None:
        """Seconds the oldest answer not saved yet has waited (None: every answer is saved)."""
        return None if self._pending_since is None else time.monotonic() - self._pending_since

    def undo(self) -> StudyCard | None:
        """Take back the last answer; that card is shown again."""
        if not self.history:
            return self.current
        last = self.history.pop()
        if last.pending is not None:
            self.pending.remove(last.pending)
            if not self.pending:
                self.problem = None
                self._pending_since = None
        else:
            self.progress.undo(last.card, last.review_id)
        self._new_left = last.new_left_before
        self._reviews_left = last.reviews_left_before
        self._load = None  # counted afresh when next needed
        self._base = None  # counted afresh
        self.reviewed -= 1
        self.current = last.card
        self.shown_at = time.monotonic()
        return last.card

    def _due_load(self) -> DueLoad:
        if self._load is None:
            self._load = due_load(self.learner, self.learner.clock())
        return self._load

    def allow_more_new(self) -> int:
        """The `+` key: more new cards today; returns how many new cards are now left today."""
        self.learner.allow_more_new(start=self._day_start)
        self._new_left = self.learner.new_left(self._day_start) - sum(1 for p in self.pending if p.card.is_new)
        return self._new_left

    def nothing(self) -> Nothing:
        """Why there is nothing to show (call when `current` is None)."""
        now = self.learner.clock()
        counts = self.progress.counts(now, self._day_start, self.lesson_id, learn_ahead=LEARN_AHEAD)
        waiting = self.progress.waiting(now, now + timedelta(days=AHEAD_DAYS), self._day_start, self.lesson_id,
                                        learn_ahead=LEARN_AHEAD)
        return Nothing(
            new_waiting=counts.new if self._new_left <= 0 and self.ahead is None else 0,
            new_limit=self.learner.settings.new_per_day + self.learner.extra_new(self._day_start),
            held=waiting.held,
            capped=counts.due if self._reviews_left is not None and self._reviews_left <= 0 else 0,
            review_cap=self.learner.review_cap,
            ahead=waiting.ahead,
            reviewed=self.reviewed,
            studying_ahead=self.ahead is not None,
        )

    def skip_current(self) -> None:
        """Nothing to do with the current card now (used when leaving mid-card)."""
        self.current = None


def _shown_by(now: datetime, due: float, state: State) -> bool:
    """Whether a card due at `due` counts at `now` (store.queue.due_by: only a learning or
    relearning step comes early, within the learn-ahead window)."""
    if state in (State.LEARNING, State.RELEARNING):
        return due <= (now + LEARN_AHEAD).timestamp()
    return due <= now.timestamp()


def _answered_since(memory: Memory, start: datetime) -> bool:
    return memory.state is not State.NEW and memory.last_review is not None and memory.last_review >= start
