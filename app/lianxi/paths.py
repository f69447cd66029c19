"""Where Lianxi keeps the learner's data and its caches.

Folders come from functions, not import-time constants, so tests and the
`--data-dir` option can point them anywhere. Order of precedence: an explicit
folder (``--data-dir``), then ``LIANXI_HOME``, then the platform's user folders.
Must never import the UI or the database layer.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "lianxi"
DATABASE_NAME = "lianxi.db"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the learner's database (created by the store, not here)."""
    if override:
        return Path(override).expanduser()
    home = os.environ.get("LIANXI_HOME")
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Rendered audio and other things that can be rebuilt at any time.

    The cache belongs to a data folder: a folder given with --data-dir keeps its cache
    inside it (a USB stick carries both); the usual folder uses the user cache. Every part
    of Lianxi asks here, so `lianxi data erase` finds the same cache the app filled.
    """
    if override and Path(override).expanduser().resolve() != data_dir().resolve():
        return Path(override).expanduser() / "cache"
    home = os.environ.get("LIANXI_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / DATABASE_NAME


def bundled_lessons_dir() -> Path:
    """The lessons shipped with Lianxi.

    An installed wheel carries them inside the package (``lianxi/lessons``);
    a source checkout (editable install) keeps them at the repository top.
    """
    packaged = Path(str(resources.files("lianxi"))) / "lessons"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "lessons"
