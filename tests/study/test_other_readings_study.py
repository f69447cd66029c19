"""Studying a word with several readings: stored with the lesson, on its cards, each reading accepted."""

import pytest

from lianxi.core.cards import CardKind
from lianxi.core.grading import Verdict
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.typed_cards import check_answer, choose_kinds

LESSON = """\
id = "two-ways"
title = "Two ways"
level = "HSK 2"

[[words]]
hanzi = "长"
pinyin = "cháng"
english = "long"
other_readings = [{ pinyin = "zhǎng", english = ["to grow", "chief"] }]

[[words]]
hanzi = "书"
pinyin = "shū"
english = "book"
"""


@pytest.fixture
def cards(learner):
    learner.import_lessons([parse_lesson(LESSON.encode(), "two.toml")])
    choose_kinds(learner, "two-ways", [CardKind.RECOGNITION, CardKind.TYPE_PINYIN, CardKind.TYPE_HANZI])
    rows = learner.progress.conn.execute(
        "SELECT c.id, c.kind FROM cards c JOIN notes n ON n.id = c.note_id WHERE n.hanzi = '长'").fetchall()
    found = {kind: learner.progress.card(card_id) for card_id, kind in rows}
    return found


def test_the_card_carries_every_reading(cards):
    card = cards["type_pinyin"]
    assert card.numbered == "chang2"
    assert [(r.pinyin, r.english) for r in card.other_readings] == [("zhǎng", ("to grow", "chief"))]


@pytest.mark.parametrize("typed", ["chang2", "cháng", "zhang3", "zhǎng"])
def test_each_of_the_words_own_readings_is_right(cards, typed):
    assert check_answer(cards["type_pinyin"], typed).verdict is Verdict.EXACT


def test_a_wrong_tone_is_still_wrong(cards):
    assert check_answer(cards["type_pinyin"], "zhang4").verdict is not Verdict.EXACT
    assert check_answer(cards["type_pinyin"], "chang3").verdict is not Verdict.EXACT


def test_the_meaning_of_any_reading_is_right(cards):
    assert check_answer(cards["recognition"], "to grow").verdict is Verdict.EXACT
    assert check_answer(cards["recognition"], "long").verdict is Verdict.EXACT
    assert check_answer(cards["type_hanzi"], "zhang3").verdict is Verdict.EXACT


def test_reimporting_keeps_progress_and_updates_the_readings(learner, cards):
    changed = LESSON.replace('["to grow", "chief"]', '["to grow"]')
    (report,) = learner.import_lessons([parse_lesson(changed.encode(), "two.toml")])
    assert report.updated == 1 and report.added == 0
    card = learner.progress.card(cards["type_pinyin"].id)
    assert card.other_readings[0].english == ("to grow",)
