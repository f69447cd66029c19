"""Use cases: open the learner's progress, bring lessons in, run a review session.

Everything a screen or a command does with progress goes through here, so the
UI stays thin and the same rules hold for the app, the CLI and the tests. Must
never import Textual.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path

from lianxi import paths
from lianxi.core.lessons import Lesson, LessonError, LessonProblems, check_unique_ids, parse_lesson
from lianxi.core.schedule import Rating, Scheduler, Settings, day_start, format_interval, study_day
from lianxi.store.db import open_database
from lianxi.store.progress import LessonSummary, Progress, StudyCard, SyncReport

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def local_zone() -> tzinfo:
    return datetime.now().astimezone().tzinfo


# -- lesson files --------------------------------------------------------------


def read_lesson_file(path: Path, name: str | None = None) -> Lesson:
    """Read and check one lesson file; problems come back as LessonProblems."""
    shown = name or str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise LessonProblems([LessonError(shown, 1, "file", "is a folder: give lesson files (*.toml)")]) from None
    except OSError as exc:
        raise LessonProblems([LessonError(shown, 1, "file", f"cannot be read: {exc.strerror}")]) from None
    return parse_lesson(data, shown)


def read_lesson_files(files: Iterable[Path]) -> list[Lesson]:
    """Read several files, collecting every problem in every file before failing."""
    lessons, errors = [], []
    for path in files:
        try:
            lessons.append(read_lesson_file(path))
        except LessonProblems as exc:
            errors.extend(exc.errors)
    if not errors:
        try:
            check_unique_ids(lessons)
        except LessonProblems as exc:
            errors.extend(exc.errors)
    if errors:
        raise LessonProblems(errors)
    return lessons


@dataclass(frozen=True, slots=True)
class BundledLesson:
    id: str
    title: str
    level: str
    words: int
    path: Path
    group: str  # folder under lessons/: "first-course", "hsk/hsk2-level1", ...


def bundled_lessons(folder: Path | None = None) -> list[BundledLesson]:
    """The lessons shipped with Lianxi, in course order.

    Only each file's header is read (hundreds of HSK lessons ship), so the
    catalogue is quick; a lesson is fully checked when the learner starts it.
    """
    folder = folder or paths.bundled_lessons_dir()
    out = []
    for path in sorted(folder.rglob("*.toml")):
        text = path.read_text(encoding="utf-8")
        head, _, _ = text.partition("[[words]]")
        meta = tomllib.loads(head)
        out.append(BundledLesson(meta["id"], meta["title"], meta["level"], text.count("[[words]]"), path,
                                 str(path.parent.relative_to(folder))))
    return out


def bundled_lesson_path(lesson_id: str, folder: Path | None = None) -> Path | None:
    """Find a bundled lesson by id without parsing every file (ids match file names)."""
    folder = folder or paths.bundled_lessons_dir()
    return next(iter(folder.rglob(f"{lesson_id}.toml")), None)


# -- the learner's progress ---------------------------------------------------


class Learner:
    """One learner's progress on this machine: lessons, settings, sessions, stats.

    No identity of any kind: "learner" is whoever uses this data folder.
    """

    def __init__(self, progress: Progress, *, clock: Clock = utc_now, zone: tzinfo | None = None,
                 data_dir: Path | None = None, fuzz: bool = True):
        self.progress = progress
        self.fuzz = fuzz  # tests turn it off to assert exact intervals
        self.clock = clock
        self.zone = zone or local_zone()
        self.data_dir = data_dir

    @classmethod
    def open(cls, data_dir: str | Path | None = None, **kwargs) -> "Learner":
        folder = paths.data_dir(data_dir)
        return cls(Progress(open_database(folder / paths.DATABASE_NAME)), data_dir=folder, **kwargs)

    def close(self) -> None:
        self.progress.conn.close()

    @property
    def settings(self) -> Settings:
        stored = self.progress.setting("schedule", {}) or {}
        known = {k: v for k, v in stored.items() if k in ("desired_retention", "new_per_day", "day_starts_at")}
        return Settings(fuzz=self.fuzz, **known)

    def change_settings(self, **changes) -> Settings:
        stored = dict(self.progress.setting("schedule", {}) or {})
        stored.update(changes)
        self.progress.set_setting("schedule", stored)
        return self.settings

    def today_start(self, now: datetime | None = None) -> datetime:
        now = now or self.clock()
        starts_at = self.settings.day_starts_at
        return day_start(study_day(now, self.zone, starts_at), self.zone, starts_at)

    # lessons

    def import_lessons(self, lessons: Sequence[Lesson]) -> list[SyncReport]:
        """All or nothing: the lessons are checked together, then stored in one transaction."""
        check_unique_ids(lessons)
        return self.progress.sync_all(lessons)

    def import_files(self, files: Iterable[Path]) -> list[SyncReport]:
        return self.import_lessons(read_lesson_files(files))

    def start_bundled(self, lesson_id: str) -> SyncReport:
        path = bundled_lesson_path(lesson_id)
        if path is None:
            raise LessonProblems([LessonError(lesson_id, 1, "id", "no bundled lesson has this id; see `lianxi lessons list`")])
        lesson = read_lesson_file(path, str(path.relative_to(paths.bundled_lessons_dir())))
        return self.progress.sync(lesson)

    def refresh_bundled(self) -> list[SyncReport]:
        """Bring edits of bundled lessons the learner has started into the database (new app version)."""
        folder = paths.bundled_lessons_dir()
        reports = []
        for lesson_id, (source, digest) in self.progress.lesson_hashes().items():
            path = folder / source
            if source and not Path(source).is_absolute() and path.is_file():
                lesson = read_lesson_file(path, source)
                if lesson.content_hash != digest:
                    reports.append(self.progress.sync(lesson))
        return reports

    def lessons(self) -> list[LessonSummary]:
        now = self.clock()
        start = self.today_start(now)
        return self.progress.lessons(now, start, self.new_left(start))

    def new_left(self, start: datetime | None = None) -> int:
        _, introduced = self.progress.count_reviews_since(start or self.today_start())
        return max(self.settings.new_per_day - introduced, 0)

    def session(self, lesson_id: str | None = None) -> "Session":
        return Session(self, lesson_id)

    # stats

    def stats(self) -> "Stats":
        now = self.clock()
        start = self.today_start(now)
        reviewed, introduced = self.progress.count_reviews_since(start)
        return Stats(
            reviewed=reviewed,
            due=self.progress.count_due(now, start),
            new=min(self.progress.count_new(), max(self.settings.new_per_day - introduced, 0)),
            streak=self.streak(now),
        )

    def streak(self, now: datetime | None = None) -> int:
        """Days in a row with at least one answer, ending today (or yesterday, if today has none yet)."""
        now = now or self.clock()
        starts_at = self.settings.day_starts_at
        offset = (now.astimezone(self.zone).utcoffset() or timedelta()).total_seconds() - starts_at * 3600
        days = self.progress.study_day_numbers(offset)
        today = int((now.timestamp() + offset) // 86400)
        expected = today if days and days[0] == today else today - 1
        count = 0
        for day in days:
            if day != expected:
                break
            count += 1
            expected -= 1
        return count


@dataclass(frozen=True, slots=True)
class Stats:
    reviewed: int
    due: int
    new: int
    streak: int


@dataclass(frozen=True, slots=True)
class Answered:
    """What undo needs: the card as it was, and the review row to take back."""

    card: StudyCard
    review_id: int
    new_left_before: int


class Session:
    """A review session: due cards first, then new ones, one at a time.

    The current card's grade intervals are worked out once when it is shown,
    so the buttons and the answer agree and the answer path stays short.
    """

    # With nothing else to do, a learning card due within this window is shown early.
    LEARN_AHEAD = timedelta(minutes=20)

    def __init__(self, learner: Learner, lesson_id: str | None = None):
        self.learner = learner
        self.progress = learner.progress
        self.lesson_id = lesson_id
        self.scheduler = Scheduler(learner.settings)
        self.current: StudyCard | None = None
        self.shown_at: float = 0.0
        self.history: list[Answered] = []
        self.reviewed = 0
        self._day_start = learner.today_start()
        self._new_left = learner.new_left(self._day_start)

    @property
    def new_left(self) -> int:
        return self._new_left

    def next(self) -> StudyCard | None:
        """Pick the card to show now (None when the session is done)."""
        now = self.learner.clock()
        if now >= self._day_start + timedelta(days=1):  # studying past the rollover
            self._day_start = self.learner.today_start(now)
            self._new_left = self.learner.new_left(self._day_start)
        card = self.progress.next_due(now, self._day_start, self.lesson_id)
        if card is None and self._new_left > 0:
            card = self.progress.next_new(self._day_start, self.lesson_id)
        if card is None:
            card = self.progress.next_due(now + self.LEARN_AHEAD, self._day_start, self.lesson_id)
        self.current = card
        self.shown_at = time.monotonic()
        return card

    def intervals(self) -> dict[Rating, str]:
        """What each grade would give the current card, as button text."""
        if self.current is None:
            return {}
        preview = self.scheduler.preview(self.current.memory, self.learner.clock())
        return {rating: format_interval(delta) for rating, delta in preview.items()}

    def counts(self) -> tuple[int, int]:
        """(due now, new still allowed today) for the status line."""
        now = self.learner.clock()
        due = self.progress.count_due(now, self._day_start, self.lesson_id)
        new = min(self.progress.count_new(self.lesson_id), self._new_left)
        return due, new

    def answer(self, rating: Rating | int, typed: str | None = None) -> StudyCard | None:
        """Grade the current card, store it at once, and move to the next card."""
        card = self.current
        if card is None:
            raise RuntimeError("no card is being shown")
        now = self.learner.clock()
        after = self.scheduler.review(card.memory, Rating(rating), now)
        duration = int((time.monotonic() - self.shown_at) * 1000)
        review_id = self.progress.record(card, after, int(rating), now, duration, typed)
        self.history.append(Answered(card, review_id, self._new_left))
        if card.is_new:
            self._new_left = max(self._new_left - 1, 0)
        self.reviewed += 1
        return self.next()

    def undo(self) -> StudyCard | None:
        """Take back the last answer; that card is shown again."""
        if not self.history:
            return self.current
        last = self.history.pop()
        self.progress.undo(last.card, last.review_id)
        self._new_left = last.new_left_before
        self.reviewed -= 1
        self.current = last.card
        self.shown_at = time.monotonic()
        return last.card

    def skip_current(self) -> None:
        """Nothing to do with the current card now (used when leaving mid-card)."""
        self.current = None

