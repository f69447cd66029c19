"""Speaking: say a word (`lianxi speak WORD`) or drill tone pairs and your words, see your tones.

The word on top (hanzi in tone colours, pinyin with marks, and how it is said when sandhi
changes a tone), then the SpeakingPanel: record with m, your curve over the target's,
the hints. Keys replay your recording (y), the target (r) and both back to back (b).
Lesson text is shown through rich Text objects, never markup.
"""

from __future__ import annotations

import random

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from lianxi.core.errors import UserError
from lianxi.ui.screens.help import HelpScreen
from lianxi.ui.tones import coloured_hanzi, coloured_pinyin
from lianxi.ui.voice import voice
from lianxi.ui.widgets.speaking import SpeakingPanel

HELP_KEYS = [
    ("m", "record yourself; m or space again stops (it also stops by itself)"),
    ("r, s", "hear the target, or slowly"),
    ("y", "hear your recording"),
    ("b", "hear yours, then the target"),
    ("n, enter", "next word (drill)"),
    ("c", "calibrate: say mā má mǎ mà once, so tones are judged in your range"),
    ("k", "keep my recordings in the data folder (off: each is discarded)"),
    ("q, esc", "back"),
    ("?", "this help"),
]


def word_lines(hanzi: str | None, pinyin: str | None, palette) -> Text:
    """The word: hanzi in tone colours, the pinyin as written, and how it is said if that differs."""
    from lianxi.core.hanzi import hanzi_reading  # noqa: PLC0415
    from lianxi.core.pinyin import PinyinError, parse, to_marks  # noqa: PLC0415
    from lianxi.study.speaking import target_syllables  # noqa: PLC0415

    try:
        said = target_syllables(hanzi, pinyin)
    except UserError:
        said = []
    numbered = " ".join(s.numbered for s in said)
    try:
        written = pinyin or (to_marks(hanzi_reading(hanzi)) if hanzi else to_marks(said))
    except PinyinError:
        written = to_marks(said)
    if any(ch.isdigit() for ch in written):  # tone numbers are for typing; show marks
        try:
            written = to_marks(parse(written))
        except PinyinError:
            pass
    lines = []
    if hanzi:
        lines.append(coloured_hanzi(hanzi, numbered, palette))
    lines.append(coloured_pinyin(written, palette, bold=True))
    try:
        as_written = [s.tone for s in parse(written)]
    except PinyinError:
        as_written = []
    if said and as_written and as_written != [s.tone for s in said]:
        lines.append(Text.assemble(("said as ", "dim"), coloured_pinyin(to_marks(said), palette)))
    return Text("\n").join(lines)


class SpeakScreen(Screen):
    """One word, or a drill of words (a SpeakingDrill gives the next one)."""

    BINDINGS = [
        Binding("m", "record", "Record"),
        Binding("space", "space", "Stop/next", show=False),
        Binding("r", "hear(False)", "Hear it"),
        Binding("s", "hear(True)", "Slowly", show=False),
        Binding("y", "yours", "Yours"),
        Binding("b", "both", "Both"),
        Binding("n,enter", "next", "Next", show=False),
        Binding("c", "calibrate", "Calibrate"),
        Binding("k", "keep", "Keep", show=False),
        Binding("q,escape", "back", "Back"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, hanzi: str | None = None, pinyin: str | None = None, *, drill: bool = False,
                 lesson_id: str | None = None, level: str | None = None, rng: random.Random | None = None):
        super().__init__()
        self.hanzi, self.pinyin = hanzi, pinyin
        self.drill = drill
        self.lesson_id = lesson_id
        self.level = level
        self.rng = rng
        self.run = None
        self.said = 0

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll(id="speak-area"):
            yield Static(id="speak-word")
            yield SpeakingPanel(id="speak-panel")
        yield Footer()

    def on_mount(self) -> None:
        if self.drill:
            from lianxi.study.speaking_drill import SpeakingDrill  # noqa: PLC0415

            self.run = SpeakingDrill(self.app.learner, lesson_id=self.lesson_id, level=self.level, rng=self.rng)
            self.next_word()
        else:
            self.show_word()

    def on_screen_resume(self) -> None:
        self._draw_status()  # back from calibrating

    def next_word(self) -> None:
        item = self.run.next()
        self.hanzi, self.pinyin = item.hanzi, item.pinyin
        self.show_word()

    def show_word(self) -> None:
        word = word_lines(self.hanzi, self.pinyin, self.app.palette)
        self.query_one("#speak-word", Static).update(word)
        self.query_one(SpeakingPanel).set_target(self.hanzi, self.pinyin)
        self._draw_status()

    def _draw_status(self) -> None:
        from lianxi.study.speaking import calibration, keeps_recordings  # noqa: PLC0415

        found = calibration(self.app.learner)
        calibrated = f"calibrated ({found.hz:.0f} Hz)" if found else "not calibrated (c)"
        kept = "recordings kept (k)" if keeps_recordings(self.app.learner) else "recordings not kept (k)"
        what = f"drill · {self.said} said" if self.drill else "say it"
        self.query_one("#status", Static).update(Text(f"Speaking · {what}    {calibrated} · {kept}"))

    def on_speaking_panel_judged(self, event: SpeakingPanel.Judged) -> None:
        self.said += 1
        self._draw_status()

    # -- keys -----------------------------------------------------------------------------

    def action_record(self) -> None:
        self.query_one(SpeakingPanel).toggle_recording()

    def action_space(self) -> None:
        panel = self.query_one(SpeakingPanel)
        if panel.recording:
            panel.toggle_recording()
        elif self.drill and panel.attempt is not None:
            self.next_word()

    def action_next(self) -> None:
        if self.drill and not self.query_one(SpeakingPanel).recording:
            self.next_word()

    def action_hear(self, slow: bool) -> None:
        self.query_one(SpeakingPanel).play_target(slow)

    def action_yours(self) -> None:
        self.query_one(SpeakingPanel).play_yours()

    def action_both(self) -> None:
        self.query_one(SpeakingPanel).play_both()

    def action_calibrate(self) -> None:
        if not self.query_one(SpeakingPanel).recording:
            from lianxi.ui.screens.calibrate import CalibrateScreen  # noqa: PLC0415

            self.app.push_screen(CalibrateScreen())

    def action_keep(self) -> None:
        from lianxi.study.speaking import keeps_recordings, set_keep_recordings  # noqa: PLC0415

        keep = not keeps_recordings(self.app.learner)
        set_keep_recordings(self.app.learner, keep)
        self.notify("Your recordings are now kept in your data folder (lianxi data where)." if keep
                    else "Recordings are now discarded after each attempt.", timeout=4)
        self._draw_status()

    def action_back(self) -> None:
        voice(self.app).stop()
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Speaking", HELP_KEYS))


def screen_for_start(start: str) -> Screen:
    """The screen for `lianxi speak WORD` ("speak:{...}") or `lianxi speak calibrate`."""
    from lianxi.study.speaking import CALIBRATE_START, read_start  # noqa: PLC0415

    if start == CALIBRATE_START:
        from lianxi.ui.screens.calibrate import CalibrateScreen  # noqa: PLC0415

        return CalibrateScreen()
    hanzi, pinyin = read_start(start)
    return SpeakScreen(hanzi, pinyin)
