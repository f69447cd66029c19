"""Audio drills: the drill menu (home key `d`), a lesson/level chooser, and one screen for all
five drills (tones, pairs, listen, dictation, minimal).

The drill logic lives in lianxi.study.drills and lianxi.core.drills; this module only draws
and reads keys. Sound goes through ui.voice (a worker thread), so keys never wait.
"""

from __future__ import annotations

import json
import random

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from lianxi.core.drills.items import DRILLS, Drill, Item, Verdict
from lianxi.study.drills import (
    DrillRun,
    DrillUnavailable,
    audio_settings,
    change_audio_settings,
)
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.voice import voice

NEEDS_SCOPE = (Drill.LISTEN, Drill.DICTATION)
SPEAKING_DRILL = "Speaking: say tone pairs and your words, see your tones (microphone)"

def help_keys(drill: Drill, item: Item | None) -> list[tuple[str, str]]:
    """The keys that work in this drill now, and only those (the minimal pairs offer 2 or 3 syllables;
    in dictation the letters go into the answer box, so replay is ctrl+r and ctrl+s there)."""
    if drill is Drill.DICTATION:
        return [("type, enter", "pinyin (ni3 hao3, nǐ hǎo) or hanzi, then check it"),
                ("ctrl+r", "play it again"), ("ctrl+s", "play it slowly"),
                ("space, enter", "next, after an answer"), ("esc", "back"),
                ("f1", "this help")]
    answer = {
        Drill.TONES: [("1-5", "the tone you heard (5 = neutral)")],
        Drill.PAIRS: [("1-5 1-5", "the two tones you heard, like 4 then 1"), ("backspace", "take back a tone")],
        Drill.LISTEN: [(f"1-{len(item.options) if item else 4}", "the meaning you heard")],
        Drill.MINIMAL: [(f"1-{len(item.options) if item else 2}", "the syllable you heard")],
    }[drill]
    return answer + [
        ("r", "play it again"),
        ("s", "play it slowly"),
        ("space, enter", "next, after an answer"),
        ("q, esc", "back"),
        ("?", "this help"),
    ]


class DrillMenuScreen(Screen):
    """Pick a drill; listening and dictation then ask which words."""

    BINDINGS = [
        Binding("q,escape", "app.pop_screen", "Back"),
        Binding("v", "toggle('play_on_reveal')", "Voice on reveal", show=False),
        Binding("l", "toggle('play_listening_on_show')", "Listening autoplay", show=False),
        Binding("c", "toggle('listening_cards')", "Listening cards", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("[b]Drills[/b]  listen and answer; every answer is kept", id="drill-menu-title")
        yield OptionList(*[Option(f"{n}  {text}", id=d.value) for n, (d, text) in enumerate(DRILLS.items(), 1)],
                         Option(f"{len(DRILLS) + 1}  {SPEAKING_DRILL}", id="speak"), id="drill-menu")
        yield Static(id="drill-settings", classes="hint")
        yield Static(f"enter start · 1-{len(DRILLS) + 1} pick · q back", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self._draw_settings()

    def _draw_settings(self) -> None:
        now = audio_settings(self.app.learner)

        def state(on: bool) -> str:
            return "on" if on else "off"

        self.query_one("#drill-settings", Static).update(
            f"Reviews:  v say the word on reveal [b]{state(now.play_on_reveal)}[/b] · "
            f"l listening cards speak at once [b]{state(now.play_listening_on_show)}[/b]\n"
            f"          c studied words get listening cards [b]{state(now.listening_cards)}[/b]"
        )

    def action_toggle(self, name: str) -> None:
        current = getattr(audio_settings(self.app.learner), name)
        change_audio_settings(self.app.learner, **{name: not current})
        self._draw_settings()

    def on_key(self, event) -> None:
        if event.key in "12345" and len(event.key) == 1:
            event.stop()
            self.start(list(DRILLS)[int(event.key) - 1])
        elif event.key == str(len(DRILLS) + 1):
            event.stop()
            self.start_speaking()

    def start_speaking(self) -> None:
        from lianxi.ui.screens.speak import SpeakScreen  # noqa: PLC0415

        def chosen(scope: tuple[str | None, str | None] | None) -> None:
            if scope is not None:
                self.app.push_screen(SpeakScreen(drill=True, lesson_id=scope[0], level=scope[1]))

        self.app.push_screen(ScopeScreen(), chosen)

    @on(OptionList.OptionSelected, "#drill-menu")
    def picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "speak":
            self.start_speaking()
            return
        self.start(Drill(event.option.id))

    def start(self, drill: Drill) -> None:
        if drill in NEEDS_SCOPE:
            def chosen(scope: tuple[str | None, str | None] | None) -> None:
                if scope is not None:
                    self.app.push_screen(DrillScreen(drill, lesson_id=scope[0], level=scope[1]))

            self.app.push_screen(ScopeScreen(), chosen)
        else:
            self.app.push_screen(DrillScreen(drill))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Drills", [
            (f"1-{len(DRILLS) + 1}, enter", "start a drill"),
            ("v", "review: say the word when the answer is shown (on/off)"),
            ("l", "review: listening cards speak as they appear (on/off)"),
            ("c", "studied words get a listening card (on/off)"),
            ("q, esc", "back"),
        ]))


