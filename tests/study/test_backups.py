"""Backups that protect (issue 14.4): when they are made, which are kept, checked, listed, restored."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from lianxi.cli import cli
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating
from lianxi.store.db import DataLock
from lianxi.study import Learner
from lianxi.study.backups import KEEP_DAILY, KEEP_NEWEST, KEEP_WEEKLY, backup_before, backups, make_backup, prune

from samples import SAMPLE_LESSON


def run(data_dir, *args, input=None):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], input=input, catch_exceptions=False)


def reviews(path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


def studied(learner, answers: int = 3) -> None:
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    session = learner.session()
    session.next()
    for _ in range(answers):
        session.answer(Rating.Good)


def test_the_first_start_of_each_study_day_backs_up_once(data_dir, clock):
    learner = Learner.open(data_dir, clock=clock, zone=timezone.utc)
    studied(learner)
    learner.close()
    assert backups(data_dir) == []  # a brand-new file has nothing to protect yet
    for _ in range(3):
        Learner.open(data_dir, clock=clock, zone=timezone.utc).close()
    (first,) = backups(data_dir)
    assert first.reason == "daily" and first.day == date(2026, 3, 2)
    assert reviews(first.path) == 3
    clock.advance(hours=17)  # 03:00 the next morning: still the same study day (it starts at 4)
    Learner.open(data_dir, clock=clock, zone=timezone.utc).close()
    assert len(backups(data_dir)) == 1
    clock.advance(hours=2)
    Learner.open(data_dir, clock=clock, zone=timezone.utc).close()
    assert [b.day for b in backups(data_dir)] == [date(2026, 3, 3), date(2026, 3, 2)]


def test_imports_and_erasing_back_up_first(learner, data_dir):
    studied(learner)
    other = SAMPLE_LESSON.replace("sample-greetings", "other")
    learner.import_lessons([parse_lesson(other.encode(), "other.toml")])
    (before_import,) = backups(data_dir)
    assert before_import.reason == "import" and reviews(before_import.path) == 3
    path = backup_before(learner, "optimize")  # what the optimizer calls before it reschedules
    assert path.exists() and "optimize" in path.name
    learner.close()
    result = run(data_dir, "data", "erase", "--yes")
    assert result.exit_code == 0 and "A backup was kept" in result.output
    assert not (data_dir / "lianxi.db").exists()
    assert [b.reason for b in backups(data_dir)][0] == "erase"
    assert run(data_dir, "data", "erase", "--yes", "--no-backup").exit_code == 0
    assert not (data_dir / "backups").exists()


def test_a_backup_counts_only_once_checked(learner, data_dir, tmp_path):
    studied(learner)
    learner.progress.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    broken = tmp_path / "broken.db"
    broken.write_bytes((data_dir / "lianxi.db").read_bytes()[:4096] + b"\x00garbage" * 2000)
    conn = sqlite3.connect(broken)
    from lianxi.store.db import Damaged

    with pytest.raises(Damaged, match="damaged"):
        make_backup(conn, data_dir, "daily", datetime(2026, 3, 2, 10, tzinfo=timezone.utc), timezone.utc)
    conn.close()
    assert backups(data_dir) == []
    assert [p.name for p in (data_dir / "backups").iterdir()] == []  # no temporary file either


def test_which_backups_are_kept(learner, data_dir):
    """Kept: the newest of each of the last 7 study days, of each of the last 4 weeks, the 3 newest."""
    studied(learner)
    start = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
    made = []
    for day in range(60):
        for hour in (0, 5):  # two a day: the daily one and one before an import
            when = start + timedelta(days=day, hours=hour)
            made.append((when, make_backup(learner.progress.conn, data_dir, "daily" if hour == 0 else "import",
                                           when, timezone.utc)))
    kept = {b.path for b in backups(data_dir)}
    newest_first = sorted(made, key=lambda m: m[0], reverse=True)
    expected = {p for _, p in newest_first[:KEEP_NEWEST]}
    days, weeks = {}, {}
    for when, p in newest_first:
        days.setdefault(when.date(), p)
        weeks.setdefault(when.date().isocalendar()[:2], p)
    expected |= set(list(days.values())[:KEEP_DAILY]) | set(list(weeks.values())[:KEEP_WEEKLY])
    assert kept == expected
    assert len(kept) <= KEEP_DAILY + KEEP_WEEKLY + KEEP_NEWEST
    assert prune(data_dir) == []
    # files a person put there are never touched
    (data_dir / "backups" / "my-notes.txt").write_text("mine")
    make_backup(learner.progress.conn, data_dir, "daily", start + timedelta(days=61), timezone.utc)
    assert (data_dir / "backups" / "my-notes.txt").exists()


def test_restore_asks_keeps_the_current_file_and_brings_the_backup_back(learner, data_dir, clock):
    studied(learner, answers=2)
    learner.close()
    Learner.open(data_dir, clock=clock, zone=timezone.utc).close()
    (backup,) = backups(data_dir)
    learner = Learner.open(data_dir, clock=clock, zone=timezone.utc)
    session = learner.session()
    session.next()
    session.answer(Rating.Again)
    learner.close()
    assert reviews(data_dir / "lianxi.db") == 3
    listed = run(data_dir, "data", "backups")
    assert backup.path.name in listed.output and "2 answers" in listed.output
    refused = run(data_dir, "data", "restore", backup.path.name, input="n\n")
    assert refused.exit_code != 0 and reviews(data_dir / "lianxi.db") == 3
    done = run(data_dir, "data", "restore", backup.path.name, input="y\n")
    assert done.exit_code == 0, done.output
    assert reviews(data_dir / "lianxi.db") == 2
    kept = [b for b in backups(data_dir) if b.reason == "restore"]
    assert len(kept) == 1 and reviews(kept[0].path) == 3  # what was replaced is a backup now
    assert not (data_dir / "lianxi.db-wal").exists() or (data_dir / "lianxi.db-wal").stat().st_size == 0
    with DataLock(data_dir):  # not while the app is open on it
        busy = run(data_dir, "data", "restore", "--yes", backup.path.name)
        assert busy.exit_code == 1 and "already open" in busy.output


def test_restore_refuses_what_is_not_a_sound_lianxi_file(learner, data_dir, tmp_path):
    studied(learner)
    learner.close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = run(data_dir, "data", "restore", "--yes", str(junk))
    assert result.exit_code == 1 and "damaged" in result.output
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    result = run(data_dir, "data", "restore", "--yes", str(other))
    assert result.exit_code == 1 and "not a Lianxi progress file" in result.output
    assert reviews(data_dir / "lianxi.db") == 3
