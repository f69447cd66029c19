"""Use case: an answer is saved at once, or kept until it can be: never lost, never silent.

An answer waits at most `ANSWER_WAIT` for another writer (a long import writes in short
transactions, so this is normally enough). If the database still cannot take it (busy
for longer, disk full, read-only), the session keeps it in memory and tries again; if it
must stop with answers unsaved, `keep_for_later` writes them to a small file beside the
progress (`unsaved-answers.json`), which the next start adds to the progress. The learner
is told plainly at each step. Must never import Textual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lianxi import paths
from lianxi.core.cards import StudyCard
from lianxi.core.errors import UserError
from lianxi.core.schedule import Memory, State
from lianxi.files import FileProblem, write_atomic
from lianxi.store.db import Busy, DatabaseFull, NotWritable, StoreError

ANSWER_WAIT = 0.1  # seconds an answer may wait for another writer
# Another program may hold the file a little longer than an answer waits: rescheduling every
# card after new FSRS parameters writes them in ONE transaction (atomic), under a second even
# on 100,000 cards. Answers kept meanwhile are saved a moment later; the learner is told
# only if the file stays busy longer than this (a full disk or a read-only file: at once).
BRIEFLY_BUSY = 1.5
UNSAVED_FILE = "unsaved-answers.json"


@dataclass(frozen=True, slots=True)
class UnsavedAnswer:
    card: StudyCard
    after: Memory
    rating: int
    at: datetime
    duration_ms: int | None
    typed: str | None


class NotSaved(UserError):
    """An answer could not be written now; `reason` says why in a few words."""

    def __init__(self, reason: str, cause: StoreError):
        self.reason = reason
        self.cause = cause
        super().__init__(str(cause))


def _reason(exc: StoreError) -> str:
    if isinstance(exc, Busy):
        return "the progress file is busy (another Lianxi command is writing to it)"
    if isinstance(exc, DatabaseFull):
        return "the disk is full: free some space"
    return "the progress file cannot be written: check its folder and disk"


def save_now(progress, answer: UnsavedAnswer, wait: float | None = None) -> int:
    """Write one answer (card + review row, one transaction); NotSaved if the file cannot take it now."""
    try:
        return progress.record(answer.card, answer.after, answer.rating, answer.at, answer.duration_ms,
                               answer.typed, wait=ANSWER_WAIT if wait is None else wait)
    except (Busy, DatabaseFull, NotWritable) as exc:
        raise NotSaved(_reason(exc), exc) from None


def waiting_text(count: int, problem: NotSaved | None, waited: float | None = None) -> str:
    """One line for the screen: how many answers wait to be saved, and why.

    `waited`: seconds the oldest has waited; "" while the file has been busy only briefly.
    """
    if not count:
        return ""
    if waited is not None and waited < BRIEFLY_BUSY and (problem is None or isinstance(problem.cause, Busy)):
        return ""
    answers = f"{count} answer{'s' if count != 1 else ''}"
    why = problem.reason if problem else "the progress file is busy"
    return f"{answers} not saved yet: {why}. Lianxi keeps trying; keep this window open."


# -- answers kept in a file when the session must end before they are saved ---------------


def _unsaved_path(learner) -> Path:
    return (learner.data_dir or paths.data_dir()) / UNSAVED_FILE


def keep_for_later(learner, answers: list[UnsavedAnswer]) -> Path:
    """Write answers that could not be saved to a file the next start adds (atomic; FileProblem if not)."""
    path = _unsaved_path(learner)
    kept = []
    if path.is_file():
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            kept = []
    for a in answers:
        m = a.after
        kept.append({
            "card": a.card.id, "reps": a.card.reps + 1,
            "lapses": a.card.lapses + (1 if a.rating == 1 and a.card.memory.state is State.REVIEW else 0),
            "was_new": int(a.card.is_new), "rating": a.rating, "at": a.at.timestamp(),
            "duration_ms": a.duration_ms, "answer": a.typed, "state": int(m.state), "step": m.step,
            "stability": m.stability, "difficulty": m.difficulty,
            "due": m.due.timestamp() if m.due else None,
            "last_review": m.last_review.timestamp() if m.last_review else None,
        })
    write_atomic(path, json.dumps(kept, ensure_ascii=False))
    return path


def restore_unsaved(learner) -> int:
    """Add answers kept by `keep_for_later` to the progress (each once), then remove the file."""
    path = _unsaved_path(learner)
    if not path.is_file():
        return 0
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0  # left in place for a person to look at; never guessed at
    try:
        added = learner.progress.record_kept(kept)
    except (Busy, DatabaseFull, NotWritable):
        return 0  # the file stays; the next start tries again
    try:
        path.unlink()
    except OSError:
        pass
    return added


__all__ = ["ANSWER_WAIT", "FileProblem", "NotSaved", "UnsavedAnswer", "keep_for_later", "restore_unsaved",
           "save_now", "waiting_text"]
