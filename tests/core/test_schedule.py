"""FSRS scheduling with fixed UTC times and no fuzz: exact intervals; the 4am study day."""

from datetime import date, datetime, timedelta, timezone

from lianxi.core.schedule import Memory, Rating, Scheduler, Settings, State, day_start, format_interval, study_day

NOON = datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc)


def scheduler() -> Scheduler:
    return Scheduler(Settings(fuzz=False))


def test_a_new_card_follows_the_learning_steps():
    s = scheduler()
    again = s.review(Memory(), Rating.Again, NOON)
    assert again.state is State.LEARNING and again.due - NOON == timedelta(minutes=1)
    good = s.review(Memory(), Rating.Good, NOON)
    assert good.due - NOON == timedelta(minutes=10)
    graduated = s.review(good, Rating.Good, NOON + timedelta(minutes=10))
    assert graduated.state is State.REVIEW
    assert graduated.due - (NOON + timedelta(minutes=10)) >= timedelta(days=1)


def test_preview_matches_what_the_answer_gives_without_fuzz():
    s = scheduler()
    memory = s.review(s.review(Memory(), Rating.Good, NOON), Rating.Good, NOON + timedelta(minutes=10))
    later = memory.due
    preview = s.preview(memory, later)
    for rating in Rating:
        assert s.review(memory, rating, later).due - later == preview[rating]
    assert preview[Rating.Again] < preview[Rating.Hard] < preview[Rating.Good] < preview[Rating.Easy]


def test_desired_retention_changes_intervals():
    strict = Scheduler(Settings(fuzz=False, desired_retention=0.95))
    loose = Scheduler(Settings(fuzz=False, desired_retention=0.8))
    first = Memory()
    a = strict.review(strict.review(first, Rating.Easy, NOON), Rating.Good, NOON + timedelta(days=8))
    b = loose.review(loose.review(first, Rating.Easy, NOON), Rating.Good, NOON + timedelta(days=8))
    assert a.due < b.due


def test_the_study_day_rolls_over_at_four_in_the_morning():
    tz = timezone(timedelta(hours=8))  # Beijing
    assert study_day(datetime(2026, 1, 10, 19, 59, tzinfo=timezone.utc), tz) == date(2026, 1, 10)  # 03:59 local
    assert study_day(datetime(2026, 1, 10, 20, 0, tzinfo=timezone.utc), tz) == date(2026, 1, 11)  # 04:00 local
    assert day_start(date(2026, 1, 11), tz) == datetime(2026, 1, 10, 20, 0, tzinfo=timezone.utc)
    assert study_day(datetime(2026, 1, 10, 5, 0, tzinfo=timezone.utc), timezone.utc, starts_at=6) == date(2026, 1, 9)


def test_interval_text():
    assert [format_interval(timedelta(seconds=s)) for s in (30, 60, 600, 7200, 86400 * 3, 86400 * 45, 86400 * 400)] \
        == ["<1m", "1m", "10m", "2h", "3d", "1.5mo", "1.1y"]
