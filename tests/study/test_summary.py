"""Session and drill summaries count what they say: words, cards and answers apart."""

from __future__ import annotations

import random

from lianxi.core.cards import CardKind
from lianxi.core.drills.items import Drill
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.drills import DrillRun
from lianxi.study.summary import drill_summary, review_summary
from lianxi.study.typed_cards import choose_kinds

TEN = "id = \"ten\"\ntitle = \"Ten\"\nlevel = \"HSK 1\"\n" + "".join(
    f'\n[[words]]\nhanzi = "{h}"\npinyin = "{p}"\nenglish = "{e}"\n'
    for h, p, e in (("一", "yī", "one"), ("二", "èr", "two"), ("三", "sān", "three"), ("四", "sì", "four"),
                    ("五", "wǔ", "five"), ("六", "liù", "six"), ("七", "qī", "seven"), ("八", "bā", "eight"),
                    ("九", "jiǔ", "nine"), ("十", "shí", "ten"))
)


def ids(session) -> list[int]:
    return [a.review_id for a in session.history]


def test_ten_cards_answered_twenty_one_times_are_ten_cards_not_twenty_one(learner, clock):
    learner.import_lessons([parse_lesson(TEN.encode(), "ten.toml")])
    choose_kinds(learner, "ten", [CardKind.RECOGNITION])
    session = learner.session()
    card = session.next()
    misses = {"三": 2, "七": 1, "九": 3}  # times each is forgotten before it sticks
    answered = 0
    while card is not None and answered < 40:
        if misses.get(card.hanzi, 0):
            misses[card.hanzi] -= 1
            rating = 1
        else:
            rating = 3
        clock.advance(minutes=11)
        card = session.answer(rating)
        answered += 1
    summary = review_summary(learner, ids(session), "Review · Ten")
    reviews = learner.progress.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    assert summary.cards == 10 and summary.words == 10 and summary.new_words == 10
    assert summary.answers == reviews > 10
    assert summary.right == summary.answers - 6
    assert [(m.hanzi, m.times) for m in summary.missed] == [("九", 3), ("三", 2), ("七", 1)]


def test_a_word_with_two_cards_is_one_word_and_undone_answers_do_not_count(learner, clock):
    learner.import_lessons([parse_lesson(TEN.encode(), "ten.toml")])
    session = learner.session()
    session.next()
    for _ in range(3):
        clock.advance(minutes=1)
        session.answer(3)
    session.undo()
    summary = review_summary(learner, ids(session), "Review")
    assert summary.answers == 2 == len(session.history)


def test_typed_tone_slips_are_listed(learner, clock):
    learner.import_lessons([parse_lesson(TEN.encode(), "ten.toml")])
    choose_kinds(learner, "ten", [CardKind.TYPE_PINYIN])
    session = learner.session()
    card = session.next()
    assert card.hanzi == "一"
    session.answer(2, typed="yi3")  # tone 1 typed as 3 (never a spoken form of 一)
    session.answer(3, typed="er4")
    summary = review_summary(learner, ids(session), "Review")
    assert [(s.hanzi, s.given, s.tones) for s in summary.tone_slips] == [("一", "yi3", ((1, 3),))]


def test_a_drill_summary_counts_its_answers_and_the_tones_missed(learner):
    run = DrillRun(learner, Drill.TONES, rng=random.Random(4))
    wrong = 0
    for n in range(8):
        item = run.next()
        heard = int(item.expected)
        answer = heard if n % 3 else (heard % 4) + 1
        wrong += answer != heard
        run.answer(str(answer))
    summary = drill_summary(run, "Drill · tones")
    assert summary.answers == 8 and summary.right == 8 - wrong
    assert sum(m.times for m in summary.missed) == wrong == len(summary.tone_slips)
    assert summary.unit == "syllable"


def test_a_card_that_became_a_leech_in_the_session_is_named_with_what_to_do(learner, clock):
    from datetime import timedelta

    from lianxi.core.schedule import Memory, State

    learner.import_lessons([parse_lesson(TEN.encode(), "ten.toml")])
    learner.progress.set_setting("leech_threshold", 2)
    choose_kinds(learner, "ten", [CardKind.RECOGNITION])
    card_id = learner.progress.conn.execute("SELECT id FROM cards ORDER BY new_order LIMIT 1").fetchone()[0]
    start = clock() - timedelta(days=3)
    learner.progress.record(learner.progress.card(card_id), Memory(State.REVIEW, None, 1.0, 8.0, start, start), 3, start)
    learner.progress.conn.execute("UPDATE cards SET lapses = 1, due = ? WHERE id = ?",
                                  ((clock() - timedelta(days=1)).timestamp(), card_id))
    session = learner.session()
    card = session.next()
    assert card.id == card_id
    session.answer(1)  # forgotten a second time: a leech, suspended
    summary = review_summary(learner, ids(session), "Review")
    assert summary.leeches == [("一", "recognition", 1, 2)]
