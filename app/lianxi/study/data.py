"""Use case: the learner's data folder as a whole: keep one app on it, copy it, erase it.

Nothing here ever leaves the machine. Must never import Textual or click.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lianxi import paths
from lianxi.store.db import DataLock, backup

__all__ = ["DataLock", "erase_data", "export_progress"]


def export_progress(learner, target: Path) -> Path:
    """A consistent copy of the learner's progress in one SQLite file (safe while the app is open)."""
    return backup(learner.progress.conn, target)


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
