"""Lessons, words, cards and reviews in the learner's database.

`sync` brings a lesson file's content in while keeping progress; `record`
stores one answer (card state + review row) as one transaction, so a crash
loses nothing already answered. Must never import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from lianxi.core.cards import KIND_ORDER, CardKind, DEFAULT_KINDS, StudyCard, kinds_for
from lianxi.core.lessons import Lesson, Reading, Word
from lianxi.core.pinyin import PinyinError, parse
from lianxi.core.schedule import Memory, State
from lianxi.store.db import transaction

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True, slots=True)
class SyncReport:
    lesson_id: str
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    created: bool = False


@dataclass(frozen=True, slots=True)
class LessonSummary:
    id: str
    title: str
    level: str
    source: str
    words: int
    due: int
    new: int
    studying: bool


def _ts(moment: datetime | None) -> float | None:
    return None if moment is None else moment.timestamp()


def _dt(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, timezone.utc)


_CARD_COLUMNS = (
    "c.id, c.note_id, c.lesson_id, c.kind, c.state, c.step, c.stability, c.difficulty, "
    "c.due, c.last_review, c.reps, c.lapses, n.hanzi, n.pinyin, n.numbered, n.english, "
    "n.traditional, n.measure_word, n.example, n.example_pinyin, n.example_english, n.note, n.other_readings"
)
_NOT_BURIED = (
    "NOT EXISTS (SELECT 1 FROM cards s WHERE s.note_id = c.note_id AND s.id <> c.id "
    "AND s.last_review >= :day_start)"
)


def _study_card(row: tuple) -> StudyCard:
    memory = Memory(
        state=State(row[4]), step=row[5], stability=row[6], difficulty=row[7],
        due=_dt(row[8]), last_review=_dt(row[9]),
    )
    return StudyCard(
        id=row[0], note_id=row[1], lesson_id=row[2], kind=CardKind(row[3]), memory=memory,
        reps=row[10], lapses=row[11], hanzi=row[12], pinyin=row[13], numbered=row[14],
        english=tuple(json.loads(row[15])), traditional=row[16], measure_word=row[17],
        example=row[18], example_pinyin=row[19], example_english=row[20], note=row[21],
        other_readings=other_readings(row[22]),
    )


def readings_json(word: Word) -> str:
    """A word's other readings as stored: [] for most words."""
    return json.dumps([{"pinyin": r.pinyin, "english": list(r.english), "traditional": r.traditional}
                       for r in word.other_readings], ensure_ascii=False)


