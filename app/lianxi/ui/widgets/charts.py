"""Small charts drawn with Rich: a calendar heatmap, bar charts, share bars, a tone table.

Each chart reads without colour too (shades are different glyphs, bars have numbers
beside them), so it works over SSH, in a monochrome terminal and printed by `lianxi
stats`. Only numbers and dates go into these charts, never lesson text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from rich.table import Table
from rich.text import Text

# How much was done on a day, from nothing to a lot: glyph and style (small squares for a
# little, big ones for a lot, so the calendar reads without colour too).
SHADES = (("·", "grey42"), ("▪", "dark_green"), ("▪", "green3"), ("■", "green3"), ("■", "bold bright_green"))
EIGHTHS = " ▁▂▃▄▅▆▇█"
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def shade_levels(values: Sequence[float]) -> list[float]:
    """Thresholds for shades 1-4: quarters of the busiest day, so one big day does not flatten the rest."""
    top = max(values, default=0)
    return [top * q for q in (0.25, 0.5, 0.75)] if top else [0, 0, 0]


def shade(value: float, levels: Sequence[float]) -> tuple[str, str]:
    if value <= 0:
        return SHADES[0]
    for index, limit in enumerate(levels, start=1):
        if value <= limit:
            return SHADES[index]
    return SHADES[4]


def heatmap(days: Sequence[date], counts: Mapping[date, float], today: date) -> Text:
    """A calendar of study days: one column a week (Monday on top), month names above.

    `days` are whole weeks from a Monday (core.statistics.calendar_days); days after
    today are left blank.
    """
    weeks = [days[i:i + 7] for i in range(0, len(days), 7)]
    levels = shade_levels([counts.get(d, 0) for d in days])
    labels: list[tuple[int, str]] = []  # (column, month name) where a month's first week is
    previous = None
    for column, week in enumerate(weeks):
        if week[0].month != previous:
            labels.append((column * 2, week[0].strftime("%b")))
            previous = week[0].month
    # a name that would run into the next month's is left out (the first, partly shown month)
    kept = [(at, name) for (at, name), nxt in zip(labels, labels[1:] + [(10**6, "")]) if at + len(name) + 1 < nxt[0]]
    months = [" "] * (len(weeks) * 2 + 3)
    for at, name in kept:
        months[at:at + len(name)] = list(name)
    out = Text("    " + "".join(months).rstrip() + "\n")
    for weekday in range(7):
        out.append(f"{WEEKDAYS[weekday]:<4}", style="dim")
        for week in weeks:
            if weekday >= len(week) or week[weekday] > today:
                out.append("  ")
                continue
            glyph, style = shade(counts.get(week[weekday], 0), levels)
            out.append(glyph, style=style + (" reverse" if week[weekday] == today else ""))
            out.append(" ")
        out.append("\n")
    out.append("    less ", style="dim")
    for glyph, style in SHADES:
        out.append(glyph + " ", style=style)
    out.append("more", style="dim")
    return out


def columns(values: Sequence[float], height: int = 5, width: int = 2) -> list[Text]:
    """Vertical bars, one column per value (`width` characters each), `height` rows tall,
    drawn in eighths of a row. Returns the rows, top first."""
    top = max(values, default=0)
    rows = []
    for row in range(height, 0, -1):
        line = Text()
        for value in values:
            eighths = 0 if not top else round(value / top * height * 8)
            filled = eighths - (row - 1) * 8
            glyph = EIGHTHS[max(0, min(filled, 8))]
            if value > 0 and row == 1 and filled <= 0:
                glyph = EIGHTHS[1]  # a day with anything at all shows
            line.append(glyph * (width - 1) + " ", style="cyan")
        rows.append(line)
    return rows


def bar_chart(values: Sequence[float], labels: Mapping[int, str], unit: str, height: int = 5,
              width: int = 2) -> Text:
    """Vertical bars with the top value on the left axis and labels under chosen columns."""
    top = max(values, default=0)
    axis = max(len(_number(top)), len(_number(0))) + 1
    out = Text()
    for index, row in enumerate(columns(values, height, width)):
        mark = _number(top) if index == 0 else _number(0) if index == height - 1 else ""
        out.append(f"{mark:>{axis - 1}} ", style="dim")
        out.append_text(row)
        out.append("\n")
    under = [" "] * (len(values) * width + 6)  # room for a label under the last column
    for column, label in sorted(labels.items()):
        start = column * width
        if start + len(label) <= len(under) and all(ch == " " for ch in under[max(start - 1, 0):start + len(label)]):
            under[start:start + len(label)] = list(label)
    out.append(" " * axis + "".join(under).rstrip(), style="dim")
    out.append(f"\n{' ' * axis}{unit}", style="dim")
    return out


def _number(value: float) -> str:
    if value >= 10 or value == int(value):
        return f"{value:.0f}"
    return f"{value:.1f}" if value >= 1 else "<1"


def share_bar(known: int, learning: int, total: int, width: int = 24) -> Text:
    """A bar in three parts: known (█), learning (▒), not started (·)."""
    if not total:
        return Text("·" * width, style="grey42")
    solid = round(known / total * width)
    light = min(round((known + learning) / total * width) - solid, width - solid)
    return Text.assemble(("█" * solid, "green3"), ("▒" * light, "yellow3"), ("·" * (width - solid - light), "grey42"))


def tone_table(counts: Mapping[tuple[int, int], int], tones: Sequence[int] = (1, 2, 3, 4, 5)) -> Table:
    """Tone asked (rows) x tone given (columns): right answers on the diagonal, slips off it,
    the commonest slip of each row in bold; the share right at the end of each row."""
    names = {5: "neutral"}
    table = Table(box=None, padding=(0, 1), show_edge=False)
    table.add_column("asked \\ given", style="dim")
    for tone in tones:
        table.add_column(str(tone) if tone != 5 else "5", justify="right")
    table.add_column("right", justify="right")
    for asked in tones:
        row_total = sum(counts.get((asked, given), 0) for given in tones)
        slips = {given: counts.get((asked, given), 0) for given in tones if given != asked}
        worst = max(slips.values(), default=0)
        cells = []
        for given in tones:
            n = counts.get((asked, given), 0)
            if given == asked:
                cells.append(Text(str(n), style="green"))
            elif n and n == worst:
                cells.append(Text(str(n), style="bold red"))
            else:
                cells.append(Text(str(n) if n else "·", style="" if n else "dim"))
        right = counts.get((asked, asked), 0)
        share = Text(f"{100 * right / row_total:.0f}%" if row_total else "-")
        label = f"{asked} {names.get(asked, '')}".rstrip()
        table.add_row(label, *cells, share)
    return table


def day_labels(first: date, count: int, today: date, every: int = 7, from_end: bool = False) -> dict[int, str]:
    """Column -> label for a run of days: "today" where it is, a date every `every` days from the
    first column (or back from the last one, `from_end`)."""
    out = {}
    columns = range(count - 1, -1, -every) if from_end else range(0, count, every)
    for index in columns:
        day = first + timedelta(days=index)
        out[index] = "today" if day == today else day.strftime("%d %b").lstrip("0")
    return out
