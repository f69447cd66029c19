"""The summary after a review session and after a drill, through Pilot at 80x24."""

from __future__ import annotations

import random

from lianxi.audio.playback import SilentPlayer
from lianxi.core.cards import CardKind
from lianxi.core.drills.items import Drill
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.typed_cards import choose_kinds
from lianxi.ui.app import make_app
from lianxi.ui.screens.drills import DrillScreen
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.review import ReviewScreen
from lianxi.ui.screens.summary import SummaryScreen

from drawn import drawn

TEN = "id = \"ten\"\ntitle = \"Numbers one to ten\"\nlevel = \"HSK 1\"\n" + "".join(
    f'\n[[words]]\nhanzi = "{h}"\npinyin = "{p}"\nenglish = "{e}"\n'
    for h, p, e in (("一", "yī", "one"), ("二", "èr", "two"), ("三", "sān", "three"), ("四", "sì", "four"),
                    ("五", "wǔ", "five"), ("六", "liù", "six"), ("七", "qī", "seven"), ("八", "bā", "eight"),
                    ("九", "jiǔ", "nine"), ("十", "shí", "ten"))
)


async def test_the_session_ends_with_words_cards_and_answers_counted_apart(learner, clock):
    learner.progress.set_setting("welcomed", True)
    learner.import_lessons([parse_lesson(TEN.encode(), "ten.toml")])
    choose_kinds(learner, "ten", [CardKind.RECOGNITION])
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # review the lesson
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert "Review · Numbers one to ten" in drawn(app)  # the title, not the id
        forget = {"三": 2, "九": 1}
        while isinstance(app.screen, ReviewScreen) and app.screen.session.current is not None:
            card = app.screen.session.current
            rating = "1" if forget.get(card.hanzi, 0) else "3"
            if rating == "1":
                forget[card.hanzi] -= 1
            clock.advance(minutes=11)
            await pilot.press("space", rating)
        assert isinstance(app.screen, SummaryScreen)
        answers, right = learner.progress.conn.execute("SELECT COUNT(*), SUM(rating > 1) FROM reviews").fetchone()
        assert answers > 20  # each new card comes back for its learning step: more answers than cards
        text = drawn(app)
        assert f"10 words · 10 cards · {answers} answers · {100 * right / answers:.0f}% remembered" in text
        assert "Missed: 2 words" in text and "三  sān  three   2× wrong" in text
        await pilot.press("p")  # the selected missed word
        await app.workers.wait_for_complete()
        assert len(app.player.played) >= 1
        await pilot.press("q")
        assert isinstance(app.screen, ReviewScreen)  # back to "all done", then home
        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen)


async def test_leaving_mid_session_shows_the_summary_then_home(learner, clock):
    learner.progress.set_setting("welcomed", True)
    learner.import_lessons([parse_lesson(TEN.encode(), "ten.toml")])
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "space", "3", "space", "3", "q")
        assert isinstance(app.screen, SummaryScreen)
        assert "2 words · 2 cards · 2 answers · 100% remembered" in drawn(app) and "Nothing missed." in drawn(app)
        # Nothing to hear: the keys say so (no "play"), and enter goes on like q.
        assert "play" not in drawn(app).lower() and "enter or q done" in drawn(app)
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)


async def test_lianxi_review_ends_with_the_summary_then_closes(learner, clock):
    learner.import_lessons([parse_lesson(TEN.encode(), "ten.toml")])
    app = make_app(learner, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "1", "q")
        assert isinstance(app.screen, SummaryScreen) and "1 word · 1 card · 1 answer" in drawn(app)
        await pilot.press("q")
    assert app.return_code is not None or not app.is_running


async def test_a_drill_ends_with_its_summary(learner):
    app = make_app(learner, player=SilentPlayer(available=True))  # a working sound card
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DrillScreen(Drill.TONES, rng=random.Random(2)))
        await pilot.pause()
        wrong = 0
        for n in range(4):
            heard = int(app.screen.item.expected)
            answer = heard if n % 2 else heard % 4 + 1
            wrong += answer != heard
            await pilot.press(str(answer), "space")
        await pilot.press("q")
        assert isinstance(app.screen, SummaryScreen)
        text = drawn(app)
        assert f"4 answers · {(4 - wrong) * 25}% right" in text
        assert f"Tone slips: {wrong}" in text
