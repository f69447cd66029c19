"""A learner's history made the way a learner makes it: real sessions, answers and drills on a
real database, the clock moved by hand from day to day. For tests of the statistics, the
browser and the summaries (and for looking at those screens)."""

from __future__ import annotations

import random
from datetime import timedelta

from lianxi.core.cards import CardKind
from lianxi.core.drills.items import Drill
from lianxi.study.drills import DrillRun
from lianxi.study.typed_cards import choose_kinds

TONE_SLIPS = {"1": "2", "2": "3", "3": "2", "4": "1", "5": "1"}


def slipped(numbered: str, rng: random.Random) -> str:
    """The pinyin with one tone wrong (the commonest slips: 2<->3, 1->2, 4->1)."""
    syllables = numbered.split()
    k = rng.randrange(len(syllables))
    s = syllables[k]
    syllables[k] = s[:-1] + TONE_SLIPS.get(s[-1], "1")
    return " ".join(syllables)


def study(learner, clock, days: int, *, seed: int = 1, per_day: int = 30, typed: bool = True,
          skip_every: int = 0, drills: int = 5, forget: float = 0.2) -> None:
    """`days` study days from the clock's day on: a review session a day (up to `per_day` answers),
    typed pinyin cards when `typed` (some answers with a tone slip), a few tone drills.
    Every `skip_every`-th day is skipped (0: none). Leaves the clock on the day after. Each answer is
    given a time of a few seconds afterwards, the same on every run (real ones take microseconds here)."""
    rng = random.Random(seed)
    if typed:
        for lesson in learner.lessons():
            choose_kinds(learner, lesson.id, [CardKind.RECOGNITION, CardKind.RECALL, CardKind.TYPE_PINYIN])
    for day in range(days):
        if not (skip_every and day % skip_every == skip_every - 1):
            session = learner.session()
            card = session.next()
            for _ in range(per_day):
                if card is None:
                    break
                clock.advance(seconds=rng.randint(4, 20))
                rating = 1 if rng.random() < forget else rng.choice((2, 3, 3, 3, 4))
                answer = None
                if card.kind is CardKind.TYPE_PINYIN:
                    answer = slipped(card.numbered, rng) if rating == 1 else card.numbered
                    rating = 1 if rating == 1 else 3
                card = session.answer(rating, typed=answer)
            for _ in range(drills):
                run = DrillRun(learner, Drill.TONES, rng=rng)
                item = run.next()
                heard = int(item.expected)
                run.answer(str(heard if rng.random() > 0.3 else TONE_SLIPS[str(heard)]))
        clock.advance(days=1)
    # an answer in a test takes microseconds: give each the few seconds a learner takes, the same every run
    with learner.progress.transaction() as c:
        c.execute("UPDATE reviews SET duration_ms = 2000 + (id * 7919) % 11000")
        c.execute("UPDATE drill_answers SET duration_ms = 1500 + (id * 104729) % 5000")
