"""Home: your lessons with what is due and new, and the ways to start studying."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from lianxi.ui.screens.help import HelpScreen

HELP_KEYS = [
    ("r", "review everything that is due"),
    ("enter", "review the selected lesson"),
    ("a", "add a bundled lesson (first course, HSK)"),
    ("o", "open a lesson file"),
    ("p", "pause or resume the selected lesson"),
    ("k", "card kinds of the selected lesson (typed answers, cloze)"),
    ("d", "audio drills: tones, tone pairs, listening, dictation, minimal pairs"),
    ("/", "look a word up in the dictionary; add it to My words"),
    (",", "settings: new cards a day, retention (with a simulated year), light days, FSRS fit"),
    ("up, down", "move between lessons"),
    ("q", "quit"),
    ("?", "this help"),
]


class HomeScreen(Screen):
    BINDINGS = [
        Binding("r", "review_all", "Review all"),
        Binding("enter", "review_lesson", "Review lesson", show=False),
        Binding("a", "add", "Add lesson"),
        Binding("o", "open_file", "Open file"),
        Binding("p", "pause", "Pause/resume", show=False),
        Binding("k", "card_kinds", "Card kinds", show=False),
        Binding("d", "drills", "Drills"),
        Binding("slash", "lookup", "Look up"),
        Binding("comma", "settings", "Settings"),  # "s" is for statistics (issue #10)
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="today")
        yield DataTable(id="lessons", cursor_type="row", zebra_stripes=True)
        yield Static(id="home-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Lesson", key="title")
        table.add_column("Level", key="level")
        table.add_column("Words", key="words")
        table.add_column("Due", key="due")
        table.add_column("New", key="new")
        self.refresh_lessons()

    def on_screen_resume(self) -> None:
        self.refresh_lessons()

    def refresh_lessons(self) -> None:
        learner = self.app.learner
        stats = learner.stats()
        streak = f" · streak {stats.streak} day{'s' if stats.streak != 1 else ''}" if stats.streak else ""
        self.query_one("#today", Static).update(
            f"[b]Today[/b]  due {stats.due} · new {stats.new} · reviewed {stats.reviewed}{streak}"
        )
        table = self.query_one(DataTable)
        table.clear()
        lessons = learner.lessons()
        for s in lessons:
            # lesson text is data: Text cells, never markup (a title "Week 3 [/]" must show, not crash)
            title = Text(s.title) if s.studying else Text.assemble(s.title, (" (paused)", "dim"))
            table.add_row(title, Text(s.level), str(s.words), str(s.due), str(s.new), key=s.id)
        hint = self.query_one("#home-hint", Static)
        if lessons:
            hint.update("r review all · enter review this lesson · a add a lesson · ? help")
        else:
            hint.update("No lessons yet. Press a to add the first course or an HSK lesson, o to open a lesson file.")

    def _selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_review_all(self) -> None:
        from lianxi.ui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen())

    def action_review_lesson(self) -> None:
        from lianxi.ui.screens.review import ReviewScreen

        lesson_id = self._selected()
        if lesson_id:
            self.app.push_screen(ReviewScreen(lesson_id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_review_lesson()

    def action_add(self) -> None:
        from lianxi.ui.screens.catalogue import CatalogueScreen

        self.app.push_screen(CatalogueScreen())

    def action_open_file(self) -> None:
        from lianxi.ui.screens.open_file import OpenFileScreen

        self.app.push_screen(OpenFileScreen())

    def action_pause(self) -> None:
        lesson_id = self._selected()
        if lesson_id:
            current = next(s for s in self.app.learner.lessons() if s.id == lesson_id)
            self.app.learner.progress.set_studying(lesson_id, not current.studying)
            self.refresh_lessons()

    def action_drills(self) -> None:
        from lianxi.ui.screens.drills import DrillMenuScreen

        self.app.push_screen(DrillMenuScreen())

    def action_card_kinds(self) -> None:
        from lianxi.ui.screens.lesson_settings import LessonSettingsScreen

        lesson_id = self._selected()
        if lesson_id:
            self.app.push_screen(LessonSettingsScreen(lesson_id))

    def action_lookup(self) -> None:
        from lianxi.ui.screens.lookup import LookupScreen

        self.app.push_screen(LookupScreen())

    def action_settings(self) -> None:
        from lianxi.ui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Your lessons", HELP_KEYS))
