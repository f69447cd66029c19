"""`lianxi speak ...`: say a word and see your tones against the target, all on this machine.

    lianxi speak 你好                     open the app to practise saying one word
    lianxi speak check TEXT --wav F.wav   judge a recording (for scripts: --json)
    lianxi speak calibrate [--wav ...]    a one-time mā má mǎ mà, so judgements fit your voice
    lianxi speak keep on|off              keep your recordings in the data folder (off by default)

Nothing about a recording ever leaves this machine. The analysis libraries load
inside the commands, so other commands start quickly.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from lianxi.cli import Context, pass_context
from lianxi.core.errors import UserError
from lianxi.core.hanzi import count_hanzi
from lianxi.core.text import visible

ORDINAL = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}
SURE_CLEARLY = 0.8  # "clearly" the tone it sounds like at this likelihood, "probably" below it



def _split_text(text: str | None, pinyin: str | None) -> tuple[str | None, str | None]:
    """(hanzi, pinyin) from TEXT and --pinyin: TEXT may itself be pinyin."""
    if text and not count_hanzi(text) > 0:
        if pinyin:
            raise click.UsageError("give TEXT as hanzi when you also give --pinyin (or leave --pinyin out)")
        return None, text
    if not text and not pinyin:
        raise click.UsageError("say what the recording is: TEXT (hanzi or pinyin), or --pinyin READING")
    return text, pinyin


class SpeakGroup(click.Group):
    """`lianxi speak WORD` practises WORD; `check`, `calibrate` and `keep` are subcommands."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "practise", self.commands["practise"], args
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: click.Context, formatter) -> None:
        formatter.write_usage(ctx.command_path, "WORD | check | calibrate | keep ...")


@click.group(cls=SpeakGroup)
def speak() -> None:
    """Say a word and see how your tones moved against the target, offline.

    \b
    lianxi speak 你好                             practise one word in the app
    lianxi speak check 你好 --wav me.wav [--json]  judge a recording
    lianxi speak calibrate                        say mā má mǎ mà once, so it fits your voice
    lianxi speak keep on|off                      keep recordings (off: each is discarded)
    """


@speak.command("practise", hidden=True)
@click.argument("word", nargs=-1, required=True)
@click.option("--pinyin", "reading", metavar="READING", help="The reading to use for the hanzi.")
@pass_context
def practise(context: Context, word: tuple[str, ...], reading: str | None) -> None:
    """Open the app on one word: m records, m or space stops, then compare your curve with the target."""
    from lianxi.study.speaking import start_text, target_syllables  # noqa: PLC0415
    from lianxi.ui.app import run_app  # noqa: PLC0415

    text = " ".join(word)
    hanzi, pinyin = _split_text(text, reading)
    target_syllables(hanzi, pinyin)  # unreadable text is one line here, not a screen
    run_app(context.data_dir, start=start_text(hanzi, pinyin))


@speak.command()
@click.argument("text", required=False)
@click.option("--wav", "wav", required=True, type=click.Path(dir_okay=True, path_type=Path), metavar="FILE.wav",
              help="The recording (PCM WAV, any rate, mono or stereo).")
@click.option("--pinyin", "reading", metavar="READING", help="The reading of the hanzi (or give pinyin as TEXT).")
@click.option("--json", "as_json", is_flag=True, help="Print the verdicts as JSON.")
@click.option("--no-calibration", is_flag=True, help="Ignore your stored calibration.")
@pass_context
def check(context: Context, text: str | None, wav: Path, reading: str | None, as_json: bool,
          no_calibration: bool) -> None:
    """Judge a recording of TEXT (hanzi, or pinyin): the tone each syllable sounds like.

    The target is the word as it is said (你好 is judged as ni2 hao3). Each syllable
    gets a verdict: right, wrong (with a hint) or unsure.
    """
    from lianxi.study.speaking import Coach, calibration, read_wav, reference_renderer  # noqa: PLC0415

    hanzi, pinyin = _split_text(text, reading)
    recording = read_wav(wav)
    learner = context.learner()
    try:
        found = None if no_calibration else calibration(learner)
        coach = Coach(found, render=reference_renderer(learner.data_dir))
        attempt = coach.check(recording, hanzi, pinyin)
    finally:
        learner.close()
    if as_json:
        click.echo(json.dumps(attempt.to_dict(), ensure_ascii=False))
        return
    shown = " ".join(x for x in (hanzi, " ".join(attempt.targets)) if x)
    how = "your calibration" if found else "no calibration: `lianxi speak calibrate` makes judgements fit your voice"
    click.echo(visible(f"{shown}  ({how})"))
    said_once = set()
    for j in attempt.judgements:
        # How sure, in words: the number is a likelihood between the four shapes, not a grade.
        how = "clearly" if j.sure >= SURE_CLEARLY else "probably"
        heard = f"{how} sounds like the {ORDINAL[j.heard]} tone" if j.heard else "tone not clear"
        line = f"  {j.target:<8} {j.verdict.value:<7} {heard}"
        if j.hint and j.hint not in said_once:  # "nothing was heard" once, not per syllable
            line += f": {j.hint}"
            said_once.add(j.hint)
        click.echo(visible(line))
    click.echo(attempt.summary())


@speak.command()
@click.option("--wav", "wavs", multiple=True, type=click.Path(dir_okay=True, path_type=Path), metavar="FILE.wav",
              help="mā má mǎ mà: four files in that order, or one with all four. Without it, record in the app.")
@click.option("--forget", is_flag=True, help="Delete your calibration (judge from each recording itself).")
@pass_context
def calibrate(context: Context, wavs: tuple[Path, ...], forget: bool) -> None:
    """Say mā má mǎ mà once, so tones are judged in your own voice's range (stored only here)."""
    from lianxi.study.speaking import Coach, forget_calibration, read_wav, save_calibration  # noqa: PLC0415

    if forget:
        learner = context.learner()
        try:
            had = forget_calibration(learner)
        finally:
            learner.close()
        click.echo("Your calibration was deleted." if had else "There was no calibration to delete.")
        return
    if not wavs:
        from lianxi.study.speaking import CALIBRATE_START  # noqa: PLC0415
        from lianxi.ui.app import run_app  # noqa: PLC0415

        run_app(context.data_dir, start=CALIBRATE_START)
        return
    if len(wavs) not in (1, 4):
        raise click.UsageError("give --wav once (mā má mǎ mà in one recording) or four times (one each)")
    recordings = [read_wav(w) for w in wavs]
    found = Coach().calibrate(recordings)
    learner = context.learner()
    try:
        save_calibration(learner, found)
    finally:
        learner.close()
    click.echo(f"Calibrated: your voice centres on {found.hz:.0f} Hz, tones span "
               f"{found.high - found.low:.1f} semitones. Stored only in your data folder.")


@speak.command()
@click.argument("state", type=click.Choice(["on", "off"]), required=False)
@pass_context
def keep(context: Context, state: str | None) -> None:
    """Keep your recordings in the data folder (on), or discard each after the attempt (off, the default)."""
    from lianxi.study.speaking import keeps_recordings, set_keep_recordings  # noqa: PLC0415

    learner = context.learner()
    try:
        if state is None:
            now = keeps_recordings(learner)
        else:
            set_keep_recordings(learner, state == "on")
            now = state == "on"
    finally:
        learner.close()
    if now:
        click.echo("Your recordings are kept in the data folder (`lianxi data where` lists them; "
                   "`lianxi data erase` deletes them). They never leave this machine.")
    else:
        click.echo("Recordings are discarded after each attempt (nothing is kept).")


__all__ = ["speak", "UserError"]
