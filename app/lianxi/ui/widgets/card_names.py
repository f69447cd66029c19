"""Short names for card kinds and flags, as the browser, a card's screen and `lianxi cards` show them."""

from __future__ import annotations

from rich.text import Text

from lianxi.study import browser

FLAG_STYLES = {1: "bold red", 2: "bold dark_orange", 3: "bold green", 4: "bold dodger_blue1"}
KIND_NAMES = {
    "recognition": "read",
    "recall": "recall",
    "listening": "listen",
    "type_pinyin": "type py",
    "type_hanzi": "type hz",
    "cloze": "cloze",
}


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind)


def flag_text(flag: int) -> Text:
    name = browser.flag_name(flag)
    return Text(name, style=FLAG_STYLES[flag]) if name else Text("")
