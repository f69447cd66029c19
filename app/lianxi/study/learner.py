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
from lianxi.core.errors import UserError
from lianxi.core.lesson_file import check_unique_ids
from lianxi.core.lessons import Lesson, LessonError, LessonProblems
from lianxi.core.schedule import Settings, day_start, study_day
from lianxi.store.db import open_database
from lianxi.store.progress import LessonSummary, Progress, SyncReport
from lianxi.study.lesson_files import bundled_lesson_path, check_not_bundled, read_lesson_file, read_lesson_files

if TYPE_CHECKING:
    from lianxi.study.session import Session

Clock = Callable[[], datetime]

# With nothing else to do, a review shows learning and relearning steps coming due within this
# window (Anki's "learn ahead limit"); a review card never comes before its study day.
LEARN_AHEAD = timedelta(minutes=20)
# The `+` key allows this many more new cards today.
MORE_NEW = 5
MAX_REVIEW_CAP = 10_000


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def local_zone() -> tzinfo:
    """The machine's time zone as a real zone, so each moment gets its own offset (DST).

    `datetime.now().astimezone().tzinfo` would freeze today's offset: after a
    daylight-saving change every day would start an hour off.
    """
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # an unknown TZ value: today's offset is the best left
        return datetime.now().astimezone().tzinfo


# -- the learner's progress ---------------------------------------------------


