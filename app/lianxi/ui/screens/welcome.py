"""First run: where to start. No questions about who the learner is."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from lianxi.study import bundled_lessons

WELCOME = """[b]欢迎 Welcome to Lianxi 练习[/b]

Flashcards and listening drills for Mandarin, on your own machine.
No account, no sign-up: your progress stays in a file on this computer.

Where would you like to start?"""


class WelcomeScreen(Screen):
    BINDINGS = [Binding("escape,q", "skip", "Skip")]

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome"):
            yield Static(WELCOME, id="welcome-text")
            yield OptionList(
                Option("The first course: everyday words from your first 你好 (HSK 1)", id="first"),
                Option("An HSK lesson: choose a level and a lesson", id="hsk"),
                Option("A lesson file from your tutor", id="file"),
                Option("Just look around", id="skip"),
                id="welcome-choices",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        learner = self.app.learner
        if choice == "first":
            first = next(b for b in bundled_lessons() if b.group == "first-course")
            learner.start_bundled(first.id)
            learner.progress.set_setting("welcomed", True)
            from lianxi.ui.screens.review import ReviewScreen

            self.app.switch_screen(ReviewScreen())
        elif choice == "hsk":
            from lianxi.ui.screens.catalogue import CatalogueScreen

            self.app.switch_screen(CatalogueScreen(only="hsk"))
        elif choice == "file":
            from lianxi.ui.screens.open_file import OpenFileScreen

            self.app.switch_screen(OpenFileScreen())
        else:
            self.action_skip()

    def action_skip(self) -> None:
        self.app.learner.progress.set_setting("welcomed", True)
        self.app.pop_screen()
