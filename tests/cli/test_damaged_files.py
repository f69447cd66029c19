"""Bad progress files: one line that says what to do, a non-zero exit, and the file left as it was.

Each case runs the real `lianxi` command in its own process (the console script's code
path, exit status included) on a data folder prepared on disk: a lock file that is a
folder, a database with garbage in the middle, a newer schema in rollback-journal mode.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating
from lianxi.store.db import open_database
from lianxi.study import Learner

COMMANDS = [
    ("lessons", "list"),
    ("stats",),
    ("lookup", "ni hao"),
    ("data", "export", "{out}/copy.db"),
    ("review",),
    (),  # the app itself
]


def lianxi(data_dir: Path, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "LIANXI_HOME": str(data_dir), "TERM": "dumb"}
    return subprocess.run([sys.executable, "-m", "lianxi", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)


def digest(folder: Path) -> str:
    """The progress file's bytes (SQLite may add an empty -wal/-shm beside a WAL file it only reads)."""
    wal = folder / "lianxi.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    return hashlib.sha256((folder / "lianxi.db").read_bytes()).hexdigest()


def one_line(result: subprocess.CompletedProcess) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


def studied(folder: Path, reviews: int = 2000) -> None:
    """A progress file with lessons and a few thousand answers (many pages), fully checkpointed."""
    learner = Learner.open(folder)
    learner.start_bundled("first-01-greetings")
    session = learner.session()
    session.next()
    for _ in range(10):
        session.answer(Rating.Good)
    conn = learner.progress.conn
    card = conn.execute("SELECT id FROM cards LIMIT 1").fetchone()[0]
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO reviews (card_id, rating, reviewed_at, answer) VALUES (?, 3, ?, ?)",
                     [(card, 1e9 + i, "x" * 200) for i in range(reviews)])
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    learner.close()


def test_a_lock_file_that_is_a_folder(tmp_path):
    data = tmp_path / "data"
    studied(data)
    (data / "lianxi.lock").mkdir()
    for args in [(), ("review",)]:
        result = lianxi(data, *args)
        assert result.returncode == 1
        line = one_line(result)
        assert "lianxi.lock is a folder" in line and "rmdir" in line


def test_garbage_in_the_middle_of_the_database(tmp_path):
    data = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir()
    studied(data)
    database = data / "lianxi.db"
    size = database.stat().st_size
    with open(database, "r+b") as f:  # a run of pages in the middle, overwritten
        f.seek((size // 2) // 4096 * 4096)
        f.write(os.urandom(4096 * 4))
    (data / "backups").mkdir(exist_ok=True)
    for old in (data / "backups").iterdir():  # as if today's check had not run yet
        old.unlink()
    before = digest(data)
    for command in COMMANDS:
        args = [a.format(out=out) for a in command]
        result = lianxi(data, *args)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        line = one_line(result)
        assert "damaged" in line and "lianxi data" in line, line
        assert digest(data) == before, command  # not one byte written
    assert list(out.iterdir()) == []  # nothing exported, not even a temporary file
    check = lianxi(data, "data", "check")
    assert check.returncode == 1 and "damaged" in check.stderr and "move the file away" in check.stderr.lower()
    assert digest(data) == before


def test_a_newer_schema_in_rollback_journal_mode_is_only_read(tmp_path):
    data = tmp_path / "data"
    studied(data)
    conn = open_database(data / "lianxi.db")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('lianxi', 'm999_future', 'x')")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    header = (data / "lianxi.db").read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback-journal mode
    before = digest(data)
    for command in COMMANDS[:3] + [("review",)]:
        result = lianxi(data, *command)
        assert result.returncode == 1
        line = one_line(result)
        assert "newer version of Lianxi" in line and "only read, not changed" in line
    check = lianxi(data, "data", "check")  # sound, but not for this version: it says what to do
    assert check.returncode == 0 and "newer version of Lianxi" in check.stdout and "update Lianxi" in check.stdout
    assert digest(data) == before
    assert (data / "lianxi.db").read_bytes()[18:20] == b"\x01\x01"


def test_data_check_on_a_sound_file_and_restore_of_a_backup(tmp_path):
    data = tmp_path / "data"
    studied(data, reviews=10)
    assert lianxi(data, "lessons", "list").returncode == 0  # the first start of the day backs up
    good = lianxi(data, "data", "check")
    assert good.returncode == 0 and "sound" in good.stdout
    listed = lianxi(data, "data", "backups")
    assert listed.returncode == 0 and "lianxi-" in listed.stdout


@pytest.mark.parametrize("what", ["lock", "damaged"])
def test_the_app_exits_non_zero_when_it_stops_on_an_error(tmp_path, what):
    data = tmp_path / "data"
    studied(data, reviews=500)
    if what == "lock":
        (data / "lianxi.lock").mkdir()
    else:
        (data / "lianxi.db").write_bytes(b"this is not a database" * 300)
    result = lianxi(data)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_a_failed_rollback_never_hides_the_real_error(tmp_path):
    """SQLite may end a transaction itself on a fault; the error reported is the fault, not
    "cannot rollback - no transaction is active"."""
    from lianxi.store.db import transaction

    conn = open_database(tmp_path / "x.db")
    with pytest.raises(sqlite3.OperationalError, match="no such table: nowhere"):
        with transaction(conn) as c:
            c.execute("ROLLBACK")  # the transaction is gone, as after SQLITE_FULL
            c.execute("SELECT * FROM nowhere")
    assert not conn.in_transaction


def test_review_of_a_bundled_lesson_not_started_starts_it_and_an_unknown_id_is_one_line(tmp_path):
    data = tmp_path / "data"
    unknown = lianxi(data, "review", "--lesson", "no-such-lesson")
    assert unknown.returncode == 1
    line = one_line(unknown)
    assert "no lesson with the id 'no-such-lesson'" in line and "lianxi lessons list" in line
    # a bundled lesson: started before the review opens (the app itself runs headless in the test below)
    learner = Learner.open(data)
    try:
        assert learner.lesson_to_review("first-01-greetings") == "Started first-01-greetings."
        assert learner.progress.lesson_states() == {"first-01-greetings": True}
        learner.progress.set_studying("first-01-greetings", False)
        assert learner.lesson_to_review("first-01-greetings") == "Resumed first-01-greetings."
        assert learner.lesson_to_review("first-01-greetings") == ""
    finally:
        learner.close()
