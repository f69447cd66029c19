"""Use case: the lesson catalogue: lessons grouped by course, words known, filter, preview, next lesson.

Courses: the first course, HSK 2.0 levels 1-6, HSK 3.0 bands 1-6 and 7-9 (the data has
7-9 as one), and the learner's own and imported lessons. Opening it must be quick with
all 545 bundled lessons: their headers and word lists are read once into a generated
index in the cache folder (catalogue.json), rebuilt when any bundled file changes (a
new version of Lianxi), so an opening reads one file, not 545. Must never import Textual.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lianxi import paths
from lianxi.files import write_atomic
from lianxi.store.my_words import lesson_words
from lianxi.store.word_progress import word_forms
from lianxi.study.lesson_files import read_lesson_file
from lianxi.study.sound import cache_folder
from lianxi.study.statistics import KNOWN, word_recall

INDEX_NAME = "catalogue.json"
INDEX_FORMAT = 2
OWN = "own"

_HANZI = re.compile(r'\nhanzi = "([^"\\\n]+)"')
_TRADITIONAL = re.compile(r'\ntraditional = "([^"\\\n]+)"')
_WORD_START = "[[words]]"


@dataclass(frozen=True, slots=True)
class CatalogueLesson:
    id: str
    title: str
    level: str
    course: str  # key of its Course
    words: tuple[str, ...]  # hanzi of its words, in lesson order
    bundled: bool
    path: str = ""  # a bundled lesson's file, relative to the bundled lessons folder
    traditional: tuple[str, ...] = ()  # traditional forms that differ, for filtering

    @property
    def count(self) -> int:
        return len(self.words)


@dataclass(slots=True)
class Course:
    key: str
    title: str
    lessons: list[CatalogueLesson] = field(default_factory=list)

    def words(self) -> set[str]:
        return {w for lesson in self.lessons for w in lesson.words}


@dataclass(frozen=True, slots=True)
class PreviewWord:
    hanzi: str
    traditional: str
    pinyin: str
    english: str


def course_of(group: str) -> tuple[str, str, int]:
    """(key, title, order) of a bundled lessons folder: "hsk/hsk2-level1" -> HSK 2.0 level 1."""
    name = group.rsplit("/", 1)[-1]
    if name == "first-course":
        return name, "First course (HSK 1, nine themes)", 0
    m = re.fullmatch(r"hsk2-level(\d)", name)
    if m:
        return name, f"HSK 2.0 level {m.group(1)}", 10 + int(m.group(1))
    m = re.fullmatch(r"hsk3-band(\d)(?:-(\d))?", name)
    if m:
        label = f"HSK 3.0 bands {m.group(1)}-{m.group(2)}" if m.group(2) else f"HSK 3.0 band {m.group(1)}"
        return name, label, 20 + int(m.group(1))
    return name, name, 90


class Catalogue:
    """Every lesson a learner can take, by course, with what they already know."""

    def __init__(self, courses: list[Course], started: set[str], seen: set[str], known: set[str]):
        self.courses = courses
        self.started = started
        self.seen = seen
        self.known = known
        self._by_id = {lesson.id: lesson for course in courses for lesson in course.lessons}

    def lesson(self, lesson_id: str) -> CatalogueLesson | None:
        return self._by_id.get(lesson_id)

    def known_in(self, words) -> int:
        return sum(1 for w in set(words) if w in self.known)

    def filtered(self, text: str) -> list[Course]:
        """Courses with only the lessons whose title, level or words hold `text` (all when empty)."""
        text = text.strip()
        if not text:
            return self.courses
        low = text.casefold()
        out = []
        for course in self.courses:
            title_hit = low in course.title.casefold()
            lessons = [lesson for lesson in course.lessons
                       if title_hit or low in lesson.title.casefold() or any(text in w for w in lesson.words)
                       or any(text in w for w in lesson.traditional)]
            if lessons:
                out.append(Course(course.key, course.title, lessons))
        return out

    def finished(self, lesson: CatalogueLesson) -> bool:
        """A started lesson whose every word the learner has answered at least once."""
        return lesson.id in self.started and all(w in self.seen for w in lesson.words)

    def next_lessons(self) -> list[CatalogueLesson]:
        """For each course whose last started lesson is finished: the next lesson not started yet."""
        out = []
        for course in self.courses:
            started = [i for i, lesson in enumerate(course.lessons) if lesson.id in self.started]
            if not started or not self.finished(course.lessons[started[-1]]):
                continue
            later = [lesson for lesson in course.lessons[started[-1] + 1:] if lesson.id not in self.started]
            if later:
                out.append(later[0])
        return out

    def next_after(self, lesson_id: str) -> CatalogueLesson | None:
        lesson = self.lesson(lesson_id)
        if lesson is None:
            return None
        course = next(c for c in self.courses if c.key == lesson.course)
        index = course.lessons.index(lesson)
        return next((x for x in course.lessons[index + 1:] if x.id not in self.started), None)


def open_catalogue(learner) -> Catalogue:
    """The catalogue for this learner: bundled courses from the index, then their own lessons."""
    bundled = bundled_index(cache_folder(learner.data_dir) if learner.data_dir else None)
    courses: dict[str, Course] = {}
    for item in bundled:
        key, title, _ = course_of(item["group"])
        course = courses.setdefault(key, Course(key, title))
        course.lessons.append(CatalogueLesson(item["id"], item["title"], item["level"], key,
                                              tuple(item["words"]), True, item["path"], tuple(item["traditional"])))
    ordered = sorted(courses.values(), key=lambda c: course_of(c.key)[2])
    conn = learner.progress.conn
    stored = conn.execute("SELECT id, title, level FROM lessons ORDER BY position").fetchall()
    bundled_ids = {item["id"] for item in bundled}
    own = Course(OWN, "Your own and imported lessons")
    # hanzi and traditional forms of every own lesson in one query (a heavy learner has hundreds)
    words: dict[str, list[tuple[str, str]]] = {}
    for lesson_id, hanzi, traditional in conn.execute(
            "SELECT lesson_id, hanzi, traditional FROM notes WHERE NOT removed ORDER BY lesson_id, position"):
        words.setdefault(lesson_id, []).append((hanzi, traditional))
    for lesson_id, title, level in stored:
        if lesson_id not in bundled_ids:
            rows = words.get(lesson_id, [])
            own.lessons.append(CatalogueLesson(
                lesson_id, title, level, OWN, tuple(h for h, _ in rows), False,
                traditional=tuple(t for h, t in rows if t not in ("", h))))
    if own.lessons:
        ordered.append(own)
    # known as the statistics count it: every started card recalled with a 90% chance or more today
    # seen: answered at least once (a started card); one pass over the cards serves both
    recall = word_recall(learner)
    forms = word_forms(conn)
    seen = set().union(*(forms.get(word, ()) for word in recall))
    known = set().union(*(forms.get(word, ()) for word, chance in recall.items() if (chance or 0) >= KNOWN))
    return Catalogue(ordered, {row[0] for row in stored}, seen, known)


def preview(learner, lesson: CatalogueLesson) -> list[PreviewWord]:
    """A lesson's words with pinyin and meaning, before adding it (the whole file is read and checked)."""
    if lesson.bundled:
        path = paths.bundled_lessons_dir() / lesson.path
        words = read_lesson_file(path, lesson.path).words
        return [PreviewWord(w.hanzi, w.traditional, w.pinyin, "; ".join(w.english)) for w in words]
    return [PreviewWord(row["hanzi"], row["traditional"], row["pinyin"], "; ".join(row["english"]))
            for row in lesson_words(learner.progress.conn, lesson.id)]


