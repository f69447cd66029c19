"""Say a word, see your tones: record (with a level meter), judge, draw, replay.

One widget for every place a learner speaks (the speak screen, the speaking drill, the
"say it" card). The screen that holds it binds the keys and calls `toggle_recording`,
`play_yours`, `play_target` and `play_both`. Recording and analysis run on worker
threads; the UI thread only draws. The recording lives in memory (and, for replay, a
moment in a private temporary folder); it is kept in the data folder only when the
learner turned "keep my recordings" on.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from lianxi.core.errors import UserError
from lianxi.ui.voice import voice
from lianxi.ui.widgets.contour import contour_plot

METER_WIDTH = 24
KEYS = "m record · r hear it · y yours · b both"


def coach(app):
    """The app's one Coach, with the learner's calibration (made on first use)."""
    found = getattr(app, "_lianxi_coach", None)
    if found is None:
        from lianxi.study.speaking import Coach, calibration, reference_renderer  # noqa: PLC0415

        found = Coach(calibration(app.learner), render=reference_renderer(app.learner.data_dir))
        app._lianxi_coach = found
    return found


def microphone(app, limit: float):
    """A fresh microphone for one recording: the app's own (tests give one), else the real one."""
    make = getattr(app, "microphone", None)
    if make is not None:
        return make(limit)
    from lianxi.study.recordings import find_microphone  # noqa: PLC0415

    return find_microphone(limit)


def meter(level_db: float, seconds: float, limit: float) -> Text:
    """A level bar (-60 to 0 dBFS) and the time, for the line shown while recording."""
    filled = int(max(0.0, min(1.0, (level_db + 60.0) / 60.0)) * METER_WIDTH)
    colour = "green" if level_db < -6 else "red"
    return Text.assemble(("● recording ", "bold red"), ("█" * filled, colour), ("░" * (METER_WIDTH - filled), "dim"),
                         f"  {seconds:.1f} s of {limit:.0f} s", ("   m or space: stop", "dim"))


@dataclass
class Target:
    hanzi: str | None
    pinyin: str | None


