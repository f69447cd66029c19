"""Benchmark: the dictionary (not a test; prints figures).

1. Builds the CC-CEDICT index into a fresh database, as the first lookup does
   (wall time and the process's peak resident memory).
2. Looks up words of every kind over the whole dictionary: hanzi (simplified and
   traditional), pinyin without tones ("ni hao"), with tone numbers ("ni3hao3"),
   with tone marks ("nǐhǎo"), and English; queries are drawn (seeded) from the
   dictionary itself, so common and rare words, short and long, are all there.
   Prints p50 / p95 / max per kind.

    /tmp/venv0/bin/python bench/lookup.py [--queries 300] [--seed 1]

Targets (issue 5): lookup p95 <= 10 ms for each kind; first build <= 5 s;
peak memory <= 150 MB. Issue 15: lookup p95 per kind unchanged or better than
before the learner-ranking rules (< 1 ms); 3. an entry view's data (every
reading, levels, words with it, examples, progress) <= 20 ms, and the characters'
components (read in a worker: the data once, then each word); 4. the catalogue
opening with all 545 bundled lessons <= 200 ms (the first time, when its index
is generated, and after).
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import tempfile
import time
from datetime import timezone
from pathlib import Path

from lianxi.core.dictionary.english import english_words
from lianxi.core.dictionary.readings import display_pinyin, reading
from lianxi.core.pinyin import Syllable
from lianxi.study.dictionary import Dictionary
from lianxi.study import Learner


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def queries(conn: sqlite3.Connection, count: int, seed: int) -> dict[str, list[str]]:
    """`count` queries of each kind, taken from random dictionary entries (HSK words over-sampled)."""
    rows = conn.execute(
        "SELECT simplified, traditional, pinyin, english, hsk_rank IS NOT NULL FROM dictionary_entries"
    ).fetchall()
    rng = random.Random(seed)
    hsk = [r for r in rows if r[4]]
    picked = rng.sample(rows, count // 2) + rng.sample(hsk or rows, count - count // 2)
    kinds: dict[str, list[str]] = {k: [] for k in ("hanzi", "traditional", "pinyin", "numbers", "marks", "english")}
    for simp, trad, pinyin, english, _ in picked:
        syllables = [s for s in reading(pinyin) if isinstance(s, Syllable)]
        kinds["hanzi"].append(simp)
        kinds["traditional"].append(trad)
        if syllables:
            kinds["pinyin"].append(" ".join(s.base for s in syllables))
            kinds["numbers"].append("".join(s.numbered for s in syllables))
            kinds["marks"].append(display_pinyin(pinyin).replace(" ", ""))
        words = english_words(english.split(" / ")[0].split(";")[0])
        if words:
            kinds["english"].append(" ".join(words[:3]))
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=300, help="queries per kind (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        learner = Learner.open(Path(tmp), zone=timezone.utc)
        dictionary = Dictionary(learner)
        before = peak_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        count = dictionary.build()
        build, cpu = time.perf_counter() - t0, time.process_time() - c0
        size = dictionary.path.stat().st_size / 1e6
        # CPU time too: on a busy machine the wall time says more about the neighbours
        print(f"index: {count:,} entries built in {build:.2f} s ({cpu:.2f} s of CPU; target <= 5 s); "
              f"index file {size:.0f} MB")
        print(f"peak memory after building: {peak_mb():.0f} MB (target <= 150 MB; {before:.0f} MB before)")

        print(f"\nlookups, {args.queries} per kind, 20 results each (target p95 <= 10 ms)")
        # CPU time too: on a shared machine the wall time says more about the neighbours
        print(f"  {'kind':<12} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'cpu p95':>8}  example")
        worst = 0.0
        for kind, texts in queries(dictionary.index.conn, args.queries, args.seed).items():
            times, cpu = [], []
            for text in texts:
                t, c = time.perf_counter(), time.thread_time()
                dictionary.lookup(text, limit=20)
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.thread_time() - c) * 1000)
            times.sort()
            cpu.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            worst = max(worst, p95)
            print(f"  {kind:<12} {statistics.median(times):>7.2f} {p95:>7.2f} {times[-1]:>7.2f} "
                  f"{cpu[int(len(cpu) * 0.95) - 1]:>8.2f}  {texts[0]!r}")
        entry_view(learner, dictionary, args.queries, args.seed)
        catalogue_opening(learner, Path(tmp))
        learner.close()
    print(f"\nworst lookup p95 {worst:.2f} ms; peak memory {peak_mb():.0f} MB")


def entry_view(learner, dictionary, count: int, seed: int) -> None:
    """The data of an entry view for words a learner opens (HSK words and others), p50/p95/max."""
    from lianxi.study.entry import open_entry

    rows = dictionary.index.conn.execute(
        "SELECT simplified, hsk_rank IS NOT NULL FROM dictionary_entries WHERE minor = 0").fetchall()
    rng = random.Random(seed)
    words = [w for w, hsk in rng.sample(rows, count // 2)] + rng.sample([w for w, hsk in rows if hsk], count // 2)
    learner.start_bundled("hsk2-1-01")  # some words with progress of their own
    times, cpu = [], []
    for word in words:
        t, c = time.perf_counter(), time.thread_time()
        open_entry(dictionary, word)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    times.sort()
    cpu.sort()
    print(f"\nentry view data, {len(words)} words (target <= 20 ms): p50 {statistics.median(times):.2f} ms, "
          f"p95 {times[int(len(times) * 0.95) - 1]:.2f} ms, max {times[-1]:.2f} ms "
          f"(cpu p95 {cpu[int(len(cpu) * 0.95) - 1]:.2f} ms)")
    # the characters' components are read apart (the entry view asks in a worker): once, then per word
    from lianxi.study.components import components_of

    t = time.perf_counter()
    components_of(words[0])
    first = (time.perf_counter() - t) * 1000
    parts = []
    for word in words:
        t = time.perf_counter()
        components_of(word)
        parts.append((time.perf_counter() - t) * 1000)
    parts.sort()
    print(f"components: the data read once in {first:.0f} ms (in a worker: the entry shows first), "
          f"then p95 {parts[int(len(parts) * 0.95) - 1]:.3f} ms a word")


def catalogue_opening(learner, folder: Path) -> None:
    """Opening the catalogue with all bundled lessons: the first time (its index generated), then after."""
    from lianxi.study.catalogue import INDEX_NAME, open_catalogue
    from lianxi.study.sound import cache_folder

    (cache_folder(learner.data_dir) / INDEX_NAME).unlink(missing_ok=True)
    t, c = time.perf_counter(), time.thread_time()
    catalogue = open_catalogue(learner)
    first, first_cpu = (time.perf_counter() - t) * 1000, (time.thread_time() - c) * 1000
    lessons = sum(len(course.lessons) for course in catalogue.courses)
    after = []
    for _ in range(10):
        t = time.perf_counter()
        open_catalogue(learner)
        after.append((time.perf_counter() - t) * 1000)
    print(f"catalogue opening, {lessons} lessons (target <= 200 ms): first {first:.0f} ms ({first_cpu:.0f} ms CPU, "
          f"index generated), after: median {statistics.median(after):.0f} ms, max {max(after):.0f} ms")


if __name__ == "__main__":
    main()
