"""The card browser and a card's screen through Pilot at 80x24: searches and actions checked
against the database, and the queue honouring them."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lianxi.audio.playback import SilentPlayer
from lianxi.core.lesson_file import parse_lesson
from lianxi.ui.app import make_app
from lianxi.ui.screens.browser import BrowserScreen
from lianxi.ui.screens.card import CardScreen
from lianxi.ui.screens.confirm import ConfirmScreen
from lianxi.ui.screens.home import HomeScreen

from drawn import drawn
from history import study
from samples import SAMPLE_LESSON


@pytest.fixture
def studied(learner, clock):
    learner.progress.set_setting("welcomed", True)
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    learner.start_bundled("first-01-greetings")
    study(learner, clock, 12, per_day=20, typed=False, drills=0)
    return learner


def card_ids_drawn(screen) -> list[int]:
    table = screen.query_one("DataTable")
    return [int(table.coordinate_to_cell_key((row, 0)).row_key.value) for row in range(table.row_count)]


async def shown(app, pilot) -> str:
    """The screen once it has been drawn again."""
    await pilot.pause()
    return drawn(app)


def column(learner, card_id: int, name: str):
    return learner.progress.conn.execute(f"SELECT {name} FROM cards WHERE id = ?", (card_id,)).fetchone()[0]


async def open_browser(app, pilot, query: str | None = None) -> BrowserScreen:
    await pilot.press("b")
    screen = app.screen
    assert isinstance(screen, BrowserScreen)
    if query is not None:
        await pilot.press("slash")
        screen.query_one("Input").value = query
        await pilot.press("enter")
    return screen


async def test_search_lists_the_cards_the_database_holds(studied):
    conn = studied.progress.conn
    app = make_app(studied)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(app, pilot)
        every = [r[0] for r in conn.execute("SELECT id FROM cards ORDER BY new_order, id LIMIT 200")]
        assert card_ids_drawn(screen) == every
        total = conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
        assert f"Cards · {total} cards" in drawn(app)
        await pilot.press("slash", *"hao", "enter")
        expected = {r[0] for r in conn.execute(
            "SELECT c.id FROM cards c JOIN words w ON w.id = c.word_id WHERE ' ' || w.reading || ' ' LIKE '% hao_ %'")}
        assert set(card_ids_drawn(screen)) == expected and expected
        await pilot.press("slash")
        screen.query_one("Input").value = "state:due"
        await pilot.press("enter")
        now = studied.clock().timestamp()
        due = {r[0] for r in conn.execute("SELECT id FROM cards WHERE state > 0 AND due <= ? AND NOT suspended", (now,))}
        assert set(card_ids_drawn(screen)) == due
        await pilot.press("slash")
        screen.query_one("Input").value = "state:sleepy"
        await pilot.press("enter")
        assert "unknown state 'sleepy'" in drawn(app)


async def test_suspend_bury_flag_and_reset_are_saved_and_drawn(studied, clock):
    app = make_app(studied)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(app, pilot, "state:review")
        card = card_ids_drawn(screen)[0]
        await pilot.press("s")
        assert column(studied, card, "suspended") == 1 and "suspended" in await shown(app, pilot)
        assert all(c.id != card for c in _queue(studied))
        await pilot.press("s")
        assert column(studied, card, "suspended") == 0
        await pilot.press("z")
        tomorrow = datetime(2026, 3, 15, 4, tzinfo=timezone.utc).timestamp()  # the clock is on 14 March
        assert column(studied, card, "buried_until") == tomorrow
        assert "buried" in await shown(app, pilot)
        await pilot.press("2")
        assert column(studied, card, "flag") == 2 and "orange" in await shown(app, pilot)
        await pilot.press("0")
        assert column(studied, card, "flag") == 0
        reviews = studied.progress.conn.execute("SELECT COUNT(*) FROM reviews WHERE card_id = ?", (card,)).fetchone()[0]
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert column(studied, card, "state") == 2
        await pilot.press("x", "y")
        assert column(studied, card, "state") == 0 and column(studied, card, "reps") == 0
        assert studied.progress.conn.execute(
            "SELECT COUNT(*) FROM reviews WHERE card_id = ?", (card,)).fetchone()[0] == reviews


def _queue(learner):
    session = learner.session()
    seen = []
    card = session.next()
    while card is not None and len(seen) < 200:
        seen.append(card)
        session.skip_current()
        card = learner.progress.next_due(learner.clock(), learner.today_start(), skip=[c.id for c in seen])
    return seen


async def test_a_cards_screen_shows_its_history_and_memory_from_the_database(studied):
    conn = studied.progress.conn
    card = conn.execute("SELECT card_id FROM reviews GROUP BY card_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    app = make_app(studied, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(app, pilot)
        table = screen.query_one("DataTable")
        table.move_cursor(row=card_ids_drawn(screen).index(card))
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen) and app.screen.card_id == card
        details = app.screen.details
        stored = conn.execute("SELECT reviewed_at, rating FROM reviews WHERE card_id = ? ORDER BY reviewed_at",
                              (card,)).fetchall()
        assert [(h.at.timestamp(), h.rating) for h in details.history] == [
            (at, {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}[r]) for at, r in stored]
        stability = conn.execute("SELECT stability FROM cards WHERE id = ?", (card,)).fetchone()[0]
        assert details.stability == stability
        text = drawn(app)
        assert "Answers, newest first" in text and "recall today" in text
        last = datetime.fromtimestamp(stored[-1][0], timezone.utc).strftime("%Y-%m-%d %H:%M")
        assert last in text
        await pilot.press("p")
        await app.workers.wait_for_complete()
        assert len(app.player.played) == 1
        await pilot.press("s")
        assert column(studied, card, "suspended") == 1 and "suspended" in await shown(app, pilot)
        await pilot.press("q")
        assert isinstance(app.screen, BrowserScreen)
        await pilot.pause()
        assert "suspended" in str(app.screen.query_one("DataTable").get_row(str(card))[4])
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_l_lists_the_leeches(studied):
    conn = studied.progress.conn
    leech = conn.execute("SELECT id FROM cards WHERE state = 2 LIMIT 1").fetchone()[0]
    conn.execute("UPDATE cards SET leech = 1, suspended = 1, lapses = 8 WHERE id = ?", (leech,))
    app = make_app(studied)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(app, pilot)
        await pilot.press("l")
        leeches = [r[0] for r in conn.execute("SELECT id FROM cards WHERE leech > 0 ORDER BY lapses DESC, id")]
        assert card_ids_drawn(screen) == leeches and leeches[0] == leech  # by memory too, most forgotten first
        assert "red: a leech" in drawn(app)
        assert str(screen.query_one("DataTable").get_row(str(leech))[4]) == "suspended"


def test_browser_snapshot(snap_compare, studied):
    assert snap_compare(make_app(studied), press=["b"], terminal_size=(80, 24))


def test_card_snapshot(snap_compare, studied):
    assert snap_compare(make_app(studied), press=["b", "down", "enter"], terminal_size=(80, 24))


def test_browser_snapshot_100x30(snap_compare, studied):
    assert snap_compare(make_app(studied), press=["b", "slash", "h", "a", "o", "enter"], terminal_size=(100, 30))
