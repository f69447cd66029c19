"""Bringing a lesson file's content into the learner's database, keeping progress.

A lesson's entries (notes) are matched by key; each entry is a word (`words`: hanzi +
reading, `core.words.reading_key`), and each word has one card per kind, shared by every
lesson that lists it (see store/progress.py for the shape). No function here commits:
the caller holds the transaction. Must never import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import PurePath

from lianxi.core.cards import KIND_ORDER, CardKind, DEFAULT_KINDS, kinds_for
from lianxi.core.lessons import Lesson, Word
from lianxi.core.words import reading_key
from lianxi.store.queue import IN_LESSON


@dataclass(frozen=True, slots=True)
class SyncReport:
    lesson_id: str
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    created: bool = False


def readings_json(word: Word) -> str:
    """A word's other readings as stored: [] for most words."""
    return json.dumps([{"pinyin": r.pinyin, "english": list(r.english), "traditional": r.traditional}
                       for r in word.other_readings], ensure_ascii=False)


def _file_name(source: str) -> str:
    """What the database keeps of where a lesson came from.

    A bundled lesson's path inside the bundled folder ("first-course/first-01.toml"); for
    any other file only its name: a full path can hold the learner's account name.
    """
    if not source or not PurePath(source).is_absolute():
        return source
    return PurePath(source).name


# The place of each kind inside one word, for the new-card order.
_KIND_INDEX = "CASE cards.kind " + " ".join(f"WHEN '{k.value}' THEN {i}" for i, k in enumerate(KIND_ORDER)) + " END"
_ELIGIBLE_FOR_CARD = IN_LESSON.replace("c.kind", "cards.kind")
# The learner's listening-cards setting (the drills feature's; on unless turned off).
LISTENING_ON = (
    "COALESCE((SELECT json_extract(value, '$.listening_cards') FROM settings WHERE key = 'audio'), 1)"
)


