"""Benchmark: load balancing on the 20,000-card collection (not a test; prints figures).

The collection of bench/answer_loop.py (10,000 words x 2 kinds, every card in review,
about a third overdue). A learner answers every card due, each morning for 30 days,
through the real review session (fuzz on), once with load balancing on and once off;
the same card at the same review gets the same grade in both runs. Then: the standard
deviation of the number of cards due on each of the next 60 study days, and the answer
path's time with balancing on (it reads due counts from a histogram built once per
session, never by counting cards on each answer).

    .venv/bin/python bench/load_balance.py [--days 30] [--reviews 1000000]

Target: a lower spread with balancing on; answer p95 <= 1 ms with it on.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from answer_loop import START, Clock, build_collection  # noqa: E402

from lianxi.core.due_days import unit_draw  # noqa: E402
from lianxi.core.schedule import Rating, day_start, study_day  # noqa: E402
from lianxi.study import Learner  # noqa: E402

GRADES = ((Rating.Again, 0.1), (Rating.Hard, 0.1), (Rating.Good, 0.7), (Rating.Easy, 0.1))


def grade(card) -> Rating:
    """The same grade for the same card at the same review, whichever run it is in."""
    draw = unit_draw(card.id, card.reps)
    for rating, share in GRADES:
        draw -= share
        if draw < 0:
            return rating
    return Rating.Good


def study(folder: Path, days: int, balance: bool) -> tuple[list[int], list[float]]:
    clock = Clock()
    learner = Learner.open(folder, zone=timezone.utc, clock=clock)
    learner.change_settings(load_balance=balance)
    timings = []
    for day in range(days):
        clock.now = START + timedelta(days=day)
        session = learner.session()
        card = session.next()
        while card is not None:
            clock.now += timedelta(seconds=6)
            t = time.perf_counter()
            card = session.answer(grade(card))
            timings.append((time.perf_counter() - t) * 1000)
    today = study_day(clock.now, timezone.utc)
    counts = []
    for ahead in range(1, 61):
        start = day_start(today + timedelta(days=ahead), timezone.utc).timestamp()
        end = day_start(today + timedelta(days=ahead + 1), timezone.utc).timestamp()
        counts.append(learner.progress.conn.execute(
            "SELECT COUNT(*) FROM cards WHERE active = 1 AND state = 2 AND due >= ? AND due < ?", (start, end)
        ).fetchone()[0])
    learner.close()
    return counts, timings


def unevenness(counts: list[int]) -> float:
    """Day-to-day unevenness: sd of each day's count minus the mean of its week (days -3..+3).

    Balancing moves a card only within its fuzz range (a few days), so it can flatten
    bumps between neighbouring days, not the slow rise or fall of the whole collection.
    """
    gaps = [counts[i] - statistics.mean(counts[i - 3:i + 4]) for i in range(3, len(counts) - 3)]
    return statistics.pstdev(gaps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "collection"
        build_collection(base, args.words, args.reviews)
        results = {}
        for balance in (False, True):
            folder = Path(tmp) / f"balance-{balance}"
            shutil.copytree(base, folder)
            results[balance] = study(folder, args.days, balance)
    for balance in (False, True):
        counts, timings = results[balance]
        timings.sort()
        print(f"balancing {'on ' if balance else 'off'}: {len(timings):,} answers over {args.days} days; "
              f"next 60 days due per day mean {statistics.mean(counts):.0f}, sd {statistics.pstdev(counts):.1f}, "
              f"min {min(counts)}, max {max(counts)}, day-to-day {unevenness(counts):.1f}; answer p50 {statistics.median(timings):.3f} ms "
              f"p95 {timings[int(len(timings) * 0.95) - 1]:.3f} ms")
        print("  due per day: " + " ".join(str(n) for n in counts))
    off, on = (statistics.pstdev(results[b][0]) for b in (False, True))
    off_local, on_local = (unevenness(results[b][0]) for b in (False, True))
    print(f"load balancing: sd of daily due counts over the next 60 days, off {off:.1f}, on {on:.1f} "
          f"(day-to-day: off {off_local:.1f}, on {on_local:.1f})")


if __name__ == "__main__":
    main()
