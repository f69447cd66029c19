"""`lianxi settings ...`: the learner's settings, one subcommand each (features add theirs here)."""

from __future__ import annotations

import click

from lianxi.cli import Context, pass_context


@click.group(invoke_without_command=True)
@click.pass_context
def settings(ctx: click.Context) -> None:
    """Show or change your settings."""
    if ctx.invoked_subcommand is None:
        from lianxi.dictionary import script

        learner = ctx.find_object(Context).learner()
        click.echo(f"script: {script(learner.progress)}   (lianxi settings script simplified|traditional)")


@settings.command("script")
@click.argument("value", type=click.Choice(["simplified", "traditional"], case_sensitive=False), required=False)
@pass_context
def script_(context: Context, value: str | None) -> None:
    """Show words in simplified or traditional characters, everywhere."""
    from lianxi.dictionary import script, set_script

    learner = context.learner()
    if value is None:
        click.echo(script(learner.progress))
        return
    click.echo(f"Words are now shown in {set_script(learner.progress, value)} characters.")
