"""The study queue: which card a review shows next, and honest counts of what it will show.

One set of rules serves the review session, the home screen, `lessons list` and any
count a screen shows, so a count always equals what a review started there shows:

- A review shows cards due (most overdue first), then new cards in lesson order while
  today's new-card allowance lasts, then learning steps coming due within the learn-ahead
  window (`learn_ahead`, Anki's "learn ahead limit"). Only learning and relearning steps
  (FSRS states 1 and 3) come early that way: a review card is never shown before its
  study day, not even in the last minutes of the day before (see `due_by`). "Study
  ahead" asks for review cards early explicitly, by a later `until`.
- Siblings (the other cards of the same word) wait for tomorrow once one card of the word
  was answered today ("buried"), so at most one card a word is introduced or reviewed
  a day, apart from the learning steps of that card itself.
- A new card waits while its word has a card due (the review comes first, and then the
  new card is the word's sibling).
- So counts are counts of words: `due` = words with a card the review would show,
  `new` = words whose new card it would show.

Scope: everything the learner studies (`active` cards), or one lesson (cards whose word
the lesson lists, entry not removed, lesson studied, kind made by it: `IN_LESSON`).
The counts themselves are in store/counts.py. Must never import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from lianxi.core.cards import CardKind, StudyCard
from lianxi.core.lessons import Reading
from lianxi.core.pinyin import PinyinError, parse
from lianxi.core.schedule import Memory, State

# A card `c` belongs to lesson `l` through its entry `n` (n.word_id = c.word_id, n.lesson_id = l.id).
# store/counts.py has its Python twin (`makes`), for counting many lessons at once.
IN_LESSON = (
    "NOT n.removed AND l.studying "
    "AND (c.kind = 'listening' OR instr(l.card_kinds, '\"' || c.kind || '\"') > 0) "
    "AND (c.kind <> 'cloze' OR n.example <> '')"
)
# `c` waits because another card of its word was answered today.
BURIED = (
    "EXISTS (SELECT 1 FROM cards s WHERE s.word_id = c.word_id AND s.id <> c.id "
    "AND s.last_review >= :day_start)"
)

def due_by(alias: str = "c") -> str:
    """SQL: card `alias` may be shown: due by `:until`, or a learning or relearning step
    (FSRS states 1 and 3) due by `:learn_until` (`until` plus the learn-ahead window)."""
    steps = f"{int(State.LEARNING)}, {int(State.RELEARNING)}"
    return (f"{alias}.state > 0 AND {alias}.due <= :learn_until "
            f"AND ({alias}.due <= :until OR {alias}.state IN ({steps}))")


def window(until: datetime, learn_ahead: timedelta) -> dict[str, float]:
    """The parameters `due_by` reads."""
    return {"until": until.timestamp(), "learn_until": (until + max(learn_ahead, timedelta(0))).timestamp()}


# `c` is in hand: not suspended, not buried until a later day (the card browser's marks, m200).
IN_HAND = "NOT c.suspended AND c.buried_until <= :day_start"

CARD_COLUMNS = (
    "c.id, c.note_id, n.lesson_id, c.kind, c.state, c.step, c.stability, c.difficulty, "
    "c.due, c.last_review, c.reps, c.lapses, n.hanzi, n.pinyin, n.numbered, n.english, "
    "n.traditional, n.measure_word, n.example, n.example_pinyin, n.example_english, n.note, n.other_readings"
)


@dataclass(frozen=True, slots=True)
class Scope:
    """What a review covers: every studied card, or one lesson's; minus cards to skip."""

    lesson_id: str | None = None
    skip: tuple[int, ...] = ()  # cards answered whose answer is not stored yet: they and their siblings wait


@dataclass(frozen=True, slots=True)
class Counts:
    """Words a review would show, before today's limits (see `shown`)."""

    due: int = 0  # words with a card due that was not answered today
    again: int = 0  # words whose card answered today is due again (learning steps)
    new: int = 0  # words whose new card is waiting

    def shown(self, new_left: int, reviews_left: int | None = None) -> "Shown":
        """What the review shows once the daily new-card allowance and review cap apply."""
        fresh = self.due if reviews_left is None else min(self.due, max(reviews_left, 0))
        return Shown(due=self.again + fresh, new=min(self.new, max(new_left, 0)))


@dataclass(frozen=True, slots=True)
class Shown:
    due: int
    new: int


