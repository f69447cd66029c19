"""After Again, Good and Easy can give the same interval (FSRS's memory of the card is short); the
grade line then says why, instead of showing "3 Good 1d   4 Easy 1d" as if Easy did nothing."""

from __future__ import annotations

from datetime import timedelta

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Memory, Rating, State
from lianxi.study.drills import change_audio_settings
from lianxi.ui.app import make_app
from lianxi.ui.screens.review import same_interval_reason

from drawn import drawn
from samples import SAMPLE_LESSON


async def test_a_relearned_card_says_why_good_and_easy_agree(learner, clock):
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    change_audio_settings(learner, listening_cards=False)
    conn = learner.progress.conn
    card_id = conn.execute("SELECT id FROM cards ORDER BY new_order LIMIT 1").fetchone()[0]
    past = clock() - timedelta(days=3)
    learner.progress.record(learner.progress.card(card_id), Memory(State.REVIEW, None, 2.3, 5.0, clock(), past), 3, past)
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.session.current.id == card_id
        await pilot.press("space")
        assert "both give" not in drawn(app)  # a card in review: four different intervals
        await pilot.press("1")  # forgotten
        clock.advance(minutes=11)
        app.screen.session.next()
        app.screen.show_card()
        assert app.screen.session.current.id == card_id
        await pilot.press("space")
        intervals = app.screen.session.intervals()
        # FSRS-6 with Lianxi's one 10-minute relearning step: both graduate the card to tomorrow
        assert intervals[Rating.Good] == intervals[Rating.Easy] == "1d"
        assert "Good and Easy both give 1d: just after a lapse the memory starts again small." in drawn(app)


def test_no_reason_when_the_grades_differ():
    card = type("Card", (), {"memory": Memory(State.REVIEW, None, 9.0, 5.0)})()
    intervals = {Rating.Again: "10m", Rating.Hard: "8d", Rating.Good: "11d", Rating.Easy: "19d"}
    assert same_interval_reason(card, intervals) == ""
    intervals[Rating.Hard] = "11d"
    assert same_interval_reason(card, intervals) == "Hard and Good both give 11d: both land on the same day."
