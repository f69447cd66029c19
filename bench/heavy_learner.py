"""Benchmark: a heavy learner's screens (not a test; prints figures).

Builds a collection like a learner's after years: 500 lessons of 100 words (50,000
words, 100,000 cards) with 2,000,000 past reviews, in a real database file, through
the app's own import (Progress.sync_all) plus SQL for the review history. Then times
what the learner waits for:

  home data      Learner.lessons() + Learner.stats() (an older Lianxi's home screen asked both)
  home screen    the real app (Textual, headless, 80x24) from start to the lesson table drawn
  lessons list   `lianxi lessons list` as a process, start to exit
  first card     `lianxi review` as a process, start to the first card drawn
  review key     in the review screen, a grade key to the next card drawn (p50/p95)

    .venv/bin/python bench/heavy_learner.py [--lessons 500] [--words 100] [--reviews 2000000]
    .venv/bin/python bench/heavy_learner.py --small      # the same figures for one 17-word lesson

Only schema-agnostic SQL is used for the history, so the script also runs against an
older checkout (PYTHONPATH=/path/to/old/app) for before/after figures.
Targets (issue 14.6): home screen and lessons list <= 1 s; a review key <= 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

NOW = datetime.now(timezone.utc)
SYLLABLES = ("ma", "ba", "ni", "hao", "shi", "xue", "sheng", "lao", "zhong", "guo", "ren", "da", "xiao", "shui")


def _lessons(count: int, words: int, rng: random.Random):
    from lianxi.core.lessons import Lesson, Word
    from lianxi.core.pinyin import parse

    out, n = [], 0
    for i in range(count):
        entries = []
        for j in range(words):
            # two characters from the CJK block, unique per word; a real two-syllable reading
            hanzi = chr(0x4E00 + n // 200) + chr(0x4E00 + 200 + n % 200)
            numbered = f"{rng.choice(SYLLABLES)}{rng.randint(1, 4)} {rng.choice(SYLLABLES)}{rng.randint(1, 4)}"
            syllables = tuple(parse(numbered))
            entries.append(Word(key=hanzi, hanzi=hanzi, pinyin=numbered, syllables=syllables,
                                english=(f"meaning {n}",)))
            n += 1
        out.append(Lesson(id=f"heavy-{i:03d}", title=f"Heavy lesson {i}", level="HSK 9",
                          words=tuple(entries), source=f"heavy-{i:03d}.toml", content_hash=f"h{i}"))
    return out


def build(folder: Path, lessons: int, words: int, reviews: int, seed: int = 7) -> None:
    from lianxi.study import Learner

    rng = random.Random(seed)
    learner = Learner.open(folder, zone=timezone.utc)
    learner.progress.sync_all(_lessons(lessons, words, rng))
    c = learner.progress.conn
    ids = [r[0] for r in c.execute("SELECT id FROM cards ORDER BY id")]
    now = NOW.timestamp()
    c.execute("BEGIN")
    # most cards learned long ago; about a third overdue, a few hundred still new
    c.executemany(
        "UPDATE cards SET state = 2, stability = ?, difficulty = ?, due = ?, last_review = ?, reps = 5 WHERE id = ?",
        [(s, rng.uniform(3, 8), d, d - s * 86400, card)
         for card in ids[: len(ids) - 400]
         for s, d in [(rng.uniform(1, 200), now + rng.uniform(-30, 60) * 86400)]],
    )
    c.executemany(
        "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms) VALUES (?, ?, ?, ?)",
        ((rng.choice(ids), rng.choice((1, 2, 3, 3, 3, 4)), now - rng.uniform(1, 900) * 86400,
          rng.randrange(800, 12000)) for _ in range(reviews)),
    )
    c.execute("COMMIT")
    c.execute("ANALYZE")
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    learner.close()


def small(folder: Path) -> None:
    subprocess.run([sys.executable, "-m", "lianxi", "--data-dir", str(folder), "lessons", "start",
                    "first-01-greetings"], check=True, capture_output=True)


# -- measuring ------------------------------------------------------------------------------

CHILD_HOME = r"""
import sys, time
t0 = float(sys.argv[2])
from lianxi.study import Learner
from lianxi.ui.app import make_app
from lianxi.ui.screens.home import HomeScreen

learner = Learner.open(sys.argv[1])
learner.progress.set_setting("welcomed", True)
app = make_app(learner)

def drawn():
    screen = app.screen
    if isinstance(screen, HomeScreen) and screen.query_one("DataTable").row_count:
        print(time.time() - t0, time.process_time(), flush=True)
        app.exit()
    else:
        app.call_after_refresh(drawn)

