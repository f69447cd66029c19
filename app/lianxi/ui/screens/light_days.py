"""Light days: the weekdays that get fewer reviews (about half), each switched with space or enter."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Static

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def label(day: int, light: bool) -> str:
    """The day with its state spelled out (the tick's colour alone is easy to miss)."""
    return f"{'light ' if light else 'normal'}  {DAY_NAMES[day]}"


class LightDaysScreen(ModalScreen[bool]):
    """Each change is saved at once; reviews due on light days move to nearby days in each card's range."""

    BINDINGS = [
        Binding("escape,q", "close", "Close"),
        Binding("down", "app.focus_next", "Next", show=False),
        Binding("up", "app.focus_previous", "Previous", show=False),
    ]

    def compose(self) -> ComposeResult:
        light = self.app.learner.settings.light_days
        with Vertical(id="light-days", classes="dialog"):
            yield Static(Text("Light days", style="bold"))
            for day in range(7):
                yield Checkbox(label(day, day in light), day in light, id=f"day-{day}")
            yield Static(Text("space or enter switches a day · esc closes\n"
                              "A light day gets about half the reviews of a normal day."), classes="hint")

    def on_mount(self) -> None:
        self.query(Checkbox).first().focus()

    @on(Checkbox.Changed)
    def save(self, event: Checkbox.Changed) -> None:
        chosen = [int(box.id.removeprefix("day-")) for box in self.query(Checkbox) if box.value]
        if len(chosen) == 7:
            event.checkbox.value = False  # Changed again, with six days: saved then
            self.notify("Keep at least one normal day.", severity="warning", timeout=3)
            return
        self.app.learner.change_settings(light_days=chosen)
        day = int(event.checkbox.id.removeprefix("day-"))
        event.checkbox.label = label(day, event.checkbox.value)

    def action_close(self) -> None:
        self.dismiss(True)
