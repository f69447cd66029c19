"""`lianxi data ...`: where your progress is, copies, backups, a check, restoring, erasing. It never leaves this machine."""

from __future__ import annotations

from pathlib import Path

import click

from lianxi.cli import Context, pass_context
from lianxi.core.text import visible


@click.group()
def data() -> None:
    """Your progress file: where it is, copies and backups of it, a check, a restore, or erasing it."""


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
    """Copy all your progress into one SQLite file TARGET (safe while the app is open).

    The copy is checked before it gets its name: a damaged progress file is not copied.
    """
    from lianxi.study.data import export_progress

    learner = context.learner()
    export_progress(learner, target)
    size = target.stat().st_size
    click.echo(f"Your progress was copied to {visible(str(target))} ({_size(size)}, checked).")


@data.command()
@pass_context
def backups(context: Context) -> None:
    """List the automatic backups of your progress, newest first."""
    from lianxi import paths
    from lianxi.study.backups import backup_folder, backups as found

    folder = paths.data_dir(context.data_dir)
    listed = found(folder)
    if not listed:
        click.echo("No backups yet: Lianxi makes one on the first start of each study day, and before "
                   "imports, updates and erasing.")
        return
    click.echo(f"Backups in {visible(str(backup_folder(folder)))} (each checked when it was made):")
    for b in listed:
        held = b.contents()
        what = (f"{held.lessons} lessons, {held.words:,} words, {held.reviews:,} answers" if held
                else "cannot be read")
        click.echo(f"  {b.path.name}  {b.label:<32} {what}")
    click.echo("Restore one with: lianxi data restore FILE")


@data.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def restore(context: Context, file: Path, yes: bool) -> None:
    """Put a backup (or an export) FILE in place of your progress; your current progress is kept as a backup.

    FILE may be a name from `lianxi data backups` or a path.
    """
    from lianxi import paths
    from lianxi.study import Learner, local_zone, utc_now
    from lianxi.study.backups import backup_folder
    from lianxi.study.data import DataLock, restore_backup

    folder = paths.data_dir(context.data_dir)
    if not file.exists() and (backup_folder(folder) / file.name).exists() and file.name == str(file):
        file = backup_folder(folder) / file.name
    if not yes:
        click.confirm(f"Replace your progress with {visible(str(file))}? Your current progress is kept as a "
                      "backup first", abort=True)
    with DataLock(folder):  # not while the app is open on it
        kept = restore_backup(context.data_dir, file, utc_now(), local_zone())
        Learner.open(folder).close()  # a backup from an older Lianxi is brought up to date now
    click.echo(f"Restored your progress from {visible(str(file))}.")
    if kept is not None:
        click.echo(f"What you had before is kept in {visible(str(kept))}.")


@data.command()
@pass_context
def check(context: Context) -> None:
    """Check your progress file for damage (SQLite's integrity check) and say what to do."""
    from lianxi.study.data import check_data

    result = check_data(context.data_dir)
    if result.ok and result.newer:
        click.echo("Your progress file is sound, but a newer version of Lianxi wrote it "
                   f"({visible(', '.join(result.newer))}): update Lianxi (pip install -U lianxi) to open it.")
        return
    if result.ok:
        click.echo("Your progress file is sound: nothing to do.")
        return
    click.echo(f"Your progress file is damaged: {visible(result.problems[0])}", err=True)
    if result.newest_backup is not None:
        click.echo(f"Restore your newest good backup ({result.newest_backup.label}) with:", err=True)
        click.echo(f"  lianxi data restore {result.newest_backup.path.name}", err=True)
    else:
        click.echo("There is no backup to restore. Move the file away (`lianxi data where` shows the folder) "
                   "and Lianxi will start a new one.", err=True)
    raise SystemExit(1)


@data.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--no-backup", is_flag=True, help="Also delete the backups: nothing of your progress stays.")
@pass_context
def erase(context: Context, yes: bool, no_backup: bool) -> None:
    """Delete your progress, kept recordings and cached audio from this machine (a backup of the
    progress is kept unless --no-backup)."""
    from lianxi import paths
    from lianxi.study.data import erase_data

    folder = paths.data_dir(context.data_dir)
    if not folder.exists():
        click.echo("There is no progress to erase.")
        return
    if not yes:
        what = "everything, backups too," if no_backup else "your progress and cached audio"
        click.confirm(f"Erase {what} in {visible(str(folder))}?", abort=True)
    kept = erase_data(context.data_dir, keep_backup=not no_backup)
    click.echo("Erased. Lianxi will start fresh next time.")
    if kept is not None:
        click.echo(f"A backup was kept in {visible(str(kept))}: `lianxi data restore {kept.name}` brings it back; "
                   "`lianxi data erase --no-backup` removes it too.")


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} KB"
