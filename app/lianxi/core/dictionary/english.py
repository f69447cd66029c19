"""English in the dictionary: glosses as the index stores them, English queries' words, glosses fit for a learner."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lianxi.core import glosses
from lianxi.core.dictionary.readings import display_pinyin

_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _normal_gloss(text: str) -> str:
    text = text.lower()
    if "(" in text or "[" in text:
        text = _ASIDE.sub(" ", text)
    return " ".join(_WORD.findall(text))


def gloss_keys(senses: Iterable[str]) -> dict[str, int]:
    """Normalised glosses for exact English matches: "to go" and "go" both find 去.

    Each key maps to 1 when its gloss carried an aside ("(after a pronoun) hello"), a
    weaker match than a plain gloss, else 0.
    """
    return english_index(senses)[0]


def gloss_words(senses: Iterable[str]) -> tuple[str, int]:
    """Every gloss as its lowercased words, " | " between glosses, and how many glosses there are.

    (" to go out | to leave ", 2). The index keeps the words so a query's words found whole
    and in order inside one gloss ("go" in "to go out") rank above a stemmed match
    ("going"), asides included; the count says how many meanings a word has (classifier
    lines not counted): among learner words of one level, fewer is a closer translation.
    """
    _, words, count = english_index(senses)
    return words, count


def english_index(senses: Iterable[str]) -> tuple[dict[str, int], str, int]:
    """gloss_keys and gloss_words in one pass over the senses (the index does 122k entries)."""
    keys: dict[str, int] = {}
    parts: list[str] = []
    for sense in senses:
        if sense.startswith("CL:"):
            continue
        for gloss in sense.split(";"):
            words = " ".join(_WORD.findall(gloss.lower()))
            if not words:
                continue
            parts.append(words)
            weak = int("(" in gloss or "[" in gloss)
            key = _normal_gloss(gloss) if weak else words
            if key:
                keys[key] = min(keys.get(key, 1), weak)
                if key.startswith(("to ", "a ", "an ", "the ")):
                    short = key.split(" ", 1)[1]
                    keys[short] = min(keys.get(short, 1), weak)
    return keys, " " + " | ".join(parts) + " ", len(parts) or 1


def english_words(text: str) -> list[str]:
    """The words of an English query, lowercased: "To Go!" -> ["to", "go"]."""
    return _WORD.findall(text.lower())


def learner_glosses(senses: Iterable[str], limit: int = 4) -> tuple[str, ...]:
    """Glosses fit for a learner, at most `limit`: core.glosses' rules, no CC-CEDICT markup.

    An entry that only points to another word ("erhua variant of 一点") says which word
    it stands for; the caller may look that word up for its glosses.
    """
    senses = tuple(senses)
    found = glosses.learner_glosses(senses, limit)
    if found:
        return found
    target = glosses.pointer(senses)
    if target is not None:
        return (f"same as {target.simplified} ({display_pinyin(target.reading)})",)
    if senses and all(s.startswith("surname ") for s in senses):
        return ("a family name",)  # 还 Huán: said plainly, not CC-CEDICT's "surname Huan"
    for sense in senses:  # "used in 自個兒|自个儿[zi4 ge3 r5]" -> "as in 自个儿 (zì gě r)"
        m = _USED_IN.match(sense)
        if m:
            return (f"{_USED_IN_WORDS[m.group(1).lower()]} {m.group(3)} ({display_pinyin(m.group(4))})",)
    return ()


_USED_IN = re.compile(r"^(used in|abbr\. for|see also|see|same as)\s+(?:([^\s\[|,;]+)\|)?([^\s\[|,;]+)\[([^\]]+)\]",
                      re.IGNORECASE)
_USED_IN_WORDS = {"used in": "as in", "abbr. for": "short for", "see also": "see", "see": "see", "same as": "same as"}


def measure_words(senses: Iterable[str], limit: int = 2) -> str:
    """Measure words from "CL:個|个[ge4],位[wei4]" senses, simplified, joined with "、"."""
    return glosses.measure_words(senses, limit)
