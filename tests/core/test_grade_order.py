"""The grade buttons mean what they say: after Again, Easy never shows the same interval as Good
(it used to: a relearned card showed "3 Good 1d   4 Easy 1d" with no reason)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lianxi.core.schedule import Memory, Rating, Scheduler, Settings, State

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


def lapsed(stability_before: float, fuzz: bool) -> tuple[Scheduler, Memory, datetime]:
    """A review card forgotten at its due time, ten minutes later (its relearning step)."""
    s = Scheduler(Settings(fuzz=fuzz))
    memory = Memory(State.REVIEW, None, stability_before, 6.0, NOW, NOW - timedelta(days=round(stability_before)))
    memory = s.review(memory, Rating.Again, NOW)
    assert memory.state is State.RELEARNING
    return s, memory, NOW + timedelta(minutes=10)


@pytest.mark.parametrize("stability", [0.5, 1.0, 2.3, 5.0, 12.0, 40.0, 150.0])
@pytest.mark.parametrize("fuzz", [False, True])
def test_after_again_easy_comes_back_later_than_good(stability, fuzz):
    s, memory, now = lapsed(stability, fuzz)
    for seed in range(20):
        out = s.outcomes(memory, now, seed=seed)
        good, easy = out[Rating.Good], out[Rating.Easy]
        assert good.days is not None and easy.days is not None
        assert easy.days > good.days
        assert s.review(memory, Rating.Easy, now, seed=seed).due == easy.memory.due  # shown = used


def test_a_new_card_forgotten_once_still_offers_a_day_on_easy():
    s = Scheduler(Settings(fuzz=False))
    memory = s.review(Memory(), Rating.Again, NOW)
    out = s.outcomes(memory, NOW + timedelta(minutes=1))
    assert out[Rating.Good].days is None  # a learning step: minutes
    assert out[Rating.Easy].days == 1
