"""Due on the study day: review cards are due from the start of their day (4am local), in real zones.

Expected moments are worked out by hand from the zone rules: Berlin is UTC+1 in winter
and UTC+2 from 2026-03-29 02:00 local to 2026-10-25 03:00 local; New York is UTC-5 in
winter and UTC-4 from 2026-03-08 to 2026-11-01.
"""

import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from lianxi.core.review_history import StudyDays
from lianxi.core.schedule import Memory, Rating, Scheduler, Settings, State, day_start, next_day_start, study_day

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
UTC = timezone.utc


def review_card(stability: float, last_review: datetime, due: datetime) -> Memory:
    return Memory(State.REVIEW, None, stability, 5.0, due, last_review)


def berlin_scheduler(**settings) -> Scheduler:
    return Scheduler(Settings(fuzz=False, **settings), BERLIN)


def test_a_card_answered_in_the_evening_is_due_at_four_in_the_morning():
    s = berlin_scheduler()
    monday_evening = datetime(2026, 1, 12, 17, 33, tzinfo=UTC)  # 18:33 in Berlin
    memory = review_card(2.0, datetime(2026, 1, 10, 9, 0, tzinfo=UTC), monday_evening)
    outcomes = s.outcomes(memory, monday_evening)
    assert outcomes[Rating.Again].days is None  # relearning: a step of minutes
    for rating in (Rating.Hard, Rating.Good, Rating.Easy):
        out = outcomes[rating]
        local = out.memory.due.astimezone(BERLIN)
        assert (local.hour, local.minute) == (4, 0)
        assert local.date() == date(2026, 1, 12) + timedelta(days=out.days)
        assert out.interval == timedelta(days=out.days)  # the button shows whole days
    # 2 days from Monday evening: Wednesday 04:00 (03:00 UTC), not Wednesday 18:33
    assert day_start(date(2026, 1, 14), BERLIN) == datetime(2026, 1, 14, 3, 0, tzinfo=UTC)


def test_a_card_answered_after_midnight_counts_from_the_day_before():
    s = berlin_scheduler()
    tuesday_1am = datetime(2026, 1, 13, 0, 10, tzinfo=UTC)  # 01:10 in Berlin: still Monday's study day
    memory = review_card(10.0, datetime(2026, 1, 3, 9, 0, tzinfo=UTC), tuesday_1am)
    out = s.outcomes(memory, tuesday_1am)[Rating.Good]
    assert out.memory.due == day_start(date(2026, 1, 12) + timedelta(days=out.days), BERLIN)


def test_the_due_moment_follows_the_spring_change():
    s = berlin_scheduler()
    friday = datetime(2026, 3, 27, 17, 33, tzinfo=UTC)  # 18:33 CET, two days before clocks go forward
    memory = review_card(3.0, datetime(2026, 3, 24, 9, 0, tzinfo=UTC), friday)
    for out in s.outcomes(memory, friday).values():
        if out.days is None:
            continue
        local = out.memory.due.astimezone(BERLIN)
        assert (local.hour, local.minute) == (4, 0)
        assert local.date() == date(2026, 3, 27) + timedelta(days=out.days)
    # Monday 30 March 04:00 CEST is 02:00 UTC (not 03:00, the winter offset)
    assert day_start(date(2026, 3, 30), BERLIN) == datetime(2026, 3, 30, 2, 0, tzinfo=UTC)
    assert day_start(date(2026, 3, 27), BERLIN) == datetime(2026, 3, 27, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 3, 29, 1, 59, tzinfo=UTC), date(2026, 3, 28)),  # 03:59 CEST
        (datetime(2026, 3, 29, 2, 0, tzinfo=UTC), date(2026, 3, 29)),  # 04:00 CEST
        (datetime(2026, 10, 25, 2, 59, tzinfo=UTC), date(2026, 10, 24)),  # 03:59 CET
        (datetime(2026, 10, 25, 3, 0, tzinfo=UTC), date(2026, 10, 25)),  # 04:00 CET
        (datetime(2026, 7, 1, 1, 59, tzinfo=UTC), date(2026, 6, 30)),  # summer: 03:59 CEST
        (datetime(2026, 1, 15, 2, 59, tzinfo=UTC), date(2026, 1, 14)),  # winter: 03:59 CET
    ],
)
def test_the_day_boundary_uses_the_offset_of_each_moment(moment, expected):
    assert study_day(moment, BERLIN) == expected


def test_days_are_23_and_25_hours_long_on_change_days():
    ordinary = day_start(date(2026, 3, 28), NEW_YORK)
    assert next_day_start(day_start(date(2026, 3, 7), NEW_YORK), NEW_YORK) - day_start(date(2026, 3, 7), NEW_YORK) \
        == timedelta(hours=23)
    assert next_day_start(day_start(date(2026, 10, 31), NEW_YORK), NEW_YORK) - day_start(date(2026, 10, 31), NEW_YORK) \
        == timedelta(hours=25)
    assert next_day_start(ordinary, NEW_YORK) - ordinary == timedelta(hours=24)


def test_elapsed_days_are_study_days_not_24_hour_periods():
    """Answered Monday 18:33 and again Wednesday 04:05: two days have passed, as FSRS's optimizer counts."""
    s = berlin_scheduler()
    monday = datetime(2026, 1, 12, 17, 33, tzinfo=UTC)
    memory = review_card(2.0, monday, datetime(2026, 1, 14, 3, 0, tzinfo=UTC))
    early = s.review(memory, Rating.Good, datetime(2026, 1, 14, 3, 5, tzinfo=UTC))  # 34.5 hours later
    exact = s.review(memory, Rating.Good, monday + timedelta(days=2))
    assert early.stability == pytest.approx(exact.stability)
    # and a second answer the same study day is a short-term (same-day) review
    same_day = s.review(memory, Rating.Good, monday + timedelta(hours=8))  # 01:33 Tuesday, still Monday's day
    assert same_day.stability < exact.stability


def test_the_fast_lookup_of_many_moments_agrees_with_the_zone_everywhere():
    rng = random.Random(5)
    zones = [BERLIN, NEW_YORK, ZoneInfo("Asia/Kathmandu"), ZoneInfo("Australia/Lord_Howe"), ZoneInfo("Asia/Shanghai"),
             ZoneInfo("America/St_Johns"), ZoneInfo("Pacific/Chatham")]
    base = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
    # every minute of the hours around Berlin's and New York's changes, and random moments all year
    edges = [datetime(2026, 3, 29, 0, tzinfo=UTC), datetime(2026, 10, 25, 0, tzinfo=UTC),
             datetime(2026, 3, 8, 6, tzinfo=UTC), datetime(2026, 11, 1, 5, tzinfo=UTC)]
    moments = [edge.timestamp() + minute * 60 for edge in edges for minute in range(0, 300)]
    moments += [base + rng.uniform(0, 366 * 86400) for _ in range(2000)]
    for zone in zones:
        for starts_at in (0, 2, 4, 6):
            days = StudyDays(zone, starts_at)
            for ts in moments:
                expected = study_day(datetime.fromtimestamp(ts, UTC), zone, starts_at)
                assert days.date(ts) == expected, (zone, starts_at, ts)
