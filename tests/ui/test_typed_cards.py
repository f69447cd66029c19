"""Typed cards in the real app, driven by Pilot: choose the kinds on a lesson, type answers,
then check the stored review rows (card kind, rating, the answer as typed)."""

from __future__ import annotations

from textual.widgets import Checkbox, Input

from lianxi.audio.playback import SilentPlayer
from lianxi.core.cards import CardKind
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.drills import change_audio_settings
from lianxi.study.typed_cards import choose_kinds
from lianxi.ui.app import make_app
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.lesson_settings import LessonSettingsScreen
from lianxi.ui.screens.review import ReviewScreen
from lianxi.ui.widgets.typed_answer import TypedAnswer

from samples import SAMPLE_LESSON

LESSON = "sample-greetings"


def setup(learner, *kinds: CardKind) -> None:
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    change_audio_settings(learner, listening_cards=False, play_on_reveal=False)
    if kinds:
        choose_kinds(learner, LESSON, kinds)


def reviews(learner):
    return learner.progress.conn.execute(
        "SELECT n.hanzi, c.kind, r.rating, r.answer FROM reviews r JOIN cards c ON c.id = r.card_id "
        "JOIN notes n ON n.id = c.note_id ORDER BY r.id"
    ).fetchall()


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def type_in(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


async def test_choose_typed_kinds_on_home_then_type_answers(learner):
    setup(learner)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("k")
        assert isinstance(app.screen, LessonSettingsScreen)
        boxes = {box.id: box for box in app.screen.query(Checkbox)}
        assert boxes["kind-recognition"].value and boxes["kind-recall"].value
        assert not boxes["kind-type_pinyin"].value
        await pilot.press("down", "down", "space")  # type the pinyin: on
        await pilot.press("up", "up", "space", "down", "space")  # the two plain kinds: off
        await pilot.pause()
        assert learner.progress.card_kinds(LESSON) == (CardKind.TYPE_PINYIN,)
        assert "on   Hanzi → type the pinyin" in str(boxes["kind-type_pinyin"].label)
        await pilot.press("escape", "enter")  # back home, review the selected lesson
        assert isinstance(app.screen, ReviewScreen)
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert "你好" in text_of(app, "#card")
        assert "check your answer" in text_of(app, "#grades")

        await type_in(pilot, "ni3 hao4")  # digits and spaces go into the box, not to the grades
        assert reviews(learner) == []
        await pilot.press("enter")
        feedback = text_of(app, "#typed-feedback")
        assert "Tone slip" in feedback and "hao: you typed 4, it is 3" in feedback
        assert "enter Again" in text_of(app, "#grades")  # a tone slip is a failure of recall
        await pilot.press("enter")  # accept the suggested Again

        assert "谢谢" in text_of(app, "#card")
        assert app.screen.query_one(Input).value == ""
        await type_in(pilot, "xie4xie")
        await pilot.press("enter")
        assert "Right" in text_of(app, "#typed-feedback")
        await pilot.press("4")  # choose Easy instead of the suggested Good

        await type_in(pilot, "zhiang1")  # cannot be read: explained, nothing graded
        await pilot.press("enter")
        assert "'zhiang1' is not a Mandarin syllable" in text_of(app, "#typed-feedback")
        assert isinstance(app.focused, Input)
        await pilot.press(*["backspace"] * 7)
        await type_in(pilot, "zàijiàn")
        await pilot.press("enter", "enter")
    assert reviews(learner) == [
        ("你好", "type_pinyin", 1, "ni3 hao4"),
        ("谢谢", "type_pinyin", 4, "xie4xie"),
        ("再见", "type_pinyin", 3, "zàijiàn"),
    ]


async def test_meaning_cards_take_hanzi_or_pinyin(learner):
    setup(learner, CardKind.TYPE_HANZI)
    app = make_app(learner, start="review", lesson_id=LESSON, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "hello; hi" in text_of(app, "#card") and "你好" not in text_of(app, "#card")
        # What an input method commits arrives as text in the box.
        app.screen.query_one(Input).insert_text_at_cursor("妳好")
        await pilot.press("enter")
        feedback = text_of(app, "#typed-feedback")
        assert "you typed 妳, it is 你 (sounds the same)" in feedback
        assert "enter Hard" in text_of(app, "#grades")
        await pilot.press("enter")

        app.screen.query_one(Input).insert_text_at_cursor("謝謝")  # no traditional form in the lesson
        await pilot.press("enter")
        assert "you typed 謝, it is 谢" in text_of(app, "#typed-feedback")
        await pilot.press("3")  # the learner knows better than the suggestion

        await type_in(pilot, "zai4 jian4")
        await pilot.press("enter", "enter")
    assert reviews(learner) == [
        ("你好", "type_hanzi", 2, "妳好"),
        ("谢谢", "type_hanzi", 3, "謝謝"),
        ("再见", "type_hanzi", 3, "zai4 jian4"),
    ]


async def test_cloze_and_an_empty_answer(learner):
    setup(learner, CardKind.CLOZE, CardKind.TYPE_PINYIN)
    app = make_app(learner, start="review", lesson_id=LESSON, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # 你好 has an example sentence: its type-the-pinyin card comes first, then others' cards.
        await pilot.press("enter")  # nothing typed: show me
        feedback = text_of(app, "#typed-feedback")
        assert "Nothing typed" in feedback and "nothing typed" in feedback
        assert "enter Again" in text_of(app, "#grades")
        await pilot.press("enter")
        for _ in range(2):  # 谢谢 and 再见: type the pinyin, right
            await type_in(pilot, app.screen.session.current.numbered)
            await pilot.press("enter", "enter")
        # 你好's cloze is a sibling of a card studied today: it waits; the Again card is back first.
        assert app.screen.session.current.kind is CardKind.TYPE_PINYIN
        assert app.screen.session.current.hanzi == "你好"
    rows = reviews(learner)
    assert rows[0] == ("你好", "type_pinyin", 1, "")
    assert [r[2] for r in rows[1:]] == [3, 3]


async def test_cloze_card_shows_the_gap_and_grades_the_word(learner, clock):
    setup(learner, CardKind.CLOZE)
    app = make_app(learner, start="review", lesson_id=LESSON, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        card = text_of(app, "#card")
        assert "＿＿，我是老师。" in card and "Hello, I am a teacher." in card
        await type_in(pilot, "ni3hao")
        await pilot.press("enter")
        assert "hao: you typed neutral, it is 3" in text_of(app, "#typed-feedback")
        await pilot.press("enter")
    assert reviews(learner) == [("你好", "cloze", 1, "ni3hao")]  # a tone slip suggests Again


async def test_undo_after_a_typed_answer_takes_the_row_back(learner):
    setup(learner, CardKind.TYPE_PINYIN)
    app = make_app(learner, start="review", lesson_id=LESSON, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_in(pilot, "ni3hao3")
        await pilot.press("enter", "enter")
        assert len(reviews(learner)) == 1
        assert isinstance(app.focused, Input)  # the next card waits for typing: u is a letter
        await type_in(pilot, "u")
        assert len(reviews(learner)) == 1
        await pilot.press("ctrl+z")
        assert reviews(learner) == []
        assert "你好" in text_of(app, "#card") and "nǐhǎo" in text_of(app, "#card")
        assert not app.screen.query_one(TypedAnswer).display
        await pilot.press("2")  # graded by hand after undo: nothing typed this time
    assert reviews(learner) == [("你好", "type_pinyin", 2, None)]


async def test_settings_keep_at_least_one_kind(learner):
    setup(learner)
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k", "space", "down", "space")  # try to turn both kinds off
        await pilot.pause()
        assert learner.progress.card_kinds(LESSON) == (CardKind.RECALL,)
        assert app.screen.query_one("#kind-recall", Checkbox).value is True


async def test_plain_cards_show_no_answer_box(learner):
    setup(learner)
    app = make_app(learner, start="review", lesson_id=LESSON, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(TypedAnswer).display
        await pilot.press("space", "3")
    assert reviews(learner) == [("你好", "recognition", 3, None)]


OTHER_READING_LESSON = """\
id = "long"
title = "Long"
level = "HSK 1"

[[words]]
hanzi = "长"
pinyin = "cháng"
english = "long"
"""


async def test_another_reading_of_the_hanzi_is_named_not_accepted(learner, tmp_path):
    learner.import_lessons([parse_lesson(OTHER_READING_LESSON.encode(), "long.toml")])
    change_audio_settings(learner, listening_cards=False, play_on_reveal=False)
    choose_kinds(learner, "long", [CardKind.TYPE_PINYIN])
    app = make_app(learner, start="review", lesson_id="long", player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_in(pilot, "zhang3")
        await pilot.press("enter")
        await pilot.pause()
        feedback = text_of(app, "#typed-feedback")
        assert "Another reading" in feedback
        assert "zhǎng is 长" in feedback and "this card is cháng 'long'" in feedback
        assert "enter Again" in text_of(app, "#grades")
        app.save_screenshot(str(tmp_path / "other-reading.svg"))
        await pilot.press("enter")
    assert reviews(learner) == [("长", "type_pinyin", 1, "zhang3")]
