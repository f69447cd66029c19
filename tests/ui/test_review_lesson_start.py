"""`lianxi review --lesson ID` on a bundled lesson not started yet: it starts, and its cards are shown."""

from lianxi.study.drills import change_audio_settings
from lianxi.ui.app import make_app
from lianxi.ui.screens.review import ReviewScreen


async def test_reviewing_a_bundled_lesson_not_started_shows_its_cards(learner):
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False)
    learner.lesson_to_review("first-01-greetings")  # what run_app does before the app opens
    app = make_app(learner, start="review", lesson_id="first-01-greetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.session.current is not None
        assert screen.session.current.lesson_id == "first-01-greetings"
        words = learner.progress.conn.execute(
            "SELECT COUNT(*) FROM notes WHERE lesson_id = 'first-01-greetings'").fetchone()[0]
        status = str(screen.query_one("#status").render())
        assert f"new {min(words, learner.settings.new_per_day)}" in status
