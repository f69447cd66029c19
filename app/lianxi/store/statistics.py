"""The queries behind the statistics screen and `lianxi stats`, over the learner's database.

Each returns plain tuples grouped as coarsely as the figure allows (answers by quarter
hour, cards by word), so the screen's data stays quick on a 1,000,000-answer history;
the study layer turns quarter hours into the learner's study days. Read-only, except
`save_typed_tones`, which keeps the tones read from typed answers once so they are
not graded again. Must never import the UI or audio.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

# An answer counts at most this long: a card left on screen during a tea break is not study.
ANSWER_CAP_MS = 60_000
QUARTER = 900


def answers_by_quarter(conn: sqlite3.Connection, since: float) -> list[tuple[int, int, int]]:
    """(quarter hour, answers, milliseconds) of reviews and drill answers since a moment (answer_tally)."""
    return conn.execute(
        "SELECT quarter, SUM(answers), SUM(ms) FROM answer_tally WHERE quarter >= :q GROUP BY quarter "
        "HAVING SUM(answers) > 0 ORDER BY quarter",
        {"q": int(since // QUARTER)},
    ).fetchall()


def answers_by_day(conn: sqlite3.Connection, runs: Sequence) -> list[tuple[int, int, int]]:
    """(study day number, answers, milliseconds) over runs of 24-hour study days (core.statistics.day_runs).

    The day is worked out in SQL, one query a run, so a long history is summed where it lies.
    Study days begin on a quarter hour in every time zone, so each quarter falls in one day.
    """
    out = []
    for run in runs:
        out += conn.execute(
            "SELECT :first + CAST((quarter * 900 - :start) / 86400 AS INTEGER) AS day, SUM(answers), SUM(ms) "
            "FROM answer_tally WHERE quarter >= :a AND quarter < :b GROUP BY day HAVING SUM(answers) > 0",
            {"first": run.first, "start": run.start, "a": int(run.start // QUARTER), "b": int(run.end // QUARTER)},
        ).fetchall()
    return out


def answered_between(conn: sqlite3.Connection, since: float, until: float) -> bool:
    """Whether anything was answered in [since, until) (a day of a long streak)."""
    return conn.execute(
        "SELECT EXISTS (SELECT 1 FROM answer_tally WHERE quarter >= :s AND quarter < :u AND answers > 0)",
        {"s": int(since // QUARTER), "u": int(until // QUARTER)},
    ).fetchone()[0] == 1


def due_words(conn: sqlite3.Connection, until: float) -> list[tuple[int, float]]:
    """(word, due) of each studied card coming due before `until` (overdue ones included).

    Suspended cards are left out; a buried card counts where it is due (tomorrow at the
    earliest, as burying only moves it out of today).
    """
    return conn.execute(
        "SELECT word_id, MAX(due, buried_until) FROM cards "
        "WHERE active AND state > 0 AND NOT suspended AND due < :until",
        {"until": until},
    ).fetchall()


def due_words_by_day(conn: sqlite3.Connection, runs: Sequence, today_start: float) -> list[tuple[int, int]]:
    """(study day number, words due) over runs of 24-hour study days; overdue words count for today.

    A word counts once a day however many of its cards are due that day (a review shows
    one card of a word a day). Suspended cards are left out; a buried one counts where it
    comes back.
    """
    out = []
    when = "MAX(due, buried_until, :today)"
    for run in runs:
        out += conn.execute(
            f"SELECT :first + CAST(({when} - :start) / 86400 AS INTEGER) AS day, COUNT(DISTINCT word_id) FROM cards "
            f"WHERE active AND state > 0 AND NOT suspended AND due < :end AND {when} >= :start GROUP BY day",
            {"first": run.first, "start": run.start, "end": run.end, "today": today_start},
        ).fetchall()
    return out


def retention(conn: sqlite3.Connection, since: float) -> list[tuple[str, int, int]]:
    """(card kind, reviews, remembered) of answers since a moment to cards that were in review.

    Only answers given when the card was in review (state 2 before the answer) count:
    that is "true retention", comparable with the desired retention. Learning steps do
    not count. Remembered = Hard, Good or Easy. `since` is a study day's start, which
    falls on a quarter hour in every time zone.
    """
    return conn.execute(
        "SELECT kind, SUM(reviewed), SUM(remembered) FROM answer_tally WHERE quarter >= :q AND kind <> 'drill' "
        "GROUP BY kind HAVING SUM(reviewed) > 0 ORDER BY kind",
        {"q": int(since // QUARTER)},
    ).fetchall()


def words(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(word, hanzi, reading) of every word the learner has."""
    return conn.execute("SELECT id, hanzi, reading FROM words").fetchall()


