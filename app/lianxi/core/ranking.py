"""How dictionary results are ordered, as a learner expects them. Pure: stdlib only.

The rule, per kind of query (the store orders by the same columns in SQL; this
module is the rule itself, for merging the pinyin and English results of one
query and for the tests):

- hanzi: what was typed comes first (the word itself, then words starting with
  it, then words containing it); within each, learner words first;
- pinyin (with or without tones): learner words (HSK 2.0 or 3.0) first, and among
  them exact readings before longer words (`xue xi`: 学习, then 学校, never 血洗
  "massacre" second); then the other words, exact readings first;
- English: a gloss that is the query itself ("go", "to go") first, then the same
  with an aside ("(greeting) hello"), then glosses holding the query as whole
  words ("to go out"), then stemmed matches ("going"); learner words first within
  each, and among learner words of one level, the word that means only that
  before a word with many meanings ("teacher": 老师 before 先生 "teacher; sir;
  husband; doctor").
Then: how common the word is, in bands of corpus frequency (the 1,000 most
frequent words, the 5,000, the 20,000, the rest: inside one band the difference
matters less to a learner than what is taught first), then HSK level (earlier
first) and the exact frequency inside it (`beijing`: 北京, HSK 1, before 背景,
HSK 5, both among the 5,000 most frequent), proper names after common words, how many dictionary words are built on
it (a stand-in for frequency outside the HSK lists), and shorter words first.
Entries that only point elsewhere ("variant of", "surname Wang") go last within their band.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

# how a result matches: for hanzi and pinyin, the query is the word, its start, or inside it;
# for English, 0 a plain gloss equal to the query, 1 the same with an aside, 2 a looser match
EXACT, STARTS, CONTAINS = 0, 1, 2
# how far an English match is from the query (the band dominates the learner-word tier):
# a gloss equal to it, the same with an aside ("(greeting) hello"), its words inside a gloss, stemmed
GLOSS, GLOSS_ASIDE, WHOLE_WORDS, STEMMED = 0, 1, 2, 3
NAME, POINTER = 1, 2  # entry kinds besides plain words (core.dictionary.entries.Entry.minor)


class Ranked(Protocol):
    id: int
    order: tuple


FREQUENCY_BANDS = (1_000, 5_000, 20_000)


def frequency_band(rank: int | None) -> int:
    """1 for the 1,000 most frequent words, 2 for the 5,000, 3 for the 20,000, 4 for the rest or unknown."""
    if rank is None:
        return len(FREQUENCY_BANDS) + 1
    return next((i for i, top in enumerate(FREQUENCY_BANDS, start=1) if rank <= top), len(FREQUENCY_BANDS) + 1)


LEVEL_STEP = 100_000  # hsk_rank // LEVEL_STEP is the word's HSK level group (core.dictionary.common_words.HskWord.rank)


def rank_key(match: int, hsk_rank: int | None, minor: int, popular: int, length: int, entry_id: int, *,
             band: int = 0, common: int | None = None, glosses: int | None = None) -> tuple:
    """The sort key of one result (smaller first); see the module docstring.

    `band` is the part of the match that outranks being a learner word: the match
    itself for hanzi, how close the English is for English, 0 for pinyin.
    `common` is the word's frequency_band (None: unknown).
    `glosses` (English only) is how many meanings the word has: within one HSK level
    a word with fewer is the closer translation.
    """
    sense = () if glosses is None else ((hsk_rank or 0) // LEVEL_STEP, glosses)
    return (band, minor == POINTER, hsk_rank is None, match, sense, common or frequency_band(None),
            hsk_rank or 0, minor, -popular, length, entry_id)


def merge(*lists: Iterable[Ranked], limit: int, readings: bool = False) -> list:
    """Results of several searches of one query, best first, each entry once.

    `readings`: the lists are the two readings of letters that are both pinyin and
    English ("run": rùn 润 or 跑 "to run"; "she": shé 蛇 or 她 "she"). Neither reading
    is known to be meant, so how closely each matches comes first (the reading itself
    or a gloss that is the word; a gloss with an aside; a longer reading or the word
    inside a gloss; the rest), and among equally close learner words the one taught first, whichever reading
    found it (跑 "to run" before 润 rùn, 她 before 蛇 shé, 死 "to die" before 爹 diē),
    among other words the more common one; then the usual order.
    """
    best: dict[int, Ranked] = {}
    for results in lists:
        for found in results:
            if found.id not in best or found.order < best[found.id].order:
                best[found.id] = found
    key = _either_reading if readings else (lambda f: f.order)
    return sorted(best.values(), key=key)[:limit]


def _either_reading(found: Ranked) -> tuple:
    # rank_key's fields: 0 band, 1 pointer, 2 not a learner word, 3 match, 4 sense (English
    # results only), 5 frequency band, 6 HSK rank
    order = found.order
    if order[4]:  # found by its English: the gloss itself, with an aside, inside a gloss, stemmed
        closeness = order[0]
    else:  # found by its pinyin: the reading itself (as close as a gloss that is the word), or a longer one
        closeness = {EXACT: GLOSS, STARTS: WHOLE_WORDS}.get(order[3], STEMMED)
    return (order[1], order[2], closeness, order[6] // LEVEL_STEP, order[5], order)
