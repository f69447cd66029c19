"""Speech: a word or sentence -> a WAV file the player can play, cached on disk.

On Linux the engine is pyttsx3 over espeak-ng with the voice sit/cmn-latn-pinyin,
fed numbered pinyin (never hanzi: espeak's `cmn` voice reads hanzi wrongly, see
DESIGN.md). The path is: hanzi and/or the lesson's pinyin -> core.sandhi.spoken_form
(the syllables as they are said) -> engine text. On macOS and Windows pyttsx3 speaks with
the system voice, which is given hanzi.

Never import the UI, the store or the study layer; playing sound is playback.py's job.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import hashlib
import io
import json
import os
import sys
import threading
import time
import wave
from pathlib import Path

from lianxi.core.errors import UserError
from lianxi.core.lexicon import Lexicon
from lianxi.core.pinyin import for_speech, parse, to_marks
from lianxi.core.sandhi import spoken_form
from lianxi.lexicon import bundled_lexicon

__all__ = [
    "CACHE_VERSION",
    "PITCH_RANGE",
    "RATE",
    "SLOW_RATE",
    "VARIANT",
    "VOICE",
    "Speaker",
    "SpeechFailed",
    "SpeechUnavailable",
    "speech_text",
]

VOICE = "sit/cmn-latn-pinyin"
# bench/tone_clarity.py: +f3 at RANGE 65 had the fewest unclear tones, 11 of 184 (next: 27, +m3/80).
VARIANT = "+f3"
PITCH_RANGE = 65
RATE = 150  # words per minute; espeak's 175 runs syllables together for a learner
SLOW_RATE = 95  # the `s` replay key
# Bump when anything that changes the sound without changing the cache key changes.
CACHE_VERSION = 1

INSTALL_ESPEAK = "sudo apt-get install espeak-ng"


class SpeechUnavailable(UserError):
    """Speech cannot work on this machine; the message says what to install."""


class SpeechFailed(UserError):
    """One rendering failed (unwritable cache folder, engine produced nothing)."""


# --- engine text (pure) ---------------------------------------------------------------

def speech_text(hanzi: str | None = None, pinyin: str | None = None, *,
                lexicon: Lexicon | None = None) -> str:
    """The numbered pinyin espeak-ng's cmn-latn-pinyin voice should read: the spoken line.

    Exactly core.sandhi.spoken_form's syllables (what `lianxi pinyin --spoken` prints),
    spelt for the voice: ü as v, erhua r after the tone number. Phrases are joined with
    ", " so that espeak pauses there and, above all, does not run its own 3-3 sandhi
    across a phrase end; inside a phrase no two third tones are left side by side, so
    espeak's 3-3 rule has nothing left to do. `lexicon` defaults to the bundled one.
    Raises PinyinError (a UserError) for pinyin or hanzi it cannot read.
    """
    has_pinyin = bool(pinyin and pinyin.strip())
    if not has_pinyin and not (hanzi and hanzi.strip()):
        raise ValueError("speech_text needs hanzi or pinyin")
    spoken = spoken_form(hanzi or "", pinyin if has_pinyin else None,
                         lexicon=bundled_lexicon() if lexicon is None else lexicon)
    text = ", ".join(for_speech(p) for p in spoken.phrases if p)
    if not text:
        raise SpeechFailed(f"nothing to say in '{hanzi or pinyin}': give hanzi or pinyin syllables")
    return text


# --- the engine (one per process: espeak-ng keeps global state) -------------------------

_engine_lock = threading.RLock()
_engine = None
_applied: tuple | None = None  # (voice, rate, range) last set on espeak, to skip repeats
_voice_ids: frozenset[str] | None = None


def _use_espeak() -> bool:
    return sys.platform not in ("darwin", "win32")


def _load_engine():
    """pyttsx3's engine, created once; SpeechUnavailable says what to install if it cannot be."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = _create_engine()
            atexit.register(_drop_engine)
        return _engine


def _drop_engine() -> None:
    # Let pyttsx3 clean up while modules still exist; at interpreter teardown its
    # __del__ finds contextlib gone and prints "Exception ignored in DriverProxy.__del__".
    global _engine, _applied
    with _engine_lock:
        _engine = None
        _applied = None


