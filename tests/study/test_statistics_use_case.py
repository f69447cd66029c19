"""The statistics use case on a real history (real sessions, answers and drills over weeks),
each figure checked against the database or against rules worked out by hand."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from lianxi.core.cards import CardKind
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Memory, State, study_day
from lianxi.store.drills import DrillAnswer, DrillLog
from lianxi.study.statistics import statistics, tone_evidence
from lianxi.study.typed_cards import choose_kinds

from history import study

WORDS = """\
id = "five"
title = "Five words"
level = "HSK 1"

[[words]]
hanzi = "你"
pinyin = "nǐ"
english = "you"

[[words]]
hanzi = "好"
pinyin = "hǎo"
english = "good"

[[words]]
hanzi = "是"
pinyin = "shì"
english = "to be"

[[words]]
hanzi = "谢谢"
pinyin = "xièxie"
english = "thank you"

[[words]]
hanzi = "再见"
pinyin = "zàijiàn"
english = "goodbye"
"""

# the same 你 and 好 in a second lesson: one word each, counted once
AGAIN = WORDS.replace('id = "five"', 'id = "again"').replace("Five words", "The same words")


@pytest.fixture
def weeks(learner, clock):
    """Twenty days of study from 2 March, every seventh day skipped (8 and 15 March)."""
    learner.import_lessons([parse_lesson(WORDS.encode(), "five.toml")])
    learner.start_bundled("first-01-greetings")
    study(learner, clock, 20, skip_every=7, per_day=25)
    return learner


def test_calendar_and_streak_follow_the_days_studied(weeks, clock):
    figures = statistics(weeks)
    today = date(2026, 3, 22)
    assert figures.today_date == today
    studied = {d.day for d in figures.calendar if d.answers}
    expected = {date(2026, 3, 2) + timedelta(days=i) for i in range(20) if i % 7 != 6}
    assert studied == expected
    # 16 to 21 March studied, today not yet: a 6-day streak; each run was 6 days long
    assert (figures.streak.current, figures.streak.longest, figures.streak.studied_today) == (6, 6, False)
    conn = weeks.progress.conn
    answers = conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    drills = conn.execute("SELECT COUNT(*) FROM drill_answers").fetchone()[0]
    assert sum(d.answers for d in figures.calendar) == answers + drills
    per_day: dict[date, int] = {}
    for (at,) in conn.execute("SELECT reviewed_at FROM reviews UNION ALL SELECT answered_at FROM drill_answers"):
        day = study_day(datetime.fromtimestamp(at, timezone.utc), timezone.utc, 4)
        per_day[day] = per_day.get(day, 0) + 1
    assert {d.day: d.answers for d in figures.calendar if d.answers} == per_day


def test_today_counts_answers_cards_and_words_apart(weeks, clock):
    session = weeks.session()
    card = session.next()
    for rating in (1, 3, 3, 3):
        clock.advance(minutes=11)  # learning steps come due
        card = session.answer(rating)
    figures = statistics(weeks)
    conn = weeks.progress.conn
    since = datetime(2026, 3, 22, 4, tzinfo=timezone.utc).timestamp()
    answers, cards, words = conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT r.card_id), COUNT(DISTINCT c.word_id) FROM reviews r "
        "JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= ?", (since,)).fetchone()
    assert (figures.today.answers, figures.today.cards, figures.today.words) == (answers, cards, words)
    assert answers == 4 and cards <= 4 and words <= cards
    assert figures.streak.studied_today and figures.streak.current == 7
    stats = weeks.stats()
    assert (figures.today.due, figures.today.new) == (stats.due, stats.new)


def test_forecast_counts_words_due_each_day(weeks):
    figures = statistics(weeks)
    conn = weeks.progress.conn
    assert len(figures.forecast) == 30 and figures.forecast[0][0] == date(2026, 3, 22)
    end_of_today = datetime(2026, 3, 23, 4, tzinfo=timezone.utc).timestamp()
    due_today = conn.execute("SELECT COUNT(DISTINCT word_id) FROM cards WHERE active AND state > 0 "
                             "AND NOT suspended AND due < ?", (end_of_today,)).fetchone()[0]
    assert figures.forecast[0][1] == due_today
    in_30 = datetime(2026, 4, 21, 4, tzinfo=timezone.utc).timestamp()
    word_days = conn.execute(
        "SELECT COUNT(*) FROM (SELECT DISTINCT word_id, CAST((MAX(due, ?) - 14400) / 86400 AS INTEGER) FROM cards "
        "WHERE active AND state > 0 AND NOT suspended AND due < ?)", (end_of_today - 86400, in_30)).fetchone()[0]
    assert sum(n for _, n in figures.forecast) == word_days


def test_true_retention_is_the_share_of_review_answers_remembered(weeks):
    figures = statistics(weeks)
    conn = weeks.progress.conn
    since = datetime(2026, 2, 21, 4, tzinfo=timezone.utc).timestamp()
    total, remembered = conn.execute(
        "SELECT COUNT(*), SUM(rating > 1) FROM reviews WHERE state = 2 AND reviewed_at >= ?", (since,)).fetchone()
    assert (figures.retention.month.total, figures.retention.month.part) == (total, remembered)
    assert total > 20
    assert sum(s.total for s in figures.retention.kinds.values()) == total
    assert figures.retention.desired == 0.9
    week = datetime(2026, 3, 16, 4, tzinfo=timezone.utc).timestamp()
    assert figures.retention.week.total == conn.execute(
        "SELECT COUNT(*) FROM reviews WHERE state = 2 AND reviewed_at >= ?", (week,)).fetchone()[0]


def test_hsk_coverage_knows_a_word_only_when_every_card_is_recalled_at_ninety_percent(learner, clock):
    learner.import_lessons([parse_lesson(WORDS.encode(), "five.toml"), parse_lesson(AGAIN.encode(), "again.toml")])
    conn = learner.progress.conn
    ids = {(h, k): i for i, h, k in conn.execute(
        "SELECT c.id, w.hanzi, c.kind FROM cards c JOIN words w ON w.id = c.word_id")}
    now = clock()

    def set_memory(hanzi, kind, state, stability, days_ago):
        at = now - timedelta(days=days_ago)
        learner.progress.record(learner.progress.card(ids[(hanzi, kind)]),
                                Memory(state, None if state is State.REVIEW else 0, stability, 5.0,
                                       at + timedelta(days=1), at), 3, at)

    set_memory("你", "recognition", State.REVIEW, 30.0, 2)  # both cards fresh: known
    set_memory("你", "recall", State.REVIEW, 20.0, 1)
    set_memory("好", "recognition", State.REVIEW, 30.0, 2)  # one card still in its learning steps: learning
    set_memory("好", "recall", State.LEARNING, 0.2, 0)
    set_memory("是", "recognition", State.REVIEW, 5.0, 10)  # 10 days on a 5-day memory: under 90%: learning
    # 谢谢 and 再见 never answered: not started
    level = next(c for c in statistics(learner).hsk if c.name == "HSK 2.0 level 1")
    assert (level.known, level.learning, level.words) == (1, 2, 150)
    band = next(c for c in statistics(learner).hsk if c.name == "HSK 3.0 band 1")
    assert (band.known, band.learning) == (1, 2)


@pytest.mark.parametrize("typed, expected", [
    ("xie4xie5", [(0, 4, 4), (1, 5, 5)]),
    ("xie2xie5", [(0, 4, 2), (1, 5, 5)]),
    ("xie4 xie3", [(0, 4, 4), (1, 5, 3)]),
    ("谢谢", []),  # hanzi carry no tones
])
def test_tones_read_from_a_typed_pinyin_answer(typed, expected):
    assert tone_evidence("type_pinyin", typed, "谢谢", "xie4 xie5") == expected


def test_tone_table_adds_drills_and_typed_answers_and_pairs_missed(learner, clock):
    learner.import_lessons([parse_lesson(WORDS.encode(), "five.toml")])
    choose_kinds(learner, "five", [CardKind.TYPE_PINYIN])
    card = next(c for c in (learner.progress.card(i) for (i,) in learner.progress.conn.execute("SELECT id FROM cards"))
                if c.hanzi == "谢谢" and c.kind is CardKind.TYPE_PINYIN)
    after = Memory(State.REVIEW, None, 2.0, 5.0, clock() + timedelta(days=2), clock())
    learner.progress.record(card, after, 1, clock(), 4000, "xie2xie5")  # typed: 4 as 2
    log = DrillLog(learner.progress)
    log.record(DrillAnswer("tones", "3", "ma3", "3", "2", False), clock(), [(3, 2)])
    for _ in range(3):
        log.record(DrillAnswer("pairs", "34", "考试", "34", "24", False), clock(), [(3, 2), (4, 4)])
    tones = statistics(learner).tones
    assert tones.counts == {(4, 2): 1, (5, 5): 1, (3, 2): 4, (4, 4): 3}
    assert [(p, s.part, s.total) for p, s in tones.pairs] == [("34", 3, 3)]
    assert statistics(learner).tones.counts == tones.counts  # each typed answer is read once


def test_json_has_the_promised_keys(weeks):
    data = json.loads(statistics(weeks).json_text())
    assert set(data) == {"today", "streak", "forecast", "retention", "hsk", "tones", "time"}
    assert len(data["time"]) == 30 and data["time"][-1]["date"] == "2026-03-22"
    assert data["streak"]["current"] == 6 and data["retention"]["desired"] == 0.9
    assert [h["level"] for h in data["hsk"]][:2] == ["HSK 2.0 level 1", "HSK 2.0 level 2"]


def test_a_streak_longer_than_the_calendar_is_counted_to_its_first_day(learner, clock):
    log = DrillLog(learner.progress)
    for days_ago in range(1, 251):  # 250 days in a row up to yesterday, then a gap
        log.record(DrillAnswer("tones", "1", "ma1", "1", "1", True, duration_ms=2000),
                   clock() - timedelta(days=days_ago))
    log.record(DrillAnswer("tones", "1", "ma1", "1", "1", True), clock() - timedelta(days=260))
    figures = statistics(learner)
    assert figures.streak.current == 250 and not figures.streak.studied_today
    from lianxi.study.statistics import current_streak

    assert current_streak(learner).current == 250
