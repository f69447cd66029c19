"""The scheduler's queries: the review log for the optimizer, due counts per day, rescheduling.

Rescheduling writes every review card's new memory and due date, and the parameters
that produced them, in ONE short transaction: a set-based UPDATE from a temporary
table filled beforehand (temporary tables belong to this connection and lock nothing),
so a kill at any moment leaves either the old schedule or the new one, never a mix,
and answers wait only for the UPDATE itself. Must never import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lianxi.store.db import transaction

PARAMETERS_KEY = "fsrs_parameters"


@dataclass(frozen=True, slots=True)
class CardMemory:
    """A studied card's memory as stored, for rescheduling."""

    id: int
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: float | None
    last_review: float | None
    reps: int


@dataclass(frozen=True, slots=True)
class NewMemory:
    """What rescheduling writes for one card; `reps` guards against an answer given meanwhile."""

    id: int
    stability: float
    difficulty: float
    due: float | None
    reps: int


def review_log(conn: sqlite3.Connection) -> Iterator[tuple[int, int, float]]:
    """Every kept answer as (card id, rating, reviewed_at), by card then time.

    Undone answers are not here: undo deletes their review row.
    """
    return conn.execute("SELECT card_id, rating, reviewed_at FROM reviews ORDER BY card_id, reviewed_at")


def count_answers(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]


def studied_cards(conn: sqlite3.Connection) -> list[CardMemory]:
    """Every card that has left the new state (review, learning and relearning cards)."""
    return [CardMemory(*row) for row in conn.execute(
        "SELECT id, state, step, stability, difficulty, due, last_review, reps FROM cards WHERE state > 0"
    )]


def count_cards(conn: sqlite3.Connection) -> tuple[int, int]:
    """(cards studied now (active), of which never seen) for the workload simulation."""
    row = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(state = 0), 0) FROM cards WHERE active = 1"
    ).fetchone()
    return row[0], row[1]


def due_times(conn: sqlite3.Connection, since: float, until: float) -> list[tuple[float, int]]:
    """(due time, number of active studied cards due then) within [since, until).

    Only the due index is read (learning steps are due within minutes, so from tomorrow
    on these are review cards); due times are day starts, so there are few groups.
    """
    return conn.execute(
        "SELECT due, COUNT(*) FROM cards WHERE active = 1 AND state > 0 AND due >= ? AND due < ? GROUP BY due",
        (since, until),
    ).fetchall()


def answer_quarter_hours(conn: sqlite3.Connection) -> list[int]:
    """Distinct quarter hours (Unix time // 900) with at least one answer, newest first.

    A day boundary always falls on a quarter hour, so these map onto study days with
    the zone offset of each moment (the streak must follow daylight-saving changes).
    """
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT CAST(reviewed_at / 900 AS INTEGER) AS q FROM reviews ORDER BY q DESC"
    )]


def review_dues(conn: sqlite3.Connection) -> list[tuple[int, float]]:
    """(card id, due) of every review card."""
    return conn.execute("SELECT id, due FROM cards WHERE state = 2 AND due IS NOT NULL").fetchall()


def move_dues(conn: sqlite3.Connection, moves: list[tuple[float, int]], settings: dict | None = None) -> None:
    """Set (due, card id) pairs, and settings, in one transaction."""
    with transaction(conn):
        conn.executemany("UPDATE cards SET due = ? WHERE id = ? AND state = 2", moves)
        for key, value in (settings or {}).items():
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )


# One set-based UPDATE; a card answered since its new memory was worked out (reps moved on) is left.
_UPDATE_FROM = (
    "UPDATE cards SET stability = n.stability, difficulty = n.difficulty, due = COALESCE(n.due, cards.due) "
    "FROM temp.new_schedule n WHERE n.id = cards.id AND n.reps = cards.reps"
)
_UPDATE_EXISTS = (  # SQLite before 3.33 has no UPDATE ... FROM
    "UPDATE cards SET (stability, difficulty, due) = "
    "(SELECT n.stability, n.difficulty, COALESCE(n.due, cards.due) FROM temp.new_schedule n WHERE n.id = cards.id) "
    "WHERE EXISTS (SELECT 1 FROM temp.new_schedule n WHERE n.id = cards.id AND n.reps = cards.reps)"
)


def write_schedule(conn: sqlite3.Connection, cards: Iterable[NewMemory], settings: dict | None = None) -> int:
    """Write new memories and due dates (and settings) all at once; returns the cards changed.

    A card answered since its new memory was worked out (its reps moved on) keeps the
    memory that answer gave it.
    """
    conn.execute("DROP TABLE IF EXISTS temp.new_schedule")
    conn.execute(
        "CREATE TEMP TABLE new_schedule (id INTEGER PRIMARY KEY, stability REAL, difficulty REAL, "
        "due REAL, reps INTEGER)"
    )
    try:
        conn.execute("BEGIN")  # the temporary table only: no lock on the learner's database
        conn.executemany(
            "INSERT INTO temp.new_schedule VALUES (?, ?, ?, ?, ?)",
            ((c.id, c.stability, c.difficulty, c.due, c.reps) for c in cards),
        )
        conn.execute("COMMIT")
        cache = conn.execute("PRAGMA main.cache_size").fetchone()[0]
        conn.execute("PRAGMA main.cache_size = -65536")  # the whole change in memory until COMMIT
        try:
            with transaction(conn):
                changed = conn.execute(_UPDATE_FROM if sqlite3.sqlite_version_info >= (3, 33) else _UPDATE_EXISTS).rowcount
                for key, value in (settings or {}).items():
                    conn.execute(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, json.dumps(value, ensure_ascii=False)),
                    )
        finally:
            conn.execute(f"PRAGMA main.cache_size = {cache}")
        return changed
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("DROP TABLE IF EXISTS temp.new_schedule")
