"""Open the learner's database: WAL, versioned migrations, one writer at a time, faults said plainly.

Everything about the file itself lives here (folder checks, locking, schema versions,
what a fault of the file means for a person); what goes in the tables lives in
progress.py and the other stores; backups in backups.py. Must never import the UI or
audio. sqlite-utils is imported only when a migration is pending, so opening the
database at start-up stays quick.

Rules for every writer (the answer path must never wait more than ~100 ms):
- Write in `transaction(conn)`: BEGIN IMMEDIATE ... COMMIT, rolled back on error, with
  SQLite's faults turned into typed errors (`Busy`, `DatabaseFull`, `Damaged`,
  `NotWritable`) whose message says what to do. A failed rollback never hides the error
  that caused it.
- A long job (an import, an index build, rescheduling every card) writes in short
  transactions: `in_short_transactions(conn, items, write)` sizes its batches to take
  about 40 ms each, so an answer given meanwhile waits at most one batch. Make the job
  safe to stop between batches (write its "done" marker last, or stage rows and make
  them visible in one small final transaction).
- Nothing is written to a file before it is known to be ours and not newer than us:
  `open_database` opens read-only first, checks the schema version and lets the caller
  take a backup (which checks the whole file), and only then switches to WAL and
  migrates.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from lianxi.core.errors import UserError
from lianxi.store.migrations import migrations

T = TypeVar("T")

# How long a command waits for another writer before giving up (an answer waits less: see study.saving).
BUSY_TIMEOUT_MS = 5000


class StoreError(UserError):
    """A problem with the learner's data folder or database, said for a person."""


class DataFolderUnusable(StoreError):
    pass


class NewerDatabase(StoreError):
    pass


class AlreadyOpen(StoreError):
    pass


class Busy(StoreError):
    """Another program holds the database's write lock for longer than we may wait."""


class DatabaseFull(StoreError):
    """No space left for the database: the disk is full (the file itself is fine)."""


class Damaged(StoreError):
    """The file is not a database, or parts of it are unreadable ("malformed")."""


class NotWritable(StoreError):
    """The file or its folder cannot be written (permissions, read-only disk, I/O error)."""


# SQLite's primary result codes for faults of the file or the disk (not of our SQL).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def fault(exc: BaseException, path: Path | str | None = None) -> StoreError | None:
    """The typed error for a fault of the file or the disk, or None for anything else (a bug)."""
    if isinstance(exc, StoreError):
        return exc
    if not isinstance(exc, sqlite3.Error):
        return None
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    where = f"the progress file {path}" if path else "your progress file"
    if code in (_BUSY, _LOCKED) or "database is locked" in str(exc):
        return Busy(
            f"{where} is busy: another Lianxi command is writing to it. "
            "Wait for it to finish (or close it) and try again; nothing was lost."
        )
    if code == _FULL or (code == _IOERR and disk_nearly_full(path)):
        return DatabaseFull(
            f"the disk is full, so {where} could not be used: free some space and try again "
            "(your progress is intact; nothing was half-written)."
        )
    if code in (_CORRUPT, _NOTADB):
        return Damaged(
            f"{where} is damaged ({exc}). Nothing was written to it. "
            "Run `lianxi data check`, then restore a backup with `lianxi data backups` and "
            "`lianxi data restore FILE`, or move the file away to start afresh."
        )
    if code in (_READONLY, _CANTOPEN, _IOERR):
        return NotWritable(
            f"{where} cannot be written ({exc}): check that its folder is writable and the disk "
            "is mounted read-write, then try again."
        )
    return None


def disk_nearly_full(path: Path | str | None) -> bool:
    try:
        info = os.statvfs(Path(path).parent if path else ".")
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 1024 * 1024


def database_path(conn: sqlite3.Connection) -> Path | None:
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


@contextmanager
def transaction(conn: sqlite3.Connection, *, wait: float | None = None) -> Iterator[sqlite3.Connection]:
    """All or nothing: BEGIN IMMEDIATE ... COMMIT, rolled back on any error (the one place we do this).

    `wait`: seconds to wait for another writer (default: the connection's, 5 s). A fault
    of the file or the disk comes out as a typed StoreError; when SQLite has already
    rolled back by itself (a full disk can), the rollback is skipped, never reported
    instead of the real error.
    """
    _wait_for_writers(conn, BUSY_TIMEOUT_MS if wait is None else int(wait * 1000))
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise (fault(exc, database_path(conn)) or exc) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the error that brought us here is the one to report
        typed = fault(exc, database_path(conn)) if isinstance(exc, sqlite3.Error) else None
        if typed is not None:
            raise typed from None
        raise


class Connection(sqlite3.Connection):
    """A connection that remembers its busy timeout, so answers in a row set it once, not twice each."""

    busy_ms: int | None = None


def _wait_for_writers(conn: sqlite3.Connection, ms: int) -> None:
    if getattr(conn, "busy_ms", None) != ms:
        conn.execute(f"PRAGMA busy_timeout = {ms}")
        if isinstance(conn, Connection):
            conn.busy_ms = ms


