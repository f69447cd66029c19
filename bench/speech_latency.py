"""How long until a two-syllable word's audio is ready to play (targets: p50 <= 30 ms
uncached, <= 5 ms cached)?

Times Speaker.render(hanzi) end to end: reading the hanzi, sandhi, cache lookup,
and on a miss the pyttsx3/espeak-ng rendering and the atomic write. The first word
(loading espeak-ng and pypinyin's dictionaries) is reported apart; the app pays it
once, in a worker.

    /tmp/venv0/bin/python bench/speech_latency.py [--rounds 5]

On the 2-core dev container: uncached p50 10.4 ms p95 13.9 ms (pyttsx3's run loop
sleeps 10 ms per utterance, which is the floor with one reused engine), cached p50
0.02 ms p95 0.03 ms, first word 160-190 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lianxi.audio.speech import Speaker

WORDS = (
    "你好 谢谢 再见 老师 学生 朋友 中国 中文 汉语 喜欢 "
    "吃饭 喝茶 工作 医生 医院 商店 飞机 出租 电脑 电视 "
    "手机 苹果 米饭 水果 天气 明天 今天 昨天 现在 时候 "
    "认识 知道 觉得 可以 没有 什么 怎么 哪里 漂亮 高兴"
).split()


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="fresh cache folders to fill")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        warm = Speaker(Path(folder) / "warm")
        problem = warm.check()
        if problem:
            print(problem, file=sys.stderr)
            return 1
        started = time.perf_counter()
        warm.render("开始")
        first = (time.perf_counter() - started) * 1000

        uncached, cached = [], []
        for round_ in range(args.rounds):
            speaker = Speaker(Path(folder) / f"round{round_}")
            for word in WORDS:
                started = time.perf_counter()
                speaker.render(word)
                uncached.append((time.perf_counter() - started) * 1000)
            for word in WORDS:
                started = time.perf_counter()
                speaker.render(word)
                cached.append((time.perf_counter() - started) * 1000)
    print(f"first word (loads espeak-ng and pypinyin) {first:.0f} ms")
    print(f"{len(uncached)} renders of {len(WORDS)} two-syllable words")
    for name, times in (("uncached", uncached), ("cached", cached)):
        print(f"{name} p50 {statistics.median(times):.2f} ms p95 {_percentile(times, 0.95):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
