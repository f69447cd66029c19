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

    def add(self, sentences: Sequence[Sentence]) -> int:
        """Insert sentences not already there (same Chinese); returns how many were new. No commit."""
        before = self.count()
        self.conn.executemany(
            "INSERT OR IGNORE INTO sentences (chinese, english, attribution) VALUES (?, ?, ?)",
            ((s.chinese, s.english, s.attribution) for s in sentences),
        )
        return self.count() - before

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]

    def all_chinese(self) -> list[tuple[int, str]]:
        return self.conn.execute("SELECT id, chinese FROM sentences ORDER BY id").fetchall()

    def chinese_of(self, ids: Iterable[int]) -> list[tuple[int, str]]:
        ids = list(ids)
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        return self.conn.execute(f"SELECT id, chinese FROM sentences WHERE id IN ({marks})", ids).fetchall()

    def containing(self, hanzi: str, longest: int) -> list[tuple[int, str]]:
        """Sentences of at most `longest` characters that contain `hanzi` (a scan: one word at a time)."""
        return self.conn.execute(
            "SELECT id, chinese FROM sentences WHERE length(chinese) <= ? AND instr(chinese, ?) > 0",
            (longest, hanzi),
        ).fetchall()

    def lesson_words(self) -> list[str]:
        """Every word in the learner's lessons (hanzi), once."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT hanzi FROM notes WHERE NOT removed")]

    def known_words(self) -> set[str]:
        """Words the learner has answered at least once."""
        return {r[0] for r in self.conn.execute(
            "SELECT DISTINCT n.hanzi FROM notes n JOIN cards c ON c.note_id = n.id WHERE c.reps > 0"
        )}

    def set_examples(self, chosen: dict[str, list[int]]) -> None:
        """Record each word's chosen sentences (no commit: the caller holds the transaction)."""
        self.conn.executemany(
            "INSERT INTO word_examples (hanzi, sentence_ids) VALUES (?, ?) "
            "ON CONFLICT (hanzi) DO UPDATE SET sentence_ids = excluded.sentence_ids",
            ((hanzi, json.dumps(ids)) for hanzi, ids in chosen.items()),
        )

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
