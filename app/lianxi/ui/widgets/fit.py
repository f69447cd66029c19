"""Text cut to the cells a line has left: a hanzi takes two terminal cells, a letter one."""

from __future__ import annotations

from rich.cells import cell_len


def cut(text: str, width: int) -> str:
    """`text` in at most `width` cells; a longer one is cut at a word and ends with " …"."""
    if cell_len(text) <= width:
        return text
    while text and cell_len(text) > width - 2:
        text = text[:-1]
    return (text.rsplit(" ", 1)[0] if " " in text else text).rstrip(";, ") + " …"
