"""Fitting FSRS to the learner's own reviews: deterministic, better than the defaults, asked before saved."""

from datetime import datetime, timedelta, timezone
from functools import cache

import fsrs_rs_python
import pytest

from lianxi.core.parameters import DEFAULTS
from lianxi.core.review_history import StudyDays, card_histories
from lianxi.core.schedule import Rating
from lianxi.study import optimizer
from lianxi.study.schedule_settings import fitted

from simulated_learner import TRUE_PARAMETERS, first_course_cards, give_history, simulate, studied, studied_template  # noqa: F401


def held_back_log_loss(parameters) -> float:
    """Log loss on reviews of *other* cards by the same simulated learner."""
    return fsrs_rs_python.FSRS(list(parameters)).evaluate(held_back_items()).log_loss


@cache
def held_back_items() -> list:
    log, _ = simulate(list(range(100_000, 100_300)), 2000, seed=2)
    log.sort(key=lambda row: (row[0], row[2]))
    items = []
    for _, history, _ in card_histories(log, StudyDays(timezone.utc)):
        reviews = []
        for rating, gap in history:
            reviews.append(fsrs_rs_python.FSRSReview(rating, gap))
            if gap > 0:
                items.append(fsrs_rs_python.FSRSItem(reviews))
    return items


def test_the_fit_on_a_small_fixed_history_is_deterministic_and_beats_the_defaults(studied):
    learner, log = studied
    first = optimizer.fit(learner)
    again = optimizer.fit(learner)
    assert again.parameters == first.parameters  # same reviews, same parameters
    assert len(first.parameters) == 21 and first.current == DEFAULTS and first.current_fitted_on is None
    assert first.answers == len(log)
    by_card = sorted(log, key=lambda row: (row[0], row[2]))
    later_day = sum(1 for _, h, _ in card_histories(by_card, StudyDays(timezone.utc)) for _, gap in h if gap > 0)
    assert 0.9 * later_day <= first.reviews <= later_day  # the library's outlier filter drops a few
    assert first.better
    assert first.after.log_loss < first.before.log_loss and first.after.rmse < first.before.rmse
    # and it generalises: better on reviews it never saw, by the same learner
    assert held_back_log_loss(first.parameters) < held_back_log_loss(DEFAULTS) - 0.003
    # the truth is better still (the fit is an estimate)
    assert held_back_log_loss(TRUE_PARAMETERS) <= held_back_log_loss(first.parameters) + 0.003


def test_too_few_reviews_keep_the_defaults_and_say_how_many_more(learner):
    give_history(learner, 150)
    with pytest.raises(optimizer.NotEnoughReviews) as caught:
        optimizer.fit(learner)
    assert caught.value.have < optimizer.MINIMUM_REVIEWS
    assert caught.value.more == optimizer.MINIMUM_REVIEWS - caught.value.have
    assert f"about {caught.value.more} more" in str(caught.value).lower()
    assert learner.settings.parameters == DEFAULTS and fitted(learner.progress) is None


def test_reviews_that_are_all_first_returns_are_not_enough_and_say_why(learner):
    """Enough reviews, but none of a card that came back twice: the library would fit only the
    first four weights, so the defaults stay and the learner is told to keep reviewing."""
    card_ids = first_course_cards(learner)[:100]
    start = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc).timestamp()
    rows = []
    for n, card in enumerate(card_ids):  # each card: learned, then one return a few days later
        rows += [(card, 3, start + n * 600), (card, 1 if n % 5 == 0 else 3, start + n * 600 + (2 + n % 3) * 86400)]
    learner.progress.conn.executemany("INSERT INTO reviews (card_id, rating, reviewed_at) VALUES (?, ?, ?)", rows)
    with pytest.raises(optimizer.NotEnoughReviews) as caught:
        optimizer.fit(learner)
    text = str(caught.value)
    assert caught.value.have >= optimizer.MINIMUM_REVIEWS and caught.value.more == 0
    assert "first return" in text and "keep reviewing" in text.lower() and "about -" not in text.lower()
    assert learner.settings.parameters == DEFAULTS and fitted(learner.progress) is None


def test_saving_stores_the_parameters_with_the_date_and_reset_goes_back(studied, clock):
    learner, _ = studied
    clock.now = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)
    result = optimizer.fit(learner)
    done = optimizer.save(learner, result)
    assert done.cards > 0
    from lianxi.study.backups import backups

    made = backups(learner.data_dir)
    assert made[0].reason == "optimize"  # the newest: a checked copy from just before the change
    assert made[0].contents() is not None
    stored = fitted(learner.progress)
    assert stored.parameters == result.parameters and stored.fitted_on == "2026-11-30"
    assert stored.reviews == result.reviews
    assert learner.settings.parameters == result.parameters
    assert optimizer.fit(learner).current_fitted_on == "2026-11-30"
    assert optimizer.reset(learner).cards == done.cards
    assert learner.settings.parameters == DEFAULTS and fitted(learner.progress) is None
    assert optimizer.reset(learner) is None  # nothing to do the second time


def test_undone_answers_are_not_used(studied, clock):
    learner, log = studied
    clock.now = datetime.fromtimestamp(log[-1][2], timezone.utc) + timedelta(days=3)
    session = learner.session()
    assert session.next() is not None
    session.answer(Rating.Again)
    session.undo()  # the answer is taken back: its review row is deleted
    assert optimizer.fit(learner).answers == len(log)
    session.answer(Rating.Good)
    assert optimizer.fit(learner).answers == len(log) + 1


def test_without_the_library_optimize_says_what_is_missing(learner, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)  # as on a machine with no wheel
    with pytest.raises(optimizer.OptimizerMissing) as caught:
        optimizer.fit(learner)
    assert "fsrs-rs-python" in str(caught.value) and "everything else works" in str(caught.value)
