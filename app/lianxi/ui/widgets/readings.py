"""A word's readings as terminal text: every pinyin in tone colours, each meaning after its pinyin.

For the terminal classroom (and any screen that shows a lesson word to a room): a word
with several readings (得 de, dé, děi) shows them all, the main one (the one spoken) first.
Lesson text goes into rich Text objects, never into markup.
"""

from __future__ import annotations

from rich.text import Text

from lianxi.classroom.page import meaning, shown_readings
from lianxi.core.lessons import Word
from lianxi.ui.tones import DEFAULT_PALETTE, coloured_pinyin


def every_pinyin(word: Word) -> Text:
    """The word's readings in tone colours, the main one first: "de · dé · děi"."""
    out = Text()
    for n, reading in enumerate(word.readings):
        if n:
            out.append(" · ", style="dim")
        out.append_text(coloured_pinyin(reading.pinyin, DEFAULT_PALETTE, bold=True))
    return out


def every_meaning(word: Word, traditional: bool) -> Text:
    """The meaning; for a word with several readings, one line each: its pinyin, then its meaning."""
    if not word.other_readings:
        return Text(meaning(word))
    lines = []
    for reading in shown_readings(word, traditional):
        lines.append(Text.assemble(
            *([(reading.hanzi, "bold"), " "] if reading.hanzi else []),
            coloured_pinyin(reading.pinyin, DEFAULT_PALETTE, bold=True), "  ", reading.meaning,
        ))
    return Text("\n").join(lines)
