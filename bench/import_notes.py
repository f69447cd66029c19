"""Benchmark: Anki/Pleco imports grow linearly with the number of notes (not a test; prints figures).

Reads Anki and Pleco exports of 1,000 to 16,000 notes, all distinct words and all
copies of one word (8,000 copies took 90 s before the imports were made linear),
and prints the seconds for each and the time per note, which should stay flat.

    .venv/bin/python bench/import_notes.py
"""

from __future__ import annotations

import time

from lianxi.core.interop import BadNotes, read_anki, read_pleco


def _distinct(n: int) -> list[tuple[str, str]]:
    # two-character words from a run of common CJK code points, each with a valid reading
    return [(chr(0x4E00 + i // 200) + chr(0x4E00 + 200 + i % 200), "ni3 hao3") for i in range(n)]


def timed(call) -> float:
    start = time.perf_counter()
    try:
        call()
    except BadNotes:
        pass
    return time.perf_counter() - start


def main() -> None:
    print(f"{'notes':>6}  {'anki distinct':>14}  {'anki copies':>12}  {'pleco copies':>13}  {'ms/note (copies)':>16}")
    for n in (1000, 2000, 4000, 8000, 16000):
        distinct = ("#separator:tab\n#html:false\n"
                    + "".join(f"{h}\t{p}\tword {i}\n" for i, (h, p) in enumerate(_distinct(n)))).encode()
        copies = ("#separator:tab\n#html:false\n" + "你好\tnǐ hǎo\thello\n" * n).encode()
        pleco = ("你好\tni3hao3\tnoun hello\n" * n).encode()
        a = timed(lambda: read_anki(distinct, "d.txt", title="t"))
        b = timed(lambda: read_anki(copies, "c.txt", title="t"))
        c = timed(lambda: read_pleco(pleco, "p.txt", title="t"))
        print(f"{n:>6}  {a:>13.2f}s  {b:>11.2f}s  {c:>12.2f}s  {1000 * b / n:>16.3f}")


if __name__ == "__main__":
    main()
