"""Which kinds of card one lesson makes: a checkbox per kind, saved the moment it changes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Static

from lianxi.core.cards import CardKind
from lianxi.study.typed_cards import (
    CHOOSABLE_KINDS,
    KIND_LABELS,
    NoKindsChosen,
    choose_kinds,
    lesson_kinds,
)

NOTES = {CardKind.CLOZE: " (words with an example)"}


def label(kind: CardKind, on: bool) -> str:
    """The kind in words, with its state spelled out (the tick's colour alone is easy to miss)."""
    return f"{'on ' if on else 'off'}  {KIND_LABELS[kind]}{NOTES.get(kind, '')}"


class LessonSettingsScreen(Screen):
    """Turn card kinds on or off for one lesson; progress on a kind turned off is kept."""

    BINDINGS = [
        Binding("q,escape", "app.pop_screen", "Back"),
        Binding("down", "app.focus_next", "Next", show=False),
        Binding("up", "app.focus_previous", "Previous", show=False),
    ]

    def __init__(self, lesson_id: str):
        super().__init__()
        self.lesson_id = lesson_id
        self._reverting = False

    def compose(self) -> ComposeResult:
        title = next((title for lesson_id, title, _, _ in self.app.learner.progress.lesson_names()
                      if lesson_id == self.lesson_id), self.lesson_id)
        on_now = set(lesson_kinds(self.app.learner, self.lesson_id))
        with Vertical(id="kinds"):
            yield Static(Text.assemble(("Card kinds", "bold"), " · ", title), id="kinds-title")
            for kind in CHOOSABLE_KINDS:
                yield Checkbox(label(kind, kind in on_now), kind in on_now, id=f"kind-{kind.value}")
            yield Static(
                "space or enter turns a kind on or off; it is saved at once.\n"
                "Typed cards: type pinyin with tone numbers (ni3hao3) or marks (nǐhǎo).",
                classes="hint", id="kinds-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query(Checkbox).first().focus()

    def chosen(self) -> list[CardKind]:
        return [CardKind(box.id.removeprefix("kind-")) for box in self.query(Checkbox) if box.value]

    @on(Checkbox.Changed)
    def save(self, event: Checkbox.Changed) -> None:
        kind = CardKind(event.checkbox.id.removeprefix("kind-"))
        if self._reverting:
            self._reverting = False
        else:
            try:
                choose_kinds(self.app.learner, self.lesson_id, self.chosen())
            except NoKindsChosen as exc:
                self._reverting = True
                event.checkbox.value = True
                self.notify(str(exc).capitalize() + ".", severity="warning", timeout=3)
        event.checkbox.label = label(kind, event.checkbox.value)
