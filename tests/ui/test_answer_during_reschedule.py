"""An answer given in the app while `lianxi optimize` reschedules every card (another process,
one transaction holding the write lock for about a second) is kept, saved as soon as the
transaction ends, and keeps its own memory; the learner sees no warning for so short a wait.
If the file stays busy longer, the learner is told."""

import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lianxi.core.schedule import State
from lianxi.ui.app import make_app
from lianxi.ui.screens.review import ReviewScreen

from simulated_learner import TRUE_PARAMETERS, studied, studied_template  # noqa: F401

SRC = Path(__file__).resolve().parents[2] / "app"

CHILD = textwrap.dedent("""
    import sys, time
    from contextlib import contextmanager
    from dataclasses import replace
    from datetime import datetime, timezone
    from pathlib import Path
    sys.path.insert(0, {src!r})
    import lianxi.store.schedule as store_schedule
    from lianxi.study import Learner
    from lianxi.study.reschedule import reschedule

    learner = Learner.open(Path(sys.argv[1]), zone=timezone.utc)
    real = store_schedule.transaction

    @contextmanager
    def slow(conn):  # the rescheduling transaction, held until the test says "go" (or `hold` seconds)
        with real(conn) as inner:
            print("holding the write lock", flush=True)
            yield inner
            if sys.argv[2] == "until-told":
                sys.stdin.readline()
            else:
                time.sleep(float(sys.argv[2]))

    store_schedule.transaction = slow
    settings = replace(learner.settings, parameters={params!r})
    done = reschedule(learner, settings, store={{"fsrs_parameters": {{"parameters": list({params!r})}}}})
    print("done", done.cards, flush=True)
""")


def start_rescheduling(data_dir, hold: str) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(src=str(SRC), params=TRUE_PARAMETERS),
                              str(data_dir), hold], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "holding the write lock"
    return child


def unsaved_line(app) -> str:
    widget = app.screen.query_one("#unsaved")
    return str(widget.render()) if widget.has_class("shown") else ""


async def answer_one(app, pilot):
    await pilot.press("space")
    await pilot.press("3")
    await pilot.pause()


def setup(studied, clock):
    learner, _ = studied
    latest = learner.progress.conn.execute("SELECT MAX(due) FROM cards WHERE state > 0").fetchone()[0]
    clock.now = datetime.fromtimestamp(latest, timezone.utc) + timedelta(minutes=1)  # everything is due
    learner.progress.set_setting("welcomed", True)
    return learner


async def test_an_answer_during_rescheduling_is_saved_after_it_without_a_warning(studied, clock, data_dir):
    learner = setup(studied, clock)
    answers = learner.progress.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        card = screen.session.current
        assert card is not None and card.memory.state is not State.NEW
        child = start_rescheduling(data_dir, "until-told")
        await answer_one(app, pilot)
        assert len(screen.session.pending) == 1  # kept: the file is held by the rescheduling
        assert screen.session.current is not None and screen.session.current.id != card.id  # the next card
        assert unsaved_line(app) == ""  # no warning for a wait this short
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.wait(timeout=60) == 0
        for _ in range(20):  # saved within a quick retry of the transaction's end
            await pilot.pause(0.1)
            if not screen.session.pending:
                break
        assert screen.session.pending == [] and unsaved_line(app) == ""
        assert learner.progress.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == answers + 1
        stored = learner.progress.card(card.id)
        assert stored.reps == card.reps + 1 and stored.memory.last_review == clock.now
        assert learner.progress.setting("fsrs_parameters") == {"parameters": list(TRUE_PARAMETERS)}


async def test_a_longer_busy_spell_is_shown_then_cleared(studied, clock, data_dir):
    learner = setup(studied, clock)
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        child = start_rescheduling(data_dir, "4.0")
        await answer_one(app, pilot)
        assert unsaved_line(app) == ""
        started = time.monotonic()
        while not unsaved_line(app) and time.monotonic() - started < 3.5:
            await pilot.pause(0.1)
        assert "1 answer not saved yet: the progress file is busy" in unsaved_line(app)
        assert child.wait(timeout=60) == 0
        for _ in range(40):
            await pilot.pause(0.1)
            if not screen.session.pending:
                break
        assert screen.session.pending == [] and unsaved_line(app) == ""
