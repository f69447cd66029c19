"""Use case: the learner's statistics, from their own database, for the screen and `lianxi stats`.

One `Statistics` value holds every figure (today, streak and calendar, forecast, true
retention, HSK coverage, tones, time per day); the screen draws it and the command
prints it as text or JSON, so both always agree. Days are the learner's study days
(they roll over at the day-start hour, local time). Must never import Textual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta


from lianxi.core.cards import CardKind
from lianxi.core.grading import Mark, grade_answer
from lianxi.core.pinyin import PinyinError
from lianxi.core.schedule import State, day_start, study_day
from lianxi.core.statistics import (
    Coverage,
    Share,
    Streak,
    StudyDays,
    day_of_number,
    day_runs,
    calendar_days,
    coverage,
    most_missed,
    pair_misses,
    recall_probability,
    streak,
)
from lianxi.store import statistics as queries
from lianxi.study.hsk import hsk_word_set, hsk_words
from lianxi.study.learner import LEARN_AHEAD

CALENDAR_WEEKS = 26  # about six months
FORECAST_DAYS = 30
TIME_DAYS = 30
KNOWN = 0.9  # a word is known when every card of it is recalled with at least this chance today
TONES = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class Today:
    answers: int  # review answers today (a card answered twice counts twice)
    cards: int  # different cards answered today
    words: int  # different words answered today
    remembered: int  # answers graded Hard, Good or Easy
    drill_answers: int
    minutes: float  # reviews and drills
    due: int  # words a review would show now
    new: int  # new words still allowed today


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    answers: int
    minutes: float


@dataclass(frozen=True, slots=True)
class Retention:
    desired: float
    week: Share
    month: Share
    kinds: dict[str, Share]  # last 30 days, by card kind


@dataclass(frozen=True, slots=True)
class Tones:
    counts: dict[tuple[int, int], int]  # (tone asked, tone given) -> answers
    pairs: list[tuple[str, Share]]  # tone pairs missed most: ("34", missed of asked)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class Statistics:
    today_date: date
    today: Today
    streak: Streak
    calendar: list[Day]  # whole weeks, Monday first, ending with this week
    forecast: list[tuple[date, int]]  # words due each day, today first
    retention: Retention
    hsk: list[Coverage]
    tones: Tones

    @property
    def time(self) -> list[Day]:
        """The last TIME_DAYS study days, today last."""
        days = [d for d in self.calendar if d.day <= self.today_date]
        return days[-TIME_DAYS:]

    def to_json(self) -> dict:
        """The figures as plain JSON (the keys `lianxi stats --json` promises)."""

        def share(s: Share, names=("reviews", "remembered")) -> dict:
            return {names[0]: s.total, names[1]: s.part, "rate": None if s.ratio is None else round(s.ratio, 4)}

        return {
            "today": {"date": self.today_date.isoformat(), "answers": self.today.answers, "cards": self.today.cards,
                      "words": self.today.words, "remembered": self.today.remembered,
                      "drill_answers": self.today.drill_answers, "minutes": round(self.today.minutes, 1),
                      "due": self.today.due, "new": self.today.new},
            "streak": {"current": self.streak.current, "longest": self.streak.longest,
                       "studied_today": self.streak.studied_today,
                       "days": [{"date": d.day.isoformat(), "answers": d.answers, "minutes": round(d.minutes, 1)}
                                for d in self.calendar if d.answers]},
            "forecast": [{"date": d.isoformat(), "words": n} for d, n in self.forecast],
            "retention": {"desired": self.retention.desired, "last_7_days": share(self.retention.week),
                          "last_30_days": share(self.retention.month),
                          "by_kind": {k: share(s) for k, s in self.retention.kinds.items()}},
            "hsk": [{"level": c.name, "words": c.words, "known": c.known, "learning": c.learning} for c in self.hsk],
            "tones": {"asked_given": [{"asked": a, "given": g, "count": n}
                                      for (a, g), n in sorted(self.tones.counts.items())],
                      "pairs_missed_most": [{"pair": p, "asked": s.total, "missed": s.part}
                                            for p, s in self.tones.pairs]},
            "time": [{"date": d.day.isoformat(), "minutes": round(d.minutes, 1), "answers": d.answers}
                     for d in self.time],
        }

    def json_text(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)


def statistics(learner) -> Statistics:
    """Every figure of the statistics screen, computed now from the learner's database."""
    conn = learner.progress.conn
    now = learner.clock()
    zone = learner.zone
    settings = learner.settings
    starts = settings.day_starts_at
    today = study_day(now, zone, starts)

    def start(day: date) -> float:
        return day_start(day, zone, starts).timestamp()

    days = calendar_days(today, CALENDAR_WEEKS)
    done = {day_of_number(n): (a, ms) for n, a, ms in
            queries.answers_by_day(conn, day_runs(days, start))}
    calendar = [Day(d, int(done.get(d, (0, 0))[0]), done.get(d, (0, 0))[1] / 60000) for d in days]
    studied = [d for d, (answers, _) in done.items() if answers]
    run = streak(studied + _older_study_days(learner, days[0], studied), today)

    return Statistics(
        today_date=today,
        today=_today(learner, start(today), calendar[-1] if calendar[-1].day == today else None,
                     done.get(today, (0, 0))),
        streak=run,
        calendar=calendar,
        forecast=_forecast(learner, today, start),
        retention=_retention(learner, today, start),
        hsk=_coverage(learner, today),
        tones=tones(learner),
    )


