"""Use case: hearing a word. The one door from the app and the command line to speech and playback.

Screens and commands never import `lianxi.audio` themselves (an import-linter contract
keeps it so); they ask here for a speaker and a player. Both are loaded on first use:
pyttsx3 is slow to import. Must never import Textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lianxi import paths

if TYPE_CHECKING:
    from lianxi.audio.playback import Player
    from lianxi.audio.speech import Speaker


def cache_folder(data_dir: Path | None) -> Path:
    """Where rendered audio goes: the cache of that data folder (see paths.cache_dir)."""
    return paths.cache_dir(data_dir)


def make_speaker(cache_dir: Path) -> "Speaker":
    from lianxi.audio.speech import Speaker  # noqa: PLC0415 - pyttsx3 loads on first word

    return Speaker(cache_dir)


def find_player() -> "Player":
    from lianxi.audio.playback import find_player as find  # noqa: PLC0415

    return find()


def voice_name() -> str:
    from lianxi.audio.speech import VOICE  # noqa: PLC0415

    return VOICE


def speech_unavailable() -> type[Exception]:
    """The error a speaker raises when speech cannot work here (for callers that catch it)."""
    from lianxi.audio.speech import SpeechUnavailable  # noqa: PLC0415

    return SpeechUnavailable
