"""Store steps (m100..m199): one memory per word, lesson file names, sentence imports, count indexes."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one inside the migration's transaction.

    (sqlite3's executescript would COMMIT the open transaction first, so a step
    stopped half-way could stay half-applied.)
    """
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {statement!r}")


# Which lesson entry a card shows, and whether it is studied: a card belongs to every lesson
# that lists its word (entry not removed), is being studied, and makes that kind of card
# (a cloze also needs an example). Frozen here as m100 wrote it; store/progress.py keeps
# the living copy of the rule.
_M100_ELIGIBLE = (
    "NOT n.removed AND l.studying "
    "AND (cards.kind = 'listening' OR instr(l.card_kinds, '\"' || cards.kind || '\"') > 0) "
    "AND (cards.kind <> 'cloze' OR n.example <> '')"
)


def m100_one_memory_per_word(db: sqlite_utils.Database) -> None:
    """A word (hanzi + reading) in several lessons shares its cards and progress.

    New table `words`; `notes.word_id`; `cards` keyed by (word_id, kind) with `note_id`
    kept as the entry the card shows and `lesson_id` gone (a lesson's cards are found
    through its notes). Where two lessons held the same word, their cards of one kind
    merge: every review is kept and points at the card that survives (the one answered
    last), reps and lapses add up, and that card's memory is the word's memory.
    """
    from lianxi.core.words import reading_key

    conn = db.conn
    _script(
        conn,
        """
        CREATE TABLE words (
            id INTEGER PRIMARY KEY,
            hanzi TEXT NOT NULL,
            reading TEXT NOT NULL,  -- core.words.reading_key: numbered pinyin, 一/不 at citation tone
            UNIQUE (hanzi, reading)
        );
        ALTER TABLE notes ADD COLUMN word_id INTEGER REFERENCES words(id);
        """
    )
    for note_id, hanzi, numbered in conn.execute("SELECT id, hanzi, numbered FROM notes ORDER BY id").fetchall():
        reading = reading_key(hanzi, numbered)
        conn.execute("INSERT OR IGNORE INTO words (hanzi, reading) VALUES (?, ?)", (hanzi, reading))
        conn.execute(
            "UPDATE notes SET word_id = (SELECT id FROM words WHERE hanzi = ? AND reading = ?) WHERE id = ?",
            (hanzi, reading, note_id),
        )
    _script(
        conn,
        """
        CREATE INDEX notes_word ON notes (word_id);
        CREATE TEMP TABLE card_words AS
            SELECT c.*, n.word_id AS word_id,
                   ROW_NUMBER() OVER (PARTITION BY n.word_id, c.kind
                                      ORDER BY c.last_review IS NULL, c.last_review DESC, c.id) AS rank
            FROM cards c JOIN notes n ON n.id = c.note_id;
        CREATE INDEX temp.card_words_group ON card_words (word_id, kind, rank);
        CREATE TEMP TABLE survivors AS
            SELECT a.id AS old, b.id AS new FROM temp.card_words a
            JOIN temp.card_words b ON b.word_id = a.word_id AND b.kind = a.kind AND b.rank = 1
            WHERE a.rank > 1;
        CREATE INDEX temp.survivors_old ON survivors (old);
        UPDATE reviews SET card_id = (SELECT new FROM temp.survivors WHERE old = reviews.card_id)
            WHERE card_id IN (SELECT old FROM temp.survivors);
        CREATE TABLE cards_by_word (
            id INTEGER PRIMARY KEY,
            word_id INTEGER NOT NULL REFERENCES words(id),
            note_id INTEGER NOT NULL REFERENCES notes(id),  -- the lesson entry this card shows
            kind TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            new_order INTEGER NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due REAL,
            last_review REAL,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            UNIQUE (word_id, kind)
        );
        INSERT INTO cards_by_word (id, word_id, note_id, kind, active, new_order, state, step, stability,
                                   difficulty, due, last_review, reps, lapses)
            SELECT s.id, s.word_id, s.note_id, s.kind,
                   (SELECT MAX(active) FROM temp.card_words g WHERE g.word_id = s.word_id AND g.kind = s.kind),
                   (SELECT MIN(new_order) FROM temp.card_words g WHERE g.word_id = s.word_id AND g.kind = s.kind),
                   s.state, s.step, s.stability, s.difficulty, s.due, s.last_review,
                   (SELECT SUM(reps) FROM temp.card_words g WHERE g.word_id = s.word_id AND g.kind = s.kind),
                   (SELECT SUM(lapses) FROM temp.card_words g WHERE g.word_id = s.word_id AND g.kind = s.kind)
            FROM temp.card_words s WHERE s.rank = 1;
        DROP TABLE temp.card_words;
        DROP TABLE temp.survivors;
        DROP TABLE cards;
        ALTER TABLE cards_by_word RENAME TO cards;
        CREATE INDEX cards_due ON cards (active, due, word_id) WHERE state > 0;
        CREATE INDEX cards_new ON cards (active, new_order) WHERE state = 0;
        CREATE INDEX cards_word ON cards (word_id, last_review);
        CREATE INDEX cards_reviewed ON cards (last_review);
        CREATE INDEX reviews_card ON reviews (card_id, reviewed_at);
        """
    )
    first = (
        "SELECT {} FROM notes n JOIN lessons l ON l.id = n.lesson_id "
        f"WHERE n.word_id = cards.word_id AND {_M100_ELIGIBLE} ORDER BY l.position, n.position LIMIT 1"
    )
    kind_index = "CASE cards.kind " + " ".join(
        f"WHEN '{k}' THEN {i}" for i, k in enumerate(
            ("recognition", "recall", "listening", "type_pinyin", "type_hanzi", "cloze"))) + " END"
    listening_on = "COALESCE((SELECT json_extract(value, '$.listening_cards') FROM settings WHERE key = 'audio'), 1)"
    conn.execute(
        f"""
        UPDATE cards SET
          note_id = COALESCE(({first.format('n.id')}), note_id),
          new_order = COALESCE(({first.format('l.position * 1000000 + n.position * 10')}) + {kind_index}, new_order),
          active = EXISTS ({first.format('1')}) AND (kind <> 'listening' OR {listening_on})
        """
    )


