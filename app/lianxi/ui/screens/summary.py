"""The summary at the end of a review session or a drill: how it went, the words to hear again.

Words missed are listed one a line; `p` or enter plays the selected one. Lesson text is
shown as data (rich Text), never markup.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from lianxi.study.summary import Summary
from lianxi.ui.voice import voice

KIND_NAMES = {"recognition": "read", "recall": "recall", "listening": "listen", "type_pinyin": "type pinyin",
              "type_hanzi": "type hanzi", "cloze": "cloze"}


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"


def headline(summary: Summary) -> Text:
    """One line of counts, words before cards before answers, each named for what it counts."""
    parts = []
    if summary.cards:  # a review session
        parts.append(plural(summary.words, "word"))
        parts.append(plural(summary.cards, "card"))
    elif summary.words:
        parts.append(plural(summary.words, summary.unit))
    parts.append(plural(summary.answers, "answer"))
    if summary.accuracy is not None:
        parts.append(f"{summary.accuracy:.0%} {'remembered' if summary.cards else 'right'}")
    parts.append(duration(summary.seconds))
    out = Text(" · ".join(parts), style="bold")
    if summary.new_words:
        out.append(f"\n{plural(summary.new_words, 'new word')} met for the first time", style="")
    return out


def missed_line(m, unit: str) -> Text:
    line = Text.assemble((m.hanzi, "bold"), "  ", m.pinyin)
    if m.meaning:
        line.append("  ")
        line.append(m.meaning)
    line.append(f"   {m.times}× wrong", style="red")
    if m.kinds:
        line.append(" (" + ", ".join(KIND_NAMES.get(k, k) for k in m.kinds) + ")", style="dim")
    return line


def slip_line(slip) -> Text:
    tones = ", ".join(f"tone {a} as {g}" for a, g in slip.tones)
    out = Text.assemble("  ", (slip.hanzi, "bold"), " ", slip.expected, "  you gave ")
    out.append(slip.given)
    out.append(f"  ({tones})", style="yellow")
    return out


def leech_text(leeches) -> Text:
    """Cards that became leeches in this session, and what to do about them."""
    from lianxi.study.browser import LEECH_SUGGESTION

    out = Text.assemble(("Leeches: ", "bold red"))
    parts = []
    for hanzi, kind, leech, lapses in leeches[:4]:
        part = Text.assemble((hanzi, "bold"), f" ({KIND_NAMES.get(kind, kind)}) forgotten {lapses}×")
        part.append(", suspended" if leech == 1 else ", still under a day", style="red")
        parts.append(part)
    out.append_text(Text("; ").join(parts))
    out.append("\n" + LEECH_SUGGESTION + " (b on the home screen lists them.)", style="dim")
    return out


class SummaryScreen(Screen[None]):
    """Shown once a session or drill ends; q goes on (enter too when nothing was missed)."""

    BINDINGS = [
        Binding("p", "play", "Play"),
        Binding("q,escape", "close", "Done"),
        Binding("enter", "close", "Done", show=False),
    ]

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        s = self.summary
        yield Static(Text.assemble(("Summary", "bold"), " · ", s.title), id="status")
        with Vertical(id="summary"):
            yield Static(headline(s), id="summary-counts")
            if s.missed:
                what = plural(len(s.missed), "word" if s.unit == "word" else s.unit)
                yield Static(Text.assemble(("Missed: ", "bold"), what, ("   p or enter plays one", "dim")),
                             id="summary-missed-title")
                yield OptionList(*[Option(missed_line(m, s.unit), id=str(i)) for i, m in enumerate(s.missed)],
                                 id="summary-missed")
            else:
                yield Static(Text("Nothing missed." if s.answers else "No answers this time.", style="green"),
                             id="summary-missed-title")
            if s.leeches:
                yield Static(leech_text(s.leeches), id="summary-leeches")
            if s.tone_slips:
                slips = Text.assemble(("Tone slips: ", "bold"), str(len(s.tone_slips)), "\n")
                slips.append(Text("\n").join(slip_line(x) for x in s.tone_slips[:6]))
                if len(s.tone_slips) > 6:
                    slips.append(f"\n  … and {len(s.tone_slips) - 6} more", style="dim")
                yield Static(slips, id="summary-slips")
        yield Static("enter or p hears the word · q done" if s.missed else "enter or q done", classes="hint")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Play is offered only when there is a missed word to hear.
        return bool(self.summary.missed) if action == "play" else True

    def on_mount(self) -> None:
        if self.summary.missed:
            self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#summary-missed")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self._play(int(event.option.id))

    def action_play(self) -> None:
        if self.summary.missed:
            index = self.query_one(OptionList).highlighted
            self._play(0 if index is None else index)

    def _play(self, index: int) -> None:
        m = self.summary.missed[index]
        voice(self.app).say(m.hanzi or None, m.pinyin or None)

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:  # it took the place of a review or drill started from the command line
            self.app.exit()
