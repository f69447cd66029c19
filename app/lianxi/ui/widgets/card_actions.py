"""What the card browser and a card's own screen can do to a card: the keys and their actions.

A screen mixes this in and provides `selected_card()` (the card the keys act on) and
`card_changed(card_id)` (redraw after an action). Every action is saved at once.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from lianxi.study import browser
from lianxi.ui.voice import voice
from lianxi.ui.widgets.card_names import flag_text, kind_name

__all__ = ["CardActions", "flag_text", "kind_name"]

class CardActions:
    """Suspend, bury, flag, reset and play the selected card."""

    ACTION_BINDINGS = [
        Binding("s", "suspend", "Suspend", show=False),
        Binding("z", "bury", "Bury", show=False),
        *[Binding(str(n), f"flag({n})", "Flag", show=False) for n in range(5)],
        Binding("x", "reset", "Reset", show=False),
        Binding("p", "play", "Play"),
    ]

    def selected_card(self):  # pragma: no cover - provided by the screen
        raise NotImplementedError

    def card_changed(self, card_id: int) -> None:  # pragma: no cover - provided by the screen
        raise NotImplementedError

    def _say(self, text: str) -> None:
        self.notify(text, timeout=3, markup=False)

    def action_suspend(self) -> None:
        card = self.selected_card()
        if card is None:
            return
        browser.suspend(self.app.learner, [card.id], not card.suspended)
        self._say(f"{card.hanzi} ({kind_name(card.kind)}): " +
                  ("back in your reviews." if card.suspended else "suspended: it stays out of reviews until you unsuspend it."))
        self.card_changed(card.id)

    def action_bury(self) -> None:
        card = self.selected_card()
        if card is None:
            return
        if card.buried_until > self.app.learner.clock().timestamp():
            browser.unbury(self.app.learner, [card.id])
            self._say(f"{card.hanzi} ({kind_name(card.kind)}): back in today's reviews.")
        else:
            day = browser.bury(self.app.learner, [card.id])
            self._say(f"{card.hanzi} ({kind_name(card.kind)}): buried until {day:%A}.")
        self.card_changed(card.id)

    def action_flag(self, number: int) -> None:
        card = self.selected_card()
        if card is None:
            return
        browser.flag(self.app.learner, [card.id], number)
        self.card_changed(card.id)

    def action_reset(self) -> None:
        from lianxi.ui.screens.confirm import ConfirmScreen

        card = self.selected_card()
        if card is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                browser.reset(self.app.learner, [card.id])
                self._say(f"{card.hanzi} ({kind_name(card.kind)}) is new again; its past answers stay in its history.")
                self.card_changed(card.id)

        question = Text.assemble("Reset ", (card.hanzi, "bold"), f" ({kind_name(card.kind)}) to new?\n",
                                 ("Its memory starts again from nothing; its past answers stay in its history.", "dim"))
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_play(self) -> None:
        card = self.selected_card()
        if card is not None:
            voice(self.app).say(card.hanzi, card.pinyin)