def m101_lesson_file_names(db: sqlite_utils.Database) -> None:
    """An imported lesson is remembered by its file name only (a full path can hold the account name).

    Bundled lessons keep their place in the bundled folder ("first-course/first-01.toml").
    """
    conn = db.conn
    for lesson_id, source in conn.execute("SELECT id, source FROM lessons").fetchall():
        name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        absolute = source.startswith(("/", "\\", "~")) or (len(source) > 2 and source[1] == ":")
        if absolute and name != source:
            conn.execute("UPDATE lessons SET source = ? WHERE id = ?", (name, lesson_id))


def m102_staged_sentences(db: sqlite_utils.Database) -> None:
    """A sentence import writes in short batches, staged (`import_batch` set) until its last step.

    Readers see only rows with `import_batch IS NULL`; a stopped import leaves staged rows
    that the next import clears, never half an import on the cards.
    """
    _script(
        db.conn,
        """
        ALTER TABLE sentences ADD COLUMN import_batch INTEGER;
        CREATE INDEX sentences_batch ON sentences (import_batch) WHERE import_batch IS NOT NULL;
        """,
    )


def m103_covering_count_indexes(db: sqlite_utils.Database) -> None:
    """The due and new indexes carry what counting needs (word, kind, state, suspended,
    buried_until): a heavy learner's home screen counts 100,000 cards from the indexes
    alone, without reading the table."""
    _script(
        db.conn,
        """
        DROP INDEX cards_due;
        CREATE INDEX cards_due ON cards (active, due, word_id, kind, state, suspended, buried_until) WHERE state > 0;
        DROP INDEX cards_new;
        CREATE INDEX cards_new ON cards (active, new_order, word_id, kind, state, suspended, buried_until)
            WHERE state = 0;
        """,
    )


def m104_sentence_imports(db: sqlite_utils.Database) -> None:
    """A sentence import becomes visible by one small row (its batch finished), not by updating
    every sentence it added: the last step of an import of 30,000 sentences stays a few ms."""
    _script(
        db.conn,
        """
        CREATE TABLE sentence_imports (
            batch INTEGER PRIMARY KEY,
            finished INTEGER NOT NULL DEFAULT 0
        );
        """,
    )
