"""Benchmark: fitting FSRS to a learner's own reviews (not a test; prints figures).

A simulated learner whose memory follows known FSRS-6 parameters (tests/simulated_learner.py:
Lianxi schedules, the true parameters decide what is recalled) studies the bundled HSK 2.0
lessons until it has given 100,000 answers; they go into a real Lianxi database. The fit runs
the way `lianxi optimize` does (study.optimizer.fit: read the review log, build FSRS items,
fit with fsrs-rs, score both parameter sets) in a fresh process, for its time and peak memory
(the whole process: Python, Lianxi and the library). Then FSRS's default parameters and the
fitted ones are scored on held-back reviews: other cards studied by the same learner. Each
fitted weight is set beside the true one (FSRS's weights trade off against one another, so a
better fit need not bring every weight closer: the chance of recall it predicts counts).

    .venv/bin/python bench/optimize.py [--answers 100000] [--held-back 25000]

Targets: fit <= 5 s and <= 200 MB; the fitted parameters beat the defaults on held-back reviews.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import fsrs_rs_python as fsrs_rs  # noqa: E402
from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS  # noqa: E402

from lianxi import paths  # noqa: E402
from lianxi.core.parameters import DEFAULTS, distance  # noqa: E402
from lianxi.core.review_history import StudyDays, card_histories  # noqa: E402
from lianxi.study import Learner  # noqa: E402
from simulated_learner import TRUE_PARAMETERS, simulate, store_history  # noqa: E402

FIT = """
import json, resource, sys, time
from datetime import timezone
from pathlib import Path
from lianxi.study import Learner, optimizer
learner = Learner.open(Path(sys.argv[1]), zone=timezone.utc)
started = time.perf_counter()
result = optimizer.fit(learner)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "parameters": result.parameters, "reviews": result.reviews, "answers": result.answers,
                  "before": [result.before.log_loss, result.before.rmse],
                  "after": [result.after.log_loss, result.after.rmse]}))
"""


def prefixes_of(log: list[tuple[int, int, float]]) -> list[list[tuple[int, int]]]:
    """Every card's history up to each answer given on a later day than its previous one."""
    log = sorted(log, key=lambda row: (row[0], row[2]))
    out = []
    for _, history, _ in card_histories(log, StudyDays(timezone.utc)):
        for end, (_, gap) in enumerate(history):
            if gap > 0:
                out.append(history[: end + 1])
    return out


def items_of(prefixes) -> list:
    return [fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(r, g) for r, g in prefix]) for prefix in prefixes]


def recall_gap(prefixes, parameters, truth) -> float:
    """Mean |predicted chance of recall - true chance| at each held-back review."""
    def chances(values) -> list[float]:
        model = fsrs_rs.FSRS(list(values))
        before = model.memory_state_batch(items_of(prefix[:-1] for prefix in prefixes))
        decay = -values[20]
        factor = 0.9 ** (1 / decay) - 1
        return [(1 + factor * prefix[-1][1] / state.stability) ** decay for prefix, state in zip(prefixes, before)]

    return sum(abs(a - b) for a, b in zip(chances(parameters), chances(truth))) / len(prefixes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--held-back", type=int, default=25_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        learner = Learner.open(folder, zone=timezone.utc)
        for path in sorted((paths.bundled_lessons_dir() / "hsk").glob("hsk2-level*/*.toml")):
            learner.start_bundled(path.stem)
        card_ids = [row[0] for row in learner.progress.conn.execute("SELECT id FROM cards ORDER BY id")]
        t0 = time.perf_counter()
        log, memories = simulate(card_ids, args.answers, seed=1)
        store_history(learner.progress.conn, log, memories)
        learner.close()
        held_back, _ = simulate(range(10_000_000, 10_000_000 + 3_000), args.held_back, seed=2)
        print(f"simulated {len(log):,} answers on {len({c for c, _, _ in log}):,} cards and "
              f"{len(held_back):,} held-back answers on other cards in {time.perf_counter() - t0:.0f} s")

        out = subprocess.run([sys.executable, "-c", FIT, str(folder)], capture_output=True, text=True, check=True)
        fit = json.loads(out.stdout)

    fitted = fit["parameters"]
    print(f"fit: {fit['reviews']:,} reviews scored (answers after an earlier day's answer) of "
          f"{fit['answers']:,} answers; on those, log loss {fit['before'][0]:.4f} -> {fit['after'][0]:.4f}, "
          f"rmse {fit['before'][1]:.4f} -> {fit['after'][1]:.4f}")
    prefixes = prefixes_of(held_back)
    items = items_of(prefixes)
    default_score = fsrs_rs.FSRS(list(DEFAULTS)).evaluate(items)
    fitted_score = fsrs_rs.FSRS(list(fitted)).evaluate(items)
    true_score = fsrs_rs.FSRS(list(TRUE_PARAMETERS)).evaluate(items)
    print(f"held back: {len(items):,} reviews; log loss default {default_score.log_loss:.4f} "
          f"fitted {fitted_score.log_loss:.4f} true {true_score.log_loss:.4f}; rmse default "
          f"{default_score.rmse_bins:.4f} fitted {fitted_score.rmse_bins:.4f} true {true_score.rmse_bins:.4f}")
    print("closeness to the true parameters (mean gap per weight, as a share of its allowed range): "
          f"default {distance(DEFAULTS, TRUE_PARAMETERS):.3f}, fitted {distance(fitted, TRUE_PARAMETERS):.3f}")
    spans = [high - low for low, high in zip(LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS)]
    closer = [abs(f - t) < abs(d - t) for f, t, d in zip(fitted, TRUE_PARAMETERS, DEFAULTS)]
    print(f"weights closer to the true value than the default is: {sum(closer)} of {len(closer)}")
    print("  w   true  fitted default  (gap fitted/default, share of range)")
    for i, (t, f, d, span) in enumerate(zip(TRUE_PARAMETERS, fitted, DEFAULTS, spans)):
        print(f"  {i:<2}{t:>7.3f}{f:>8.3f}{d:>8.3f}  {abs(f - t) / span:.3f}/{abs(d - t) / span:.3f}")
    print("first-day stabilities (Again Hard Good Easy): true "
          + " ".join(f"{v:.2f}" for v in TRUE_PARAMETERS[:4]) + ", fitted " + " ".join(f"{v:.2f}" for v in fitted[:4])
          + ", default " + " ".join(f"{v:.2f}" for v in DEFAULTS[:4]))
    print("chance of recall on held-back reviews, mean gap to the true chance: "
          f"default {recall_gap(prefixes, DEFAULTS, TRUE_PARAMETERS):.4f}, "
          f"fitted {recall_gap(prefixes, fitted, TRUE_PARAMETERS):.4f}")
    print(f"fit {fit['answers']} reviews in {fit['seconds']:.2f} s, peak {fit['peak_mb']:.0f} MB; "
          f"log loss default {default_score.log_loss:.4f} fitted {fitted_score.log_loss:.4f}; "
          f"rmse default {default_score.rmse_bins:.4f} fitted {fitted_score.rmse_bins:.4f}")


if __name__ == "__main__":
    main()
