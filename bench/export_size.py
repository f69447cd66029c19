"""Benchmark: how big `lianxi data export` and a backup are for a learner with the dictionary built
(not a test; prints figures).

Runs the real commands in a fresh data folder, as a learner would: start three bundled
lessons, look a word up (which builds the CC-CEDICT index, in the cache folder), add it
to My words, export, and list the sizes of the progress file, the export, the newest
backup and the dictionary index. Before the index moved to the cache folder it lived in
the progress file, so an export and every backup carried it (45.6 MB, issue 14.5); the
yardstick printed beside the export is that: the export plus the index.

    .venv/bin/python bench/export_size.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def lianxi(folder: Path, *args: str) -> str:
    env = {**os.environ, "LIANXI_HOME": str(folder)}
    done = subprocess.run([sys.executable, "-m", "lianxi", *args], env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout


def mb(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:7.2f} MB"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        lianxi(folder, "lessons", "start", "first-01-greetings", "first-02-people", "first-03-numbers")
        started = time.perf_counter()
        lianxi(folder, "lookup", "学习")
        built = time.perf_counter() - started
        lianxi(folder, "lookup", "--add", "1", "学习")
        lianxi(folder, "lessons", "list")  # a second start: nothing new; backups come on the next study day
        export = Path(tmp) / "export.db"
        lianxi(folder, "data", "export", str(export))
        index = next((folder / "cache").rglob("dictionary.sqlite"))
        backups = sorted((folder / "backups").glob("lianxi-*.db")) if (folder / "backups").is_dir() else []
        print(f"dictionary index built in {built:.0f} s (machine shared: wall time)")
        print(f"progress file        {mb(folder / 'lianxi.db')}")
        print(f"data export          {mb(export)}   (with the index inside, as before: "
              f"{(export.stat().st_size + index.stat().st_size) / 1e6:.1f} MB)")
        if backups:
            print(f"newest backup        {mb(backups[-1])}")
        print(f"dictionary index     {mb(index)}   (in {index.parent}, rebuilt from CC-CEDICT when missing)")


if __name__ == "__main__":
    main()