class UnknownLesson(UserError):
    """An id that is neither one of the learner's lessons nor a bundled one."""



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
        self.backup_problem: UserError | None = None

    @classmethod
    def open(cls, data_dir: str | Path | None = None, *, clock: Clock = utc_now, zone: tzinfo | None = None,
             **kwargs) -> "Learner":
        """Open the learner's progress; the first start of a study day (and a migration) backs it up first."""
        from lianxi.study.backups import on_open
        from lianxi.study.saving import restore_unsaved

        folder = paths.data_dir(data_dir)
        zone = zone or local_zone()
        opening = on_open(folder, clock(), zone)
        conn = open_database(folder / paths.DATABASE_NAME, opening)
        learner = cls(Progress(conn), data_dir=folder, clock=clock, zone=zone, **kwargs)
        learner.backup_problem = opening.problem  # the day's backup could not be written: say so
        restore_unsaved(learner)
        return learner

    def close(self) -> None:
        self.progress.conn.close()

    @property
    def settings(self) -> Settings:
        """The scheduler's settings (the review cap, stored beside them, is `review_cap`)."""
        from lianxi.study.schedule_settings import scheduler_settings

        return scheduler_settings(self.progress, fuzz=self.fuzz)

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
        """Check the lessons together (nothing is stored if any has a problem), back up, then store them.

        Each lesson is stored whole in its own short transaction (see Progress.sync_all).
        """
        from lianxi.study.backups import backup_before

        check_unique_ids(lessons)
        check_not_bundled(lessons)
        if self.progress.lesson_hashes():  # a first import has no progress to protect
            backup_before(self, "import")
        return self.progress.sync_all(lessons)

    def import_files(self, files: Iterable[Path]) -> list[SyncReport]:
        return self.import_lessons(read_lesson_files(files))

    def start_bundled(self, lesson_id: str) -> SyncReport:
        path = bundled_lesson_path(lesson_id)
        if path is None:
            raise LessonProblems([LessonError(lesson_id, 1, "id", "no bundled lesson has this id; see `lianxi lessons list`")])
        lesson = read_lesson_file(path, str(path.relative_to(paths.bundled_lessons_dir())))
        return self.progress.sync(lesson)

    def lesson_to_review(self, lesson_id: str) -> str:
        """Make `lianxi review --lesson ID` review that lesson; returns what was done, in words.

        A lesson of yours is reviewed as it is (a paused one is resumed: you asked for it);
        a bundled lesson not started yet is started first; any other id is a one-line error.
        """
        studying = self.progress.lesson_states()
        if lesson_id in studying:
            if studying[lesson_id]:
                return ""
            self.progress.set_studying(lesson_id, True)
            return f"Resumed {lesson_id}."
        if bundled_lesson_path(lesson_id) is None:
            raise UnknownLesson(
                f"there is no lesson with the id {lesson_id!r}: see `lianxi lessons list` for your lessons "
                "and the bundled ones (use the id in the first column)")
        report = self.start_bundled(lesson_id)
        return f"Started {report.lesson_id}."

    def refresh_bundled(self) -> list[SyncReport]:
        """Bring edits of bundled lessons the learner has started into the database (new app version).

        Runs at every start, so it first compares a fingerprint of those files (name, size,
        time) with the one stored last time, and reads the files only when it differs.
        """
        folder = paths.bundled_lessons_dir()
        started = {
            lesson_id: (source, digest) for lesson_id, (source, digest) in self.progress.lesson_hashes().items()
            if "/" in source and not Path(source).is_absolute()  # bundled lessons live in group folders
        }
        files = {lesson_id: folder / source for lesson_id, (source, _) in started.items()}
        fingerprint = _fingerprint(files.values())
        if fingerprint == self.progress.setting("bundled_fingerprint"):
            return []
        reports = []
        for lesson_id, (source, digest) in started.items():
            if files[lesson_id].is_file():
                lesson = read_lesson_file(files[lesson_id], source)
                if lesson.content_hash != digest:
                    reports.append(self.progress.sync(lesson))
        self.progress.set_setting("bundled_fingerprint", fingerprint)
        return reports

    def lessons(self) -> list[LessonSummary]:
        """Your lessons, each with the due and new words a review of it would show now."""
        now = self.clock()
        start = self.today_start(now)
        return self.progress.lessons(now, start, self.new_left(start), self.reviews_left(start),
                                     learn_ahead=LEARN_AHEAD)

    # today's limits

    def new_left(self, start: datetime | None = None) -> int:
        """New cards still allowed today: the daily setting, plus any allowed with `+`, minus those seen."""
        start = start or self.today_start()
        _, introduced = self.progress.count_reviews_since(start)
        return max(self.settings.new_per_day + self.extra_new(start) - introduced, 0)

    def extra_new(self, start: datetime | None = None) -> int:
        """New cards allowed today beyond the daily setting (the `+` key); 0 on any other day."""
        start = start or self.today_start()
        extra = self.progress.setting("extra_new_today") or {}
        return int(extra.get("count", 0)) if extra.get("day") == start.isoformat() else 0

    def allow_more_new(self, count: int = MORE_NEW, start: datetime | None = None) -> int:
        """Allow `count` more new cards today only (Anki's "increase today's new card limit")."""
        start = start or self.today_start()
        total = self.extra_new(start) + count
        self.progress.set_setting("extra_new_today", {"day": start.isoformat(), "count": total})
        return total

    @property
    def review_cap(self) -> int:
        """Most reviews a day (0: no cap, the default)."""
        stored = self.progress.setting("schedule", {}) or {}
        value = stored.get("reviews_per_day", 0)
        # a value that is not a whole number in range (edited by hand) means no cap
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_REVIEW_CAP:
            return 0
        return value

    def reviews_left(self, start: datetime | None = None) -> int | None:
        """Reviews still allowed today under the cap, or None when there is no cap."""
        cap = self.review_cap
        if not cap:
            return None
        return max(cap - self.progress.count_cards_reviewed_since(start or self.today_start()), 0)

    def session(self, lesson_id: str | None = None, *, ahead: timedelta | None = None) -> "Session":
        """A review session; with `ahead`, only cards coming due within that time (study ahead)."""
        from lianxi.study.session import Session

        return Session(self, lesson_id, ahead=ahead)

    # stats

    def stats(self) -> "Stats":
        """Today's numbers for everything (`lianxi stats`, the statistics), without each lesson's."""
        return self._today(with_lessons=False)[0]

    def today(self) -> tuple["Stats", list[LessonSummary]]:
        """Everything the home screen shows, counted once: today's numbers and each lesson's."""
        return self._today(with_lessons=True)

    def _today(self, *, with_lessons: bool) -> tuple["Stats", list[LessonSummary]]:
        now = self.clock()
        start = self.today_start(now)
        reviewed, introduced = self.progress.count_reviews_since(start)
        new_left = max(self.settings.new_per_day + self.extra_new(start) - introduced, 0)
        reviews_left = self.reviews_left(start)
        if with_lessons:
            counts, lessons = self.progress.overview(now, start, new_left, reviews_left, learn_ahead=LEARN_AHEAD)
        else:
            counts, lessons = self.progress.counts(now, start, learn_ahead=LEARN_AHEAD), []
        shown = counts.shown(new_left, reviews_left)
        stats = Stats(reviewed=reviewed, due=shown.due, new=shown.new, streak=self.streak(now),
                      new_waiting=counts.new - shown.new, capped=counts.due + counts.again - shown.due)
        return stats, lessons

    def streak(self, now: datetime | None = None) -> int:
        """Days in a row with at least one answer, ending today (or yesterday, if today has none yet).

        Each study day is looked up with its own start and end (its own zone offset, so a
        daylight-saving change moves nothing), one index probe a day back from today: a long
        history is never read whole.
        """
        now = now or self.clock()
        starts_at = self.settings.day_starts_at

        def answered(day) -> bool:
            return self.progress.answered_between(day_start(day, self.zone, starts_at),
                                                  day_start(day + timedelta(days=1), self.zone, starts_at))

        today = study_day(now, self.zone, starts_at)
        day = today if answered(today) else today - timedelta(days=1)
        count = 0
        while answered(day):
            count += 1
            day -= timedelta(days=1)
        return count


def _fingerprint(files: Iterable[Path]) -> str:
    """Changes when any of these files changes (size or modification time), without reading them."""
    import hashlib

    parts = []
    for path in sorted(files):
        try:
            info = path.stat()
            parts.append(f"{path}\t{info.st_size}\t{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}\t-")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Stats:
    reviewed: int
    due: int  # words a review of everything shows now (see store.queue)
    new: int  # new words it shows today (within today's allowance)
    streak: int
    new_waiting: int = 0  # new words beyond today's allowance (`+` allows more)
    capped: int = 0  # due words beyond today's review cap


