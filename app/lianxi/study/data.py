"""Use case: the learner's data folder as a whole: keep one app on it, copy, check, restore, erase it.

Nothing here ever leaves the machine. Must never import Textual or click.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from lianxi import paths
from lianxi.core.errors import UserError
from lianxi.files import FileProblem, check_new_file
from lianxi.store.backups import check_database, contents, copy_database, newer_steps
from lianxi.store.db import DataLock, Damaged, StoreError, fault, read_only
from lianxi.study.backups import Backup, backup_before, backup_folder, backups, make_backup

__all__ = ["DataLock", "check_data", "erase_data", "export_progress", "problem_of", "restore_backup"]


def problem_of(exc: BaseException) -> UserError | None:
    """The person-readable problem behind an error (a fault of the file or disk), or None for a bug."""
    if isinstance(exc, UserError):
        return exc
    return fault(exc)


def export_progress(learner, target: Path) -> Path:
    """A checked copy of the learner's progress in one SQLite file (safe while the app is open).

    Written to a temporary name, checked with integrity_check, then renamed: a damaged
    progress file is refused (not copied), and a full disk leaves nothing behind.
    """
    check_new_file(target)
    return copy_database(learner.progress.conn, target, what="export")


@dataclass(frozen=True, slots=True)
class Check:
    problems: list[str]
    newest_backup: Backup | None
    newer: list[str] = ()  # schema steps from a newer Lianxi (a sound file this version cannot open)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_data(data_dir: Path | None) -> Check:
    """Run SQLite's integrity check on the progress file (read-only)."""
    folder = paths.data_dir(data_dir)
    path = folder / paths.DATABASE_NAME
    if not path.is_file():
        raise StoreError(f"There is no progress file in {folder} yet: nothing to check.")
    problems = check_database(path)
    good = [b for b in backups(folder) if not check_database(b.path)]
    return Check(problems, good[0] if good else None, [] if problems else newer_steps(path))


def restore_backup(data_dir: Path | None, source: Path, now, zone) -> Path | None:
    """Put the progress in `source` in place of the current one, which is kept first.

    `source` must be a sound Lianxi progress file not written by a newer Lianxi. The
    current file is kept as a checked backup ("before restore"); if it is damaged it
    cannot be checked, so it is moved aside whole (`lianxi-damaged-...db` in the backups
    folder). Returns where the current file went. Hold the DataLock (no app open) and
    open the learner afresh afterwards (an older backup is migrated then).
    """
    folder = paths.data_dir(data_dir)
    database = folder / paths.DATABASE_NAME
    if not source.is_file():
        raise FileProblem(source, "is not a file: give a backup from `lianxi data backups`.")
    problems = check_database(source)
    if problems:
        raise Damaged(f"{source} is damaged ({problems[0]}): choose another backup (`lianxi data backups`).")
    if contents(source) is None:
        raise StoreError(f"{source} is not a Lianxi progress file: give a backup from `lianxi data backups`.")
    if newer_steps(source):
        raise StoreError(f"{source} was written by a newer version of Lianxi: update Lianxi first.")
    kept = None
    if database.is_file():
        try:
            conn = read_only(database)
            try:
                kept = make_backup(conn, folder, "restore", now, zone)
            finally:
                conn.close()
        except Damaged:
            aside = backup_folder(folder)
            aside.mkdir(parents=True, exist_ok=True)
            kept = aside / f"lianxi-damaged-{now.astimezone(zone):%Y-%m-%d-%H%M%S}.db"
            os.replace(database, kept)
    src = read_only(source)
    try:
        temporary = copy_database(src, folder / f".restore-{os.getpid()}.db", what="restore")
    finally:
        src.close()
    for name in (paths.DATABASE_NAME + "-wal", paths.DATABASE_NAME + "-shm"):
        (folder / name).unlink(missing_ok=True)
    os.replace(temporary, database)
    return kept


def erase_data(data_dir: Path | None, learner=None, *, keep_backup: bool = True) -> Path | None:
    """Delete the progress file, kept recordings and cached audio of a data folder.

    With `keep_backup` a checked copy is put in the backups folder first (returned), so an
    erase by mistake can be undone with `lianxi data restore`; without it the backups go too.
    """
    folder = paths.data_dir(data_dir)
    kept = None
    with DataLock(folder):  # not while the app is studying on it
        database = folder / paths.DATABASE_NAME
        if keep_backup and database.is_file():
            try:
                if learner is not None:
                    kept = backup_before(learner, "erase")
                else:
                    conn = read_only(database)
                    try:
                        from lianxi.study.learner import local_zone, utc_now

                        kept = make_backup(conn, folder, "erase", utc_now(), local_zone())
                    finally:
                        conn.close()
            except Damaged:
                raise Damaged(f"your progress file in {folder} is damaged, so no backup of it can be made and "
                              "nothing was erased. Erase it anyway with `lianxi data erase --no-backup`, or "
                              "restore a backup (`lianxi data backups`).") from None
        if learner is not None:
            learner.close()
        for name in (paths.DATABASE_NAME, paths.DATABASE_NAME + "-wal", paths.DATABASE_NAME + "-shm",
                     "unsaved-answers.json"):
            (folder / name).unlink(missing_ok=True)
        shutil.rmtree(folder / "recordings", ignore_errors=True)  # kept voice recordings (speaking): no backup
        if not keep_backup:
            shutil.rmtree(folder / "backups", ignore_errors=True)
    shutil.rmtree(paths.cache_dir(data_dir), ignore_errors=True)
    return kept

