"""One card described for a person: its word, lessons, state, memory and every answer.

Rich only (no Textual), so `lianxi cards show` prints the same text the card screen shows.
Lesson text goes in as Text (data), never as markup.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from lianxi.study import browser
from lianxi.study.browser import CardDetails
from lianxi.ui.widgets.card_names import flag_text, kind_name


def describe(details: CardDetails, now, zone) -> Group:
    """The card as text: word, lessons, state, memory, leech advice, then its answers (newest first)."""
    row = details.row
    word = Text.assemble((row.hanzi, "bold"), "  ", row.pinyin, "  ", browser.gloss(row))
    lessons = Text.assemble(("Lessons  ", "bold"), "; ".join(title for _, title in details.lessons) or "none")
    state = browser.state_of(row, now)
    where = Text.assemble(("Card     ", "bold"), kind_name(row.kind), " · ", state)
    if state not in ("due", "new", "suspended", "off"):
        where.append(" · due " + browser.due_text(row, now))
    if row.flag:
        where.append(" · ")
        where.append_text(flag_text(row.flag))
    memory = Text.assemble(("Memory   ", "bold"))
    if details.stability is None:
        memory.append("none yet: the card is new")
    else:
        memory.append(f"stability {_days(details.stability)} · difficulty {details.difficulty:.1f}/10")
        if details.recall is not None:
            memory.append(f" · recall today {details.recall:.0%}")
    where.append(f" · {row.reps} answer{'s' if row.reps != 1 else ''}, forgotten {row.lapses}×")
    parts = [word, lessons, where, memory]
    if details.leech_note:
        parts.append(Text(details.leech_note, style="yellow"))
    if details.off_note:
        parts.append(Text(details.off_note, style="dim"))
    parts.append(Text(""))
    if details.history:
        table = Table(box=None, padding=(0, 1), show_edge=False, title="Answers, newest first",
                      title_justify="left", title_style="bold")
        for name, justify in (("when", "left"), ("answer", "left"), ("was", "left"), ("next in", "right"),
                              ("time", "right"), ("typed", "left")):
            table.add_column(name, justify=justify, no_wrap=name != "typed")
        for line in reversed(details.history):
            table.add_row(line.at.astimezone(zone).strftime("%Y-%m-%d %H:%M"), line.rating, line.state,
                          line.interval or "?", "" if line.seconds is None else f"{line.seconds:.0f}s",
                          Text(line.typed or ""))
        parts.append(table)
    else:
        parts.append(Text("No answers yet.", style="dim"))
    return Group(*parts)


def _days(stability: float) -> str:
    if stability < 1:
        return f"{stability * 24:.0f} hours"
    if stability < 60:
        return f"{stability:.1f} days"
    return f"{stability / 30:.1f} months"
