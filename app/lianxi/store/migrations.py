"""Every schema step of the learner's database, in one place, in the order they apply.

Registered as functions and recorded in the database through sqlite-utils' Migrations.
This module imports no feature module (the feature stores import it only through
store.db), so there is no import circle. Add a step at the end; never edit an applied one.
sqlite-utils is imported only when a step is pending, so start-up stays quick.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

MIGRATION_SET = "lianxi"


class MigrationList:
    """Our schema steps in order, applied through sqlite-utils' Migrations.

    Used as a decorator: `@migrations()` above `def m010_something(db): ...`.
    """

    table = "_sqlite_migrations"

    def __init__(self, name: str):
        self.name = name
        self.steps: list[tuple[str, Callable]] = []
        self.outside_transaction: set[str] = set()  # steps such as VACUUM that cannot run in one

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def register(fn: Callable) -> Callable:
            step = name or fn.__name__
            if any(known == step for known, _ in self.steps):
                raise ValueError(f"migration {step} is registered twice")
            self.steps.append((step, fn))
            if not transactional:
                self.outside_transaction.add(step)
            return fn

        return register

    def applied(self, conn: sqlite3.Connection) -> list[str]:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.table,)).fetchone()
        if not exists:
            return []
        return [r[0] for r in conn.execute(
            f"SELECT name FROM {self.table} WHERE migration_set = ? ORDER BY rowid", (self.name,))]

    def apply(self, conn: sqlite3.Connection) -> None:
        import sqlite_utils
        from sqlite_utils.migrations import Migrations

        runner = Migrations(self.name)
        for step, fn in self.steps:
            runner(name=step, transactional=step not in self.outside_transaction)(fn)
        runner.apply(sqlite_utils.Database(conn))


migrations = MigrationList(MIGRATION_SET)


@migrations()
def m001_study_loop(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE lessons (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            level TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            attribution TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            studying INTEGER NOT NULL DEFAULT 1,
            card_kinds TEXT NOT NULL DEFAULT '["recognition", "recall"]',
            added_at TEXT NOT NULL
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            lesson_id TEXT NOT NULL REFERENCES lessons(id),
            key TEXT NOT NULL,
            position INTEGER NOT NULL,
            hanzi TEXT NOT NULL,
            pinyin TEXT NOT NULL,
            numbered TEXT NOT NULL,
            english TEXT NOT NULL,
            traditional TEXT NOT NULL DEFAULT '',
            measure_word TEXT NOT NULL DEFAULT '',
            example TEXT NOT NULL DEFAULT '',
            example_pinyin TEXT NOT NULL DEFAULT '',
            example_english TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            removed INTEGER NOT NULL DEFAULT 0,
            UNIQUE (lesson_id, key)
        );
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id),
            lesson_id TEXT NOT NULL,
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
            UNIQUE (note_id, kind)
        );
        CREATE INDEX cards_due ON cards (active, due) WHERE state > 0;
        CREATE INDEX cards_new ON cards (active, new_order) WHERE state = 0;
        CREATE INDEX cards_note ON cards (note_id, last_review);
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            card_id INTEGER NOT NULL REFERENCES cards(id),
            rating INTEGER NOT NULL,
            reviewed_at REAL NOT NULL,
            duration_ms INTEGER,
            answer TEXT,
            was_new INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX reviews_time ON reviews (reviewed_at);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


@migrations()
def m010_drills(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE drill_answers (
            id INTEGER PRIMARY KEY,
            drill TEXT NOT NULL,
            item TEXT NOT NULL,
            prompt TEXT NOT NULL,
            expected TEXT NOT NULL,
            answer TEXT NOT NULL,
            correct INTEGER NOT NULL,
            note_id INTEGER REFERENCES notes(id),
            answered_at REAL NOT NULL,
            duration_ms INTEGER
        );
        CREATE INDEX drill_answers_drill ON drill_answers (drill, item);
        CREATE TABLE tone_confusion (
            heard INTEGER NOT NULL,
            answered INTEGER NOT NULL,
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (heard, answered)
        );
        """
    )


