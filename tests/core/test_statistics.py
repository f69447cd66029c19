"""The arithmetic of statistics, from the rules: study days by local time, streaks, FSRS recall,
coverage, tone pairs. Expected values are worked out by hand, not read from the program."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import fsrs
import pytest

from lianxi.core.statistics import (
    Share,
    by_study_day,
    day_of_number,
    day_runs,
    calendar_days,
    coverage,
    most_missed,
    pair_misses,
    recall_probability,
    streak,
)


def quarter(moment: datetime) -> int:
    return int(moment.timestamp() // 900)


@pytest.mark.parametrize("zone_name, local, starts_at, day", [
    ("UTC", (2026, 3, 2, 4, 10), 4, date(2026, 3, 2)),  # after 4am: today
    ("UTC", (2026, 3, 2, 3, 50), 4, date(2026, 3, 1)),  # before 4am: still yesterday's study day
    ("Asia/Kolkata", (2026, 3, 2, 4, 5), 4, date(2026, 3, 2)),  # +5:30: the day turns at 22:30 UTC
    ("Asia/Kolkata", (2026, 3, 2, 3, 55), 4, date(2026, 3, 1)),
    ("Asia/Kathmandu", (2026, 3, 2, 4, 1), 4, date(2026, 3, 2)),  # +5:45
    ("Europe/Berlin", (2026, 3, 29, 4, 30), 4, date(2026, 3, 29)),  # the first morning of summer time
    ("Europe/Berlin", (2026, 3, 29, 3, 30), 4, date(2026, 3, 28)),
    ("America/New_York", (2026, 11, 1, 0, 30), 0, date(2026, 11, 1)),  # midnight rollover, DST ends that night
])
def test_answers_land_on_the_study_day_of_the_place_they_were_given(zone_name, local, starts_at, day):
    zone = ZoneInfo(zone_name)
    moment = datetime(*local, tzinfo=zone)
    assert by_study_day([(quarter(moment), 1, 2000)], zone, starts_at) == {day: (1, 2000)}


def test_quarters_of_one_day_add_up():
    zone = timezone.utc
    morning = datetime(2026, 3, 2, 9, 0, tzinfo=zone)
    rows = [(quarter(morning), 3, 1000), (quarter(morning + timedelta(hours=5)), 2, 500),
            (quarter(morning + timedelta(days=1)), 1, 10)]
    assert by_study_day(rows, zone, 4) == {date(2026, 3, 2): (5, 1500), date(2026, 3, 3): (1, 10)}


def test_streak_counts_today_or_up_to_yesterday_and_the_longest_run():
    today = date(2026, 3, 10)
    days = [date(2026, 3, d) for d in (1, 2, 3, 4, 6, 8, 9)]
    s = streak(days, today)
    assert (s.current, s.longest, s.studied_today) == (2, 4, False)  # 8-9 March, not yet today
    s = streak(days + [today], today)
    assert (s.current, s.longest, s.studied_today) == (3, 4, True)
    s = streak([date(2026, 3, 7)], today)  # two days missed: the streak is over
    assert s.current == 0 and s.longest == 1
    assert streak([], today).current == 0


def test_the_calendar_is_whole_weeks_from_a_monday_to_today():
    days = calendar_days(date(2026, 3, 5), 26)  # a Thursday
    assert days[0].weekday() == 0 and days[-1] == date(2026, 3, 5)
    assert len(days) == 25 * 7 + 4


@pytest.mark.parametrize("stability, elapsed", [(1.0, 1), (3.0, 10), (30.0, 7), (200.0, 365), (0.5, 3)])
def test_recall_probability_is_fsrs_own_forgetting_curve(stability, elapsed):
    scheduler = fsrs.Scheduler()
    last = datetime(2026, 1, 1, tzinfo=timezone.utc)
    card = fsrs.Card(state=fsrs.State.Review, stability=stability, difficulty=5.0, last_review=last, due=last)
    expected = scheduler.get_card_retrievability(card, last + timedelta(days=elapsed))
    assert recall_probability(elapsed, stability, -scheduler.parameters[20]) == pytest.approx(expected)


def test_recall_is_ninety_percent_after_exactly_the_stability():
    assert recall_probability(12, 12.0, -0.1542) == pytest.approx(0.9)
    assert recall_probability(0, 12.0, -0.1542) == 1.0


def test_coverage_counts_each_word_once_known_only_at_ninety_percent():
    levels = {"HSK 2.0 level 1": [("你", "ni3"), ("好", "hao3"), ("我", "wo3"), ("你", "ni3")],
              "HSK 3.0 band 1": [("好", "hao3"), ("是", "shi4")]}
    recall = {("你", "ni3"): 0.95, ("好", "hao3"): 0.899, ("是", "shi4"): None, ("他", "ta1"): 0.99}
    got = {c.name: (c.words, c.known, c.learning) for c in coverage(levels, recall)}
    # 你 known; 好 just under 0.9: learning; 我 not started; 是 in its learning steps: learning
    assert got == {"HSK 2.0 level 1": (3, 1, 1), "HSK 3.0 band 1": (2, 0, 2)}


def test_pairs_missed_most_by_share_then_count_and_only_with_enough_answers():
    answers = [("34", True)] * 3 + [("34", False)] + [("21", True)] * 2 + [("21", False)] * 6 \
        + [("11", True)] * 2 + [("44", False)] * 5
    pairs = pair_misses(answers)
    assert pairs["34"] == Share(3, 4) and pairs["44"] == Share(0, 5)
    assert [p for p, _ in most_missed(pairs)] == ["34", "21"]  # 11 was asked twice only; 44 never missed


def test_day_runs_split_where_a_study_day_is_not_24_hours():
    zone = ZoneInfo("Europe/Berlin")

    def start_of(day):
        return datetime.combine(day, datetime.min.time().replace(hour=4), tzinfo=zone).timestamp()

    days = [date(2026, 3, 25) + timedelta(days=i) for i in range(8)]  # summer time begins on 29 March, 2am
    runs = day_runs(days, start_of)
    # 25-27 March: 24-hour days; 28 March (4am CET to 4am CEST) is 23 hours long; then 24-hour days again
    assert [(day_of_number(r.first), (r.end - r.start) / 3600) for r in runs] == [
        (date(2026, 3, 25), 72.0), (date(2026, 3, 28), 23.0), (date(2026, 3, 29), 96.0)]
    for run in runs:  # every moment of a run lands on its own study day
        for hours in range(0, int(run.end - run.start) // 3600):
            moment = run.start + hours * 3600 + 60
            expected = by_study_day([(int(moment // 900), 1, 0)], zone, 4)
            assert list(expected) == [day_of_number(run.first + int((moment - run.start) // 86400))]
