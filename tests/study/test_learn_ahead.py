"""The learn-ahead window (Anki's "learn ahead limit", 20 minutes): with nothing else left,
a review shows a learning or relearning step coming due within it, so the learner does not
wait for a step a few minutes away. A review card never comes before its study day, even
in the last minutes of the day before; only "study ahead" (the `a` key) brings it early.
The counts on every screen follow the same rule.
"""

from datetime import timedelta

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Memory, Rating, State

from samples import SAMPLE_LESSON

ONE_WORD = SAMPLE_LESSON.split("[[words]]")[0] + "[[words]]" + SAMPLE_LESSON.split("[[words]]")[1]


def _review_card_due_tomorrow(learner, clock):
    """The sample lesson's first card, a review card due at 04:00 tomorrow (the next study day);
    the clock at 03:50, ten minutes before that day begins."""
    learner.import_lessons([parse_lesson(ONE_WORD.encode(), "sample.toml")])
    learner.change_settings(new_per_day=0)
    card_id = learner.progress.conn.execute("SELECT MIN(id) FROM cards").fetchone()[0]
    tomorrow = learner.today_start(clock()) + timedelta(days=1)
    learner.progress.conn.execute(
        "UPDATE cards SET state = ?, stability = 5, difficulty = 5, due = ?, last_review = ? WHERE id = ?",
        (int(State.REVIEW), tomorrow.timestamp(), (tomorrow - timedelta(days=5)).timestamp(), card_id))
    clock.now = tomorrow - timedelta(minutes=10)
    return card_id, tomorrow


def test_a_review_card_is_not_shown_in_the_last_minutes_before_its_day(learner, clock):
    card_id, tomorrow = _review_card_due_tomorrow(learner, clock)
    session = learner.session()
    assert session.next() is None
    assert session.counts() == (0, 0)
    assert learner.stats().due == 0
    assert [(s.due, s.new) for s in learner.lessons()] == [(0, 0)]
    nothing = session.nothing()
    assert nothing.ahead == 1 and nothing.study_ahead  # it is offered as study ahead instead
    clock.now = tomorrow  # its day has begun
    assert learner.session().next().id == card_id


def test_study_ahead_still_brings_review_cards_early(learner, clock):
    card_id, _ = _review_card_due_tomorrow(learner, clock)
    session = learner.session(ahead=timedelta(days=7))
    assert session.next().id == card_id
    assert session.counts() == (1, 0)


def test_a_relearning_step_coming_due_within_the_window_is_shown_early(learner, clock):
    card_id, tomorrow = _review_card_due_tomorrow(learner, clock)
    clock.now = tomorrow + timedelta(hours=2)
    learner.change_settings(new_per_day=0)
    session = learner.session()
    assert session.next().id == card_id
    after = session.answer(Rating.Again)  # forgotten: a relearning step 10 minutes away
    memory = learner.progress.card(card_id).memory
    assert memory.state is State.RELEARNING
    assert after is not None and after.id == card_id  # nothing else to study: shown now
    assert session.counts() == (1, 0)


def test_the_store_keeps_review_cards_to_their_day_and_steps_to_the_window(learner, clock):
    learner.import_lessons([parse_lesson(ONE_WORD.encode(), "sample.toml")])
    now = clock()
    start = learner.today_start(now)
    ids = [row[0] for row in learner.progress.conn.execute("SELECT id FROM cards ORDER BY id")]
    assert len(ids) == 2
    soon = now + timedelta(minutes=15)
    for card_id, state in zip(ids, (State.REVIEW, State.LEARNING)):
        learner.progress.conn.execute(
            "UPDATE cards SET state = ?, step = 0, stability = 1, difficulty = 5, due = ? WHERE id = ?",
            (int(state), soon.timestamp(), card_id))
    learn_ahead = timedelta(minutes=20)
    shown = learner.progress.next_due(now, start, learn_ahead=learn_ahead)
    assert shown is not None and shown.id == ids[1] and shown.memory.state is State.LEARNING
    assert learner.progress.next_due(now, start) is None  # nothing is due by now itself
    assert learner.progress.next_due(soon, start).id == ids[0]  # both due by `soon`: the review first (id)
    assert learner.progress.counts(now, start, learn_ahead=learn_ahead).due == 1
    assert learner.progress.counts(now, start).due == 0
    learner.progress.conn.execute("UPDATE cards SET state = ? WHERE id = ?", (int(State.REVIEW), ids[1]))
    assert learner.progress.next_due(now, start, learn_ahead=learn_ahead) is None
    assert learner.progress.counts(now, start, learn_ahead=learn_ahead).due == 0
    assert learner.progress.waiting(now, now + timedelta(days=7), start, learn_ahead=learn_ahead).ahead == 1
