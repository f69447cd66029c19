"""Reviewing cards: show, reveal, grade 1-4 (each with its interval), undo, help."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from lianxi.core.cards import CardKind
from lianxi.core.errors import UserError
from lianxi.core.schedule import Rating, State
from lianxi.study.saving import BRIEFLY_BUSY, keep_for_later, waiting_text
from lianxi.study.session import AHEAD_DAYS
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
    ("+", "when today's new cards are done: allow 5 more today"),
    ("a", "when nothing is due: study ahead (cards due in the next 7 days)"),
    ("q, esc", "back to your lessons"),
    ("?, f1", "this help (f1 while typing an answer)"),
]

# How often answers that could not be saved are tried again (seconds).
RETRY_EVERY = 2.0
# While answers have waited only briefly (another program's short transaction, such as
# rescheduling after new FSRS parameters), try again this often, without waiting for the lock.
QUICK_RETRY = 0.25
# How often the status line counts in full (cards come due as time passes; answers count themselves).
RECOUNT_EVERY = 60.0


def same_interval_reason(card, intervals: dict) -> str:
    """Why two grades show the same interval, in one line ("" when they all differ).

    Just after Again (or on a card met today), FSRS's memory of the card is short, so Good
    and Easy can both bring it back tomorrow: the buttons say so rather than look broken.
    """
    names = {Rating.Hard: "Hard", Rating.Good: "Good", Rating.Easy: "Easy"}
    same = [(a, b) for a, b in ((Rating.Hard, Rating.Good), (Rating.Good, Rating.Easy))
            if intervals.get(a) and intervals.get(a) == intervals.get(b)]
    if not same or card is None:
        return ""
    a, b = same[-1]
    state = card.memory.state
    if state is State.RELEARNING:
        why = "just after a lapse the memory starts again small"
    elif state in (State.NEW, State.LEARNING):
        why = "the card is still new to your memory"
    else:
        why = "both land on the same day"
    return f"{names[a]} and {names[b]} both give {intervals[b]}: {why}."


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
        Binding("plus", "more_new", "More new", show=False),
        Binding("a", "study_ahead", "Study ahead", show=False),
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
        yield Static(id="unsaved")
        with VerticalScroll(id="card-area"):
            yield Static(id="card")
            yield TypedAnswer(id="typed")
            yield SpeakingPanel(id="say-panel")
        with Center():
            yield Static(id="grades")
        yield Footer()

    def on_mount(self) -> None:
        try:
            add_listening_cards(self.app.learner)  # studied words join as listening cards
        except UserError:
            pass  # a busy or full disk: they join next time; reviewing must not wait for it
        self.session = self.app.learner.session(self.lesson_id)
        self.session.next()
        self._counted = False  # the first card is drawn before the (heavier) counts
        self.show_card()
        speak_card(self.app, self.session.current, "show")
        self.set_timer(0.05, self._first_count)  # after the first card is on the screen
        self.set_interval(RETRY_EVERY, self._retry_saving)
        self.set_interval(QUICK_RETRY, self._quick_retry)
        self.set_interval(RECOUNT_EVERY, self._recount)

    # drawing

    def show_card(self) -> None:
        card = self.session.current
        if card is None:  # the end of the review: count in full, as the home screen will
            self.session.recount()
            self._counted = True
        self._show_status()
        card_widget = self.query_one("#card", Static)
        grades = self.query_one("#grades", Static)
        typed = self.query_one(TypedAnswer)
        typed.show_for(card, self.revealed)
        self._show_say_panel(card)
        if card is None:
            nothing = self.session.nothing()
            card_widget.update(Text("\n\n".join(nothing.lines())))
            keys = [("+", "more new cards")] if nothing.more_new else []
            keys += [("a", "study ahead")] if nothing.study_ahead else []
            keys.append(("q", "back to your lessons"))
            grades.update(Text("   ").join(Text.assemble((k, "bold"), f" {what}") for k, what in keys))
            return
        extras = card_extras(self.app.learner, card, self.revealed)  # script setting, example sentences
        card_widget.update(render_card(card, self.app.palette, self.revealed, **extras))
        if self.revealed:
            intervals = self.session.intervals()
            line = "   ".join(f"[b]{int(r)}[/b] {name} {intervals[r]}" for r, name in GRADES)
            if typed.grade is not None:  # a typed card: its suggested grade is preselected
                line = grades_line(intervals, int(typed.grade.rating))
            reason = same_interval_reason(card, intervals)
            grades.update(Text.from_markup(line) + (Text("\n" + reason, style="dim") if reason else Text("")))
        elif typed.active:
            grades.update("[b]enter[/b]  check your answer (empty: show it)")
        else:
            grades.update("[b]space[/b]  show answer")

    def _show_status(self) -> None:
        status = Text.assemble("Review · ", self.scope_title())
        if self.session.ahead is not None:
            status.append(", studying ahead")
        if self._counted:
            due, new = self.session.counts()
            answers = self.session.reviewed
            status.append(f"    due {due} · new {new} · {answers} answer{'s' if answers != 1 else ''}")
        self.query_one("#status", Static).update(status)
        waiting = waiting_text(len(self.session.pending), self.session.problem, self.session.waited())
        unsaved = self.query_one("#unsaved", Static)
        unsaved.update(Text(waiting))
        unsaved.set_class(bool(waiting), "shown")

    def _first_count(self) -> None:
        self._counted = True
        self._show_status()

    def _recount(self) -> None:
        self.session.recount()
        self._show_status()

    def scope_title(self) -> str:
        """The lesson's title (never its id), or "all lessons"."""
        if not self.lesson_id:
            return "all lessons"
        names = self.app.learner.progress.lesson_names()  # titles only: no counting on every card
        return next((title for lesson_id, title, _, _ in names if lesson_id == self.lesson_id), self.lesson_id)

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

    def action_more_new(self) -> None:
        """Anki's "increase today's new card limit": only when the limit is why nothing is shown."""
        if self.session.current is not None or not self.session.nothing().more_new:
            return
        left = self.session.allow_more_new()
        self.notify(f"{left} more new cards allowed today.", timeout=3)
        self._start_next()

    def action_study_ahead(self) -> None:
        if self.session.current is not None or not self.session.nothing().study_ahead:
            return
        self.session = self.app.learner.session(self.lesson_id, ahead=timedelta(days=AHEAD_DAYS))
        self._start_next()

    def _start_next(self) -> None:
        self.revealed = False
        self.session.next()
        self.show_card()
        speak_card(self.app, self.session.current, "show")

    # answers that could not be saved yet

    def _retry_saving(self, wait: float | None = None) -> None:
        if self.session.pending:
            waiting = len(self.session.pending)
            told = self.query_one("#unsaved", Static).has_class("shown")
            if self.session.retry_saving(wait) < waiting:
                self.show_card()
                if not self.session.pending and told:
                    self.notify("Every answer is saved now.", timeout=3)
            elif told != bool(waiting_text(waiting, self.session.problem, self.session.waited())):
                self._show_status()  # busy for longer than briefly: now the learner is told

    def _quick_retry(self) -> None:
        waited = self.session.waited()
        if waited is not None and waited < 2 * BRIEFLY_BUSY:
            self._retry_saving(wait=0.0)

    def keep_unsaved(self) -> bool:
        """Before leaving: save what waits, or keep it in a file for the next start; False if neither worked."""
        if not self.session.pending or not self.session.retry_saving(wait=2.0):
            return True
        count = len(self.session.pending)
        try:
            keep_for_later(self.app.learner, self.session.pending)
        except UserError as exc:
            self.notify(f"{count} answers are not saved yet ({exc}). Keep this window open: "
                        "Lianxi keeps trying.", severity="error", timeout=10)
            return False
        self.session.pending.clear()
        self.notify(f"{count} answers could not be saved now ({self.session.problem.reason if self.session.problem else 'busy'}); "
                    "they are kept and will be added the next time Lianxi starts.", severity="warning", timeout=10)
        return True

    def action_back(self) -> None:
        if not self.keep_unsaved():
            return
        if self.session.current is not None and self.session.history:
            self.show_summary(then_leave=True)  # leaving mid-session: the summary, then home
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Reviewing", HELP_KEYS))
