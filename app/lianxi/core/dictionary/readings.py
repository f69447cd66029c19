"""A dictionary reading ("ni3 hao3", "lu:4", "yi1 dian3 r5"): its syllables, its index keys, tone marks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lianxi.core.pinyin import PinyinError, Syllable
from lianxi.core.syllables import is_syllable

_TOKEN = re.compile(r"^([a-zü]+?)([1-5])$")


def reading(pinyin: str) -> tuple[Syllable | str, ...]:
    """The syllables of a dictionary reading; letters that are not pinyin (the C of 3C) stay text.

    CC-CEDICT writes ü as "u:" and erhua as a separate "r5"; both come back as Syllables
    (lü4, dianr3). Punctuation in readings (·, commas) is dropped.
    """
    out: list[Syllable | str] = []
    for item in _aligned(pinyin):
        if isinstance(item, Syllable):
            out.append(item)
        elif item is not None and item.isalnum():
            out.append(item.lower().rstrip("12345") or item)
    return tuple(out)


def reading_keys(pinyin: str) -> tuple[str, str]:
    """(toned_key, toneless_key) of a dictionary reading, quickly: the index does 122k of them."""
    toned: list[str] = []
    toneless: list[str] = []
    for token in pinyin.split():
        pieces = _token_keys(token)
        if pieces is None:
            continue
        if pieces[0] == "r5" and toned and toned[-1][-1:].isdigit() and toned[-1][-2:-1] != "r":
            merged = _erhua_keys(toned[-1])
            if merged is not None:
                toned[-1], toneless[-1] = merged
                continue
        toned.append(pieces[0])
        toneless.append(pieces[1])
    return " ".join(toned), "".join(toneless)


@lru_cache(maxsize=8192)
def _token_keys(token: str) -> tuple[str, str] | None:
    item = _token(token)
    if isinstance(item, Syllable):
        return item.numbered, item.base
    if item == "r5":
        return "r5", "r"
    if not item.isalnum():
        return None
    low = item.lower()
    return low, low.rstrip("12345") or low


@lru_cache(maxsize=4096)
def _erhua_keys(numbered: str) -> tuple[str, str] | None:
    erhua = _erhua(Syllable(numbered[:-1], int(numbered[-1])))
    return (erhua.numbered, erhua.base + "r") if erhua else None


def toneless_key(syllables: Iterable[Syllable | str]) -> str:
    """Letters without tones or spaces: "nihao", "yidianr"; what a toneless query matches."""
    return "".join(s if isinstance(s, str) else s.base + ("r" if s.erhua else "") for s in syllables)


def toned_key(syllables: Iterable[Syllable | str]) -> str:
    """Numbered syllables separated by spaces: "ni3 hao3", "dianr3"."""
    return " ".join(s if isinstance(s, str) else s.numbered for s in syllables)


def display_pinyin(pinyin: str) -> str:
    """A dictionary reading with tone marks, capitals kept: "Wang2" -> "Wáng"."""
    words = pinyin.split()
    out = []
    for token, item in zip(words, _aligned(pinyin), strict=False):
        if isinstance(item, Syllable):
            text = item.marked
            out.append(text[:1].upper() + text[1:] if token[:1].isupper() else text)
        elif item is None:
            continue
        else:
            out.append(token)
    return " ".join(out)


def _aligned(pinyin: str) -> list[Syllable | str | None]:
    """One item per written token: its syllable, its text, or None for a merged erhua r."""
    items: list[Syllable | str | None] = []
    for token in pinyin.split():
        item = _token(token)
        if item == "r5" and items and isinstance(items[-1], Syllable) and not items[-1].erhua:
            erhua = _erhua(items[-1])
            if erhua is not None:
                items[-1] = erhua
                items.append(None)
                continue
        items.append(item)
    return items


@lru_cache(maxsize=4096)
def _token(token: str) -> Syllable | str:
    """A written token as a Syllable when it is one ("lu:4" -> lü4), else the token itself."""
    low = token.lower().replace("u:", "ü").replace("v", "ü")
    m = _TOKEN.match(low)
    if m and is_syllable(m.group(1)):
        return Syllable(m.group(1), int(m.group(2)))
    return "r5" if low == "r5" else token


@lru_cache(maxsize=4096)
def _erhua(syllable: Syllable) -> Syllable | None:
    try:
        return Syllable(syllable.base, syllable.tone, True)
    except PinyinError:
        return None
