"""`lianxi say` (speak a word or sentence, or write it to a WAV file) and `lianxi doctor`
(is speech, the Mandarin voice, the sound output and the data folder all right here?).

The speech engine is imported inside the commands, so other commands start quickly.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import wave
from pathlib import Path

import click

from lianxi import paths
from lianxi.cli import Context, pass_context
from lianxi.core.errors import UserError
from lianxi.core.hanzi import count_hanzi


class NoSoundOutput(UserError):
    """There is nothing to play sound through; the message says what to install."""



def _seconds(path: Path) -> float:
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes() / float(wav.getframerate() or 1)
    except (OSError, EOFError, wave.Error):
        return 0.0


def _speaker(context: Context):
    from lianxi.study.sound import make_speaker  # noqa: PLC0415 - loads pyttsx3

    return make_speaker(paths.cache_dir(context.data_dir))


@click.command()
@click.argument("text")
@click.option("--slow", is_flag=True, help="Speak slowly (as the s key does in the app).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.wav",
              help="Write the sound to this WAV file instead of playing it.")
@pass_context
def say(context: Context, text: str, slow: bool, out: Path | None) -> None:
    """Say TEXT (hanzi, or pinyin with tone numbers or marks) out loud, or write it to a WAV file."""
    if not text.strip():
        raise click.BadParameter("is empty: give hanzi or pinyin to say, like 你好 or ni3 hao3", param_hint="TEXT")
    speaker = _speaker(context)
    problem = speaker.check()
    if problem:
        raise UserError(problem)
    hanzi, pinyin = (text, None) if count_hanzi(text) > 0 else (None, text)
    path = speaker.render(hanzi, pinyin, slow=slow)
    if out is not None:
        from lianxi.files import replacing  # noqa: PLC0415

        with replacing(out, make_folder=True) as temporary:  # whole or not at all; a full disk said so
            shutil.copyfile(path, temporary)
        click.echo(f"Wrote {out} ({_seconds(out):.1f} s): {speaker.engine_text(hanzi, pinyin)}")
        return
    from lianxi.study.sound import find_player  # noqa: PLC0415

    player = find_player()
    if not player.available:
        raise NoSoundOutput(f"no sound output: {player.reason}. To keep the sound, use --out FILE.wav")
    player.play(path)
    # The player does not block; stay until the word has been heard.
    time.sleep(_seconds(path) + 0.2)
    player.stop()


# -- doctor --------------------------------------------------------------------------------


def _line(ok: bool, what: str, detail: str) -> bool:
    mark = click.style("ok".ljust(7), fg="green") if ok else click.style("MISSING", fg="red")
    click.echo(f"{mark} {what:<15} {detail}")
    return ok


def _espeak_version() -> str:
    program = shutil.which("espeak-ng")
    if not program:
        return ""
    import subprocess  # noqa: PLC0415

    try:
        result = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.split(" Data at:")[0].strip()


@click.command()
@pass_context
def doctor(context: Context) -> None:
    """Check speech, the Mandarin voice, sound, the microphone and the data folder; say what to install."""
    from lianxi.study.sound import make_speaker, speech_unavailable, voice_name  # noqa: PLC0415

    SpeechUnavailable = speech_unavailable()  # noqa: N806

    all_ok = True
    speaker = _speaker(context)
    # Engine and voice, checked apart so the message says which one is missing.
    problem = speaker.check()
    if sys.platform in ("darwin", "win32"):
        engine_detail = "pyttsx3 with the system voice"
    else:
        engine_detail = f"pyttsx3 over {_espeak_version() or 'espeak-ng'}"
    voice_missing = bool(problem) and "voice" in problem
    all_ok &= _line(not problem or voice_missing, "speech engine", engine_detail if not problem or voice_missing else problem)
    if problem and not voice_missing:
        all_ok &= _line(False, "Mandarin voice", "needs the speech engine first")
    else:
        detail = problem or ""
        if not problem:
            # A real word through the real engine, into a throwaway folder.
            with tempfile.TemporaryDirectory() as folder:
                try:
                    wav = make_speaker(Path(folder)).render("你好")
                    detail = f"{voice_name()}: 你好 -> {_seconds(wav):.2f} s of sound"
                except (SpeechUnavailable, UserError) as error:
                    problem = str(error)
                    detail = problem
        all_ok &= _line(not problem, "Mandarin voice", detail)

    from lianxi.study.sound import find_player  # noqa: PLC0415

    player = find_player()
    if player.available:
        all_ok &= _line(True, "sound output", getattr(player, "name", type(player).__name__))
    else:
        all_ok &= _line(False, "sound output", f"{player.reason} (drills still run; `lianxi say --out` writes WAV files)")

    # Speaking practice: a pitch tracker and a microphone (`lianxi speak check --wav` needs only the first).
    from lianxi.study.recordings import find_microphone  # noqa: PLC0415
    from lianxi.study.speaking import analysis_problem  # noqa: PLC0415

    problem = analysis_problem()
    all_ok &= _line(not problem, "pitch tracker", problem or "praat-parselmouth (speaking practice)")
    microphone = find_microphone()
    all_ok &= _line(microphone.available, "microphone",
                    microphone.name if microphone.available
                    else f"{microphone.reason.removeprefix('No microphone: ')} (`lianxi speak check --wav` still works)")

    folder = paths.data_dir(context.data_dir)
    database = folder / paths.DATABASE_NAME
    if folder.exists():
        writable = os.access(folder, os.W_OK | os.X_OK)
        size = f"{database.stat().st_size / 1024:.0f} KB progress file" if database.exists() else "no progress yet"
        detail = f"{folder} ({size})" if writable else f"{folder} is not writable: chmod u+w {folder}, or use --data-dir"
        all_ok &= _line(writable, "data folder", detail)
    else:
        parent = next((p for p in folder.parents if p.exists()), None)
        writable = parent is not None and os.access(parent, os.W_OK | os.X_OK)
        detail = (f"{folder} (made on first use)" if writable
                  else f"{folder} cannot be made: choose another with --data-dir or LIANXI_HOME")
        all_ok &= _line(writable, "data folder", detail)
    click.echo(f"{'':<7} {'cache folder':<15} {paths.cache_dir(context.data_dir)}")
    if not all_ok:
        raise click.exceptions.Exit(1)
