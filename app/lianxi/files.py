"""Files a person gives Lianxi or asks it to write: read within limits, written atomically.

Every file a learner or tutor names goes through here, so the same rules hold
everywhere:
- reading: only a regular file is read (a FIFO, a device or a folder is refused at
  once, never waited on), and only up to a size limit that the message names;
- writing: a temporary name in the same folder, fsync, then rename, so a kill or a
  full disk never leaves a half-written or empty file under the real name.
Errors are UserErrors whose message says what to do. Imports only the standard
library and core.errors; usable from study, store and audio alike.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lianxi.core.errors import UserError

__all__ = [
    "DiskFull",
    "FileProblem",
    "LESSON_LIMIT",
    "IMPORT_LIMIT",
    "check_new_file",
    "read_limited",
    "replacing",
    "write_atomic",
]

MB = 1024 * 1024
LESSON_LIMIT = 5 * MB  # a lesson file of thousands of words is well under 1 MB
IMPORT_LIMIT = 50 * MB  # Anki/Pleco exports, sentence files


class FileProblem(UserError):
    """A file that cannot be read or written as asked; the message says what to do.

    `reason` is the message without the path, for callers that name the file themselves
    (lesson problems are shown as file:line: field: reason).
    """

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path} {reason}")


class DiskFull(FileProblem):
    """No space left on the device: say so plainly (it is not a damaged file)."""


def _size_text(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size / 1024:.0f} KB"


def read_limited(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file no bigger than `limit`, or a FileProblem saying why not.

    Opened non-blocking, so a FIFO never blocks; checked with fstat on the open file,
    so what is checked is what is read.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise FileProblem(path, f"is a folder, not a {what}: give the file itself") from None
    except FileNotFoundError:
        raise FileProblem(path, "does not exist: check the name and the folder") from None
    except PermissionError:
        raise FileProblem(path, "cannot be read (permission denied): check its permissions") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot be read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem(path, f"is a folder, not a {what}: give the file itself")
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(path, f"is not a regular file (a pipe or a device): give a saved {what}")
        if info.st_size > limit:
            raise FileProblem(
                path, f"is {_size_text(info.st_size)}, more than the {_size_text(limit)} a {what} "
                "may be: split it into smaller files"
            )
        os.set_blocking(fd, True)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1024 * 1024)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # it grew while we read it
                raise FileProblem(path, f"is more than the {_size_text(limit)} a {what} may be: split it")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(fd)


def _write_problem(path: Path, exc: OSError) -> FileProblem:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(path, "was not written because the disk is full: free some space and try again "
                              "(nothing was changed)")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):  # EEXIST: making its folder met a file
        return FileProblem(path, "cannot be written: part of that path is a file, not a folder")
    if exc.errno == errno.ENOENT:
        return FileProblem(path, f"cannot be written: the folder {path.parent} does not exist; create it first")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FileProblem(path, f"cannot be written: {exc.strerror}; choose a folder you can write to")
    return FileProblem(path, f"cannot be written: {exc.strerror or exc}")


def files_in(folder: str | os.PathLike[str], suffix: str) -> list[Path]:
    """The files under `folder` (any depth) whose names end in `suffix`, sorted.

    A subfolder that cannot be read, or vanishes while it is walked (a temporary folder),
    is passed over; symbolic links to folders are not followed (no loops, no wandering
    out of the folder a person named).
    """
    found = []
    for top, _folders, names in os.walk(folder, onerror=lambda _exc: None, followlinks=False):
        found.extend(Path(top) / name for name in names if name.endswith(suffix))
    return sorted(found)


def check_new_file(path: str | os.PathLike[str]) -> Path:
    """A place where a new file may be written: its folder exists, and nothing is there yet.

    Says in one line what is wrong otherwise (missing folder, a file where a folder should
    be, an existing file), before any work is done.
    """
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise FileProblem(path, "already exists: choose a new file name")
    parent = path.parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise FileProblem(path, f"cannot be written: {folder} is a file, not a folder")
            break
    if not parent.is_dir():
        raise FileProblem(path, f"cannot be written: the folder {parent} does not exist; create it first")
    return path


@contextmanager
def replacing(path: str | os.PathLike[str], *, make_folder: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block ends, fsync it and rename it into place.

    For writers that need a file name (SQLite's backup, a zip library): whatever they
    write appears under the real name whole, or not at all. On an error the temporary
    file is removed, the old file (if any) is left as it was, and an OSError becomes a
    FileProblem that says what to do (a full disk is called a full disk).
    """
    path = Path(path)
    if make_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _write_problem(path, exc) from None
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        fd = os.open(temporary, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except OSError as exc:
        _remove(temporary)
        raise _write_problem(path, exc) from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """The rename itself survives a power cut once the folder is synced (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *, make_folder: bool = False) -> Path:
    """Write `data` to `path` as a whole or not at all: temporary name, fsync, rename.

    The folder must exist unless `make_folder`. On any failure the temporary file is
    removed and the old file (if any) is left as it was.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(path, make_folder=make_folder) as temporary:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        finally:
            os.close(fd)
    return Path(path)


def process_running(pid: int) -> bool:
    """Whether the process that left a temporary file or folder behind (its pid in the name)
    still runs: a leftover of a process that is gone may be removed."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it runs
        return True
    return True