@dataclass(frozen=True, slots=True)
class TodayCounts:
    answers: int
    cards: int
    words: int


def today_counts(learner) -> TodayCounts:
    """Today's reviews, quickly (the home screen): answers, different cards, different words."""
    now = learner.clock()
    since = day_start(study_day(now, learner.zone, learner.settings.day_starts_at), learner.zone,
                      learner.settings.day_starts_at)
    answers, cards, words, _ = queries.today_answers(learner.progress.conn, since.timestamp())
    return TodayCounts(answers, cards, words)


def current_streak(learner) -> Streak:
    """The streak alone, quickly (the home screen): the same rule as the statistics' streak."""
    now = learner.clock()
    zone, starts = learner.zone, learner.settings.day_starts_at
    today = study_day(now, zone, starts)
    first = today - timedelta(days=60)
    days = [first + timedelta(days=i) for i in range((today - first).days + 1)]
    studied = [day_of_number(n) for n, _, _ in queries.answers_by_day(
        learner.progress.conn, day_runs(days, lambda d: day_start(d, zone, starts).timestamp()))]
    return streak(studied + _older_study_days(learner, first, studied), today)


def _older_study_days(learner, first: date, studied: list[date]) -> list[date]:
    """When the streak reaches back to the calendar's first day, the study days before it that
    carry it on (found a day at a time, going back until a day without study)."""
    present = set(studied)
    if first not in present:
        return []
    zone, starts = learner.zone, learner.settings.day_starts_at
    out: list[date] = []
    day = first - timedelta(days=1)
    while queries.answered_between(learner.progress.conn, day_start(day, zone, starts).timestamp(),
                                   day_start(day + timedelta(days=1), zone, starts).timestamp()):
        out.append(day)
        day -= timedelta(days=1)
    return out


def _today(learner, since: float, _day, quarter_sums) -> Today:
    answers, cards, words, remembered = queries.today_answers(learner.progress.conn, since)
    drills = learner.progress.conn.execute(
        "SELECT COUNT(*) FROM drill_answers WHERE answered_at >= ?", (since,)).fetchone()[0]
    due, new = due_and_new(learner)
    return Today(answers, cards, words, remembered, drills, quarter_sums[1] / 60000, due, new)


def due_and_new(learner) -> tuple[int, int]:
    """Due and new words now: the same numbers as Learner.stats() and a review started now,
    without the streak it also counts (a scan of every answer on a long history)."""
    now = learner.clock()
    start = learner.today_start(now)
    shown = learner.progress.counts(now, start, learn_ahead=LEARN_AHEAD).shown(
        learner.new_left(start), learner.reviews_left(start))
    return shown.due, shown.new


def _forecast(learner, today: date, start) -> list[tuple[date, int]]:
    """Words due on each of the next FORECAST_DAYS days; overdue words count for today."""
    days = [today + timedelta(days=i) for i in range(FORECAST_DAYS)]
    due = {day_of_number(n): words for n, words in
           queries.due_words_by_day(learner.progress.conn, day_runs(days, start), start(today))}
    return [(day, due.get(day, 0)) for day in days]


def _retention(learner, today: date, start) -> Retention:
    conn = learner.progress.conn
    month = queries.retention(conn, start(today - timedelta(days=29)))
    week = queries.retention(conn, start(today - timedelta(days=6)))

    def total(rows) -> Share:
        return Share(sum(r[2] for r in rows), sum(r[1] for r in rows))

    kinds = {kind: Share(remembered, reviews) for kind, reviews, remembered in month}
    ordered = {k.value: kinds[k.value] for k in CardKind if k.value in kinds}
    return Retention(learner.settings.desired_retention, total(week), total(month), ordered)


