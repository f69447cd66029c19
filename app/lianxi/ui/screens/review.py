"""Reviewing cards: show, reveal, grade 1-4 (each with its interval), undo, help."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from lianxi.core.cards import CardKind
from lianxi.core.schedule import Rating
from lianxi.study.drills import add_listening_cards
from lianxi.study.sentences import card_extras
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.voice import speak_card, voice
from lianxi.ui.widgets.card import render_card
from lianxi.ui.widgets.speaking import SpeakingPanel
from lianxi.ui.widgets.typed_answer import TypedAnswer, grades_line

GRADES = ((Rating.Again, "Again"), (Rating.Hard, "Hard"), (Rating.Good, "Good"), (Rating.Easy, "Easy"))

HELP_KEYS = [
    ("space, enter", "show the answer"),
    ("1", "Again: I did not know it"),
    ("2", "Hard: I knew it, with effort"),
    ("3", "Good: I knew it"),
    ("4", "Easy: I knew it at once"),
    ("enter (typed)", "check your answer, then take the suggested grade"),
    ("ctrl+z (typed)", "undo the last answer while typing"),
    ("u", "undo the last answer"),
    ("r, s", "hear the word again, or slowly"),
    ("m (say it)", "record yourself; m or space stops; then y yours, b yours then the target"),
    ("q, esc", "back to your lessons"),
    ("?, f1", "this help (f1 while typing an answer)"),
]


class ReviewScreen(Screen):
    """One card at a time; every answer is stored the moment it is given."""

    BINDINGS = [
        Binding("space,enter", "reveal", "Show answer"),
        Binding("1", "grade(1)", "Again", show=False),
        Binding("2", "grade(2)", "Hard", show=False),
        Binding("3", "grade(3)", "Good", show=False),
        Binding("4", "grade(4)", "Easy", show=False),
        Binding("u", "undo", "Undo"),
        Binding("r", "replay(False)", "Hear", show=False),
        Binding("s", "replay(True)", "Slowly", show=False),
        Binding("m", "say", "Record", show=False),
        Binding("y", "yours", "Yours", show=False),
        Binding("b", "both", "Both", show=False),
        Binding("q,escape", "back", "Back"),
        Binding("question_mark", "help", "Help"),
        Binding("f1", "help", "Help", show=False, priority=True),  # also while typing an answer
    ]

    def __init__(self, lesson_id: str | None = None):
        super().__init__()
        self.lesson_id = lesson_id
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll(id="card-area"):
            yield Static(id="card")
            yield TypedAnswer(id="typed")
            yield SpeakingPanel(id="say-panel")
        with Center():
            yield Static(id="grades")
        yield Footer()

    def on_mount(self) -> None:
        add_listening_cards(self.app.learner)  # studied words join as listening cards
        self.session = self.app.learner.session(self.lesson_id)
        self.session.next()
        self.show_card()
        speak_card(self.app, self.session.current, "show")

    # drawing

    def show_card(self) -> None:
        card = self.session.current
        due, new = self.session.counts()
        answers = self.session.reviewed
        self.query_one("#status", Static).update(Text.assemble(
            "Review · ", self.scope_title(),
            f"    due {due} · new {new} · {answers} answer{'s' if answers != 1 else ''}"))
        card_widget = self.query_one("#card", Static)
        grades = self.query_one("#grades", Static)
        typed = self.query_one(TypedAnswer)
        typed.show_for(card, self.revealed)
        self._show_say_panel(card)
        if card is None:
            card_widget.update(self._done_text())
            grades.update("q  back to your lessons")
            return
        extras = card_extras(self.app.learner, card, self.revealed)  # script setting, example sentences
        card_widget.update(render_card(card, self.app.palette, self.revealed, **extras))
        if self.revealed:
            intervals = self.session.intervals()
            grades.update("   ".join(f"[b]{int(r)}[/b] {name} {intervals[r]}" for r, name in GRADES))
            if typed.grade is not None:  # a typed card: its suggested grade is preselected
                grades.update(grades_line(intervals, int(typed.grade.rating)))
        elif typed.active:
            grades.update("[b]enter[/b]  check your answer (empty: show it)")
        else:
            grades.update("[b]space[/b]  show answer")

    def scope_title(self) -> str:
        """The lesson's title (never its id), or "all lessons"."""
        if not self.lesson_id:
            return "all lessons"
        return next((s.title for s in self.app.learner.lessons() if s.id == self.lesson_id), self.lesson_id)

    def summary(self):
        from lianxi.study.summary import review_summary

        ids = [a.review_id for a in self.session.history if a.review_id is not None]
        return review_summary(self.app.learner, ids, f"Review · {self.scope_title()}")

    def show_summary(self, then_leave: bool) -> None:
        """The session's summary (after its last card, or on leaving with answers given)."""
        from lianxi.ui.screens.summary import SummaryScreen

        screen = SummaryScreen(self.summary())
        if not then_leave:
            self.app.push_screen(screen)
        elif len(self.app.screen_stack) > 2:
            self.app.pop_screen()
            self.app.push_screen(screen)
        else:  # `lianxi review`: the summary takes the review's place, then Lianxi ends
            self.app.switch_screen(screen)

    def _done_text(self) -> str:
        done = self.session.reviewed
        if done:
            return "All done for now.\n\nCome back tomorrow for the next ones."
        return "Nothing is due right now.\n\nAdd a lesson from the home screen (a), or come back tomorrow."

    # actions

    def action_reveal(self) -> None:
        panel = self.query_one(SpeakingPanel)
        if panel.recording:  # space stops a "say it" recording first
            panel.toggle_recording()
            return
        if self._typed_card_takes_enter():
            return
        if self.session.current is not None and not self.revealed:
            self.revealed = True
            self.show_card()
            speak_card(self.app, self.session.current, "reveal")

    def action_grade(self, rating: int) -> None:
        if self.session.current is None or not self.revealed:
            return
        self.session.answer(rating, typed=self.query_one(TypedAnswer).answer)
        self.revealed = False
        self.show_card()
        speak_card(self.app, self.session.current, "show")
        if self.session.current is None:  # the session's last card: how it went
            self.show_summary(then_leave=False)

    def _typed_card_takes_enter(self) -> bool:
        """On a typed card enter goes to the answer box, then accepts the suggested grade."""
        typed = self.query_one(TypedAnswer)
        if self.revealed and typed.grade is not None:
            self.action_grade(int(typed.grade.rating))
            return True
        if not self.revealed and typed.active and typed.grade is None:
            typed.focus_box()
            return True
        return False

    def on_typed_answer_checked(self, event: TypedAnswer.Checked) -> None:
        self.set_focus(None)  # 1-4 and enter now go to the grades
        self.action_reveal()

    # "say it" cards: record, see the tones, then grade yourself

    def _show_say_panel(self, card) -> None:
        panel = self.query_one(SpeakingPanel)
        saying = card is not None and card.kind is CardKind.SAY
        panel.display = saying
        if saying and getattr(panel, "card_id", None) != card.id:
            panel.card_id = card.id
            panel.set_target(card.hanzi, card.pinyin)

    def action_say(self) -> None:
        card = self.session.current
        if card is not None and card.kind is CardKind.SAY:
            self.query_one(SpeakingPanel).toggle_recording()

    def action_yours(self) -> None:
        if self.query_one(SpeakingPanel).display:
            self.query_one(SpeakingPanel).play_yours()

    def action_both(self) -> None:
        if self.query_one(SpeakingPanel).display:
            self.query_one(SpeakingPanel).play_both()

    def on_speaking_panel_judged(self, event: SpeakingPanel.Judged) -> None:
        self.action_reveal()  # the tones are shown: now the meaning, and the learner grades

    def action_undo(self) -> None:
        if self.session.history:
            self.session.undo()
            self.revealed = True
            self.show_card()
            self.notify("Last answer undone.", timeout=2)

    def action_replay(self, slow: bool) -> None:
        card = self.session.current
        if card is not None:
            voice(self.app).say(card.hanzi, card.pinyin, slow=slow)

    def action_back(self) -> None:
        if self.session.current is not None and self.session.history:
            self.show_summary(then_leave=True)  # leaving mid-session: the summary, then home
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Reviewing", HELP_KEYS))
