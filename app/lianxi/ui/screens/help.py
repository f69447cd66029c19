"""The `?` help: every key of the screen it was opened from, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def __init__(self, title: str, keys: list[tuple[str, str]]):
        super().__init__()
        self.help_title = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        width = max(len(k) for k, _ in self.keys)
        lines = "\n".join(f"  {key:<{width}}   {what}" for key, what in self.keys)
        with Vertical(id="help"):
            yield Static(f"[b]{self.help_title}[/b]", id="help-title")
            yield Static(lines, id="help-keys", markup=False)
            yield Static("Press ? or Esc to close.", classes="hint")

    def action_dismiss(self) -> None:
        self.dismiss()
