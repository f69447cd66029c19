"""The "nothing to do" screens at 80x24 say why, offer + and study ahead, and match the database.

What is drawn is read from the screen itself (the 24 lines of 80 columns), and every
number on it is checked against a query on the learner's database file.
"""

from __future__ import annotations

import re

from lianxi.core.lesson_file import parse_lesson
from lianxi.study.drills import change_audio_settings
from lianxi.ui.app import make_app
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.review import ReviewScreen

WORDS = [("你好", "nǐhǎo"), ("谢谢", "xièxie"), ("再见", "zàijiàn"), ("老师", "lǎoshī"), ("学生", "xuésheng")]


def lesson(words=WORDS):
    body = "".join(f'[[words]]\nhanzi = "{h}"\npinyin = "{p}"\nenglish = "w"\n\n' for h, p in words)
    return parse_lesson(f'id = "five"\ntitle = "Five words"\nlevel = "HSK 1"\n\n{body}'.encode(), "five.toml")


def drawn(app) -> str:
    """The screen as the learner sees it: 24 lines of 80 columns."""
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    assert len(lines) == 24 and all(len(line) <= 80 for line in lines)
    return "\n".join(lines)


def words_with_new_cards(learner) -> int:
    """From the file: words with a new card not held back by a sibling answered today."""
    start = learner.today_start().timestamp()
    return learner.progress.conn.execute(
        "SELECT COUNT(DISTINCT c.word_id) FROM cards c WHERE c.active AND c.state = 0 AND NOT EXISTS "
        "(SELECT 1 FROM cards s WHERE s.word_id = c.word_id AND s.last_review >= ?)", (start,)).fetchone()[0]


def words_held_back(learner) -> int:
    start = learner.today_start().timestamp()
    return learner.progress.conn.execute(
        "SELECT COUNT(DISTINCT c.word_id) FROM cards c WHERE c.active AND c.state = 0 AND EXISTS "
        "(SELECT 1 FROM cards s WHERE s.word_id = c.word_id AND s.id <> c.id AND s.last_review >= ?)",
        (start,)).fetchone()[0]


def setup(learner, new_per_day: int):
    learner.progress.set_setting("welcomed", True)
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False, listening_cards=False)
    learner.change_settings(new_per_day=new_per_day)
    learner.import_lessons([lesson()])


async def answer(pilot, times: int, grade: str = "4"):
    for _ in range(times):
        await pilot.press("space", grade)


async def past_the_summary(pilot):
    """After the session's last card its summary opens over the review; q closes it."""
    from lianxi.ui.screens.summary import SummaryScreen

    if isinstance(pilot.app.screen, SummaryScreen):
        await pilot.press("q")
    assert isinstance(pilot.app.screen, ReviewScreen)


async def test_daily_new_limit_says_so_and_plus_allows_more(learner):
    setup(learner, new_per_day=2)
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await answer(pilot, 2)
        await past_the_summary(pilot)
        assert screen.session.current is None
        text = drawn(app)
        waiting = words_with_new_cards(learner)
        assert waiting == 3  # 5 words, 2 studied today
        assert "You have had today's 2 new cards" in text
        assert f"{waiting} words wait" in re.sub(r"\s+", " ", text)
        assert "+ more new cards" in text and "Come back tomorrow" not in text
        assert "due 0 · new 0 · 2 answers" in text
        await pilot.press("plus")
        assert screen.session.current is not None and screen.session.current.is_new
        # the status line counts what this review now shows: the 3 waiting words (5 more allowed)
        assert "due 0 · new 3 · 2 answers" in drawn(app)
        await answer(pilot, 3)
        await past_the_summary(pilot)
        assert screen.session.current is None
        text = drawn(app)
        assert "+ more new cards" not in text and words_with_new_cards(learner) == 0
        assert f"{words_held_back(learner)} words wait for tomorrow" in re.sub(r"\s+", " ", text)


async def test_sibling_rule_is_named_and_plus_is_not_offered(learner):
    setup(learner, new_per_day=20)
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await answer(pilot, 5)
        await past_the_summary(pilot)
        text = re.sub(r"\s+", " ", drawn(app))
        held = words_held_back(learner)
        assert held == 5  # every word's recall card waits: its recognition card was studied today
        assert f"{held} words wait for tomorrow: another card of the same word was studied today" in text
        assert "+ more new cards" not in text
        await pilot.press("plus")  # nothing to allow: the screen stays as it is
        assert app.screen.session.current is None


async def test_study_ahead_from_the_nothing_screen(learner, clock):
    setup(learner, new_per_day=20)
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        while screen.session.current is not None:  # Good twice: a learning step, then days
            await answer(pilot, 1, "3")
        await past_the_summary(pilot)
        week = (clock().timestamp(), clock().timestamp() + 7 * 86400)
        coming = learner.progress.conn.execute(
            "SELECT COUNT(DISTINCT word_id) FROM cards WHERE active AND state > 0 AND due > ? AND due <= ?",
            week).fetchone()[0]
        assert coming == 5
        text = re.sub(r"\s+", " ", drawn(app))
        assert f"{coming} words come due in the next 7 days: press a to study ahead" in text
        assert "a study ahead" in text
        await pilot.press("a")
        card = screen.session.current
        assert card is not None and card.memory.due.timestamp() <= week[1]
        assert "studying ahead" in drawn(app)


async def test_home_says_when_the_limit_is_why_nothing_is_new_and_plus_works(learner):
    setup(learner, new_per_day=2)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await answer(pilot, 2)
        await past_the_summary(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen)
        text = re.sub(r"\s+", " ", drawn(app))
        assert "due 0 · new 0" in text
        assert f"{words_with_new_cards(learner)} words wait: press + to allow 5 more today" in text
        row = [str(c) for c in app.screen.query_one("DataTable").get_row("five")]
        assert row[3:] == ["0", "0"]
        await pilot.press("plus")
        row = [str(c) for c in app.screen.query_one("DataTable").get_row("five")]
        assert row[3:] == ["0", "3"]
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen) and app.screen.session.current.is_new


async def test_review_cap_is_shown_when_reached(learner, clock):
    setup(learner, new_per_day=20)
    session = learner.session()
    while session.next() is not None and session.reviewed < 30:
        session.answer(3)
    clock.advance(days=30)
    learner.change_settings(reviews_per_day=2)
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)  # the counts come just after the first card
        assert "due 2 ·" in drawn(app)
        await answer(pilot, 2, "3")
        await past_the_summary(pilot)
        text = re.sub(r"\s+", " ", drawn(app))
        assert "You reached today's limit of 2 reviews" in text
        assert app.screen.session.current is None or app.screen.session.current.memory.last_review is not None
