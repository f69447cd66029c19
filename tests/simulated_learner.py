"""A simulated learner whose memory follows known FSRS parameters (for optimizer tests and bench).

Lianxi schedules the cards (its own Scheduler, default parameters, fuzz on); whether
the learner recalls a card is drawn from the *true* parameters' forgetting curve,
counted in study days. So the fit has a right answer to come close to.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from lianxi.core.schedule import Memory, Rating, Scheduler, Settings, State, card_seed

# A learner who forgets faster at first, gains stability faster on success, and whose
# forgetting curve is flatter than FSRS-6's defaults (all within py-fsrs's bounds).
TRUE_PARAMETERS = (0.1, 0.6, 1.2, 4.0, 7.2, 0.6, 2.2, 0.005, 1.3, 0.12, 0.9, 1.7, 0.08, 0.3, 1.9,
                   0.45, 2.4, 0.6, 0.2, 0.08, 0.25)
FIRST = ((Rating.Again, 0.24), (Rating.Hard, 0.09), (Rating.Good, 0.5), (Rating.Easy, 0.17))
SAME_DAY = ((Rating.Again, 0.1), (Rating.Hard, 0.1), (Rating.Good, 0.75), (Rating.Easy, 0.05))
RECALLED = ((Rating.Hard, 0.15), (Rating.Good, 0.75), (Rating.Easy, 0.10))


@dataclass
class _Card:
    id: int
    shown: Memory  # what Lianxi knows
    true: Memory  # what the learner's memory really is
    reps: int = 0


def recall_chance(true: Memory, now: datetime, truth: Scheduler) -> float:
    days = (truth.day_of(now) - truth.day_of(true.last_review)).days
    decay = -truth.settings.parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    return (1 + factor * days / true.stability) ** decay


def simulate(card_ids: Sequence[int], answers: int, *, seed: int = 1, new_per_day: int = 20,
             start: datetime = datetime(2025, 1, 6, tzinfo=timezone.utc),
             true_parameters: Sequence[float] = TRUE_PARAMETERS) -> tuple[list[tuple[int, int, float]], dict[int, Memory]]:
    """(answers as (card id, rating, time), each card's memory as Lianxi stored it)."""
    rng = random.Random(seed)
    lianxi = Scheduler(Settings())
    truth = Scheduler(Settings(fuzz=False, parameters=tuple(true_parameters)))
    waiting = list(card_ids)
    cards: dict[int, _Card] = {}
    log: list[tuple[int, int, float]] = []
    day = 0
    while len(log) < answers and (waiting or cards):
        morning = start + timedelta(days=day, hours=9)
        evening = morning + timedelta(hours=12)
        for _ in range(min(new_per_day, len(waiting))):
            card_id = waiting.pop(0)
            cards[card_id] = _Card(card_id, Memory(), Memory())
        queue = [(c.shown.due or morning, c.id) for c in cards.values() if (c.shown.due or morning) <= evening]
        heapq.heapify(queue)
        now = morning
        while queue and len(log) < answers:
            due, card_id = heapq.heappop(queue)
            now = max(now, due) + timedelta(seconds=8)
            card = cards[card_id]
            if card.true.state is State.NEW:
                rating = _draw(rng, FIRST)
            elif truth.day_of(card.true.last_review) == truth.day_of(now):
                rating = _draw(rng, SAME_DAY)
            else:
                recalled = rng.random() < recall_chance(card.true, now, truth)
                rating = _draw(rng, RECALLED) if recalled else Rating.Again
            card.shown = lianxi.review(card.shown, rating, now, seed=card_seed(card.id, card.reps))
            card.true = truth.review(card.true, rating, now)
            card.reps += 1
            log.append((card.id, int(rating), now.timestamp()))
            if card.shown.due <= evening:
                heapq.heappush(queue, (card.shown.due, card.id))
        day += 1
    return log, {c.id: c.shown for c in cards.values()}


def _draw(rng: random.Random, choices) -> Rating:
    return rng.choices([r for r, _ in choices], [p for _, p in choices])[0]


def store_history(conn, log: list[tuple[int, int, float]], memories: dict[int, Memory]) -> None:
    """Write the answers and the cards' memories into a Lianxi database, as the app would have."""
    reps: dict[int, int] = {}
    for card_id, _, _ in log:
        reps[card_id] = reps.get(card_id, 0) + 1
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, was_new) VALUES (?, ?, ?, 5000, 0)", log
    )
    conn.executemany(
        "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, reps = ? "
        "WHERE id = ?",
        [(int(m.state), m.step, m.stability, m.difficulty, m.due.timestamp(), m.last_review.timestamp(),
          reps.get(card_id, 0), card_id) for card_id, m in memories.items() if m.state is not State.NEW],
    )
    conn.execute("COMMIT")


def first_course_cards(learner) -> list[int]:
    """Start the bundled first course (150 words, 300 cards) and return its card ids."""
    from lianxi import paths

    for path in sorted((paths.bundled_lessons_dir() / "first-course").glob("*.toml")):
        learner.start_bundled(path.stem)
    return [row[0] for row in learner.progress.conn.execute("SELECT id FROM cards ORDER BY id")]


def give_history(learner, answers: int, *, seed: int = 1, **options) -> list[tuple[int, int, float]]:
    """A learner who has studied the first course for a while: `answers` answers, stored."""
    log, memories = simulate(first_course_cards(learner), answers, seed=seed, **options)
    store_history(learner.progress.conn, log, memories)
    return log


# -- fixtures: one simulated history per test run, copied into each test's data folder ---------

import shutil  # noqa: E402

import pytest  # noqa: E402

HISTORY_ANSWERS = 2000


@pytest.fixture(scope="session")
def studied_template(tmp_path_factory):
    """A data folder whose learner has given HISTORY_ANSWERS answers (built once), and the answers."""
    from lianxi.study import Learner

    folder = tmp_path_factory.mktemp("studied")
    learner = Learner.open(folder, zone=timezone.utc)
    log = give_history(learner, HISTORY_ANSWERS)
    learner.progress.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    learner.close()
    return folder, log


@pytest.fixture
def studied(studied_template, data_dir, clock):
    """(a learner with a simulated history in this test's data folder, its answers)."""
    from lianxi.study import Learner

    template, log = studied_template
    data_dir.mkdir(parents=True, exist_ok=True)
    for path in template.iterdir():
        if path.is_file() and not path.name.endswith(".lock"):
            shutil.copy2(path, data_dir / path.name)
    learner = Learner.open(data_dir, clock=clock, zone=timezone.utc, fuzz=False)
    yield learner, log
    learner.close()
