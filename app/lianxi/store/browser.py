"""The card browser's queries and actions over the learner's database.

Search turns a `core.card_search.CardQuery` into SQL: free text is matched against
every lesson entry of a card's word (hanzi, traditional, pinyin, glosses), so a word
studied from two lessons is found by either's wording. Actions (suspend, bury, flag,
reset) change cards only, each call one short transaction; the review history is
never touched. Must never import the UI or audio.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from lianxi.core.card_search import CardQuery
from lianxi.store.db import transaction

ROW_COLUMNS = (
    "c.id, n.hanzi, n.pinyin, n.english, c.kind, c.state, c.due, c.lapses, c.reps, c.suspended, "
    "c.buried_until, c.flag, c.leech, l.title, c.stability, c.last_review, "
    "(SELECT COUNT(*) FROM notes o WHERE o.word_id = c.word_id AND NOT o.removed), c.active"
)


@dataclass(frozen=True, slots=True)
class CardRow:
    id: int
    hanzi: str
    pinyin: str
    english: str  # JSON list, as stored
    kind: str
    state: int
    due: float | None
    lapses: int
    reps: int
    suspended: bool
    buried_until: float
    flag: int
    leech: int
    lesson: str  # title of the lesson whose entry the card shows
    stability: float | None
    last_review: float | None
    lessons: int  # how many lessons list the word
    active: bool = True  # False: no review shows it (its lessons are paused, or its kind is not studied)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(query: CardQuery, now: float) -> tuple[str, dict]:
    """WHERE over cards `c` for a query, with its parameters."""
    clauses: list[str] = []
    args: dict = {"now": now}
    text_parts = []
    for index, token in enumerate(query.text):
        name = f"t{index}"
        args[name] = _like(token)
        text_parts.append(
            f"(x.hanzi LIKE :{name} ESCAPE '\\' OR x.traditional LIKE :{name} ESCAPE '\\' "
            f"OR x.english LIKE :{name} ESCAPE '\\')"
        )
    matches = []
    if text_parts:
        matches.append(" AND ".join(text_parts))
    if query.pinyin is not None:
        # numbered pinyin always ends each syllable with its tone digit: without tones typed,
        # "_" stands for it ("ni hao" -> "% ni_ hao_ %"), so whole syllables match in any tone
        syllables = query.pinyin.syllables if query.pinyin.toned else [s + "_" for s in query.pinyin.syllables]
        args["py"] = "% " + " ".join(s.replace("%", "").replace("\\", "") for s in syllables) + " %"
        matches.append("(' ' || x.numbered || ' ') LIKE :py ESCAPE '\\'")
    if matches:
        clauses.append(
            "c.word_id IN (SELECT x.word_id FROM notes x WHERE NOT x.removed AND (" + " OR ".join(matches) + "))"
        )
    if query.lesson:
        args["lesson_like"] = _like(query.lesson)
        args["lesson_start"] = _like(query.lesson)[1:]  # an id's beginning: lesson:first-01, lesson:hsk2-1
        clauses.append(
            "c.word_id IN (SELECT y.word_id FROM notes y JOIN lessons ly ON ly.id = y.lesson_id "
            "WHERE NOT y.removed AND (ly.id LIKE :lesson_start ESCAPE '\\' "
            "OR ly.title LIKE :lesson_like ESCAPE '\\'))"
        )
    states = {
        "new": "c.state = 0",
        "learning": "c.state IN (1, 3)",
        # due: what a review would show now (a card of a paused lesson or a kind not studied is "off")
        "due": "(c.active AND c.state > 0 AND c.due <= :now AND NOT c.suspended AND c.buried_until <= :now)",
        "review": "c.state = 2",
        "suspended": "c.suspended",
        "leech": "c.leech > 0",
        "buried": "c.buried_until > :now",
        "off": "NOT c.active",
    }
    if query.states:
        clauses.append("(" + " OR ".join(states[s] for s in query.states) + ")")
    if query.flag is not None:
        clauses.append("c.flag > 0" if query.flag == -1 else "c.flag = :flag")
        args["flag"] = query.flag
    if query.kinds:
        clauses.append("c.kind IN (" + ",".join(f"'{k}'" for k in query.kinds) + ")")  # checked names only
    return (" AND ".join(clauses) or "1"), args


def search(conn: sqlite3.Connection, query: CardQuery, now: float, limit: int = 200) -> tuple[list[CardRow], int]:
    """Cards matching the query in study order (lesson, word, kind): the first `limit`, and how many in all."""
    where, args = _where(query, now)
    # the matching cards in order, counted as they are found: one pass over the cards
    matched = conn.execute(
        f"SELECT c.id FROM cards c WHERE {where} ORDER BY c.new_order, c.id", args).fetchall()
    shown = [r[0] for r in matched[:limit]]
    rows = {r[0]: r for r in conn.execute(
        f"SELECT {ROW_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id JOIN lessons l ON l.id = n.lesson_id "
        f"WHERE c.id IN ({_ids(shown)})")}
    return [CardRow(*rows[i][:9], bool(rows[i][9]), *rows[i][10:]) for i in shown], len(matched)


def row(conn: sqlite3.Connection, card_id: int) -> CardRow | None:
    found = conn.execute(
        f"SELECT {ROW_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id JOIN lessons l ON l.id = n.lesson_id "
        "WHERE c.id = ?",
        (card_id,),
    ).fetchone()
    return CardRow(*found[:9], bool(found[9]), *found[10:]) if found else None


@dataclass(frozen=True, slots=True)
class ReviewRow:
    at: float
    rating: int
    state: int | None  # the card's state before the answer (None: not known)
    due: float | None  # when the answer scheduled the card next (None: not known)
    duration_ms: int | None
    typed: str | None


def history(conn: sqlite3.Connection, card_id: int) -> list[ReviewRow]:
    """Every answer to a card, oldest first."""
    return [ReviewRow(*r) for r in conn.execute(
        "SELECT reviewed_at, rating, state, due, duration_ms, answer FROM reviews WHERE card_id = ? "
        "ORDER BY reviewed_at, id",
        (card_id,),
    )]


def lessons_of(conn: sqlite3.Connection, card_id: int) -> list[tuple[str, str]]:
    """(lesson id, title) of every lesson that lists the card's word, in course order."""
    return conn.execute(
        "SELECT l.id, l.title FROM cards c JOIN notes n ON n.word_id = c.word_id JOIN lessons l ON l.id = n.lesson_id "
        "WHERE c.id = ? AND NOT n.removed ORDER BY l.position",
        (card_id,),
    ).fetchall()


