"""Lesson format steps (m600..m699): words with several readings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def m600_other_readings(db: sqlite_utils.Database) -> None:
    # A word may teach several readings (地 de / dì): the others, each with its meanings, as
    # JSON [{"pinyin": "dì", "english": ["earth"], "traditional": ""}, ...]; '[]' for most words.
    db.execute("ALTER TABLE notes ADD COLUMN other_readings TEXT NOT NULL DEFAULT '[]'")
