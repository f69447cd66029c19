"""Benchmark: rescheduling 100,000 cards after new parameters (not a test; prints figures).

The collection of bench/answer_loop.py at 50,000 words (100,000 review cards, 500,000 past
reviews). Rescheduling replays every card's history under new parameters (in memory, no
lock held), then writes every card and the parameters in ONE transaction. Meanwhile another
connection gives an answer every 20 ms (its own short transaction, as the review screen
does), so the figures show how long an answer waits for the rescheduling transaction.

    .venv/bin/python bench/reschedule.py [--words 50000] [--reviews 500000]

Target: the write transaction short enough that an answer waits at most ~100 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from datetime import timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from answer_loop import START, Clock, build_collection  # noqa: E402
from simulated_learner import TRUE_PARAMETERS  # noqa: E402

import lianxi.store.schedule as store_schedule  # noqa: E402
from lianxi.study import Learner  # noqa: E402
from lianxi.study import reschedule as rescheduling  # noqa: E402


def answers_meanwhile(path: Path, stop: threading.Event, waits: list[float]) -> None:
    """Answer-like writes (one card + one review row, one transaction) every 20 ms."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=60)
    conn.execute("PRAGMA synchronous=NORMAL")
    card = 1
    while not stop.is_set():
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE cards SET reps = reps WHERE id = ?", (card,))
        conn.execute("INSERT INTO reviews (card_id, rating, reviewed_at) VALUES (?, 3, ?)", (card, START.timestamp()))
        conn.execute("ROLLBACK")  # leave the collection as it was; the lock was taken all the same
        waits.append((time.perf_counter() - started) * 1000)
        card += 1
        time.sleep(0.02)
    conn.close()


def time_the_lock(held: list[float]) -> None:
    """Measure how long the write transaction holds the database (BEGIN IMMEDIATE .. COMMIT)."""
    real = store_schedule.transaction

    @contextmanager
    def timed(conn):
        started = time.perf_counter()
        with real(conn) as inner:
            yield inner
        held.append((time.perf_counter() - started) * 1000)

    store_schedule.transaction = timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--reviews", type=int, default=500_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        build_collection(folder, args.words, args.reviews)
        print(f"built {args.words * 2:,} cards, {args.reviews:,} reviews in {time.perf_counter() - t0:.1f} s")
        learner = Learner.open(folder, zone=timezone.utc, clock=Clock())
        settings = replace(learner.settings, parameters=TRUE_PARAMETERS)

        for engine in ("fsrs-rs", "py-fsrs"):
            if engine == "py-fsrs":
                rescheduling.library = lambda: None  # the fallback where fsrs-rs-python has no wheel
            t = time.perf_counter()
            cards = rescheduling.new_schedule(learner, settings, START)
            print(f"work ({engine}, no lock held): {len(cards):,} cards in {time.perf_counter() - t:.2f} s")

        held: list[float] = []
        time_the_lock(held)
        stop, waits = threading.Event(), []
        writer = threading.Thread(target=answers_meanwhile, args=(folder / "lianxi.db", stop, waits))
        writer.start()
        time.sleep(0.3)
        t = time.perf_counter()
        changed = rescheduling.write_schedule(learner.progress.conn, cards, {"fsrs_parameters": None})
        write_ms = (time.perf_counter() - t) * 1000
        time.sleep(0.3)
        stop.set()
        writer.join()
        learner.close()
    print(f"write: {changed:,} cards in {write_ms:.0f} ms, of which the one transaction (the lock) "
          f"{held[0]:.0f} ms; the rest fills a temporary table and holds no lock")
    print(f"answers meanwhile: {len(waits)}, longest wait {max(waits):.0f} ms, median {sorted(waits)[len(waits) // 2]:.1f} ms")


if __name__ == "__main__":
    main()
