"""The `?` help: every key of the screen it was opened from, in plain words.

The keys and their meanings are drawn as two columns, so a meaning too long for
one line wraps under itself, never back to the left edge under the keys.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def keys_table(keys: list[tuple[str, str]]) -> Table:
    """Key and meaning side by side; a long meaning wraps inside its own column."""
    grid = Table.grid(padding=(0, 3))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for key, what in keys:
        grid.add_row(Text(key), Text(what))
    return grid


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close"),
    ]

    def __init__(self, title: str, keys: list[tuple[str, str]]):
        super().__init__()
        self.help_title = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Text(self.help_title, style="bold"), id="help-title")
            with VerticalScroll(id="help-scroll"):  # a long list scrolls inside the box at 80x24
                yield Static(keys_table(self.keys), id="help-keys")
            yield Static("Press ?, F1 or Esc to close.", id="help-close", classes="hint")

    def action_dismiss(self) -> None:
        self.dismiss()
