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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lianxi.core.errors import UserError

if TYPE_CHECKING:
    import sqlite_utils

MIGRATION_SET = "lianxi"


class MigrationList:
    """Our schema steps in order, applied through sqlite-utils' Migrations.

    Used as a decorator: `@migrations()` above `def m010_something(db): ...`.
    """

    table = "_sqlite_migrations"

    def __init__(self, name: str):
        self.name = name
        self.steps: list[tuple[str, Callable]] = []

    def __call__(self, *, name: str | None = None):
        def register(fn: Callable) -> Callable:
            step = name or fn.__name__
            if any(known == step for known, _ in self.steps):
                raise ValueError(f"migration {step} is registered twice")
            self.steps.append((step, fn))
            return fn

        return register

    def applied(self, conn: sqlite3.Connection) -> list[str]:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.table,)).fetchone()
        if not exists:
            return []
        return [r[0] for r in conn.execute(
            f"SELECT name FROM {self.table} WHERE migration_set = ? ORDER BY rowid", (self.name,))]

    def apply(self, conn: sqlite3.Connection) -> None:
        import sqlite_utils
        from sqlite_utils.migrations import Migrations

        runner = Migrations(self.name)
        for step, fn in self.steps:
            runner(name=step)(fn)
        runner.apply(sqlite_utils.Database(conn))


migrations = MigrationList(MIGRATION_SET)


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


@migrations()
def m001_study_loop(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE lessons (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            level TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            attribution TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            studying INTEGER NOT NULL DEFAULT 1,
            card_kinds TEXT NOT NULL DEFAULT '["recognition", "recall"]',
            added_at TEXT NOT NULL
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            lesson_id TEXT NOT NULL REFERENCES lessons(id),
            key TEXT NOT NULL,
            position INTEGER NOT NULL,
            hanzi TEXT NOT NULL,
            pinyin TEXT NOT NULL,
            numbered TEXT NOT NULL,
            english TEXT NOT NULL,
            traditional TEXT NOT NULL DEFAULT '',
            measure_word TEXT NOT NULL DEFAULT '',
            example TEXT NOT NULL DEFAULT '',
            example_pinyin TEXT NOT NULL DEFAULT '',
            example_english TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            removed INTEGER NOT NULL DEFAULT 0,
            UNIQUE (lesson_id, key)
        );
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id),
            lesson_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            new_order INTEGER NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due REAL,
            last_review REAL,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            UNIQUE (note_id, kind)
        );
        CREATE INDEX cards_due ON cards (active, due) WHERE state > 0;
        CREATE INDEX cards_new ON cards (active, new_order) WHERE state = 0;
        CREATE INDEX cards_note ON cards (note_id, last_review);
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            card_id INTEGER NOT NULL REFERENCES cards(id),
            rating INTEGER NOT NULL,
            reviewed_at REAL NOT NULL,
            duration_ms INTEGER,
            answer TEXT,
            was_new INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX reviews_time ON reviews (reviewed_at);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


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


from lianxi.store import drills as _drills  # noqa: E402,F401 - registers the drill tables


from lianxi.store import dictionary as _dictionary  # noqa: E402,F401  (its migration)


from lianxi.store import sentences as _sentences  # noqa: E402,F401  (its migration)
