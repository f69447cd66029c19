"""`lianxi optimize`: fit FSRS to your own reviews (asks before saving); `--reset` for the defaults."""

from __future__ import annotations

import click

from lianxi.cli import Context, pass_context


@click.command()
@click.option("--reset", is_flag=True, help="Go back to FSRS's default parameters and reschedule.")
@click.option("--yes", "-y", is_flag=True, help="Save without asking.")
@pass_context
def optimize(context: Context, reset: bool, yes: bool) -> None:
    """Fit the scheduler to your own reviews, show how well it predicts them, then ask to save.

    The fitted parameters replace FSRS's defaults (with the date they were fitted)
    and every studied card is rescheduled from its memory, all in one step.
    """
    from lianxi.study import optimizer

    learner = context.learner()
    try:
        if reset:
            done = optimizer.reset(learner)
            if done is None:
                click.echo("FSRS's default parameters are already in use; nothing changed.")
            else:
                click.echo(f"Back to FSRS's default parameters; {done.cards:,} cards rescheduled.")
            return
        click.echo(f"In use: {optimizer.describe_current(learner)}")
        click.echo("Fitting FSRS to your reviews...")
        result = optimizer.fit(learner)
        for line in optimizer.fit_lines(result):
            click.echo(line)
        if not result.better:
            click.echo("The fitted parameters predict your answers no better than the ones in use.")
        if not yes:
            try:
                yes = click.confirm("Save them and reschedule your cards?", default=result.better)
            except click.Abort:
                yes = False
                click.echo("")
        if not yes:
            click.echo("Nothing saved; the parameters in use stay.")
            return
        done = optimizer.save(learner, result)
        click.echo(f"Saved. {done.cards:,} cards rescheduled with your own parameters.")
    finally:
        learner.close()
