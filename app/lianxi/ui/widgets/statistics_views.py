"""The statistics, one view per topic, as Rich renderables: the screen shows them in tabs and
`lianxi stats` prints the same views as text, so the two never disagree.

Only numbers, dates, level names of the bundled HSK lists and card kinds go in here,
never a learner's lesson text.
"""

from __future__ import annotations

from datetime import timedelta

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lianxi.study.statistics import Statistics
from lianxi.ui.widgets.charts import bar_chart, day_labels, heatmap, share_bar, tone_table

KIND_NAMES = {
    "recognition": "hanzi → meaning",
    "recall": "meaning → hanzi",
    "listening": "listening",
    "type_pinyin": "type the pinyin",
    "type_hanzi": "type the hanzi",
    "cloze": "fill the gap",
}


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def minutes(value: float) -> str:
    if value < 1:
        return f"{round(value * 60)} s" if value else "0 min"
    if value < 60:
        return f"{value:.0f} min"
    return f"{int(value // 60)} h {int(value % 60):02d} min"


def today_line(stats: Statistics) -> Text:
    t = stats.today
    out = Text.assemble(("Today   ", "bold"))
    if t.answers:
        out.append(f"{plural(t.answers, 'answer')} on {plural(t.words, 'word')} · "
                   f"{100 * t.remembered / t.answers:.0f}% remembered · {minutes(t.minutes)}")
    elif stats.streak.current and not stats.streak.studied_today:
        out.append(f"nothing yet: study to keep your {stats.streak.current}-day streak")
    else:
        out.append("nothing yet")
    if t.drill_answers:
        out.append(f" · {plural(t.drill_answers, 'drill answer')}")
    out.append(f" · due {t.due} · new {t.new}")
    return out


def streak_line(stats: Statistics) -> Text:
    s = stats.streak
    studied = sum(1 for d in stats.calendar if d.answers)
    return Text.assemble(("Streak  ", "bold"), plural(s.current, "day"),
                         f" · longest {s.longest} · {plural(studied, 'study day')} in 6 months")


def calendar_view(stats: Statistics) -> RenderableType:
    counts = {d.day: d.answers for d in stats.calendar}
    return Group(today_line(stats), streak_line(stats), Text(""),
                 heatmap([d.day for d in stats.calendar], counts, stats.today_date),
                 Text("A square a study day: the bigger and brighter, the more answers (reviews and drills).", style="dim"))


def forecast_view(stats: Statistics, height: int = 8) -> RenderableType:
    values = [n for _, n in stats.forecast]
    week = sum(values[:7])
    head = Text.assemble(("Coming due  ", "bold"),
                         f"today {values[0] if values else 0} · next 7 days {week} · next 30 days {sum(values)} words")
    first = stats.forecast[0][0] if stats.forecast else stats.today_date
    chart = bar_chart(values, day_labels(first, len(values), stats.today_date), "words due a day", height=height)
    note = Text("Words, not cards: a review shows one card of a word a day. Overdue words count for today.",
                style="dim")
    return Group(head, Text(""), chart, Text(""), note)


def _rate_row(table: Table, name: str, share, desired: float, indent: str = "") -> None:
    rate = share.ratio
    bar = Text("")
    if rate is not None:
        width = 20
        filled = round(rate * width)
        mark = min(round(desired * width), width - 1)
        cells = ["█" if i < filled else "·" for i in range(width)]
        bar = Text()
        for i, cell in enumerate(cells):
            bar.append("│" if i == mark and cell == "·" else cell,
                       style="green3" if cell == "█" and rate >= desired - 0.02 else "yellow3" if cell == "█" else "grey50")
    table.add_row(indent + name, str(share.total), str(share.part), share.percent(), bar)


