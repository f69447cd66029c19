"""FSRS-6 parameters: the 21 weights, checked and tidied before py-fsrs schedules with them.

The optimizer (fsrs-rs) works in 32-bit floats: 0.8 comes back as 0.800000011920929,
which py-fsrs refuses as above its upper bound. Both libraries clip to the same
bounds, so rounding to 4 decimals (what Anki shows) and clamping into py-fsrs's
bounds changes nothing a learner could notice and keeps py-fsrs happy.

Pure: must never import storage, UI or audio.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

from lianxi.core.errors import UserError

COUNT = len(DEFAULT_PARAMETERS)  # 21 in FSRS-6
DEFAULTS: tuple[float, ...] = tuple(DEFAULT_PARAMETERS)


class BadParameters(UserError):
    """Stored or fitted parameters that FSRS-6 cannot use."""


def clean(values: Sequence[float]) -> tuple[float, ...]:
    """FSRS-6 parameters rounded to 4 decimals and kept within py-fsrs's bounds.

    Raises BadParameters for the wrong count or a value that is not a number.
    """
    values = list(values)
    if len(values) != COUNT:
        raise BadParameters(
            f"FSRS-6 needs {COUNT} parameters, got {len(values)}: run `lianxi optimize --reset` "
            "to go back to the defaults."
        )
    out = []
    for index, (value, low, high) in enumerate(zip(values, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS)):
        if not isinstance(value, (int, float)) or not math.isfinite(value):
            raise BadParameters(
                f"FSRS parameter {index + 1} is not a number ({value!r}): run `lianxi optimize --reset`."
            )
        out.append(min(max(round(float(value), 4), low), high))
    return tuple(out)


def distance(a: Sequence[float], b: Sequence[float]) -> float:
    """How far apart two parameter sets are: the mean gap per weight, as a share of its allowed range."""
    spans = [high - low for low, high in zip(LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS)]
    return sum(abs(x - y) / span for x, y, span in zip(a, b, spans)) / COUNT
