"""Use case: what each desired retention costs and gives, so the learner chooses with numbers.

For desired retention 0.80 to 0.95 the FSRS simulator (fsrs-rs) plays a year of study
with the learner's parameters, cards and new cards a day: the average reviews and
minutes a day, and how many of the words learned are remembered at the end of the year.
The simulator starts from no memory (it cannot take the learner's current cards), so the
figures compare the choices fairly rather than forecast the exact coming year; the
minutes use the library's measured costs per answer. Must never import Textual or click.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lianxi.core.parameters import DEFAULTS
from lianxi.store.schedule import count_cards
from lianxi.study.fsrs_rs import require

if TYPE_CHECKING:
    from lianxi.study.learner import Learner

RETENTIONS = (0.80, 0.83, 0.85, 0.87, 0.90, 0.93, 0.95)
DAYS = 365
EXAMPLE_CARDS = 1200  # HSK 1-3 both ways, for a learner with no cards yet
SEED = 42  # the same simulated learner for every row, so rows differ only by the retention


@dataclass(frozen=True, slots=True)
class Workload:
    retention: float
    reviews_per_day: float
    minutes_per_day: float
    learned: int  # cards introduced during the year
    remembered: float  # of those, expected to be remembered at the end of the year
    current: bool  # the learner's present choice

    @property
    def share(self) -> float:
        return self.remembered / self.learned if self.learned else 0.0


@dataclass(frozen=True, slots=True)
class WorkloadTable:
    rows: tuple[Workload, ...]
    cards: int  # cards simulated
    new_per_day: int
    example: bool  # True: the learner has no cards yet, an example course is simulated
    fitted: bool  # True: the learner's own parameters; False: FSRS's defaults


def workloads(learner: Learner, cache: MutableMapping | None = None) -> WorkloadTable:
    """The table for the learner's cards and pace; `cache` keeps rows already simulated."""
    lib = require("The retention table")
    settings = learner.settings
    cards, _ = count_cards(learner.progress.conn)
    example = cards == 0
    deck = EXAMPLE_CARDS if example else cards
    new_per_day = max(settings.new_per_day, 1)
    config = lib.default_simulator_config()
    config.deck_size = deck
    config.learn_span = DAYS
    config.learn_limit = new_per_day
    config.max_cost_perday = 24 * 3600.0  # no time cap: show the whole workload
    config.max_ivl = float(settings.maximum_interval_days)
    current = round(settings.desired_retention, 2)
    retentions = sorted(set(RETENTIONS) | {current}) if 0.8 <= current <= 0.95 else list(RETENTIONS)
    cache = {} if cache is None else cache
    rows = []
    for retention in retentions:
        key = (retention, settings.parameters, deck, new_per_day)
        if key not in cache:
            result = lib.simulate(list(settings.parameters), retention, config, SEED)
            cache[key] = Workload(
                retention=retention,
                reviews_per_day=sum(result.review_cnt_per_day) / DAYS,
                minutes_per_day=sum(result.cost_per_day) / DAYS / 60,
                learned=sum(result.learn_cnt_per_day),
                remembered=result.memorized_cnt_per_day[-1],
                current=False,
            )
        rows.append(replace(cache[key], current=retention == current))
    return WorkloadTable(tuple(rows), deck, new_per_day, example, settings.parameters != DEFAULTS)
