"""Use case: backups of the learner's progress, made without being asked, kept for weeks.

When: on the first start of each study day, and before any change that is hard to take
back: a migration (new Lianxi version), an import, rescheduling by the optimizer, an
erase, a restore. Each backup is a checked copy (`store.backups.copy_database`): it
only counts once `PRAGMA integrity_check` passed on it, so a damaged progress file is
found on the first start of the day, before anything is written to it.

Which are kept: the newest backup of each of the last 7 study days that have one, the
newest of each of the last 4 weeks, and the 3 newest of all (so the copy made just
before an import survives a second import the same day). Only files named by Lianxi in
the backups folder are ever deleted. Everything stays on this machine.

Scheduling's optimizer calls `backup_before(learner, "optimize")` before it reschedules.
Must never import Textual.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

from lianxi import paths
from lianxi.core.schedule import study_day
from lianxi.core.errors import UserError
from lianxi.files import FileProblem
from lianxi.store.backups import Contents, copy_database, contents
from lianxi.store.db import Damaged, StoreError

FOLDER = "backups"
KEEP_DAILY, KEEP_WEEKLY, KEEP_NEWEST = 7, 4, 3
REASONS = ("daily", "migration", "import", "optimize", "erase", "restore")
_NAME = re.compile(r"^lianxi-(\d{4}-\d{2}-\d{2})-(\d{6})-([a-z]+)\.db$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    day: date  # the study day it was made on
    made: str  # local time of day, HHMMSS
    reason: str

    @property
    def label(self) -> str:
        when = f"{self.day.isoformat()} {self.made[:2]}:{self.made[2:4]}"
        return when if self.reason == "daily" else f"{when} (before {self.reason})"

    def contents(self) -> Contents | None:
        return contents(self.path)


def backup_folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def backups(data_dir: Path) -> list[Backup]:
    """The checked backups in the data folder, newest first."""
    folder = backup_folder(data_dir)
    found = []
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return []
    for name in names:
        m = _NAME.match(name)
        if m:
            found.append(Backup(folder / name, date.fromisoformat(m.group(1)), m.group(2), m.group(3)))
    return sorted(found, key=lambda b: (b.day, b.made, b.path.name), reverse=True)


def make_backup(conn: sqlite3.Connection, data_dir: Path, reason: str, now: datetime, zone: tzinfo,
                day_starts_at: int = 4) -> Path:
    """A checked copy of the progress behind `conn` in the backups folder; then old ones are pruned."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    folder = backup_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    local = now.astimezone(zone)
    name = f"lianxi-{study_day(now, zone, day_starts_at).isoformat()}-{local:%H%M%S}-{reason}.db"
    target = copy_database(conn, folder / name, what="backup")
    prune(data_dir)
    return target


def prune(data_dir: Path) -> list[Path]:
    """Delete backups beyond what is kept (see the module docstring); returns those deleted."""
    found = backups(data_dir)
    keep: set[Path] = {b.path for b in found[:KEEP_NEWEST]}
    days: dict[date, Backup] = {}
    weeks: dict[tuple[int, int], Backup] = {}
    for b in found:  # newest first, so the first seen of a day or week is its newest
        days.setdefault(b.day, b)
        weeks.setdefault(tuple(b.day.isocalendar())[:2], b)
    keep |= {b.path for b in list(days.values())[:KEEP_DAILY]}
    keep |= {b.path for b in list(weeks.values())[:KEEP_WEEKLY]}
    gone = []
    for b in found:
        if b.path not in keep:
            try:
                b.path.unlink()
                gone.append(b.path)
            except OSError:
                pass
    return gone


def has_backup_for(data_dir: Path, day: date) -> bool:
    return any(b.day == day for b in backups(data_dir))


def schedule_settings(conn: sqlite3.Connection) -> int:
    """The learner's day-start hour, read from a (read-only) connection before anything is written."""
    import json

    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'schedule'").fetchone()
        stored = json.loads(row[0]) if row else {}
        return int(stored.get("day_starts_at", 4))
    except (sqlite3.Error, ValueError, TypeError, AttributeError):
        return 4


class OnOpen:
    """The `before_writing` step of opening the progress: the day's backup, or one before a migration.

    A damaged file stops the opening (Damaged: nothing is written to it). A backup that
    cannot be written (a full disk, a read-only folder) does not stop the learner from
    studying; it is kept in `problem` for the screen to say, and tried again next start.
    A migration is not applied without its backup.
    """

    def __init__(self, data_dir: Path, now: datetime, zone: tzinfo):
        self.data_dir, self.now, self.zone = data_dir, now, zone
        self.problem: UserError | None = None

    def __call__(self, conn: sqlite3.Connection, pending: list[str]) -> None:
        starts_at = schedule_settings(conn)
        tables = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'reviews'").fetchone()[0]
        if pending and tables:
            make_backup(conn, self.data_dir, "migration", self.now, self.zone, starts_at)
        elif tables and not has_backup_for(self.data_dir, study_day(self.now, self.zone, starts_at)):
            try:
                make_backup(conn, self.data_dir, "daily", self.now, self.zone, starts_at)
            except (FileProblem, StoreError) as exc:
                if isinstance(exc, Damaged):
                    raise
                self.problem = exc


def on_open(data_dir: Path, now: datetime, zone: tzinfo) -> OnOpen:
    return OnOpen(data_dir, now, zone)


def backup_before(learner, reason: str) -> Path:
    """Back up the learner's progress before a change that is hard to take back (import, optimize, erase)."""
    return make_backup(learner.progress.conn, learner.data_dir or paths.data_dir(), reason, learner.clock(),
                       learner.zone, learner.settings.day_starts_at)


def newest_good(data_dir: Path) -> Backup | None:
    found = backups(data_dir)
    return found[0] if found else None


def age_text(b: Backup, today: date) -> str:
    days = (today - b.day).days
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"

