"""Rescheduling when the parameters change: every memory replayed, one transaction, kill-proof."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from lianxi.core.review_history import StudyDays
from lianxi.core.schedule import Rating, Scheduler, State
from lianxi.store.schedule import write_schedule
from lianxi.study import Learner, reschedule as reschedule_module
from lianxi.study.reschedule import new_schedule, reschedule

from simulated_learner import TRUE_PARAMETERS, studied, studied_template  # noqa: F401

NOW = datetime(2025, 4, 1, 12, 0, tzinfo=timezone.utc)
SRC = Path(__file__).resolve().parents[2] / "app"


def stored(learner) -> dict[int, tuple]:
    return {r[0]: r[1:] for r in learner.progress.conn.execute(
        "SELECT id, state, stability, difficulty, due FROM cards WHERE state > 0")}


def test_the_same_parameters_give_back_the_same_memories(studied):
    learner, _ = studied
    before = stored(learner)
    after = {c.id: c for c in new_schedule(learner, learner.settings, NOW)}
    assert set(after) == set(before)
    for card_id, (_, stability, difficulty, _) in before.items():
        assert after[card_id].stability == pytest.approx(stability, rel=1e-4)
        assert after[card_id].difficulty == pytest.approx(difficulty, rel=1e-4)


def test_py_fsrs_and_fsrs_rs_replay_to_the_same_memory_under_fitted_parameters(studied, monkeypatch):
    """The fitted weights mean the same thing in py-fsrs (which schedules) as in fsrs-rs (which fits)."""
    learner, _ = studied
    settings = replace(learner.settings, parameters=TRUE_PARAMETERS)
    with_rust = {c.id: c for c in new_schedule(learner, settings, NOW)}
    monkeypatch.setattr(reschedule_module, "library", lambda: None)
    with_python = {c.id: c for c in new_schedule(learner, settings, NOW)}
    assert set(with_rust) == set(with_python)
    for card_id, card in with_rust.items():
        assert with_python[card_id].stability == pytest.approx(card.stability, rel=1e-4)
        assert with_python[card_id].difficulty == pytest.approx(card.difficulty, rel=1e-4)
        assert with_python[card_id].due == card.due


def test_each_review_card_is_due_its_new_interval_after_its_last_study_day(studied):
    learner, _ = studied
    settings = replace(learner.settings, parameters=TRUE_PARAMETERS)  # fuzz is off for this learner
    before = stored(learner)
    done = reschedule(learner, settings, now=NOW)
    assert done.cards == len(before)
    scheduler = Scheduler(settings, timezone.utc)
    days = StudyDays(timezone.utc)
    review_cards = 0
    for card_id, last_review, state, stability, due in learner.progress.conn.execute(
            "SELECT id, last_review, state, stability, due FROM cards WHERE state > 0"):
        if state == State.REVIEW:
            review_cards += 1
            interval = scheduler.interval_days(stability)
            assert due == scheduler.start_of(date.fromordinal(days.number(last_review) + interval)).timestamp()
        else:
            assert due == before[card_id][3]  # learning steps keep their minutes
    assert review_cards > 100
    # the weaker memory of this learner brings cards back sooner than the defaults did
    assert sum(r[3] for r in stored(learner).values()) < sum(r[3] for r in before.values())


@pytest.mark.parametrize("sqlite", [(3, 40, 0), (3, 31, 1)])  # UPDATE ... FROM, and without it
def test_an_answer_given_meanwhile_keeps_its_own_memory(studied, clock, monkeypatch, sqlite):
    import sqlite3

    monkeypatch.setattr(sqlite3, "sqlite_version_info", sqlite)
    learner, _ = studied
    settings = replace(learner.settings, parameters=TRUE_PARAMETERS)
    latest = max(due for _, due in learner.progress.conn.execute("SELECT id, due FROM cards WHERE state > 0"))
    clock.now = datetime.fromtimestamp(latest, timezone.utc) + timedelta(minutes=1)  # everything is due
    planned = new_schedule(learner, settings, clock.now)
    session = learner.session()
    card = session.next()
    assert card.memory.state is not State.NEW and card.id in {c.id for c in planned}
    session.answer(Rating.Good)
    answered = learner.progress.card(card.id)
    assert write_schedule(learner.progress.conn, planned) == len(planned) - 1
    assert learner.progress.card(card.id).memory == answered.memory
    others = {c.id: c for c in planned if c.id != card.id}
    for card_id, (_, stability, difficulty, due) in stored(learner).items():
        if card_id in others:
            assert (stability, difficulty) == (others[card_id].stability, others[card_id].difficulty)
            assert due == (others[card_id].due if others[card_id].due is not None else due)


CHILD = textwrap.dedent("""
    import sys, time
    from dataclasses import replace
    from datetime import datetime, timezone
    from pathlib import Path
    sys.path.insert(0, {src!r})
    import lianxi.store.schedule as store_schedule
    from lianxi.study import Learner
    from lianxi.study.reschedule import reschedule

    where = sys.argv[2]
    learner = Learner.open(Path(sys.argv[1]), zone=timezone.utc)
    conn = learner.progress.conn
    real = store_schedule.transaction
    state = {{"writing": False, "ops": 0}}

    def pause(message):
        print(message, flush=True)
        time.sleep(60)

    def watch():  # called every few SQLite steps
        if state["writing"]:
            state["ops"] += 1
            if where == "mid-update" and state["ops"] == 20:
                pause("in the middle of the update")
        return 0

    from contextlib import contextmanager

    @contextmanager
    def instrumented(c):
        with real(c) as inner:
            state["writing"] = True
            yield inner
            if where == "before-commit":
                pause("all written, not committed")

    store_schedule.transaction = instrumented
    conn.set_progress_handler(watch, 50)
    params = {params!r}
    settings = replace(learner.settings, parameters=tuple(params))
    done = reschedule(learner, settings, store={{"fsrs_parameters": {{"parameters": params}}}},
                      now=datetime(2025, 4, 1, 12, 0, tzinfo=timezone.utc))
    print("done", done.cards, flush=True)
""")


@pytest.mark.parametrize("where", ["mid-update", "before-commit", "finish"])
def test_a_kill_during_rescheduling_leaves_the_old_schedule_or_the_new_one(studied, data_dir, where):
    studied[0].close()
    learner = Learner.open(data_dir, zone=timezone.utc, fuzz=True)
    old = stored(learner)
    new = {c.id: c for c in new_schedule(learner, replace(learner.settings, parameters=TRUE_PARAMETERS), NOW)}
    learner.close()
    assert any(abs(c.stability - old[i][1]) > 1e-3 for i, c in new.items())  # the schedules differ

    script = CHILD.format(src=str(SRC), params=list(TRUE_PARAMETERS))
    child = subprocess.Popen([sys.executable, "-c", script, str(data_dir), where],
                             stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    if where == "finish":
        assert child.wait(timeout=60) == 0 and line.startswith("done")
    else:
        assert line.strip() in ("in the middle of the update", "all written, not committed")
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)

    learner = Learner.open(data_dir, zone=timezone.utc)
    after = stored(learner)
    parameters = learner.progress.setting("fsrs_parameters")
    assert learner.progress.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    learner.close()
    if where == "finish":
        assert parameters == {"parameters": list(TRUE_PARAMETERS)}
        for card_id, card in new.items():
            assert after[card_id][1] == pytest.approx(card.stability)
            assert after[card_id][3] == (card.due if card.due is not None else old[card_id][3])
    else:
        assert after == old and parameters is None  # not one card of the new schedule
