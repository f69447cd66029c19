"""Benchmark: what the lexicon and spoken forms cost (not a test; prints figures).

Each figure is measured in a fresh process (so nothing is cached), the best of
--rounds runs, beside a yardstick measured the same way in the same run: importing
pypinyin and reading one word with it, which every hanzi-only path already paid
before the lexicon existed.

1. reading app/lianxi/data/lexicon.txt and building the Lexicon;
2. the first spoken form of a word in a fresh process (pypinyin + lexicon + rules);
3. warm spoken forms: hanzi alone (dictionary readings), and a lesson word with its
   pinyin, per word, over the bundled lessons' words;
4. `lianxi pinyin 展览馆 --spoken` as a person runs it, against `lianxi pinyin 展览馆`.

    .venv/bin/python bench/spoken_forms.py [--rounds 5]

Targets: loading the lexicon costs well under the pypinyin yardstick (< 50 ms);
warm spoken forms under 1 ms per word; `--spoken` adds < 100 ms to the command.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

YARDSTICK = "from pypinyin import lazy_pinyin; lazy_pinyin('你好')"
LOAD = "from lianxi.lexicon import bundled_lexicon; bundled_lexicon()"
FIRST = ("from lianxi.lexicon import bundled_lexicon; from lianxi.core.sandhi import spoken_form; "
         "spoken_form('展览馆', lexicon=bundled_lexicon())")


def fresh_process(code: str, rounds: int, prelude: str = "import lianxi.core.pinyin") -> float:
    """Best time of `code` (ms) in a fresh interpreter, after `prelude` has run."""
    timed = (f"{prelude}\nimport time\nt = time.perf_counter()\n{code}\n"
             "print((time.perf_counter() - t) * 1000)")
    return min(float(subprocess.run([sys.executable, "-c", timed], capture_output=True, text=True,
                                    check=True).stdout) for _ in range(rounds))


def command(args: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lianxi", *args], capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def warm(rounds: int) -> tuple[float, float, int]:
    from lianxi.core.lesson_file import parse_lesson
    from lianxi.core.sandhi import spoken_form
    from lianxi.lexicon import bundled_lexicon

    lexicon = bundled_lexicon()
    words = [w for p in sorted((REPO / "lessons").rglob("*.toml"))
             for w in parse_lesson(p.read_bytes(), p.name, lexicon).words]
    spoken_form("你好", lexicon=lexicon)
    times = []
    for with_pinyin in (False, True):
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            for w in words:
                spoken_form(w.hanzi, w.syllables if with_pinyin else None, lexicon=lexicon)
            best = min(best, time.perf_counter() - start)
        times.append(best / len(words) * 1000)
    return times[0], times[1], len(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"yardstick: import pypinyin + first word  {fresh_process(YARDSTICK, args.rounds):7.1f} ms")
    print(f"load the lexicon (read + build)           {fresh_process(LOAD, args.rounds):7.1f} ms")
    print(f"first spoken form in a fresh process      {fresh_process(FIRST, args.rounds):7.1f} ms")
    alone, written, count = warm(args.rounds)
    print(f"warm, hanzi alone ({count} lesson words)   {alone:7.3f} ms per word")
    print(f"warm, lesson word with its pinyin         {written:7.3f} ms per word")
    plain = command(["pinyin", "展览馆"], args.rounds)
    spoken = command(["pinyin", "展览馆", "--spoken"], args.rounds)
    print(f"lianxi pinyin 展览馆                       {plain:7.1f} ms")
    print(f"lianxi pinyin 展览馆 --spoken              {spoken:7.1f} ms (+{spoken - plain:.1f})")


if __name__ == "__main__":
    main()
