"""Use case: the words of each HSK level and band, to measure a learner's coverage.

Read from the bundled word table (lessons/hsk/words.tsv, written with the HSK lessons):
each word as its hanzi and reading, keyed as the store keys words (core.words.reading_key),
so a word counts for a level whichever lesson the learner studied it in. Read once per
process. Must never import Textual.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from lianxi import paths
from lianxi.core.pinyin import PinyinError, parse
from lianxi.core.words import reading_key

Word = tuple[str, str]  # (hanzi, reading)

LEVEL_NAMES = {"hsk2": "HSK 2.0 level {}", "hsk3": "HSK 3.0 band {}"}
BAND_7_9 = "HSK 3.0 bands 7-9"


@lru_cache(maxsize=4)
def hsk_words(table: Path | None = None) -> dict[str, tuple[Word, ...]]:
    """Level or band name ("HSK 2.0 level 1", "HSK 3.0 bands 7-9") -> its words, most frequent first."""
    table = table or paths.bundled_lessons_dir() / "hsk" / "words.tsv"
    order = [LEVEL_NAMES["hsk2"].format(n) for n in range(1, 7)] + \
        [LEVEL_NAMES["hsk3"].format(n) for n in range(1, 7)] + [BAND_7_9]
    levels: dict[str, dict[Word, None]] = {name: {} for name in order}
    with table.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            try:
                numbered = " ".join(s.numbered for s in parse(row["pinyin"]))
            except PinyinError:
                continue  # the table is checked with the lessons it comes from; never guess a reading
            word = (row["hanzi"], reading_key(row["hanzi"], numbered))
            if row["hsk2"]:
                levels[LEVEL_NAMES["hsk2"].format(row["hsk2"])][word] = None
            if row["hsk3"]:
                name = BAND_7_9 if row["hsk3"] == "7-9" else LEVEL_NAMES["hsk3"].format(row["hsk3"])
                levels[name][word] = None
    return {name: tuple(words) for name, words in levels.items()}


@lru_cache(maxsize=4)
def hsk_word_set(table: Path | None = None) -> frozenset[Word]:
    """Every word of every level and band, for a quick "is it an HSK word at all"."""
    return frozenset(word for words in hsk_words(table).values() for word in words)
