"""Honest counts: the words a review would show, for everything, one lesson, or every lesson at once.

The rules are the study queue's (store/queue.py): only cards in hand count (not suspended,
not buried by the card browser); a word is counted once; `due` = a card
the review may show (queue.due_by: due by `until`, a learning step by the learn-ahead
window) and nothing of the word answered today; `again` = the one card of the
word answered today is due again (a learning step); `new` = a new card, nothing of the
word answered today and no card of it due. The tests compare these counts with what a
review really shows.

Fast on a heavy collection (150,000 cards, 500 lessons): the cards that can count are
read from the covering index that finds them (cards_due, cards_new, cards_reviewed),
each word keeps the kinds of card it counts by as bits, and every lesson's entries are
matched against those bits in one pass (no query per lesson).
Must never import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import datetime, timedelta

from lianxi.core.cards import KIND_ORDER, CardKind
from lianxi.store.queue import IN_HAND, Counts, due_by, window

KINDS = ("due", "again", "new")
BIT = {kind.value: 1 << i for i, kind in enumerate(KIND_ORDER)}
_LISTENING, _CLOZE = BIT[CardKind.LISTENING.value], BIT[CardKind.CLOZE.value]


def lesson_bits(card_kinds: list[str] | frozenset[str], has_example: bool) -> int:
    """The kinds of card a lesson shows for one entry, as bits (queue.IN_LESSON's twin):
    the lesson's kinds, listening cards always, a cloze only where the entry has an example."""
    bits = _LISTENING
    for kind in card_kinds:
        bits |= BIT.get(kind, 0)
    return bits if has_example else bits & ~_CLOZE


Found = dict[str, dict[int, int]]  # "due"/"again"/"new" -> word -> bits of the kinds it counts by


def _candidates(conn: sqlite3.Connection, until: datetime, day_start: datetime, lesson_id: str | None = None,
                learn_ahead: timedelta = timedelta(0)) -> Found:
    """Each word that counts, and by which kinds of card (see the module docstring)."""
    params = {**window(until, learn_ahead), "day_start": day_start.timestamp(), "lesson": lesson_id}
    if lesson_id is None:
        due_sql = ("SELECT c.word_id, c.kind, c.id FROM cards c INDEXED BY cards_due "
                   f"WHERE c.active = 1 AND {due_by()} AND {IN_HAND}")
        new_sql = ("SELECT c.word_id, c.kind FROM cards c INDEXED BY cards_new "
                   f"WHERE c.active = 1 AND c.state = 0 AND {IN_HAND}")
    else:  # from the lesson's entries: a lesson is small next to everything
        lesson = ("FROM notes n JOIN cards c ON c.word_id = n.word_id WHERE n.lesson_id = :lesson "
                  f"AND c.active = 1 AND {IN_HAND}")
        due_sql = f"SELECT c.word_id, c.kind, c.id {lesson} AND {due_by()}"
        new_sql = f"SELECT c.word_id, c.kind {lesson} AND c.state = 0"
    touched: dict[int, list[int]] = defaultdict(list)
    for word, card in conn.execute(
            "SELECT word_id, id FROM cards INDEXED BY cards_reviewed WHERE last_review >= :day_start", params):
        touched[word].append(card)
    found: Found = {kind: defaultdict(int) for kind in KINDS}
    due, again, new = found["due"], found["again"], found["new"]
    due_words = set()
    for word, kind, card in conn.execute(due_sql, params):
        due_words.add(word)
        answered = touched.get(word)
        if answered is None:
            due[word] |= BIT[kind]
        elif answered == [card]:
            again[word] |= BIT[kind]
    for word, kind in conn.execute(new_sql, params):
        if word not in touched and word not in due_words:
            new[word] |= BIT[kind]
    return found


def counts(conn: sqlite3.Connection, until: datetime, day_start: datetime, lesson_id: str | None = None,
           learn_ahead: timedelta = timedelta(0)) -> Counts:
    """Words a review of everything (or of one lesson) would show now, before today's limits."""
    found = _candidates(conn, until, day_start, lesson_id, learn_ahead)
    if lesson_id is None:  # every active card belongs to a studied lesson
        return Counts(**{kind: len(words) for kind, words in found.items()})
    return lesson_counts(conn, until, day_start, found=found, only=lesson_id).get(lesson_id, Counts())


def lesson_counts(conn: sqlite3.Connection, until: datetime, day_start: datetime, *,
                  found: Found | None = None, only: str | None = None,
                  learn_ahead: timedelta = timedelta(0)) -> dict[str, Counts]:
    """`counts` for every studied lesson at once (the home screen and `lessons list`)."""
    kinds = {lesson_id: json.loads(card_kinds) for lesson_id, card_kinds in conn.execute(
        "SELECT id, card_kinds FROM lessons WHERE studying" + (" AND id = ?" if only else ""),
        (only,) if only else ())}
    if not kinds:
        return {}
    found = found if found is not None else _candidates(conn, until, day_start, learn_ahead=learn_ahead)
    due, again, new = found["due"], found["again"], found["new"]
    bits_of = {(lesson_id, example): lesson_bits(card_kinds, example)
               for lesson_id, card_kinds in kinds.items() for example in (False, True)}
    # what each lesson shows of each candidate word (a lesson may list a word twice: 一 two ways)
    shown_by: dict[tuple[str, int], int] = {}
    for word, lesson_id, example in conn.execute(
            "SELECT word_id, lesson_id, example <> '' FROM notes WHERE NOT removed"
            + (" AND lesson_id = ?" if only else ""), (only,) if only else ()):
        shows = bits_of.get((lesson_id, bool(example)))
        if shows is not None and (word in due or word in again or word in new):
            key = (lesson_id, word)
            shown_by[key] = shown_by.get(key, 0) | shows
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (lesson_id, word), shows in shown_by.items():
        row = tally[lesson_id]
        row[0] += bool(due.get(word, 0) & shows)
        row[1] += bool(again.get(word, 0) & shows)
        row[2] += bool(new.get(word, 0) & shows)
    return {lesson_id: Counts(*row) for lesson_id, row in tally.items()}


def everything(conn: sqlite3.Connection, until: datetime, day_start: datetime,
               learn_ahead: timedelta = timedelta(0)) -> tuple[Counts, dict[str, Counts]]:
    """The home screen's numbers in one pass: all lessons together, and each lesson."""
    found = _candidates(conn, until, day_start, learn_ahead=learn_ahead)
    total = Counts(**{kind: len(words) for kind, words in found.items()})
    return total, lesson_counts(conn, until, day_start, found=found)
