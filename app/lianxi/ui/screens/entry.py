"""A dictionary entry (enter on a lookup result): every reading and sense, levels, words with it,
examples, your progress; keys to hear it, add it to or remove it from My words, see stroke order.

Text from the dictionary and from sentence files is data: everything is built as
rich Text, never markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import WorkerState

from lianxi.core.dictionary.readings import display_pinyin
from lianxi.core.errors import UserError
from lianxi.core.schedule import State
from lianxi.study.components import components_of
from lianxi.study.dictionary import Dictionary, script
from lianxi.study.entry import WordEntry, open_entry
from lianxi.study.my_words import remove_from_my_words
from lianxi.study.strokes import known_characters, stroke_order
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.widgets.fit import cut
from lianxi.ui.tones import coloured_hanzi, coloured_pinyin
from lianxi.ui.voice import voice

HELP_KEYS = [
    ("r", "hear the word"),
    ("s", "hear it slowly"),
    ("a", "add it to My words (the first reading not there yet)"),
    ("x", "remove it from My words"),
    ("o", "stroke order, one stroke at a time (o again: next character)"),
    ("up, down", "scroll"),
    ("esc", "back to the results"),
    ("?", "this help"),
]


COMPONENTS_SOURCE = "parts: 漢語拆字字典 (kfcd/chaizi), CC BY 3.0"
STATE_NAMES = {State.LEARNING: "learning", State.REVIEW: "review", State.RELEARNING: "relearning"}


class EntryScreen(Screen):
    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("r", "hear", "Hear"),
        Binding("s", "hear_slowly", "Slowly"),
        Binding("a", "add", "Add"),
        Binding("x", "remove", "Remove"),
        Binding("o", "strokes", "Strokes"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, dictionary: Dictionary, hanzi: str):
        super().__init__()
        self.dictionary = dictionary
        self.hanzi = hanzi
        self.entry: WordEntry | None = None
        self._stroke_char = -1
        self._timer = None

    def compose(self) -> ComposeResult:
        yield Static(id="entry-head")
        with VerticalScroll(id="entry-body"):
            yield Static(id="entry-text")
        yield Static(id="entry-strokes")
        yield Static(id="entry-status", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        # the stroke data takes about a second to read: read it now, off the UI thread
        self._strokes_wanted = False
        self.run_worker(known_characters, thread=True, name="stroke-data")
        self.components: tuple[tuple[str, str], ...] = ()
        self.script = script(self.app.learner.progress)
        self.query_one("#entry-strokes", Static).display = False
        self.reload()
        self.query_one("#entry-body").focus()
        if self.entry is not None:
            # so is the components data (~0.3 s): the entry shows at once, its characters' parts when read
            shown = self.entry.traditional if self.script == "traditional" else self.entry.simplified
            self.run_worker(lambda: components_of(shown), thread=True, name="components")

    def reload(self) -> None:
        try:
            self.entry = open_entry(self.dictionary, self.hanzi)
        except UserError as exc:
            self._status(str(exc))
            return
        entry = self.entry
        palette = self.app.palette
        first = entry.readings[0]
        shown = entry.traditional if self.script == "traditional" else entry.simplified
        other = entry.simplified if self.script == "traditional" else entry.traditional
        head = coloured_hanzi(shown, first.pinyin, palette)
        if other != shown:
            head.append(f"  ({other})")
        if entry.levels:
            head.append(f"   {entry.levels}", style="green")
        self.query_one("#entry-head", Static).update(head)
        self.query_one("#entry-text", Static).update(self._body(entry))
        self._status("r hear · s slowly · a add to My words · x remove · o stroke order · esc back")

    def _body(self, entry: WordEntry) -> Text:
        palette = self.app.palette
        out = Text()
        for reading in entry.readings:
            out.append_text(coloured_pinyin(reading.marked, palette, bold=True))
            if entry.written(reading):  # this reading has its own traditional form (了 liǎo: 瞭)
                out.append(f"  ({entry.written(reading)})")
            if reading.in_my_words:
                out.append("  ✓ in My words", style="green")
            out.append("\n")
            for n, sense in enumerate(reading.senses, start=1):
                out.append(f" {n:>2}. ", style="dim")
                out.append(sense)
                out.append("\n")
            if reading.measure_words:
                out.append("     measure words: ", style="dim")
                for i, (hanzi, pinyin) in enumerate(reading.measure_words):
                    out.append((", " if i else "") + hanzi + " ")
                    out.append_text(coloured_pinyin(pinyin, palette))
                out.append("\n")
            out.append("\n")
        if self.components:
            out.append("Characters\n", style="bold")
            for char, parts in self.components:
                out.append(f"  {char}  {parts}\n")
            out.append(f"  {COMPONENTS_SOURCE}\n\n", style="dim")
        if entry.containing:
            out.append("Words with it\n", style="bold")
            width = max(self.app.size.width - 4, 40)  # the body's padding and scroll bar
            for found in entry.containing:
                # one line each: the meaning is cut to what the line has left (a hanzi takes two cells);
                # a long saying drops its other script, and one still too long for a line is left out
                word, pinyin = found.headword(self.script), display_pinyin(found.pinyin)
                if cell_len(f"  {word}  {pinyin}") > width:
                    word = found.traditional if self.script == "traditional" else found.simplified
                    if cell_len(f"  {word}  {pinyin}") > width:
                        continue
                out.append("  " + word + "  ")
                out.append_text(coloured_pinyin(pinyin, palette))
                room = width - cell_len(f"  {word}  {pinyin}  ")
                if room >= 8:
                    out.append("  " + cut(found.meaning, room), style="dim")
                out.append("\n")
            out.append("\n")
        if entry.examples:
            out.append("Examples\n", style="bold")
            for example in entry.examples:
                out.append("  " + example.chinese + "\n")
                out.append("  " + example.english + "\n", style="dim")
                out.append("  " + example.attribution + "\n", style="dim italic")
            out.append("\n")
        out.append("Your progress\n", style="bold")
        progress = entry.progress
        if progress is None:
            out.append("  Not in your lessons yet: a adds it to My words.\n", style="dim")
        else:
            out.append("  in " + ", ".join(title for _, title in progress.lessons) + "\n")
            for card in progress.cards:
                state = STATE_NAMES.get(State(card.state), "new")
                due = f", due {card.due:%Y-%m-%d}" if card.due and card.state else ""
                out.append(f"  {card.kind}: {state}, answered {card.reps}×, forgotten {card.lapses}×{due}\n",
                           style="dim")
        return out

    # keys

    def _status(self, text: str) -> None:
        self.query_one("#entry-status", Static).update(Text(text))

    def action_hear(self, slow: bool = False) -> None:
        if self.entry is None:
            return
        problem = voice(self.app).check()
        if problem:
            self._status(problem)
            return
        voice(self.app).say(self.entry.simplified, self.entry.readings[0].marked, slow=slow)

    def action_hear_slowly(self) -> None:
        self.action_hear(slow=True)

    def action_add(self) -> None:
        if self.entry is None:
            return
        reading = next((r for r in self.entry.readings if not r.in_my_words), None)
        if reading is None:
            self._status(f"{self.entry.simplified} is already in My words.")
            return
        try:
            self.dictionary.add_to_my_words(reading.entry_id)
        except UserError as exc:
            self._status(str(exc))
            return
        self.reload()
        self._status(f"Added {self.entry.simplified} ({reading.marked}) to My words.")

    def action_remove(self) -> None:
        if self.entry is None:
            return
        reading = next((r for r in self.entry.readings if r.in_my_words), None)
        if reading is None:
            self._status(f"{self.entry.simplified} is not in My words.")
            return
        try:
            remove_from_my_words(self.app.learner, self.entry.simplified, reading.pinyin)
        except UserError as exc:
            self._status(str(exc))
            return
        self.reload()
        self._status(f"Removed {self.entry.simplified} from My words (its progress is kept if you add it again).")

    def action_strokes(self) -> None:
        """Next character's stroke order, drawn one stroke at a time."""
        if self.entry is None:
            return
        chars = self.entry.characters
        if not chars:
            return
        worker = next((w for w in self.workers if w.name == "stroke-data"), None)
        if worker is not None and not worker.is_finished:
            self._strokes_wanted = True
            self._status("Reading the stroke data…")
            return
        self._stroke_char = (self._stroke_char + 1) % len(chars)
        char = chars[self._stroke_char]
        box = self.query_one("#entry-strokes", Static)
        strokes = stroke_order(char)
        if strokes is None:
            box.display = False
            self._status(f"Stroke order is not available for {char}.")
            return
        from lianxi.ui.widgets.stroke_order import stroke_frames

        frames = stroke_frames(strokes.medians)
        box.display = True
        step = [0]

        def show() -> None:
            k = step[0]
            box.update(Text(frames[k]))
            self._status(f"{char}: stroke {k + 1} of {len(frames)} · o next character · esc back")
            step[0] = min(k + 1, len(frames) - 1)

        if self._timer is not None:
            self._timer.stop()
        show()
        self._timer = self.set_interval(0.6, show, repeat=len(frames) - 1)

    def on_worker_state_changed(self, event) -> None:
        if event.worker.name == "components" and event.state is WorkerState.SUCCESS:
            self.components = event.worker.result or ()
            if self.entry is not None and self.components:
                self.query_one("#entry-text", Static).update(self._body(self.entry))
        if event.worker.name == "stroke-data" and event.worker.is_finished and self._strokes_wanted:
            self._strokes_wanted = False
            self.action_strokes()

    def action_back(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Dictionary entry", HELP_KEYS))