def sync_lesson(c: sqlite3.Connection, lesson: Lesson, studying: bool) -> SyncReport:
    """Bring one checked lesson in (no commit): lesson row, entries, words, cards; progress kept."""
    source = _file_name(lesson.source)
    row = c.execute("SELECT position, studying, card_kinds FROM lessons WHERE id = ?", (lesson.id,)).fetchone()
    created = row is None
    if created:
        position = c.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM lessons").fetchone()[0]
        kinds = list(DEFAULT_KINDS)
        c.execute(
            "INSERT INTO lessons (id, title, level, description, attribution, source, content_hash, "
            "position, studying, card_kinds, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (lesson.id, lesson.title, lesson.level, lesson.description, lesson.attribution,
             source, lesson.content_hash, position, int(studying), json.dumps(kinds),
             datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
    else:
        kinds = json.loads(row[2])
        c.execute(
            "UPDATE lessons SET title=?, level=?, description=?, attribution=?, source=?, content_hash=? "
            "WHERE id=?",
            (lesson.title, lesson.level, lesson.description, lesson.attribution, source,
             lesson.content_hash, lesson.id),
        )
    existing = {
        r[0]: r for r in c.execute(
            "SELECT key, id, position, hanzi, pinyin, numbered, english, traditional, measure_word, "
            "example, example_pinyin, example_english, note, tags, removed, other_readings, word_id FROM notes "
            "WHERE lesson_id = ?",
            (lesson.id,),
        )
    }
    added = updated = unchanged = 0
    for index, word in enumerate(lesson.words):
        values = (
            index, word.hanzi, word.pinyin, word.numbered, json.dumps(list(word.english), ensure_ascii=False),
            word.traditional, word.measure_word, word.example, word.example_pinyin,
            word.example_english, word.note, json.dumps(list(word.tags), ensure_ascii=False), 0,
            readings_json(word),
        )
        old = existing.pop(word.key, None)
        if old is None:
            c.execute(
                "INSERT INTO notes (lesson_id, key, position, hanzi, pinyin, numbered, english, traditional, "
                "measure_word, example, example_pinyin, example_english, note, tags, removed, other_readings, "
                "word_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (lesson.id, word.key) + values + (_word_id(c, word.hanzi, word.numbered),),
            )
            added += 1
        elif tuple(old[2:16]) != values:
            word_id = _moved_word_id(c, old[1], old[16], word.hanzi, word.numbered)
            c.execute(
                "UPDATE notes SET position=?, hanzi=?, pinyin=?, numbered=?, english=?, traditional=?, "
                "measure_word=?, example=?, example_pinyin=?, example_english=?, note=?, tags=?, removed=?, "
                "other_readings=?, word_id=? WHERE id=?",
                values + (word_id, old[1]),
            )
            updated += 1
        else:
            unchanged += 1
    # Words gone from the file keep their progress, hidden, in case they come back.
    removed = [r[1] for r in existing.values() if not r[14]]
    c.executemany("UPDATE notes SET removed = 1 WHERE id = ?", [(i,) for i in removed])
    make_cards(c, lesson.id, [CardKind(k) for k in kinds])
    return SyncReport(lesson.id, added, updated, len(removed), unchanged, created)


def _word_id(c: sqlite3.Connection, hanzi: str, numbered: str) -> int:
    """The word these hanzi and this reading are (created on first sight)."""
    reading = reading_key(hanzi, numbered)
    c.execute("INSERT OR IGNORE INTO words (hanzi, reading) VALUES (?, ?)", (hanzi, reading))
    return c.execute("SELECT id FROM words WHERE hanzi = ? AND reading = ?", (hanzi, reading)).fetchone()[0]


def _moved_word_id(c: sqlite3.Connection, note_id: int, old_word: int, hanzi: str, numbered: str) -> int:
    """The word of an edited entry.

    A corrected reading (or hanzi) keeps the progress: when no other entry shares the old
    word and the new one is not known yet, the word itself is corrected. Otherwise the
    entry joins the word it now spells, and the old word keeps its progress for its other
    entries (or, unused, for the day the entry is changed back).
    """
    reading = reading_key(hanzi, numbered)
    same = c.execute("SELECT hanzi, reading FROM words WHERE id = ?", (old_word,)).fetchone()
    if same == (hanzi, reading):
        return old_word
    known = c.execute("SELECT id FROM words WHERE hanzi = ? AND reading = ?", (hanzi, reading)).fetchone()
    shared = c.execute("SELECT 1 FROM notes WHERE word_id = ? AND id <> ?", (old_word, note_id)).fetchone()
    if known is None and shared is None:
        c.execute("UPDATE words SET hanzi = ?, reading = ? WHERE id = ?", (hanzi, reading, old_word))
        return old_word
    return known[0] if known else _word_id(c, hanzi, numbered)


def make_cards(c: sqlite3.Connection, lesson_id: str, kinds: Sequence[CardKind]) -> None:
    """Ensure each word of the lesson has a card per kind it makes; then refresh those words' cards."""
    notes = c.execute(
        "SELECT id, word_id, example != '' FROM notes WHERE lesson_id = ? AND NOT removed", (lesson_id,)
    ).fetchall()
    rows = [
        (word_id, note_id, kind.value, 0)
        for note_id, word_id, has_example in notes
        for kind in kinds_for(bool(has_example), tuple(kinds))
        if kind is not CardKind.LISTENING  # listening cards are made by the listening feature
    ]
    c.executemany(
        "INSERT INTO cards (word_id, note_id, kind, new_order) VALUES (?,?,?,?) "
        "ON CONFLICT (word_id, kind) DO NOTHING",
        rows,
    )
    refresh_cards(c, "word_id IN (SELECT word_id FROM notes WHERE lesson_id = ?)", (lesson_id,))


def refresh_cards(c: sqlite3.Connection, where: str = "1", args: Sequence = ()) -> None:
    """Work out again which entry each card shows, its new-card order and whether it is studied.

    `where` picks the cards (SQL over `cards`). The entry and order come from the first
    lesson, by position, that the card belongs to; a card is studied when it belongs to
    one (a listening card also needs the learner's listening setting, which the drills
    feature keeps in settings "audio"). No commit: the caller holds the transaction.
    """
    first = (
        "SELECT {} FROM notes n JOIN lessons l ON l.id = n.lesson_id "
        f"WHERE n.word_id = cards.word_id AND {_ELIGIBLE_FOR_CARD} ORDER BY l.position, n.position LIMIT 1"
    )
    c.execute(
        f"""
        UPDATE cards SET
          note_id = COALESCE(({first.format('n.id')}), note_id),
          new_order = COALESCE(({first.format('l.position * 1000000 + n.position * 10')}) + {_KIND_INDEX},
                               new_order),
          active = EXISTS ({first.format('1')}) AND (kind <> 'listening' OR {LISTENING_ON})
        WHERE {where}
        """,
        tuple(args),
    )
