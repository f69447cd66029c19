"""Due on the study day, for a learner in a real zone (Berlin; clocks go forward on 29 March 2026).

A card due on Wednesday is shown from Wednesday 04:00 local time, not at the time of day it
was answered; the day rolls over at the day start of each date (23 or 25 hours on change
days); the streak counts each answer in its own moment's study day.
"""

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating, State, day_start
from lianxi.study import Learner
from lianxi.study.schedule_settings import align_due_days, change_day_start

from samples import SAMPLE_LESSON

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc


@pytest.fixture
def berliner(data_dir, clock):
    learner = Learner.open(data_dir, clock=clock, zone=BERLIN, fuzz=False)
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    yield learner
    learner.close()


def local(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN).astimezone(UTC)


def test_a_card_answered_in_the_evening_is_shown_from_four_in_the_morning(berliner, clock):
    berliner.change_settings(new_per_day=1)
    clock.now = local(2026, 1, 12, 18, 33)  # Monday evening
    session = berliner.session()
    card = session.next()
    session.answer(Rating.Easy)  # a new card straight to review: several days
    berliner.change_settings(new_per_day=0)  # nothing new from here: only that card can come back
    memory = berliner.progress.card(card.id).memory
    assert memory.state is State.REVIEW
    due_day = memory.due.astimezone(BERLIN)
    assert (due_day.hour, due_day.minute) == (4, 0) and due_day.date() > date(2026, 1, 12)
    clock.now = local(due_day.year, due_day.month, due_day.day, 3, 30)
    assert berliner.session().next() is None  # not yet: the day has not begun
    clock.now = local(due_day.year, due_day.month, due_day.day, 4, 0)
    assert berliner.session().next().id == card.id  # shown in the morning, not at 18:33


def test_the_session_rolls_over_at_the_real_day_start_on_the_change_day(berliner, clock):
    berliner.change_settings(new_per_day=1)
    clock.now = local(2026, 3, 29, 3, 30)  # 03:30 CEST: still 28 March's study day
    session = berliner.session()
    session.next()
    assert session.answer(Rating.Good) is not None  # its learning step; no new card left today
    session.answer(Rating.Good)  # graduates
    assert session.next() is None
    clock.now = local(2026, 3, 29, 4, 5)  # 02:05 UTC: a new study day, 23 hours after the last began
    card = session.next()
    assert card is not None and card.is_new  # today's new card


def test_cards_scheduled_before_due_days_move_to_the_start_of_their_day(berliner, clock):
    card_id = berliner.progress.conn.execute("SELECT MIN(id) FROM cards").fetchone()[0]
    wednesday_evening = local(2026, 1, 14, 18, 33).timestamp()
    berliner.progress.conn.execute(
        "UPDATE cards SET state = 2, stability = 5, difficulty = 5, due = ?, last_review = ? WHERE id = ?",
        (wednesday_evening, wednesday_evening - 5 * 86400, card_id))
    assert align_due_days(berliner) == 1
    assert berliner.progress.card(card_id).memory.due == local(2026, 1, 14, 4, 0)
    assert align_due_days(berliner) == 0  # once
    # a later day-start hour: the card stays due on Wednesday, from 06:00
    change_day_start(berliner, 6)
    assert berliner.settings.day_starts_at == 6
    assert berliner.progress.card(card_id).memory.due == local(2026, 1, 14, 6, 0)
    assert berliner.today_start(local(2026, 1, 14, 5, 59)) == local(2026, 1, 13, 6, 0)


def test_the_streak_counts_each_answer_in_its_own_study_day(berliner, clock):
    answers = [
        local(2026, 3, 28, 3, 30),  # 03:30 CET: 27 March's study day
        local(2026, 3, 28, 12, 0),
        local(2026, 3, 29, 12, 0),  # summer time from here
        local(2026, 3, 30, 10, 0),
    ]
    card_id = berliner.progress.conn.execute("SELECT MIN(id) FROM cards").fetchone()[0]
    berliner.progress.conn.executemany(
        "INSERT INTO reviews (card_id, rating, reviewed_at) VALUES (?, 3, ?)",
        [(card_id, moment.timestamp()) for moment in answers])
    clock.now = local(2026, 3, 30, 11, 0)
    assert berliner.streak() == 4  # 27, 28, 29 and 30 March


def test_the_local_zone_is_a_real_zone_that_follows_daylight_saving():
    code = (
        "from datetime import datetime\n"
        "from lianxi.study import local_zone\n"
        "zone = local_zone()\n"
        "print(datetime(2026, 1, 15, 12, tzinfo=zone).utcoffset(), datetime(2026, 7, 15, 12, tzinfo=zone).utcoffset())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"TZ": "Europe/Berlin", "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["1:00:00", "2:00:00"]


def test_day_start_uses_the_offset_of_its_own_date():
    assert day_start(date(2026, 3, 28), BERLIN) == datetime(2026, 3, 28, 3, 0, tzinfo=UTC)
    assert day_start(date(2026, 3, 29), BERLIN) == datetime(2026, 3, 29, 2, 0, tzinfo=UTC)
    assert day_start(date(2026, 3, 29), BERLIN) - day_start(date(2026, 3, 28), BERLIN) == timedelta(hours=23)
