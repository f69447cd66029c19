"""The statistics queries on a real progress file, each checked against answers written by hand."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Memory, State
from lianxi.store import statistics as q
from lianxi.store.db import open_database
from lianxi.store.drills import DrillAnswer, DrillLog

from samples import SAMPLE_LESSON

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


def review_memory(at: datetime, days: float = 3.0) -> Memory:
    return Memory(State.REVIEW, None, days, 5.0, at + timedelta(days=days), at)


def answer(progress, card_id: int, rating: int, at: datetime, after: Memory | None = None, ms: int = 5000,
           typed: str | None = None) -> int:
    card = progress.card(card_id)
    return progress.record(card, after or review_memory(at), rating, at, ms, typed)


def cards(learner) -> dict[tuple[str, str], int]:
    return {(h, k): i for i, h, k in learner.progress.conn.execute(
        "SELECT c.id, w.hanzi, c.kind FROM cards c JOIN words w ON w.id = c.word_id")}


def start(learner):
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    return cards(learner)


def test_answers_by_quarter_hour_with_drills_and_a_one_minute_cap(learner):
    ids = start(learner)
    conn = learner.progress.conn
    answer(learner.progress, ids[("你好", "recognition")], 3, T0, ms=4000)
    answer(learner.progress, ids[("谢谢", "recognition")], 3, T0 + timedelta(minutes=5), ms=600_000)  # 10 min idle
    answer(learner.progress, ids[("再见", "recognition")], 1, T0 + timedelta(minutes=20), ms=2000)
    DrillLog(learner.progress).record(DrillAnswer("tones", "3", "ma3", "3", "3", True, duration_ms=1500),
                                      T0 + timedelta(minutes=21))
    quarter = int(T0.timestamp() // 900)
    assert q.answers_by_quarter(conn, T0.timestamp()) == [(quarter, 2, 64_000), (quarter + 1, 2, 3_500)]
    assert q.answers_by_quarter(conn, (T0 + timedelta(minutes=16)).timestamp()) == [(quarter + 1, 2, 3_500)]


def test_due_words_leave_out_suspended_cards_and_count_buried_ones_when_they_come_back(learner):
    ids = start(learner)
    conn = learner.progress.conn
    for key in (("你好", "recognition"), ("你好", "recall"), ("谢谢", "recognition"), ("再见", "recognition")):
        answer(learner.progress, ids[key], 3, T0, review_memory(T0, 2))
    conn.execute("UPDATE cards SET suspended = 1 WHERE id = ?", (ids[("谢谢", "recognition")],))
    tomorrow = (T0 + timedelta(days=1)).timestamp()
    conn.execute("UPDATE cards SET buried_until = ? WHERE id = ?", (tomorrow + 5 * 86400, ids[("再见", "recognition")]))
    rows = sorted(q.due_words(conn, (T0 + timedelta(days=30)).timestamp()))
    words = dict(conn.execute("SELECT hanzi, id FROM words"))
    due = (T0 + timedelta(days=2)).timestamp()
    assert rows == sorted([(words["你好"], due), (words["你好"], due), (words["再见"], tomorrow + 5 * 86400)])


def test_retention_counts_only_answers_to_cards_that_were_in_review(learner):
    ids = start(learner)
    card = ids[("你好", "recognition")]
    answer(learner.progress, card, 3, T0)  # new -> review: not a review answer
    answer(learner.progress, card, 1, T0 + timedelta(days=3),
           Memory(State.RELEARNING, 0, 0.5, 7.0, T0 + timedelta(days=3, minutes=10), T0 + timedelta(days=3)))
    answer(learner.progress, card, 3, T0 + timedelta(days=3, minutes=10))  # relearning: not counted
    answer(learner.progress, card, 2, T0 + timedelta(days=6))  # review, remembered
    answer(learner.progress, ids[("谢谢", "recall")], 3, T0)
    answer(learner.progress, ids[("谢谢", "recall")], 4, T0 + timedelta(days=4))  # review, remembered
    states = [r[0] for r in learner.progress.conn.execute("SELECT state FROM reviews ORDER BY id")]
    assert states == [0, 2, 3, 2, 0, 2]
    assert q.retention(learner.progress.conn, T0.timestamp()) == [("recall", 1, 1), ("recognition", 2, 1)]
    assert q.retention(learner.progress.conn, (T0 + timedelta(days=5)).timestamp()) == [("recognition", 1, 1)]


def test_card_memories_are_the_started_cards_by_word(learner):
    ids = start(learner)
    answer(learner.progress, ids[("你好", "recognition")], 3, T0, review_memory(T0, 4.5))
    words = {hanzi: (word, reading) for word, hanzi, reading in q.words(learner.progress.conn)}
    assert words["你好"][1] == "ni3 hao3" and set(words) == {"你好", "谢谢", "再见"}
    assert q.card_memories(learner.progress.conn) == [(words["你好"][0], 2, 4.5, T0.timestamp())]


def test_typed_answers_are_read_once_and_undoing_an_answer_takes_its_tones_away(learner):
    ids = start(learner)
    conn = learner.progress.conn
    card = ids[("谢谢", "recognition")]
    first = answer(learner.progress, card, 3, T0, typed="xie4xie5")
    assert [r[0] for r in q.unread_typed_answers(conn)] == [first]
    with learner.progress.transaction():
        q.save_typed_tones(conn, [(first, 0, 4, 4), (first, 1, 5, 5)])
    assert q.unread_typed_answers(conn) == []
    before = learner.progress.card(card)
    second = answer(learner.progress, card, 1, T0 + timedelta(days=3), typed="xie2xie5")
    with learner.progress.transaction():
        q.save_typed_tones(conn, [(second, 0, 4, 2), (second, 1, 5, 5)])
    assert sorted(q.typed_tone_counts(conn)) == [(4, 2, 1), (4, 4, 1), (5, 5, 2)]
    learner.progress.undo(before, second)  # the learner pressed u
    assert sorted(q.typed_tone_counts(conn)) == [(4, 4, 1), (5, 5, 1)]


def test_session_answers_in_order_with_their_word(learner):
    ids = start(learner)
    a = answer(learner.progress, ids[("再见", "recall")], 1, T0, typed=None)
    b = answer(learner.progress, ids[("你好", "recognition")], 3, T0 + timedelta(seconds=9))
    rows = q.session_answers(learner.progress.conn, [b, a])
    assert [(r[2], r[3], r[7]) for r in rows] == [("recall", 1, "再见"), ("recognition", 3, "你好")]


def test_old_answers_get_the_state_they_were_given_in_from_their_timing(tmp_path):
    # a database written before m200: its answers had no state; learning steps come minutes apart
    source = Path(__file__).parents[1] / "data" / "store" / "progress-m022.db"
    shutil.copy(source, tmp_path / "lianxi.db")
    before = sqlite3.connect(tmp_path / "lianxi.db")
    rows = before.execute("SELECT id, card_id, reviewed_at, was_new FROM reviews ORDER BY card_id, reviewed_at, id").fetchall()
    before.close()
    expected = {}
    last: dict[int, float] = {}
    for review_id, card_id, at, was_new in rows:
        gap = at - last[card_id] if card_id in last else None
        expected[review_id] = 0 if was_new else 1 if gap is not None and gap < 12 * 3600 else 2
        last[card_id] = at
    conn = open_database(tmp_path / "lianxi.db")
    got = dict(conn.execute("SELECT id, state FROM reviews"))
    assert rows and set(got) == set(expected)
    # m100 merged cards of one word, so timing is read over the merged card's answers
    merged = {}
    last = {}
    for review_id, card_id, at, was_new in conn.execute(
            "SELECT id, card_id, reviewed_at, was_new FROM reviews ORDER BY card_id, reviewed_at, id"):
        gap = at - last[card_id] if card_id in last else None
        merged[review_id] = 0 if was_new else 1 if gap is not None and gap < 12 * 3600 else 2
        last[card_id] = at
    assert got == merged
    conn.close()


def tally(conn) -> dict[str, tuple[int, int, int, int]]:
    """kind -> (answers, ms, reviewed, remembered), summed over quarters."""
    return {k: (a, m, r, g) for k, a, m, r, g in conn.execute(
        "SELECT kind, SUM(answers), SUM(ms), SUM(reviewed), SUM(remembered) FROM answer_tally GROUP BY kind")}


def test_the_tally_follows_every_answer_written_undone_or_retimed(learner):
    ids = start(learner)
    conn = learner.progress.conn
    card = ids[("你好", "recognition")]
    answer(learner.progress, card, 3, T0, ms=3000)  # new card
    before = learner.progress.card(card)
    second = answer(learner.progress, card, 1, T0 + timedelta(days=3), ms=90_000)  # in review, forgotten; capped
    answer(learner.progress, ids[("谢谢", "recall")], 3, T0, ms=2000)
    DrillLog(learner.progress).record(DrillAnswer("tones", "3", "ma3", "3", "3", True, duration_ms=1500), T0)
    assert tally(conn) == {"recognition": (2, 63_000, 1, 0), "recall": (1, 2000, 0, 0), "drill": (1, 1500, 0, 0)}
    learner.progress.undo(before, second)
    assert tally(conn)["recognition"] == (1, 3000, 0, 0)
    conn.execute("UPDATE reviews SET duration_ms = 5000 WHERE card_id = ?", (card,))
    assert tally(conn)["recognition"] == (1, 5000, 0, 0)


def test_an_old_database_gets_its_tally_from_its_answers(tmp_path):
    source = Path(__file__).parents[1] / "data" / "store" / "progress-m022.db"
    shutil.copy(source, tmp_path / "lianxi.db")
    conn = open_database(tmp_path / "lianxi.db")
    raw = {k: (a, m, r, g) for k, a, m, r, g in conn.execute(
        "SELECT c.kind, COUNT(*), SUM(MIN(COALESCE(r.duration_ms, 0), 60000)), SUM(r.state = 2), "
        "SUM(r.state = 2 AND r.rating > 1) FROM reviews r JOIN cards c ON c.id = r.card_id GROUP BY c.kind")}
    drills = conn.execute("SELECT COUNT(*) FROM drill_answers").fetchone()[0]
    got = tally(conn)
    assert raw and {k: v for k, v in got.items() if k != "drill"} == raw
    assert got.get("drill", (0,))[0] == drills
    conn.close()


def test_answers_and_due_words_by_day_agree_with_the_day_of_each_moment_across_summer_time(learner):
    from zoneinfo import ZoneInfo

    from lianxi.core.schedule import day_start
    from lianxi.core.statistics import by_study_day, day_of_number, day_runs

    zone = ZoneInfo("Europe/Berlin")
    ids = start(learner)
    conn = learner.progress.conn
    first = datetime(2026, 3, 26, 1, 0, tzinfo=timezone.utc)
    log = DrillLog(learner.progress)
    moments = [first + timedelta(hours=5 * i + 0.25 * (i % 4)) for i in range(30)]  # every five hours
    for at in moments:
        log.record(DrillAnswer("tones", "1", "ma1", "1", "1", True, duration_ms=1000), at)
    days = [datetime(2026, 3, 25).date() + timedelta(days=i) for i in range(10)]
    runs = day_runs(days, lambda d: day_start(d, zone, 4).timestamp())
    by_day = {day_of_number(n): (a, ms) for n, a, ms in q.answers_by_day(conn, runs)}
    expected = by_study_day(q.answers_by_quarter(conn, 0), zone, 4)
    assert by_day == expected and sum(a for a, _ in by_day.values()) == 30
    # cards due at those moments: each word once a day, overdue ones today
    cards = list(ids.values())
    for card, at in zip(cards, moments[::4]):
        answer(learner.progress, card, 3, first - timedelta(days=1), review_memory(first - timedelta(days=1), 1))
        conn.execute("UPDATE cards SET due = ? WHERE id = ?", (at.timestamp(), card))
    today = datetime(2026, 3, 28).date()
    runs = day_runs([today + timedelta(days=i) for i in range(7)], lambda d: day_start(d, zone, 4).timestamp())
    got = {day_of_number(n): w for n, w in q.due_words_by_day(conn, runs, day_start(today, zone, 4).timestamp())}
    words = dict(conn.execute("SELECT id, word_id FROM cards"))
    want: dict = {}
    for card, due in conn.execute("SELECT id, due FROM cards WHERE state > 0"):
        day = max(list(by_study_day([(int(due // 900), 1, 0)], zone, 4))[0], today)
        want.setdefault(day, set()).add(words[card])
    assert got == {d: len(w) for d, w in want.items() if d < today + timedelta(days=7)}
