"""Dictionary and catalogue steps (m500..m599): the dictionary index leaves the progress file."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def m500_dictionary_index_leaves_progress(db: sqlite_utils.Database) -> None:
    # The CC-CEDICT index (45 MB) is a cache now, its own file in the cache folder, rebuilt
    # when missing; the progress file keeps progress (and "My words", a lesson like any other).
    db.executescript(
        """
        DROP TABLE IF EXISTS dictionary_english;
        DROP TABLE IF EXISTS dictionary_hanzi;
        DROP TABLE IF EXISTS dictionary_glosses;
        DROP TABLE IF EXISTS dictionary_chars;
        DROP TABLE IF EXISTS dictionary_entries;
        DROP TABLE IF EXISTS dictionary_info;
        """
    )


def m501_give_back_the_space(db: sqlite_utils.Database) -> None:
    # Dropped tables leave free pages that exports and backups would still copy: give them
    # back to the disk, only when there is something worth it (a fresh file has nothing).
    conn = db.conn
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    if free > 256 and free * 4 > pages:
        conn.execute("VACUUM")
