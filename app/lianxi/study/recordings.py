"""Use case: the learner's own recordings: the microphone, replaying, and keeping them (or not).

A recording lives in memory and is gone after the attempt. Only when the learner turned
"keep my recordings" on (off by default) is it written to `recordings/` in their data
folder, which `lianxi data where` lists and `lianxi data erase` deletes. To replay a
recording, it is written for a moment to a private temporary folder (the players play
files) that is emptied after each attempt and removed when the app closes. Nothing is
ever sent anywhere. Must never import Textual, Rich or click.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lianxi import paths
from lianxi.files import process_running, write_atomic

if TYPE_CHECKING:
    from lianxi.audio.pitch import Recording

FOLDER = "recordings"


def find_microphone(limit: float | None = None):
    """The microphone to record with, or a stand-in whose `reason` says what is missing."""
    from lianxi.audio.recording import LIMIT, find_microphone as find  # noqa: PLC0415

    return find(limit=LIMIT if limit is None else limit)


def wav_microphone(wav, realtime: bool = False, limit: float | None = None):
    """A WAV file played into the microphone path: the tests' microphone (CI has none)."""
    from lianxi.audio.recording import LIMIT, WavMicrophone  # noqa: PLC0415

    return WavMicrophone(wav, limit=LIMIT if limit is None else limit, realtime=realtime)


# -- kept recordings ----------------------------------------------------------------------------


def recordings_folder(data_dir: Path | None) -> Path:
    return paths.data_dir(data_dir) / FOLDER


def kept_recordings(data_dir: Path | None) -> list[Path]:
    folder = recordings_folder(data_dir)
    return sorted(folder.glob("*.wav")) if folder.is_dir() else []


def keep_recording(data_dir: Path | None, recording: "Recording", said: str, when: datetime) -> Path:
    """Write one recording into the data folder, named by time and what was said (ni2-hao3)."""
    name = "-".join(part for part in said.replace(",", " ").split() if part.isascii() and part.isalnum())[:60]
    stamp = when.strftime("%Y%m%d-%H%M%S")
    path = recordings_folder(data_dir) / f"{stamp}-{name or 'word'}.wav"
    return write_atomic(path, recording.to_wav(), make_folder=True)


def erase_recordings(data_dir: Path | None) -> int:
    """Delete every kept recording; how many there were."""
    count = len(kept_recordings(data_dir))
    shutil.rmtree(recordings_folder(data_dir), ignore_errors=True)
    return count


# -- replaying (a moment on disk, in a private folder) ------------------------------------------------

_scratch: Path | None = None


def _scratch_folder() -> Path:
    global _scratch
    if _scratch is None or not _scratch.is_dir():
        _forget_stale_replays()
        # mode 0700: this user only; the pid in the name lets a later start clear it up
        _scratch = Path(tempfile.mkdtemp(prefix=f"lianxi-replay-{os.getpid()}-"))
        atexit.register(shutil.rmtree, _scratch, True)
    return _scratch


def _forget_stale_replays() -> None:
    """Remove this user's replay folders left by a Lianxi that was killed (atexit never ran)."""
    for folder in Path(tempfile.gettempdir()).glob("lianxi-replay-*"):
        pid = folder.name.removeprefix("lianxi-replay-").split("-")[0]
        try:
            mine = not hasattr(os, "getuid") or folder.stat().st_uid == os.getuid()
            if not mine or not pid.isdigit() or process_running(int(pid)):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)



def replay_file(recording: "Recording", name: str = "yours") -> Path:
    """A WAV of the recording for the player, in the private scratch folder."""
    path = _scratch_folder() / f"{name}.wav"
    path.write_bytes(recording.to_wav())
    return path


def both_file(recording: "Recording", reference: str | os.PathLike[str]) -> Path:
    """Your recording, a short pause, then the reference: one file to hear back to back."""
    import numpy as np  # noqa: PLC0415

    from lianxi.audio.pitch import Recording  # noqa: PLC0415

    target = Recording.from_wav(Path(reference).read_bytes())
    rate = recording.rate
    if target.rate != rate:
        n = int(len(target.samples) * rate / target.rate)
        target = Recording(np.interp(np.linspace(0, len(target.samples) - 1, n), np.arange(len(target.samples)),
                                     target.samples).astype(np.float32), rate)
    pause = np.zeros(int(0.4 * rate), dtype=np.float32)
    return replay_file(Recording(np.concatenate([recording.samples, pause, target.samples]), rate), "both")


def forget_replays() -> None:
    """Empty the scratch folder: called after each attempt and when a screen closes."""
    if _scratch is not None and _scratch.is_dir():
        for path in _scratch.iterdir():
            path.unlink(missing_ok=True)
