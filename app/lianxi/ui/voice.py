"""The app's voice: screens ask it to say a word; it renders and plays in a worker thread.

Rendering (espeak-ng, ~10-300 ms) and starting playback never run on the UI thread,
so keys keep working while a sentence plays. One lock serialises the speaker: espeak
keeps global state. Problems (no engine, no sound device) become one line for the
screen, never an exception. Imports Textual only through the app it is given.
"""

from __future__ import annotations

import threading

from lianxi.core.errors import UserError


class Voice:
    """Says hanzi/pinyin through the app's player; `r` and `s` replay the last one."""

    def __init__(self, app):
        self.app = app
        self._lock = threading.Lock()
        self._speaker = None
        self.last: tuple[str | None, str | None] | None = None
        self.problem: str | None = None  # the last thing that went wrong, as one line

    # -- parts, made on first use -------------------------------------------------

    @property
    def player(self):
        if self.app.player is None:
            from lianxi.study.sound import find_player  # noqa: PLC0415 - only when sound is needed

            self.app.player = find_player()
        return self.app.player

    @property
    def speaker(self):
        if self._speaker is None:
            from lianxi.study.sound import cache_folder, make_speaker  # noqa: PLC0415 - pyttsx3 loads here

            self._speaker = make_speaker(cache_folder(self.app.learner.data_dir))
        return self._speaker

    def check(self) -> str | None:
        """None if words can be heard here, else one line: what is missing and how to fix it.

        Slow the first time (loads the speech engine): call it from a worker.
        """
        with self._lock:
            problem = self.speaker.check()
        if problem:
            return f"No speech: {problem}"
        if not self.player.available:
            return f"No sound: {self.player.reason}"
        return None

    # -- speaking -------------------------------------------------------------------

    def say(self, hanzi: str | None = None, pinyin: str | None = None, slow: bool = False) -> None:
        """Speak in the background; returns at once."""
        self.last = (hanzi, pinyin)
        self.app.run_worker(lambda: self._speak(hanzi, pinyin, slow), thread=True, group="voice",
                            name="speak", exit_on_error=False)

    def replay(self, slow: bool = False) -> bool:
        if self.last is None:
            return False
        self.say(*self.last, slow=slow)
        return True

    def stop(self) -> None:
        player = self.app.player
        if player is not None:
            player.stop()

    def _speak(self, hanzi: str | None, pinyin: str | None, slow: bool) -> None:
        before = self.problem
        try:
            with self._lock:
                path = self.speaker.render(hanzi, pinyin, slow=slow)
                player = self.player
                player.stop()  # a new word cuts the old one short
                # a SilentPlayer (no sound here) just notes the file, so always hand it over
                player.play(path)
            self.problem = None if player.available else f"No sound: {player.reason}"
        except (UserError, ValueError) as error:
            self.problem = f"No speech: {error}"
        if self.problem and self.problem != before:
            # said once, not on every word
            self.app.call_from_thread(self.app.notify, self.problem, severity="warning", timeout=6)


def voice(app) -> Voice:
    """The app's one Voice, made on first use (the app itself knows nothing of speech)."""
    found = getattr(app, "_lianxi_voice", None)
    if found is None:
        found = Voice(app)
        app._lianxi_voice = found
    return found


def speak_card(app, card, moment: str) -> None:
    """Play a review card's word when the learner's settings say so.

    `moment` is "show" (listening cards speak as they appear) or "reveal" (the other
    cards speak once the answer is shown, so the sound never gives the answer away).
    """
    from lianxi.core.cards import CardKind  # noqa: PLC0415
    from lianxi.study.drills import audio_settings  # noqa: PLC0415

    if card is None:
        return
    settings = audio_settings(app.learner)
    listening = card.kind is CardKind.LISTENING
    if (moment == "show" and listening and settings.play_listening_on_show) or \
            (moment == "reveal" and not listening and settings.play_on_reveal):
        voice(app).say(card.hanzi, card.pinyin)
