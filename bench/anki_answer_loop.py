"""Reference: the same answer loop through Anki's Rust core, for a back-to-back comparison.

Not part of Lianxi (Anki is not a dependency). Run it in its own venv:

    python3 -m venv /tmp/ankivenv && /tmp/ankivenv/bin/pip install anki
    /tmp/ankivenv/bin/python bench/anki_answer_loop.py

It builds a collection of 20,000 cards (10,000 "Basic (and reversed card)"
notes) in review state with 1,000,000 revlog rows, turns FSRS on, and times the
same step as bench/answer_loop.py: answer the shown card (schedule + commit)
and fetch the next one. Prints `p50 X ms p95 Y ms`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from anki.collection import Collection


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=2_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(str(Path(tmp) / "collection.anki2"))
        t0 = time.perf_counter()
        model = col.models.by_name("Basic (and reversed card)")
        deck = col.decks.id("Bench")
        for i in range(args.words):
            note = col.new_note(model)
            note["Front"] = f"你好{i}"
            note["Back"] = "hello"
            col.add_note(note, deck)
        today = col.sched.today
        ids = col.db.list("select id from cards")
        col.db.executemany(
            "update cards set type=2, queue=2, ivl=?, due=?, factor=2500, reps=5 where id=?",
            [(rng.randrange(1, 200), today + rng.randrange(-30, 60), cid) for cid in ids],
        )
        now_ms = int(time.time() * 1000)
        rows = ((now_ms - i * 1000 - rng.randrange(1000), rng.choice(ids), -1, rng.choice((1, 2, 3, 3, 4)),
                 rng.randrange(1, 100), rng.randrange(1, 100), 2500, rng.randrange(800, 12000), 1)
                for i in range(args.reviews))
        col.db.executemany(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?,?,?,?,?,?,?,?,?)",
            list(rows),
        )
        col.set_config("fsrs", True)
        col.decks.select(deck)
        print(f"built {len(ids)} cards, {args.reviews} revlog rows in {time.perf_counter() - t0:.1f} s")
        timings = []
        card = col.sched.getCard()
        for _ in range(args.answers):
            if card is None:
                break
            ease = rng.choice((1, 2, 3, 3, 4))
            t = time.perf_counter()
            col.sched.answerCard(card, ease)
            card = col.sched.getCard()
            timings.append((time.perf_counter() - t) * 1000)
        col.close()
    timings.sort()
    print(f"{len(timings)} answers")
    print(f"p50 {statistics.median(timings):.3f} ms p95 {timings[int(len(timings) * 0.95) - 1]:.3f} ms")


if __name__ == "__main__":
    main()
