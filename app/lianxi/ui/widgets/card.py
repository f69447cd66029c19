"""What a card shows: the question side, then the answer side once revealed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from lianxi.core.cards import SIDES, CardKind, cloze
from lianxi.core.sentences import short_attribution
from lianxi.core.cards import StudyCard
from lianxi.ui.tones import coloured_hanzi, coloured_pinyin


def _field(card: StudyCard, name: str, palette, revealed: bool, script: str = "simplified",
           front: bool = False) -> list[Text]:
    if name == "hanzi":
        shown, other = card.hanzi, card.traditional
        if script == "traditional" and card.traditional:
            shown, other = card.traditional, card.hanzi
        text = coloured_hanzi(shown, card.numbered, palette if revealed else None)
        if other and other != shown:
            text.append(f"  ({other})", style="dim")
        return [text]
    if name == "pinyin":
        if card.other_readings and not front:
            # a word read several ways (得 de, dé, děi): each reading with its own meanings
            return [Text.assemble(coloured_pinyin(pinyin, palette, bold=True), "  ", "; ".join(english))
                    for pinyin, english in [(card.pinyin, card.english),
                                            *((r.pinyin, r.english) for r in card.other_readings)]]
        return [coloured_pinyin(card.pinyin, palette, bold=True)]
    if name == "english":
        shown_with_readings = card.other_readings and not front and "pinyin" in SIDES[CardKind(card.kind)].back
        text = Text("" if shown_with_readings else "; ".join(card.english))
        if card.measure_word:
            text.append(f"   measure word: {card.measure_word}", style="dim")
        lines = [text] if text.plain.strip() else []
        if front:
            # the question gives every meaning, never the pinyin
            lines += [Text("; ".join(r.english)) for r in card.other_readings]
        return lines
    if name == "example" and card.example:
        out = [Text(""), Text(card.example)]
        if card.example_pinyin:
            out.append(coloured_pinyin(card.example_pinyin, palette))
        if card.example_english:
            out.append(Text(card.example_english, style="italic"))
        return out
    if name == "example_english" and card.example_english:
        return [Text(card.example_english, style="italic")]
    if name == "cloze":
        return [Text(cloze(card.example, card.hanzi))]
    if name == "audio":
        return [Text("(listen: r plays it again)", style="dim")]
    return []


def _examples(card: StudyCard, examples: Sequence) -> list[Text]:
    """Imported example sentences, each with its attribution (their licence asks for it)."""
    shown = [e for e in examples if e.chinese != card.example]
    if not shown:
        return []
    lines = [Text("")]
    for example in shown:
        lines.append(Text.assemble(example.chinese, "  ", (example.english, "italic")))
        lines.append(Text(short_attribution(example.attribution), style="dim"))
    return lines


def render_card(card: StudyCard, palette, revealed: bool, *, script: str = "simplified",
                examples: Sequence = ()) -> Text:
    """The card as lines of text, centred by the screen.

    `script` is the learner's setting ("simplified" or "traditional"); `examples` are the
    word's imported sentences (chinese, english, attribution), shown on the answer side.
    """
    sides = SIDES[CardKind(card.kind)]
    lines: list[Text] = [Text(sides.prompt, style="dim"), Text("")]
    for name in sides.front:
        lines += _field(card, name, palette, revealed, script, front=True)
    if revealed:
        lines.append(Text("─" * 20, style="dim"))
        for name in sides.back:
            if name not in sides.front:
                lines += _field(card, name, palette, revealed, script)
        if card.note:
            lines += [Text(""), Text(f"Note: {card.note}", style="dim")]
        lines += _examples(card, examples)
    return Text("\n").join(lines)