# -- the generated index of bundled lessons ------------------------------------------------


def bundled_index(cache: Path | None = None, folder: Path | None = None) -> list[dict]:
    """Header and word list of every bundled lesson, in course order, from the cached index when current."""
    folder = folder or paths.bundled_lessons_dir()
    files = sorted(folder.rglob("*.toml"))
    digest = hashlib.sha256(f"{INDEX_FORMAT}".encode())
    for path in files:
        info = path.stat()
        digest.update(f"{path.relative_to(folder)}:{info.st_size}:{info.st_mtime_ns};".encode())
    fingerprint = digest.hexdigest()
    target = (cache or paths.cache_dir()) / INDEX_NAME
    try:
        stored = json.loads(target.read_text(encoding="utf-8"))
        if stored.get("fingerprint") == fingerprint:
            return stored["lessons"]
    except (OSError, ValueError, AttributeError):
        pass
    lessons = [_scan(path, folder) for path in files]
    try:
        write_atomic(target, json.dumps({"fingerprint": fingerprint, "lessons": lessons},
                                        ensure_ascii=False).encode("utf-8"), make_folder=True)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower next time
        pass
    return lessons


_HEADER_LINE = re.compile(r'^(id|title|level) = ("(?:[^"\\]|\\.)*")\s*$', re.MULTILINE)


def _header(head: str) -> dict:
    """id, title and level of a lesson header: its one-line strings (JSON-compatible), else a TOML parse."""
    try:
        found = {key: json.loads(value) for key, value in _HEADER_LINE.findall(head)}
    except ValueError:
        found = {}
    return found if len(found) == 3 else tomllib.loads(head)


def _scan(path: Path, folder: Path) -> dict:
    """One bundled file's header (parsed) and its words' hanzi (one line each, as the files write them)."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition(_WORD_START)
    meta = _header(head)
    words = _HANZI.findall(body)
    return {
        "id": meta["id"], "title": meta["title"], "level": meta["level"],
        "group": str(path.parent.relative_to(folder)), "path": str(path.relative_to(folder)),
        "words": words,
        "traditional": sorted(set(_TRADITIONAL.findall(body)) - set(words)),
    }

