"""The settings screen through Pilot at 80x24: each setting changes and is saved; the retention
table marks the current choice; light days; fitting FSRS asks before saving."""

from lianxi.study.schedule_settings import fitted
from lianxi.ui.app import make_app
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.light_days import LightDaysScreen
from lianxi.ui.screens.optimize import OptimizeScreen
from lianxi.ui.screens.settings import ROWS, SettingsScreen

from simulated_learner import studied, studied_template  # noqa: F401


def row(key: str) -> int:
    return [r.key for r in ROWS].index(key)


def static_text(app, selector: str) -> str:
    from rich.console import Console

    console = Console(width=100, record=True)
    console.print(app.screen.query_one(selector).content)
    return console.export_text()


def cell(app, key: str) -> str:
    from textual.widgets import DataTable

    return str(app.screen.query_one("#settings", DataTable).get_cell(key, "value"))


async def open_settings(app, pilot):
    await pilot.press("comma")  # s is the statistics
    assert isinstance(app.screen, SettingsScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def go_to(pilot, app, key: str):
    from textual.widgets import DataTable

    table = app.screen.query_one("#settings", DataTable)
    while table.cursor_row < row(key):
        await pilot.press("down")
    while table.cursor_row > row(key):
        await pilot.press("up")


async def test_every_setting_shows_and_changes_at_80x24(learner):
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await open_settings(app, pilot)
        table = app.screen.query_one("#settings")
        assert table.region.bottom <= 23 and table.row_count == len(ROWS)  # all rows on screen
        assert [cell(app, k) for k in ("new_per_day", "desired_retention", "day_starts_at", "load_balance",
                                       "light_days", "tone_colours")] == ["10", "0.90", "4:00", "on", "none", "on"]

        await pilot.press("right", "right")
        assert learner.settings.new_per_day == 12 and cell(app, "new_per_day") == "12"
        await pilot.press("left")
        assert learner.settings.new_per_day == 11

        await go_to(pilot, app, "desired_retention")
        await pilot.press("left", "left", "left", "left", "left")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert learner.settings.desired_retention == 0.85
        shown = static_text(app, "#retention-table")
        assert "▶ 0.85" in shown and "0.80" in shown and "0.95" in shown and "Reviews/day" in shown
        assert "example course" in shown  # no cards yet: an example course is simulated

        await go_to(pilot, app, "day_starts_at")
        await pilot.press("left")
        assert learner.settings.day_starts_at == 3 and cell(app, "day_starts_at") == "3:00"

        await go_to(pilot, app, "load_balance")
        await pilot.press("enter")
        assert learner.settings.load_balance is False and cell(app, "load_balance") == "off"

        await go_to(pilot, app, "tone_colours")
        await pilot.press("enter")
        assert learner.progress.setting("tone_colours") == "off" and app.palette is None

        await go_to(pilot, app, "light_days")
        await pilot.press("enter")
        assert isinstance(app.screen, LightDaysScreen)
        for _ in range(5):
            await pilot.press("down")
        await pilot.press("space", "down", "space")  # Saturday and Sunday
        await pilot.press("escape")
        assert isinstance(app.screen, SettingsScreen)
        assert learner.settings.light_days == frozenset({5, 6}) and cell(app, "light_days") == "Sat Sun"

        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen)


async def test_fitting_from_the_settings_asks_then_saves(studied):
    learner, _ = studied
    learner.progress.set_setting("welcomed", True)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot)
        assert "300 cards" in static_text(app, "#retention-table")
        await pilot.press("o")
        assert isinstance(app.screen, OptimizeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = static_text(app, "#optimize-body")
        assert "Fitted on" in body and "log loss" in body and "in use: defaults" in body
        await pilot.press("n")  # keep the defaults
        assert isinstance(app.screen, SettingsScreen) and fitted(learner.progress) is None

        await go_to(pilot, app, "parameters")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        saved = fitted(learner.progress)
        assert saved is not None and cell(app, "parameters").startswith(f"yours, fitted {saved.fitted_on}")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "your own parameters" in static_text(app, "#retention-table")


async def test_the_leech_threshold_is_a_row_of_the_settings(learner):
    from lianxi.study.browser import leech_threshold

    learner.progress.set_setting("welcomed", True)
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot)
        await go_to(pilot, app, "leech_threshold")
        assert cell(app, "leech_threshold") == "forgotten 8 times: suspended"
        await pilot.press("left", "left")
        assert leech_threshold(learner) == 6 and cell(app, "leech_threshold") == "forgotten 6 times: suspended"
        for _ in range(7):
            await pilot.press("left")
        assert leech_threshold(learner) == 0 and cell(app, "leech_threshold").startswith("never")
