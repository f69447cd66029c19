"""Benchmark: the statistics screen's data and the card browser's search on a big collection
(not a test; prints figures).

The collection is bench/answer_loop.py's (20,000 cards, 1,000,000 past reviews in a real
database file, the app's own settings). Its reviews are marked as answered in review
(`reviews.state = 2`, what m200 records for each answer), so true retention reads every
one of the last 30 days' answers, the slowest case.

    .venv/bin/python bench/stats.py [--runs 20]

Targets: the statistics screen's data (study.statistics.statistics: today, streak and
calendar, forecast, retention, HSK coverage, tones, time) in <= 150 ms; the browser's
search (study.browser.search, a mix of queries) in <= 50 ms p95. The first statistics
call of a process also reads the HSK word lists; it is reported on its own line.
"""

from __future__ import annotations

import argparse
import os
import statistics as stats
import sys
import tempfile
import time
from datetime import timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from answer_loop import START, Clock, build_collection  # noqa: E402

from lianxi.study import Learner  # noqa: E402
from lianxi.study.browser import search  # noqa: E402
from lianxi.study.statistics import statistics  # noqa: E402

QUERIES = (
    "你好", "好", "ni hao", "nihao", "ni3hao3", "nǐhǎo", "hello", "hao", "state:due", "state:new", "state:review",
    "state:leech", "state:suspended", "flag:red", "flag:any", "lesson:bench", "lesson:bench state:due",
    "kind:recall", "kind:recall state:due hello", "", "zzz", "thank you",
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(int(len(ordered) * share + 0.5) - 1, 0))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        build_collection(folder, args.words, args.reviews)
        learner = Learner.open(folder, zone=timezone.utc, clock=Clock())
        with learner.progress.transaction() as c:
            c.execute("UPDATE reviews SET state = 2")
            # a few leeches and flags, as a long history has
            c.execute("UPDATE cards SET leech = 1, suspended = 1 WHERE id % 97 = 0")
            c.execute("UPDATE cards SET flag = 1 + id % 4 WHERE id % 53 = 0")
        learner.progress.conn.execute("ANALYZE")
        print(f"built {args.words * 2} cards, {args.reviews} reviews in {time.perf_counter() - t0:.1f} s "
              f"({(folder / 'lianxi.db').stat().st_size / 1e6:.0f} MB); clock at {START:%Y-%m-%d %H:%M} UTC")

        t = time.perf_counter()
        figures = statistics(learner)
        first = (time.perf_counter() - t) * 1000
        print(f"statistics, first call (reads the HSK word lists): {first:.0f} ms")
        timings, cpu = [], []
        for _ in range(args.runs):
            t, c = time.perf_counter(), time.process_time()
            statistics(learner)
            timings.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        print(f"statistics ({args.runs} runs): p50 {stats.median(timings):.0f} ms, p95 {percentile(timings, 0.95):.0f} ms,"
              f" max {max(timings):.0f} ms (target <= 150 ms); load average {os.getloadavg()[0]:.1f}")
        print(f"  cpu p50 {stats.median(cpu):.0f} ms, p95 {percentile(cpu, 0.95):.0f} ms "
              "(this process's own time: without the waits for a CPU on a shared machine)")
        print(f"  streak {figures.streak.current} days, {sum(n for _, n in figures.forecast)} word-days due in 30 days,"
              f" retention 30 days {figures.retention.month.percent()} of {figures.retention.month.total}")

        searches, search_cpu = [], []
        slowest = ("", 0.0)
        for _ in range(max(args.runs // 4, 3)):
            for query in QUERIES:
                t, c = time.perf_counter(), time.process_time()
                found = search(learner, query)
                took = (time.perf_counter() - t) * 1000
                search_cpu.append((time.process_time() - c) * 1000)
                searches.append(took)
                if took > slowest[1]:
                    slowest = (f"{query!r} ({found.total} cards)", took)
        print(f"search ({len(searches)} searches of {len(QUERIES)} kinds): p50 {stats.median(searches):.1f} ms, "
              f"p95 {percentile(searches, 0.95):.1f} ms, max {max(searches):.1f} ms (target p95 <= 50 ms); "
              f"slowest {slowest[0]}")
        print(f"  cpu p50 {stats.median(search_cpu):.1f} ms, p95 {percentile(search_cpu, 0.95):.1f} ms")
        learner.close()


if __name__ == "__main__":
    main()
