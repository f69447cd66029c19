"""The review log as FSRS reads it: days between answers in study days, same-day steps count 0."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from lianxi.core.review_history import StudyDays, card_histories

UTC = timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")


def ts(*args, tz=UTC) -> float:
    return datetime(*args, tzinfo=tz).timestamp()


def test_learning_steps_count_zero_days_and_later_answers_count_study_days():
    rows = [
        (7, 3, ts(2026, 5, 4, 9, 0)),  # first answer
        (7, 1, ts(2026, 5, 4, 9, 1)),  # a learning step, same day
        (7, 3, ts(2026, 5, 4, 9, 11)),  # another
        (7, 3, ts(2026, 5, 5, 3, 59)),  # 03:59 next morning: still 4 May's study day
        (7, 3, ts(2026, 5, 5, 4, 0)),  # 04:00: a new day
        (7, 4, ts(2026, 5, 9, 23, 0)),  # four days later, late in the evening
        (9, 2, ts(2026, 5, 6, 12, 0)),  # another card starts again from 0
    ]
    histories = list(card_histories(rows, StudyDays(UTC)))
    assert histories == [
        (7, [(3, 0), (1, 0), (3, 0), (3, 0), (3, 1), (4, 4)], ts(2026, 5, 9, 23, 0)),
        (9, [(2, 0)], ts(2026, 5, 6, 12, 0)),
    ]


def test_days_follow_the_local_day_start_across_a_daylight_saving_change():
    # Berlin: clocks go forward on 29 March 2026. Answers at 04:30 local each morning.
    rows = [
        (1, 3, ts(2026, 3, 28, 4, 30, tz=BERLIN)),  # 03:30 UTC
        (1, 3, ts(2026, 3, 29, 4, 30, tz=BERLIN)),  # 02:30 UTC: only 23 hours later, but the next day
        (1, 3, ts(2026, 3, 30, 3, 30, tz=BERLIN)),  # 03:30 local: still 29 March's study day
    ]
    [(_, history, _)] = card_histories(rows, StudyDays(BERLIN))
    assert history == [(3, 0), (3, 1), (3, 0)]


def test_ratings_outside_one_to_four_are_left_out():
    rows = [(1, 3, ts(2026, 5, 4, 9)), (1, 0, ts(2026, 5, 5, 9)), (1, 3, ts(2026, 5, 6, 9))]
    [(_, history, _)] = card_histories(rows, StudyDays(UTC))
    assert history == [(3, 0), (3, 2)]
