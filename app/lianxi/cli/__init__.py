"""The `lianxi` command line.

Each feature adds its commands in its own module here and registers them at
the bottom of this file. A person's mistake (bad lesson file, unusable data
folder, missing voice) prints one clear message and exits 1, never a traceback.
Heavy imports (Textual, the speech engine) happen inside the commands that
need them, so quick commands start quickly.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from lianxi.core.errors import UserError
from lianxi.core.text import visible


@dataclass
class Context:
    data_dir: Path | None = None

    def learner(self):
        from lianxi.study import Learner

        return Learner.open(self.data_dir)


pass_context = click.make_pass_decorator(Context)


class Commands(click.Group):
    """A click group that turns a person's mistakes into one-line messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"lianxi: {visible(str(exc), allow_newline=True)}", err=True)
            ctx.exit(1)
        except ValueError as exc:
            # pinyin and other pure checks raise ValueError subclasses with a message for people
            if type(exc).__module__.startswith("lianxi."):
                click.echo(f"lianxi: {visible(str(exc), allow_newline=True)}", err=True)
                ctx.exit(1)
            raise
        except Exception as exc:
            # a fault of the progress file or the disk (damaged, full, busy) is said for a person
            from lianxi.study.data import problem_of

            problem = problem_of(exc)
            if problem is None:
                raise
            click.echo(f"lianxi: {visible(str(problem), allow_newline=True)}", err=True)
            ctx.exit(1)


@click.group(cls=Commands, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for your progress (default: your user data folder; LIANXI_HOME also works).")
@click.version_option(package_name="lianxi", prog_name="lianxi")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None) -> None:
    """Lianxi 练习: offline Mandarin flashcards and audio drills.

    Run with no command to open the app.
    """
    ctx.obj = Context(data_dir)
    if ctx.invoked_subcommand is None:
        from lianxi.ui.app import run_app

        run_app(ctx.obj.data_dir)


@cli.command()
@click.option("--lesson", "lesson_id", metavar="ID", help="Review only this lesson.")
@pass_context
def review(context: Context, lesson_id: str | None) -> None:
    """Start reviewing straight away."""
    from lianxi.ui.app import run_app

    run_app(context.data_dir, start="review", lesson_id=lesson_id)


def main() -> None:
    """The console script: every mistake in how a command is called is one line, never a usage dump."""
    try:
        code = cli.main(prog_name="lianxi", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:  # `lianxi cards`: a group with no command is its help
        click.echo(exc.ctx.get_help() if exc.ctx is not None else exc.format_message())
        sys.exit(0)
    except click.UsageError as exc:  # also a bad argument value (BadParameter)
        where = exc.ctx.command_path if exc.ctx is not None else "lianxi"
        click.echo(f"lianxi: {visible(exc.format_message())} (see `{where} --help`)", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"lianxi: {visible(exc.format_message())}", err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("lianxi: stopped; nothing more was changed.", err=True)
        sys.exit(1)
    except Exception as exc:  # a fault of ours, not the learner's: one line here, the details in a file
        if os.environ.get("LIANXI_DEBUG"):
            raise
        click.echo(f"lianxi: {_report_fault(exc)}", err=True)
        sys.exit(70)  # EX_SOFTWARE
    sys.exit(code if isinstance(code, int) else 0)


def _report_fault(exc: BaseException) -> str:
    """Keep the traceback in the cache folder (on this machine only) and say where it is."""
    import traceback  # noqa: PLC0415

    from lianxi import paths  # noqa: PLC0415

    what = visible(f"{type(exc).__name__}: {exc}")[:200]
    try:
        folder = paths.cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "last-error.txt"
        log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    except OSError:
        return f"something went wrong inside Lianxi ({what}). Your progress is safe."
    return (f"something went wrong inside Lianxi ({what}). Your progress is safe; "
            f"the details are in {log} (set LIANXI_DEBUG=1 to see them here).")


from lianxi.cli import lessons as _lessons  # noqa: E402

cli.add_command(_lessons.lessons)

from lianxi.cli import grade as _grade  # noqa: E402
from lianxi.cli import pinyin as _pinyin  # noqa: E402

cli.add_command(_pinyin.pinyin)
cli.add_command(_grade.grade)

from lianxi.cli import data as _data  # noqa: E402

cli.add_command(_data.data)

from lianxi.cli import dictionary as _dictionary  # noqa: E402

cli.add_command(_dictionary.lookup)

from lianxi.cli import speech as _speech  # noqa: E402

cli.add_command(_speech.say)
cli.add_command(_speech.doctor)

from lianxi.cli import drills as _drills  # noqa: E402

cli.add_command(_drills.drill)

from lianxi.cli import classroom as _classroom  # noqa: E402

cli.add_command(_classroom.class_)
cli.add_command(_classroom.worksheet)

from lianxi.cli import sentences as _sentences  # noqa: E402
from lianxi.cli import settings as _settings  # noqa: E402

cli.add_command(_sentences.sentences)
cli.add_command(_settings.settings)

from lianxi.cli import speak as _speak  # noqa: E402

cli.add_command(_speak.speak)

from lianxi.cli import optimize as _optimize  # noqa: E402

cli.add_command(_optimize.optimize)

from lianxi.cli import cards as _cards  # noqa: E402
from lianxi.cli import stats as _stats  # noqa: E402

cli.add_command(_stats.stats)
cli.add_command(_cards.cards)