@migrations()
def m020_dictionary(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE dictionary_entries (
            id INTEGER PRIMARY KEY,
            simplified TEXT NOT NULL,
            traditional TEXT NOT NULL,
            pinyin TEXT NOT NULL,
            toned TEXT NOT NULL,
            toneless TEXT NOT NULL,
            english TEXT NOT NULL,
            hsk_rank INTEGER,
            hsk_level TEXT NOT NULL DEFAULT '',
            minor INTEGER NOT NULL DEFAULT 0,  -- core.dictionary: 0 word, NAME, POINTER
            popular INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE dictionary_glosses (
            key TEXT NOT NULL,
            entry_id INTEGER NOT NULL,
            weak INTEGER NOT NULL  -- the gloss had an aside: "(after a pronoun) hello"
        );
        CREATE TABLE dictionary_chars (
            char TEXT NOT NULL,
            entry_id INTEGER NOT NULL
        );
        CREATE VIRTUAL TABLE dictionary_english USING fts5(
            english, content='dictionary_entries', content_rowid='id', tokenize='porter unicode61'
        );
        CREATE TABLE dictionary_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


@migrations()
def m021_sentences(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            chinese TEXT NOT NULL UNIQUE,
            english TEXT NOT NULL,
            attribution TEXT NOT NULL
        );
        CREATE TABLE word_examples (
            hanzi TEXT PRIMARY KEY,
            sentence_ids TEXT NOT NULL  -- JSON list, best first; [] when no sentence fits
        );
        """
    )


@migrations()
def m022_dictionary_hanzi(db: sqlite_utils.Database) -> None:
    # Hanzi "contains" search moves to FTS5 (each character a token): a third of the build time.
    db.executescript(
        """
        DROP TABLE dictionary_chars;
        CREATE VIRTUAL TABLE dictionary_hanzi USING fts5(chars, content='', detail='full');
        DELETE FROM dictionary_info;
        """
    )


# -- dictionary/catalogue: m500..m599 ------------------------------------------------------


@migrations()
def m500_dictionary_index_leaves_progress(db: sqlite_utils.Database) -> None:
    # The CC-CEDICT index (45 MB) is a cache now, its own file in the cache folder, rebuilt
    # when missing; the progress file keeps progress (and "My words", a lesson like any other).
    db.executescript(
        """
        DROP TABLE IF EXISTS dictionary_english;
        DROP TABLE IF EXISTS dictionary_hanzi;
        DROP TABLE IF EXISTS dictionary_glosses;
        DROP TABLE IF EXISTS dictionary_chars;
        DROP TABLE IF EXISTS dictionary_entries;
        DROP TABLE IF EXISTS dictionary_info;
        """
    )


@migrations(transactional=False)
def m501_give_back_the_space(db: sqlite_utils.Database) -> None:
    # Dropped tables leave free pages that exports and backups would still copy: give them
    # back to the disk, only when there is something worth it (a fresh file has nothing).
    conn = db.conn
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    if free > 256 and free * 4 > pages:
        conn.execute("VACUUM")


# -- content (lesson format): m600..m699 ------------------------------------------------------


@migrations()
def m600_other_readings(db: sqlite_utils.Database) -> None:
    # A word may teach several readings (地 de / dì): the others, each with its meanings, as
    # JSON [{"pinyin": "dì", "english": ["earth"], "traditional": ""}, ...]; '[]' for most words.
    db.execute("ALTER TABLE notes ADD COLUMN other_readings TEXT NOT NULL DEFAULT '[]'")


# -- store (m100..m199) --------------------------------------------------------------------


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


@migrations()
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


@migrations()
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


@migrations()
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
# -- learning in view (m200..m299) ----------------------------------------------------------

# The leech threshold: lapses after which a card is tagged a leech and suspended (a setting;
# 0 = never). Read inside the triggers, so every path that writes an answer honours it.
_LEECH_THRESHOLD = (
    "COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'leech_threshold'), 8)"
)
# A card forgotten this often whose memory still lasts less than a day after relearning is a
# leech by memory (tagged, with a suggestion; not suspended).
LEECH_MEMORY_LAPSES = 4


def _tally(sign: str, row: str, kind: str, at: str, state: str | None = None, rating: str | None = None) -> str:
    """An upsert adding (sign '+') or taking back ('-') one answer in answer_tally."""
    reviewed = f"COALESCE({row}.{state} = 2, 0)" if state else "0"
    remembered = f"COALESCE({row}.{state} = 2 AND {row}.{rating} > 1, 0)" if state else "0"
    return (
        "INSERT INTO answer_tally (quarter, kind, answers, ms, reviewed, remembered) "
        f"VALUES (CAST({row}.{at} / 900 AS INTEGER), {kind}, {sign}1, {sign}MIN(COALESCE({row}.duration_ms, 0), 60000), "
        f"{sign}{reviewed}, {sign}{remembered}) "
        "ON CONFLICT (quarter, kind) DO UPDATE SET answers = answers + excluded.answers, ms = ms + excluded.ms, "
        "reviewed = reviewed + excluded.reviewed, remembered = remembered + excluded.remembered;"
    )


def _tally_triggers() -> list[str]:
    card_kind = "COALESCE((SELECT kind FROM cards WHERE id = {}.card_id), '')"
    out = []
    for table, at, kind_of, state, rating in (("reviews", "reviewed_at", card_kind, "state", "rating"),
                                               ("drill_answers", "answered_at", None, None, None)):
        def add(sign, row):
            kind = kind_of.format(row) if kind_of else "'drill'"
            return _tally(sign, row, kind, at, state, rating)

        columns = f"{at}, duration_ms" + (f", {state}, {rating}, card_id" if state else "")
        out += [
            f"CREATE TRIGGER {table}_tally_insert AFTER INSERT ON {table} BEGIN {add('+', 'NEW')} END",
            f"CREATE TRIGGER {table}_tally_delete AFTER DELETE ON {table} BEGIN {add('-', 'OLD')} END",
            f"CREATE TRIGGER {table}_tally_update AFTER UPDATE OF {columns} ON {table} "
            f"BEGIN {add('-', 'OLD')} {add('+', 'NEW')} END",
        ]
    return out


@migrations()
def m200_cards_in_hand(db: sqlite_utils.Database) -> None:
    """Suspend, bury, flag and leech marks on cards; each answer's card state; tones of typed answers.

    - cards: `suspended`, `buried_until` (timestamp: hidden from reviews until then),
      `flag` (0 none, 1 red, 2 orange, 3 green, 4 blue), `leech` (0 no, 1 forgotten too
      often: suspended, 2 memory stays under a day), `leech_at` (the answer that tagged it).
    - reviews: `state`, the card's state before the answer (0 new, 1 learning, 2 review,
      3 relearning; true retention counts answers to cards in review) and `due`, when the
      answer scheduled the card next. Old answers get `state` from their timing (an answer
      under 12 hours after the card's previous one was a learning step).
    - typed_tones: the tones read from each typed answer (review, syllable, asked, given).
    - Leeches are tagged by triggers on `cards`, so every way of writing an answer tags them
      in the answer's own transaction, and undoing that answer (its last review going back)
      takes the tag (and the leech's suspension) back.
    - answer_tally: answers, time (each answer at most a minute) and answers to cards in
      review (and how many were remembered) per quarter hour and card kind ('drill' for drill
      answers), kept by triggers as answers are written or undone, so the statistics read a
      few thousand rows instead of a million answers.
    """
    conn = db.conn
    statements = [
        "ALTER TABLE cards ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN buried_until REAL NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN flag INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN leech INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN leech_at REAL",
        "ALTER TABLE reviews ADD COLUMN state INTEGER",
        "ALTER TABLE reviews ADD COLUMN due REAL",
        """CREATE TABLE typed_tones (
            review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,  -- syllable; -1: the answer was read and says nothing of tones
            asked INTEGER NOT NULL,
            given INTEGER NOT NULL,
            PRIMARY KEY (review_id, position)
        ) WITHOUT ROWID""",
        "CREATE INDEX drill_answers_time ON drill_answers (answered_at, duration_ms)",
        """CREATE TABLE answer_tally (
            quarter INTEGER NOT NULL,  -- UTC timestamp // 900
            kind TEXT NOT NULL,  -- the card's kind, or 'drill'
            answers INTEGER NOT NULL DEFAULT 0,
            ms INTEGER NOT NULL DEFAULT 0,  -- each answer counts at most a minute
            reviewed INTEGER NOT NULL DEFAULT 0,  -- answers to cards that were in review (state 2)
            remembered INTEGER NOT NULL DEFAULT 0,  -- of those, Hard, Good or Easy
            PRIMARY KEY (quarter, kind)
        ) WITHOUT ROWID""",
        "CREATE INDEX reviews_typed ON reviews (id) WHERE answer IS NOT NULL",
        "CREATE INDEX cards_flagged ON cards (flag) WHERE flag > 0",
        "CREATE INDEX cards_held ON cards (suspended, leech) WHERE suspended > 0 OR leech > 0",
        """CREATE TEMP TABLE review_gaps AS SELECT id, was_new,
               reviewed_at - LAG(reviewed_at) OVER (PARTITION BY card_id ORDER BY reviewed_at, id) AS gap
           FROM reviews""",
        """UPDATE reviews SET state = CASE WHEN g.was_new THEN 0 WHEN g.gap IS NOT NULL AND g.gap < 43200 THEN 1
                                           ELSE 2 END
           FROM temp.review_gaps g WHERE g.id = reviews.id""",
        "DROP TABLE temp.review_gaps",
        """INSERT INTO answer_tally (quarter, kind, answers, ms, reviewed, remembered)
           SELECT CAST(r.reviewed_at / 900 AS INTEGER), c.kind, COUNT(*), SUM(MIN(COALESCE(r.duration_ms, 0), 60000)),
                  SUM(r.state = 2), SUM(r.state = 2 AND r.rating > 1)
           FROM reviews r JOIN cards c ON c.id = r.card_id GROUP BY 1, 2""",
        """INSERT INTO answer_tally (quarter, kind, answers, ms)
           SELECT CAST(answered_at / 900 AS INTEGER), 'drill', COUNT(*), SUM(MIN(COALESCE(duration_ms, 0), 60000))
           FROM drill_answers GROUP BY 1""",
        *_tally_triggers(),
        f"""CREATE TRIGGER leech_by_lapses AFTER UPDATE OF lapses ON cards
            WHEN NEW.lapses > OLD.lapses AND {_LEECH_THRESHOLD} > 0 AND NEW.lapses >= {_LEECH_THRESHOLD}
                 AND (NEW.lapses - {_LEECH_THRESHOLD}) % MAX({_LEECH_THRESHOLD} / 2, 1) = 0
            BEGIN
                UPDATE cards SET leech = 1, suspended = 1, leech_at = NEW.last_review WHERE id = NEW.id;
            END""",
        f"""CREATE TRIGGER leech_by_memory AFTER UPDATE OF state ON cards
            WHEN NEW.state = 2 AND OLD.state = 3 AND NEW.last_review > OLD.last_review
                 AND NEW.lapses >= {LEECH_MEMORY_LAPSES} AND NEW.stability < 1 AND NEW.leech = 0
            BEGIN
                UPDATE cards SET leech = 2, leech_at = NEW.last_review WHERE id = NEW.id;
            END""",
        f"""CREATE TRIGGER leech_undone AFTER UPDATE OF last_review ON cards
            WHEN NEW.leech > 0 AND NEW.leech_at IS NOT NULL
                 AND (NEW.last_review IS NULL OR NEW.last_review < NEW.leech_at)
            BEGIN
                UPDATE cards SET
                    suspended = CASE WHEN NEW.leech = 1 THEN 0 ELSE NEW.suspended END,
                    leech = CASE WHEN {_LEECH_THRESHOLD} > 0 AND NEW.lapses >= {_LEECH_THRESHOLD} THEN 1 ELSE 0 END,
                    leech_at = NULL
                WHERE id = NEW.id;
            END""",
    ]
    for statement in statements:
        conn.execute(statement)


@migrations()
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


@migrations()
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