def _create_engine():
    try:
        import pyttsx3  # noqa: PLC0415 - optional at import time so the app starts without it
    except ImportError as error:
        raise SpeechUnavailable(
            f"speech needs the Python package pyttsx3 ({error}): reinstall Lianxi "
            "(pip install --force-reinstall lianxi)"
        ) from error
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            engine = pyttsx3.init("espeak" if _use_espeak() else None)
            # A new engine starts "busy": its first runAndWait returns after one 10 ms tick,
            # before the text is spoken. An empty first run leaves it in its steady state.
            engine.runAndWait()
    except (ImportError, RuntimeError, OSError) as error:
        if _use_espeak():
            raise SpeechUnavailable(
                f"espeak-ng is not installed; install it with: {INSTALL_ESPEAK}"
            ) from error
        raise SpeechUnavailable(f"the system voice is not available ({error})") from error
    return engine


def _espeak_voice_ids(engine) -> frozenset[str]:
    global _voice_ids
    if _voice_ids is None:
        _voice_ids = frozenset(v.id.lower() for v in engine.getProperty("voices"))
    return _voice_ids


def _wait_until_idle(espeak, timeout: float = 2.0) -> None:
    # pyttsx3's runAndWait cancels "the current sound" if espeak's worker is still busy
    # (even with only a SetParameter queued) and then cancels the NEW text too: about 1
    # render in 150 came out empty. Waiting for the worker (< 0.5 ms) avoids that.
    deadline = time.monotonic() + timeout
    while espeak.IsPlaying():
        if time.monotonic() > deadline:
            raise SpeechFailed("espeak-ng did not finish speaking; try again")
        time.sleep(0.0002)


