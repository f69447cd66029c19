"""lianxi.study.typed_cards on a real database: choosing a lesson's card kinds, checking a card's answer."""

import pytest

from lianxi.core.cards import CardKind
from lianxi.core.grading import Verdict
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.pinyin import PinyinError
from lianxi.core.schedule import Rating
from lianxi.study.typed_cards import NoKindsChosen, check_answer, choose_kinds, is_typed, lesson_kinds

LESSON = """\
id = "typed"
title = "Typed"
level = "HSK 1"

[[words]]
hanzi = "长"
pinyin = "cháng"
english = "long"
example = "这条河很长。"

[[words]]
hanzi = "东西"
pinyin = "dōngxi"
english = ["thing", "stuff"]
traditional = "東西"
"""


def active_kinds(learner):
    return sorted({row[0] for row in learner.progress.conn.execute(
        "SELECT c.kind FROM cards c JOIN notes n ON n.word_id = c.word_id WHERE n.lesson_id = 'typed' AND c.active")})


@pytest.fixture
def lesson(learner):
    learner.import_lessons([parse_lesson(LESSON.encode(), "typed.toml")])
    return learner


def test_choosing_kinds_makes_and_parks_cards(lesson):
    learner = lesson
    assert lesson_kinds(learner, "typed") == (CardKind.RECOGNITION, CardKind.RECALL)
    chosen = choose_kinds(learner, "typed", [CardKind.CLOZE, CardKind.TYPE_PINYIN])
    assert chosen == (CardKind.TYPE_PINYIN, CardKind.CLOZE)  # kept in study order
    assert active_kinds(learner) == ["cloze", "type_pinyin"]
    counts = dict(learner.progress.conn.execute(
        "SELECT c.kind, COUNT(*) FROM cards c JOIN notes n ON n.word_id = c.word_id "
        "WHERE n.lesson_id = 'typed' AND c.active GROUP BY c.kind"))
    assert counts == {"type_pinyin": 2, "cloze": 1}  # only 长 has an example sentence
    # Turning a kind off keeps its cards (and their progress) for when it comes back.
    before = learner.progress.conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    choose_kinds(learner, "typed", [CardKind.RECOGNITION])
    assert active_kinds(learner) == ["recognition"]
    assert learner.progress.conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == before


def test_at_least_one_kind_stays_on(lesson):
    with pytest.raises(NoKindsChosen, match="keep at least one kind"):
        choose_kinds(lesson, "typed", [])
    assert lesson_kinds(lesson, "typed") == (CardKind.RECOGNITION, CardKind.RECALL)


def test_check_answer_uses_the_cards_word(lesson):
    choose_kinds(lesson, "typed", [CardKind.TYPE_PINYIN, CardKind.TYPE_HANZI])
    cards = {(c.hanzi, c.kind): c for c in (
        lesson.progress.card(row[0]) for row in lesson.progress.conn.execute("SELECT id FROM cards"))}
    pinyin_card = cards[("长", CardKind.TYPE_PINYIN)]
    assert is_typed(pinyin_card) and not is_typed(cards[("长", CardKind.RECOGNITION)])
    other = check_answer(pinyin_card, "zhang3")  # another word written 长: named, not right
    assert (other.verdict, other.rating) == (Verdict.OTHER_READING, Rating.Again)
    assert "zhǎng is 长" in other.note and "this card is cháng" in other.note
    assert check_answer(pinyin_card, "chang2").verdict is Verdict.EXACT
    meaning_card = cards[("长", CardKind.TYPE_HANZI)]
    assert check_answer(meaning_card, "zhang3").rating is Rating.Again  # "long" was shown
    trad = check_answer(cards[("东西", CardKind.TYPE_HANZI)], "東西")
    assert trad.verdict is Verdict.EXACT and "traditional" in trad.note
    with pytest.raises(PinyinError, match="'dongx1'"):
        check_answer(cards[("东西", CardKind.TYPE_PINYIN)], "dongx1")
