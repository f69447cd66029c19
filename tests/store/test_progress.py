"""Storage on a real file: WAL, migrations, re-import keeps progress, faults said clearly."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timezone

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating
from lianxi.store.db import AlreadyOpen, DataFolderUnusable, DataLock, NewerDatabase, open_database
from lianxi.study import Learner

from samples import SAMPLE_LESSON


def lesson(text: str = SAMPLE_LESSON):
    return parse_lesson(text.encode(), "sample.toml")


def test_the_database_is_one_file_in_wal_mode_with_recorded_migrations(data_dir):
    db = open_database(data_dir / "lianxi.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")]
    assert names[0] == "m001_study_loop"
    assert (data_dir / "lianxi.db").is_file()


def test_no_identity_columns_anywhere(learner):
    identity = {"name", "user", "username", "email", "phone", "gender", "birth", "country", "ethnicity",
                "nationality", "origin", "address", "contact", "age"}
    for table in learner.progress.db.table_names():
        if table.startswith("_sqlite"):  # sqlite-utils' own record of applied migrations
            continue
        for column in learner.progress.db[table].columns:
            assert not set(column.name.split("_")) & identity, f"{table}.{column.name}"


def test_each_answer_is_committed_when_given(learner, data_dir):
    learner.import_lessons([lesson()])
    session = learner.session()
    session.next()
    session.answer(Rating.Good)
    other = sqlite3.connect(data_dir / "lianxi.db")  # a second reader sees it at once
    assert other.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1
    assert other.execute("SELECT COUNT(*) FROM cards WHERE state > 0").fetchone()[0] == 1


def test_reimporting_an_edited_lesson_keeps_progress_of_unchanged_words(learner):
    learner.import_lessons([lesson()])
    session = learner.session()
    first = session.next()
    assert first.hanzi == "你好"
    session.answer(Rating.Good)
    card_id = first.id
    edited = SAMPLE_LESSON.replace('english = ["hello", "hi"]', 'english = ["hello"]').replace(
        '[[words]]\nhanzi = "再见"\npinyin = "zàijiàn"\nenglish = ["goodbye", "see you"]\n',
        '[[words]]\nhanzi = "早上"\npinyin = "zǎoshang"\nenglish = "morning"\n')
    (report,) = learner.import_lessons([lesson(edited)])
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 1)
    card = learner.progress.card(card_id)
    assert card.english == ("hello",) and card.reps == 1 and card.memory.state.value > 0
    # the removed word keeps its row but is no longer studied
    active_new = learner.progress.conn.execute("SELECT COUNT(*) FROM cards WHERE active AND state = 0").fetchone()[0]
    assert active_new == 5  # 你好 recall, 谢谢 x2, 早上 x2; 再见 hidden
    # and it comes back with its progress if the tutor restores it
    (again,) = learner.import_lessons([lesson()])
    assert (again.added, again.updated, again.removed) == (0, 2, 1)  # 再见 back in its old row, 早上 hidden
    assert learner.progress.conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 4


def test_each_lesson_of_an_import_is_stored_whole_or_not_at_all(learner):
    """Lessons are checked together before any is stored (see the CLI test); storing then
    goes lesson by lesson, each in its own short transaction, so a failure part-way leaves
    every lesson whole or absent, never half a lesson."""
    good = lesson()
    bad = lesson(SAMPLE_LESSON.replace("sample-greetings", "other"))
    broken = bad.__class__(id="other", title="x", level="y", words=(None,))  # fails inside its transaction
    with pytest.raises(Exception):
        learner.progress.sync_all([good, broken])
    conn = learner.progress.conn
    assert [r[0] for r in conn.execute("SELECT id FROM lessons")] == ["sample-greetings"]
    assert conn.execute("SELECT COUNT(*) FROM notes WHERE lesson_id = 'sample-greetings'").fetchone()[0] == 3
    assert conn.execute("SELECT COUNT(*) FROM notes WHERE lesson_id = 'other'").fetchone()[0] == 0


def test_a_database_from_a_newer_version_is_refused_untouched(data_dir):
    db = open_database(data_dir / "lianxi.db")
    db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('lianxi', 'm999_future', 'x')")
    db.close()
    before = (data_dir / "lianxi.db").read_bytes()
    with pytest.raises(NewerDatabase, match="newer version of Lianxi"):
        open_database(data_dir / "lianxi.db")
    assert (data_dir / "lianxi.db").read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere; covered by the missing-parent case")
def test_an_unwritable_data_folder_is_said_clearly(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(DataFolderUnusable, match="not writable"):
        open_database(folder / "lianxi.db")


def test_a_data_folder_that_cannot_be_created_is_said_clearly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderUnusable, match="Cannot create the data folder"):
        open_database(blocker / "data" / "lianxi.db")


def test_a_second_copy_on_the_same_data_is_refused(data_dir):
    code = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from lianxi.store.db import DataLock
        lock = DataLock(Path({str(data_dir)!r})).acquire()
        print("locked", flush=True)
        time.sleep(30)
    """)
    other = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyOpen, match=f"already open on this data folder \\(process {other.pid}\\)"):
            DataLock(data_dir).acquire()
    finally:
        other.kill()
        other.wait()
    with DataLock(data_dir):  # free again once the other copy is gone
        pass


def test_killing_the_process_mid_review_loses_no_answer(data_dir, lesson_file):
    path = lesson_file()
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from lianxi.study import Learner, read_lesson_file
        from lianxi.core.schedule import Rating
        learner = Learner.open(Path({str(data_dir)!r}))
        learner.import_lessons([read_lesson_file(Path({str(path)!r}))])
        session = learner.session()
        session.next()
        for i in range(3):
            session.answer(Rating.Good)
            print(i, flush=True)
        import time; time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    for _ in range(3):
        proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    again = Learner.open(data_dir, zone=timezone.utc)
    assert again.progress.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 3
    again.close()
