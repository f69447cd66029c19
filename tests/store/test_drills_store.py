"""Drill answers, tone confusion and listening cards in a real database file; DrillRun on top."""

from __future__ import annotations

import random

import pytest

from lianxi.core.cards import CardKind
from lianxi.core.drills.items import Drill
from lianxi.core.drills.tone_pairs import PAIR_CLASSES
from lianxi.study.drills import (
    DrillRun,
    DrillUnavailable,
    add_listening_cards,
    audio_settings,
    change_audio_settings,
    confusion,
    learner_words,
)
from lianxi.store.db import open_database
from lianxi.store.drills import DrillAnswer, DrillLog, listening_cards
from lianxi.store.progress import Progress
from lianxi.study import Learner


def test_an_answer_and_its_tones_are_stored_together(learner, clock):
    log = DrillLog(learner.progress)
    log.record(DrillAnswer("pairs", "41", "面包", "41", "42", False, None, 900), clock(), [(4, 4), (1, 2)])
    log.record(DrillAnswer("pairs", "41", "汽车", "41", "41", True), clock(), [(4, 4), (1, 1)])
    assert log.confusion() == {(4, 4): 2, (1, 2): 1, (1, 1): 1}
    assert log.item_stats("pairs") == {"41": (2, 1)}
    stored = log.answers("pairs")
    assert [a.answer for a in stored] == ["42", "41"] and stored[0].duration_ms == 900


def test_a_failed_answer_leaves_no_half_row(learner, clock):
    log = DrillLog(learner.progress)
    with pytest.raises(ValueError):
        log.record(DrillAnswer("tones", "3", "ma3", "3", "2", False), clock(), [(3, "x")])
    assert log.answers() == [] and log.confusion() == {}


def test_drill_answers_survive_reopening(data_dir, clock):
    first = Learner.open(data_dir, clock=clock)
    DrillLog(first.progress).record(DrillAnswer("tones", "2", "ma2", "2", "3", False), clock(), [(2, 3)])
    first.close()
    again = Progress(open_database(data_dir / "lianxi.db"))
    assert DrillLog(again).confusion() == {(2, 3): 1}
    again.conn.close()


# -- listening cards -----------------------------------------------------------------------


def test_studied_words_get_an_active_listening_card(learner, lesson_file, clock):
    learner.import_files([lesson_file()])
    assert add_listening_cards(learner) == 0  # nothing studied yet
    session = learner.session()
    card = session.next()
    assert card.kind is CardKind.RECOGNITION and card.hanzi == "你好"
    session.answer(3)
    assert add_listening_cards(learner) == 1
    cards = listening_cards(learner.progress)
    assert len(cards) == 1 and cards[0][2] is True
    assert learner.progress.card(cards[0][0]).hanzi == "你好"
    assert add_listening_cards(learner) == 0  # once per word


def test_a_listening_card_joins_the_schedule(learner, lesson_file, clock):
    learner.import_files([lesson_file()])
    session = learner.session()
    session.next()
    session.answer(3)
    add_listening_cards(learner)
    kinds = []
    for _day in range(4):  # a sibling answered today waits for another day
        clock.advance(days=1)
        session = learner.session()
        card = session.next()
        while card is not None and len(kinds) < 60:
            kinds.append((card.kind, card.hanzi))
            card = session.answer(3)
    assert (CardKind.LISTENING, "你好") in kinds


def test_listening_cards_follow_pause_and_the_setting(learner, lesson_file):
    learner.import_files([lesson_file()])
    session = learner.session()
    session.next()
    session.answer(3)
    add_listening_cards(learner)
    learner.progress.set_studying("sample-greetings", False)
    add_listening_cards(learner)
    assert listening_cards(learner.progress)[0][2] is False
    learner.progress.set_studying("sample-greetings", True)
    add_listening_cards(learner)
    assert listening_cards(learner.progress)[0][2] is True
    change_audio_settings(learner, listening_cards=False)
    assert audio_settings(learner).listening_cards is False
    add_listening_cards(learner)
    assert listening_cards(learner.progress)[0][2] is False


# -- drill runs -------------------------------------------------------------------------


def test_a_tone_run_stores_answers_and_the_confusion_table(learner):
    run = DrillRun(learner, Drill.TONES, rng=random.Random(1))
    heard = []
    for _ in range(5):
        item = run.next()
        heard.append(int(item.expected))
        run.answer("1")
    answers = DrillLog(learner.progress).answers("tones")
    assert [a.answer for a in answers] == ["1"] * 5
    assert sum(confusion(learner).counts.values()) == 5
    assert all(confusion(learner).count(h, 1) >= 1 for h in heard)
    assert run.asked == 5 and run.right == heard.count(1)


def test_an_unreadable_answer_is_not_stored_and_the_item_stays(learner):
    run = DrillRun(learner, Drill.PAIRS, rng=random.Random(2))
    item = run.next()
    verdict = run.answer("4")
    assert not verdict.readable and run.current is item
    assert DrillLog(learner.progress).answers() == []


def test_pairs_use_the_learners_words_and_cover_every_class(learner, lesson_file):
    learner.import_files([lesson_file()])
    run = DrillRun(learner, Drill.PAIRS, rng=random.Random(3))
    seen = set()
    for _ in range(len(PAIR_CLASSES)):
        seen.add(run.next().key)
        run.answer(run.current.expected)
    assert seen == set(PAIR_CLASSES)  # balanced: each class once in the first twenty
    assert any(w.hanzi == "再见" and w.note_id for w in learner_words(learner))


def test_listening_needs_four_words_in_the_chosen_lesson(learner, lesson_file):
    learner.import_files([lesson_file()])
    with pytest.raises(DrillUnavailable, match="at least four words"):
        DrillRun(learner, Drill.LISTEN, lesson_id="sample-greetings")


def test_listening_and_dictation_use_starter_words_before_any_lesson(learner):
    run = DrillRun(learner, Drill.LISTEN, rng=random.Random(4))
    item = run.next()
    assert len(item.options) == 4
    verdict = run.answer(str(item.answer_index + 1))
    assert verdict.correct
    stored = DrillLog(learner.progress).answers("listen")[0]
    assert stored.correct and stored.expected == item.expected


def test_dictation_offers_short_example_sentences(learner, lesson_file):
    learner.import_files([lesson_file()])
    words = learner_words(learner, sentences=True)
    assert "你好，我是老师。" in [w.hanzi for w in words]
    run = DrillRun(learner, Drill.DICTATION, rng=random.Random(5), lesson_id="sample-greetings")
    item = run.next()
    verdict = run.answer(item.pinyin)
    assert verdict.correct
    assert DrillLog(learner.progress).answers("dictation")[0].item == item.key


def test_drills_show_traditional_forms_when_the_learner_reads_traditional(learner):
    from lianxi.core.lesson_file import parse_lesson
    from lianxi.study.dictionary import set_script
    from samples import SAMPLE_LESSON

    text = SAMPLE_LESSON.replace('english = "thank you"', 'english = "thank you"\ntraditional = "謝謝"')
    learner.import_lessons([parse_lesson(text.encode(), "sample.toml")])
    assert "謝謝" not in {w.hanzi for w in learner_words(learner)}
    set_script(learner.progress, "traditional")
    shown = {w.hanzi for w in learner_words(learner)}
    assert "謝謝" in shown and "你好" in shown  # words without a traditional form stay as written