def other_readings(stored: str) -> tuple[Reading, ...]:
    """The stored other readings back as Readings (the pinyin was checked when the lesson was read)."""
    if stored in ("", "[]"):
        return ()
    out = []
    for item in json.loads(stored):
        try:
            syllables = tuple(parse(item["pinyin"]))
        except PinyinError:
            continue
        out.append(Reading(item["pinyin"], syllables, tuple(item["english"]), item.get("traditional", "")))
    return tuple(out)


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
            return self._sync(lesson, studying)

    def sync_all(self, lessons: Sequence[Lesson], *, studying: bool = True) -> list[SyncReport]:
        """Import several lessons as one transaction: all of them or none."""
        with self.transaction():
            return [self._sync(lesson, studying) for lesson in lessons]

    def _sync(self, lesson: Lesson, studying: bool) -> SyncReport:
        c = self.conn
        row = c.execute("SELECT position, studying, card_kinds FROM lessons WHERE id = ?", (lesson.id,)).fetchone()
        created = row is None
        if created:
            position = c.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM lessons").fetchone()[0]
            kinds = list(DEFAULT_KINDS)
            c.execute(
                "INSERT INTO lessons (id, title, level, description, attribution, source, content_hash, "
                "position, studying, card_kinds, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (lesson.id, lesson.title, lesson.level, lesson.description, lesson.attribution,
                 lesson.source, lesson.content_hash, position, int(studying), json.dumps(kinds),
                 datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        else:
            position, was_studying, kinds_json = row
            studying = bool(was_studying)
            kinds = json.loads(kinds_json)
            c.execute(
                "UPDATE lessons SET title=?, level=?, description=?, attribution=?, source=?, content_hash=? "
                "WHERE id=?",
                (lesson.title, lesson.level, lesson.description, lesson.attribution, lesson.source,
                 lesson.content_hash, lesson.id),
            )
        existing = {
            r[0]: r for r in c.execute(
                "SELECT key, id, position, hanzi, pinyin, numbered, english, traditional, measure_word, "
                "example, example_pinyin, example_english, note, tags, removed, other_readings "
                "FROM notes WHERE lesson_id = ?",
                (lesson.id,),
            )
        }
        added = updated = unchanged = 0
        inserts = []
        for index, word in enumerate(lesson.words):
            values = (
                index, word.hanzi, word.pinyin, word.numbered, json.dumps(list(word.english), ensure_ascii=False),
                word.traditional, word.measure_word, word.example, word.example_pinyin,
                word.example_english, word.note, json.dumps(list(word.tags), ensure_ascii=False), 0,
                readings_json(word),
            )
            old = existing.pop(word.key, None)
            if old is None:
                inserts.append((lesson.id, word.key) + values)
                added += 1
            elif tuple(old[2:]) != values:
                c.execute(
                    "UPDATE notes SET position=?, hanzi=?, pinyin=?, numbered=?, english=?, traditional=?, "
                    "measure_word=?, example=?, example_pinyin=?, example_english=?, note=?, tags=?, removed=?, "
                    "other_readings=? WHERE id=?",
                    values + (old[1],),
                )
                updated += 1
            else:
                unchanged += 1
        c.executemany(
            "INSERT INTO notes (lesson_id, key, position, hanzi, pinyin, numbered, english, traditional, "
            "measure_word, example, example_pinyin, example_english, note, tags, removed, other_readings) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            inserts,
        )
        # Words gone from the file keep their progress, hidden, in case they come back.
        removed = [r[1] for r in existing.values() if not r[14]]
        c.executemany("UPDATE notes SET removed = 1 WHERE id = ?", [(i,) for i in removed])
        self._make_cards(lesson.id, position, bool(studying), [CardKind(k) for k in kinds])
        return SyncReport(lesson.id, added, updated, len(removed), unchanged, created)

    def _make_cards(self, lesson_id: str, position: int, studying: bool, kinds: Sequence[CardKind]) -> None:
        """Ensure each word has a card per enabled kind; set which are studied and in what order."""
        c = self.conn
        notes = c.execute(
            "SELECT id, position, example != '', removed FROM notes WHERE lesson_id = ?", (lesson_id,)
        ).fetchall()
        rows = []
        for note_id, note_pos, has_example, removed in notes:
            for kind in kinds_for(bool(has_example), tuple(kinds)):
                order = position * 1_000_000 + note_pos * 10 + KIND_ORDER.index(kind)
                rows.append((note_id, lesson_id, kind.value, order))
        c.executemany(
            "INSERT INTO cards (note_id, lesson_id, kind, new_order) VALUES (?,?,?,?) "
            "ON CONFLICT (note_id, kind) DO UPDATE SET new_order = excluded.new_order",
            rows,
        )
        # A card is studied when its lesson is, its word is still in the lesson, and its kind is on.
        # Listening cards are managed by the listening feature, not by the lesson's kinds.
        placeholders = ",".join("?" for _ in kinds) or "''"
        c.execute(
            f"UPDATE cards SET active = (? AND kind IN ({placeholders}) AND "
            "(SELECT NOT removed FROM notes n WHERE n.id = cards.note_id)) "
            f"WHERE lesson_id = ? AND kind <> ?",
            (int(studying), *[k.value for k in kinds], lesson_id, CardKind.LISTENING.value),
        )

    def set_studying(self, lesson_id: str, studying: bool) -> None:
        with self.transaction() as c:
            c.execute("UPDATE lessons SET studying = ? WHERE id = ?", (int(studying), lesson_id))
            self._refresh_cards(lesson_id)

    def card_kinds(self, lesson_id: str) -> tuple[CardKind, ...]:
        row = self.conn.execute("SELECT card_kinds FROM lessons WHERE id = ?", (lesson_id,)).fetchone()
        return tuple(CardKind(k) for k in json.loads(row[0])) if row else DEFAULT_KINDS

    def set_card_kinds(self, lesson_id: str, kinds: Sequence[CardKind]) -> None:
        with self.transaction() as c:
            c.execute("UPDATE lessons SET card_kinds = ? WHERE id = ?",
                      (json.dumps([CardKind(k).value for k in kinds]), lesson_id))
            self._refresh_cards(lesson_id)

    def _refresh_cards(self, lesson_id: str) -> None:
        row = self.conn.execute(
            "SELECT position, studying, card_kinds FROM lessons WHERE id = ?", (lesson_id,)
        ).fetchone()
        if row:
            self._make_cards(lesson_id, row[0], bool(row[1]), [CardKind(k) for k in json.loads(row[2])])

    def lesson_hashes(self) -> dict[str, tuple[str, str]]:
        """id -> (source, content hash) of every lesson in the database."""
        return {r[0]: (r[1], r[2]) for r in self.conn.execute("SELECT id, source, content_hash FROM lessons")}

    def lessons(self, now: datetime, day_start: datetime, new_left: int) -> list[LessonSummary]:
        """Every lesson in the database with its word, due and new counts."""
        rows = self.conn.execute(
            """
            SELECT l.id, l.title, l.level, l.source, l.studying,
              (SELECT COUNT(*) FROM notes n WHERE n.lesson_id = l.id AND NOT n.removed),
              (SELECT COUNT(*) FROM cards c WHERE c.lesson_id = l.id AND c.active AND c.state > 0
                 AND c.due <= :now AND """ + _NOT_BURIED + """),
              (SELECT COUNT(*) FROM cards c WHERE c.lesson_id = l.id AND c.active AND c.state = 0)
            FROM lessons l ORDER BY l.position
            """,
            {"now": now.timestamp(), "day_start": day_start.timestamp()},
        ).fetchall()
        return [
            LessonSummary(r[0], r[1], r[2], r[3], r[5], r[6], min(r[7], new_left) if r[4] else 0, bool(r[4]))
            for r in rows
        ]

    # -- the answer path ---------------------------------------------------

    def next_due(self, now: datetime, day_start: datetime, lesson_id: str | None = None,
                 skip: int | None = None) -> StudyCard | None:
        """The most overdue card (reviews and learning steps), siblings of today's cards left out."""
        where = "c.active = 1 AND c.state > 0 AND c.due <= :now AND " + _NOT_BURIED
        if lesson_id:
            where += " AND c.lesson_id = :lesson"
        if skip is not None:
            where += " AND c.id <> :skip"
        row = self.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id "
            f"WHERE {where} ORDER BY c.active, c.due LIMIT 1",
            {"now": now.timestamp(), "day_start": day_start.timestamp(), "lesson": lesson_id, "skip": skip},
        ).fetchone()
        return _study_card(row) if row else None

    def next_new(self, day_start: datetime, lesson_id: str | None = None) -> StudyCard | None:
        """The next card never seen, in lesson order, siblings of today's cards left out."""
        where = "c.active = 1 AND c.state = 0 AND " + _NOT_BURIED
        if lesson_id:
            where += " AND c.lesson_id = :lesson"
        row = self.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id "
            f"WHERE {where} ORDER BY c.active, c.new_order LIMIT 1",
            {"day_start": day_start.timestamp(), "lesson": lesson_id},
        ).fetchone()
        return _study_card(row) if row else None

    def card(self, card_id: int) -> StudyCard | None:
        row = self.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.id = ?",
            (card_id,),
        ).fetchone()
        return _study_card(row) if row else None

    def record(self, card: StudyCard, after: Memory, rating: int, now: datetime,
               duration_ms: int | None = None, answer: str | None = None) -> int:
        """Store one answer: the card's new memory and a review row, committed together."""
        lapses = card.lapses + (1 if rating == 1 and card.memory.state is State.REVIEW else 0)
        with self.transaction() as c:
            c.execute(
                "UPDATE cards SET state=?, step=?, stability=?, difficulty=?, due=?, last_review=?, "
                "reps=?, lapses=? WHERE id=?",
                (int(after.state), after.step, after.stability, after.difficulty, _ts(after.due),
                 _ts(after.last_review), card.reps + 1, lapses, card.id),
            )
            cur = c.execute(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, answer, was_new) "
                "VALUES (?,?,?,?,?,?)",
                (card.id, int(rating), now.timestamp(), duration_ms, answer, int(card.is_new)),
            )
            return cur.lastrowid

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

    def count_due(self, now: datetime, day_start: datetime, lesson_id: str | None = None) -> int:
        where = "c.active = 1 AND c.state > 0 AND c.due <= :now AND " + _NOT_BURIED
        if lesson_id:
            where += " AND c.lesson_id = :lesson"
        return self.conn.execute(
            f"SELECT COUNT(*) FROM cards c WHERE {where}",
            {"now": now.timestamp(), "day_start": day_start.timestamp(), "lesson": lesson_id},
        ).fetchone()[0]

    def count_new(self, lesson_id: str | None = None) -> int:
        sql = "SELECT COUNT(*) FROM cards WHERE active = 1 AND state = 0"
        args: tuple = ()
        if lesson_id:
            sql += " AND lesson_id = ?"
            args = (lesson_id,)
        return self.conn.execute(sql, args).fetchone()[0]

    def count_reviews_since(self, since: datetime) -> tuple[int, int]:
        """(answers given, new cards introduced) since a moment."""
        row = self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(was_new), 0) FROM reviews WHERE reviewed_at >= ?",
            (since.timestamp(),),
        ).fetchone()
        return row[0], row[1]

    def study_day_numbers(self, offset_seconds: float) -> list[int]:
        """Distinct study days with at least one answer, newest first (days since the epoch)."""
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT CAST((reviewed_at + ?) / 86400 AS INTEGER) AS d FROM reviews ORDER BY d DESC",
            (offset_seconds,),
        )]

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
