"""Calibrate once: say mā má mǎ mà, so tones are judged in your own voice's range.

One syllable at a time: m records, m or space stops. After the fourth, the four are
checked (a level 1st, a rising 2nd, a low 3rd, a falling 4th) and stored as a setting in
the learner's own database; the recordings themselves are discarded.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from lianxi.core.errors import UserError
from lianxi.ui.tones import coloured_pinyin
from lianxi.ui.widgets.speaking import coach, meter, microphone

STEPS = (("mā", "1st tone: high and level"), ("má", "2nd tone: rising from the middle"),
         ("mǎ", "3rd tone: low, dipping to the bottom of your voice"), ("mà", "4th tone: falling from the top"))
LIMIT = 3.0


class CalibrateScreen(Screen):
    BINDINGS = [
        Binding("m", "record", "Record"),
        Binding("space", "stop", "Stop", show=False),
        Binding("r", "hear", "Hear it"),
        Binding("q,escape", "back", "Back"),
    ]

    def __init__(self):
        super().__init__()
        self.recordings: list = []
        self.mic = None
        self._timer = None
        self.done = False

    def compose(self) -> ComposeResult:
        yield Static(Text("Speaking · calibrate your range"), id="status")
        with Vertical(id="calibrate-area"):
            yield Static(Text("Say each syllable once, in your normal voice, as clearly as you can.\n"
                              "Your range is stored only in your data folder; the recordings are discarded."),
                         id="calibrate-intro")
            yield Static(id="calibrate-step")
            yield Static(id="calibrate-meter")
        yield Footer()

    def on_mount(self) -> None:
        self._draw()

    def _draw(self, line: Text | str = "") -> None:
        step = self.query_one("#calibrate-step", Static)
        if self.done:
            step.update(Text(""))
        else:
            k = len(self.recordings)
            syllable, how = STEPS[k]
            step.update(Text.assemble((f"{k + 1} of 4   ", "dim"), coloured_pinyin(syllable, self.app.palette, bold=True),
                                      ("   " + how, "dim")))
        self.query_one("#calibrate-meter", Static).update(
            line or Text("m record · r hear it · q back", style="dim"))

    def action_hear(self) -> None:
        from lianxi.ui.voice import voice  # noqa: PLC0415

        if not self.done:
            voice(self.app).say(None, ("ma1", "ma2", "ma3", "ma4")[len(self.recordings)])

    def action_record(self) -> None:
        if self.mic is not None:
            self.action_stop()
            return
        if self.done:
            self.recordings, self.done = [], False  # start again
        from lianxi.study.speaking import analysis_problem  # noqa: PLC0415

        problem = analysis_problem()
        mic = None if problem else microphone(self.app, LIMIT)
        if problem or not mic.available:
            line = problem[0].upper() + problem[1:] if problem else mic.reason
            self._draw(Text(line, style="yellow"))
            return
        try:
            mic.start()
        except (UserError, OSError) as error:
            self._draw(Text(f"No microphone: {error}", style="yellow"))
            return
        self.mic = mic
        self._timer = self.set_interval(0.05, self._tick)

    def _tick(self) -> None:
        if self.mic is None:
            return
        if not self.mic.recording:
            self.action_stop()
            return
        self.query_one("#calibrate-meter", Static).update(meter(self.mic.level, self.mic.seconds, LIMIT))

    def action_stop(self) -> None:
        mic, self.mic = self.mic, None
        if mic is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self.recordings.append(mic.stop())
        if len(self.recordings) < 4:
            self._draw()
            return
        self.done = True
        self._draw(Text("checking…", style="dim"))
        recordings = list(self.recordings)
        self.run_worker(lambda: self._calibrate(recordings), thread=True, exit_on_error=False)

    def _calibrate(self, recordings) -> None:
        from lianxi.study.speaking import save_calibration  # noqa: PLC0415

        try:
            found = coach(self.app).calibrate(recordings)
        except UserError as error:
            self.app.call_from_thread(self._draw, Text(f"{error}. Press m to start again.", style="yellow"))
            return
        save_calibration(self.app.learner, found)
        self.app.call_from_thread(self._draw, Text(
            f"Calibrated: your voice centres on {found.hz:.0f} Hz and your tones span "
            f"{found.high - found.low:.1f} semitones. q goes back; m calibrates again.", style="green"))

    def action_back(self) -> None:
        if self.mic is not None:
            self.mic.stop()
            self.mic = None
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()
