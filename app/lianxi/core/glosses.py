"""Glosses a learner can read: CC-CEDICT senses without dictionary markup, main uses kept.

Every place that shows a dictionary meaning (lessons written by the HSK generator or
by `lianxi lessons from-list`, lookup, My words, worksheets) goes through this module,
so a learner or tutor never reads raw CC-CEDICT markup: no `trad|simp[pin1 yin1]`
references, no "variant of ...", "erhua variant of ...", "see 某某[mou3 mou3]",
"surname ...", "CL:..." or "also pr. ..." senses, no register labels such as "(bound form)".

The rules, in the order they apply (a sense is cut into parts at the semicolons that
are not inside brackets; each part is one gloss):
  1. A part that only points elsewhere is not a gloss. A cross-reference names a
     headword, in hanzi and/or a bracketed pinyin reading, after "variant of", "see",
     "see also", "used in", "used for", "abbr. for/of/to", "also written", "same as" or
     "also called" ("variant of 瞭|了[liao3]", "see 干嘛[gan4 ma2]", "see 3C[san1 C]").
     The same words followed by English are glosses: "see you", "see-saw", "see also"
     (参见's own meaning), "same as" (等), "used in place names", "also called Mount
     Kailash". Dictionary notes need no headword: "surname Wang", "CL:個|个[ge4]",
     "also pr. [hao4]", "Taiwan pr. ...", "Kangxi radical 9", "radical in Chinese
     characters". An entry with nothing else takes the glosses of the word it points to
     (`pointer`; the caller looks that word up).
  2. Inside a part: an aside that is a cross-reference ("(variant of 真相[zhen1 xiang4])",
     "(abbr. for ...)" with a headword, a bare "(abbr.)", "(Kangxi radical 60)") or a
     pronunciation note ("(Taiwan pr. [hàn])") goes, and so does a trailing ", variant
     of 某" clause; an aside in English stays ("(see who is best)"). "abbr. for X" with no
     headword reads "short for X". A reference keeps only its simplified hanzi
     (`個|个[ge4]` -> `个`); "sb"/"sth" are spelled out; an aside over 30 characters is
     dropped when the gloss has other words.
  3. Labels that are only markup go: register, word class and source ("(coll.)",
     "(bound form)", "(literary)", "(idiom)", "(Tw)", "(fig.)", "(loanword)" ...).
     Labels that change how a learner may use the word stay, spelled out: "(derogatory)",
     "(vulgar)", "(honorific)", "(polite)", "(euphemism)", and the subject a term
     belongs to ("(math.)", "(chemistry)", "(Buddhism)", "(Taoism)").
  4. A sense marked literary, archaic, old, dialect, slang, Taiwan, vulgar,
     onomatopoeia or colloquial, or one about the character as a radical, counts only
     when it is the first sense: later, it is a rare use (猫 "(coll.) modem", 鸟 '"bird"
     radical'). A subject label stays on a later sense, where it tells a term from the
     everyday meaning (集 "(math.) set"), not on the first (铜 "copper"). The
     dictionary's own order of glosses is kept.
  5. Glosses come from the first sense (up to two), then the first gloss of each later
     sense, `limit` at most; after the first, glosses over 60 characters are skipped.
  6. Main uses are kept: a measure word keeps its classifier sense ("classifier for
     books", "o'clock"), a particle or preposition keeps the sense that says what it
     does in a sentence ("used to put the object before the verb"; not "used in place
     names"). The caller says which uses the word has (its part of speech, or: a single
     character); such a sense takes the last place when the word has other uses, the
     first when it is the word's main use.
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

# a headword, as a cross-reference names it: hanzi (radicals and CJK blocks too) or a [pin1 yin1] reading
_HEADWORD = re.compile(r"[\u2e80-\u2fdf\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]|\[[^\]]*\]")
_LEAD = (  # labels and qualifiers a cross-reference may start with: "(old)", "old", "erroneous", "also"
    r"^(?:\([^()]*\)\s*)*(?:(?:old|archaic|ancient|unofficial|Japanese|euphemistic|erhua|Taiwan|dialectal"
    r"|same as|also)\s+)*"
)
# Words that start a cross-reference; it is one only when a headword follows (rule 1)
_REFERS = re.compile(
    _LEAD + r"(?:(?:[\w.-]+ ){0,3}variant of|see(?: also)?|used in|used for (?=[\u3400-\u9fff])|abbr\. (?:for|of|to)|also written"
    r"|same as|also called)\b",
    re.IGNORECASE,
)
# Notes about the dictionary itself: never a gloss, headword or not
_NOTE = re.compile(
    _LEAD + r"(?:surname \S|CL:|(?:(?:Taiwan|Beijing|colloquial|old|also) )?pr\.|Kangxi radical \d+$"
    r"|radical in Chinese characters)",
    re.IGNORECASE,
)
_RARE_LABELS = (
    r"literary|archaic|arch\.|old|classical|(?:Beijing |Cantonese |Northern |Taiwan )?dialect|slang|Internet slang|Tw"
    r"|Cantonese|vulgar|derog\.|derogatory|euph\.|euphemism|onom\."
)
_RARE = re.compile(rf"\((?:{_RARE_LABELS})\)")
_RARE_LATER = re.compile(rf"\((?:{_RARE_LABELS}|coll\.)\)")  # (coll.) on a later sense: a rare use (猫 "(coll.) modem")
# labels that are only markup (rule 3); usage and subject labels are not among them
_LABEL = re.compile(
    r"\((?:coll\.|literary|bound form|idiom|formal|informal|loanword|archaic|old|classical"
    r"|dialect|slang|Internet slang|Tw|pronoun|adverb|specifier|suffix|prefix|noun suffix"
    r"|interj\.|onom\.|fig\.|lit\. and fig\.|Cantonese)\)\s*"
)
_SUBJECT = re.compile(r"\s*\((?:math\.|chemistry|Buddhism|Taoism)\)\s*")  # kept on a later sense only (rule 4)
_SPELLED_LABELS = {"(derog.)": "(derogatory)", "(euph.)": "(euphemism)"}
# `個|个[ge4]` or `个[ge4]`: a reference to a headword; the learner reads the simplified hanzi
_REFERENCE = re.compile(r"(?:[^\s\[\]|,;()]+\|)?([^\s\[\]|,;()]+)\[[^\]]*\]")
_BARE_READING = re.compile(r"\s*\[[^\]]*\]")
_PAIR = re.compile(r"[^\s|,;()\[\]\"]+\|([^\s|,;()\[\]\"]+)")  # 兩個|两个 without a reading
_CL_ASIDE = re.compile(r"\s*\(CL:[^()]*\)")
# an aside that starts as a cross-reference: "(variant of 真相[zhen1 xiang4])", "(abbr. for ...)", "(see also ...)"
_REFERENCE_ASIDE = re.compile(
    r"\s*\(((?:[\w-]+ ){0,3}(?:variant\b|see\b|abbr\.|also written\b)[^()]*)\)", re.IGNORECASE
)
_RADICAL_ASIDE = re.compile(r"\s*\((?:variant form of )?Kangxi radical \d+\)")
_TRAILING_VARIANT = re.compile(r",\s*(?:[\w.-]+ ){0,3}variant of (?=[\u3400-\u9fff]).*$", re.IGNORECASE)
_PRONUNCIATION_ASIDE = re.compile(
    r"\s*\([^()]*\bpr\.[^()]*\)|[,;]?\s*(?:Taiwan |also |colloquial )?pr\. \[[^\]]*\](?:,? (?:or )?\[[^\]]*\])*[^;,()]*"
)
_SB, _STH = re.compile(r"\bsb\b"), re.compile(r"\bsth\b")
_ABBREVIATION = re.compile(r"\b(?:an )?abbr\. (?:for|of)\b")
_KANGXI = re.compile(r"\bKangxi radical \d+\s*")
_ASIDE = re.compile(r"\s*\(([^()]*)\)")
_SPACE_BEFORE_MARK = re.compile(r"\s+(,|\.(?!\.))")  # a removed label leaves "field , e.g." behind; "that ..." stays
_MEASURE = re.compile(r"^(?:\([^)]*\)\s*)*\(?classifier\b(?!s? in\b)|^o'clock$", re.IGNORECASE)
_GRAMMAR = re.compile(
    r"^\(?used (?:to |before |after |at |in |with |for |as |between )|^\(?(?:[a-z]+ )*particle\b|\bmarker\)?$"
    r"|^\(?indicates?\b|^\(grammatical|^structural particle|\bparticle\)$",
    re.IGNORECASE,
)
# what a character is used in that is not grammar: names, transliteration ("used in place names")
_NOT_GRAMMAR = re.compile(r"^\(?used (?:in|for) [^)]*(?:\bnames?\b|transliterat|phonetic|charms|advertising)", re.IGNORECASE)


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


def _parts(sense: str) -> list[str]:
    """The ;-separated parts of a sense, each one gloss; a ; inside brackets does not cut."""
    if ";" not in sense or not ("(" in sense or "[" in sense):  # most senses: no bracket to look inside
        return [part.strip() for part in sense.split(";") if part.strip()]
    parts, depth, start = [], 0, 0
    for index, ch in enumerate(sense):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch == ";" and depth == 0:
            parts.append(sense[start:index])
            start = index + 1
    parts.append(sense[start:])
    return [part.strip() for part in parts if part.strip()]


def _is_reference(part: str) -> bool:
    """A part that only refers to another word (naming it) or to the dictionary itself (rule 1)."""
    return bool(_NOTE.match(part) or (_REFERS.match(part) and _HEADWORD.search(part)))


def is_pointer(sense: str) -> bool:
    """Whether a sense only refers elsewhere (and so teaches nothing itself)."""
    return all(_is_reference(part) for part in _parts(sense))


def is_rare(sense: str) -> bool:
    """A sense marked literary, archaic, dialect, slang, onomatopoeia...: not an everyday use."""
    return bool(_RARE.search(sense))


def is_measure_sense(sense: str) -> bool:
    """A classifier sense: "classifier for books", "(classifier for walls)", "o'clock"."""
    return bool(_MEASURE.search(sense.strip()))


def is_grammar_sense(sense: str) -> bool:
    """A sense that says what a function word does: "(used to put the object before the verb ...)"."""
    sense = sense.strip()
    return not is_measure_sense(sense) and bool(_GRAMMAR.search(sense)) and not _NOT_GRAMMAR.match(sense)


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


def _reference_aside(m: re.Match) -> str:
    """An aside that names a headword, or a bare "(abbr.)", goes; one in English stays (rule 2)."""
    inside = m.group(1).strip()
    return "" if inside == "abbr." or _HEADWORD.search(inside) else m.group(0)


def _first(m: re.Match) -> str:
    return m.group(1)


def _short_aside(m: re.Match) -> str:
    return "" if len(m.group(1)) > LONG_ASIDE else m.group(0)


def _clean_part(part: str) -> str:
    """One part of a sense -> the gloss a learner reads (rules 2 and 3), or ''.

    Each rule runs only when its mark is in the text (most glosses have no brackets).
    """
    text = part
    if "(" in text:
        text = _LABEL.sub("", part)
        if not text.strip():  # the part is only a label, like "(noun suffix)": it is the meaning
            text = part.strip().strip("()")
        for label, spelled in _SPELLED_LABELS.items():
            text = text.replace(label, spelled)
        text = _RADICAL_ASIDE.sub("", _CL_ASIDE.sub("", text))
        text = _REFERENCE_ASIDE.sub(_reference_aside, text)
    if "pr." in text:
        text = _PRONUNCIATION_ASIDE.sub("", text)
    if "variant of" in text:
        text = _TRAILING_VARIANT.sub("", text)
    if "radical" in text:
        text = _KANGXI.sub("radical ", text.replace(" radical in Chinese characters", " radical"))
    if "[" in text:
        text = _BARE_READING.sub("", _REFERENCE.sub(_first, text))
    if "|" in text:
        text = _PAIR.sub(_first, text)
    if "abbr." in text:
        text = _ABBREVIATION.sub("short for", text)
    if "sb" in text or "sth" in text:
        text = _SB.sub("someone", _STH.sub("something", text))
    text = text.replace("~", "").replace("{", "").replace("}", "")
    gloss = " ".join(text.split())
    if " ," in gloss or " ." in gloss:
        gloss = _SPACE_BEFORE_MARK.sub(r"\1", gloss)
    gloss = gloss.strip(" ,")
    if "(" not in gloss:
        return gloss
    if gloss.startswith("(") and gloss.endswith(")") and _ASIDE.fullmatch(gloss):
        return gloss[1:-1].strip()
    return _ASIDE.sub(_short_aside, gloss).strip(" ,")


@lru_cache(maxsize=65536)
def clean_sense(sense: str) -> tuple[str, ...]:
    """One dictionary sense -> the glosses a learner can read (rules 1 to 3); () if none."""
    glosses: list[str] = []
    for part in _parts(sense):
        if _is_reference(part):
            continue
        gloss = _clean_part(part)
        if gloss and gloss not in glosses:
            glosses.append(gloss)
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
        if not usable:  # the word's own meaning: 铜 "copper", not "copper (chemistry)"
            glosses = tuple(g for g in (" ".join(_SUBJECT.sub(" ", g).split()) for g in glosses) if g)
        if glosses and not (usable and (_RARE_LATER.search(sense) or "Kangxi radical" in sense)):
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
    r"\||\[[a-zA-Z:]+[1-5](?: [a-zA-Z:]+[1-5])*\]|\bvariant of [\u3400-\u9fff]|^surname \S|^see (?:also )?[\u3400-\u9fff]|\bCL:|\bpr\. \[|Kangxi radical"
    r"|(?-i:\bsb\b|\bsth\b)|\((?:bound form|coll\.|literary)\)|\babbr\. (?:for|of)\b",
    re.IGNORECASE,
)


def has_markup(text: str) -> bool:
    """Whether `text` still shows CC-CEDICT markup a learner should never read."""
    return bool(_MARKUP.search(text))


def glosses_of(senses: Sequence[str]) -> list[str]:
    """Every gloss of every sense, cleaned, in order (for searching and for choosing a reading)."""
    return [g for sense in senses for g in clean_sense(sense)]
