"""Benchmark: importing 5,000 words (not a test; prints figures).

Reads, checks and imports the bundled old-HSK 1-6 lessons (about 5,000 words in
~200 files) into a fresh database, the way `lianxi lessons import` does:
parse every file, then store them all in one transaction. Peak memory is the
whole process's maximum resident size.

    .venv/bin/python bench/import.py

Targets: <= 1 s for 5,000 words; peak memory of the app <= 100 MB.
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


def main() -> None:
    files = sorted((paths.bundled_lessons_dir() / "hsk").glob("hsk2-level*/*.toml"))
    if not files:
        sys.exit("no bundled HSK 2.0 lessons found (run scripts/make_hsk_lessons.py)")
    with tempfile.TemporaryDirectory() as tmp:
        learner = Learner.open(Path(tmp), zone=timezone.utc)
        t0 = time.perf_counter()
        lessons = read_lesson_files(files)
        t1 = time.perf_counter()
        learner.import_lessons(lessons)
        t2 = time.perf_counter()
        words = sum(len(lesson.words) for lesson in lessons)
        learner.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{words} words in {len(files)} lessons: read+check {t1 - t0:.2f} s, store {t2 - t1:.2f} s, "
          f"total {t2 - t0:.2f} s")
    print(f"peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