def _dt(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, timezone.utc)


def study_card(row: tuple) -> StudyCard:
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


def _source(scope: Scope) -> tuple[str, str]:
    """FROM and WHERE for a scope's cards with the entry they show (`c`, `n`)."""
    if scope.lesson_id is None:
        where = f"c.active = 1 AND {IN_HAND}"
        source = "cards c JOIN notes n ON n.id = c.note_id"
    else:  # the lesson's own entry is shown, with its glosses and example
        where = f"n.lesson_id = :lesson AND c.active = 1 AND {IN_HAND} AND {IN_LESSON}"
        source = "notes n JOIN lessons l ON l.id = n.lesson_id JOIN cards c ON c.word_id = n.word_id"
    if scope.skip:  # the sibling rule holds for them too, though the file does not know of the answer yet
        ids = ",".join(str(int(i)) for i in scope.skip)
        where += f" AND c.word_id NOT IN (SELECT word_id FROM cards WHERE id IN ({ids}))"
    return source, where


def next_due(conn: sqlite3.Connection, scope: Scope, until: datetime, day_start: datetime,
             answered_today_only: bool = False, learn_ahead: timedelta = timedelta(0)) -> StudyCard | None:
    """The most overdue card due by `until` (a learning step: by `until + learn_ahead`);
    with `answered_today_only`, only learning repeats."""
    source, where = _source(scope)
    where += f" AND {due_by()} AND NOT {BURIED}"
    if answered_today_only:
        where += " AND c.last_review >= :day_start"
    row = conn.execute(
        f"SELECT {CARD_COLUMNS} FROM {source} WHERE {where} ORDER BY c.active, c.due, c.word_id, c.id LIMIT 1",
        {**window(until, learn_ahead), "day_start": day_start.timestamp(), "lesson": scope.lesson_id},
    ).fetchone()
    return study_card(row) if row else None


def next_new(conn: sqlite3.Connection, scope: Scope, until: datetime, day_start: datetime,
             learn_ahead: timedelta = timedelta(0)) -> StudyCard | None:
    """The next new card in lesson order, unless its word waits (a sibling answered today or due)."""
    source, where = _source(scope)
    where += (
        f" AND c.state = 0 AND NOT {BURIED} AND NOT EXISTS (SELECT 1 FROM cards d WHERE d.word_id = c.word_id "
        f"AND d.active AND {due_by('d')} AND NOT d.suspended AND d.buried_until <= :day_start)"
    )
    row = conn.execute(
        f"SELECT {CARD_COLUMNS} FROM {source} WHERE {where} ORDER BY c.active, c.new_order, c.id LIMIT 1",
        {**window(until, learn_ahead), "day_start": day_start.timestamp(), "lesson": scope.lesson_id},
    ).fetchone()
    return study_card(row) if row else None


def card(conn: sqlite3.Connection, card_id: int) -> StudyCard | None:
    row = conn.execute(
        f"SELECT {CARD_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.id = ?", (card_id,)
    ).fetchone()
    return study_card(row) if row else None


@dataclass(frozen=True, slots=True)
class Waiting:
    held: int  # words whose new or due card waits for tomorrow: a sibling was answered today
    ahead: int  # words with a card not shown now that comes due by `ahead_until` (study ahead)


def waiting(conn: sqlite3.Connection, scope: Scope, until: datetime, ahead_until: datetime,
            day_start: datetime, learn_ahead: timedelta = timedelta(0)) -> Waiting:
    """What a review of `scope` does not show today, and why (for its "nothing to do" screen)."""
    source, where = _source(scope)
    params = {**window(until, learn_ahead), "ahead": ahead_until.timestamp(), "day_start": day_start.timestamp(),
              "lesson": scope.lesson_id}
    held = conn.execute(
        f"SELECT COUNT(DISTINCT c.word_id) FROM {source} WHERE {where} "
        f"AND (c.state = 0 OR ({due_by()})) AND {BURIED}",
        params,
    ).fetchone()[0]
    ahead = conn.execute(
        f"SELECT COUNT(DISTINCT c.word_id) FROM {source} WHERE {where} "
        f"AND c.state > 0 AND c.due <= :ahead AND NOT ({due_by()}) AND NOT {BURIED}",
        params,
    ).fetchone()[0]
    return Waiting(held, ahead)
