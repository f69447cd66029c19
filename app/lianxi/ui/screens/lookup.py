"""Look a word up (home key `/`): hanzi, pinyin or English; enter adds it to My words.

The first time, the dictionary index (its own file in the cache folder) is built
in a worker thread behind a progress bar; the screen and answers stay responsive.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from lianxi.core.dictionary.lookup import Found
from lianxi.core.dictionary.readings import display_pinyin
from lianxi.core.errors import UserError
from lianxi.study.dictionary import Dictionary, script
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.tones import coloured_pinyin

HELP_KEYS = [
    ("type", "hanzi (你好 or 妳好), pinyin (ni hao, ni3hao3, nǐhǎo) or English (hello)"),
    ("down", "from the search box to the results"),
    ("enter", "on a result: open its entry (every meaning, levels, parts, hear it, stroke order)"),
    ("a", "on a result: add it to My words (it gets cards)"),
    ("x", "on a result: remove it from My words (its progress is kept if you add it again)"),
    ("empty box", "lists the words in My words"),
    ("/", "back to the search box"),
    ("esc", "back to your lessons"),
    ("F1", "this help, also while typing (in the search box ? is text: 'what?')"),
    ("?", "this help, from the results"),
]

LIMIT = 50


class BuildStopped(Exception):
    """The learner left the screen while the index was being built."""


class LookupScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("down", "results", "Results", show=False),
        Binding("slash", "search_box", "Search", show=False),
        Binding("a", "add", "Add to My words", show=False),
        Binding("x", "remove", "Remove from My words", show=False),
        # in the search box `?` is text a learner may look up, so the footer offers F1 (see app.py)
        Binding("f1", "help", "Help", key_display="F1"),
        Binding("question_mark", "help", "Help", show=False),
    ]

    def __init__(self, dictionary: Dictionary | None = None):
        super().__init__()
        self._given = dictionary  # tests pass one over a shared index; the app makes its own
        self.ready = False
        self.found: dict[str, Found] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text.assemble(("Dictionary", "bold"), " · CC-CEDICT · enter opens a result, a adds it to My words"),
                     id="lookup-title")
        yield Input(placeholder="hanzi, pinyin (ni hao, ni3hao3) or English", id="lookup-query")
        yield ProgressBar(total=100, show_eta=False, id="lookup-progress")
        yield Static("", id="lookup-status", classes="hint")
        yield OptionList(id="lookup-results")
        yield Footer()

    def on_mount(self) -> None:
        self.dictionary = self._given or Dictionary(self.app.learner)
        self.script = script(self.app.learner.progress)
        self.query_one(Input).focus()
        try:
            ready = self.dictionary.ready()
        except UserError as exc:
            self._status(str(exc))
            self.query_one(ProgressBar).display = False
            return
        if ready:
            self._built()
        else:
            self._status("Building the dictionary index (only this once, a few seconds)...")
            self.run_worker(self._build, thread=True, exclusive=True, name="dictionary-index")

    # building the index (worker thread)

    def _build(self) -> int:
        return self.dictionary.build(self._from_worker)

    def _from_worker(self, fraction: float, what: str) -> None:
        if get_current_worker().is_cancelled:  # the screen was closed: stop building (it restarts next time)
            raise BuildStopped()
        self.app.call_from_thread(self._progress, fraction, what)

    def _progress(self, fraction: float, what: str) -> None:
        try:
            self.query_one(ProgressBar).update(progress=fraction * 100)
            self._status(f"Building the dictionary index (only this once): {what[:1].lower()}{what[1:]}...")
        except NoMatches:  # the screen was closed while this step was on its way
            return

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "dictionary-index":
            return
        if event.state is WorkerState.SUCCESS:
            self._built()
        elif event.state is WorkerState.ERROR and not isinstance(event.worker.error, BuildStopped):
            error = event.worker.error
            message = str(error) if isinstance(error, UserError) else f"Could not build the index: {error}"
            self._status(message)

    def _built(self) -> None:
        self.ready = True
        self.query_one(ProgressBar).display = False
        self._search(self.query_one(Input).value)

    # searching

    @on(Input.Changed, "#lookup-query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#lookup-query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_results()

    def _search(self, text: str) -> None:
        if not self.ready:
            return
        results = self.query_one(OptionList)
        results.clear_options()
        self.found = {}
        try:
            found = self.dictionary.lookup(text, limit=LIMIT) if text.strip() else self.dictionary.my_words_found()
        except UserError as exc:
            self._status(str(exc))
            return
        if not text.strip():  # an empty search box shows My words: what is in it, to open or remove
            self.found = {str(f.id): f for f in found}
            results.add_options([Option(self._line(f, True), id=str(f.id)) for f in found])
            self._status(f"My words: {len(found)} word{'s' if len(found) != 1 else ''} · down to choose, enter opens, "
                         "x removes · or type a word: hanzi, pinyin or English" if found
                         else "Type a word: hanzi, pinyin or English.")
            return
        self.found = {str(f.id): f for f in found}
        mine = self.dictionary.my_word_keys()
        results.add_options([Option(self._line(f, self.dictionary.key_of(f) in mine), id=str(f.id)) for f in found])
        if found:
            more = "+" if len(found) == LIMIT else ""
            self._status(f"{len(found)}{more} found · down to choose, enter opens, a adds to My words")
        else:
            self._status("Nothing found. Try pinyin without tones (ni hao) or fewer English words.")

    def _line(self, found: Found, mine: bool = False) -> Text:
        line = Text()
        line.append("✓ " if mine else "  ", style="green")
        line.append(found.headword(self.script), style="bold")
        line.append("  ")
        line.append_text(coloured_pinyin(display_pinyin(found.pinyin), self.app.palette))
        if found.hsk_level:
            line.append(f"  {found.hsk_level}", style="green")
        meaning = found.meaning
        if len(meaning) > 72:  # two lines per result: the list stays easy to scan at 80 columns
            meaning = meaning[:71].rsplit(" ", 1)[0].rstrip(";,") + " …"
        line.append(f"\n{meaning}", style="dim")
        return line

    @on(OptionList.OptionSelected, "#lookup-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        found = self.found.get(event.option.id or "")
        if found is None:
            return
        from lianxi.ui.screens.entry import EntryScreen

        self.app.push_screen(EntryScreen(self.dictionary, found.simplified))

    def on_screen_resume(self) -> None:
        if self.ready:  # an entry may have added or removed a word: refresh the marks
            results = self.query_one(OptionList)
            highlighted = results.highlighted
            self._search(self.query_one(Input).value)
            if highlighted is not None and highlighted < results.option_count:
                results.highlighted = highlighted

    def action_remove(self) -> None:
        results = self.query_one(OptionList)
        if not results.has_focus or results.highlighted is None:
            return
        option = results.get_option_at_index(results.highlighted)
        found = self.found.get(option.id or "")
        if found is None:
            return
        from lianxi.core.dictionary.readings import reading_keys
        from lianxi.study.my_words import remove_from_my_words

        if self.dictionary.key_of(found) not in self.dictionary.my_word_keys():
            self.notify(f"{found.simplified} is not in My words.", timeout=3, markup=False)
            return
        try:
            remove_from_my_words(self.app.learner, found.simplified, reading_keys(found.pinyin)[0])
        except UserError as exc:
            self.notify(str(exc), severity="warning", timeout=4, markup=False)
            return
        self.notify(f"Removed {found.simplified} from My words.", timeout=3, markup=False)
        if self.query_one(Input).value.strip():
            results.replace_option_prompt(option.id, self._line(found, mine=False))
        else:
            self.on_screen_resume()

    def action_add(self) -> None:
        results = self.query_one(OptionList)
        if not results.has_focus or results.highlighted is None:
            return
        option = results.get_option_at_index(results.highlighted)
        found = self.found.get(option.id or "")
        if found is None:
            return
        try:
            hanzi = self.dictionary.add_to_my_words(found.id)
        except UserError as exc:
            self.notify(str(exc), severity="warning", timeout=4, markup=False)
            return
        self.notify(f"Added {hanzi} to My words.", timeout=3, markup=False)
        results.replace_option_prompt(option.id, self._line(found, mine=True))

    # keys

    def _status(self, text: str) -> None:
        self.query_one("#lookup-status", Static).update(text)

    def action_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count and not results.has_focus:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def action_search_box(self) -> None:
        self.query_one(Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Dictionary", HELP_KEYS))
