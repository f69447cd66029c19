"""Add a lesson: every lesson by course, folded until opened; type to filter; a preview before adding.

Courses: the first course, HSK 2.0 levels, HSK 3.0 bands, your own and imported lessons;
each shows its lessons, words and the words you already know. The filter box keeps the
focus: type a title or a word (simplified or traditional), up/down move in the list,
enter opens a course or adds the lesson. Lesson text is data: every label is rich Text.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, Tree

from lianxi.core.errors import UserError
from lianxi.core.lessons import LessonProblems
from lianxi.study.catalogue import Catalogue, CatalogueLesson, Course, open_catalogue, preview
from lianxi.study.lesson_files import added_message
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.widgets.fit import cut
from lianxi.ui.tones import coloured_pinyin

HELP_KEYS = [
    ("type", "filter by a lesson's title or by a word in it (学习 or 學習)"),
    ("up, down", "move in the list; a lesson's words show below"),
    ("enter", "on a course: open or fold it; on a lesson: add it to your lessons"),
    ("esc", "clear the filter, then back to your lessons"),
    ("F1", "this help (the filter box keeps the focus, so ? is text there)"),
]
PREVIEW_WORDS = 5  # with its title and "… and N more", the preview box fits its 7 rows



class CatalogueScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("up", "move('up')", "Up", show=False, priority=True),
        Binding("down", "move('down')", "Down", show=False, priority=True),
        Binding("pageup", "move('page_up')", show=False, priority=True),
        Binding("pagedown", "move('page_down')", show=False, priority=True),
        Binding("f1", "help", "Help", key_display="F1"),  # the filter box has the focus: ? is text
    ]

    def __init__(self, only: str | None = None):
        super().__init__()
        self.only = only  # "hsk": only the HSK courses (the welcome screen's choice)
        self.catalogue: Catalogue | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text.assemble(("Add a lesson", "bold"), "  enter opens a course or adds a lesson"),
                     id="catalogue-title")
        yield Input(placeholder="type to filter: a title or a word (学习, 學習)", id="catalogue-filter")
        yield Tree(Text("Lessons"), id="catalogue")
        yield Static(id="catalogue-preview")
        yield Static(id="catalogue-status", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        tree.show_root = False
        tree.guide_depth = 2
        self.catalogue = open_catalogue(self.app.learner)
        self._fill("")
        self.query_one(Input).focus()

    # the list

    def _courses(self, text: str) -> list[Course]:
        courses = self.catalogue.filtered(text)
        if self.only:
            courses = [c for c in courses if c.key.startswith(self.only)]
        return courses

    def _fill(self, text: str) -> None:
        catalogue = self.catalogue
        tree = self.query_one(Tree)
        tree.clear()
        courses = self._courses(text)
        following = [] if text or self.only else catalogue.next_lessons()
        if following:
            node = tree.root.add(Text("Next up: you finished the lesson before these", style="bold green"),
                                 data=None, expand=True)
            for lesson in following:
                node.add_leaf(self._lesson_label(lesson), data=lesson)
        for course in courses:
            words = course.words()
            label = Text.assemble(
                (course.title, "bold"),
                f"  {len(course.lessons)} lesson{'s' if len(course.lessons) != 1 else ''}"
                f" · {len(words)} words · {catalogue.known_in(words)} known",
            )
            node = tree.root.add(label, data=course, expand=bool(text))
            for lesson in course.lessons:
                node.add_leaf(self._lesson_label(lesson), data=lesson)
        tree.cursor_line = 0
        shown = sum(len(c.lessons) for c in courses)
        if text and not shown:
            self._status(f"No lesson has {text!r} in its title or words.")
        elif text:
            self._status(f"{shown} lesson{'s' if shown != 1 else ''} with {text!r} · enter adds one")
        else:
            self._status("enter opens a course · type to filter · esc back")
        self._show_preview()

    def _lesson_label(self, lesson: CatalogueLesson) -> Text:
        catalogue = self.catalogue
        started = lesson.id in catalogue.started
        label = Text()  # Text("✓ ", style=...) would colour the whole label, title too
        label.append("✓ " if started else "  ", style="green")
        label.append(lesson.title)
        label.append(f"  {lesson.count} words · {catalogue.known_in(lesson.words)} known", style="dim")
        return label

    def _highlighted(self):
        node = self.query_one(Tree).cursor_node
        return node.data if node is not None else None

    def _show_preview(self) -> None:
        box = self.query_one("#catalogue-preview", Static)
        lesson = self._highlighted()
        if not isinstance(lesson, CatalogueLesson):
            box.update(Text("Open a course to see its lessons; a lesson's words show here.", style="dim"))
            return
        try:
            words = preview(self.app.learner, lesson)
        except (UserError, LessonProblems) as exc:
            box.update(Text(str(exc)))
            return
        out = Text()
        out.append(f"{lesson.title}: ", style="bold")
        out.append(f"{len(words)} words, {self.catalogue.known_in(lesson.words)} known\n", style="dim")
        palette = self.app.palette
        shown = words[:PREVIEW_WORDS]
        # hanzi and pinyin in columns (measured in terminal cells: a hanzi takes two)
        hanzi_width = max((cell_len(w.hanzi) for w in shown), default=0)
        pinyin_width = max((cell_len(w.pinyin) for w in shown), default=0)
        room = max(self.size.width - 2, 40) - (1 + hanzi_width + 2 + pinyin_width + 2)
        for word in shown:
            out.append(f" {word.hanzi}{' ' * (hanzi_width - cell_len(word.hanzi))}  ")
            out.append_text(coloured_pinyin(word.pinyin, palette))
            out.append(" " * (pinyin_width - cell_len(word.pinyin)))
            out.append(f"  {cut(word.english, max(room, 12))}\n", style="dim")
        if len(words) > PREVIEW_WORDS:
            out.append(f" … and {len(words) - PREVIEW_WORDS} more", style="dim")
        box.update(out)

    # keys

    @on(Input.Changed, "#catalogue-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Tree.NodeHighlighted)
    def _highlight(self, event: Tree.NodeHighlighted) -> None:
        self._show_preview()

    @on(Input.Submitted, "#catalogue-filter")
    def _enter(self, event: Input.Submitted) -> None:
        self._act()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected) -> None:
        if isinstance(event.node.data, CatalogueLesson):
            self._act()

    def _act(self) -> None:
        tree = self.query_one(Tree)
        node = tree.cursor_node
        if node is None:
            return
        if not isinstance(node.data, CatalogueLesson):
            node.toggle()
            return
        lesson = node.data
        if lesson.id in self.catalogue.started:
            self._status(f"{lesson.title} is already in your lessons.")
            return
        try:
            report = self.app.learner.start_bundled(lesson.id)
        except (UserError, LessonProblems) as exc:
            self._status(str(exc.errors[0]) if isinstance(exc, LessonProblems) else str(exc))
            return
        self.app.learner.progress.set_setting("welcomed", True)
        self.catalogue.started.add(lesson.id)
        node.set_label(self._lesson_label(lesson))
        self._status(added_message(report, lesson.title) + " · esc back to your lessons")

    def action_move(self, where: str) -> None:
        tree = self.query_one(Tree)
        getattr(tree, f"action_{'cursor_' if where in ('up', 'down') else ''}{where}")()

    def action_back(self) -> None:
        box = self.query_one(Input)
        if box.value:
            box.value = ""
            return
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Add a lesson", HELP_KEYS))

    def _status(self, text: str) -> None:
        self.query_one("#catalogue-status", Static).update(Text(text))
