"""Stroke order as SVG: paths defined once, figures that reuse them, and data for the animation.

Worksheets draw a character's strokes as a row of small figures (figure k: the
strokes before k in grey, stroke k in black) and trace characters in light grey
inside 田字格 boxes; the projector page animates the strokes from the data given
by `animation_data`. Pure. Must never import storage, audio, UI or study.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from lianxi.core.strokes import STROKE_BOX, STROKE_TRANSFORM, CharacterStrokes
from lianxi.classroom.page import e


def char_id(char: str) -> str:
    return f"c{ord(char):x}"


def stroke_defs(characters: Iterable[CharacterStrokes]) -> str:
    """A hidden SVG defining each stroke (#c6211-3) and each whole character (#c6211)."""
    parts = []
    for data in characters:
        cid = char_id(data.char)
        strokes = "".join(f'<path id="{cid}-{i}" d="{e(path)}"/>' for i, path in enumerate(data.outlines))
        uses = "".join(f'<use href="#{cid}-{i}"/>' for i in range(data.count))
        parts.append(f'{strokes}<g id="{cid}">{uses}</g>')
    return ('<svg class="defs" width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
            + "".join(parts) + "</defs></svg>")


def _figure(inner: str, label: str = "") -> str:
    title = f"<title>{e(label)}</title>" if label else ""
    return (f'<svg class="stroke" viewBox="0 0 {STROKE_BOX} {STROKE_BOX}" role="img">{title}'
            f'<g transform="{STROKE_TRANSFORM}">{inner}</g></svg>')


def stroke_sequence(data: CharacterStrokes) -> str:
    """One small figure per stroke: the strokes already written in grey, the new one in black."""
    cid = char_id(data.char)
    figures = []
    for k in range(data.count):
        done = "".join(f'<use href="#{cid}-{i}" class="done"/>' for i in range(k))
        figures.append(_figure(done + f'<use href="#{cid}-{k}" class="new"/>', f"{data.char} stroke {k + 1}"))
    return "".join(figures)


def trace(data: CharacterStrokes | None, char: str, cls: str = "trace") -> str:
    """The whole character inside a box: from its strokes when known, else from the font."""
    if data is not None:
        return _figure(f'<use href="#{char_id(data.char)}" class="{cls}"/>')
    return f'<span class="{cls}-font">{e(char)}</span>'


def _length(points) -> int:
    return round(sum(math.dist(a, b) for a, b in zip(points, points[1:])))


def animation_data(characters: Mapping[str, CharacterStrokes | None]) -> dict[str, dict | None]:
    """Per character: outlines "o", centre lines "m" (flat x, y lists) and their lengths "l"; None if unknown."""
    out: dict[str, dict | None] = {}
    for char, data in characters.items():
        if data is None:
            out[char] = None
            continue
        out[char] = {
            "o": list(data.outlines),
            "m": [[v for point in median for v in point] for median in data.medians],
            "l": [_length(median) for median in data.medians],
        }
    return out
