"""Drill answers, the tone confusion table, and the listening cards, in the learner's database.

Every drill answer is one row (what was played, what was expected, what was answered);
tone answers also add to `tone_confusion` (tone heard x tone answered) in the same
transaction. Listening cards are ordinary cards of kind "listening" that this module
creates and switches on or off. Must never import the UI or audio.
"""

from __future__ import annotations

import json

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime


from lianxi.core.cards import KIND_ORDER, CardKind
from lianxi.store.progress import Progress


@dataclass(frozen=True, slots=True)
class DrillAnswer:
    drill: str
    item: str  # what the statistics group by: a tone, a pair class, a contrast, a word
    prompt: str  # what was played
    expected: str
    answer: str
    correct: bool
    note_id: int | None = None
    duration_ms: int | None = None


class DrillLog:
    """The learner's drill answers and tone confusion, over the same database as Progress."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.conn = progress.conn

    def record(self, answer: DrillAnswer, now: datetime, tones: Iterable[tuple[int, int]] = ()) -> int:
        """Store one answer and its tones (heard, answered), committed together."""
        with self.progress.transaction() as c:
            cur = c.execute(
                "INSERT INTO drill_answers (drill, item, prompt, expected, answer, correct, note_id, "
                "answered_at, duration_ms) VALUES (?,?,?,?,?,?,?,?,?)",
                (answer.drill, answer.item, answer.prompt, answer.expected, answer.answer,
                 int(answer.correct), answer.note_id, now.timestamp(), answer.duration_ms),
            )
            c.executemany(
                "INSERT INTO tone_confusion (heard, answered, count) VALUES (?, ?, 1) "
                "ON CONFLICT (heard, answered) DO UPDATE SET count = count + 1",
                [(int(h), int(a)) for h, a in tones],
            )
            return cur.lastrowid

    def confusion(self) -> dict[tuple[int, int], int]:
        return {(h, a): n for h, a, n in self.conn.execute("SELECT heard, answered, count FROM tone_confusion")}

    def item_stats(self, drill: str) -> dict[str, tuple[int, int]]:
        """item -> (times asked, times wrong) for one drill."""
        return {
            item: (asked, wrong) for item, asked, wrong in self.conn.execute(
                "SELECT item, COUNT(*), SUM(1 - correct) FROM drill_answers WHERE drill = ? GROUP BY item",
                (drill,),
            )
        }

    def answers(self, drill: str | None = None) -> list[DrillAnswer]:
        sql = ("SELECT drill, item, prompt, expected, answer, correct, note_id, duration_ms "
               "FROM drill_answers")
        args: tuple = ()
        if drill:
            sql += " WHERE drill = ?"
            args = (drill,)
        return [DrillAnswer(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7])
                for r in self.conn.execute(sql + " ORDER BY id", args)]

    # -- words to drill ------------------------------------------------------------------

    def words(self, lesson_id: str | None = None, level: str | None = None) -> list[tuple]:
        """(note id, hanzi, pinyin, english json, level, lesson id, tags json, example,
        example_pinyin, example_english) of the learner's words, in lesson order.

        A word listed by several lessons comes once (its entry in the first of them).
        """
        where = ["NOT n.removed"]
        args: list = []
        if lesson_id:
            where.append("n.lesson_id = ?")
            args.append(lesson_id)
        if level:
            where.append("l.level = ?")
            args.append(level)
        seen: set[int] = set()
        out = []
        for row in self.conn.execute(
            "SELECT n.id, n.hanzi, n.pinyin, n.english, l.level, n.lesson_id, n.tags, n.example, "
            "n.example_pinyin, n.example_english, n.word_id FROM notes n JOIN lessons l ON l.id = n.lesson_id "
            f"WHERE {' AND '.join(where)} ORDER BY l.position, n.position",
            args,
        ):
            if row[10] not in seen:
                seen.add(row[10])
                out.append(row[:10])
        return out

    def levels(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT level FROM lessons GROUP BY level ORDER BY MIN(position)")]


# -- listening cards ---------------------------------------------------------------------


def enrol_listening_cards(progress: Progress, *, everything: bool = False) -> int:
    """Give every studied word (recognition card reviewed at least once) a listening card.

    New cards start as new (state 0), in the word's place in the new-card order, studied
    when the word's lessons are and the learner's setting (settings "audio") is on.
    Called at the start of every review, so it looks only at recognition cards answered
    since the last call (a heavy learner has 50,000); `everything` looks at all of them
    and works out again whether each listening card is studied (after the setting changes).
    Returns how many cards were created.
    """
    offset = KIND_ORDER.index(CardKind.LISTENING) - KIND_ORDER.index(CardKind.RECOGNITION)
    since = None if everything else progress.setting("listening_enrolled_until")
    with progress.transaction() as c:
        # two queries: each MAX alone is one index look-up, together they would read every card
        newest = (c.execute("SELECT COALESCE(MAX(id), 0) FROM cards").fetchone()[0],
                  c.execute("SELECT COALESCE(MAX(last_review), 0) FROM cards").fetchone()[0])
        recent = "" if since is None else "INDEXED BY cards_reviewed WHERE r.last_review >= :since AND"
        cur = c.execute(
            "INSERT OR IGNORE INTO cards (word_id, note_id, kind, new_order, active) "
            "SELECT r.word_id, r.note_id, :listening, r.new_order + :offset, 0 FROM cards r "
            f"{recent or 'WHERE'} r.kind = :recognition AND r.state > 0",
            {"listening": CardKind.LISTENING.value, "offset": offset, "recognition": CardKind.RECOGNITION.value,
             "since": since},
        )
        created = max(cur.rowcount, 0)
        if everything:
            progress.refresh_cards("kind = ?", (CardKind.LISTENING.value,))
        elif created:
            progress.refresh_cards("kind = ? AND id > ?", (CardKind.LISTENING.value, newest[0]))
        c.execute("INSERT INTO settings (key, value) VALUES ('listening_enrolled_until', ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (json.dumps(newest[1]),))
    return created


def listening_cards(progress: Progress) -> Sequence[tuple[int, int, bool]]:
    """(card id, note id shown, active) of every listening card."""
    return [(r[0], r[1], bool(r[2])) for r in progress.conn.execute(
        "SELECT id, note_id, active FROM cards WHERE kind = ? ORDER BY new_order",
        (CardKind.LISTENING.value,))]
