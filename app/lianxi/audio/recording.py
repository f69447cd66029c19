"""The microphone -> samples in memory, with a level meter while recording.

`find_microphone()` picks, in order: sounddevice (PortAudio, Debian's libportaudio2)
on the default input device, then `arecord` (alsa-utils), then `rec` (sox). With none
of them it returns a MissingMicrophone whose `reason` is one line saying what is
missing and how to fix it; under CI it never touches a device.

A Microphone records on its own thread (never the UI's): start() returns at once,
`level` is the loudness of the last ~50 ms (dBFS, for the meter), `seconds` the time
recorded, and stop() gives the Recording. Recording stops by itself at `limit` seconds.
Nothing is written to disk here. WavMicrophone plays a WAV file into the same path: it
is the tests' fake at the microphone edge (CI has no microphone), and nothing else's.

Never import the UI, the store or the study layer.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol, runtime_checkable

__all__ = [
    "CommandMicrophone",
    "Microphone",
    "MissingMicrophone",
    "SoundDeviceMicrophone",
    "WavMicrophone",
    "find_microphone",
]

RATE = 16000  # samples a second: plenty for pitch (and what arecord/rec are asked for)
BLOCK = RATE // 20  # 50 ms per block: the meter's pace
LIMIT = 6.0  # seconds: a recording stops by itself after this
SILENT_DB = -90.0
INSTALL_PORTAUDIO = "sudo apt-get install libportaudio2"
INSTALL_ALSA = "sudo apt-get install alsa-utils"


@runtime_checkable
class Microphone(Protocol):
    name: str
    available: bool
    reason: str

    def start(self) -> None: ...

    def stop(self): ...

    @property
    def level(self) -> float: ...

    @property
    def seconds(self) -> float: ...

    @property
    def recording(self) -> bool: ...


def _db(block) -> float:
    import numpy as np  # noqa: PLC0415

    if not len(block):
        return SILENT_DB
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    return max(20.0 * math.log10(rms), SILENT_DB) if rms > 0 else SILENT_DB


class _Collecting:
    """What every microphone shares: blocks gathered on a thread, the level, the limit."""

    available = True
    reason = ""

    def __init__(self, limit: float = LIMIT, rate: int = RATE):
        self.limit = limit
        self.rate = rate
        self._blocks: list = []
        self._count = 0
        self._level = SILENT_DB
        self._lock = threading.Lock()
        self._running = False

    def _take(self, block) -> None:
        with self._lock:
            room = int(self.limit * self.rate) - self._count
            if room <= 0:
                self._running = False
                return
            block = block[:room]
            self._blocks.append(block.copy())
            self._count += len(block)
            self._level = _db(block)
            if self._count >= int(self.limit * self.rate):
                self._running = False

    @property
    def level(self) -> float:
        return self._level if self._running else SILENT_DB

    @property
    def seconds(self) -> float:
        return self._count / self.rate

    @property
    def recording(self) -> bool:
        return self._running

    def _result(self):
        import numpy as np  # noqa: PLC0415

        from lianxi.audio.pitch import Recording  # noqa: PLC0415

        with self._lock:
            samples = np.concatenate(self._blocks).astype(np.float32) if self._blocks else np.zeros(0, np.float32)
            self._blocks = []
            self._count = 0
        return Recording(samples, self.rate)


class SoundDeviceMicrophone(_Collecting):
    """The default input device through PortAudio (the sounddevice package)."""

    name = "sounddevice"

    def __init__(self, limit: float = LIMIT):
        super().__init__(limit)
        self._stream = None

    def start(self) -> None:
        import sounddevice  # noqa: PLC0415

        def callback(indata, frames, when, status):  # noqa: ARG001 - PortAudio's signature
            self._take(indata[:, 0])

        self._running = True
        self._stream = sounddevice.InputStream(samplerate=self.rate, channels=1, dtype="float32",
                                               blocksize=BLOCK, callback=callback)
        self._stream.start()

    def stop(self):
        self._running = False
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None
        return self._result()


class CommandMicrophone(_Collecting):
    """arecord or rec writing raw 16-bit samples to a pipe that a thread reads."""

    def __init__(self, command: list[str], limit: float = LIMIT):
        super().__init__(limit)
        self.command = list(command)
        self.name = Path(command[0]).name
        self._process: subprocess.Popen | None = None
        self._reader: threading.Thread | None = None

    def start(self) -> None:
        self._running = True
        self._process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, start_new_session=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        import numpy as np  # noqa: PLC0415

        process = self._process
        assert process is not None and process.stdout is not None
        while self._running:
            data = process.stdout.read(BLOCK * 2)
            if not data:
                break
            self._take(np.frombuffer(data[: len(data) // 2 * 2], "<i2").astype(np.float32) / 32768.0)
        self._running = False

    def stop(self):
        self._running = False
        process, self._process = self._process, None
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                process.kill()
        if self._reader is not None:
            self._reader.join(timeout=2)
        return self._result()


class WavMicrophone(_Collecting):
    """A WAV file played into the microphone path, at real speed or (tests) all at once."""

    name = "wav"

    def __init__(self, wav: str | os.PathLike[str] | bytes, limit: float = LIMIT, realtime: bool = False):
        from lianxi.audio.pitch import Recording  # noqa: PLC0415

        data = wav if isinstance(wav, bytes) else Path(wav).read_bytes()
        source = Recording.from_wav(data)
        super().__init__(limit, source.rate)
        self._source = source.samples
        self.realtime = realtime
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._running = True
        self._thread = threading.Thread(target=self._play, daemon=True)
        self._thread.start()
        if not self.realtime:
            self._thread.join()

    def _play(self) -> None:
        step = self.rate // 20
        for at in range(0, len(self._source), step):
            if not self._running:
                return
            self._take(self._source[at : at + step])
            if self.realtime:
                time.sleep(0.05)
        # The file has ended: stay "recording" (silence), as a microphone would, until stopped.

    def stop(self):
        self._running = False
        if self._thread is not None:
            self._thread.join(timeout=2)
        return self._result()


class MissingMicrophone:
    """No way to record here; `reason` says what is missing and how to fix it."""

    name = "none"
    available = False
    level = SILENT_DB
    seconds = 0.0
    recording = False

    def __init__(self, reason: str):
        self.reason = reason

    def start(self) -> None:
        from lianxi.core.errors import UserError  # noqa: PLC0415

        raise UserError(self.reason)

    def stop(self):
        return None


def _in_ci(environ: Mapping[str, str]) -> bool:
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _portaudio_input() -> tuple[bool, str]:
    """(there is a default input device, why not)."""
    try:
        import sounddevice  # noqa: PLC0415
    except OSError:
        return False, f"PortAudio is not installed ({INSTALL_PORTAUDIO})"
    except ImportError:
        return False, "the Python package sounddevice is missing (reinstall Lianxi)"
    try:
        device = sounddevice.query_devices(kind="input")
    except Exception:  # noqa: BLE001 - PortAudio raises its own error types for "no device"
        return False, "no microphone was found (plug one in, or check it is not muted: alsamixer)"
    return bool(device and device.get("max_input_channels", 0) > 0), "the default device cannot record"


def _alsa_capture(arecord: str, environ: Mapping[str, str]) -> bool:
    try:
        result = subprocess.run([arecord, "-l"], capture_output=True, text=True, timeout=3,
                                env=dict(environ), stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return False
    return "card " in result.stdout


def find_microphone(environ: Mapping[str, str] | None = None, limit: float = LIMIT):
    """The best way to record here, or a MissingMicrophone whose `reason` says why not."""
    environ = os.environ if environ is None else environ
    if _in_ci(environ):
        return MissingMicrophone("No microphone: running under CI (the CI environment variable is set)")
    works, why = _portaudio_input()
    if works:
        return SoundDeviceMicrophone(limit)
    path = environ.get("PATH", os.defpath)
    arecord = shutil.which("arecord", path=path)
    if arecord and _alsa_capture(arecord, environ):
        return CommandMicrophone([arecord, "-q", "-f", "S16_LE", "-r", str(RATE), "-c", "1", "-t", "raw"], limit)
    rec = shutil.which("rec", path=path)
    if rec and "no microphone" not in why:
        return CommandMicrophone([rec, "-q", "-t", "raw", "-r", str(RATE), "-c", "1", "-b", "16",
                                  "-e", "signed-integer", "-"], limit)
    if "PortAudio" in why and not arecord:
        return MissingMicrophone(f"No microphone: recording needs PortAudio or arecord; install one with: "
                                 f"{INSTALL_PORTAUDIO} (or {INSTALL_ALSA})")
    return MissingMicrophone(f"No microphone: {why}")
