"""The real app, driven by Pilot: first run, home, reviewing, undo, help; then the database is checked."""

from lianxi.core.lesson_file import parse_lesson
from lianxi.ui.app import make_app
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.review import ReviewScreen
from lianxi.ui.screens.welcome import WelcomeScreen

from samples import SAMPLE_LESSON


def reviews(learner):
    return learner.progress.conn.execute(
        "SELECT n.hanzi, c.kind, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id "
        "JOIN notes n ON n.id = c.note_id ORDER BY r.id"
    ).fetchall()


def screen_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


async def test_first_run_welcomes_without_questions_and_starts_the_first_course(learner):
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        assert "No account" in text and "name" not in text.lower()
        await pilot.press("enter")  # the first course
        assert isinstance(app.screen, ReviewScreen)
        for _ in range(4):
            await pilot.press("space", "3")
        await pilot.press("q", "q")  # leaving: the session's summary, then home
        assert isinstance(app.screen, HomeScreen)
    done = reviews(learner)
    assert len(done) == 4 and all(r[1] == "recognition" and r[2] == 3 for r in done)
    assert learner.progress.setting("welcomed") is True
    again = make_app(learner)
    async with again.run_test(size=(80, 24)):
        assert isinstance(again.screen, HomeScreen)  # the welcome screen is not shown twice


async def test_reviewing_with_every_grade_then_undo(learner):
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert "你好" in screen_text(app) and "hello" not in screen_text(app)
        await pilot.press("3")  # grading before the answer is shown does nothing
        assert reviews(learner) == []
        await pilot.press("space")
        text = screen_text(app)
        assert "hello; hi" in text and "nǐhǎo" in text and "3 Good 10m" in text and "4 Easy 8d" in text
        await pilot.press("1")
        await pilot.press("enter", "2")
        await pilot.press("space", "4")
        assert [r[2] for r in reviews(learner)] == [1, 2, 4]
        await pilot.press("u")
        assert [r[2] for r in reviews(learner)] == [1, 2]
        assert screen.session.current.hanzi == "再见"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("3")
        assert [r[2] for r in reviews(learner)] == [1, 2, 3]


async def test_home_lists_lessons_with_due_and_new_counts_and_reviews_one_lesson(learner, clock):
    learner.progress.set_setting("welcomed", True)
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("DataTable")
        # counts are words a review would show: 3 new words, one card each today
        assert [str(cell) for cell in table.get_row("sample-greetings")] == ["Greetings", "HSK 1", "3", "0", "3"]
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen) and app.screen.lesson_id == "sample-greetings"
        await pilot.press("space", "1", "q", "q")  # the answer, the session's summary, home
        # 你好 comes back within minutes (a learning step); its recall card waits for tomorrow
        assert [str(cell) for cell in table.get_row("sample-greetings")[3:]] == ["1", "2"]
        clock.advance(minutes=2)
        app.screen.refresh_lessons()
        assert [str(cell) for cell in table.get_row("sample-greetings")[3:]] == ["1", "2"]


async def test_adding_a_bundled_lesson_from_home(learner):
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.press("enter", "down", "enter")  # open the first course, add its first lesson
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert [s.id for s in learner.lessons()] == ["first-01-greetings"]


async def test_the_review_screen_fits_80x24(learner):
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        for widget in app.screen.query("#status, #grades, Footer"):
            region = widget.region
            assert region.right <= 80 and region.bottom <= 24 and region.height >= 1
