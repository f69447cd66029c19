"""Use case: a review session, one card at a time, each answer stored at once.

Must never import Textual.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from lianxi.core.cards import StudyCard
from lianxi.core.schedule import Rating, Scheduler, format_interval

if TYPE_CHECKING:
    from lianxi.study.learner import Learner


@dataclass(frozen=True, slots=True)
class Answered:
    """What undo needs: the card as it was, and the review row to take back."""

    card: StudyCard
    review_id: int
    new_left_before: int


class Session:
    """A review session: due cards first, then new ones, one at a time.

    The current card's grade intervals are worked out once when it is shown,
    so the buttons and the answer agree and the answer path stays short.
    """

    # With nothing else to do, a learning card due within this window is shown early.
    LEARN_AHEAD = timedelta(minutes=20)

    def __init__(self, learner: Learner, lesson_id: str | None = None):
        self.learner = learner
        self.progress = learner.progress
        self.lesson_id = lesson_id
        self.scheduler = Scheduler(learner.settings)
        self.current: StudyCard | None = None
        self.shown_at: float = 0.0
        self.history: list[Answered] = []
        self.reviewed = 0
        self._day_start = learner.today_start()
        self._new_left = learner.new_left(self._day_start)

    @property
    def new_left(self) -> int:
        return self._new_left

    def next(self) -> StudyCard | None:
        """Pick the card to show now (None when the session is done)."""
        now = self.learner.clock()
        if now >= self._day_start + timedelta(days=1):  # studying past the rollover
            self._day_start = self.learner.today_start(now)
            self._new_left = self.learner.new_left(self._day_start)
        card = self.progress.next_due(now, self._day_start, self.lesson_id)
        if card is None and self._new_left > 0:
            card = self.progress.next_new(self._day_start, self.lesson_id)
        if card is None:
            card = self.progress.next_due(now + self.LEARN_AHEAD, self._day_start, self.lesson_id)
        self.current = card
        self.shown_at = time.monotonic()
        return card

    def intervals(self) -> dict[Rating, str]:
        """What each grade would give the current card, as button text."""
        if self.current is None:
            return {}
        preview = self.scheduler.preview(self.current.memory, self.learner.clock())
        return {rating: format_interval(delta) for rating, delta in preview.items()}

    def counts(self) -> tuple[int, int]:
        """(due now, new still allowed today) for the status line."""
        now = self.learner.clock()
        due = self.progress.count_due(now, self._day_start, self.lesson_id)
        new = min(self.progress.count_new(self.lesson_id), self._new_left)
        return due, new

    def answer(self, rating: Rating | int, typed: str | None = None) -> StudyCard | None:
        """Grade the current card, store it at once, and move to the next card."""
        card = self.current
        if card is None:
            raise RuntimeError("no card is being shown")
        now = self.learner.clock()
        after = self.scheduler.review(card.memory, Rating(rating), now)
        duration = int((time.monotonic() - self.shown_at) * 1000)
        review_id = self.progress.record(card, after, int(rating), now, duration, typed)
        self.history.append(Answered(card, review_id, self._new_left))
        if card.is_new:
            self._new_left = max(self._new_left - 1, 0)
        self.reviewed += 1
        return self.next()

    def undo(self) -> StudyCard | None:
        """Take back the last answer; that card is shown again."""
        if not self.history:
            return self.current
        last = self.history.pop()
        self.progress.undo(last.card, last.review_id)
        self._new_left = last.new_left_before
        self.reviewed -= 1
        self.current = last.card
        self.shown_at = time.monotonic()
        return last.card

    def skip_current(self) -> None:
        """Nothing to do with the current card now (used when leaving mid-card)."""
        self.current = None

