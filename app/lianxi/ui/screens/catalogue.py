"""Pick a bundled lesson to study: the first course and every HSK level."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from lianxi.core.lessons import LessonProblems
from lianxi.study import bundled_lessons
from lianxi.study.lesson_files import added_message


class CatalogueScreen(Screen):
    BINDINGS = [Binding("q,escape", "app.pop_screen", "Back")]

    def __init__(self, only: str | None = None):
        super().__init__()
        self.only = only  # "hsk" to show only HSK lessons

    def compose(self) -> ComposeResult:
        yield Static("[b]Add a lesson[/b]  enter starts studying it", id="catalogue-title")
        yield OptionList(id="catalogue")
        yield Footer()

    def on_mount(self) -> None:
        started = {s.id for s in self.app.learner.lessons()}
        options: list[Option | None] = []
        level = None
        for b in bundled_lessons():
            if self.only and not b.group.startswith(self.only):
                continue
            if b.level != level:
                if level is not None:
                    options.append(None)
                options.append(Option(f"── {b.level} ──", disabled=True))
                level = b.level
            mark = "✓ " if b.id in started else "  "
            options.append(Option(f"{mark}{b.title}  ({b.words} words)", id=b.id))
        self.query_one(OptionList).add_options(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        try:
            report = self.app.learner.start_bundled(event.option.id)
        except LessonProblems as exc:
            self.notify(str(exc.errors[0]), severity="error")
            return
        self.app.learner.progress.set_setting("welcomed", True)
        title = next((b.title for b in bundled_lessons() if b.id == event.option.id), event.option.id)
        self.notify(added_message(report, title), markup=False, timeout=4)
        self.app.pop_screen()
