"""Use case: the learner's data folder as a whole: keep one app on it, copy it, erase it.

Nothing here ever leaves the machine. Must never import Textual or click.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from lianxi import paths
from lianxi.files import DiskFull, FileProblem, check_new_file, replacing
from lianxi.store.db import DataLock, backup

__all__ = ["DataLock", "erase_data", "export_progress"]


def export_progress(learner, target: Path) -> Path:
    """A consistent copy of the learner's progress in one new SQLite file (safe while the app is open).

    The place is checked first (one line if the folder is missing or the file exists);
    the copy is made under a temporary name, synced, then renamed, so a full disk or a
    kill never leaves an empty or half-written export behind.
    """
    check_new_file(target)
    with replacing(target) as temporary:
        try:
            backup(learner.progress.conn, temporary)
        except sqlite3.Error as exc:  # SQLite says "unable to open", "disk is full": say it for a person
            if "full" in str(exc):
                raise DiskFull(target, "was not written because the disk is full: free some space and "
                                       "try again (your progress is untouched)") from None
            raise FileProblem(target, f"cannot be written here ({exc}): choose a folder you can write to") from None
    return target


def erase_data(data_dir: Path | None) -> bool:
    """Delete the progress file and cached audio of a data folder; False if there was nothing."""
    folder = paths.data_dir(data_dir)
    if not folder.exists():
        return False
    with DataLock(folder):  # not while the app is studying on it
        for name in (paths.DATABASE_NAME, paths.DATABASE_NAME + "-wal", paths.DATABASE_NAME + "-shm"):
            (folder / name).unlink(missing_ok=True)
    shutil.rmtree(paths.cache_dir(data_dir), ignore_errors=True)
    return True
