"""Stroke order of a character, from the data shipped with Lianxi: the one loader for every view.

The classroom's projector page, the worksheets' writing practice and the
dictionary's entry view all call `stroke_order(char)` (or `stroke_orders(text)`)
here. The file (app/lianxi/data/stroke-order.tsv.gz, ARPHIC Public License,
see the README beside it) is read once per process, on first use, and each
character is parsed only when asked for. Characters it does not hold give None:
show them without animation and say so. Must never import Textual.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from lianxi.core.strokes import CharacterStrokes, parse_strokes

DATA_FILE = "stroke-order.tsv.gz"
ATTRIBUTION = ("Stroke order: Make Me a Hanzi (via hanzi-writer-data), "
               "from fonts by Arphic Technology, ARPHIC Public License")


@lru_cache(maxsize=1)
def _lines() -> dict[str, str]:
    data = resources.files("lianxi").joinpath("data", DATA_FILE).read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    return {line[: line.index("\t")]: line for line in text.splitlines() if line}


@lru_cache(maxsize=4096)
def stroke_order(char: str) -> CharacterStrokes | None:
    """The strokes of one character in writing order, or None when the data lacks it."""
    line = _lines().get(char)
    return parse_strokes(line) if line else None


def stroke_orders(text: str) -> dict[str, CharacterStrokes | None]:
    """Each distinct character of `text` (hanzi only, in order) -> its strokes, or None."""
    from lianxi.core.hanzi import is_hanzi  # noqa: PLC0415

    return {ch: stroke_order(ch) for ch in dict.fromkeys(text) if is_hanzi(ch)}


def known_characters() -> frozenset[str]:
    return frozenset(_lines())
