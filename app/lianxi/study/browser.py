"""Use case: the learner's cards in hand: find them, see their history and memory, act on them.

The card browser (home key `b`) and `lianxi cards` both go through here. Actions change
a card's place in reviews, never its history: suspend and unsuspend, bury until
tomorrow, flag, reset to new. Leeches (cards forgotten again and again) are tagged by the
store as answers are written (see m200 in store.migrations.m2xx_learning_in_view) and listed
here with what to do.
Must never import Textual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone


from lianxi.core.card_search import FLAG_NAMES, SearchError, parse_query
from lianxi.core.schedule import State, day_start, format_interval, study_day
from lianxi.core.statistics import recall_probability
from lianxi.store import browser as store
from lianxi.store.browser import CardRow, ReviewRow
from lianxi.store.migrations.m2xx_learning_in_view import LEECH_MEMORY_LAPSES

__all__ = ["CardDetails", "CardRow", "SearchError", "Found", "LEECH_SUGGESTION", "bury", "card_details",
           "flag", "leech_threshold", "leeches", "reset", "search", "set_leech_threshold", "state_of", "suspend"]

DEFAULT_LEECH_THRESHOLD = 8
LEECH_SUGGESTION = ("Add a note that helps you remember it, split the word and learn its characters first, "
                    "or suspend it for now.")
RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
STATE_NAMES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}


@dataclass(frozen=True, slots=True)
class Found:
    rows: list[CardRow]
    total: int  # matches in all (rows holds the first few hundred)


def search(learner, text: str, limit: int = 200) -> Found:
    """Cards matching a search line (see core.card_search); SearchError for a filter that does not exist."""
    rows, total = store.search(learner.progress.conn, parse_query(text), learner.clock().timestamp(), limit)
    return Found(rows, total)


def state_of(row: CardRow, now: datetime) -> str:
    """One word for where a card stands now: suspended, off, buried, new, learning, due or review.

    "off": no review shows the card (its lessons are paused, or its kind is not studied), so
    it is never called new or due, which would promise it in a review.
    """
    t = now.timestamp()
    if row.suspended:
        return "suspended"
    if not row.active:
        return "off"
    if row.buried_until > t:
        return "buried"
    if row.state == State.NEW:
        return "new"
    if row.due is not None and row.due <= t:
        return "due"
    return "learning" if row.state in (State.LEARNING, State.RELEARNING) else "review"


def due_text(row: CardRow, now: datetime) -> str:
    """When the card comes up: "now", "in 3d", "new", or "-" when it will not (suspended, off)."""
    if row.suspended or not row.active:
        return "-"
    if row.state == State.NEW:
        return "new"
    at = max(row.due or 0, row.buried_until)
    if at <= now.timestamp():
        return "now"
    return "in " + format_interval(datetime.fromtimestamp(at, timezone.utc) - now)


def flag_name(flag: int) -> str:
    return FLAG_NAMES.get(flag, "")


def gloss(row: CardRow) -> str:
    return "; ".join(json.loads(row.english)[:2])


@dataclass(frozen=True, slots=True)
class HistoryLine:
    at: datetime
    rating: str
    state: str  # where the card was before the answer
    interval: str  # what the answer scheduled ("10m", "3d"), "" when not known
    seconds: float | None
    typed: str | None


@dataclass(frozen=True, slots=True)
class CardDetails:
    row: CardRow
    lessons: list[tuple[str, str]]  # (id, title) of every lesson that lists the word
    history: list[HistoryLine]
    stability: float | None  # days
    difficulty: float | None  # 1-10
    recall: float | None  # chance of recalling it today (FSRS), None while new
    leech_note: str  # what to do about a leech, "" otherwise
    off_note: str = ""  # why no review shows the card, "" when one does


def card_details(learner, card_id: int) -> CardDetails | None:
    conn = learner.progress.conn
    row = store.row(conn, card_id)
    if row is None:
        return None
    now = learner.clock()
    lines = [_history_line(r, learner.zone, learner.settings.day_starts_at) for r in store.history(conn, card_id)]
    recall = None
    if row.state != State.NEW and row.stability and row.last_review:
        today = study_day(now, learner.zone, learner.settings.day_starts_at)
        last = study_day(datetime.fromtimestamp(row.last_review, timezone.utc), learner.zone,
                         learner.settings.day_starts_at)
        parameters = learner.settings.parameters  # the learner's own, once fitted
        recall = recall_probability((today - last).days, row.stability, -parameters[20])
    note = ""
    if row.leech == 1:
        note = f"Leech: forgotten {row.lapses} times, so it was suspended. " + LEECH_SUGGESTION
    elif row.leech == 2:
        note = (f"Leech: forgotten {row.lapses} times and still remembered for less than a day. "
                + LEECH_SUGGESTION)
    off = ""
    if not row.active:
        off = ("Off: no review shows this card now. Its lessons are paused (p on the home screen), "
               "or this kind of card is not studied in them (k on the home screen).")
    return CardDetails(row, store.lessons_of(conn, card_id), lines, row.stability,
                       store.difficulty(conn, card_id), recall, note, off)


def _history_line(r: ReviewRow, zone, starts: int) -> HistoryLine:
    at = datetime.fromtimestamp(r.at, timezone.utc)
    interval = ""
    if r.due is not None:
        due = datetime.fromtimestamp(r.due, timezone.utc)
        days = (study_day(due, zone, starts) - study_day(at, zone, starts)).days
        # a card sent to a later study day says so in days, as its grade button did ("1d", not "17h")
        interval = format_interval(timedelta(days=days)) if days >= 1 and due - at >= timedelta(hours=6) \
            else format_interval(due - at)
    return HistoryLine(at, RATINGS.get(r.rating, str(r.rating)), STATE_NAMES.get(r.state, "") if r.state is not None
                       else "", interval, None if r.duration_ms is None else r.duration_ms / 1000, r.typed)


# -- actions -------------------------------------------------------------------------------


def suspend(learner, card_ids, suspended: bool = True) -> None:
    store.set_suspended(learner.progress.conn, list(card_ids), suspended)


def bury(learner, card_ids) -> date:
    """Keep cards out of reviews until tomorrow's study day begins; returns that day."""
    now = learner.clock()
    starts = learner.settings.day_starts_at
    tomorrow = study_day(now, learner.zone, starts) + timedelta(days=1)
    store.bury(learner.progress.conn, list(card_ids), day_start(tomorrow, learner.zone, starts).timestamp())
    return tomorrow


