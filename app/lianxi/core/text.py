"""Text from a lesson file (or any file a person gives) is data: shown, never obeyed.

`visible` makes any text safe to print to a terminal: control characters (escape
sequences, carriage returns, bells, C1 codes, bidi overrides) become visible escapes
such as \\x1b, so a title can never move the cursor or change the terminal. For Rich
and Textual, build `rich.text.Text` objects (or use `rich.markup.escape`) and never put
lesson text inside a markup string. Pure: standard library only.
"""

from __future__ import annotations

import unicodedata

__all__ = ["has_controls", "visible"]

# Format characters that reorder or hide text on screen (bidi overrides and isolates).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _is_control(ch: str, allow_newline: bool) -> bool:
    if ch == "\n" and allow_newline:
        return False
    if ch == "\t":
        return False
    return unicodedata.category(ch) == "Cc" or ch in _BIDI or ch in "\u2028\u2029"


def has_controls(text: str, *, allow_newline: bool = False) -> bool:
    """Whether `text` holds a character that would act on a terminal instead of showing."""
    return any(_is_control(ch, allow_newline) for ch in text)


def visible(text: str, *, allow_newline: bool = False) -> str:
    """`text` with every control character written as a visible escape (\\x1b, \\u202e)."""
    if not has_controls(text, allow_newline=allow_newline):
        return text
    out = []
    for ch in text:
        if _is_control(ch, allow_newline):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
