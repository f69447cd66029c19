"""Playback: play a WAV file without blocking the caller; a silent player when there is no sound.

`find_player()` picks the first command-line player that exists (aplay, paplay,
pw-play, ffplay, afplay) and checks there is a sound card; otherwise, and in CI,
it returns a SilentPlayer with the reason. The SilentPlayer records what it was
asked to play, so it is also the tests' fake at the sound-card edge.
Never import the UI, the store or speech.py: this module only plays files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol, runtime_checkable

__all__ = ["CommandPlayer", "Player", "SilentPlayer", "WinsoundPlayer", "find_player"]

INSTALL_ALSA = "sudo apt-get install alsa-utils"


@runtime_checkable
class Player(Protocol):
    """Plays one sound at a time; a new sound stops the one before."""

    name: str
    available: bool
    reason: str  # why there is no sound ("" when there is)

    def play(self, wav: str | os.PathLike[str]) -> None: ...

    def stop(self) -> None: ...


class SilentPlayer:
    """Plays nothing and remembers what it was asked: no sound device, CI, and tests.

    `available=True` makes it the tests' stand-in for a working sound card (the true edge):
    screens then behave as if the learner heard every sound.
    """

    name = "silent"

    def __init__(self, reason: str = "sound is switched off", *, available: bool = False) -> None:
        self.available = available
        self.reason = "" if available else reason
        self.played: list[Path] = []
        self.stops = 0

    def play(self, wav: str | os.PathLike[str]) -> None:
        self.played.append(Path(wav))

    def stop(self) -> None:
        self.stops += 1


class CommandPlayer:
    """Runs a command-line player (aplay, paplay, ffplay, afplay...) in a child process.

    play() returns as soon as the process has started; the previous sound is stopped
    first. Finished or stopped processes are reaped on the next call, never waited for.
    """

    available = True
    reason = ""

    def __init__(self, command: list[str]) -> None:
        self.command = list(command)
        self.name = Path(command[0]).name
        self._lock = threading.Lock()
        self._current: subprocess.Popen | None = None
        self._stopping: list[subprocess.Popen] = []

    def play(self, wav: str | os.PathLike[str]) -> None:
        with self._lock:
            self._stop_current()
            self._current = subprocess.Popen(
                [*self.command, os.fspath(wav)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                # Its own session: a Ctrl-C in the terminal goes to us, not to the player.
                start_new_session=True,
            )

    def stop(self) -> None:
        with self._lock:
            self._stop_current()

    @property
    def playing(self) -> bool:
        with self._lock:
            return self._current is not None and self._current.poll() is None

    def _stop_current(self) -> None:
        current, self._current = self._current, None
        if current is not None and current.poll() is None:
            current.terminate()
            self._stopping.append(current)
        # Reap earlier ones that have exited, so no zombies pile up; never block.
        self._stopping = [p for p in self._stopping if p.poll() is None]


class WinsoundPlayer:
    """Windows: winsound plays asynchronously by itself (not testable on Linux)."""

    name = "winsound"
    available = True
    reason = ""

    def play(self, wav: str | os.PathLike[str]) -> None:
        import winsound  # noqa: PLC0415 - Windows only

        winsound.PlaySound(os.fspath(wav), winsound.SND_FILENAME | winsound.SND_ASYNC)

    def stop(self) -> None:
        import winsound  # noqa: PLC0415 - Windows only

        winsound.PlaySound(None, 0)


# Quiet flags so nothing the players print can reach a Textual screen.
_COMMANDS = (
    ("aplay", ["-q"]),
    ("paplay", []),
    ("pw-play", []),
    ("ffplay", ["-nodisp", "-autoexit", "-loglevel", "quiet"]),
    ("afplay", []),
)


def _in_ci(environ: Mapping[str, str]) -> bool:
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _alsa_has_card(aplay: str, environ: Mapping[str, str]) -> bool:
    try:
        result = subprocess.run(
            [aplay, "-l"],
            capture_output=True,
            text=True,
            timeout=3,
            env=dict(environ),
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "card " in result.stdout


def find_player(environ: Mapping[str, str] | None = None) -> CommandPlayer | WinsoundPlayer | SilentPlayer:
    """The best way to play sound here, or a SilentPlayer whose `reason` says why not.

    `environ` (default os.environ) gives CI and the PATH searched for players.
    Runs `aplay -l` once (a few ms): call it once and keep the player.
    """
    environ = os.environ if environ is None else environ
    if _in_ci(environ):
        return SilentPlayer("running under CI (the CI environment variable is set)")
    if sys.platform == "win32":
        return WinsoundPlayer()
    path = environ.get("PATH", os.defpath)
    for program, flags in _COMMANDS:
        found = shutil.which(program, path=path)
        if found is None:
            continue
        if program == "aplay" and not _alsa_has_card(found, environ):
            # A sound server's player may still reach a device aplay cannot list.
            continue
        return CommandPlayer([found, *flags])
    if shutil.which("aplay", path=path):
        return SilentPlayer("no sound card found (aplay -l lists none): connect speakers or headphones, "
                            "then start Lianxi again")
    return SilentPlayer(f"no audio player found; install one with: {INSTALL_ALSA}")
