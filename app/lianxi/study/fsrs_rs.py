"""The optimizer library (fsrs-rs-python), loaded only when a feature needs it.

fsrs-rs-python is the Rust FSRS (the one Anki uses) with Python bindings: it fits
FSRS-6 parameters in well under a second with no torch, and simulates a year of
reviews for the retention table. Wheels exist for Linux x86_64 and aarch64 (glibc
and musl), macOS and Windows x64; where it is missing, everything else in Lianxi
works and the features that need it say so. Must never import Textual or click.
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