class SpeakingPanel(Vertical):
    """The recording line, the curves, the hints and a one-line summary for one word."""

    class Judged(Message):
        """An attempt was judged (or could not be): the screen may reveal, count, move on."""

        def __init__(self, attempt) -> None:
            super().__init__()
            self.attempt = attempt

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.target: Target | None = None
        self.attempt = None
        self.mic = None
        self.limit = 4.0
        self._timer = None
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Static(id="speak-meter")
        yield Static(id="speak-plot")
        yield Static(id="speak-hints")

    # -- the word -------------------------------------------------------------------------

    def set_target(self, hanzi: str | None, pinyin: str | None) -> None:
        from lianxi.study.recordings import forget_replays  # noqa: PLC0415
        from lianxi.study.speaking import target_syllables  # noqa: PLC0415

        self.target = Target(hanzi, pinyin)
        self.attempt = None
        forget_replays()  # the last word's recording goes
        try:
            count = len(target_syllables(hanzi, pinyin))
        except UserError:
            count = 2
        self.limit = min(2.5 + 0.8 * count, 8.0)
        self.query_one("#speak-meter", Static).update(Text(f"{KEYS}", style="dim"))
        self.query_one("#speak-plot", Static).update("")
        self.query_one("#speak-hints", Static).update("")

    # -- recording ------------------------------------------------------------------------

    @property
    def recording(self) -> bool:
        return self.mic is not None

    def toggle_recording(self) -> None:
        if self.target is None or self.busy:
            return
        if self.mic is not None:
            self._stop()
            return
        from lianxi.study.speaking import analysis_problem  # noqa: PLC0415

        problem = analysis_problem()
        if problem:
            self._say(problem[0].upper() + problem[1:])
            return
        mic = microphone(self.app, self.limit)
        if not mic.available:
            self._say(mic.reason)
            return
        voice(self.app).stop()  # the target must not play into the microphone
        try:
            mic.start()
        except (UserError, OSError) as error:
            self._say(f"No microphone: {error}")
            return
        except Exception as error:  # noqa: BLE001 - PortAudio raises its own errors (device busy)
            self._say(f"The microphone could not start ({error}); check it is plugged in and not in use")
            return
        self.mic = mic
        self._timer = self.set_interval(0.05, self._tick)
        self._tick()

    def _tick(self) -> None:
        mic = self.mic
        if mic is None:
            return
        if not mic.recording:  # the time limit
            self._stop()
            return
        self.query_one("#speak-meter", Static).update(meter(mic.level, mic.seconds, self.limit))

    def _stop(self) -> None:
        mic, self.mic = self.mic, None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if mic is None:
            return
        recording = mic.stop()
        self.busy = True
        self.query_one("#speak-meter", Static).update(Text("judging…", style="dim"))
        self.run_worker(lambda: self._judge(recording), thread=True, group="speaking", exit_on_error=False)

    def _judge(self, recording) -> None:
        target = self.target
        try:
            attempt = coach(self.app).check(recording, target.hanzi, target.pinyin)
            self._keep(attempt)
        except UserError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._show, attempt)

    def _keep(self, attempt) -> None:
        from lianxi.study.recordings import keep_recording  # noqa: PLC0415
        from lianxi.study.speaking import keeps_recordings  # noqa: PLC0415

        learner = self.app.learner
        if attempt.heard_anything and keeps_recordings(learner):
            keep_recording(learner.data_dir, attempt.recording, " ".join(attempt.targets), learner.clock())

    def _failed(self, message: str) -> None:
        self.busy = False
        self._say(message)

    def _say(self, line: str) -> None:
        self.query_one("#speak-meter", Static).update(Text(line, style="yellow"))

    # -- showing ---------------------------------------------------------------------------

    def _show(self, attempt) -> None:
        from lianxi.core.pinyin import PinyinError  # noqa: PLC0415

        self.busy = False
        self.attempt = attempt
        palette = self.app.palette
        try:
            labels = [s.marked for s in attempt.syllables]
        except (PinyinError, AttributeError):
            labels = None
        width = max(20, (self.size.width or 76) - 2)
        height = 4 if self.app.size.height < 28 else 6  # 80x24 keeps the grades in view
        if attempt.heard_anything:
            self.query_one("#speak-plot", Static).update(contour_plot(attempt.judgements, palette, width, height, labels))
        else:
            self.query_one("#speak-plot", Static).update("")
        hints = Text()
        for j, label in zip(attempt.judgements, labels or attempt.targets):
            if j.hint:
                if hints:
                    hints.append("\n")
                hints.append_text(Text.assemble((label, "bold"), ": ", j.hint))
        summary = Text(attempt.summary(), style="bold")
        if hints:
            summary = Text.assemble(summary, "\n", hints)
        self.query_one("#speak-hints", Static).update(summary)
        legend = Text(f"dots: the target · line: you    {KEYS}", style="dim")
        self.query_one("#speak-meter", Static).update(legend)
        self.post_message(self.Judged(attempt))

    # -- replay ------------------------------------------------------------------------------

    def play_target(self, slow: bool = False) -> None:
        if self.target is not None:
            voice(self.app).say(self.target.hanzi, self.target.pinyin, slow=slow)

    def play_yours(self) -> None:
        if self.attempt is None or self.attempt.recording is None:
            self.app.notify("Record yourself first: press m.", timeout=2)
            return
        from lianxi.study.recordings import replay_file  # noqa: PLC0415

        self._play(replay_file(self.attempt.recording))

    def play_both(self) -> None:
        if self.attempt is None or self.attempt.recording is None or self.target is None:
            self.app.notify("Record yourself first: press m.", timeout=2)
            return
        target, attempt = self.target, self.attempt

        def work() -> None:
            from lianxi.study.recordings import both_file  # noqa: PLC0415

            try:
                path = voice(self.app).speaker.render(target.hanzi, target.pinyin)
            except (UserError, ValueError) as error:
                self.app.call_from_thread(self.app.notify, f"No speech: {error}", severity="warning")
                return
            self.app.call_from_thread(self._play, both_file(attempt.recording, path))

        self.run_worker(work, thread=True, group="speaking-play", exit_on_error=False)

    def _play(self, path) -> None:
        player = voice(self.app).player
        player.stop()
        player.play(path)
        if not player.available:
            self.app.notify(f"No sound: {player.reason}", severity="warning", timeout=4)

    def on_unmount(self) -> None:
        if self.mic is not None:
            self.mic.stop()
            self.mic = None
        from lianxi.study.recordings import forget_replays  # noqa: PLC0415

        forget_replays()
