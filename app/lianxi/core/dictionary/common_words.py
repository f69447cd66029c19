"""How common a word is: the HSK lists in the bundled word table, and how many headwords build on it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from lianxi.core.dictionary.readings import toned_key, toneless_key
from lianxi.core.pinyin import PinyinError, parse
from lianxi.core.ranking import LEVEL_STEP


def popularity(headwords: Iterable[str], longest: int = 2) -> Counter:
    """How many dictionary headwords contain each word of up to `longest` characters (longer words count 0).

    CC-CEDICT has no frequencies; a word that many compounds are built on (人, 学, 电脑)
    is one a learner meets often, so this count orders words the HSK lists leave out.
    """
    text = "\n".join(set(headwords))
    counts: Counter = Counter(text)
    # substrings across the line breaks contain "\n" and never equal a headword
    for size in range(2, longest + 1):
        counts.update(map("".join, zip(*(text[i:] for i in range(size)))))
    return counts


# -- HSK words from the bundled word table --------------------------------------------------

@dataclass(frozen=True, slots=True)
class HskWord:
    hanzi: str
    toned: str  # the lesson's reading, "hao4", to pick the right dictionary entry
    toneless: str  # the same without tones, "hao": the next best entry
    level: str  # "HSK 1" (HSK 2.0 levels 1-6) or "HSK 3.0 band 7-9"
    rank: int  # lower = learnt earlier and more frequent
    frequency: int | None = None  # corpus frequency rank (1 = most frequent), where known

    @property
    def hsk2(self) -> str:
        """The HSK 2.0 level ("1".."6"), or "" for an HSK 3.0 word."""
        return self.level[4:] if not self.level.startswith("HSK 3.0") else ""

    @property
    def hsk3(self) -> str:
        """The HSK 3.0 band ("1".."6", "7-9"), or "" for an HSK 2.0 word."""
        return self.level.rsplit(" ", 1)[1] if self.level.startswith("HSK 3.0") else ""


def hsk_words_from_table(text: str) -> list[HskWord]:
    """The words of the bundled word table (lessons/hsk/words.tsv), once per list they are in.

    Columns: hanzi, pinyin, hsk2 level, hsk3 band, frequency rank, lesson ids; "#" lines
    are comments. A word's place in the ranking: its level (HSK 2.0 level n before HSK 3.0
    band n, both before level n+1), then its frequency rank.
    """
    out: list[HskWord] = []
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("hanzi\t"):
            continue
        cells = line.split("\t")
        if len(cells) < 5:
            continue
        hanzi, spoken, hsk2, hsk3, rank = cells[:5]
        try:
            # piece by piece: parse() remembers each syllable, and 11,000 words share ~1,500
            syllables = [s for piece in spoken.split() for s in parse(piece)]
        except PinyinError:
            syllables = []
        frequency = int(rank) if rank.isdigit() else None
        within = min(frequency or _UNRANKED, _UNRANKED)
        toned, toneless = toned_key(syllables), toneless_key(syllables)
        if hsk2.isdigit():
            out.append(HskWord(hanzi, toned, toneless, f"HSK {hsk2}", int(hsk2) * 2 * LEVEL_STEP + within, frequency))
        if hsk3:
            order = 7 if hsk3 == "7-9" else int(hsk3)
            out.append(HskWord(hanzi, toned, toneless, f"HSK 3.0 band {hsk3}", (order * 2 + 1) * LEVEL_STEP + within,
                               frequency))
    return out


_UNRANKED = LEVEL_STEP - 1
