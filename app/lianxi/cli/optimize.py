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
        click.echo(f"In use: {describe_current(learner)}")
        click.echo("Fitting FSRS to your reviews...")
        result = optimizer.fit(learner)
        for line in fit_lines(result):
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


def describe_current(learner) -> str:
    from lianxi.study.schedule_settings import fitted

    current = fitted(learner.progress)
    if current is None:
        return "FSRS's default parameters"
    return f"your own parameters, fitted on {current.fitted_on} from {current.reviews:,} reviews"


def fit_lines(result) -> list[str]:
    now = "defaults" if result.current_fitted_on is None else f"in use ({result.current_fitted_on})"
    return [
        f"Reviews used: {result.reviews:,} of your {result.answers:,} answers "
        "(a card's first answer and same-day steps set the starting point).",
        f"How well each predicts those reviews (lower is better), fitted in {result.seconds:.1f} s:",
        f"  {'':<22}{'log loss':>9}  {'RMSE':>6}",
        f"  {now:<22}{result.before.log_loss:>9.4f}  {result.before.rmse:>6.2%}",
        f"  {'fitted':<22}{result.after.log_loss:>9.4f}  {result.after.rmse:>6.2%}",
    ]