app.call_after_refresh(drawn)
app.run(headless=True, size=(80, 24))
"""

CHILD_REVIEW = r"""
import sys, time
t0 = float(sys.argv[2])
from lianxi.study import Learner
from lianxi.ui.app import make_app
from lianxi.ui.screens.review import ReviewScreen

learner = Learner.open(sys.argv[1])
app = make_app(learner, start="review")

def drawn():
    screen = app.screen
    if isinstance(screen, ReviewScreen) and screen.session.current is not None:
        print(time.time() - t0, time.process_time(), flush=True)
        app.exit()
    else:
        app.call_after_refresh(drawn)

app.call_after_refresh(drawn)
app.run(headless=True, size=(80, 24))
"""


def _child(code: str, folder: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (the process's own, load-independent) from start to the screen drawn."""
    walls, cpus = [], []
    for _ in range(runs + 1):
        t0 = time.time()
        out = subprocess.run([sys.executable, "-c", code, str(folder), repr(t0)], capture_output=True, text=True,
                             check=True, env=os.environ)
        wall, cpu = out.stdout.strip().splitlines()[-1].split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return sorted(walls[1:]), sorted(cpus[1:])  # the first run warms the OS file cache


def _process(args: list[str], runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lianxi", *args], capture_output=True, check=True, env=os.environ)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return sorted(walls[1:]), sorted(cpus[1:])


async def _review_keys(folder: Path, keys: int) -> list[float]:
    from lianxi.study import Learner
    from lianxi.ui.app import make_app

    learner = Learner.open(folder)
    app = make_app(learner, start="review")
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        for n in range(keys):
            await pilot.press("space")
            before = screen.session.reviewed
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("3")
            waited = time.monotonic()
            while screen.session.reviewed == before:
                if time.monotonic() - waited > 10:  # say so, never wait forever
                    print(f"review key: no answer 10 s after key {n + 1} (screen {type(app.screen).__name__})")
                    learner.close()
                    return sorted(times)
                await asyncio.sleep(0.0005)
            await pilot.pause()
            times.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
    learner.close()
    return sorted(times)


def measure(folder: Path, runs: int, keys: int) -> None:
    from lianxi.study import Learner

    learner = Learner.open(folder)
    lessons = learner.lessons()  # warm
    data, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        lessons = learner.lessons()
        learner.stats()
        data.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    cards = learner.progress.conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    reviews = learner.progress.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    learner.close()
    print(f"collection: {len(lessons)} lessons, {cards:,} cards, {reviews:,} reviews, "
          f"{(folder / 'lianxi.db').stat().st_size / 1e6:.0f} MB")

    def line(name: str, measured: tuple[list[float], list[float]]) -> None:
        walls, cpus = measured
        print(f"{name:>14}: wall median {statistics.median(walls) * 1000:6.0f} ms (max {max(walls) * 1000:6.0f})"
              f"   cpu median {statistics.median(cpus) * 1000:6.0f} ms")

    print(f"load average before: {os.getloadavg()[0]:.1f} (2 cores shared: wall times grow with it, CPU times do not)")
    line("home data", (sorted(data), sorted(cpu)))
    line("home screen", _child(CHILD_HOME, folder, runs))
    line("lessons list", _process(["--data-dir", str(folder), "lessons", "list"], runs))
    line("first card", _child(CHILD_REVIEW, folder, runs))
    if keys:
        found = asyncio.run(_review_keys(folder, keys))
        walls, cpus = sorted(w for w, _ in found), sorted(c for _, c in found)
        p95 = max(int(len(walls) * 0.95) - 1, 0)
        print(f"{'review key':>14}: wall p50 {statistics.median(walls):6.1f} ms p95 {walls[p95]:6.1f} ms   "
              f"cpu p50 {statistics.median(cpus):6.1f} ms p95 {cpus[p95]:6.1f} ms   ({len(walls)} keys, "
              "key to next card drawn, Pilot)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=500)
    parser.add_argument("--words", type=int, default=100, help="words per lesson")
    parser.add_argument("--reviews", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", type=int, default=30)
    parser.add_argument("--small", action="store_true", help="one bundled lesson instead (the yardstick)")
    parser.add_argument("--folder", type=Path, help="keep the collection here (built if empty)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp)
        if not (folder / "lianxi.db").exists():
            t0 = time.perf_counter()
            if args.small:
                small(folder)
            else:
                build(folder, args.lessons, args.words, args.reviews)
            print(f"built in {time.perf_counter() - t0:.0f} s")
        measure(folder, args.runs, args.keys)


if __name__ == "__main__":
    main()
