"""Answers under a busy database: never lost, never a traceback, never a long wait (issue 14.2).

Real processes on a real file: another process holds the write lock, or imports 30,000
sentences, or is killed with SIGKILL part-way; the learner's answers are counted in the
file afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating
from lianxi.store.sentences import VISIBLE
from lianxi.study.saving import keep_for_later

WORDS = 30


def _lesson():
    body = "".join(f'[[words]]\nhanzi = "{chr(0x4E00 + i)}{chr(0x4E80 + i)}"\npinyin = "ma1 ma1"\nenglish = "w{i}"\n\n'
                   for i in range(WORDS))
    return parse_lesson(f'id = "load"\ntitle = "Load"\nlevel = "x"\n\n{body}'.encode(), "load.toml")


@pytest.fixture
def studying(learner):
    learner.change_settings(new_per_day=200)
    learner.import_lessons([_lesson()])
    return learner


def _reviews(folder: Path) -> int:
    conn = sqlite3.connect(folder / "lianxi.db")
    try:
        return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


HOLD_LOCK = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES ('other', '1') ON CONFLICT (key) DO NOTHING")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
""")


def test_answers_while_another_process_holds_the_write_lock_are_kept_and_saved_after(studying, data_dir):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data_dir / "lianxi.db"), "2.5"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        session = studying.session()
        session.next()
        shown, waits = [], []
        for _ in range(11):  # the 11 answer keys
            shown.append(session.current.id)
            t = time.perf_counter()
            session.answer(Rating.Good)
            waits.append(time.perf_counter() - t)
            # neither an answered card nor its sibling comes again while its answer waits
            waiting_words = {p.card.hanzi for p in session.pending}
            assert session.current is None or session.current.hanzi not in waiting_words
        assert len(session.pending) == 11 and session.problem is not None
        assert "busy" in session.problem.reason
        assert max(waits) < 1.0  # each key waits ~0.1 s for the lock, then the answer is kept
        assert _reviews(data_dir) == 0
    finally:
        holder.wait(timeout=20)
    assert session.retry_saving() == 0
    assert _reviews(data_dir) == 11
    rows = studying.progress.conn.execute("SELECT card_id FROM reviews ORDER BY id").fetchall()
    assert [r[0] for r in rows] == shown  # in the order given
    assert studying.progress.conn.execute(
        "SELECT COUNT(*) FROM cards WHERE state > 0").fetchone()[0] == 11


def test_undo_of_an_answer_not_saved_yet_just_drops_it(studying, data_dir):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data_dir / "lianxi.db"), "1.5"],
                              stdout=subprocess.PIPE, text=True)
    try:
        holder.stdout.readline()
        session = studying.session()
        first = session.next()
        session.answer(Rating.Again)
        session.answer(Rating.Good)
        assert session.undo().id != first.id
        assert len(session.pending) == 1
    finally:
        holder.wait(timeout=20)
    assert session.retry_saving() == 0
    assert [r[0] for r in studying.progress.conn.execute("SELECT card_id FROM reviews")] == [first.id]


def test_answers_that_cannot_be_saved_before_quitting_are_added_on_the_next_start(studying, data_dir, clock):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data_dir / "lianxi.db"), "1.5"],
                              stdout=subprocess.PIPE, text=True)
    try:
        holder.stdout.readline()
        session = studying.session()
        session.next()
        for _ in range(3):
            session.answer(Rating.Good)
        kept = keep_for_later(studying, session.pending)
        assert json.loads(kept.read_text())[0]["card"] == session.history[0].card.id
    finally:
        holder.wait(timeout=20)
    studying.close()
    from lianxi.study import Learner

    again = Learner.open(data_dir, clock=clock)
    try:
        assert _reviews(data_dir) == 3 and not kept.exists()
    finally:
        again.close()
    again = Learner.open(data_dir, clock=clock)  # opening again adds nothing twice
    again.close()
    assert _reviews(data_dir) == 3


# -- a long import in another process --------------------------------------------------------


def _sentence_file(path: Path, count: int) -> Path:
    lines = [f"Sentence {i}.\t{chr(0x4E00 + i % 30)}{chr(0x4E80 + i % 30)}句子{i}。\tLianxi tests #{i} (CC0)"
             for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


ANSWER_LOOP = textwrap.dedent("""
    import sys, time
    from lianxi.core.schedule import Rating
    from lianxi.study import Learner
    learner = Learner.open(sys.argv[1])
    session = learner.session()
    session.next()
    print("ready", flush=True)
    while session.current is not None:
        t = time.perf_counter()
        session.answer(Rating.Good)
        took = time.perf_counter() - t
        # acknowledged: written (or, if it had to wait, kept in memory and written later)
        print(f"answered {took:.4f} {len(session.pending)}", flush=True)
        session.retry_saving()
        time.sleep(0.02)
    print("done", flush=True)
""")


def test_answers_during_a_long_sentence_import_wait_briefly_and_all_arrive(studying, data_dir, tmp_path):
    big = _sentence_file(tmp_path / "sentences.tsv", 30_000)
    studying.close()
    env = {**os.environ, "LIANXI_HOME": str(data_dir)}
    importer = subprocess.Popen([sys.executable, "-m", "lianxi", "sentences", "import", str(big)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answering = subprocess.Popen([sys.executable, "-c", ANSWER_LOOP, str(data_dir)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = answering.communicate(timeout=120)
    imported, import_err = importer.communicate(timeout=120)
    assert answering.returncode == 0, err
    assert importer.returncode == 0, import_err
    assert "Traceback" not in err + import_err
    waits = [float(line.split()[1]) for line in out.splitlines() if line.startswith("answered")]
    # each word's first card twice (new, then its learning step); its sibling waits for tomorrow
    assert len(waits) == 2 * WORDS
    assert _reviews(data_dir) == 2 * WORDS  # every answer is in the file
    assert sorted(waits)[len(waits) // 2] < 0.1  # the usual answer does not wait for the import
    conn = sqlite3.connect(data_dir / "lianxi.db")
    assert conn.execute(f"SELECT COUNT(*) FROM sentences WHERE {VISIBLE}").fetchone()[0] == 30_000
    conn.close()


def test_a_killed_import_leaves_nothing_half_done_and_the_next_one_completes(studying, data_dir, tmp_path):
    big = _sentence_file(tmp_path / "sentences.tsv", 30_000)
    session = studying.session()
    session.next()
    for _ in range(5):
        session.answer(Rating.Good)
    studying.close()
    env = {**os.environ, "LIANXI_HOME": str(data_dir)}
    importer = subprocess.Popen([sys.executable, "-m", "lianxi", "sentences", "import", str(big)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    conn = sqlite3.connect(data_dir / "lianxi.db", timeout=10)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill it while it writes its batches
        staged = conn.execute("SELECT COUNT(*) FROM sentences WHERE import_batch IS NOT NULL").fetchone()[0]
        if staged > 1000:
            break
        time.sleep(0.01)
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    assert staged > 1000
    # nothing of the stopped import is visible; every answer is there; the file is sound
    assert conn.execute(f"SELECT COUNT(*) FROM sentences WHERE {VISIBLE}").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM word_examples").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 5
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    done = subprocess.run([sys.executable, "-m", "lianxi", "sentences", "import", str(big)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(data_dir / "lianxi.db")
    assert conn.execute(f"SELECT COUNT(*) FROM sentences WHERE {VISIBLE}").fetchone()[0] == 30_000
    assert conn.execute(f"SELECT COUNT(*) FROM sentences WHERE NOT {VISIBLE}").fetchone()[0] == 0
    conn.close()
