"""Open a lesson file (a tutor's .toml): check it, then import it, or say what to fix."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from lianxi.core.errors import UserError


class OpenFileScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Static("[b]Open a lesson file[/b]\nType the path of a .toml lesson file, then press enter.", id="open-title")
        yield Input(placeholder="~/Downloads/week-1.toml", id="path")
        yield Static(id="open-problems", markup=False)
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        problems = self.query_one("#open-problems", Static)
        if not event.value.strip():  # not "." (this folder): say what to type
            problems.update("Type the path of a lesson file first, like ~/Downloads/week-1.toml")
            return
        path = Path(event.value.strip()).expanduser()
        try:
            reports = self.app.learner.import_files([path.resolve()])
        except UserError as exc:
            problems.update(f"{exc}\n\nNothing was imported. Fix the file and press enter again.")
            return
        self.app.learner.progress.set_setting("welcomed", True)
        r = reports[0]
        if r.created:
            text = f"Imported {r.lesson_id}: {r.added} word{'s' if r.added != 1 else ''}."
        else:
            text = f"Updated {r.lesson_id}: {r.added} new, {r.updated} changed, {r.removed} removed (progress kept)."
        self.notify(text, markup=False, timeout=4)
        self.app.pop_screen()
