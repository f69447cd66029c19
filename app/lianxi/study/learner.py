"""Use cases: open the learner's progress, bring lessons in, settings, counts and streak.

Everything a screen or a command does with progress goes through the study package, so
the UI stays thin and the same rules hold for the app, the CLI and the tests. Must never
import Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from lianxi import paths
from lianxi.core.lessons import Lesson, LessonError, LessonProblems, check_unique_ids
from lianxi.core.schedule import Settings, day_start, study_day, valid_setting
from lianxi.store.db import open_database
from lianxi.store.progress import LessonSummary, Progress, SyncReport
from lianxi.study.lesson_files import bundled_lesson_path, read_lesson_file, read_lesson_files

if TYPE_CHECKING:
    from lianxi.study.session import Session

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def local_zone() -> tzinfo:
    return datetime.now().astimezone().tzinfo


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
        # a value that is not usable (edited by hand, or stored by an older version) falls back to the default
        known = {k: v for k, v in stored.items() if valid_setting(k, v)}
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
        from lianxi.study.session import Session

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


