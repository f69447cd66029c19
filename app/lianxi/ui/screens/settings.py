"""Settings: every learner setting in one list, changed with the arrow keys and saved at once.

Below the list, the retention table: for desired retention 0.80 to 0.95, what a year
of study would cost (reviews and minutes a day) and give (words remembered), simulated
by FSRS with the learner's own parameters; the current choice is marked. `o` fits FSRS
to the learner's reviews (see OptimizeScreen). Other features add rows to ROWS.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from lianxi.core.schedule import SETTING_LIMITS
from lianxi.study.browser import leech_threshold, set_leech_threshold
from lianxi.study.dictionary import script, set_script
from lianxi.study.fsrs_rs import OptimizerMissing
from lianxi.study.retention import WorkloadTable, workloads
from lianxi.study.schedule_settings import change_day_start, fitted, light_day_names
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.tones import palette_from_setting


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    label: str
    keys: str  # what the keys do on this row, in a few words


ROWS = [
    Row("new_per_day", "New cards a day", "← → fewer / more"),
    Row("desired_retention", "Desired retention", "← → lower / higher"),
    Row("day_starts_at", "Study day starts at", "← → earlier / later"),
    Row("load_balance", "Load balancing", "enter on / off"),
    Row("light_days", "Light days", "enter choose days"),
    Row("script", "Characters", "enter simplified / traditional"),
    Row("tone_colours", "Tone colours", "enter on / off"),
    Row("parameters", "FSRS parameters", "enter or o: fit to you"),
    Row("leech_threshold", "Leech after", "← → fewer / more times forgotten (0: never)"),
]

HELP_KEYS = [
    ("up, down", "choose a setting"),
    ("left, right", "change a number (saved at once)"),
    ("enter, space", "switch on or off, or open the choice"),
    ("o", "fit FSRS to your reviews (asks before saving)"),
    ("q, esc", "back"),
    ("?", "this help"),
]


def leech_text(lapses: int) -> str:
    return f"forgotten {lapses} times: suspended" if lapses else "never (cards are not suspended as leeches)"


class SettingsScreen(Screen):
    """The learner's settings, and the evidence for choosing a desired retention."""

    BINDINGS = [
        Binding("left,minus", "change(-1)", "Less", priority=True),
        Binding("right,plus", "change(1)", "More", priority=True),
        Binding("enter,space", "toggle", "Change", priority=True),
        Binding("o", "optimize", "Fit FSRS"),
        Binding("q,escape", "app.pop_screen", "Back"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self):
        super().__init__()
        self._simulated: dict = {}

    def compose(self) -> ComposeResult:
        yield Static(Text("Settings", style="bold"), id="status")
        with VerticalScroll(id="settings-area"):
            yield DataTable(id="settings", cursor_type="row", show_header=False)
            yield Static(id="setting-hint", classes="hint")
            yield Static(id="retention-table")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#settings", DataTable)
        table.add_column("Setting", key="label", width=20)
        table.add_column("Value", key="value", width=52)
        for row in ROWS:
            table.add_row(row.label, "", key=row.key)
        self.refresh_values()
        table.focus()
        self.simulate()

    # drawing

    def values(self) -> dict[str, str]:
        learner = self.app.learner
        current = learner.settings
        colours = learner.progress.setting("tone_colours") or "default"
        return {
            "new_per_day": str(current.new_per_day),
            "desired_retention": f"{current.desired_retention:.2f}",
            "day_starts_at": f"{current.day_starts_at}:00",
            "load_balance": "on" if current.load_balance else "off",
            "light_days": light_day_names(current.light_days),
            "script": script(learner.progress),
            "tone_colours": "off" if colours == "off" else ("on" if colours == "default" else "on (your colours)"),
            "parameters": parameters_text(learner),
            "leech_threshold": leech_text(leech_threshold(learner)),
        }

    def refresh_values(self) -> None:
        table = self.query_one("#settings", DataTable)
        for key, value in self.values().items():
            table.update_cell(key, "value", Text(value))
        self.show_hint()

    def selected(self) -> Row:
        table = self.query_one("#settings", DataTable)
        return ROWS[table.cursor_row]

    def show_hint(self) -> None:
        self.query_one("#setting-hint", Static).update(Text(self.selected().keys))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_hint()

    @work(thread=True, exclusive=True, group="simulate")
    def simulate(self) -> None:
        self.app.call_from_thread(self.query_one("#retention-table", Static).update,
                                  Text("Simulating a year at each retention...", style="italic"))
        try:
            table = workloads(self.app.learner, self._simulated)
        except OptimizerMissing as exc:
            self.app.call_from_thread(self.query_one("#retention-table", Static).update, Text(str(exc)))
            return
        self.app.call_from_thread(self.query_one("#retention-table", Static).update, retention_table(table))

    # changing

    def action_change(self, step: int) -> None:
        key = self.selected().key
        learner = self.app.learner
        current = learner.settings
        if key == "new_per_day":
            low, high = SETTING_LIMITS[key]
            learner.change_settings(new_per_day=int(min(max(current.new_per_day + step, low), high)))
        elif key == "desired_retention":
            low, high = SETTING_LIMITS[key]
            value = round(min(max(current.desired_retention + step * 0.01, low), high), 2)
            learner.change_settings(desired_retention=value)
        elif key == "day_starts_at":
            change_day_start(learner, (current.day_starts_at + step) % 24)
        elif key == "leech_threshold":
            set_leech_threshold(learner, min(max(leech_threshold(learner) + step, 0), 99))
        else:
            self.action_toggle()
            return
        self.refresh_values()
        if key in ("new_per_day", "desired_retention"):
            self.simulate()

    def action_toggle(self) -> None:
        key = self.selected().key
        learner = self.app.learner
        if key == "load_balance":
            learner.change_settings(load_balance=not learner.settings.load_balance)
        elif key == "script":
            set_script(learner.progress, "traditional" if script(learner.progress) == "simplified" else "simplified")
        elif key == "tone_colours":
            value = "default" if (learner.progress.setting("tone_colours") or "default") == "off" else "off"
            learner.progress.set_setting("tone_colours", value)
            self.app.palette = palette_from_setting(value)
        elif key == "light_days":
            from lianxi.ui.screens.light_days import LightDaysScreen

            self.app.push_screen(LightDaysScreen(), lambda _: self.refresh_values())
            return
        elif key == "parameters":
            self.action_optimize()
            return
        else:
            return
        self.refresh_values()

    def action_optimize(self) -> None:
        from lianxi.ui.screens.optimize import OptimizeScreen

        def after(changed: bool | None) -> None:
            self.refresh_values()
            if changed:
                self._simulated.clear()
                self.simulate()

        self.app.push_screen(OptimizeScreen(), after)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Settings", HELP_KEYS))


def parameters_text(learner) -> str:
    current = fitted(learner.progress)
    if current is None:
        return "FSRS's defaults"
    return f"yours, fitted {current.fitted_on} on {current.reviews:,} reviews"


def retention_table(result: WorkloadTable) -> Table:
    """The simulated year at each desired retention, the learner's choice marked."""
    what = (f"an example course of {result.cards:,} cards" if result.example
            else f"your {result.cards:,} cards")
    whose = "your own parameters" if result.fitted else "FSRS's default parameters"
    table = Table(
        title=Text("Desired retention: a year of study, simulated by FSRS", style="bold"),
        caption=Text(f"For {what} at {result.new_per_day} new a day, with {whose}. "
                     "Remembered: cards learned this year that you still know at its end."),
        caption_justify="left", box=None, padding=(0, 1), expand=False,
    )
    table.add_column("Retention", justify="right")
    table.add_column("Reviews/day", justify="right")
    table.add_column("Minutes/day", justify="right")
    table.add_column("Remembered after a year", justify="right")
    for row in result.rows:
        style = "bold reverse" if row.current else ""
        mark = "▶ " if row.current else "  "
        table.add_row(
            Text(f"{mark}{row.retention:.2f}"), f"{row.reviews_per_day:,.0f}", f"{row.minutes_per_day:,.0f}",
            f"{row.remembered:,.0f} of {row.learned:,} ({row.share:.0%})", style=style,
        )
    return table
