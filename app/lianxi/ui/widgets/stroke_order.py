"""Stroke order in the terminal: each stroke's centre line drawn on a braille canvas, one at a time.

A terminal cannot fill outlines, but the median lines of the strokes (from the stroke
data in study.strokes) drawn in writing order show the order and direction as well
as a terminal can. Braille cells give 2x4 dots per character cell. Uses plotille's
Canvas (MIT, pure Python) for the dots.
"""

from __future__ import annotations

from plotille import Canvas

# the data's box: 1024 wide, y up, baseline at 900 (core.strokes)
_XMIN, _XMAX, _YMIN, _YMAX = 0, 1024, -124, 900


def stroke_frames(medians, width: int = 22, height: int = 11) -> list[str]:
    """Frame k shows strokes 1..k+1 (each a centre line), as braille text `height` lines high."""
    frames = []
    canvas = Canvas(width, height, xmin=_XMIN, xmax=_XMAX, ymin=_YMIN, ymax=_YMAX)
    for median in medians:
        for (x0, y0), (x1, y1) in zip(median, median[1:], strict=False):
            canvas.line(x0, y0, x1, y1)
        if len(median) == 1:
            canvas.point(*median[0])
        frames.append(canvas.plot())
    return frames