def retention_view(stats: Statistics) -> RenderableType:
    r = stats.retention
    table = Table(box=None, padding=(0, 1), show_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("answers", justify="right")
    table.add_column("remembered", justify="right")
    table.add_column("rate", justify="right")
    table.add_column(f"│ = desired {r.desired:.0%}", no_wrap=True)
    _rate_row(table, "Last 7 days", r.week, r.desired)
    _rate_row(table, "Last 30 days", r.month, r.desired)
    if r.kinds:  # the kinds' rows are the last 30 days' answers: say so
        table.add_row(Text("  by kind, 30 days", style="dim"), "", "", "", "")
    for kind, share in r.kinds.items():
        _rate_row(table, KIND_NAMES.get(kind, kind), share, r.desired, "    ")
    head = Text.assemble(("True retention  ", "bold"), "answers to cards in review, remembered (Hard, Good or Easy)")
    parts: list[RenderableType] = [head, Text(""), table, Text("")]
    if r.month.total >= 50 and r.month.ratio is not None:
        gap = r.month.ratio - r.desired
        if gap < -0.05:
            parts.append(Text(f"You remember less than you aim for ({r.month.percent()} against {r.desired:.0%}): "
                              "more answers come back Again than planned.", style="yellow3"))
        elif gap > 0.05:
            parts.append(Text(f"You remember more than you aim for ({r.month.percent()} against {r.desired:.0%}).",
                              style="green3"))
        else:
            parts.append(Text(f"Close to what you aim for ({r.desired:.0%}).", style="green3"))
    elif not r.month.total:
        parts.append(Text("No answers to review cards in the last 30 days yet.", style="dim"))
    else:
        parts.append(Text("A few answers so far: the rate settles after about 50.", style="dim"))
    return Group(*parts)


def hsk_view(stats: Statistics) -> RenderableType:
    table = Table(box=None, padding=(0, 1), show_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("known", justify="right")
    table.add_column("learning", justify="right")
    table.add_column("words", justify="right")
    previous = None
    for level in stats.hsk:
        family = level.name[:7]
        if previous is not None and family != previous:
            table.add_row("", "", "", "", "")
        previous = family
        table.add_row(level.name.removeprefix("HSK "), share_bar(level.known, level.learning, level.words, 20),
                      str(level.known), str(level.learning), str(level.words))
    head = Text.assemble(("HSK coverage  ", "bold"), "words you know ", ("█", "green3"), ", are learning ",
                         ("▒", "yellow3"), ", not started ", ("·", "grey42"))
    note = Text("Known: every card of the word recalled with a chance of 90% or more today. "
                "Words count wherever you studied them.", style="dim")
    return Group(head, Text(""), table, Text(""), note)


def tones_view(stats: Statistics) -> RenderableType:
    tones = stats.tones
    if not tones.total:
        return Group(Text.assemble(("Tones  ", "bold"), "nothing yet"), Text(""),
                     Text("The tone and tone-pair drills (d on the home screen) and typed pinyin cards fill this in.",
                          style="dim"))
    head = Text.assemble(("Tones  ", "bold"), "tone asked (rows) × tone you gave (columns)")
    pairs = Table(box=None, padding=(0, 1), show_edge=False, title="pairs missed most", title_justify="left",
                  title_style="bold")
    pairs.add_column("pair")
    pairs.add_column("missed", justify="right")
    pairs.add_column("", justify="right")
    for pair, share in tones.pairs:
        pairs.add_row(f"{pair[0]}-{pair[1]}", f"{share.part} of {share.total}", share.percent())
    if not tones.pairs:
        pairs.add_row(Text("none yet", style="dim"), "", "")
    side = Table.grid(padding=(0, 4))
    side.add_row(tone_table(tones.counts), pairs)
    parts: list[RenderableType] = [head, Text(""), side, Text("")]
    worst = _worst_slip(tones.counts)
    if worst:
        parts.append(Text(worst, style="dim"))
    parts.append(Text("From the tone drills and the tones of typed pinyin; pairs from the tone-pair drill and "
                      "two-syllable words typed.", style="dim"))
    return Group(*parts)


def _worst_slip(counts: dict[tuple[int, int], int]) -> str:
    slips = [(n, a, g) for (a, g), n in counts.items() if a != g and n]
    if not slips:
        return ""
    n, asked, given = max(slips)
    name = {5: "the neutral tone"}
    return (f"Your commonest slip: {name.get(asked, f'tone {asked}')} heard or typed as "
            f"{name.get(given, f'tone {given}')} ({plural(n, 'time')}). The tones drill leans toward it.")


def time_view(stats: Statistics, height: int = 8) -> RenderableType:
    days = stats.time
    values = [d.minutes for d in days]
    total = sum(values)
    studied = [v for v in values if v]
    head = Text.assemble(("Time  ", "bold"), f"{minutes(total)} in the last {len(days)} days")
    if studied:
        head.append(f" · {minutes(total / len(studied))} on a study day")
    first = days[0].day if days else stats.today_date - timedelta(days=29)
    labels = day_labels(first, len(values), stats.today_date, from_end=True)
    chart = bar_chart(values, labels, "minutes a day", height=height)
    note = Text("Reviews and drills; an answer counts at most one minute.", style="dim")
    return Group(head, Text(""), chart, Text(""), note)


VIEWS = {
    "calendar": ("Calendar", calendar_view),
    "forecast": ("Forecast", forecast_view),
    "retention": ("Retention", retention_view),
    "hsk": ("HSK", hsk_view),
    "tones": ("Tones", tones_view),
    "time": ("Time", time_view),
}
