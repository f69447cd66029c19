"""Glosses a learner can read: CC-CEDICT senses without dictionary markup, main uses kept.

Every place that shows a dictionary meaning (lessons written by the HSK generator or
by `lianxi lessons from-list`, lookup, My words, worksheets) goes through this module,
so a learner or tutor never reads raw CC-CEDICT markup: no `trad|simp[pin1 yin1]`
references, no "variant of ...", "erhua variant of ...", "see ...", "surname ...",
"CL:..." or "also pr. ..." senses, no register labels such as "(bound form)".

The rules, in the order they apply:
  1. A sense that only points elsewhere ("variant of 瞭|了[liao3]", "see 干嘛",
     "surname Wang", "Kangxi radical 9", "CL:個|个[ge4]") is not a gloss. An entry with
     nothing else takes the glosses of the word it points to (`pointer`; the caller
     looks that word up).
  2. Inside a sense: register and word-class labels go ("(coll.)", "(bound form)",
     "(literary)" ...), so do asides about pronunciation ("(Taiwan pr. [hàn])"); a
     reference keeps only its simplified hanzi (`個|个[ge4]` -> `个`); "sb"/"sth" are
     spelled out; an aside over 30 characters is dropped when the gloss has other words.
  3. A sense marked literary, archaic, old, dialect, slang, Taiwan, vulgar,
     onomatopoeia or colloquial counts only when it is the first sense: later, it is a
     rare use (好 "(coll.) modem").
  4. A "(coll.) father; dad" sense puts the casual word first: the Chinese word is it.
  5. Glosses come from the first sense (up to two), then the first gloss of each later
     sense, `limit` at most; after the first, glosses over 60 characters are skipped.
  6. Main uses are kept: a measure word keeps its classifier sense ("classifier for
     books", "o'clock"), a particle or preposition keeps the sense that says what it
     does in a sentence ("used to put the object before the verb"). The caller says
     which uses the word has (its part of speech, or: a single character); such a
     sense takes the last place when the word has other uses, the first when it is
     the word's main use.
Pure: standard library only. Never imports storage, UI or audio.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "MAX_GLOSSES",
    "Pointer",
    "clean_sense",
    "has_markup",
    "is_grammar_sense",
    "is_measure_sense",
    "is_pointer",
    "is_rare",
    "learner_glosses",
    "measure_words",
    "pointer",
]

MAX_GLOSSES = 3
LONG_GLOSS = 60  # after the first gloss, longer ones are explanations, not glosses
LONG_ASIDE = 30  # a bracketed aside this long buries the gloss it belongs to

# A sense (or a ;-part of one) that only refers to another word or to the dictionary itself.
_POINTER = re.compile(
    r"^(?:\((?:old|archaic|Tw|dialect|coll\.)\)\s*)?"
    r"(?:(?:old|archaic|ancient|unofficial|Japanese|euphemistic|erhua|Taiwan|dialectal|same as|also)\s+)*"
    r"(?:variant of\b|see\b|see also\b|used in\b|abbr\. (?:for|of)\b|surname \S|also pr\.|also written\b"
    r"|(?:Taiwan|Beijing|colloquial|old|also) pr\.|Kangxi radical|radical in Chinese characters|CL:"
    r"|same as\b|also called\b|pr\. \[|.*\bvariant of\b|.*\bradical in Chinese characters|.*Kangxi radical"
    r"|used for [\u3400-\u9fff])",
    re.IGNORECASE,
)
_RARE_LABELS = (
    r"literary|archaic|arch\.|old|classical|(?:Beijing |Cantonese |Northern |Taiwan )?dialect|slang|Internet slang|Tw"
    r"|Cantonese|vulgar|derog\.|euph\.|euphemism|onom\."
)
_RARE = re.compile(rf"\((?:{_RARE_LABELS})\)")
_RARE_LATER = re.compile(rf"\((?:{_RARE_LABELS}|coll\.)\)")  # (coll.) on a later sense: a rare use (猫 "(coll.) modem")
_LABEL = re.compile(
    r"\((?:coll\.|literary|bound form|idiom|formal|informal|polite|honorific|loanword|archaic|old|classical"
    r"|dialect|slang|Internet slang|Tw|euphemism|euph\.|pronoun|adverb|specifier|suffix|prefix|noun suffix"
    r"|interj\.|onom\.|fig\.|lit\. and fig\.|derog\.|vulgar|Cantonese|Buddhism|Taoism|math\.|chemistry)\)\s*"
)
# `個|个[ge4]` or `个[ge4]`: a reference to a headword; the learner reads the simplified hanzi
_REFERENCE = re.compile(r"(?:[^\s\[\]|,;()]+\|)?([^\s\[\]|,;()]+)\[[^\]]*\]")
_BARE_READING = re.compile(r"\s*\[[^\]]*\]")
_PAIR = re.compile(r"[^\s|,;()\[\]\"]+\|([^\s|,;()\[\]\"]+)")  # 兩個|两个 without a reading
_CL_ASIDE = re.compile(r"\s*\(CL:[^()]*\)")
_REFERENCE_ASIDE = re.compile(r"\s*\([^()]*(?:\babbr\.|\bvariant\b|\bsee |also written)[^()]*\)")
_PRONUNCIATION_ASIDE = re.compile(r"\s*\([^()]*\bpr\.[^()]*\)|[,;]?\s*(?:Taiwan |also |colloquial )?pr\. \[[^\]]*\][^;,()]*")
_ASIDE = re.compile(r"\s*\(([^()]*)\)")
_MEASURE = re.compile(r"^(?:\([^)]*\)\s*)*\(?classifier\b(?!s? in\b)|^o'clock$", re.IGNORECASE)
_GRAMMAR = re.compile(
    r"^\(?used (?:to |before |after |at |in |with |for |as |between )|^\(?(?:[a-z]+ )*particle\b|\bmarker\)?$"
    r"|^\(?indicates?\b|^\(grammatical|^structural particle|\bparticle\)$",
    re.IGNORECASE,
)


class Pointer(NamedTuple):
    """The word a cross-reference sense points to: "variant of 記錄|记录[ji4 lu4]"."""

    simplified: str
    traditional: str
    reading: str  # as the dictionary writes it: "ji4 lu4"
    erhua: bool = False  # "erhua variant of ...": the word without its 儿


_POINTS_TO = re.compile(
    r"(?:variant of|see(?: also)?|abbr\. for|same as|equivalent to)\s+(?:([^\s\[|,;]+)\|)?([^\s\[|,;]+)\[([^\]]+)\]",
    re.IGNORECASE,
)


def is_pointer(sense: str) -> bool:
    """Whether a sense only refers elsewhere (and so teaches nothing itself)."""
    return all(_POINTER.match(part.strip()) for part in sense.split(";") if part.strip())


def is_rare(sense: str) -> bool:
    """A sense marked literary, archaic, dialect, slang, onomatopoeia...: not an everyday use."""
    return bool(_RARE.search(sense))


def is_measure_sense(sense: str) -> bool:
    """A classifier sense: "classifier for books", "(classifier for walls)", "o'clock"."""
    return bool(_MEASURE.search(sense.strip()))


def is_grammar_sense(sense: str) -> bool:
    """A sense that says what a function word does: "(used to put the object before the verb ...)"."""
    return not is_measure_sense(sense) and bool(_GRAMMAR.search(sense.strip()))


def pointer(senses: Iterable[str]) -> Pointer | None:
    """The word an entry points to, when it teaches nothing itself ("variant of 记录", "erhua variant of 一点")."""
    senses = list(senses)
    if not senses or any(not is_pointer(s) for s in senses if not s.startswith("CL:")):
        return None
    for sense in senses:
        m = _POINTS_TO.search(sense)
        if m:
            simplified = m.group(2)
            return Pointer(simplified, m.group(1) or simplified, m.group(3), "erhua" in sense.lower())
    return None


@lru_cache(maxsize=65536)
def clean_sense(sense: str) -> tuple[str, ...]:
    """One dictionary sense -> the glosses a learner can read (rules 1, 2 and 4); () if none."""
    if sense.startswith("CL:"):
        return ()
    colloquial = sense.startswith(("(coll.)", "(informal)"))
    text = _LABEL.sub("", sense)
    if not text.strip():  # the sense is only a label, like "(noun suffix)": it is the meaning
        text = sense.strip().strip("()")
    text = _PRONUNCIATION_ASIDE.sub("", text)
    text = _REFERENCE_ASIDE.sub("", _CL_ASIDE.sub("", text))
    text = _REFERENCE.sub(lambda m: m.group(1), text)
    text = _BARE_READING.sub("", text)
    text = _PAIR.sub(lambda m: m.group(1), text)
    text = re.sub(r"\bsb\b", "someone", re.sub(r"\bsth\b", "something", text))
    text = text.replace("~", "").replace("{", "").replace("}", "")
    glosses: list[str] = []
    for part in text.split(";"):
        gloss = " ".join(part.split()).strip(" ,")
        if not gloss or _POINTER.match(gloss):
            continue
        if gloss.startswith("(") and gloss.endswith(")") and _ASIDE.fullmatch(gloss):
            gloss = gloss[1:-1].strip()
        else:
            gloss = _ASIDE.sub(lambda m: "" if len(m.group(1)) > LONG_ASIDE else m.group(0), gloss).strip(" ,")
        if gloss and gloss not in glosses:
            glosses.append(gloss)
    if colloquial and len(glosses) > 1:
        glosses = [glosses[-1], *glosses[:-1]]
    return tuple(glosses)


def _key(gloss: str) -> str:
    return gloss.lower().removeprefix("to ").strip(" .!?")


def learner_glosses(
    senses: Iterable[str], limit: int = MAX_GLOSSES, *, measure: bool = False, grammar: bool = False,
    lead: str | None = None,
) -> tuple[str, ...]:
    """Up to `limit` glosses for a learner (rules 3 to 6); () when no sense teaches anything.

    measure / grammar: the word is used as a measure word / a function word, so its
    classifier / grammar sense must be among the glosses when the dictionary has one.
    lead: "measure" or "grammar" when that use is the word's main one (it goes first).
    """
    usable: list[tuple[str, tuple[str, ...]]] = []
    for sense in senses:
        glosses = clean_sense(sense)
        if glosses and not (usable and _RARE_LATER.search(sense)):
            usable.append((sense, glosses))
    if not usable:
        return ()

    kept: dict[str, str] = {}  # use -> the gloss that shows it
    for use, wanted, test in (("measure", measure, is_measure_sense), ("grammar", grammar, is_grammar_sense)):
        if wanted:
            found = next((g[0] for s, g in usable if test(s) and not is_rare(s)), None)
            if found:
                kept[use] = found
    first = [kept.pop(lead)] if lead in kept else []
    rest = list(kept.values())

    picked: list[str] = []
    seen: set[str] = set()

    def add(gloss: str) -> None:
        key = _key(gloss)
        if key in seen or (picked and len(gloss) > LONG_GLOSS):
            return
        seen.add(key)
        picked.append(gloss)

    for gloss in first:
        add(gloss)
    room = limit - len(rest)
    for index, (_, glosses) in enumerate(usable):
        for gloss in glosses[: 2 if index == 0 else 1]:
            if len(picked) < room:
                add(gloss)
    for gloss in rest:
        if _key(gloss) not in seen:
            seen.add(_key(gloss))
            picked.append(gloss)
    return tuple(picked[:limit])


_CLASSIFIER = re.compile(r"([^\s,|\[]+)(?:\|([^\s,\[]+))?\[[^\]]*\]")


def measure_words(senses: Iterable[str], limit: int = 2) -> str:
    """Measure words from "CL:個|个[ge4],位[wei4]" senses, simplified, joined with "、"."""
    found: list[str] = []
    for sense in senses:
        if sense.startswith("CL:"):
            for m in _CLASSIFIER.finditer(sense[3:]):
                word = m.group(2) or m.group(1)
                if word not in found:
                    found.append(word)
    return "、".join(found[:limit])


_MARKUP = re.compile(
    r"\||\[[a-zA-Z:]+[1-5](?: [a-zA-Z:]+[1-5])*\]|\bvariant of\b|^surname \S|^see (?:also )?[\u3400-\u9fff]|\bCL:|\bpr\. \[|Kangxi radical"
    r"|\bsb\b|\bsth\b|\((?:bound form|coll\.|literary)\)|\babbr\. (?:for|of)\b",
    re.IGNORECASE,
)


def has_markup(text: str) -> bool:
    """Whether `text` still shows CC-CEDICT markup a learner should never read."""
    return bool(_MARKUP.search(text))


def glosses_of(senses: Sequence[str]) -> list[str]:
    """Every gloss of every sense, cleaned, in order (for searching and for choosing a reading)."""
    return [g for sense in senses for g in clean_sense(sense)]