def in_short_transactions(conn: sqlite3.Connection, items: Iterable[T], write: Callable[[Sequence[T]], None],
                          *, target: float = 0.04, first: int = 100) -> int:
    """Write `items` in batches, each its own transaction of about `target` seconds; returns the count.

    `write(batch)` runs inside the transaction. The batch size adapts to the time the
    last batch took, so an answer waiting for the lock waits about `target` at most.
    """
    size, done, batch = first, 0, []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            size = _timed_batch(conn, batch, write, size, target)
            done += len(batch)
            batch = []
    if batch:
        _timed_batch(conn, batch, write, size, target)
        done += len(batch)
    return done


def _timed_batch(conn, batch, write, size: int, target: float) -> int:
    start = time.perf_counter()
    with transaction(conn):
        write(batch)
    took = max(time.perf_counter() - start, 1e-4)
    return max(1, min(int(size * target / took), size * 4))


# -- opening -----------------------------------------------------------------------------


def _check_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise DataFolderUnusable(
            f"The data folder {folder} is a file, not a folder. "
            "Choose another with --data-dir or LIANXI_HOME, or move that file away."
        ) from None
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


def _pending_steps(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Refuse a file from a newer Lianxi; return the names of the steps still to apply."""
    known = [step for step, _ in migrations.steps]
    applied = migrations.applied(conn)
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise NewerDatabase(
            f"The progress file {path} was written by a newer version of Lianxi "
            f"(it has {', '.join(unknown)}). Update Lianxi (pip install -U lianxi); "
            "the file was only read, not changed."
        )
    return [step for step in known if step not in applied]


def read_only(path: Path) -> sqlite3.Connection:
    """Open an existing database without any right to change it (the file's bytes stay as they are)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    return conn


def _look_before_writing(path: Path, before_writing) -> list[str]:
    """Read-only: is this our database, not newer than us, and (via the callback) backed up?"""
    if path.is_dir():
        raise DataFolderUnusable(f"{path} is a folder where Lianxi keeps its progress file: move it away.")
    if not path.exists():
        return [step for step, _ in migrations.steps]
    try:
        conn = read_only(path)
    except sqlite3.Error as exc:
        raise (fault(exc, path) or exc) from None
    try:
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            pending = _pending_steps(conn, path)
        except sqlite3.Error as exc:
            raise (fault(exc, path) or exc) from None
        if before_writing is not None:
            before_writing(conn, pending)
        return pending
    finally:
        conn.close()


def open_database(path: Path, before_writing: Callable[[sqlite3.Connection, list[str]], None] | None = None
                  ) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`.

    First read-only: a newer file, a damaged file or a folder in its place is refused
    with nothing written, and `before_writing(read_only_connection, pending_steps)` runs
    (the study layer takes its backups there). Then read-write, WAL, migrations.

    Durability: WAL with synchronous=NORMAL. Each answer is its own committed
    transaction, so a crash or kill of the process loses nothing already
    answered; only a power cut can lose the last moments.
    """
    _check_folder(path.parent)
    existed = path.exists()
    pending = _look_before_writing(path, before_writing)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000, factory=Connection)
        conn.busy_ms = BUSY_TIMEOUT_MS
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        if pending:
            _migrate(conn)
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        typed = fault(exc, path)
        if typed is None:
            raise
        if not existed:
            _remove_new_file(path)
        raise typed from None
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply pending steps with foreign keys off (a step may rebuild a table), then check them."""
    conn.execute("PRAGMA foreign_keys=OFF")
    migrations.apply(conn)
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise sqlite3.IntegrityError(f"a migration left {len(broken)} rows pointing nowhere: {broken[:3]}")


def _remove_new_file(path: Path) -> None:
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        try:
            (path.parent / name).unlink()
        except OSError:
            pass


# -- one app per data folder ----------------------------------------------------------------


class DataLock:
    """Keeps a second copy of the app off the same data while one is studying."""

    def __init__(self, folder: Path):
        self.path = folder / "lianxi.lock"
        self._file = None

    def acquire(self) -> "DataLock":
        _check_folder(self.path.parent)
        try:
            handle = open(self.path, "a+")
        except IsADirectoryError:
            raise StoreError(
                f"{self.path} is a folder, but Lianxi keeps its lock file there. "
                f"Remove it (rmdir {self.path}) or move it away, then start Lianxi again."
            ) from None
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DatabaseFull(f"the disk is full, so Lianxi cannot start on {self.path.parent}: "
                                   "free some space and try again.") from None
            raise StoreError(
                f"Cannot open the lock file {self.path}: {exc.strerror}. "
                "Check the permissions of the data folder, or choose another with --data-dir."
            ) from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            pid = handle.read(32).strip() or "?"
            handle.close()
            raise AlreadyOpen(
                f"Lianxi is already open on this data folder (process {pid}). "
                "Close the other window first; your progress is safe."
            ) from None
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
        except OSError:
            pass  # the lock is held; the process number is only a courtesy
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
