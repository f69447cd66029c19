"""The Lianxi Textual app and the one factory that builds it for the CLI and the tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from lianxi.core.errors import UserError
from lianxi.study import Learner
from lianxi.study.data import problem_of
from lianxi.ui.tones import palette_from_setting


class LianxiApp(App):
    """Home, review and the other screens over one learner's progress.

    The learner (database) is passed in, so tests give it a throwaway folder.
    """

    CSS_PATH = "app.tcss"
    TITLE = "Lianxi 练习"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        # F1 is help on every screen, also while typing in a text box (where `?` is text)
        Binding("f1", "screen_help", "Help", show=False),
    ]

    def __init__(self, learner: Learner, *, start: str = "home", lesson_id: str | None = None, player=None,
                 microphone=None):
        super().__init__()
        self.problem: UserError | None = None  # what stopped the app, said for a person
        self.learner = learner
        self.start = start
        self.lesson_id = lesson_id
        self.player = player
        self.microphone = microphone  # limit -> Microphone; None: the real one (tests give a WAV one)
        self.palette = palette_from_setting(learner.progress.setting("tone_colours"))

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True) -> None:
        """Notifications are plain text, always: they quote lesson titles, words and file names."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """A fault a person can act on (a damaged or full disk, a busy file) ends the app with
        one line and exit status 1, never a traceback; anything else is a bug and shows one."""
        problem = problem_of(error)
        if problem is None:
            super()._handle_exception(error)
            return
        self.problem = problem
        self.exit(return_code=1)

    def action_screen_help(self) -> None:
        """F1: the help of the screen in front (F1 again closes it), wherever the focus is."""
        from lianxi.ui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss()
        elif hasattr(screen, "action_help"):
            screen.action_help()

    async def action_quit(self) -> None:
        """Quit, but first save (or keep for the next start) answers that are waiting to be saved."""
        from lianxi.ui.screens.review import ReviewScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen) and not screen.keep_unsaved():
                return
        self.exit()

    def on_mount(self) -> None:
        if self.learner.backup_problem is not None:
            self.notify(f"Today's backup could not be made: {self.learner.backup_problem}", severity="warning",
                        timeout=8)
        self._show_first_screen()

    def _show_first_screen(self) -> None:
        from lianxi.ui.screens.home import HomeScreen
        from lianxi.ui.screens.review import ReviewScreen
        from lianxi.ui.screens.welcome import WelcomeScreen

        if self.start == "review":
            self.push_screen(ReviewScreen(self.lesson_id))
        elif self.start.startswith("drill:"):  # `lianxi drill ...`
            from lianxi.ui.screens.drills import screen_for_start

            self.push_screen(screen_for_start(self.start, self.lesson_id))
        elif self.start.startswith("speak"):  # `lianxi speak WORD`, `lianxi speak calibrate`
            from lianxi.ui.screens.speak import screen_for_start as speaking_screen

            self.push_screen(speaking_screen(self.start))
        elif not self.learner.progress.lesson_states() and not self.learner.progress.setting("welcomed"):
            self.push_screen(HomeScreen())
            self.push_screen(WelcomeScreen())
        else:
            self.push_screen(HomeScreen())


def make_app(learner: Learner, **options) -> LianxiApp:
    return LianxiApp(learner, **options)


def run_app(data_dir: Path | None, start: str = "home", lesson_id: str | None = None) -> None:
    """Open the learner's data (one app at a time), bring bundled lessons up to date, run."""
    from lianxi import paths
    from lianxi.study.data import DataLock

    folder = paths.data_dir(data_dir)
    with DataLock(folder):
        learner = Learner.open(folder)
        try:
            learner.refresh_bundled()
            from lianxi.study.schedule_settings import align_due_days

            align_due_days(learner)  # once: cards scheduled before due days start their day at the day start
            if start == "review" and lesson_id:
                learner.lesson_to_review(lesson_id)  # starts a bundled lesson; an unknown id is one line
            app = make_app(learner, start=start, lesson_id=lesson_id)
            app.run()
        finally:
            learner.close()
    if app.problem is not None:
        raise app.problem
    if app.return_code:  # the app stopped on an error: say so to the shell too
        raise SystemExit(app.return_code)
