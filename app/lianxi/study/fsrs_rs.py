"""The optimizer library (fsrs-rs-python), loaded only when a feature needs it.

Why this library (checked 2026-11 against fsrs-rs-python 0.9.3 and py-fsrs 6.3.2):
- It is the Rust FSRS (fsrs-rs, the crate Anki uses) with Python bindings: it fits
  FSRS-6 in about 0.1 s on 100,000 reviews with no torch (py-fsrs's own optimizer
  needs torch: hundreds of MB and ~80 s on 6,000 reviews), evaluates log loss and
  RMSE, and has Anki's simulator, which the retention table uses.
- Parameters: 21 floats in the same order as py-fsrs 6 (DEFAULT_PARAMETERS are equal)
  and clipped to the same bounds; they come back as 32-bit floats, so
  core.parameters rounds them to 4 decimals before py-fsrs checks its bounds. With
  elapsed time counted in study days on both sides, py-fsrs replays histories to the
  same stability and difficulty (within 1e-5) and the same intervals
  (tests/study/test_reschedule.py).
- Licence: fsrs-rs is BSD-3-Clause and its bundled Rust dependencies are MIT/Apache;
  the binding's own repository and wheel metadata state no licence. Lianxi only
  installs it from PyPI as a dependency (PyPI's terms let every user download and use
  what is published there) and copies none of it; a distributor repackaging Lianxi
  would need the authors (open-spaced-repetition) to state one.
- Wheels: CPython 3.9-3.14 for Linux x86_64 and aarch64 (manylinux and musllinux),
  macOS x86_64 and arm64, Windows x64 (and arm64 from 3.12). pyproject.toml asks for
  it only on those machines; elsewhere (32-bit ARM, i686) Lianxi installs without it,
  schedules with FSRS's defaults, and `optimize` and the retention table say what is
  missing.

Must never import Textual or click.
"""

from __future__ import annotations

from types import ModuleType

from lianxi.core.errors import UserError


class OptimizerMissing(UserError):
    """fsrs-rs-python is not installed (or has no build for this machine)."""


def library() -> ModuleType | None:
    try:
        import fsrs_rs_python
    except ImportError:
        return None
    return fsrs_rs_python


def require(feature: str) -> ModuleType:
    lib = library()
    if lib is None:
        raise OptimizerMissing(
            f"{feature} needs the Python package fsrs-rs-python, which is not installed here "
            "(it has builds for Linux x86_64/aarch64, macOS and Windows x64). Install it with "
            "`pip install fsrs-rs-python`; until then Lianxi keeps scheduling with FSRS's default "
            "parameters, and everything else works."
        )
    return lib
