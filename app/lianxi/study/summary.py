"""Use case: what one review session or one drill came to, for the summary shown at its end.

Counts say what they count: words (different words), cards (different cards) and answers
(every grade given, a card answered three times in its learning steps counts three).
A review session's summary is read back from the answers it stored (an undone answer is
gone from them); a drill's from the run itself. Must never import Textual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from lianxi.core.drills.items import Drill
from lianxi.core.pinyin import PinyinError, to_marks
from lianxi.store.statistics import ANSWER_CAP_MS, new_leeches, session_answers
from lianxi.study.statistics import tone_evidence


@dataclass(frozen=True, slots=True)
class Missed:
    """A word answered wrong at least once: what to hear again."""

    hanzi: str
    pinyin: str  # as written in the lesson (tone marks)
    meaning: str
    times: int  # wrong answers to it in this session
    kinds: tuple[str, ...] = ()  # card kinds (reviews) it was missed on


@dataclass(frozen=True, slots=True)
class ToneSlip:
    """A typed or heard answer right but for its tones."""

    hanzi: str
    expected: str  # pinyin with marks
    given: str  # what the learner typed or chose
    tones: tuple[tuple[int, int], ...]  # (asked, given) of each syllable that slipped


@dataclass(frozen=True, slots=True)
class Summary:
    title: str  # "Review · Greetings", "Drill · tones"
    answers: int
    right: int  # remembered (Hard/Good/Easy) or answered right
    seconds: float
    words: int = 0  # different words (reviews; drills of words)
    cards: int = 0  # different cards (reviews)
    new_words: int = 0  # words met for the first time
    missed: list[Missed] = field(default_factory=list)
    tone_slips: list[ToneSlip] = field(default_factory=list)
    unit: str = "word"  # what the drill asks: word, syllable, tone
    leeches: list[tuple[str, str, int, int]] = field(default_factory=list)  # (hanzi, kind, leech, lapses) made now

    @property
    def accuracy(self) -> float | None:
        return self.right / self.answers if self.answers else None


def review_summary(learner, review_ids: list[int], title: str) -> Summary:
    """What the stored answers with these ids came to (a review session's `history`)."""
    rows = session_answers(learner.progress.conn, review_ids)
    words: dict[int, dict] = {}
    cards: set[int] = set()
    new_words: set[int] = set()
    right = 0
    milliseconds = 0
    slips: list[ToneSlip] = []
    for (card_id, word_id, kind, rating, duration, typed, was_new, hanzi, pinyin, numbered, english,
         traditional) in rows:
        cards.add(card_id)
        word = words.setdefault(word_id, {"hanzi": hanzi, "pinyin": pinyin, "meaning": _meaning(english),
                                          "wrong": 0, "kinds": []})
        if was_new:
            new_words.add(word_id)
        if rating > 1:
            right += 1
        else:
            word["wrong"] += 1
            if kind not in word["kinds"]:
                word["kinds"].append(kind)
        milliseconds += min(duration or 0, ANSWER_CAP_MS)
        if typed:
            found = [(a, g) for _, a, g in tone_evidence(kind, typed, hanzi, numbered, tuple(json.loads(english)),
                                                         traditional) if a != g]
            if found:
                slips.append(ToneSlip(hanzi, pinyin, typed, tuple(found)))
    missed = [Missed(w["hanzi"], w["pinyin"], w["meaning"], w["wrong"], tuple(w["kinds"]))
              for w in words.values() if w["wrong"]]
    missed.sort(key=lambda m: -m.times)
    first = learner.progress.conn.execute(
        f"SELECT MIN(reviewed_at) FROM reviews WHERE id IN ({','.join(str(int(i)) for i in review_ids) or 'NULL'})"
    ).fetchone()[0]
    leeches = new_leeches(learner.progress.conn, list(cards), first) if first is not None else []
    return Summary(title, len(rows), right, milliseconds / 1000, len(words), len(cards), len(new_words),
                   missed, slips, leeches=leeches)


def drill_summary(run, title: str) -> Summary:
    """What a drill run came to: its answers, the items missed, the tones that slipped."""
    missed: dict[str, dict] = {}
    slips: list[ToneSlip] = []
    seconds = 0.0
    for item, verdict, duration_ms in run.history:
        seconds += min(duration_ms, ANSWER_CAP_MS) / 1000
        played = item.hanzi or _marks(item.pinyin or "")
        if not verdict.correct:
            entry = missed.setdefault(played, {"hanzi": item.hanzi or "", "pinyin": _marks(item.pinyin or ""),
                                               "meaning": "; ".join(item.english[:2]), "wrong": 0})
            entry["wrong"] += 1
        wrong_tones = tuple((a, g) for a, g in verdict.tones if a != g)
        if wrong_tones:
            slips.append(ToneSlip(item.hanzi or "", _marks(item.pinyin or ""), verdict.answer, wrong_tones))
    unit = {Drill.TONES: "syllable", Drill.MINIMAL: "syllable"}.get(run.drill, "word")
    words = len({(item.hanzi or item.pinyin) for item, _, _ in run.history})
    return Summary(title, run.asked, run.right, seconds, words=words,
                   missed=[Missed(v["hanzi"], v["pinyin"], v["meaning"], v["wrong"]) for v in missed.values()],
                   tone_slips=slips, unit=unit)


def _meaning(english_json: str) -> str:
    try:
        return "; ".join(json.loads(english_json)[:2])
    except ValueError:
        return ""


def _marks(pinyin: str) -> str:
    try:
        return to_marks(pinyin)
    except (PinyinError, ValueError):
        return pinyin
