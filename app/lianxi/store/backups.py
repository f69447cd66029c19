"""Copies of the learner's database: written whole and checked, or not at all.

A copy is made with SQLite's online backup (consistent while the app is open) into a
temporary name in the target folder, checked with `PRAGMA integrity_check`, fsynced and
only then renamed to its real name, so a kill, a full disk or a damaged source never
leaves a file that looks like a good copy. Used for exports, the automatic backups and
restores. Must never import the UI or audio.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lianxi.files import DiskFull, FileProblem, replacing
from lianxi.store.db import Busy, DatabaseFull, Damaged, disk_nearly_full, database_path, fault, read_only
from lianxi.store.migrations import migrations


@dataclass(frozen=True, slots=True)
class Contents:
    """What a progress file holds, for a person choosing a backup."""

    lessons: int
    words: int
    reviews: int
    last_review: datetime | None


def integrity(conn: sqlite3.Connection) -> list[str]:
    """SQLite's full integrity check: [] when the file is sound, else its first problems."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        _not_damage(exc, database_path(conn))
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _not_damage(exc: sqlite3.Error, path: Path | None) -> None:
    """A full disk or a busy file stops a check, but it is not damage: raise it as what it is.

    (On a full disk SQLite cannot even open a WAL file for reading: it needs its -shm.)
    """
    typed = fault(exc, path)
    if isinstance(typed, (DatabaseFull, Busy)):
        raise typed from None


def copy_database(source: sqlite3.Connection, target: Path, *, what: str = "copy") -> Path:
    """Copy the database behind `source` to `target`, checked, whole or not at all.

    Raises Damaged if the source is damaged (no copy is left), DiskFull or FileProblem
    if the target cannot be written (nothing is left behind either).
    """
    try:
        with replacing(target) as temporary:
            try:
                _backup_into(source, temporary)
            except sqlite3.Error as exc:
                raise _target_problem(exc, source, target) from None
            try:
                problems = _check_file(temporary)
            except DatabaseFull:
                raise DiskFull(target, "was not written because the disk is full: free some space and try "
                                       "again (your progress is untouched)") from None
            if problems:
                raise Damaged(
                    f"your progress file is damaged ({problems[0]}), so no {what} was made. "
                    "Run `lianxi data check` and restore a backup (`lianxi data backups`)."
                )
    finally:
        _remove(target.with_name(f".{target.name}.{os.getpid()}.tmp-journal"))
    return target


def _backup_into(source: sqlite3.Connection, temporary: Path) -> None:
    dest = sqlite3.connect(temporary, isolation_level=None)
    try:
        source.backup(dest)
        # a copy is a plain single file: no WAL beside it
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()


def _check_file(path: Path) -> list[str]:
    conn = read_only(path)
    try:
        return integrity(conn)
    finally:
        conn.close()


def _target_problem(exc: sqlite3.Error, source: sqlite3.Connection, target: Path) -> Exception:
    """What stopped a copy: the source's fault (damaged, busy) or the target's (full disk, folder)."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (11, 26):  # SQLITE_CORRUPT, SQLITE_NOTADB: the source
        return fault(exc, database_path(source)) or exc
    if code == 13 or (code == 10 and disk_nearly_full(target)):  # SQLITE_FULL, SQLITE_IOERR on a full disk
        return DiskFull(target, "was not written because the disk is full: free some space and try again "
                                "(your progress is untouched)")
    typed = fault(exc, database_path(source))
    if typed is not None and code in (5, 6):
        return typed
    return FileProblem(target, f"cannot be written here ({exc}): choose a folder you can write to")


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def check_database(path: Path) -> list[str]:
    """The integrity check of a database file, read-only: [] when sound."""
    try:
        conn = read_only(path)
    except sqlite3.Error as exc:
        _not_damage(exc, path)
        return [str(exc)]
    try:
        return integrity(conn)
    finally:
        conn.close()


def contents(path: Path) -> Contents | None:
    """Counts from a progress file, read-only; None if it is not a Lianxi progress file."""
    try:
        conn = read_only(path)
        try:
            lessons = conn.execute("SELECT COUNT(*) FROM lessons").fetchone()[0]
            words = conn.execute("SELECT COUNT(*) FROM notes WHERE NOT removed").fetchone()[0]
            reviews, last = conn.execute("SELECT COUNT(*), MAX(reviewed_at) FROM reviews").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    from datetime import timezone

    return Contents(lessons, words, reviews, datetime.fromtimestamp(last, timezone.utc) if last else None)


def newer_steps(path: Path) -> list[str]:
    """Schema steps in a file that this version of Lianxi does not know (a newer Lianxi wrote it)."""
    known = {step for step, _ in migrations.steps}
    conn = read_only(path)
    try:
        return [name for name in migrations.applied(conn) if name not in known]
    finally:
        conn.close()
