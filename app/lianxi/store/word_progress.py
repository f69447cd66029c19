"""A learner's progress on one word, and the words they know, from the progress file.

Queries go through notes (the word as a lesson lists it) and cards (its memory), so they
hold whether a word's cards belong to one lesson's entry or are shared by every lesson
that lists the word. Must never import the UI or audio.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone


@dataclass(frozen=True, slots=True)
class CardProgress:
    kind: str
    state: int  # core.schedule.State: 0 new, 1 learning, 2 review, 3 relearning
    reps: int
    lapses: int
    due: datetime | None
    stability: float | None


@dataclass(frozen=True, slots=True)
class WordProgress:
    """Where the learner studies a word and how each of its cards stands."""

    lessons: tuple[tuple[str, str], ...]  # (lesson id, title), the lessons that list the word
    cards: tuple[CardProgress, ...]


def word_progress(conn: sqlite3.Connection, hanzi: str) -> WordProgress | None:
    """The learner's progress on `hanzi` (simplified or traditional), or None when no lesson lists it."""
    lessons = conn.execute(
        "SELECT DISTINCT l.id, l.title FROM notes n JOIN lessons l ON l.id = n.lesson_id "
        "WHERE (n.hanzi = :q OR n.traditional = :q) AND NOT n.removed ORDER BY l.position",
        {"q": hanzi},
    ).fetchall()
    if not lessons:
        return None
    rows = conn.execute(
        "SELECT DISTINCT c.id, c.kind, c.state, c.reps, c.lapses, c.due, c.stability FROM cards c "
        "JOIN notes n ON n.id = c.note_id WHERE (n.hanzi = :q OR n.traditional = :q) AND NOT n.removed "
        "ORDER BY c.id",
        {"q": hanzi},
    ).fetchall()
    cards = tuple(
        CardProgress(kind, state, reps, lapses,
                     datetime.fromtimestamp(due, timezone.utc) if due is not None else None, stability)
        for _, kind, state, reps, lapses, due, stability in rows
    )
    return WordProgress(tuple((r[0], r[1]) for r in lessons), cards)


def word_forms(conn: sqlite3.Connection) -> dict[int, set[str]]:
    """Every word in the learner's lessons: word id -> its hanzi in both scripts (each lesson's spelling).

    Which words are started or known is the study layer's one rule (study.statistics.word_recall).
    """
    forms: dict[int, set[str]] = {}
    for word, hanzi, traditional in conn.execute("SELECT word_id, hanzi, traditional FROM notes"):
        forms.setdefault(word, set()).update({hanzi, traditional} - {""})
    return forms
