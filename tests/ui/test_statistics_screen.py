"""The statistics screen through Pilot at 80x24: what it draws is checked against the database."""

from __future__ import annotations

import tomllib
from datetime import datetime, timezone

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.pinyin import parse
from lianxi.core.words import reading_key
from lianxi.store.drills import DrillLog
from lianxi.ui.app import make_app
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.statistics import StatisticsScreen

from drawn import drawn
from history import study
from samples import REPO, SAMPLE_LESSON


@pytest.fixture
def studied(learner, clock):
    learner.progress.set_setting("welcomed", True)
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    learner.start_bundled("first-01-greetings")
    study(learner, clock, 20, skip_every=7, per_day=20)
    session = learner.session()  # a few answers today
    session.next()
    for _ in range(3):
        clock.advance(minutes=11)
        session.answer(3)
    with learner.progress.transaction() as c:  # the same answer times on every run
        c.execute("UPDATE reviews SET duration_ms = 4000 WHERE reviewed_at >= ?",
                  (datetime(2026, 3, 22, 4, tzinfo=timezone.utc).timestamp(),))
    return learner


async def open_statistics(app, pilot):
    await pilot.press("s")
    assert isinstance(app.screen, StatisticsScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_each_tab_draws_the_learners_own_figures(studied):
    conn = studied.progress.conn
    since = datetime(2026, 3, 22, 4, tzinfo=timezone.utc).timestamp()
    answers, words = conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT c.word_id) FROM reviews r JOIN cards c ON c.id = r.card_id "
        "WHERE reviewed_at >= ?", (since,)).fetchone()
    app = make_app(studied)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_statistics(app, pilot)
        text = drawn(app)
        assert f"Today   {answers} answers on {words} word" in text
        assert "Streak  7 days" in text  # 16-21 March and today
        assert "Sunday 22 March 2026" in text
        await pilot.press("2")
        end_of_today = datetime(2026, 3, 23, 4, tzinfo=timezone.utc).timestamp()
        due = conn.execute("SELECT COUNT(DISTINCT word_id) FROM cards WHERE active AND state > 0 AND NOT suspended "
                           "AND due < ?", (end_of_today,)).fetchone()[0]
        assert f"Coming due  today {due} ·" in drawn(app)
        await pilot.press("3")
        month = datetime(2026, 2, 21, 4, tzinfo=timezone.utc).timestamp()
        total, remembered = conn.execute("SELECT COUNT(*), SUM(rating > 1) FROM reviews WHERE state = 2 AND "
                                         "reviewed_at >= ?", (month,)).fetchone()
        row = next(line for line in drawn(app).splitlines() if "Last 30 days" in line)
        assert row.split()[3:6] == [str(total), str(remembered), f"{100 * remembered / total:.0f}%"]
        await pilot.press("right")  # the HSK tab
        hsk = next(line for line in drawn(app).splitlines() if "2.0 level 1 " in line)
        assert hsk.split()[-1] == "150"
        known, learning = (int(n) for n in hsk.split()[-3:-1])
        # the level's words as its lesson files list them, matched by hanzi and reading as the store keys words
        # (喂 wéi of the first course is not the HSK list's 喂 wèi)
        level_1 = {(w["hanzi"], reading_key(w["hanzi"], " ".join(x.numbered for x in parse(w["pinyin"]))))
                   for path in (REPO / "lessons" / "hsk" / "hsk2-level1").glob("*.toml")
                   for w in tomllib.loads(path.read_text(encoding="utf-8"))["words"]}
        started = set(conn.execute(
            "SELECT DISTINCT w.hanzi, w.reading FROM cards c JOIN words w ON w.id = c.word_id WHERE c.state > 0"))
        assert known + learning == len(started & level_1) > 10
        await pilot.press("5")
        confusion = DrillLog(studied.progress).confusion()
        typed = dict(((a, g), n) for a, g, n in conn.execute(
            "SELECT asked, given, COUNT(*) FROM typed_tones WHERE position >= 0 GROUP BY asked, given"))
        right_4 = confusion.get((4, 4), 0) + typed.get((4, 4), 0)
        row = next(line for line in drawn(app).splitlines() if line.strip().startswith("4 ") and "%" in line)
        assert row.split()[4] == str(right_4)
        await pilot.press("6")
        assert "minutes a day" in drawn(app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "q")
        assert isinstance(app.screen, HomeScreen)


async def test_a_new_learner_sees_calm_empty_figures(learner):
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_statistics(app, pilot)
        assert "Today   nothing yet" in drawn(app) and "Streak  0 days" in drawn(app)
        await pilot.press("5")
        assert "Tones  nothing yet" in drawn(app)


def stats_app(studied):
    return make_app(studied)


async def _settle(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("tab", ["1", "2", "3", "4", "5", "6"])
def test_statistics_snapshot(snap_compare, studied, tab):
    assert snap_compare(stats_app(studied), press=["s", tab], terminal_size=(80, 24), run_before=_settle)


def test_statistics_snapshot_100x30(snap_compare, studied):
    assert snap_compare(stats_app(studied), press=["s"], terminal_size=(100, 30), run_before=_settle)
