"""Open the learner's database: WAL, versioned migrations, one writer at a time.

Everything about the file itself lives here (folder checks, locking, schema
versions, backups); what goes in the tables lives in progress.py. Must never
import the UI or audio. sqlite-utils is imported only when a migration is
pending, so opening the database at start-up stays quick.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lianxi.core.errors import UserError
from lianxi.store.migrations import migrations


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: BEGIN IMMEDIATE ... COMMIT, rolled back on any error (the one place we do this)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class StoreError(UserError):
    """A problem with the learner's data folder or database, said for a person."""


class DataFolderUnusable(StoreError):
    pass


class NewerDatabase(StoreError):
    pass


class AlreadyOpen(StoreError):
    pass


def _check_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderUnusable(
            f"Cannot create the data folder {folder}: {exc.strerror}. "
            "Choose another with --data-dir or LIANXI_HOME, or fix its permissions."
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataFolderUnusable(
            f"The data folder {folder} is not writable. "
            "Choose another with --data-dir or LIANXI_HOME, or fix its permissions "
            f"(for example: chmod u+w {folder})."
        )


def _check_version(conn: sqlite3.Connection) -> list[str]:
    """Refuse a file from a newer Lianxi; return the names of the steps still to apply."""
    known = [step for step, _ in migrations.steps]
    applied = migrations.applied(conn)
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise NewerDatabase(
            "This progress file was written by a newer version of Lianxi "
            f"(it has {', '.join(unknown)}). Update Lianxi (pip install -U lianxi); "
            "your progress is untouched."
        )
    return [step for step in known if step not in applied]


def open_database(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`.

    Durability: WAL with synchronous=NORMAL. Each answer is its own committed
    transaction, so a crash or kill of the process loses nothing already
    answered; only a power cut can lose the last moments.
    """
    _check_folder(path.parent)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=5)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        if _check_version(conn):
            migrations.apply(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"Cannot use the progress file {path}: {exc}. "
            "If it is damaged, move it away (Lianxi will start a new one) or restore a backup."
        ) from None
    return conn


class DataLock:
    """Keeps a second copy of the app off the same data while one is studying."""

    def __init__(self, folder: Path):
        self.path = folder / "lianxi.lock"
        self._file = None

    def acquire(self) -> "DataLock":
        _check_folder(self.path.parent)
        handle = open(self.path, "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            pid = handle.read().strip() or "?"
            handle.close()
            raise AlreadyOpen(
                f"Lianxi is already open on this data folder (process {pid}). "
                "Close the other window first; your progress is safe."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle
        return self

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> "DataLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the whole database (SQLite's online backup)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(target)
    with dest:
        conn.backup(dest)
    dest.close()
    return target