class ScopeScreen(ModalScreen[tuple[str | None, str | None] | None]):
    """Which words: all of yours, one level, or one lesson. Returns (lesson id, level)."""

    BINDINGS = [Binding("q,escape", "cancel", "Back")]

    def compose(self) -> ComposeResult:
        learner = self.app.learner
        options = [Option("All your words", id="all")]
        names = learner.progress.lesson_names()  # titles only: no counts needed here
        levels = sorted({level for _, _, level, _ in names})
        # lesson titles and levels are data: Text prompts, never markup
        options += [Option(Text(f"Level: {level}"), id=f"level:{level}") for level in levels]
        options += [Option(Text(f"Lesson: {title} ({level})"), id=f"lesson:{lesson_id}")
                    for lesson_id, title, level, _ in names]
        with Vertical(id="drill-scope"):
            yield Static("[b]Which words?[/b]")
            yield OptionList(*options, id="drill-scope-list")

    @on(OptionList.OptionSelected, "#drill-scope-list")
    def picked(self, event: OptionList.OptionSelected) -> None:
        kind, _, value = event.option.id.partition(":")
        self.dismiss((value, None) if kind == "lesson" else (None, value) if kind == "level" else (None, None))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DrillScreen(Screen):
    """One drill: play, answer, see what was right, next. Every answer is stored at once."""

    BINDINGS = [
        Binding("r", "replay(False)", "Again"),
        Binding("s", "replay(True)", "Slowly"),
        Binding("ctrl+r", "replay(False)", "Again", show=False, priority=True),
        Binding("ctrl+s", "replay(True)", "Slowly", show=False, priority=True),
        Binding("space,enter", "next", "Next", show=False),
        Binding("backspace", "take_back", "Undo tone", show=False),
        Binding("q,escape", "back", "Back"),
        Binding("question_mark", "help", "Help"),
        Binding("f1", "help", "Help", show=False, priority=True),  # also while typing a dictation
    ]

    def __init__(self, drill: Drill | str, *, lesson_id: str | None = None, level: str | None = None,
                 contrast: str | None = None, rng: random.Random | None = None):
        super().__init__()
        self.drill = Drill(drill)
        self.lesson_id = lesson_id
        self.level = level
        self.contrast = contrast
        self.rng = rng
        self.run: DrillRun | None = None
        self.sound_problem: str | None = None  # set once the sound check finds none
        self.item: Item | None = None
        self.verdict: Verdict | None = None
        self.typed = ""  # tones typed so far in the pairs drill

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Static(id="drill-audio", classes="hint")
        with VerticalScroll(id="drill-area"):
            yield Static(id="drill-prompt")
            with Center():
                yield Static(id="drill-options")
            yield Static(id="drill-feedback")
        if self.drill is Drill.DICTATION:
            yield Input(placeholder="pinyin or hanzi, then enter", id="drill-input")
        yield Static(id="drill-keys", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.check_audio()
        try:
            self.run = DrillRun(self.app.learner, self.drill, rng=self.rng, lesson_id=self.lesson_id,
                                level=self.level, contrast=self.contrast)
        except DrillUnavailable as error:
            self.query_one("#drill-prompt", Static).update(Text(str(error)))
            self.query_one("#drill-keys", Static).update("q  back")
            self._draw_status()
            return
        if self.sound_problem:
            self.run.counted = False
        self.next_item()

    @work(thread=True, group="voice-check", exit_on_error=False)
    def check_audio(self) -> None:
        problem = voice(self.app).check()
        if problem:
            self.app.call_from_thread(self._show_audio_problem, problem)

    def _show_audio_problem(self, problem: str) -> None:
        # These drills are for the ear: without sound an answer is a guess, so it is not kept.
        self.sound_problem = problem
        if self.run is not None:
            self.run.counted = False
        self.query_one("#drill-audio", Static).update(
            Text(f"This drill needs sound. {problem}. Until then your answers are not counted.")
        )

    # -- flow ---------------------------------------------------------------------------

    def next_item(self) -> None:
        assert self.run is not None
        self.item = self.run.next()
        self.verdict = None
        self.typed = ""
        self.query_one("#drill-feedback", Static).update("")
        if self.drill is Drill.DICTATION:
            box = self.query_one("#drill-input", Input)
            box.value = ""
            box.disabled = False
            box.focus()
        voice(self.app).say(self.item.hanzi, self.item.pinyin)
        self._draw()

    def give(self, typed: str) -> None:
        """An answer from keys or the input box."""
        if self.run is None or self.item is None or self.verdict is not None:
            return
        verdict = self.run.answer(typed)
        feedback = self.query_one("#drill-feedback", Static)
        if not verdict.readable:
            feedback.update(f"[yellow]{_escape(verdict.message)}[/yellow]")
            self.typed = ""
            self._draw()
            return
        self.verdict = verdict
        colour = "green" if verdict.correct else "red"
        feedback.update(f"[{colour}]{_escape(verdict.message)}[/{colour}]")
        if self.drill is Drill.DICTATION:
            box = self.query_one("#drill-input", Input)
            box.disabled = True
        self._draw()

    # -- drawing ------------------------------------------------------------------------

    def _scope(self) -> str:
        """ · the lesson's title (never its id) or the level, or nothing for all words."""
        if self.lesson_id:
            names = self.app.learner.progress.lesson_names()  # titles only: nothing to count
            title = next((title for lesson_id, title, _, _ in names if lesson_id == self.lesson_id), self.lesson_id)
            return f" · {title}"
        return f" · {self.level}" if self.level else ""

    def _draw_status(self) -> None:
        done = f"answered {self.run.asked} · right {self.run.right}" if self.run else ""
        self.query_one("#status", Static).update(Text(f"Drill · {self.drill.value}{self._scope()}    {done}"))

    def _draw(self) -> None:
        self._draw_status()
        item = self.item
        prompt = self.query_one("#drill-prompt", Static)
        options = self.query_one("#drill-options", Static)
        keys = self.query_one("#drill-keys", Static)
        if item is None:
            return
        question = {
            Drill.TONES: "Which tone? 1 ˉ  2 ˊ  3 ˇ  4 ˋ  5 neutral",
            Drill.PAIRS: "Which two tones?  " + "  ".join((self.typed + "__")[:2]),
            Drill.LISTEN: "What does it mean?",
            Drill.DICTATION: "Write what you hear.",
            Drill.MINIMAL: f"Which did you hear? ({item.key})",
        }[self.drill]
        prompt.update(Text(question, style="bold"))
        if self.drill in (Drill.LISTEN, Drill.MINIMAL):
            options.update("\n".join(f"[b]{n}[/b] · {_escape(text)}" for n, text in enumerate(item.options, 1)))
        else:
            options.update("")
        if self.verdict is not None:
            keys.update("space next · r again · s slowly · q back")
        elif self.drill is Drill.DICTATION:
            keys.update("enter check · ctrl+r again · ctrl+s slowly · esc back")
        else:
            answer_keys = {Drill.TONES: "1-5", Drill.PAIRS: "two tones", Drill.LISTEN: "1-4",
                           Drill.MINIMAL: f"1-{len(item.options)}"}[self.drill]
            keys.update(f"{answer_keys} answer · r again · s slowly · q back")

    # -- keys ---------------------------------------------------------------------------

    def on_key(self, event) -> None:
        if self.drill is Drill.DICTATION or self.item is None or self.verdict is not None:
            return
        if len(event.key) == 1 and event.key in "12345":
            event.stop()
            if self.drill is Drill.PAIRS:
                self.typed += event.key
                if len(self.typed) == 2:
                    self.give(self.typed)
                else:
                    self._draw()
            else:
                self.give(event.key)

    @on(Input.Submitted, "#drill-input")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.give(event.value)

    def action_take_back(self) -> None:
        if self.drill is Drill.PAIRS and self.typed and self.verdict is None:
            self.typed = self.typed[:-1]
            self._draw()

    def action_replay(self, slow: bool) -> None:
        if not voice(self.app).replay(slow):
            self.notify("Nothing to play yet.", timeout=2)

    def action_next(self) -> None:
        if self.run is not None and self.verdict is not None:
            self.next_item()

    def action_back(self) -> None:
        voice(self.app).stop()
        if self.run is not None and self.run.history:  # how it went, then back
            from lianxi.study.summary import drill_summary
            from lianxi.ui.screens.summary import SummaryScreen

            screen = SummaryScreen(drill_summary(self.run, f"Drill · {self.drill.value}{self._scope()}"))
            if len(self.app.screen_stack) > 2:
                self.app.pop_screen()
                self.app.push_screen(screen)
            else:  # `lianxi drill ...`: the summary takes the drill's place, then Lianxi ends
                self.app.switch_screen(screen)
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(f"Drill: {self.drill.value}", help_keys(self.drill, self.item)))


def _escape(text: str) -> str:
    return text.replace("[", r"\[")


def start_text(drill: Drill | str, *, level: str | None = None, contrast: str | None = None) -> str:
    """The app's `start` value for `lianxi drill ...` (the lesson goes in the app's lesson_id)."""
    return "drill:" + json.dumps({"drill": Drill(drill).value, "level": level, "contrast": contrast})


def screen_for_start(start: str, lesson_id: str | None = None) -> DrillScreen:
    options = json.loads(start.removeprefix("drill:"))
    return DrillScreen(options["drill"], lesson_id=lesson_id, level=options.get("level"),
                       contrast=options.get("contrast"))
