"""The card browser's search and actions on a real file, and leeches tagged as answers are written."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lianxi.core.card_search import parse_query
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Memory, State
from lianxi.store import browser as store

from samples import SAMPLE_LESSON

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)

SECOND = """\
id = "second"
title = "Week 3: polite words"
level = "HSK 1"

[[words]]
hanzi = "谢谢"
pinyin = "xièxie"
english = "thanks a lot"

[[words]]
hanzi = "好"
pinyin = "hǎo"
english = ["good", "well"]
"""


@pytest.fixture
def ids(learner):
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml"),
                            parse_lesson(SECOND.encode(), "second.toml")])
    return {(h, k): i for i, h, k in learner.progress.conn.execute(
        "SELECT c.id, w.hanzi, c.kind FROM cards c JOIN words w ON w.id = c.word_id")}


def found(learner, text: str, now: datetime = T0) -> set[tuple[str, str]]:
    rows, total = store.search(learner.progress.conn, parse_query(text), now.timestamp())
    assert total == len(rows)
    return {(r.hanzi, r.kind) for r in rows}


def words(learner, text: str) -> set[str]:
    return {h for h, _ in found(learner, text)}


def test_search_by_hanzi_pinyin_english_and_lesson(learner, ids):
    assert words(learner, "你") == {"你好"}
    assert words(learner, "好") == {"你好", "好"}
    assert words(learner, "hao") == {"你好", "好"}  # whole syllables, any tone
    assert words(learner, "ni ha") == set()  # syllables match whole: "ha" is not "hao"
    assert words(learner, "ni hao") == words(learner, "nihao") == {"你好"}
    assert words(learner, "ni3hao3") == words(learner, "nǐhǎo") == {"你好"}
    assert words(learner, "ni2hao3") == set()  # tones typed: those tones
    assert words(learner, "xie4 xie5") == {"谢谢"}
    assert words(learner, "goodbye") == {"再见"}
    assert words(learner, "thanks") == {"谢谢"}  # the second lesson's gloss finds the shared word
    assert words(learner, "lesson:second") == {"谢谢", "好"}
    assert words(learner, "lesson:polite") == {"谢谢", "好"}  # words of its title
    assert words(learner, "lesson:sample-greetings hello") == {"你好"}
    assert words(learner, "100%") == set() and words(learner, "_") == set()  # no wildcards


def test_search_by_state_flag_and_kind(learner, ids):
    conn = learner.progress.conn
    card = ids[("你好", "recognition")]
    learner.progress.record(learner.progress.card(card),
                            Memory(State.REVIEW, None, 2.0, 5.0, T0 + timedelta(days=2), T0), 3, T0)
    assert found(learner, "state:review") == {("你好", "recognition")}
    assert found(learner, "state:due", T0 + timedelta(days=3)) == {("你好", "recognition")}
    assert found(learner, "state:due") == set()
    assert ("你好", "recognition") not in found(learner, "state:new")
    store.set_flag(conn, [ids[("再见", "recall")]], 1)
    store.set_flag(conn, [ids[("谢谢", "recall")]], 4)
    assert found(learner, "flag:red") == {("再见", "recall")}
    assert found(learner, "flag:any") == {("再见", "recall"), ("谢谢", "recall")}
    assert ("再见", "recall") not in found(learner, "flag:none")
    assert found(learner, "kind:recall 再见") == {("再见", "recall")}
    store.set_suspended(conn, [ids[("好", "recall")]], True)
    assert found(learner, "state:suspended") == {("好", "recall")}
    store.bury(conn, [ids[("好", "recognition")]], (T0 + timedelta(hours=18)).timestamp())
    assert found(learner, "state:buried") == {("好", "recognition")}
    assert found(learner, "state:buried", T0 + timedelta(days=1)) == set()


def test_a_lesson_is_found_by_the_start_of_its_id(learner, ids):
    assert words(learner, "lesson:sample") == words(learner, "lesson:sample-greetings")
    assert words(learner, "lesson:ample") == set()  # neither the start of an id nor in a title
    assert words(learner, "lesson:sec") == {"谢谢", "好"}


def test_cards_no_review_shows_are_off_never_due(learner, ids, clock):
    """A paused lesson's cards (and kinds not studied) are "off": state:due lists only what a
    review would show, so the browser never promises a card that will not come."""
    from lianxi.core.schedule import Rating

    session = learner.session("second")
    session.next()
    session.answer(Rating.Good)  # 谢谢's first card: a learning step in minutes
    later = clock() + timedelta(hours=1)
    assert found(learner, "state:due", later) == {("谢谢", "recognition")}
    learner.progress.set_studying("sample-greetings", False)  # 谢谢 is in both lessons: still studied
    assert found(learner, "state:due", later) == {("谢谢", "recognition")}
    assert words(learner, "state:off") == {"你好", "再见"}
    learner.progress.set_studying("second", False)
    assert found(learner, "state:due", later) == set()
    assert words(learner, "state:off") == {"你好", "再见", "谢谢", "好"}
    assert learner.session().next() is None  # and indeed no review shows them
    learner.progress.set_studying("second", True)
    assert words(learner, "state:off") == {"你好", "再见"}


def test_a_suspended_or_buried_card_is_not_reviewed_or_counted(learner, ids):
    conn = learner.progress.conn
    day_start = datetime(2026, 3, 2, 4, 0, tzinfo=timezone.utc)
    first = learner.progress.next_new(T0, day_start)
    store.set_suspended(conn, [first.id], True)
    second = learner.progress.next_new(T0, day_start)
    assert second.id != first.id
    store.bury(conn, [second.id], (day_start + timedelta(days=1)).timestamp())
    third = learner.progress.next_new(T0, day_start)
    assert third.id not in (first.id, second.id)
    assert learner.progress.next_new(T0 + timedelta(days=1), day_start + timedelta(days=1)).id == second.id
    words_new = learner.progress.counts(T0, day_start).new
    store.set_suspended(conn, [first.id], False)
    assert learner.progress.counts(T0, day_start).new == words_new + 1


def test_reset_forgets_the_memory_and_keeps_the_history(learner, ids):
    card = ids[("再见", "recognition")]
    learner.progress.record(learner.progress.card(card), Memory(State.REVIEW, None, 9.0, 4.0, T0 + timedelta(days=9), T0), 3, T0)
    store.set_flag(learner.progress.conn, [card], 2)
    store.reset(learner.progress.conn, [card])
    row = store.row(learner.progress.conn, card)
    assert (row.state, row.reps, row.lapses, row.stability, row.due, row.flag) == (0, 0, 0, None, None, 2)
    assert len(store.history(learner.progress.conn, card)) == 1


# -- leeches ----------------------------------------------------------------------------------


def lapse(progress, card_id: int, at: datetime, stability_after_relearning: float = 2.0) -> tuple[int, int]:
    """Forget a review card (Again), then relearn it (Good): one lapse. Returns both review ids."""
    card = progress.card(card_id)
    assert card.memory.state is State.REVIEW
    forgot = progress.record(card, Memory(State.RELEARNING, 0, 0.4, 8.0, at + timedelta(minutes=10), at), 1, at)
    later = at + timedelta(minutes=10)
    relearned = progress.record(progress.card(card_id), Memory(State.REVIEW, None, stability_after_relearning, 8.0,
                                                               later + timedelta(days=1), later), 3, later)
    return forgot, relearned


def into_review(progress, card_id: int) -> None:
    progress.record(progress.card(card_id), Memory(State.REVIEW, None, 3.0, 5.0, T0 + timedelta(days=3), T0), 3, T0)


def leech_of(learner, card_id: int) -> tuple[int, bool]:
    row = store.row(learner.progress.conn, card_id)
    return row.leech, row.suspended


def test_a_card_forgotten_as_often_as_the_threshold_is_tagged_and_suspended_and_listed(learner, ids):
    learner.progress.set_setting("leech_threshold", 4)
    card = ids[("谢谢", "recognition")]
    into_review(learner.progress, card)
    for n in range(3):
        lapse(learner.progress, card, T0 + timedelta(days=n + 1))
    assert leech_of(learner, card) == (0, False)
    before = learner.progress.card(card)
    forgot = learner.progress.record(before, Memory(State.RELEARNING, 0, 0.4, 8.0, T0, T0 + timedelta(days=9)), 1,
                                     T0 + timedelta(days=9))
    assert leech_of(learner, card) == (1, True)
    assert [r.id for r in store.leeches(learner.progress.conn)] == [card]
    learner.progress.undo(before, forgot)  # u: the answer and the leech go
    assert leech_of(learner, card) == (0, False)


def test_a_leech_brought_back_is_suspended_again_half_a_threshold_later(learner, ids):
    learner.progress.set_setting("leech_threshold", 4)
    card = ids[("再见", "recall")]
    into_review(learner.progress, card)
    for n in range(4):
        lapse(learner.progress, card, T0 + timedelta(days=n + 1))
    assert leech_of(learner, card) == (1, True)
    store.set_suspended(learner.progress.conn, [card], False)
    lapse(learner.progress, card, T0 + timedelta(days=10))  # 5 lapses
    assert leech_of(learner, card) == (1, False)
    lapse(learner.progress, card, T0 + timedelta(days=11))  # 6 = 4 + 4/2
    assert leech_of(learner, card) == (1, True)


def test_no_leeches_with_the_threshold_off(learner, ids):
    learner.progress.set_setting("leech_threshold", 0)
    card = ids[("你好", "recognition")]
    into_review(learner.progress, card)
    for n in range(10):
        lapse(learner.progress, card, T0 + timedelta(days=n + 1))
    assert leech_of(learner, card) == (0, False)


def test_a_card_whose_memory_stays_under_a_day_after_several_lapses_is_a_leech_by_memory(learner, ids):
    card = ids[("你好", "recall")]
    into_review(learner.progress, card)
    for n in range(3):
        lapse(learner.progress, card, T0 + timedelta(days=n + 1), stability_after_relearning=0.6)
    assert leech_of(learner, card) == (0, False)  # three lapses: not yet
    forgot, relearned = lapse(learner.progress, card, T0 + timedelta(days=5), stability_after_relearning=0.6)
    assert leech_of(learner, card) == (2, False)  # tagged, not suspended: the learner chooses
    other = ids[("你好", "recognition")]
    into_review(learner.progress, other)
    for n in range(5):
        lapse(learner.progress, other, T0 + timedelta(days=n + 1), stability_after_relearning=3.0)
    assert leech_of(learner, other) == (0, False)  # forgotten as often, but its memory grows: not a leech
