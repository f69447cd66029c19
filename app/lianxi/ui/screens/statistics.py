"""Statistics (home key `s`): the learner's own figures, one topic a tab, each a picture.

The figures come from lianxi.study.statistics in a worker thread, so the screen opens at
once; views are drawn by ui.widgets.statistics_views, the same ones `lianxi stats` prints.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane

from lianxi.study.statistics import Statistics, statistics
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.widgets.statistics_views import VIEWS

HELP_KEYS = [
    ("1-6", "calendar, forecast, retention, HSK, tones, time"),
    ("left, right", "the tab before or after"),
    ("up, down", "scroll a tab that does not fit"),
    ("r", "count again"),
    ("q, esc", "back to your lessons"),
    ("?", "this help"),
]


class StatisticsScreen(Screen):
    """Every figure at 80x24: today, streak and calendar, forecast, retention, HSK, tones, time."""

    BINDINGS = [
        *[Binding(str(n), f"show('{name}')", label, show=False) for n, (name, (label, _)) in
          enumerate(VIEWS.items(), start=1)],
        Binding("left", "step(-1)", "Previous", show=False),
        Binding("right", "step(1)", "Next", show=False),
        Binding("r", "refresh_figures", "Count again"),
        Binding("q,escape", "back", "Back"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.figures: Statistics | None = None

    def compose(self) -> ComposeResult:
        yield Static("Statistics · counting…", id="status")
        with TabbedContent(id="stats-tabs"):
            for number, (name, (label, _)) in enumerate(VIEWS.items(), start=1):
                with TabPane(f"{number} {label}", id=f"tab-{name}"):
                    with VerticalScroll(classes="stats-scroll"):
                        yield Static("", id=f"view-{name}", classes="stats-view")
        yield Footer()

    def on_mount(self) -> None:
        self.count()

    @work(thread=True, exclusive=True, group="statistics", exit_on_error=False)
    def count(self) -> None:
        figures = statistics(self.app.learner)
        self.app.call_from_thread(self.show_figures, figures)

    def show_figures(self, figures: Statistics) -> None:
        self.figures = figures
        for name, (_, view) in VIEWS.items():
            self.query_one(f"#view-{name}", Static).update(view(figures))
        self.query_one("#status", Static).update(
            f"Statistics · {figures.today_date:%A %d %B %Y}".replace(" 0", " "))

    def action_show(self, name: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{name}"

    def action_step(self, step: int) -> None:
        names = list(VIEWS)
        current = self.query_one(TabbedContent).active.removeprefix("tab-")
        self.action_show(names[(names.index(current) + step) % len(names)])

    def action_refresh_figures(self) -> None:
        self.query_one("#status", Static).update("Statistics · counting…")
        self.count()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Statistics", HELP_KEYS))
