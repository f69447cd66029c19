"""The answer box of a typed card, and the per-syllable feedback once it is checked.

Enter checks the answer. Pinyin that cannot be read is explained in place and
can be fixed before anything is graded; an empty answer means "show me".
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from lianxi.core.cards import CardKind
from lianxi.core.grading import Grade, Mark, Verdict, grade_answer
from lianxi.core.pinyin import PinyinError
from lianxi.core.cards import StudyCard
from lianxi.study.typed_cards import check_answer, is_typed

PLACEHOLDERS = {
    CardKind.TYPE_PINYIN: "pinyin, like ni3hao3 or nǐhǎo",
    CardKind.TYPE_HANZI: "hanzi (your input method) or pinyin",
    CardKind.CLOZE: "the missing word: hanzi or pinyin",
}

# Styles by what the learner got: the words say it too, colour only helps.
MARK_STYLES = {
    Mark.RIGHT: "bold green",
    Mark.TONE: "bold yellow",
    Mark.WRONG: "bold red",
    Mark.MISSING: "red",
    Mark.EXTRA: "magenta strike",
}
VERDICT_STYLES = {Verdict.EXACT: "bold green", Verdict.TONE_SLIP: "bold yellow"}
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def render_feedback(grade: Grade, typed: str) -> Text:
    """Headline, the answer piece by piece, one line per problem, the answer, a note."""
    lines = [Text(grade.headline, style=VERDICT_STYLES.get(grade.verdict, "bold red"))]
    if grade.pieces:
        row = Text()
        for k, piece in enumerate(grade.pieces):
            if k:
                row.append(" ")
            if piece.mark is Mark.MISSING:
                row.append(f"({piece.expected})", style=MARK_STYLES[piece.mark])
            else:
                row.append(piece.typed, style=MARK_STYLES[piece.mark])
        lines.append(Text.assemble("you typed: ", row))
    elif typed.strip():
        lines.append(Text(f"you typed: {typed.strip()}"))
    for problem in grade.problems:
        lines.append(Text(problem))
    if grade.note:
        lines.append(Text(grade.note, style="dim"))
    return Text("\n").join(lines)


def grades_line(intervals: dict, suggested: int) -> str:
    """The grade keys with the suggested one highlighted; enter takes it."""
    parts = []
    for rating, name in RATING_NAMES.items():
        text = f"[b]{rating}[/b] {name} {intervals.get(rating, '')}".rstrip()
        parts.append(f"[reverse]{text}[/reverse]" if rating == suggested else text)
    return "   ".join(parts) + f"   [b]enter[/b] {RATING_NAMES[suggested]}"


def _warm_up() -> None:
    check = grade_answer(CardKind.TYPE_PINYIN, "ni3", hanzi="你", pinyin="ni3")
    assert check.verdict is Verdict.EXACT


class TypedAnswer(Vertical):
    """Input for a typed card; hidden for the other kinds."""

    # While typing, letters go into the box; ctrl+z still takes back the last answer.
    BINDINGS = [Binding("ctrl+z", "screen.undo", "Undo", show=False)]

    @dataclass
    class Checked(Message):
        """The answer was read and graded; the screen reveals the card."""

        grade: Grade
        typed: str

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.card: StudyCard | None = None
        self.grade: Grade | None = None
        self.typed = ""
        self._warm = False

    def compose(self) -> ComposeResult:
        with Center():
            yield Input(id="typed-input")
        yield Static(id="typed-feedback")

    @property
    def answer(self) -> str | None:
        """What was typed for the graded card (None when nothing was checked)."""
        return self.typed if self.grade is not None else None

    def focus_box(self) -> None:
        self.query_one(Input).focus()

    @property
    def active(self) -> bool:
        """A typed card is showing."""
        return is_typed(self.card)

    def show_for(self, card: StudyCard | None, revealed: bool) -> None:
        """Ask for a new card's answer, show the feedback once revealed, or hide."""
        box = self.query_one(Input)
        feedback = self.query_one("#typed-feedback", Static)
        if card is None or not is_typed(card) or (revealed and self.grade is None):
            self.card, self.grade = (card if is_typed(card) else None), None
            self.display = False
            return
        self.display = True
        if not self._warm:
            # pypinyin's dictionaries take a moment to load: load them while the learner types.
            self._warm = True
            self.run_worker(_warm_up, thread=True, group="typed-warm-up")
        if not revealed:
            if self.card is None or self.card.id != card.id or self.grade is not None:
                self.card, self.grade, self.typed = card, None, ""
                box.value = ""
                feedback.update("")
            box.placeholder = PLACEHOLDERS[CardKind(card.kind)]
            box.display = True
            box.disabled = False
            box.focus()
            return
        box.display = False
        feedback.update(render_feedback(self.grade, self.typed))

    @on(Input.Submitted, "#typed-input")
    def _check(self, event: Input.Submitted) -> None:
        event.stop()
        if self.card is None:
            return
        try:
            grade = check_answer(self.card, event.value)
        except PinyinError as exc:
            self.query_one("#typed-feedback", Static).update(Text(str(exc), style="red"))
            return
        self.grade, self.typed = grade, event.value
        self.query_one(Input).disabled = True
        self.post_message(self.Checked(grade, event.value))
