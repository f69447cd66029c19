"""Example sentences in the learner's database, and which ones each word shows.

`sentences` holds imported pairs with their attribution (kept, and shown with the
sentence); `word_examples` records, per word (hanzi), the chosen sentence ids,
also when none fit, so a word is not searched again on every card. Must never
import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from lianxi.core.sentences import Sentence
from lianxi.store.db import transaction


# A sentence is shown once its import finished (or it came before imports were staged).
VISIBLE = "(import_batch IS NULL OR import_batch IN (SELECT batch FROM sentence_imports WHERE finished))"


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence shown with a word, with where it comes from."""

    chinese: str
    english: str
    attribution: str


class SentenceStore:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: an import adds its sentences and their choices together."""
        with transaction(self.conn) as conn:
            yield conn

    # An import stages its rows (import_batch set) in short transactions and makes them
    # visible in one small last step (its sentence_imports row marked finished); every
    # reader below sees visible rows only (VISIBLE).

    def clear_staged(self) -> None:
        """Remove rows a stopped import left staged (in short transactions)."""
        from lianxi.store.db import in_short_transactions

        ids = [r[0] for r in self.conn.execute(
            f"SELECT id FROM sentences WHERE import_batch IS NOT NULL AND NOT {VISIBLE}")]
        in_short_transactions(self.conn, ids, lambda batch: self.conn.executemany(
            "DELETE FROM sentences WHERE id = ?", [(i,) for i in batch]))
        with self.transaction() as c:
            c.execute("DELETE FROM sentence_imports WHERE NOT finished")

    def new_batch(self) -> int:
        with self.transaction() as c:
            return c.execute("INSERT INTO sentence_imports (finished) VALUES (0)").lastrowid

    def stage(self, batch: int, sentences: Sequence[Sentence]) -> None:
        """Insert sentences not already there (same Chinese), staged. No commit."""
        self.conn.executemany(
            "INSERT OR IGNORE INTO sentences (chinese, english, attribution, import_batch) VALUES (?, ?, ?, ?)",
            ((s.chinese, s.english, s.attribution, batch) for s in sentences),
        )

    def staged(self, batch: int) -> list[tuple[int, str]]:
        return self.conn.execute("SELECT id, chinese FROM sentences WHERE import_batch = ? ORDER BY id",
                                 (batch,)).fetchall()

    def publish(self, batch: int) -> int:
        """Make a staged import visible: one row (no commit: the caller's short transaction).

        Returns how many sentences it added."""
        self.conn.execute("UPDATE sentence_imports SET finished = 1 WHERE batch = ?", (batch,))
        return self.conn.execute("SELECT COUNT(*) FROM sentences WHERE import_batch = ?", (batch,)).fetchone()[0]

    def count(self) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM sentences WHERE {VISIBLE}").fetchone()[0]

    def all_chinese(self) -> list[tuple[int, str]]:
        return self.conn.execute(f"SELECT id, chinese FROM sentences WHERE {VISIBLE} ORDER BY id").fetchall()

    def chinese_of(self, ids: Iterable[int]) -> list[tuple[int, str]]:
        ids = list(ids)
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        return self.conn.execute(
            f"SELECT id, chinese FROM sentences WHERE id IN ({marks}) AND {VISIBLE}", ids).fetchall()

    def containing(self, hanzi: str, longest: int) -> list[tuple[int, str]]:
        """Sentences of at most `longest` characters that contain `hanzi` (a scan: one word at a time)."""
        return self.conn.execute(
            "SELECT id, chinese FROM sentences WHERE length(chinese) <= ? AND instr(chinese, ?) > 0 "
            f"AND {VISIBLE}",
            (longest, hanzi),
        ).fetchall()

    def lesson_words(self) -> list[str]:
        """Every word in the learner's lessons (hanzi), once."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT hanzi FROM notes WHERE NOT removed")]

    def known_words(self) -> set[str]:
        """Words the learner has answered at least once."""
        return {r[0] for r in self.conn.execute(
            "SELECT DISTINCT w.hanzi FROM words w JOIN cards c ON c.word_id = w.id WHERE c.reps > 0"
        )}

    def set_examples(self, chosen: dict[str, list[int]]) -> None:
        """Record each word's chosen sentences (no commit: the caller holds the transaction)."""
        self.conn.executemany(
            "INSERT INTO word_examples (hanzi, sentence_ids) VALUES (?, ?) "
            "ON CONFLICT (hanzi) DO UPDATE SET sentence_ids = excluded.sentence_ids",
            ((hanzi, json.dumps(ids)) for hanzi, ids in chosen.items()),
        )

    def set_all_examples(self, chosen: dict[str, list[int]]) -> None:
        """Record many words' choices in short transactions (each word's row is whole on its own)."""
        from lianxi.store.db import in_short_transactions

        in_short_transactions(self.conn, list(chosen.items()), lambda batch: self.set_examples(dict(batch)))

    def checked(self, hanzi: str) -> bool:
        return self.conn.execute("SELECT 1 FROM word_examples WHERE hanzi = ?", (hanzi,)).fetchone() is not None

    def examples(self, hanzi: str) -> list[Example]:
        """The sentences chosen for a word, best first."""
        row = self.conn.execute("SELECT sentence_ids FROM word_examples WHERE hanzi = ?", (hanzi,)).fetchone()
        ids = json.loads(row[0]) if row else []
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        found = {r[0]: Example(r[1], r[2], r[3]) for r in self.conn.execute(
            f"SELECT id, chinese, english, attribution FROM sentences WHERE id IN ({marks})", ids)}
        return [found[i] for i in ids if i in found]

    def words_with_examples(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM word_examples WHERE sentence_ids <> '[]'").fetchone()[0]