def card_memories(conn: sqlite3.Connection) -> list[tuple[int, int, float | None, float | None]]:
    """(word, state, stability, last review) of every card started, whatever its lessons."""
    return conn.execute("SELECT word_id, state, stability, last_review FROM cards WHERE state > 0").fetchall()


# -- tones ------------------------------------------------------------------------------


def unread_typed_answers(conn: sqlite3.Connection) -> list[tuple]:
    """Typed answers whose tones are not read yet: (review, kind, typed, hanzi, numbered, english, traditional)."""
    return conn.execute(
        # from the typed answers (a partial index holds only those), never from every answer
        "SELECT r.id, c.kind, r.answer, n.hanzi, n.numbered, n.english, n.traditional FROM reviews r "
        "CROSS JOIN cards c ON c.id = r.card_id CROSS JOIN notes n ON n.id = c.note_id "
        "WHERE r.answer IS NOT NULL AND r.answer <> '' "
        "AND NOT EXISTS (SELECT 1 FROM typed_tones t WHERE t.review_id = r.id)"
    ).fetchall()


def save_typed_tones(conn: sqlite3.Connection, rows: Iterable[tuple[int, int, int, int]]) -> None:
    """Keep (review, syllable position, tone asked, tone given); position -1 = read, no tones in it.

    No transaction of its own: the caller holds one.
    """
    conn.executemany(
        "INSERT OR IGNORE INTO typed_tones (review_id, position, asked, given) VALUES (?,?,?,?)", list(rows))


def typed_tone_counts(conn: sqlite3.Connection) -> list[tuple[int, int, int]]:
    """(tone asked, tone given, count) over every typed answer read so far."""
    return conn.execute(
        "SELECT asked, given, COUNT(*) FROM typed_tones WHERE position >= 0 GROUP BY asked, given").fetchall()


def typed_tone_sequences(conn: sqlite3.Connection) -> list[tuple[int, int, int, int]]:
    """(review, position, asked, given) of typed answers, in order (for tone pairs)."""
    return conn.execute(
        "SELECT review_id, position, asked, given FROM typed_tones WHERE position >= 0 ORDER BY review_id, position"
    ).fetchall()


def drill_tone_counts(conn: sqlite3.Connection) -> list[tuple[int, int, int]]:
    """(tone heard, tone answered, count) from the tone drills (tones, pairs, dictation)."""
    return conn.execute("SELECT heard, answered, count FROM tone_confusion").fetchall()


def pair_drill_answers(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """(tone pair, times asked, times missed) from the tone-pair drill."""
    return conn.execute(
        "SELECT item, COUNT(*), SUM(1 - correct) FROM drill_answers WHERE drill = 'pairs' GROUP BY item"
    ).fetchall()


def today_answers(conn: sqlite3.Connection, since: float) -> tuple[int, int, int, int]:
    """(answers, cards, words, answers remembered) of reviews since a moment."""
    row = conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT r.card_id), COUNT(DISTINCT c.word_id), COALESCE(SUM(r.rating > 1), 0) "
        "FROM reviews r CROSS JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= :since",
        {"since": since},
    ).fetchone()
    return tuple(row)


def session_answers(conn: sqlite3.Connection, review_ids: Sequence[int]) -> list[tuple]:
    """The answers with these ids, oldest first: (card, word, kind, rating, duration ms, typed, was new,
    hanzi, pinyin, numbered, english json, traditional), the word as the card shows it."""
    ids = [int(i) for i in review_ids if i is not None]
    if not ids:
        return []
    out = []
    for first in range(0, len(ids), 500):  # SQLite's limit on parameters
        chunk = ids[first:first + 500]
        marks = ",".join("?" for _ in chunk)
        out += conn.execute(
            "SELECT r.card_id, c.word_id, c.kind, r.rating, r.duration_ms, r.answer, r.was_new, n.hanzi, n.pinyin, "
            "n.numbered, n.english, n.traditional, r.id FROM reviews r JOIN cards c ON c.id = r.card_id "
            f"JOIN notes n ON n.id = c.note_id WHERE r.id IN ({marks})",
            chunk,
        ).fetchall()
    out.sort(key=lambda r: r[-1])
    return [r[:-1] for r in out]


def new_leeches(conn: sqlite3.Connection, card_ids: Sequence[int], since: float) -> list[tuple]:
    """(hanzi, kind, leech, lapses) of these cards tagged leeches at or after a moment, most forgotten first."""
    ids = sorted({int(i) for i in card_ids})
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    return conn.execute(
        f"SELECT n.hanzi, c.kind, c.leech, c.lapses FROM cards c JOIN notes n ON n.id = c.note_id "
        f"WHERE c.id IN ({marks}) AND c.leech > 0 AND c.leech_at >= ? ORDER BY c.lapses DESC",
        (*ids, since),
    ).fetchall()
