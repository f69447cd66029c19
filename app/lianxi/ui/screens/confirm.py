"""A yes/no question before something that cannot be undone with `u` (reset a card to new)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape,q", "answer(False)", "No"),
    ]

    def __init__(self, question: Text | str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.question if isinstance(self.question, Text) else Text(self.question), id="confirm-question")
            yield Static("y  yes    n  no", classes="hint", id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
