"""Fit FSRS to your reviews: the fit before and after on the same reviews, then save only if asked."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from lianxi.core.errors import UserError
from lianxi.study import optimizer
from lianxi.study.schedule_settings import fitted


class OptimizeScreen(ModalScreen[bool]):
    """Fits in a worker (well under a second for most learners); y saves and reschedules, n keeps."""

    BINDINGS = [
        Binding("y", "save", "Save", show=False),
        Binding("d", "defaults", "Defaults", show=False),
        Binding("n,escape,q", "close", "Close"),
    ]

    def __init__(self):
        super().__init__()
        self.result: optimizer.Fit | None = None
        self.busy = True

    def compose(self) -> ComposeResult:
        with Vertical(id="optimize", classes="dialog"):
            yield Static(Text("Fit FSRS to your reviews", style="bold"))
            yield Static(Text(f"In use: {optimizer.describe_current(self.app.learner)}"), id="optimize-current")
            yield Static(Text("Fitting..."), id="optimize-body")
            yield Static(id="optimize-keys", classes="hint")

    def on_mount(self) -> None:
        self.fit()

    def own_parameters(self) -> bool:
        return fitted(self.app.learner.progress) is not None

    def show(self, body, keys: str) -> None:
        self.query_one("#optimize-body", Static).update(body)
        self.query_one("#optimize-keys", Static).update(Text(keys))

    @work(thread=True, exclusive=True)
    def fit(self) -> None:
        try:
            result = optimizer.fit(self.app.learner)
        except UserError as exc:
            keys = "d  back to FSRS's defaults · esc  close" if self.own_parameters() else "esc  close"
            self.app.call_from_thread(self._done, None, Text(str(exc)), keys)
            return
        body = fit_view(result)
        keys = "y  save and reschedule your cards · n  keep the ones in use"
        if self.own_parameters():
            keys += " · d  FSRS's defaults"
        self.app.call_from_thread(self._done, result, body, keys)

    def _done(self, result, body, keys: str) -> None:
        self.result = result
        self.busy = False
        self.show(body, keys)

    def action_save(self) -> None:
        if self.busy or self.result is None:
            return
        self.busy = True
        self.show(Text("Saving and rescheduling your cards..."), "")
        self.save(self.result)

    def action_defaults(self) -> None:
        if self.busy or not self.own_parameters():
            return
        self.busy = True
        self.show(Text("Going back to FSRS's defaults and rescheduling..."), "")
        self.save(None)

    @work(thread=True, exclusive=True, name="save")
    def save(self, result) -> tuple[str, int] | None:
        try:
            done = optimizer.save(self.app.learner, result) if result is not None else optimizer.reset(self.app.learner)
        except UserError as exc:  # no backup could be made (a full disk), the file is busy...: nothing changed
            self.app.call_from_thread(self._done, None, Text(f"Nothing was changed: {exc}"), "esc  close")
            return None
        what = "your own parameters" if result is not None else "FSRS's default parameters"
        return what, done.cards if done is not None else 0

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # closed here, once the worker has finished: closing from inside it cancelled it
        if event.worker.name == "save" and event.state is WorkerState.SUCCESS and event.worker.result:
            what, cards = event.worker.result
            self.app.notify(f"Saved: {what}; {cards:,} cards rescheduled.", timeout=4)
            self.dismiss(True)

    def action_close(self) -> None:
        if not self.busy or self.result is None:
            self.dismiss(False)


def fit_view(result: optimizer.Fit) -> Group:
    """The reviews used, and how well each parameter set predicts them (lower is better)."""
    scores = Table(box=None, padding=(0, 2), show_edge=False)
    scores.add_column("")
    scores.add_column("log loss", justify="right")
    scores.add_column("RMSE", justify="right")
    now = "in use: defaults" if result.current_fitted_on is None else f"in use: {result.current_fitted_on}"
    scores.add_row(now, f"{result.before.log_loss:.4f}", f"{result.before.rmse:.2%}")
    scores.add_row(Text("fitted", style="bold"), f"{result.after.log_loss:.4f}", f"{result.after.rmse:.2%}")
    parts = [
        Text(f"Fitted on {result.reviews:,} reviews (of your {result.answers:,} answers: a card's first answer "
             f"and same-day steps set the starting point) in {result.seconds:.1f} s."),
        Text("How well each predicts those reviews (lower is better):"),
        scores,
    ]
    if not result.better:
        parts.append(Text("The fitted parameters predict your answers no better than the ones in use."))
    return Group(*parts)
