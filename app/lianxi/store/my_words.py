"""The learner's own lesson "My words" in the progress file: its words as lesson-file fields.

"My words" is a real lesson; the dictionary rewrites it as lesson text and syncs
it like any lesson file. These queries read it back and carry progress across a
change of a word's key. Must never import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3

from lianxi.store.db import transaction


def lesson_words(conn: sqlite3.Connection, lesson_id: str) -> list[dict]:
    """A lesson's current words as lesson-file fields, in lesson order (for rewriting "My words")."""
    rows = conn.execute(
        "SELECT hanzi, numbered, english, traditional, measure_word, example, example_pinyin, "
        "example_english, note, tags FROM notes WHERE lesson_id = ? AND NOT removed ORDER BY position",
        (lesson_id,),
    ).fetchall()
    return [
        {
            "hanzi": r[0], "pinyin": r[1], "numbered": r[1], "english": json.loads(r[2]), "traditional": r[3],
            "measure_word": r[4], "example": r[5], "example_pinyin": r[6], "example_english": r[7],
            "note": r[8], "tags": json.loads(r[9]),
        }
        for r in rows
    ]


def rekey_notes(conn: sqlite3.Connection, lesson_id: str, renames: dict[str, str]) -> None:
    """Give notes of a lesson new keys (old -> new), keeping their cards and reviews."""
    if not renames:
        return
    with transaction(conn) as c:
        c.executemany("UPDATE notes SET key = ? WHERE lesson_id = ? AND key = ?",
                      [(new, lesson_id, old) for old, new in renames.items()])
