"""The review session: due before new, new-per-day limit, siblings wait, undo, the 4am day."""


from lianxi.core.cards import CardKind
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating, State

from samples import SAMPLE_LESSON


def start(learner, text=SAMPLE_LESSON):
    learner.import_lessons([parse_lesson(text.encode(), "sample.toml")])
    return learner.session()


def test_new_cards_come_in_lesson_order_and_siblings_wait_until_tomorrow(learner):
    session = start(learner)
    seen = []
    card = session.next()
    while card is not None:
        seen.append((card.hanzi, card.kind))
        card = session.answer(Rating.Easy)
    # only recognition cards today: each word's recall card is its sibling
    assert seen == [("你好", CardKind.RECOGNITION), ("谢谢", CardKind.RECOGNITION), ("再见", CardKind.RECOGNITION)]


def test_recall_cards_come_the_next_study_day(learner, clock):
    session = start(learner)
    while session.next() is not None:
        session.answer(Rating.Easy)
    clock.advance(hours=18)  # 04:00 next day
    session = learner.session()
    card = session.next()
    assert card.kind is CardKind.RECALL and card.hanzi == "你好"


def test_due_reviews_come_before_new_cards(learner, clock):
    session = start(learner)
    session.next()
    session.answer(Rating.Again)  # 你好 due again in 1 minute
    clock.advance(minutes=2)
    card = session.next()
    assert card.hanzi == "你好" and card.memory.state is State.LEARNING


def test_learning_cards_are_shown_early_when_nothing_else_is_left(learner):
    session = start(learner, SAMPLE_LESSON.split("[[words]]")[0] + "[[words]]" + SAMPLE_LESSON.split("[[words]]")[1])
    session.next()
    card = session.answer(Rating.Good)  # due in 10 minutes; nothing else to study
    assert card is not None and card.hanzi == "你好"


def test_new_cards_per_day_is_respected_across_sessions(learner):
    learner.change_settings(new_per_day=2)
    session = start(learner)
    session.next()
    session.answer(Rating.Easy)
    session = learner.session()  # a later session the same day
    assert session.new_left == 1
    session.next()
    assert session.answer(Rating.Easy) is None


def test_grade_buttons_show_the_interval_each_grade_gives(learner):
    session = start(learner)
    session.next()
    assert session.intervals() == {Rating.Again: "1m", Rating.Hard: "6m", Rating.Good: "10m", Rating.Easy: "8d"}


def test_undo_puts_the_card_back_and_removes_the_review(learner):
    session = start(learner)
    first = session.next()
    session.answer(Rating.Good)
    assert session.undo().id == first.id
    assert learner.progress.card(first.id).memory.state is State.NEW
    assert learner.progress.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
    assert session.new_left == 10


def test_stats_count_today_and_the_day_streak(learner, clock):
    session = start(learner)
    for _ in range(3):  # three days in a row
        session.next()
        session.answer(Rating.Again)
        clock.advance(days=1)
        session = learner.session()
    clock.advance(days=-1)
    stats = learner.stats()
    assert stats.reviewed == 1 and stats.streak == 3
    clock.advance(days=1)  # a new day with no answers yet: the streak still stands
    assert learner.stats().streak == 3
    clock.advance(days=1)  # a day missed
    assert learner.stats().streak == 0


def test_a_session_only_for_one_lesson(learner):
    other = SAMPLE_LESSON.replace("sample-greetings", "other").replace("你好", "您好").replace('"nǐhǎo"', '"nínhǎo"')
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "a"), parse_lesson(other.encode(), "b")])
    session = learner.session("other")
    assert session.next().lesson_id == "other"
    assert learner.session("sample-greetings").next().hanzi == "你好"


def test_studying_past_the_rollover_starts_a_new_day(learner, clock):
    learner.change_settings(new_per_day=1)
    session = start(learner)
    session.next()
    assert session.answer(Rating.Easy) is None  # the one new card of today is done
    clock.advance(hours=18, minutes=1)  # past 04:00 the next morning, same session still open
    assert session.next() is not None
    assert session.new_left == 1
