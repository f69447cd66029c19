"""Read one imported lesson's content back out of the learner's database, read-only.

Tutor tools (classroom mode, worksheets, exports) accept the id of a lesson the
learner imported. They must never change the database, so it is opened with
SQLite's read-only mode and nothing here writes. Must never import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

WORD_COLUMNS = ("hanzi", "pinyin", "english", "traditional", "measure_word", "example",
                "example_pinyin", "example_english", "note", "tags", "other_readings")


@dataclass(frozen=True, slots=True)
class StoredLesson:
    id: str
    title: str
    level: str
    description: str
    attribution: str
    source: str
    words: list[dict]  # WORD_COLUMNS, english, tags and other_readings as lists, in study order


def read_stored_lesson(database: Path, lesson_id: str) -> StoredLesson | None:
    """The lesson as last imported (words removed from its file left out), or None."""
    if not database.is_file():
        return None
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            row = conn.execute(
                "SELECT id, title, level, description, attribution, source FROM lessons WHERE id = ?", (lesson_id,)
            ).fetchone()
        except sqlite3.OperationalError:  # a database from before lessons existed
            return None
        if row is None:
            return None
        words = []
        # read-only, so a file from before other readings existed cannot be migrated here
        present = {r[1] for r in conn.execute("PRAGMA table_info(notes)")}
        columns = [c if c in present else "'[]'" for c in WORD_COLUMNS]
        for values in conn.execute(
            f"SELECT {', '.join(columns)} FROM notes WHERE lesson_id = ? AND removed = 0 ORDER BY position",
            (lesson_id,),
        ):
            word = dict(zip(WORD_COLUMNS, values))
            word["english"] = json.loads(word["english"])
            word["tags"] = json.loads(word["tags"])
            word["other_readings"] = json.loads(word["other_readings"])
            words.append(word)
        return StoredLesson(*row, words=words)
    finally:
        conn.close()
