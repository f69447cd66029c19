"""Lessons, words, cards and reviews in the learner's database.

The shape (since migration m100, "one memory per word"):

- `words` (id, hanzi, reading): one row per word the learner studies, whichever lessons
  list it. `reading` is `core.words.reading_key` (numbered pinyin, 一/不 at citation tone),
  so 对不起 "duìbuqǐ" in one lesson and "duì bù qǐ" in another are one word.
- `notes`: a lesson's entry for a word (lesson_id, key, position, glosses, example...,
  `removed`) with `word_id`. Each lesson still lists its words; two lessons may gloss
  the same word differently.
- `cards`: one per (word_id, kind): the memory (FSRS state, due, reps, lapses). `note_id`
  is the entry the card shows: the word's entry in the first studied lesson (by lesson
  position) that makes that kind of card. There is no `cards.lesson_id`: a card belongs
  to a lesson when the lesson lists its word (entry not removed), is being studied and
  makes that kind (`IN_LESSON` below; a cloze also needs an example). `active` = it
  belongs to at least one lesson (listening cards: also the learner's listening setting).
- `reviews` (card_id, ...): append-only; a word's history is its cards' reviews.

Query a lesson's cards through its notes: `notes n JOIN lessons l ON l.id = n.lesson_id
JOIN cards c ON c.word_id = n.word_id WHERE n.lesson_id = ? AND <IN_LESSON>`, and count
words (DISTINCT c.word_id) where a count means "words". Siblings (the other cards of the
same word) are `cards s WHERE s.word_id = c.word_id AND s.id <> c.id`.

`sync` brings a lesson file's content in while keeping progress; `record` stores one
answer (card state + review row) as one transaction, so a crash loses nothing already
answered. Must never import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lianxi.core.cards import CardKind, DEFAULT_KINDS, StudyCard
from lianxi.core.lessons import Lesson
from lianxi.core.schedule import Memory, State
from lianxi.store import queue
from lianxi.store.db import transaction
from lianxi.store.counts import counts, everything, lesson_counts
from lianxi.store.queue import IN_LESSON, Counts, Scope, other_readings
from lianxi.store.sync import SyncReport, make_cards, readings_json, refresh_cards, sync_lesson

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["IN_LESSON", "Counts", "LessonSummary", "Progress", "Scope", "SyncReport", "other_readings",
           "readings_json"]


@dataclass(frozen=True, slots=True)
class LessonSummary:
    id: str
    title: str
    level: str
    source: str
    words: int
    due: int  # words a review of this lesson would show now (see queue.Counts)
    new: int
    studying: bool


def _ts(moment: datetime | None) -> float | None:
    return None if moment is None else moment.timestamp()


class Progress:
    """The learner's lessons and progress, over an open database."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    @property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils' view of the same connection, for features that want it (imported on demand)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
        with transaction(self.conn) as conn:
            yield conn

    # -- lessons ---------------------------------------------------------

    def sync(self, lesson: Lesson, *, studying: bool = True) -> SyncReport:
        with self.transaction():
            return sync_lesson(self.conn, lesson, studying)

    def sync_all(self, lessons: Sequence[Lesson], *, studying: bool = True) -> list[SyncReport]:
        """Store several checked lessons, each in its own short transaction.

        Each lesson is whole or absent (never half a lesson), and an answer given meanwhile
        waits for one lesson at most, not for all of them. Check them all before calling.
        """
        return [self.sync(lesson, studying=studying) for lesson in lessons]

    def refresh_cards(self, where: str = "1", args: Sequence = ()) -> None:
        """See store.sync.refresh_cards (no commit)."""
        refresh_cards(self.conn, where, args)

    def set_studying(self, lesson_id: str, studying: bool) -> None:
        with self.transaction() as c:
            c.execute("UPDATE lessons SET studying = ? WHERE id = ?", (int(studying), lesson_id))
            self._refresh_lesson(lesson_id)

    def card_kinds(self, lesson_id: str) -> tuple[CardKind, ...]:
        row = self.conn.execute("SELECT card_kinds FROM lessons WHERE id = ?", (lesson_id,)).fetchone()
        return tuple(CardKind(k) for k in json.loads(row[0])) if row else DEFAULT_KINDS

    def set_card_kinds(self, lesson_id: str, kinds: Sequence[CardKind]) -> None:
        with self.transaction() as c:
            c.execute("UPDATE lessons SET card_kinds = ? WHERE id = ?",
                      (json.dumps([CardKind(k).value for k in kinds]), lesson_id))
            self._refresh_lesson(lesson_id)

    def _refresh_lesson(self, lesson_id: str) -> None:
        row = self.conn.execute("SELECT card_kinds FROM lessons WHERE id = ?", (lesson_id,)).fetchone()
        if row:
            make_cards(self.conn, lesson_id, [CardKind(k) for k in json.loads(row[0])])

    def lesson_names(self) -> list[tuple[str, str, str, bool]]:
        """(id, title, level, studying) of every lesson in order, without counting anything."""
        return [(r[0], r[1], r[2], bool(r[3])) for r in self.conn.execute(
            "SELECT id, title, level, studying FROM lessons ORDER BY position")]

    def lesson_states(self) -> dict[str, bool]:
        """id -> being studied (not paused), for every lesson."""
        return {r[0]: bool(r[1]) for r in self.conn.execute("SELECT id, studying FROM lessons")}

    def lesson_hashes(self) -> dict[str, tuple[str, str]]:
        """id -> (source, content hash) of every lesson in the database."""
        return {r[0]: (r[1], r[2]) for r in self.conn.execute("SELECT id, source, content_hash FROM lessons")}

    def lessons(self, until: datetime, day_start: datetime, new_left: int,
                reviews_left: int | None = None, *, learn_ahead: timedelta = timedelta(0)) -> list[LessonSummary]:
        """Every lesson with its word count and the due and new words a review of it would show now."""
        return self._summaries(lesson_counts(self.conn, until, day_start, learn_ahead=learn_ahead),
                               new_left, reviews_left)

    def overview(self, until: datetime, day_start: datetime, new_left: int, reviews_left: int | None = None,
                 *, learn_ahead: timedelta = timedelta(0)) -> tuple[Counts, list[LessonSummary]]:
        """All lessons' counts together (before limits) and each lesson's summary, counted once."""
        total, per_lesson = everything(self.conn, until, day_start, learn_ahead)
        return total, self._summaries(per_lesson, new_left, reviews_left)

    def _summaries(self, counts: dict[str, Counts], new_left: int, reviews_left: int | None) -> list[LessonSummary]:
        words = dict(self.conn.execute("SELECT lesson_id, COUNT(*) FROM notes WHERE NOT removed GROUP BY lesson_id"))
        out = []
        for lesson_id, title, level, source, studying in self.conn.execute(
                "SELECT id, title, level, source, studying FROM lessons ORDER BY position"):
            shown = counts.get(lesson_id, Counts()).shown(new_left, reviews_left)
            out.append(LessonSummary(lesson_id, title, level, source, words.get(lesson_id, 0),
                                     shown.due, shown.new, bool(studying)))
        return out

    # -- the answer path ---------------------------------------------------

    def next_due(self, until: datetime, day_start: datetime, lesson_id: str | None = None,
                 skip: Sequence[int] = (), answered_today_only: bool = False,
                 learn_ahead: timedelta = timedelta(0)) -> StudyCard | None:
        """The most overdue card due by `until` (a learning step: by `until + learn_ahead`),
        siblings of today's cards left out (see store.queue)."""
        return queue.next_due(self.conn, Scope(lesson_id, tuple(skip)), until, day_start, answered_today_only,
                              learn_ahead)

    def next_new(self, until: datetime, day_start: datetime, lesson_id: str | None = None,
                 skip: Sequence[int] = (), learn_ahead: timedelta = timedelta(0)) -> StudyCard | None:
        """The next card never seen, in lesson order, unless its word waits (see store.queue)."""
        return queue.next_new(self.conn, Scope(lesson_id, tuple(skip)), until, day_start, learn_ahead)

    def card(self, card_id: int) -> StudyCard | None:
        return queue.card(self.conn, card_id)

    def record(self, card: StudyCard, after: Memory, rating: int, now: datetime,
               duration_ms: int | None = None, answer: str | None = None, *, wait: float | None = None) -> int:
        """Store one answer: the card's new memory and a review row, committed together.

        `wait`: seconds to wait for another writer before raising Busy (the answer path passes ~0.1).
        """
        lapses = card.lapses + (1 if rating == 1 and card.memory.state is State.REVIEW else 0)
        with transaction(self.conn, wait=wait) as c:
            c.execute(
                "UPDATE cards SET state=?, step=?, stability=?, difficulty=?, due=?, last_review=?, "
                "reps=?, lapses=? WHERE id=?",
                (int(after.state), after.step, after.stability, after.difficulty, _ts(after.due),
                 _ts(after.last_review), card.reps + 1, lapses, card.id),
            )
            cur = c.execute(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, answer, was_new, state, due) "
                "VALUES (?,?,?,?,?,?,?,?)",  # state: before the answer; due: as it scheduled (m200)
                (card.id, int(rating), now.timestamp(), duration_ms, answer, int(card.is_new),
                 int(card.memory.state), _ts(after.due)),
            )
            return cur.lastrowid

    def record_kept(self, kept: Sequence[dict]) -> int:
        """Store answers kept in a file while the database could not take them; each once, in order.

        An answer already stored (same card, same moment) is skipped; a card answered since
        keeps its newer state. Returns how many were added.
        """
        added = 0
        with self.transaction() as c:
            for a in kept:
                if c.execute("SELECT 1 FROM reviews WHERE card_id = ? AND reviewed_at = ?",
                             (a["card"], a["at"])).fetchone():
                    continue
                if not c.execute("SELECT 1 FROM cards WHERE id = ?", (a["card"],)).fetchone():
                    continue
                c.execute(
                    "UPDATE cards SET state=?, step=?, stability=?, difficulty=?, due=?, last_review=?, reps=?, "
                    "lapses=? WHERE id=? AND (last_review IS NULL OR last_review <= ?)",
                    (a["state"], a["step"], a["stability"], a["difficulty"], a["due"], a["last_review"],
                     a["reps"], a["lapses"], a["card"], a["at"]),
                )
                c.execute(
                    "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, answer, was_new) "
                    "VALUES (?,?,?,?,?,?)",
                    (a["card"], a["rating"], a["at"], a["duration_ms"], a["answer"], a["was_new"]),
                )
                added += 1
        return added

    def undo(self, card: StudyCard, review_id: int) -> None:
        """Put a card back as it was before an answer and drop that answer's review row."""
        m = card.memory
        with self.transaction() as c:
            c.execute(
                "UPDATE cards SET state=?, step=?, stability=?, difficulty=?, due=?, last_review=?, "
                "reps=?, lapses=? WHERE id=?",
                (int(m.state), m.step, m.stability, m.difficulty, _ts(m.due), _ts(m.last_review),
                 card.reps, card.lapses, card.id),
            )
            c.execute("DELETE FROM reviews WHERE id = ?", (review_id,))

    # -- counts --------------------------------------------------------------

    def counts(self, until: datetime, day_start: datetime, lesson_id: str | None = None,
               learn_ahead: timedelta = timedelta(0)) -> Counts:
        """Due and new words a review (of everything, or of one lesson) would show, before limits."""
        return counts(self.conn, until, day_start, lesson_id, learn_ahead)

    def waiting(self, until: datetime, ahead_until: datetime, day_start: datetime,
                lesson_id: str | None = None, learn_ahead: timedelta = timedelta(0)) -> queue.Waiting:
        """Words held back for their sibling today, and words coming due soon (study ahead)."""
        return queue.waiting(self.conn, Scope(lesson_id), until, ahead_until, day_start, learn_ahead)

    def count_reviews_since(self, since: datetime) -> tuple[int, int]:
        """(answers given, new cards introduced) since a moment."""
        row = self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(was_new), 0) FROM reviews WHERE reviewed_at >= ?",
            (since.timestamp(),),
        ).fetchone()
        return row[0], row[1]

    def count_cards_reviewed_since(self, since: datetime) -> int:
        """Cards already learned (not introduced that day) answered at least once since a moment.

        What the daily review cap counts: each such card was a word's review for the day.
        """
        return self.conn.execute(
            "SELECT COUNT(DISTINCT card_id) FROM reviews WHERE reviewed_at >= :since AND was_new = 0 "
            "AND card_id NOT IN (SELECT card_id FROM reviews WHERE reviewed_at >= :since AND was_new = 1)",
            {"since": since.timestamp()},
        ).fetchone()[0]

    def study_day_numbers(self, offset_seconds: float) -> list[int]:
        """Distinct study days with at least one answer, newest first (days since the epoch)."""
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT CAST((reviewed_at + ?) / 86400 AS INTEGER) AS d FROM reviews ORDER BY d DESC",
            (offset_seconds,),
        )]

    def answered_between(self, start: datetime, end: datetime) -> bool:
        """Whether any answer was given from `start` up to `end` (one probe of the reviews_time index)."""
        return self.conn.execute("SELECT 1 FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ? LIMIT 1",
                                 (start.timestamp(), end.timestamp())).fetchone() is not None

    def traditional_forms(self) -> dict[int, str]:
        """note id -> traditional form, for learners who read traditional characters."""
        return dict(self.conn.execute("SELECT id, traditional FROM notes WHERE traditional <> ''"))

    # -- settings --------------------------------------------------------------

    def setting(self, key: str, default=None):
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )
