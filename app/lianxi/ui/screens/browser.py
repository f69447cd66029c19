"""The card browser (home key `b`): find cards, see where each stands, act on the one selected.

Search by hanzi, pinyin (with or without tones), English, `lesson:`, `state:` and `flag:`
(see core.card_search). Enter opens a card's history and memory. Every action is saved
at once and shown in the row. Lesson text is shown as data (rich Text), never markup.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from lianxi.study import browser
from lianxi.study.browser import CardRow, SearchError
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.widgets.card_actions import CardActions, flag_text, kind_name

HELP_KEYS = [
    ("/", "search: hanzi, pinyin (ni hao, ni3hao3), English"),
    ("", "lesson:ID  state:new|learning|due|review|suspended|leech|buried|off"),
    ("", "flag:red|orange|green|blue|any|none  kind:recall"),
    ("enter", "on a card: its history and memory"),
    ("s", "suspend or unsuspend"),
    ("z", "bury until tomorrow (again: unbury)"),
    ("1-4, 0", "flag red, orange, green, blue; 0 takes it off"),
    ("x", "reset to new (asks first; its history stays)"),
    ("p", "play the word"),
    ("l", "list the leeches"),
    ("d", "take the word out of My words (its progress is kept if you add it again)"),
    ("", "lesson:my-words lists the words in My words"),
    ("q, esc", "back (from the search box: to the list)"),
    ("?, F1", "this help (F1 also in the search box, where ? is text)"),
]

# (label, key, width): fixed widths, so a row changed by an action never outgrows its column
COLUMNS = (("Hanzi", "hanzi", 6), ("Pinyin", "pinyin", 10), ("Meaning", "meaning", 15), ("Kind", "kind", 7),
           ("State", "state", 9), ("Due", "due", 8), ("Flag", "flag", 6))
MEANING_WIDTH = 15


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


class BrowserScreen(CardActions, Screen):
    """A table of cards under a search box; the actions work on the selected row."""

    BINDINGS = [
        Binding("slash", "search_box", "Search"),
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
        Binding("l", "leeches", "Leeches"),
        Binding("d", "remove_from_my_words", "Remove from My words", show=False),
        *CardActions.ACTION_BINDINGS,
        Binding("question_mark", "help", "Help", show=False),
        Binding("f1", "help", "Help", key_display="F1"),  # works in the search box too, where ? is text
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.search_text = query
        self.rows: dict[int, CardRow] = {}
        self.meaning_width = MEANING_WIDTH

    def compose(self) -> ComposeResult:
        yield Static("Cards", id="status")
        yield Input(value=self.search_text, placeholder="search: 你好, ni hao, hello, lesson:…, state:due, flag:red",
                    id="browser-query")
        yield DataTable(id="browser-cards", cursor_type="row", zebra_stripes=True)
        yield Static("", id="browser-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # the meaning takes the room a terminal wider than 80 columns gives (the others fit already)
        self.meaning_width = MEANING_WIDTH + max(0, self.app.size.width - 80)
        for label, key, width in COLUMNS:
            table.add_column(label, key=key, width=self.meaning_width if key == "meaning" else width)
        self.run_search(self.search_text)
        table.focus()

    # -- searching ---------------------------------------------------------------------

    @on(Input.Submitted, "#browser-query")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.run_search(event.value)
        self.query_one(DataTable).focus()

    @on(Input.Changed, "#browser-query")
    def typed(self, event: Input.Changed) -> None:
        self.run_search(event.value, quiet=True)

    def run_search(self, text: str, quiet: bool = False) -> None:
        self.search_text = text
        try:
            found = browser.search(self.app.learner, text)
        except SearchError as exc:
            if not quiet:
                self.notify(str(exc), severity="warning", timeout=5, markup=False)
            self.query_one("#browser-hint", Static).update(Text(str(exc), style="yellow"))
            return
        table = self.query_one(DataTable)
        table.clear()
        self.rows = {row.id: row for row in found.rows}
        for row in found.rows:
            table.add_row(*self._cells(row), key=str(row.id))
        shown = f"{len(found.rows)} of {found.total}" if found.total > len(found.rows) else str(found.total)
        what = f" matching {text.strip()!r}" if text.strip() else ""
        self.query_one("#status", Static).update(
            Text.assemble(("Cards", "bold"), f" · {shown} card{'s' if found.total != 1 else ''}{what}"))
        self.query_one("#browser-hint", Static).update(
            "enter its history · s suspend · z bury · 1-4 flag · x reset · red: a leech"
            if found.rows else "No cards match. Try fewer words, or pinyin without tones.")

    def _cells(self, row: CardRow) -> list:
        now = self.app.learner.clock()
        state = browser.state_of(row, now)
        if row.leech:  # a leech: its state in red (the hint says so; its screen says why)
            state_text = Text(state, style="bold red")
        else:
            state_text = Text(state, style={"due": "bold", "suspended": "yellow", "buried": "dim", "off": "dim"}.get(state, ""))
        return [
            Text(_cut(row.hanzi, 3)), Text(_cut(row.pinyin, 10)), Text(_cut(browser.gloss(row), self.meaning_width)),
            Text(kind_name(row.kind)), state_text, Text(browser.due_text(row, now)), flag_text(row.flag),
        ]

    # -- the selected card ---------------------------------------------------------------

    def selected_card(self) -> CardRow | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(int(key))

    def card_changed(self, card_id: int) -> None:
        """Redraw one row after an action (the card may no longer match: it stays until the next search)."""
        row = browser.card_row(self.app.learner, card_id)
        if row is None:
            return
        self.rows[card_id] = row
        table = self.query_one(DataTable)
        for (_, key, _), value in zip(COLUMNS, self._cells(row)):
            table.update_cell(str(card_id), key, value)

    @on(DataTable.RowSelected, "#browser-cards")
    def open_card(self, event: DataTable.RowSelected) -> None:
        from lianxi.ui.screens.card import CardScreen

        card = self.selected_card()
        if card is not None:
            self.app.push_screen(CardScreen(card.id), lambda _: self.card_changed(card.id))

    # -- keys -------------------------------------------------------------------------------

    def action_search_box(self) -> None:
        self.query_one(Input).focus()

    def action_leeches(self) -> None:
        self.query_one(Input).value = "state:leech"
        self.run_search("state:leech")
        self.query_one(DataTable).focus()

    def action_remove_from_my_words(self) -> None:
        """d: take the selected card's word out of My words (finding's key; the dictionary has x)."""
        from lianxi.core.errors import UserError
        from lianxi.core.pinyin import PinyinError, to_numbers
        from lianxi.study.my_words import my_words, remove_from_my_words

        card = self.selected_card()
        if card is None:
            return
        readings = [w.numbered for w in my_words(self.app.learner) if card.hanzi in (w.hanzi, w.traditional)]
        if not readings:
            self.notify(f"{card.hanzi} is not in My words (its lesson: {card.lesson}).", timeout=4, markup=False)
            return
        try:
            reading = to_numbers(card.pinyin)
        except PinyinError:
            reading = readings[0]
        numbered = reading if len(readings) > 1 else readings[0]
        try:
            removed = remove_from_my_words(self.app.learner, card.hanzi, numbered)
        except UserError as exc:
            self.notify(str(exc), severity="warning", timeout=5, markup=False)
            return
        self.notify(f"Removed {removed.hanzi} from My words (its progress is kept if you add it again).",
                    timeout=4, markup=False)
        self.run_search(self.search_text, quiet=True)

    def action_back(self) -> None:
        if self.query_one(Input).has_focus:
            self.query_one(DataTable).focus()
        else:
            self.app.pop_screen()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Cards", HELP_KEYS))