def unbury(learner, card_ids) -> None:
    store.bury(learner.progress.conn, list(card_ids), 0)


def flag(learner, card_ids, flag_number: int) -> None:
    """Flag cards 1-4 (red, orange, green, blue), or 0 to take the flag off."""
    if flag_number not in (0, 1, 2, 3, 4):
        raise SearchError("a flag is 1-4 (red, orange, green, blue), or 0 for none")
    store.set_flag(learner.progress.conn, list(card_ids), flag_number)


def reset(learner, card_ids) -> None:
    """Back to new: the card is learned again from the start; its past answers stay in its history."""
    store.reset(learner.progress.conn, list(card_ids))


def leeches(learner) -> list[CardRow]:
    return store.leeches(learner.progress.conn)


def leech_threshold(learner) -> int:
    """Lapses after which a card becomes a leech and is suspended (0: never)."""
    value = learner.progress.setting("leech_threshold", DEFAULT_LEECH_THRESHOLD)
    return int(value) if isinstance(value, int) else DEFAULT_LEECH_THRESHOLD


def set_leech_threshold(learner, lapses: int) -> int:
    learner.progress.set_setting("leech_threshold", int(lapses))
    return leech_threshold(learner)


MEMORY_LEECH_LAPSES = LEECH_MEMORY_LAPSES


def card_row(learner, card_id: int) -> CardRow | None:
    """One card as the browser lists it (after an action, to redraw its row)."""
    return store.row(learner.progress.conn, card_id)
