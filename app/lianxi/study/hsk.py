"""Use case: the words of each HSK level and band, to measure a learner's coverage.

Read from the bundled HSK lessons (one level or band per folder): each word as its
hanzi and reading, keyed as the store keys words (core.words.reading_key), so a word
counts for a level whichever lesson the learner studied it in. Read once per process.
Must never import Textual.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from lianxi import paths
from lianxi.core.pinyin import PinyinError, parse
from lianxi.core.words import reading_key

Word = tuple[str, str]  # (hanzi, reading)

# Levels in the order a learner meets them: HSK 2.0 first, then HSK 3.0 (as the bundled lessons name them).
_ORDER = ("HSK 2.0", "HSK 3.0")


def _level_order(name: str) -> tuple:
    family = next((i for i, prefix in enumerate(_ORDER) if name.startswith(prefix)), len(_ORDER))
    digits = "".join(ch if ch.isdigit() else " " for ch in name.removeprefix("HSK 2.0").removeprefix("HSK 3.0"))
    numbers = [int(d) for d in digits.split()] or [99]
    return family, numbers[0], name


@lru_cache(maxsize=4)
def hsk_words(folder: Path | None = None) -> dict[str, tuple[Word, ...]]:
    """Level or band name ("HSK 2.0 level 1", "HSK 3.0 bands 7-9") -> its words, in course order."""
    folder = folder or paths.bundled_lessons_dir() / "hsk"
    levels: dict[str, dict[Word, None]] = {}
    for path in sorted(folder.rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        words = levels.setdefault(data["level"], {})
        for word in data.get("words", ()):
            try:
                numbered = " ".join(s.numbered for s in parse(word["pinyin"]))
            except PinyinError:
                continue  # the bundled lessons are checked by their own tests; never guess a reading
            words[(word["hanzi"], reading_key(word["hanzi"], numbered))] = None
    return {name: tuple(levels[name]) for name in sorted(levels, key=_level_order)}


@lru_cache(maxsize=4)
def hsk_word_set(folder: Path | None = None) -> frozenset[Word]:
    """Every word of every level and band, for a quick "is it an HSK word at all"."""
    return frozenset(word for words in hsk_words(folder).values() for word in words)
