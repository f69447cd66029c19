"""Load balancing and light days choose a due day inside the fuzz range, never outside it.

The fuzz ranges below are worked out by hand from py-fsrs's rule: no fuzz under 2.5
days; otherwise 1 day, plus 15% of the days between 2.5 and 7, 10% of those between
7 and 20 and 5% beyond, each side, rounded, never below 2.
"""

import random
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lianxi.core.due_days import BALANCE_DAYS, DueLoad, choose_due_day, fuzz_range
from lianxi.core.schedule import Memory, Rating, Scheduler, Settings, State

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=timezone.utc)  # a Monday
TODAY = date(2026, 5, 4)


@pytest.mark.parametrize(
    ("interval", "expected"),
    [(1, (1, 1)), (2, (2, 2)), (3, (2, 4)), (5, (4, 6)), (10, (8, 12)), (30, (27, 33)), (100, (93, 107))],
)
def test_fuzz_range_follows_py_fsrs_rule(interval, expected):
    assert fuzz_range(interval) == expected


def test_fuzz_range_respects_the_maximum_interval():
    assert fuzz_range(36500) == (34673, 36500)
    assert fuzz_range(30, maximum=31) == (27, 31)


def memory_for(stability: float, days_ago: int) -> Memory:
    last = NOW - timedelta(days=days_ago)
    return Memory(State.REVIEW, None, stability, 5.0, NOW, last)


@settings(max_examples=150, deadline=None)
@given(
    stability=st.floats(0.5, 400),
    days_ago=st.integers(1, 300),
    seed=st.integers(0, 10**9),
    busy=st.dictionaries(st.integers(1, BALANCE_DAYS), st.integers(0, 500), max_size=40),
    light=st.frozensets(st.integers(0, 6), max_size=7),
    balance=st.booleans(),
)
def test_the_chosen_day_is_always_inside_the_fuzz_range(stability, days_ago, seed, busy, light, balance):
    memory = memory_for(stability, days_ago)
    plain = Scheduler(Settings(fuzz=False)).outcomes(memory, NOW)
    load = DueLoad({TODAY + timedelta(days=d): n for d, n in busy.items()}, TODAY)
    fuzzed = Scheduler(Settings(load_balance=balance, light_days=light)).outcomes(memory, NOW, seed=seed, load=load)
    for rating in (Rating.Hard, Rating.Good, Rating.Easy):
        low, high = fuzz_range(plain[rating].days)
        assert low <= fuzzed[rating].days <= high
        assert fuzzed[rating].memory.stability == plain[rating].memory.stability  # memory untouched
    assert fuzzed[Rating.Hard].days <= fuzzed[Rating.Good].days <= fuzzed[Rating.Easy].days


def test_the_shown_interval_is_the_one_the_answer_uses():
    s = Scheduler(Settings())
    memory = memory_for(20.0, 20)
    load = DueLoad({TODAY + timedelta(days=d): d % 7 * 10 for d in range(1, 60)}, TODAY)
    for seed in range(50):
        shown = s.preview(memory, NOW, seed=seed, load=load)
        for rating in Rating:
            used = s.review(memory, rating, NOW, seed=seed, load=load)
            if used.state is State.REVIEW:
                assert used.due == s.start_of(TODAY + shown[rating])
            else:
                assert used.due - NOW == shown[rating]


def test_balancing_prefers_the_quiet_day():
    rng = random.Random(1)
    load = DueLoad({TODAY + timedelta(days=8): 200, TODAY + timedelta(days=9): 200, TODAY + timedelta(days=10): 5,
                    TODAY + timedelta(days=11): 200, TODAY + timedelta(days=12): 200}, TODAY)
    picks = Counter(choose_due_day(TODAY, 8, 12, rng.random(), load=load) for _ in range(1000))
    assert picks[10] > 900


def test_light_days_get_fewer_cards():
    rng = random.Random(2)
    saturday = 5
    # 4..10 days from Monday 4 May: Fri 8, Sat 9, Sun 10, Mon 11, Tue 12, Wed 13, Thu 14
    picks = Counter((TODAY + timedelta(days=choose_due_day(TODAY, 4, 10, rng.random(), light_days=frozenset({saturday})))).weekday()
                    for _ in range(7000))
    assert picks[saturday] < 0.5 * min(n for day, n in picks.items() if day != saturday)


def test_balancing_evens_out_a_stream_of_answers():
    """Feeding one day's answers through the balancer leaves flatter days than plain fuzz."""
    def spread(balance: bool) -> float:
        rng = random.Random(3)
        load = DueLoad({}, TODAY)
        for _ in range(3000):
            interval = rng.randint(5, 40)
            low, high = fuzz_range(interval)
            days = choose_due_day(TODAY, low, high, rng.random(), load=load if balance else None)
            load.move(None, TODAY + timedelta(days=days))
        counts = load.spread(TODAY + timedelta(days=d) for d in range(10, 35))  # away from the edges
        mean = sum(counts) / len(counts)
        return (sum((c - mean) ** 2 for c in counts) / len(counts)) ** 0.5

    assert spread(True) < 0.7 * spread(False)