class Speaker:
    """Turns hanzi and/or pinyin into a cached WAV file.

    `cache_dir` is the app's cache folder (`lianxi.paths.cache_dir()`); WAVs go in its
    `speech/` subfolder. The voice settings default to the measured ones above; the
    tone-clarity benchmark passes others. Nothing touches espeak until the first
    render or check, so building a Speaker is free.
    """

    def __init__(
        self,
        cache_dir: str | os.PathLike[str],
        *,
        voice: str = VOICE,
        variant: str = VARIANT,
        pitch_range: int = PITCH_RANGE,
        rate: int = RATE,
        slow_rate: int = SLOW_RATE,
    ) -> None:
        self.folder = Path(cache_dir) / "speech"
        self.voice = voice
        self.variant = variant
        self.pitch_range = pitch_range
        self.rate = rate
        self.slow_rate = slow_rate
        self.system_voice = not _use_espeak()

    # -- what is missing --------------------------------------------------------------

    def check(self) -> str | None:
        """None if speech works here, else one line saying what to install."""
        try:
            self._ready_engine()
        except SpeechUnavailable as error:
            return str(error)
        return None

    def _ready_engine(self):
        engine = _load_engine()
        if not self.system_voice and self.voice.lower() not in _espeak_voice_ids(engine):
            raise SpeechUnavailable(
                f"the espeak-ng voice {self.voice} is missing; install a recent espeak-ng "
                f"(1.51 has it): {INSTALL_ESPEAK}"
            )
        return engine

    # -- text ---------------------------------------------------------------------------

    def engine_text(self, hanzi: str | None = None, pinyin: str | None = None) -> str:
        """Exactly what the engine is given for this word or sentence."""
        if self.system_voice:
            # The system's Chinese voice reads hanzi well and pinyin badly.
            if hanzi and hanzi.strip():
                return hanzi.strip()
            if pinyin and pinyin.strip():
                return to_marks(parse(pinyin))
            raise ValueError("engine_text needs hanzi or pinyin")
        return speech_text(hanzi, pinyin)

    def cache_path(self, text: str, slow: bool = False) -> Path:
        """Where the WAV for this engine text and these settings lives (whether or not it exists)."""
        rate = self.slow_rate if slow else self.rate
        engine = "system" if self.system_voice else "espeak"
        key = json.dumps(
            [CACHE_VERSION, engine, text, self.voice, self.variant, self.pitch_range, rate],
            ensure_ascii=False,
        )
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{digest}.wav"

    # -- rendering ----------------------------------------------------------------------

    def render(self, hanzi: str | None = None, pinyin: str | None = None, slow: bool = False) -> Path:
        """The WAV for this word or sentence, rendered now or taken from the cache.

        Raises SpeechUnavailable (nothing can speak here), SpeechFailed (this one
        rendering failed) or PinyinError (the text cannot be read); all are UserErrors.
        """
        text = self.engine_text(hanzi, pinyin)
        path = self.cache_path(text, slow)
        if path.exists():
            return path
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SpeechFailed(
                f"cannot write to the cache folder {self.folder} ({error.strerror}); "
                "check its permissions or set LIANXI_HOME to a writable folder"
            ) from error
        temporary = self.folder / f".{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            for _attempt in range(2):
                self._synthesise(text, temporary, slow)
                if _frames(temporary) > 0:
                    break
            else:
                raise SpeechFailed(f"the speech engine produced no sound for '{text}'; try again")
            os.replace(temporary, path)
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise SpeechFailed(f"the disk is full, so the sound could not be saved in {self.folder}: "
                                   "free some space and try again") from error
            raise SpeechFailed(f"could not save speech to {self.folder} ({error})") from error
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()
        return path

    def _synthesise(self, text: str, target: Path, slow: bool) -> None:
        global _applied
        rate = self.slow_rate if slow else self.rate
        with _engine_lock:
            engine = self._ready_engine()
            if self.system_voice:
                self._choose_system_voice(engine)
                engine.setProperty("rate", rate)
            else:
                from pyttsx3.drivers import _espeak  # noqa: PLC0415 - loaded by _load_engine

                wanted = (f"{self.voice}{self.variant}", rate, self.pitch_range)
                if wanted != _applied:
                    _applied = None
                    # Set on espeak directly: pyttsx3 queues property changes and drops
                    # their errors, so a missing voice would go unnoticed.
                    found = _espeak.SetVoiceByName(wanted[0].encode("utf-8"))
                    # espeak drops an unknown variant silently; the voice it reports shows that.
                    if found != 0 or engine.getProperty("voice") != wanted[0].lower():
                        raise SpeechUnavailable(
                            f"espeak-ng could not load the voice {wanted[0]}; "
                            f"reinstall it: sudo apt-get install --reinstall espeak-ng-data"
                        )
                    _espeak.SetParameter(_espeak.RATE, rate, 0)
                    # pyttsx3 has no property for espeak's pitch range at all.
                    _espeak.SetParameter(_espeak.RANGE, self.pitch_range, 0)
                    _applied = wanted
                _wait_until_idle(_espeak)
            # pyttsx3's espeak driver prints "Audio saved to ..." from its callback; the
            # print is Python-level, so swapping sys.stdout catches it without touching
            # file descriptor 1, which a running Textual app is writing its screen to.
            with contextlib.redirect_stdout(io.StringIO()):
                if self.system_voice:
                    engine.save_to_file(text, str(target))
                    engine.runAndWait()
                    return
                # espeak's driver writes the WAV from inside its synthesis callback, where a
                # write error (a full disk) is swallowed and its run loop then waits forever:
                # give it memory (wave.open takes a file object), and write the file here.
                sound = io.BytesIO()
                engine.save_to_file(text, sound)
                engine.runAndWait()
        _write_file(target, sound.getvalue())

    def _choose_system_voice(self, engine) -> None:
        # Untested here (Linux only): pick a voice whose language is Chinese, if any.
        for voice in engine.getProperty("voices"):
            languages = " ".join(str(lang) for lang in (voice.languages or []))
            if "zh" in languages.lower() or "zh" in str(voice.id).lower():
                engine.setProperty("voice", voice.id)
                return


def _write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` (a temporary name: the caller renames it); an OSError says why."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _frames(path: Path) -> int:
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes()
    except (OSError, EOFError, wave.Error):
        # macOS's system voice writes AIFF whatever the name says; trust a non-empty file.
        return 1 if path.exists() and path.stat().st_size > 0 else 0
