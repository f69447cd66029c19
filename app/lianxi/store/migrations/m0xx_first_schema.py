"""The first schema (m001..m099): lessons, notes, cards, reviews, settings, drills, sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


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


def m022_dictionary_hanzi(db: sqlite_utils.Database) -> None:
    # Hanzi "contains" search moves to FTS5 (each character a token): a third of the build time.
    db.executescript(
        """
        DROP TABLE dictionary_chars;
        CREATE VIRTUAL TABLE dictionary_hanzi USING fts5(chars, content='', detail='full');
        DELETE FROM dictionary_info;
        """
    )
