"""`lianxi settings ...`: the learner's settings, one subcommand each (features add theirs here)."""

from __future__ import annotations

import click

from lianxi.cli import Context, pass_context


@click.group(invoke_without_command=True)
@click.pass_context
def settings(ctx: click.Context) -> None:
    """Show or change your settings."""
    if ctx.invoked_subcommand is None:
        from lianxi.study.dictionary import script

        learner = ctx.find_object(Context).learner()
        current = learner.settings
        colours = learner.progress.setting("tone_colours") or "default"
        if not isinstance(colours, str):
            colours = " ".join(colours)
        click.echo(f"new-per-day:  {current.new_per_day}   (new cards a day)")
        click.echo(f"retention:    {current.desired_retention}   (how much you want to remember, 0.7-0.97)")
        click.echo(f"day-starts:   {current.day_starts_at}   (local hour when a new study day begins)")
        cap = learner.review_cap
        click.echo(f"reviews-per-day: {cap or 'off'}   (most reviews a day; off by default)")
        click.echo(f"tone-colours: {colours}   (five colours for tones 1-4 and neutral, 'default' or 'off')")
        click.echo(f"script:       {script(learner.progress)}   (simplified or traditional)")
        from lianxi.study.optimizer import describe_current
        from lianxi.study.schedule_settings import light_day_names

        click.echo(f"load-balance: {'on' if current.load_balance else 'off'}   (spread reviews evenly over the days)")
        click.echo(f"light-days:   {light_day_names(current.light_days)}   (weekdays with fewer reviews)")
        click.echo(f"parameters:   {describe_current(learner)}   (lianxi optimize)")

        from lianxi.study.browser import leech_threshold

        click.echo(f"leech-threshold: {leech_threshold(learner)}   (times forgotten before a card is a leech "
                   "and suspended; 0 = never)")
        click.echo("Change one with: lianxi settings NAME VALUE")


@settings.command("script")
@click.argument("value", type=click.Choice(["simplified", "traditional"], case_sensitive=False), required=False)
@pass_context
def script_(context: Context, value: str | None) -> None:
    """Show words in simplified or traditional characters, everywhere."""
    from lianxi.study.dictionary import script, set_script

    learner = context.learner()
    if value is None:
        click.echo(script(learner.progress))
        return
    click.echo(f"Words are now shown in {set_script(learner.progress, value)} characters.")


def _checked(name: str, kind: type):
    """A click argument type for a learner setting, checked against core.schedule's one table."""
    from lianxi.core.schedule import SETTING_LIMITS, valid_setting

    low, high = SETTING_LIMITS[name]

    class Checked(click.ParamType):
        name = "number"

        def convert(self, value, param, ctx):
            try:
                number = kind(value)
            except (TypeError, ValueError):
                self.fail(f"{value!r} is not a number: give a number from {low} to {high}", param, ctx)
            if not valid_setting(name, number):
                self.fail(f"{value} is not usable here: give a number from {low} to {high}", param, ctx)
            return number

    return Checked()


@settings.command("new-per-day")
@click.argument("value", type=_checked("new_per_day", int))
@pass_context
def new_per_day(context: Context, value: int) -> None:
    """How many new cards to introduce each study day (default 10)."""
    context.learner().change_settings(new_per_day=value)
    click.echo(f"Up to {value} new cards a day.")


@settings.command("retention")
@click.argument("value", type=_checked("desired_retention", float))
@pass_context
def retention(context: Context, value: float) -> None:
    """Desired retention for FSRS (default 0.9): higher means more reviews."""
    context.learner().change_settings(desired_retention=value)
    click.echo(f"Reviews are now scheduled to keep {value:.0%} of what you learn.")


@settings.command("day-starts")
@click.argument("hour", type=_checked("day_starts_at", int))
@pass_context
def day_starts(context: Context, hour: int) -> None:
    """The local hour at which a new study day begins (default 4)."""
    from lianxi.study.schedule_settings import change_day_start

    change_day_start(context.learner(), hour)
    click.echo(f"A new study day now begins at {hour}:00; cards keep the day they are due on.")


