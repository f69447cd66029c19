"""Benchmark: importing all of HSK 1-6 from the bundled lessons (not a test; prints figures).

Two ways a learner brings the old HSK 1-6 lessons (about 5,000 words) into a
fresh database:
  all at once  - every file read and checked, then stored in one transaction
                 (`lianxi lessons import lessons/hsk/hsk2-level*`);
  one by one   - each lesson started from the catalogue (`Learner.start_bundled`),
                 one transaction per lesson, as pressing enter in the catalogue does.
Each runs in a fresh database; peak memory is the process's maximum resident size.

    /tmp/venv0/bin/python bench/import_hsk.py

Targets (issue 5): importing all of HSK 1-6 <= 2 s; peak memory <= 150 MB.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from datetime import timezone
from pathlib import Path

from lianxi import paths
from lianxi.study import Learner, read_lesson_files


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def all_at_once(files: list[Path]) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        learner = Learner.open(Path(tmp), zone=timezone.utc)
        t0, c0 = time.perf_counter(), time.process_time()
        reports = learner.import_lessons(read_lesson_files(files))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        learner.close()
    return wall, cpu, sum(r.added for r in reports)


def one_by_one(files: list[Path]) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        learner = Learner.open(Path(tmp), zone=timezone.utc)
        t0, c0 = time.perf_counter(), time.process_time()
        added = sum(learner.start_bundled(path.stem).added for path in files)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        learner.close()
    return wall, cpu, added


def main() -> None:
    files = sorted((paths.bundled_lessons_dir() / "hsk").glob("hsk2-level[1-6]/*.toml"))
    if not files:
        sys.exit("no bundled HSK 2.0 lessons found (run scripts/make_hsk_lessons.py)")
    print(f"HSK 1-6: {len(files)} lesson files (target <= 2 s, peak memory <= 150 MB)")
    for name, run in (("all at once", all_at_once), ("one by one", one_by_one)):
        wall, cpu, words = run(files)
        print(f"  {name:<12} {words:,} words in {wall:.2f} s ({cpu:.2f} s of CPU)")
    print(f"peak memory {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
