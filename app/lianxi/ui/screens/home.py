"""Home: your lessons with what is due and new, and the ways to start studying."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.widgets.data_table import ColumnKey

from lianxi.study.session import nothing_today
from lianxi.study.statistics import current_streak, today_counts
from lianxi.ui.screens.help import HelpScreen

HELP_KEYS = [
    ("r", "review everything that is due"),
    ("enter", "review the selected lesson"),
    ("a", "add a bundled lesson (first course, HSK)"),
    ("o", "open a lesson file"),
    ("p", "pause or resume the selected lesson"),
    ("k", "card kinds of the selected lesson (typed, cloze)"),
    ("d", "audio drills: tones, pairs, listening, dictation"),
    ("/", "the dictionary; add a word to My words"),
    ("s", "statistics: streak, forecast, retention, HSK, tones"),
    ("b", "your cards: search, suspend, bury, flag, leeches"),
    (",", "settings: new cards, retention, light days, FSRS fit"),
    ("+", "when today's new cards are done: 5 more today"),
    ("up, down", "move between lessons"),
    ("q", "quit"),
    ("?", "this help"),
]


class HomeScreen(Screen):
    # Every key the home screen has is in the footer or in the line above it (a, o, enter, q),
    # in short words so they fit 80 columns.
    BINDINGS = [
        Binding("r", "review_all", "Review"),
        Binding("enter", "review_lesson", "Review lesson", show=False),
        Binding("a", "add", "Add", show=False),  # in the line above the footer
        Binding("o", "open_file", "Open", show=False),  # in the line above the footer
        Binding("p", "pause", "Pause"),
        Binding("k", "card_kinds", "Kinds"),
        Binding("d", "drills", "Drills"),
        Binding("slash", "lookup", "Look up"),
        Binding("s", "statistics", "Stats"),
        Binding("b", "browse", "Cards"),
        Binding("comma", "settings", "Settings"),
        Binding("plus", "more_new", "More new", show=False),  # offered in the line above when it helps
        Binding("q", "app.quit", "Quit", show=False),  # as on every screen; the help says so
        Binding("question_mark", "help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="today")
        yield DataTable(id="lessons", cursor_type="row", zebra_stripes=True)
        yield Static(id="home-hint", classes="hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Lesson", key="title")
        table.add_column("Level", key="level")
        table.add_column("Words", key="words")
        table.add_column("Due", key="due")
        table.add_column("New", key="new")

    def on_screen_resume(self) -> None:
        """Also on the first show: the counts are worked out once per visit, not on mount too."""
        self.refresh_lessons()

    def refresh_lessons(self) -> None:
        learner = self.app.learner
        stats, lessons = learner.today()  # every count on this screen, counted once
        self._stats = stats
        today = today_counts(learner)  # words, not answers: a card repeated in its learning steps is one word
        days = current_streak(learner).current  # reviews and drills, as the statistics count them
        streak = f" · streak {days} day{'s' if days != 1 else ''}" if days else ""
        done = f" · {today.words} word{'s' if today.words != 1 else ''} reviewed" if today.words else ""
        self.query_one("#today", Static).update(
            f"[b]Today[/b]  due {stats.due} · new {stats.new}{done}{streak}"
        )
        table = self.query_one(DataTable)
        # the learner's place: the same lesson stays selected when the list is drawn again
        place = self._selected()
        row = table.cursor_row
        table.clear()
        titles = []
        for s in lessons:
            # lesson text is data: Text cells, never markup (a title "Week 3 [/]" must show, not crash)
            title = Text(s.title) if s.studying else Text.assemble(s.title, (" (paused)", "dim"))
            title.no_wrap, title.overflow = True, "ellipsis"
            titles.append(title)
            level = Text(s.level, no_wrap=True, overflow="ellipsis")
            table.add_row(title, level, str(s.words), str(s.due), str(s.new), key=s.id)
        # A long title or level is cut on screen (the cell keeps it whole) so the counts stay in view.
        self._fit(table, "title", titles, max(20, self.app.size.width - 42))
        self._fit(table, "level", [Text(s.level) for s in lessons], 12)
        ids = [s.id for s in lessons]
        if place in ids:
            table.move_cursor(row=ids.index(place), animate=False)
        elif lessons:
            table.move_cursor(row=min(row, len(lessons) - 1), animate=False)
        hint = self.query_one("#home-hint", Static)
        if lessons and not stats.due and not stats.new and (stats.new_waiting or stats.capped):
            hint.update(Text(nothing_today(stats)))  # today's limits are why nothing is shown
        elif lessons:
            hint.update("enter review this lesson · a add a lesson · o open a lesson file · q quit")
        else:
            hint.update("No lessons yet · a add a lesson (first course, HSK) · o open a lesson file")

    @staticmethod
    def _fit(table: DataTable, key: str, cells: list[Text], room: int) -> None:
        column = table.columns[ColumnKey(key)]
        widest = max((cell.cell_len for cell in cells), default=0)
        column.auto_width = widest <= room
        if not column.auto_width:
            column.width = room
        table.refresh()

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
            studying = self.app.learner.progress.lesson_states().get(lesson_id, False)
            self.app.learner.progress.set_studying(lesson_id, not studying)
            self.refresh_lessons()

    def action_more_new(self) -> None:
        """Anki's "increase today's new card limit": offered when the limit is why nothing is new."""
        stats = getattr(self, "_stats", None)
        if stats is None or not stats.new_waiting or stats.new:
            self.notify("New cards are still left for today: press r to review.", timeout=3)
            return
        self.app.learner.allow_more_new()
        self.refresh_lessons()
        self.notify(f"{self._stats.new} more new cards allowed today.", timeout=3)

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

    def action_statistics(self) -> None:
        from lianxi.ui.screens.statistics import StatisticsScreen

        self.app.push_screen(StatisticsScreen())

    def action_browse(self) -> None:
        from lianxi.ui.screens.browser import BrowserScreen

        self.app.push_screen(BrowserScreen())

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Your lessons", HELP_KEYS))
