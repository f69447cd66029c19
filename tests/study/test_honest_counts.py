"""Every due/new count shown equals what a review started there shows (issue 10.3).

Each scenario builds a real collection, reads the counts the home screen and `lessons
list` show (Learner.lessons, Learner.stats), then runs the review itself with the clock
standing still and counts the words it shows before it says nothing is left. Cards are
answered Easy, so none comes back the same day and each word is counted once.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from lianxi.core.cards import CardKind
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating

WORDS = [("你好", "nǐhǎo"), ("谢谢", "xièxie"), ("再见", "zàijiàn"), ("老师", "lǎoshī"), ("学生", "xuésheng"),
         ("朋友", "péngyou"), ("对不起", "duìbuqǐ"), ("没关系", "méiguānxi")]


def lesson(lesson_id: str, words) -> object:
    body = "".join(f'[[words]]\nhanzi = "{h}"\npinyin = "{p}"\nenglish = "w"\n\n' for h, p in words)
    return parse_lesson(f'id = "{lesson_id}"\ntitle = "{lesson_id}"\nlevel = "HSK 1"\n\n{body}'.encode(), "x.toml")


def shown_by_review(learner, lesson_id=None) -> tuple[int, int]:
    """(due words, new words) a review started now shows, answered Easy until it has nothing."""
    session = learner.session(lesson_id)
    due, new = set(), set()
    card = session.next()
    while card is not None:
        (new if card.is_new else due).add(card.hanzi)
        card = session.answer(Rating.Easy)
        assert session.reviewed < 200
    # undo everything, so the next review (of another lesson) starts from the same state
    while session.history:
        session.undo()
    return len(due), len(new)


def assert_counts_are_honest(learner):
    for row in learner.lessons():
        assert (row.due, row.new) == shown_by_review(learner, row.id), row.id
    stats = learner.stats()
    assert (stats.due, stats.new) == shown_by_review(learner)


@pytest.fixture
def two_lessons(learner):
    learner.change_settings(new_per_day=20)
    learner.import_lessons([lesson("a", WORDS[:5]), lesson("b", WORDS[3:])])  # 老师, 学生 in both
    return learner


def test_fresh_lessons_count_one_card_a_word(two_lessons):
    rows = {r.id: (r.due, r.new) for r in two_lessons.lessons()}
    assert rows == {"a": (0, 5), "b": (0, 5)}  # words, not cards (each has two)
    assert_counts_are_honest(two_lessons)


def test_siblings_of_todays_cards_are_not_counted(two_lessons):
    session = two_lessons.session("a")
    for _ in range(3):  # 你好, 谢谢, 再见 recognition: their recall cards wait for tomorrow
        session.next()
        session.answer(Rating.Easy)
    rows = {r.id: (r.due, r.new) for r in two_lessons.lessons()}
    assert rows["a"] == (0, 2)
    assert_counts_are_honest(two_lessons)


def test_daily_limit_shared_by_all_lessons(two_lessons, clock):
    two_lessons.change_settings(new_per_day=3)
    assert {r.id: r.new for r in two_lessons.lessons()} == {"a": 3, "b": 3}
    assert_counts_are_honest(two_lessons)
    session = two_lessons.session("b")
    for _ in range(3):
        session.next()
        session.answer(Rating.Easy)
    assert {r.id: r.new for r in two_lessons.lessons()} == {"a": 0, "b": 0}
    stats = two_lessons.stats()
    assert (stats.new, stats.new_waiting) == (0, 5)  # 8 words, 3 studied today
    assert_counts_are_honest(two_lessons)
    two_lessons.allow_more_new()  # the + key: 5 more today
    assert two_lessons.stats().new == 5
    assert_counts_are_honest(two_lessons)


def test_due_reviews_and_learning_steps_next_day(two_lessons, clock):
    session = two_lessons.session()
    card = session.next()
    ratings = [Rating.Good, Rating.Again, Rating.Easy, Rating.Hard]
    n = 0
    while card is not None and n < 30:
        card = session.answer(ratings[n % 4])
        n += 1
    for days in (1, 3, 8):
        clock.advance(days=days)
        assert_counts_are_honest(two_lessons)


def test_a_card_due_with_a_new_sibling_shows_the_review_first(two_lessons, clock):
    session = two_lessons.session("a")
    for _ in range(5):
        session.next()
        session.answer(Rating.Good)  # learning step in 10 minutes
    two_lessons.progress.set_card_kinds("a", [CardKind.RECOGNITION, CardKind.RECALL, CardKind.TYPE_PINYIN])
    clock.advance(minutes=15)
    assert_counts_are_honest(two_lessons)
    clock.advance(days=2)
    assert_counts_are_honest(two_lessons)


def test_review_cap_counts_what_the_cap_leaves(two_lessons, clock):
    session = two_lessons.session()
    card = session.next()
    while card is not None and session.reviewed < 30:
        card = session.answer(Rating.Good)
    clock.advance(days=30)
    two_lessons.change_settings(reviews_per_day=2)
    stats = two_lessons.stats()
    assert stats.due == 2 and stats.capped > 0
    assert_counts_are_honest(two_lessons)
    session = two_lessons.session()
    for _ in range(2):
        session.next()
        session.answer(Rating.Good)
    assert two_lessons.stats().due == 0
    assert_counts_are_honest(two_lessons)


def test_paused_lesson_counts_nothing_and_its_review_shows_nothing(two_lessons):
    two_lessons.progress.set_studying("b", False)
    rows = {r.id: (r.due, r.new) for r in two_lessons.lessons()}
    assert rows["b"] == (0, 0)
    assert_counts_are_honest(two_lessons)


def test_study_ahead_shows_cards_due_in_the_next_days(two_lessons, clock):
    session = two_lessons.session()
    card = session.next()
    while card is not None and session.reviewed < 40:
        card = session.answer(Rating.Good)  # twice each: a learning step, then a few days
    assert session.current is None
    nothing = two_lessons.session().nothing()
    assert nothing.ahead > 0 and nothing.study_ahead
    ahead = two_lessons.session(ahead=timedelta(days=7))
    seen = set()
    card = ahead.next()
    while card is not None and card.hanzi not in seen:
        seen.add(card.hanzi)
        assert card.memory.due <= clock() + timedelta(days=7)
        card = ahead.answer(Rating.Easy)  # pushed beyond the week
    assert len(seen) == nothing.ahead


def test_the_review_keeps_its_counts_up_to_date_answer_by_answer(two_lessons, clock):
    """The status line is counted in full once, then moved by each answer: it must stay
    equal to a full count after every answer, whatever the grades and the time."""
    session = two_lessons.session()
    card = session.next()
    grades = [Rating.Good, Rating.Again, Rating.Hard, Rating.Easy, Rating.Good]
    n = 0
    for day in range(4):
        while card is not None and n < 200:
            card = session.answer(grades[n % 5])
            n += 1
            kept = session.counts()
            fresh = two_lessons.session()
            fresh._new_left, fresh._reviews_left = session.new_left, session.reviews_left
            assert kept == fresh.counts(), n
            clock.advance(seconds=30)
        clock.advance(days=1)
        session = two_lessons.session()
        card = session.next()