@settings.command("reviews-per-day")
@click.argument("value", metavar="N|off")
@pass_context
def reviews_per_day(context: Context, value: str) -> None:
    """The most reviews a day (off by default): once reached, reviews wait for tomorrow."""
    from lianxi.study.learner import MAX_REVIEW_CAP

    cap = 0 if value.strip().lower() in ("off", "0") else None
    if cap is None:
        try:
            cap = int(value)
        except ValueError:
            cap = -1
        if not 1 <= cap <= MAX_REVIEW_CAP:
            raise click.BadParameter(f"{value!r} is not usable: give a whole number from 1 to {MAX_REVIEW_CAP}, "
                                     "or off")
    context.learner().change_settings(reviews_per_day=cap)
    click.echo(f"At most {cap} reviews a day." if cap else "No daily review limit.")


@settings.command("tone-colours")
@click.argument("colours", nargs=-1, required=True)
@pass_context
def tone_colours(context: Context, colours: tuple[str, ...]) -> None:
    """Colours for tones 1-4 and neutral (names or #hex), or 'default', or 'off'.

    Example: lianxi settings tone-colours red orange green blue grey
    """
    from textual.color import Color, ColorParseError

    if colours in (("default",), ("off",)):
        value = colours[0]
    else:
        if len(colours) != 5:
            raise click.UsageError("give five colours: tones 1, 2, 3, 4 and neutral (or 'default' or 'off').")
        parsed = []
        for colour in colours:
            try:  # CSS colour names and #hex; stored as hex so every screen can draw it
                parsed.append(Color.parse(colour).hex)
            except ColorParseError:
                raise click.UsageError(
                    f"'{colour}' is not a colour: use a name like red or a code like #e0524a."
                ) from None
        value = " ".join(parsed)
    context.learner().progress.set_setting("tone_colours", value)
    click.echo(f"Tone colours: {value}. The tone marks are always shown too.")


@settings.command("load-balance")
@click.argument("value", type=click.Choice(["on", "off"], case_sensitive=False))
@pass_context
def load_balance(context: Context, value: str) -> None:
    """Spread reviews evenly over the days, within the range FSRS allows (default on)."""
    context.learner().change_settings(load_balance=value.lower() == "on")
    click.echo("Reviews are spread evenly over the days." if value.lower() == "on"
               else "Load balancing is off: each card's day is drawn at random within its range.")


@settings.command("light-days")
@click.argument("days", nargs=-1, required=True)
@pass_context
def light_days(context: Context, days: tuple[str, ...]) -> None:
    """Weekdays that get fewer reviews (about half), e.g. `sat sun`; `none` for none.

    Example: lianxi settings light-days sat sun
    """
    from lianxi.study.schedule_settings import light_day_names, parse_light_days

    try:
        chosen = parse_light_days(list(days))
    except ValueError as exc:
        raise click.UsageError(
            f"'{exc}' is not a weekday: use mon tue wed thu fri sat sun, or none."
        ) from None
    if len(chosen) == 7:
        raise click.UsageError("at least one day must stay a normal day.")
    settings_now = context.learner().change_settings(light_days=chosen)
    click.echo(f"Light days: {light_day_names(settings_now.light_days)}.")


@settings.command("leech-threshold")
@click.argument("lapses", type=click.IntRange(0, 99))
@pass_context
def leech_threshold_(context: Context, lapses: int) -> None:
    """How often a card may be forgotten before it is tagged a leech and suspended (default 8; 0 = never)."""
    from lianxi.study.browser import set_leech_threshold

    value = set_leech_threshold(context.learner(), lapses)
    if value:
        click.echo(f"A card forgotten {value} times becomes a leech and is suspended "
                   "(see `lianxi cards leeches`).")
    else:
        click.echo("Cards are no longer suspended as leeches, however often they are forgotten.")
