"""Benchmark: the answer path on a big collection (not a test; prints figures).

20,000 cards (10,000 words x 2 kinds) with 1,000,000 past reviews in a real
database file, opened with the app's own settings (WAL, synchronous=NORMAL,
one transaction per answer). Each timed step is what happens when a learner
presses a grade: schedule the shown card with FSRS, commit card + review row,
pick the next due card.

    .venv/bin/python bench/answer_loop.py [--answers 2000]
    .venv/bin/python bench/answer_loop.py --words 50000 --reviews 2000000   # a heavy learner

With --startup (on by default) it also times `lianxi review` from process start to the
first card drawn, on this collection and, in the same run, on a small one (the first
course's first lesson) as the yardstick: wall and the process's own CPU time (the
machine is shared, so wall times carry other people's load; CPU times do not).

Targets: p50 no slower than Anki's Rust core on the same loop (about 0.33 ms on the
2-core reference machine; see bench/anki_answer_loop.py); heavy (100,000 cards,
2,000,000 reviews): p95 <= 1 ms, start to first card <= 1.5x the small collection's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lianxi.core.schedule import Rating
from lianxi.study import Learner

START = datetime(2026, 6, 1, 10, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self):
        self.now = START

    def __call__(self):
        return self.now


def build_collection(folder: Path, words: int, reviews: int, seed: int = 7) -> None:
    """Fill a fresh database directly: one lesson, two cards a word, a long review history."""
    rng = random.Random(seed)
    learner = Learner.open(folder, zone=timezone.utc, clock=Clock())
    c = learner.progress.conn
    with learner.progress.transaction():
        c.execute(
            "INSERT INTO lessons (id, title, level, position, added_at) VALUES ('bench', 'Bench', 'x', 1, '')"
        )
        # one memory per word (m100): each note is its own word
        c.executemany("INSERT INTO words (id, hanzi, reading) VALUES (?, '你好', ?)",
                      [(i + 1, f"ni3 hao3 {i}") for i in range(words)])
        c.executemany(
            "INSERT INTO notes (id, lesson_id, key, position, hanzi, pinyin, numbered, english, word_id) "
            "VALUES (?, 'bench', ?, ?, ?, 'nǐhǎo', 'ni3 hao3', ?, ?)",
            [(i + 1, f"w{i}", i, "你好", json.dumps(["hello"]), i + 1) for i in range(words)],
        )
        cards = []
        now = START.timestamp()
        for i in range(words):
            for k, kind in enumerate(("recognition", "recall")):
                card_id = i * 2 + k + 1
                stability = rng.uniform(1, 200)
                due = now + rng.uniform(-30, 60) * 86400  # about a third overdue
                cards.append((card_id, i + 1, kind, card_id, stability, rng.uniform(3, 8), due, due - stability * 86400))
        c.executemany(
            "INSERT INTO cards (id, note_id, word_id, kind, new_order, state, step, stability, difficulty, due, "
            "last_review, reps) VALUES (?, ?, ?, ?, ?, 2, NULL, ?, ?, ?, ?, 5)",
            [(card_id, note, note, kind, order, *rest) for card_id, note, kind, order, *rest in cards],
        )
        c.executemany(
            "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms) VALUES (?, ?, ?, ?)",
            ((rng.randrange(1, words * 2 + 1), rng.choice((1, 2, 3, 3, 3, 4)),
              now - rng.uniform(1, 900) * 86400, rng.randrange(800, 12000)) for _ in range(reviews)),
        )
    c.execute("ANALYZE")
    learner.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=2_000)
    parser.add_argument("--no-startup", dest="startup", action="store_false",
                        help="skip the start-to-first-card comparison")
    parser.add_argument("--runs", type=int, default=5, help="start-ups timed for each collection")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        build_collection(folder, args.words, args.reviews)
        print(f"built {args.words * 2} cards, {args.reviews} reviews in {time.perf_counter() - t0:.1f} s "
              f"({(folder / 'lianxi.db').stat().st_size / 1e6:.0f} MB)")

        clock = Clock()
        learner = Learner.open(folder, zone=timezone.utc, clock=clock)
        session = learner.session()
        rng = random.Random(1)
        card = session.next()
        timings, cpu = [], []
        load = os.getloadavg()[0]
        for _ in range(args.answers):
            if card is None:
                break
            rating = rng.choice((Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Easy))
            clock.now += timedelta(seconds=3)
            t, c = time.perf_counter(), time.process_time()
            card = session.answer(rating)  # schedule + commit + pick the next
            timings.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        learner.close()
        timings.sort()
        cpu.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{len(timings)} answers (load average {load:.1f} on a shared machine: wall times carry it)")
        print(f"p50 {p50:.3f} ms p95 {p95:.3f} ms")
        print(f"cpu p50 {statistics.median(cpu):.3f} ms p95 {cpu[int(len(cpu) * 0.95) - 1]:.3f} ms "
              "(this process's own time: without the waits for a CPU)")
        if args.startup:
            startup(folder, args.runs)


def startup(folder: Path, runs: int) -> None:
    """`lianxi review` start to first card drawn: this collection against a small one, same run."""
    import subprocess
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from heavy_learner import CHILD_REVIEW, _child  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as small:
        subprocess.run([sys.executable, "-m", "lianxi", "--data-dir", small, "lessons", "start",
                        "first-01-greetings"], check=True, capture_output=True)
        figures = {}
        for name, where in (("small", Path(small)), ("this", folder)):
            walls, cpus = _child(CHILD_REVIEW, where, runs)
            figures[name] = (statistics.median(walls), statistics.median(cpus))
            print(f"start to first card, {name} collection: wall {figures[name][0] * 1000:.0f} ms, "
                  f"cpu {figures[name][1] * 1000:.0f} ms (median of {runs})")
        print(f"ratio this/small: wall {figures['this'][0] / figures['small'][0]:.2f}, "
              f"cpu {figures['this'][1] / figures['small'][1]:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