def word_recall(learner, today: date | None = None) -> dict[int, float | None]:
    """Each started word's chance of being recalled today: the lowest of its started cards'
    (FSRS, the learner's parameters); None while any of them is still in its learning steps.

    The one rule for "known" (>= KNOWN) wherever Lianxi says it: the statistics' HSK
    coverage, the lesson catalogue and `lianxi lessons list`.
    """
    if today is None:
        today = study_day(learner.clock(), learner.zone, learner.settings.day_starts_at)
    decay = -learner.settings.parameters[20]  # the learner's own, once fitted
    days = StudyDays(learner.zone, learner.settings.day_starts_at, coarse=True)
    today_number = (today - StudyDays.as_date(0)).days
    recall: dict[int, float | None] = {}
    # a heavy learner has 100,000 started cards (the catalogue opens with this): day numbers, not dates
    for word, state, stability, last_review in queries.card_memories(learner.progress.conn):
        if state != State.REVIEW or not stability or last_review is None:
            recall[word] = None  # still in its learning steps: learning, not known
            continue
        chance = recall_probability(today_number - days.number(last_review), stability, decay)
        old = recall.get(word, chance)
        recall[word] = None if old is None else min(old, chance)
    return recall


def _coverage(learner, today: date) -> list[Coverage]:
    """HSK coverage: a word is known when each of its started cards is in review and recalled
    with a chance of at least KNOWN today (word_recall)."""
    levels = hsk_words()
    listed = hsk_word_set()
    conn = learner.progress.conn
    in_hsk = {word: (hanzi, reading) for word, hanzi, reading in queries.words(conn) if (hanzi, reading) in listed}
    if not in_hsk:
        return coverage(levels, {})  # none of the learner's words is an HSK word
    recall: dict[tuple[str, str], float | None] = {}
    for word, chance in word_recall(learner, today).items():
        key = in_hsk.get(word)
        if key is None:
            continue  # in no HSK list: nothing to count it for
        if key in recall:
            old = recall[key]
            recall[key] = None if old is None or chance is None else min(old, chance)
        else:
            recall[key] = chance
    return coverage(levels, recall)


# -- tones -------------------------------------------------------------------------------


def tone_evidence(kind: str, typed: str, hanzi: str, numbered: str, english: tuple[str, ...] = (),
                  traditional: str = "") -> list[tuple[int, int, int]]:
    """(syllable position, tone asked, tone given) read from one typed answer.

    Only syllables the learner got right or got right but for the tone say anything
    about tones; a tone the grading accepts (a sandhi tone typed as said) counts as right.
    Hanzi and English answers carry no tones.
    """
    try:
        grade = grade_answer(kind, typed, hanzi=hanzi, pinyin=numbered, english=english, traditional=traditional)
    except (PinyinError, ValueError):
        return []
    out = []
    for position, piece in enumerate(grade.pieces):
        if piece.expected_tone is None or piece.typed_tone is None:
            continue
        if piece.mark is Mark.RIGHT:
            out.append((position, piece.expected_tone, piece.expected_tone))
        elif piece.mark is Mark.TONE:
            out.append((position, piece.expected_tone, piece.typed_tone))
    return out


def read_typed_tones(learner, batch: int = 200) -> int:
    """Read the tones of typed answers not read yet and keep them; returns how many answers were read.

    Each answer is graded once; a batch is one short transaction, so an answer given
    meanwhile never waits long.
    """
    conn = learner.progress.conn
    unread = queries.unread_typed_answers(conn)
    for first in range(0, len(unread), batch):
        rows = []
        for review_id, kind, typed, hanzi, numbered, english, traditional in unread[first:first + batch]:
            found = tone_evidence(kind, typed, hanzi, numbered, tuple(json.loads(english)), traditional)
            rows.extend((review_id, p, a, g) for p, a, g in found)
            if not found:
                rows.append((review_id, -1, 0, 0))  # read: nothing about tones in it
        with learner.progress.transaction():
            queries.save_typed_tones(conn, rows)
    return len(unread)


def tones(learner) -> Tones:
    """Tone asked x tone given from the drills and typed cards; the tone pairs missed most."""
    read_typed_tones(learner)
    conn = learner.progress.conn
    counts: dict[tuple[int, int], int] = {}
    for rows in (queries.drill_tone_counts(conn), queries.typed_tone_counts(conn)):
        for asked, given, n in rows:
            counts[(asked, given)] = counts.get((asked, given), 0) + n
    answers: list[tuple[str, bool]] = []
    for pair, asked, missed in queries.pair_drill_answers(conn):
        answers += [(pair, True)] * missed + [(pair, False)] * (asked - missed)
    previous = None
    for review_id, position, asked, given in queries.typed_tone_sequences(conn):
        if previous and previous[0] == review_id and previous[1] == position - 1 and previous[2] != 5:
            answers.append((f"{previous[2]}{asked}", previous[2] != previous[3] or asked != given))
        previous = (review_id, position, asked, given)
    return Tones(counts, most_missed(pair_misses(answers)))
