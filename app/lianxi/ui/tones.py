"""Tone colours for pinyin and hanzi: the marks are always there, colour only helps.

The palette is a setting (five colour names for tones 1-4 and neutral, or
"off"); colour-blind learners lose nothing because every syllable keeps its mark.
"""

from __future__ import annotations

from rich.text import Text

from lianxi.core.pinyin import PinyinError, parse, tone_spans

# Tone 1 red, 2 orange, 3 green, 4 blue, neutral grey: the common dictionary palette (Pleco, MDBG).
DEFAULT_PALETTE = ("#e0524a", "#e59a2f", "#4caf50", "#4a90e2", "#9e9e9e")


def palette_from_setting(value) -> tuple[str, ...] | None:
    """A stored setting -> five colours, or None for "no colours"."""
    if value in (None, "", "default"):
        return DEFAULT_PALETTE
    if value == "off":
        return None
    colours = tuple(value.split() if isinstance(value, str) else value)
    return colours if len(colours) == 5 else DEFAULT_PALETTE


def coloured_pinyin(text: str, palette: tuple[str, ...] | None, bold: bool = False) -> Text:
    """Pinyin as written, each syllable in its tone's colour."""
    out = Text()
    try:
        spans = tone_spans(text)
    except PinyinError:
        spans = [(text, None)]
    for chunk, tone in spans:
        style = ""
        if palette and tone:
            style = palette[tone - 1]
        if bold:
            style = f"bold {style}".strip()
        out.append(chunk, style=style or None)
    return out


def coloured_hanzi(hanzi: str, numbered: str, palette: tuple[str, ...] | None, bold: bool = True) -> Text:
    """Hanzi coloured by the tones of their reading (one syllable per character)."""
    style = "bold" if bold else ""
    try:
        tones = [s.tone for s in parse(numbered)]
    except PinyinError:
        tones = []
    out = Text()
    i = 0
    for ch in hanzi:
        colour = ""
        if palette and "\u3400" <= ch <= "\U0002fa1f" and i < len(tones):
            colour = palette[tones[i] - 1]
            i += 1
        out.append(ch, style=f"{style} {colour}".strip() or None)
    return out
