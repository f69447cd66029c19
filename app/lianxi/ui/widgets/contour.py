"""The learner's pitch drawn over the target's, syllable by syllable, in braille dots.

Each syllable gets a panel: the target tone's shape in faint dots of its tone colour,
the learner's pitch as a bright line in the colour of the tone it sounded like (grey
when unsure). Height is pitch relative to the learner's key, the same scale for every
panel of a word, so a tone that sits too high or too low shows as such. Below each
panel: the syllable and its verdict (✓ right, ✗ wrong, ? unsure). Text only: works in
any terminal, over SSH, at 80 columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

# Braille dot bits by (column 0-1, row 0-3) inside one character cell.
_DOTS = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08, (1, 1): 0x10, (1, 2): 0x20,
         (0, 3): 0x40, (1, 3): 0x80}
MARK = {"right": "✓", "wrong": "✗", "unsure": "?"}
UNSURE_COLOUR = "#9e9e9e"
ORDINAL = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}


def _line(points: Sequence[float], width: int, height: int, lo: float, hi: float,
          every: int = 1) -> set[tuple[int, int]]:
    """Dot coordinates (x, y from the top) of a curve through `points`, joined up."""
    if not points or hi <= lo:
        return set()
    dots_w, dots_h = width * 2, height * 4
    xy = []
    for k, v in enumerate(points):
        x = round(k * (dots_w - 1) / max(len(points) - 1, 1))
        y = round((hi - min(max(v, lo), hi)) / (hi - lo) * (dots_h - 1))
        xy.append((x, y))
    out: set[tuple[int, int]] = set()
    for (x0, y0), (x1, y1) in zip(xy, xy[1:]):
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for s in range(steps + 1):
            out.add((round(x0 + (x1 - x0) * s / steps), round(y0 + (y1 - y0) * s / steps)))
    if len(xy) == 1:
        out.add(xy[0])
    if every > 1:
        out = {(x, y) for x, y in out if x % every == 0}
    return out


def _panel(target: set, mine: set, width: int, height: int, target_style: str, my_style: str) -> list[Text]:
    rows = []
    for row in range(height):
        line = Text()
        for col in range(width):
            bits_t = bits_m = 0
            for (dx, dy), bit in _DOTS.items():
                spot = (col * 2 + dx, row * 4 + dy)
                if spot in mine:
                    bits_m |= bit
                elif spot in target:
                    bits_t |= bit
            if bits_m:
                line.append(chr(0x2800 + (bits_m | bits_t)), style=my_style)
            elif bits_t:
                line.append(chr(0x2800 + bits_t), style=target_style)
            else:
                line.append(" ")
        rows.append(line)
    return rows


def _colour(palette, tone: int | None, fallback: str) -> str:
    if palette and tone and 1 <= tone <= len(palette):
        return palette[tone - 1]
    return fallback


def contour_plot(judgements: Sequence, palette, width: int = 72, height: int = 6,
                 labels: Sequence[str] | None = None) -> Text:
    """The word's panels side by side, and a line of labels under them.

    `judgements` are core.tones.Judgements (shape, expected, tone, heard, verdict);
    `labels` the syllables as written (tone marks), default their numbered targets.
    """
    n = max(len(judgements), 1)
    gap = 2
    panel_w = max(6, min(24, (width - gap * (n - 1)) // n))
    values = [v for j in judgements for v in (*j.shape, *j.expected)]
    lo, hi = (min(values) - 0.5, max(values) + 0.5) if values else (-1.0, 1.0)
    if hi - lo < 4.0:  # a flat voice still gets a readable scale (semitones)
        middle = (hi + lo) / 2
        lo, hi = middle - 2.0, middle + 2.0
    panels = []
    for j in judgements:
        target_colour = _colour(palette, j.tone if j.tone <= 4 else None, "")
        heard = j.heard if j.verdict != "unsure" else None
        my_colour = _colour(palette, heard, UNSURE_COLOUR if palette else "")
        target = _line(j.expected, panel_w, height, lo, hi, every=2)
        mine = _line(j.shape, panel_w, height, lo, hi)
        panels.append(_panel(target, mine, panel_w, height,
                             f"dim {target_colour}".strip(), f"bold {my_colour}".strip()))
    out = Text()
    for row in range(height):
        for k, panel in enumerate(panels):
            if k:
                out.append(" " * gap)
            out.append_text(panel[row])
        out.append("\n")
    names = list(labels) if labels and len(labels) == len(judgements) else [j.target for j in judgements]
    for k, (j, name) in enumerate(zip(judgements, names)):
        if k:
            out.append(" " * gap)
        verdict = str(getattr(j.verdict, "value", j.verdict))
        style = {"right": "green", "wrong": "red"}.get(verdict, "yellow")
        cell = Text.assemble((name, f"bold {_colour(palette, j.tone if j.tone <= 4 else None, '')}".strip()), " ",
                             (MARK.get(verdict, "?"), style))
        if verdict == "wrong" and j.heard:
            cell.append(f" like a {ORDINAL[j.heard]}", style=style)
        cell.truncate(panel_w, pad=True)
        out.append_text(cell)
    return out
