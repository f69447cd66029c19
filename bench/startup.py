"""Benchmark: process start to the first card drawn (not a test; prints figures).

Starts `lianxi review` in a fresh Python process (headless Textual, a real
database with the first course started) and measures from just before the
process is spawned to the moment the review screen has drawn its first card.

    .venv/bin/python bench/startup.py [--runs 10]

Target: <= 0.5 s on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys, time
from lianxi.study import Learner
from lianxi.ui.app import make_app
from lianxi.ui.screens.review import ReviewScreen

learner = Learner.open(sys.argv[1])
app = make_app(learner, start="review")

def drawn():
    screen = app.screen
    if isinstance(screen, ReviewScreen) and screen.session.current is not None:
        print(time.time(), flush=True)
        app.exit()
    else:
        app.call_after_refresh(drawn)

app.call_after_refresh(drawn)
app.run(headless=True, size=(80, 24))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([sys.executable, "-m", "lianxi", "--data-dir", data, "lessons", "start",
                        "first-01-greetings"], check=True, capture_output=True)
        times = []
        for _ in range(args.runs + 1):
            t0 = time.time()
            out = subprocess.run([sys.executable, "-c", CHILD, data], capture_output=True, text=True, check=True)
            times.append(float(out.stdout.strip().splitlines()[-1]) - t0)
        times = sorted(times[1:])  # the first run warms the OS file cache
    print(f"startup to first card: p50 {statistics.median(times) * 1000:.0f} ms "
          f"max {times[-1] * 1000:.0f} ms over {len(times)} runs")


if __name__ == "__main__":
    main()
