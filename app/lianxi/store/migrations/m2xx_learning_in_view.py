"""Learning-in-view steps (m200..m299): suspend, bury, flag, leeches, typed tones, answer tallies."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


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
