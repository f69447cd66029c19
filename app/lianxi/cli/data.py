"""`lianxi data ...`: where your progress is, a copy of it, or erasing it. It never leaves this machine."""

from __future__ import annotations

from pathlib import Path

import click

from lianxi.cli import Context, pass_context


@click.group()
def data() -> None:
    """Your progress file: show where it is, copy it, or erase it."""


@data.command()
@pass_context
def where(context: Context) -> None:
    """Print the folder that holds your progress (and your kept recordings, if any)."""
    from lianxi import paths
    from lianxi.study.recordings import kept_recordings, recordings_folder

    click.echo(paths.data_dir(context.data_dir))
    kept = kept_recordings(context.data_dir)  # speaking practice, only with `lianxi speak keep on`
    if kept:
        click.echo(f"Your recordings ({len(kept)}, kept because `lianxi speak keep` is on): "
                   f"{recordings_folder(context.data_dir)}")
        for path in kept[:20]:
            click.echo(f"  {path.name}")
        if len(kept) > 20:
            click.echo(f"  ... and {len(kept) - 20} more")


@data.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def export(context: Context, target: Path) -> None:
    """Copy all your progress into one SQLite file TARGET (safe while the app is open)."""
    from lianxi.study.data import export_progress

    learner = context.learner()
    export_progress(learner, target)
    click.echo(f"Your progress was copied to {target}.")


@data.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def erase(context: Context, yes: bool) -> None:
    """Delete all your progress, kept recordings and cached audio from this machine."""
    from lianxi import paths
    from lianxi.study.data import erase_data

    folder = paths.data_dir(context.data_dir)
    if not folder.exists():
        click.echo("There is no progress to erase.")
        return
    if not yes:
        click.confirm(f"Erase everything in {folder}? This cannot be undone", abort=True)
    erase_data(context.data_dir)
    click.echo("Erased. Lianxi will start fresh next time.")