def difficulty(conn: sqlite3.Connection, card_id: int) -> float | None:
    found = conn.execute("SELECT difficulty FROM cards WHERE id = ?", (card_id,)).fetchone()
    return found[0] if found else None


# -- actions -----------------------------------------------------------------------------


def _ids(card_ids: Sequence[int]) -> str:
    return ",".join(str(int(i)) for i in card_ids) or "NULL"


def set_suspended(conn: sqlite3.Connection, card_ids: Sequence[int], suspended: bool) -> None:
    with transaction(conn) as c:
        c.execute(f"UPDATE cards SET suspended = ? WHERE id IN ({_ids(card_ids)})", (int(suspended),))


def bury(conn: sqlite3.Connection, card_ids: Sequence[int], until: float) -> None:
    """Keep cards out of reviews until a moment (the start of tomorrow's study day); 0 un-buries."""
    with transaction(conn) as c:
        c.execute(f"UPDATE cards SET buried_until = ? WHERE id IN ({_ids(card_ids)})", (until,))


def set_flag(conn: sqlite3.Connection, card_ids: Sequence[int], flag: int) -> None:
    with transaction(conn) as c:
        c.execute(f"UPDATE cards SET flag = ? WHERE id IN ({_ids(card_ids)})", (int(flag),))


def reset(conn: sqlite3.Connection, card_ids: Sequence[int]) -> None:
    """Back to new: the memory is forgotten (and a leech's tag and suspension with it); the history stays."""
    with transaction(conn) as c:
        c.execute(
            "UPDATE cards SET state = 0, step = NULL, stability = NULL, difficulty = NULL, due = NULL, "
            "last_review = NULL, reps = 0, lapses = 0, buried_until = 0, "
            "suspended = CASE WHEN leech = 1 THEN 0 ELSE suspended END, leech = 0, leech_at = NULL "
            f"WHERE id IN ({_ids(card_ids)})"
        )


def leeches(conn: sqlite3.Connection, limit: int = 500) -> list[CardRow]:
    """Cards tagged as leeches, most forgotten first."""
    rows = conn.execute(
        f"SELECT {ROW_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id JOIN lessons l ON l.id = n.lesson_id "
        "WHERE c.leech > 0 ORDER BY c.lapses DESC, c.id LIMIT ?",
        (limit,),
    ).fetchall()
    return [CardRow(*r[:9], bool(r[9]), *r[10:]) for r in rows]
