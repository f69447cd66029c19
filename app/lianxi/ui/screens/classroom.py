"""Classroom mode: one laptop, a projector, a room. Big hanzi; the tutor reveals and plays.

A separate small Textual app (`lianxi class LESSON`) that shows one lesson in
shuffled rounds: words, tone pairs, listening questions and the worksheet's
dictation. It is given a lesson and a player, never a learner: it has no
database and records nothing about anyone. A terminal cannot draw larger
letters, so the hanzi are bold, spaced and centred, and the tutor makes the
terminal's font large for the projector (Ctrl and + in most terminals).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Static

from lianxi.classroom.page import shown_hanzi
from lianxi.core.classroom import TonePair, dictation_order, listening_questions, shuffled, tone_pairs
from lianxi.core.errors import UserError
from lianxi.core.lessons import Lesson, Word
from lianxi.lexicon import bundled_lexicon
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.tones import DEFAULT_PALETTE, coloured_pinyin
from lianxi.ui.widgets.readings import every_meaning, every_pinyin

HELP_KEYS = [
    ("space", "show the next part: pinyin, then the meaning"),
    ("p", "play the word"),
    ("n, →", "next word"),
    ("b, ←", "previous word"),
    ("w", "words round (shuffled)"),
    ("t", "tone pairs round: the room says the tones"),
    ("l", "listening round: the room picks the word they hear"),
    ("d", "dictation, in the worksheet answer key's order"),
    ("Ctrl +", "bigger text: your terminal's zoom, for the projector"),
    ("q", "quit"),
    ("?", "this help"),
]

ROUNDS = {"words": "Words", "tones": "Tone pairs", "listen": "Listening", "dictation": "Dictation"}
STEPS = {"words": 2, "tones": 2, "listen": 1, "dictation": 1}  # how many times space reveals more


def big(hanzi: str) -> Text:
    """Hanzi as large as a terminal allows: bold, with room between the characters."""
    return Text(" ".join(hanzi), style="bold")


class ClassroomScreen(Screen):
    BINDINGS = [
        Binding("space", "reveal", "Reveal"),
        Binding("p", "play", "Play"),
        Binding("n,right", "next", "Next"),
        Binding("b,left", "previous", "Back", show=False),
        Binding("w", "round('words')", "Words"),
        Binding("t", "round('tones')", "Tones"),
        Binding("l", "round('listen')", "Listen"),
        Binding("d", "round('dictation')", "Dictation"),
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, lesson: Lesson, seed: int | None = None, traditional: bool = False):
        super().__init__()
        self.lesson = lesson
        self.seed = seed
        self.traditional = traditional
        self.rounds_started = 0
        self.mode = "words"
        self.items: list = []
        self.index = 0
        self.step = 0

    def compose(self) -> ComposeResult:
        yield Static(id="class-status")
        with Middle(id="class-stage"):
            with Center():
                yield Static(id="class-hanzi")
            with Center():
                yield Static(id="class-pinyin")
            with Center():
                yield Static(id="class-meaning")
        yield Static(id="class-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.start_round("words")

    # rounds

    def _seed(self) -> int | str | None:
        # a new order for every round, the same sequence again for the same --seed
        self.rounds_started += 1
        return None if self.seed is None else f"{self.seed}:{self.rounds_started}"

    def start_round(self, mode: str) -> None:
        self.mode = mode
        seed = self._seed()
        if mode == "words":
            self.items = shuffled(self.lesson.words, seed)
        elif mode == "tones":
            self.items = tone_pairs(self.lesson, seed, lexicon=bundled_lexicon())
        elif mode == "listen":
            self.items = listening_questions(self.lesson, seed)
        else:
            self.items = dictation_order(self.lesson)
        self.index = 0
        self.step = 0
        self.show()
        self.autoplay()

    @property
    def current(self):
        return self.items[self.index] if self.index < len(self.items) else None

    def word(self) -> Word | None:
        item = self.current
        if item is None:
            return None
        return item if isinstance(item, Word) else item.word

    # drawing

    def show(self) -> None:
        status = self.query_one("#class-status", Static)
        hanzi = self.query_one("#class-hanzi", Static)
        pinyin = self.query_one("#class-pinyin", Static)
        meaning_box = self.query_one("#class-meaning", Static)
        hint = self.query_one("#class-hint", Static)
        name = ROUNDS[self.mode]
        total = len(self.items)
        status.update(Text(f"{self.lesson.title} · {name} {min(self.index + 1, total)}/{total}"))
        item = self.current
        if item is None:
            hanzi.update(Text("No words for this round" if not total else "Done!", style="bold"))
            pinyin.update(Text(f"{total} in this round" if total else "(tone pairs need words of two syllables)"))
            meaning_box.update(Text("n: again   w t l d: another round   q: quit"))
            hint.update("")
            return
        word = self.word()
        shown = shown_hanzi(word, self.traditional)
        gloss = every_meaning(word, self.traditional)
        spoken = every_pinyin(word)
        if self.mode == "words":
            hanzi.update(big(shown))
            pinyin.update(spoken if self.step >= 1 else Text(""))
            meaning_box.update(gloss if self.step >= 2 else Text(""))
            reveal = {0: "space: pinyin   ", 1: "space: meaning   "}.get(self.step, "")
            hint.update(reveal + "p: play   n: next   ?: help")
        elif self.mode == "tones":
            pair: TonePair = item
            hanzi.update(big(shown))
            if self.step >= 1:
                said = "" if pair.spoken == pair.tones else \
                    f"   (said {' + '.join(str(t) if t != 5 else 'neutral' for t in pair.spoken)})"
                # the tones are the main reading's (the one spoken); every reading is in the meaning
                main = coloured_pinyin(word.pinyin, DEFAULT_PALETTE, bold=True)
                pinyin.update(Text.assemble(main, (f"    tones {pair.label}{said}", "bold")))
            else:
                pinyin.update(Text("Which tones? p: play"))
            meaning_box.update(gloss if self.step >= 2 else Text(""))
            hint.update("space: reveal   p: play   n: next   ?: help")
        elif self.mode == "listen":
            options = Text()
            for n, option in enumerate(item.options, start=1):
                right = self.step >= 1 and n - 1 == item.answer
                options.append(f" {n} ", style="reverse bold" if right else "bold")
                options.append(f" {' '.join(shown_hanzi(option, self.traditional))}    ",
                               style="bold underline" if right else "")
            hanzi.update(options)
            pinyin.update(spoken if self.step >= 1 else Text("Which word do you hear?"))
            meaning_box.update(gloss if self.step >= 1 else Text(""))
            hint.update("space: answer   p: play again   n: next   ?: help")
        else:
            hanzi.update(Text(f"{self.index + 1}", style="bold"))
            pinyin.update(spoken if self.step >= 1 else Text("Listen and write"))
            meaning_box.update(big(shown) if self.step >= 1 else Text(""))
            hint.update("p: play again   space: show   n: next   ?: help")

    # keys

    def action_reveal(self) -> None:
        if self.current is not None and self.step < STEPS[self.mode]:
            self.step += 1
            self.show()

    def action_next(self) -> None:
        if self.current is None:
            self.start_round(self.mode)  # again, in a new order
            return
        self.index += 1
        self.step = 0
        self.show()
        self.autoplay()

    def action_previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.step = 0
            self.show()
            self.autoplay()

    def action_round(self, mode: str) -> None:
        self.start_round(mode)

    def action_play(self) -> None:
        word = self.word()
        if word is not None:
            self.app.say(word)

    def autoplay(self) -> None:
        # listening and dictation are about hearing: the word plays as it appears
        if self.mode in ("listen", "dictation"):
            self.action_play()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Classroom keys", HELP_KEYS))


class ClassroomApp(App):
    """Classroom mode on its own: a lesson, a speaker's cache folder and a player. No learner."""

    TITLE = "Lianxi 练习 · class"
    ENABLE_COMMAND_PALETTE = False
    CSS = """
    #class-status { height: 1; padding: 0 1; background: $panel; }
    #class-stage { height: 1fr; }
    #class-hanzi { width: auto; padding: 1 0; color: $text; text-style: bold; }
    #class-pinyin { width: auto; padding: 1 0 0 0; color: $accent; }
    #class-meaning { width: auto; max-width: 100%; padding: 1 2 0 2; text-align: center; }
    #class-hint { height: 1; padding: 0 1; color: $text-muted; }
    #help { width: 70; height: auto; border: round $accent; padding: 1 2; background: $surface; }
    HelpScreen { align: center middle; }
    """
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(self, lesson: Lesson, *, cache_dir: Path, player=None, seed: int | None = None,
                 traditional: bool = False):
        super().__init__()
        self.traditional = traditional
        self.lesson = lesson
        self.cache_dir = cache_dir
        self.player = player
        self.seed = seed
        self._speaker = None
        self.played: list[Path] = []  # what was played, in order (the room hears it; nothing is stored)
        self.problem: str | None = None

    def on_mount(self) -> None:
        self.push_screen(ClassroomScreen(self.lesson, self.seed, self.traditional))

    def say(self, word: Word) -> None:
        """Render and play in a worker thread so the keys stay quick."""
        self.run_worker(lambda: self._say(word), thread=True, group="voice", exclusive=True, exit_on_error=False)

    def _say(self, word: Word) -> None:
        try:
            if self._speaker is None:
                from lianxi.study.sound import make_speaker  # noqa: PLC0415 - pyttsx3 loads on first word

                self._speaker = make_speaker(self.cache_dir)
            if self.player is None:
                from lianxi.study.sound import find_player  # noqa: PLC0415

                self.player = find_player()
            path = self._speaker.render(hanzi=word.hanzi, pinyin=word.numbered)
            self.player.stop()
            self.player.play(path)  # a silent player just notes it
            self.played.append(path)
            if not self.player.available:
                raise UserError(f"No sound: {self.player.reason}")
            self.problem = None
        except (UserError, ValueError, ImportError) as error:
            if str(error) != self.problem:
                self.problem = str(error)
                self.call_from_thread(self.notify, self.problem, severity="warning", timeout=6)


def run_classroom(lesson: Lesson, *, data_dir: Path | None = None, seed: int | None = None,
                  traditional: bool = False) -> None:
    from lianxi import paths  # noqa: PLC0415

    ClassroomApp(lesson, cache_dir=paths.cache_dir(data_dir), seed=seed, traditional=traditional).run()
