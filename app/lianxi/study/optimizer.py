"""Use case: fit FSRS parameters to the learner's own reviews, save them, or go back to defaults.

`fit` reads the review log (undone answers are not in it), turns each card's answers
into FSRS items as the library expects (days between answers in study days; answers
the same day count 0 days: the learning steps that train the short-term weights),
fits with fsrs-rs, and measures the parameters in use and the fitted ones on the
same reviews (log loss and RMSE over bins, both lower is better). Nothing is saved
until the learner says so: `save` backs the progress up, then writes the parameters
(with the date) and every card's new schedule in one transaction. `reset` does the
same with FSRS's defaults. Must never import Textual or click.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lianxi.core import parameters as fsrs_parameters
from lianxi.core.errors import UserError
from lianxi.core.review_history import StudyDays, card_histories
from lianxi.store.schedule import PARAMETERS_KEY, count_answers, review_log
from lianxi.study.fsrs_rs import OptimizerMissing, require  # noqa: F401  (re-exported)
from lianxi.study.reschedule import Rescheduled, reschedule
from lianxi.study.schedule_settings import fitted, scheduler_settings

if TYPE_CHECKING:
    from lianxi.study.learner import Learner

# fsrs-rs fits all 21 weights only from 64 reviews that follow an earlier day's review
# (fewer: it returns the defaults, or fits only the first four); that is the minimum.
MINIMUM_REVIEWS = 64


class NotEnoughReviews(UserError):
    """Too few reviews to fit; the defaults stay."""

    def __init__(self, have: int, answers: int):
        self.have = have
        self.more = max(MINIMUM_REVIEWS - have, 0)
        keep = "Your cards keep FSRS's default parameters meanwhile."
        if self.more:
            super().__init__(
                f"Not enough reviews to fit your own parameters yet: FSRS learns from answers given on a later "
                f"day than the card's previous answer, and needs {MINIMUM_REVIEWS}; you have {have} "
                f"(of {answers} answers). About {self.more} more, then try again. {keep}"
            )
        else:  # enough of them, but each is a card's first return: the library fits only the first weights
            super().__init__(
                f"Not enough reviews to fit your own parameters yet: your {have} reviews are each a card's first "
                "return on a later day, and FSRS learns how memory grows from cards that come back again. "
                f"Keep reviewing for a few more days, then try again. {keep}"
            )


@dataclass(frozen=True, slots=True)
class Score:
    log_loss: float
    rmse: float


@dataclass(frozen=True, slots=True)
class Fit:
    """A fit, not yet saved: what it would change and how well each set predicts your answers."""

    parameters: tuple[float, ...]
    current: tuple[float, ...]  # the parameters in use now
    current_fitted_on: str | None  # None: the defaults are in use
    reviews: int  # reviews the library fitted on (answers after an earlier day's answer)
    answers: int  # all kept answers
    before: Score  # parameters in use now, on these reviews
    after: Score  # fitted parameters, on the same reviews
    seconds: float

    @property
    def better(self) -> bool:
        return self.after.log_loss < self.before.log_loss


def fit(learner: Learner) -> Fit:
    """Fit parameters to this learner's reviews (nothing is saved)."""
    lib = require("Optimizing FSRS for your reviews")
    started = time.perf_counter()
    settings = learner.settings
    days = StudyDays(learner.zone, settings.day_starts_at)
    items, card_ids = [], []
    for card_id, history, _ in card_histories(review_log(learner.progress.conn), days):
        reviews = []
        for rating, gap in history:
            reviews.append(lib.FSRSReview(rating, gap))
            if gap > 0:  # an answer FSRS can be scored on: the card was last seen on an earlier day
                items.append(lib.FSRSItem(reviews))
                card_ids.append(card_id)
    answers = count_answers(learner.progress.conn)
    first_returns = [item for item in items if item.long_term_review_cnt() == 1]
    starting, training = lib.filter_outlier(first_returns, items)  # what the library will train on
    if len(training) < MINIMUM_REVIEWS or len(training) == len(starting):
        raise NotEnoughReviews(len(training), answers)
    values = lib.FSRS(list(fsrs_parameters.DEFAULTS)).compute_parameters(items, card_ids)
    parameters = fsrs_parameters.clean(values)
    before = lib.FSRS(list(settings.parameters)).evaluate(items)
    after = lib.FSRS(list(parameters)).evaluate(items)
    current = fitted(learner.progress)
    return Fit(
        parameters=parameters, current=settings.parameters,
        current_fitted_on=current.fitted_on if current else None,
        reviews=len(training), answers=answers,
        before=Score(before.log_loss, before.rmse_bins), after=Score(after.log_loss, after.rmse_bins),
        seconds=time.perf_counter() - started,
    )


def save(learner: Learner, result: Fit, now: datetime | None = None) -> Rescheduled:
    """Back up, then store the fitted parameters with today's date and reschedule every card."""
    now = now or learner.clock()
    backup_before_reschedule(learner)
    record = {
        "parameters": list(result.parameters),
        "fitted_on": now.astimezone(learner.zone).date().isoformat(),
        "reviews": result.reviews,
        "log_loss": round(result.after.log_loss, 4),
        "rmse": round(result.after.rmse, 4),
    }
    settings = _with_parameters(learner, result.parameters)
    return reschedule(learner, settings, store={PARAMETERS_KEY: record}, now=now)


def reset(learner: Learner, now: datetime | None = None) -> Rescheduled | None:
    """Go back to FSRS's default parameters (and reschedule); None when they are already in use."""
    if fitted(learner.progress) is None and learner.progress.setting(PARAMETERS_KEY) is None:
        return None
    backup_before_reschedule(learner)
    settings = _with_parameters(learner, fsrs_parameters.DEFAULTS)
    return reschedule(learner, settings, store={PARAMETERS_KEY: None}, now=now)


def describe_current(learner: Learner) -> str:
    """The parameters in use, in words."""
    current = fitted(learner.progress)
    if current is None:
        return "FSRS's default parameters"
    return f"your own parameters, fitted on {current.fitted_on} from {current.reviews:,} reviews"


def fit_lines(result: Fit) -> list[str]:
    """A fit as plain lines (the command line and the settings screen show the same)."""
    now = "defaults" if result.current_fitted_on is None else f"in use ({result.current_fitted_on})"
    return [
        f"Reviews used: {result.reviews:,} of your {result.answers:,} answers",
        "  (first answers and same-day steps set the start; they are not scored).",
        f"How well each predicts those reviews (lower is better); fitted in {result.seconds:.2f} s:",
        f"  {'':<22}{'log loss':>9}  {'RMSE':>6}",
        f"  {now:<22}{result.before.log_loss:>9.4f}  {result.before.rmse:>6.2%}",
        f"  {'fitted':<22}{result.after.log_loss:>9.4f}  {result.after.rmse:>6.2%}",
    ]


def backup_before_reschedule(learner: Learner) -> Path:
    """A checked backup of the progress before every card is rescheduled (store's rotation keeps it).

    If it cannot be made (a full disk, say) its error stops the optimize: nothing is changed.
    """
    from lianxi.study.backups import backup_before

    return backup_before(learner, "optimize")


def _with_parameters(learner: Learner, values: tuple[float, ...]):
    from dataclasses import replace

    return replace(scheduler_settings(learner.progress, fuzz=learner.fuzz), parameters=values)
