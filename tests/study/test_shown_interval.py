"""The interval on a grade button is the one the answer then uses: through a real review
session with fuzz and load balancing on, over a collection with reviews already due on
the days ahead (so balancing has days to choose between)."""

from datetime import datetime, timedelta, timezone

from lianxi.core.schedule import Rating, State, study_day
from lianxi.study import Learner

from simulated_learner import studied, studied_template  # noqa: F401

GRADES = (Rating.Good, Rating.Hard, Rating.Easy, Rating.Good)


def test_every_review_lands_on_the_day_its_button_showed(studied, clock, data_dir):
    learner, log = studied
    learner.close()
    learner = Learner.open(data_dir, clock=clock, zone=timezone.utc, fuzz=True)
    try:
        assert learner.settings.load_balance  # on by default
        clock.now = datetime.fromtimestamp(log[-1][2], timezone.utc) + timedelta(days=2)
        learner.change_settings(new_per_day=0)
        session = learner.session()
        compared = spread = 0
        card = session.next()
        for n in range(60):
            if card is None:
                break
            shown = session.intervals()
            rating = GRADES[n % len(GRADES)]
            card_id, was = card.id, card.memory.state
            card = session.answer(rating)
            after = learner.progress.card(card_id).memory
            if was is State.REVIEW and after.state is State.REVIEW and shown[rating].endswith("d"):
                today = study_day(clock.now, timezone.utc)
                assert f"{(study_day(after.due, timezone.utc) - today).days}d" == shown[rating], (card_id, rating)
                compared += 1
                spread += shown[Rating.Hard] != shown[Rating.Good]
        assert compared >= 20 and spread > 0
    finally:
        learner.close()
