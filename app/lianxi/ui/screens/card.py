"""One card from the browser: its word, where it stands, its memory (FSRS) and every answer.

The same keys as the browser act on it (suspend, bury, flag, reset, play). Lesson text
(hanzi, glosses, titles, typed answers) is shown as data, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from lianxi.study import browser
from lianxi.study.browser import CardDetails
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.widgets.card_actions import CardActions, kind_name
from lianxi.ui.widgets.card_details import describe

HELP_KEYS = [
    ("s", "suspend or unsuspend"),
    ("z", "bury until tomorrow (again: unbury)"),
    ("1-4, 0", "flag red, orange, green, blue; 0 takes it off"),
    ("x", "reset to new (asks first; its history stays)"),
    ("p", "play the word"),
    ("up, down", "scroll the history"),
    ("q, esc", "back to the list"),
    ("?", "this help"),
]


class CardScreen(CardActions, Screen[None]):
    BINDINGS = [
        Binding("q,escape", "back", "Back"),
        *CardActions.ACTION_BINDINGS,
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, card_id: int) -> None:
        super().__init__()
        self.card_id = card_id
        self.details: CardDetails | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll(id="card-detail"):
            yield Static(id="card-info")
        yield Static("s suspend · z bury · 1-4 flag · 0 no flag · x reset · p play · q back", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.card_changed(self.card_id)

    def selected_card(self):
        return self.details.row if self.details else None

    def card_changed(self, card_id: int) -> None:
        self.details = browser.card_details(self.app.learner, card_id)
        info = self.query_one("#card-info", Static)
        if self.details is None:
            info.update("This card is gone (its lesson was removed).")
            return
        row = self.details.row
        self.query_one("#status", Static).update(
            Text.assemble(("Card", "bold"), " · ", row.hanzi, f" · {kind_name(row.kind)}"))
        info.update(describe(self.details, self.app.learner.clock(), self.app.learner.zone))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("A card", HELP_KEYS))
