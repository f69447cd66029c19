"""A lesson -> a printable worksheet: one self-contained HTML page for A4 or Letter paper.

Sections (chosen with WorksheetOptions.sections, in this order): vocabulary,
"add the tone marks", dictation (numbered blanks; the tutor plays the words
from the projector page or classroom mode, key d, in the order of the answer
key), matching, writing practice (田字格 boxes with the stroke order as small
figures and grey characters to trace), and the answer key with the tutor's
instruction line. Each section starts a page and has a Name / Date line (blank
lines on paper; nothing is stored). Rules that keep it printable as it comes:
headings never end a page (they stay with what follows), table rows never
split, pinyin never wraps, borders are drawn in points so Letter and A4 print
the same, matching groups are balanced (no last group of one), never show
the same prompt or meaning twice in a group, never quote the word in its own
meaning (written ～), and their numbers and letters run on through the page;
each exercise of a 30-word lesson fits one sheet, and the key's dictation is
laid out like the sheet's. A word with several readings (得 de, dé, děi) shows each
with its meaning, one a line, in the vocabulary, the tone exercise and the key;
matching pairs hanzi with the main meaning only (no pinyin is shown there).
Inline CSS and SVG only: no fonts, scripts or images from outside. Pure:
returns a string. Must never import storage, UI, audio or study.
"""

from __future__ import annotations

import math
import random
import string
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lianxi.classroom.page import (
    coloured_pinyin_html, command_word, e, first_gloss, lang, meaning, shown_hanzi, shown_readings,
)
from lianxi.classroom.strokes_svg import stroke_defs, stroke_sequence, trace
from lianxi.classroom.worksheet_style import worksheet_css
from lianxi.core.classroom import dictation_order
from lianxi.core.hanzi import is_hanzi
from lianxi.core.lessons import Lesson, Word
from lianxi.core.strokes import CharacterStrokes

PAPERS = {"a4": "A4", "letter": "letter"}
# Nothing from outside and no script at all: only the page's own style and its inline SVG.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; form-action 'none'"
SECTIONS = ("vocab", "tones", "dictation", "matching", "writing", "key")
# Writing practice takes a page for every ~9 characters, so a tutor asks for it (--sections ...,writing).
DEFAULT_SECTIONS = ("vocab", "tones", "dictation", "matching", "key")
EXERCISES_WITH_A_KEY = ("tones", "dictation", "matching")
MATCH_GROUP = 8  # at most this many words to match at once
TRACE_BOXES = 3  # grey characters to trace after the model, before the empty boxes


@dataclass(frozen=True, slots=True)
class WorksheetOptions:
    paper: str = "a4"
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    traditional: bool = False
    lesson_ref: str = ""  # how the tutor names the lesson on the command line (file or id); default its id

    def __post_init__(self):
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown or not self.sections:
            raise ValueError(f"sections are {', '.join(SECTIONS)} (got {', '.join(unknown) or 'none'})")


def toneless(pinyin: str) -> str:
    """Pinyin with its tone marks taken off (ü keeps its dots): "nǚ'ér" -> "nü'er"."""
    out = []
    for ch in unicodedata.normalize("NFD", pinyin):
        if unicodedata.combining(ch) and ch != "\u0308":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def letters(count: int) -> list[str]:
    """a, b, ... z, aa, ab, ...: one label per meaning, running on through every group."""
    abc = string.ascii_lowercase
    return [abc[i] if i < 26 else abc[i // 26 - 1] + abc[i % 26] for i in range(count)]


def matching_groups(words: Sequence[Word], seed: str, traditional: bool = False,
                    size: int = MATCH_GROUP) -> list[tuple[list[Word], list[Word]]]:
    """Words to match, in balanced groups of at most `size` (no last group of one), each (left, right).

    No group shows the same hanzi twice or the same meaning twice (a learner could
    not tell which goes where), so words that share one go to different groups.
    """
    rng = random.Random(seed)
    order = list(words)
    rng.shuffle(order)

    def keys(w: Word) -> tuple[str, str]:
        return shown_hanzi(w, traditional), matching_meaning(w).casefold()  # as shown

    hanzi_count: dict[str, int] = {}
    gloss_count: dict[str, int] = {}
    for w in order:
        hanzi, gloss = keys(w)
        hanzi_count[hanzi] = hanzi_count.get(hanzi, 0) + 1
        gloss_count[gloss] = gloss_count.get(gloss, 0) + 1
    most = max([*hanzi_count.values(), *gloss_count.values()], default=0)
    count = max(math.ceil(len(order) / size), most) if order else 0
    groups: list[list[Word]] = [[] for _ in range(count)]

    def clash(word: Word, group: list[Word]) -> bool:
        hanzi, gloss = keys(word)
        return any(keys(w)[0] == hanzi or keys(w)[1] == gloss for w in group)

    # words that share a hanzi or a meaning go first, while every group still has room for them
    order.sort(key=lambda w: -max(hanzi_count[keys(w)[0]], gloss_count[keys(w)[1]]))
    for word in order:
        fits = [g for g in groups if len(g) < size and not clash(word, g)]
        if not fits:
            groups.append([])
            fits = [groups[-1]]
        min(fits, key=len).append(word)
    for small in groups:  # a group of one is no exercise: take a word from a big group
        while len(small) < 2 < max(len(g) for g in groups):
            moved = next((w for g in sorted(groups, key=len, reverse=True) if len(g) > 2
                          for w in g if not clash(w, small)), None)
            if moved is None:
                break
            next(g for g in groups if moved in g).remove(moved)
            small.append(moved)
    out = []
    for left in groups:
        right = list(left)
        rng.shuffle(right)
        out.append((left, right))
    return out


def _hanzi(text: str, traditional: bool) -> str:
    return f'<span class="hanzi" lang="{lang(traditional)}">{e(text)}</span>'


def _pinyin(w: Word, marked: bool = True) -> str:
    """Every reading's pinyin (得: de, dé, děi): one a line with its tones; bare for the tone exercise,
    side by side in reading order, so each keeps the room above it for the marks a learner writes."""
    if not marked:
        return ' <span class="sep">/</span> '.join(e(toneless(r.pinyin)) for r in w.readings)
    shown = [coloured_pinyin_html(r.pinyin) for r in w.readings]
    return shown[0] if len(shown) == 1 else "".join(f'<span class="reading">{p}</span>' for p in shown)


def _meaning(w: Word, t: bool, marked: bool = True) -> str:
    """The meaning; a word with several readings gives one line each, led by that reading's pinyin.

    In the tone exercise (marked=False) the pinyin is bare, so the meaning does not give the
    tones away, and each meaning is its first gloss only: there it is a cue to which word (or
    reading) is meant, and one line a word keeps a 30-word lesson's exercise on one page.
    """
    if not w.other_readings:
        return e(meaning(w) if marked else first_gloss(w.english))
    lines = []
    for r, reading in zip(shown_readings(w, t), w.readings):
        own = f'<span class="rh" lang="{lang(t)}">{e(r.hanzi)}</span> ' if r.hanzi else ""
        label = coloured_pinyin_html(r.pinyin) if marked else e(toneless(r.pinyin))
        gloss = r.meaning if marked else first_gloss(reading.english)
        lines.append(f'<span class="reading">{own}<span class="rp">{label}</span> {e(gloss)}</span>')
    return "".join(lines)


def _name_line() -> str:
    return '<div class="name">Name <span></span> Date <span class="date"></span></div>'


def _title(lesson: Lesson) -> str:
    about = e(lesson.level) + (" · " + e(lesson.description) if lesson.description else "")
    return f"<h1>{e(lesson.title)}</h1><div class=\"lesson\">{about}</div>"


def _section(key: str, heading: str, how: str, body: str, lesson: Lesson, first: bool) -> str:
    top = _title(lesson) if first else ""
    instruction = f'<p class="how">{how}</p>' if how else ""
    return (f'<section class="section" id="{key}">{top}<div class="keep">{_name_line() if key != "key" else ""}'
            f"<h2>{heading}</h2>{instruction}</div>{body}</section>")


def _vocabulary(lesson: Lesson, t: bool) -> str:
    measure = any(w.measure_word for w in lesson.words)
    example = any(w.example for w in lesson.words)
    head = '<th class="n">#</th><th>Hanzi</th><th>Pinyin</th><th>Meaning</th>'
    head += "<th>Measure word</th>" if measure else ""
    head += "<th>Example</th>" if example else ""
    rows = []
    for n, w in enumerate(lesson.words, start=1):
        other = w.hanzi if t else w.traditional
        also = (f' <span class="small other" lang="{lang(not t)}">{e(other)}</span>'
                if other and other != shown_hanzi(w, t) else "")
        cells = [f'<td class="n">{n}</td>', f'<td class="hz">{_hanzi(shown_hanzi(w, t), t)}{also}</td>',
                 f'<td class="py">{_pinyin(w)}</td>', f"<td>{_meaning(w, t)}</td>"]
        if measure:
            cells.append(f"<td>{_hanzi(w.measure_word, t) if w.measure_word else ''}</td>")
        if example:
            ex = ""
            if w.example:
                ex = f'<span lang="{lang(t)}">{e(w.example)}</span>'
                if w.example_pinyin:
                    ex += f'<br><span class="small">{e(w.example_pinyin)}</span>'
                if w.example_english:
                    ex += f'<br><span class="small">{e(w.example_english)}</span>'
            cells.append(f'<td class="ex">{ex}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    attribution = f'<p class="small">{e(lesson.attribution)}</p>' if lesson.attribution else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{attribution}"


def _tone_marks(lesson: Lesson, t: bool) -> str:
    rows = "".join(
        f'<tr><td class="n">{n}</td><td>{_hanzi(shown_hanzi(w, t), t)}</td>'
        f'<td class="toneless py">{_pinyin(w, marked=False)}</td><td class="gloss">{_meaning(w, t, marked=False)}</td></tr>'
        for n, w in enumerate(lesson.words, start=1)
    )
    return ('<table class="tones"><thead><tr><th class="n">#</th><th>Hanzi</th><th>Pinyin</th><th>Meaning</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _dictation(count: int, answers: Sequence[tuple[str, str]] = ()) -> str:
    """Numbered rows in two columns (one for six words or fewer): blank on the sheet, filled on the key."""
    half = math.ceil(count / 2)
    columns = [range(1, half + 1), range(half + 1, count + 1)] if count > 6 else [range(1, count + 1)]
    tables = []
    for numbers in columns:
        if len(numbers):
            rows = "".join(f'<tr><td class="n">{n}</td><td>{answers[n - 1][0] if answers else ""}</td>'
                           f'<td class="py">{answers[n - 1][1] if answers else ""}</td></tr>' for n in numbers)
            tables.append('<table><thead><tr><th class="n">#</th><th style="width:42%">Hanzi</th><th>Pinyin</th>'
                          f"</tr></thead><tbody>{rows}</tbody></table>")
    return f'<div class="dictation{" answers" if answers else ""}">{"".join(tables)}</div>'


def matching_meaning(w: Word) -> str:
    """The meaning a learner matches, with the word itself written ～ as dictionaries do.

    A gloss that quotes its own word (把: "puts the object before the verb: 把门关上")
    would hand the answer over; either spelling of the word is hidden.
    """
    text = meaning(w)
    for form in sorted({w.hanzi, w.traditional} - {""}, key=len, reverse=True):
        text = text.replace(form, "～")
    return text


def _matching(groups, t: bool) -> str:
    labels = letters(sum(len(left) for left, _ in groups))
    parts, number, letter = [], 1, 0
    for left, right in groups:
        rows = []
        for i in range(max(len(left), len(right))):
            w, m = left[i], right[i]
            rows.append(f'<tr><td class="label">{number + i}</td><td class="left">{_hanzi(shown_hanzi(w, t), t)}</td>'
                        f'<td class="slot"><span></span></td><td class="label">{labels[letter + i]}</td>'
                        f"<td>{e(matching_meaning(m))}</td></tr>")
        parts.append(f'<table class="match"><tbody>{"".join(rows)}</tbody></table>')
        number += len(left)
        letter += len(right)
    return "".join(parts)


def writing_characters(lesson: Lesson, t: bool) -> list[str]:
    """Each character of the lesson once, in the order the words teach them."""
    return list(dict.fromkeys(ch for w in lesson.words for ch in shown_hanzi(w, t) if is_hanzi(ch)))


def _writing(chars: list[str], strokes: Mapping[str, CharacterStrokes | None], paper: str, t: bool) -> str:
    width_mm = (216 if paper == "letter" else 210) - 28
    boxes = int(width_mm // 15)
    rows = []
    for char in chars:
        data = strokes.get(char)
        if data is not None:
            order = f'<span class="char" lang="{lang(t)}">{e(char)}</span>{stroke_sequence(data)}'
        else:
            order = (f'<span class="char" lang="{lang(t)}">{e(char)}</span>'
                     '<span class="none">stroke order not available for this character</span>')
        cells = [f'<div class="box">{trace(data, char, "model")}</div>']
        cells += [f'<div class="box">{trace(data, char, "trace")}</div>'] * TRACE_BOXES
        cells += ['<div class="box"></div>'] * (boxes - 1 - TRACE_BOXES)
        rows.append(f'<div class="write"><div class="order">{order}</div><div class="boxes">{"".join(cells)}</div></div>')
    return "".join(rows)


def _key(lesson: Lesson, sections: Sequence[str], dictation: list[Word], groups, t: bool, ref: str) -> str:
    ref = e(command_word(ref or lesson.id))  # the file or id as the tutor typed it for this worksheet
    parts = ['<p class="tutor">For the tutor: play the dictation with <b>lianxi class '
             f'{ref} --browser</b> (or <b>lianxi class {ref}</b>) and press <b>d</b>: '
             "the words play in the order below.</p>"]
    if "tones" in sections:
        items = "".join(f'<li><b>{n}</b> {_hanzi(shown_hanzi(w, t), t)} <span class="py">'
                        f"{' / '.join(coloured_pinyin_html(r.pinyin) for r in w.readings)}</span></li>"
                        for n, w in enumerate(lesson.words, start=1))
        parts.append(f'<h3>Add the tone marks</h3><ul class="flow">{items}</ul>')
    if "dictation" in sections:
        # laid out as the sheet is (two columns, the same numbers), so a tutor marks row against row
        answers = [(_hanzi(shown_hanzi(w, t), t), _pinyin(w)) for w in dictation]
        parts.append(f'<h3 class="keep">Dictation (in the order the words are played)</h3>'
                     f"{_dictation(len(answers), answers)}")
    if "matching" in sections and groups:
        labels = letters(sum(len(left) for left, _ in groups))
        pairs, number, letter = [], 1, 0
        for left, right in groups:
            for w in left:
                pairs.append(f'<span class="pair">{number}&nbsp;–&nbsp;{labels[letter + right.index(w)]}</span>')  # one piece
                number += 1
            letter += len(right)
        parts.append(f'<h3>Matching</h3><p class="pairs">{", ".join(pairs)}</p>')
    return "".join(parts)


def worksheet_html(lesson: Lesson, options: WorksheetOptions = WorksheetOptions(),
                   strokes: Mapping[str, CharacterStrokes | None] | None = None) -> str:
    """The worksheet for `lesson` as one HTML document.

    `strokes` maps each character of the writing practice to its stroke data (None
    where there is none); it is only needed when the sections include "writing".
    """
    t = options.traditional
    chosen = [s for s in SECTIONS if s in options.sections]
    keyed = [s for s in chosen if s in EXERCISES_WITH_A_KEY] or (list(EXERCISES_WITH_A_KEY) if chosen == ["key"] else [])
    dictation = dictation_order(lesson)
    groups = matching_groups(lesson.words, f"{lesson.id}:matching", t) if len(lesson.words) > 1 else []
    strokes = strokes or {}
    body, defs = [], ""
    for key in chosen:
        first = not body
        if key == "vocab":
            body.append(_section(key, "Vocabulary", "", _vocabulary(lesson, t), lesson, first))
        elif key == "tones":
            body.append(_section(key, "Add the tone marks",
                                 "Write the tone marks on the pinyin (ā á ǎ à). Leave neutral tones bare.",
                                 _tone_marks(lesson, t), lesson, first))
        elif key == "dictation":
            body.append(_section(key, "Dictation", "Listen. Write each word in hanzi and in pinyin with tone marks.",
                                 _dictation(len(dictation)), lesson, first))
        elif key == "matching":
            how = ("Match each word with its meaning: write the letter on the line." if groups
                   else "Matching needs two words or more.")
            body.append(_section(key, "Matching", how, _matching(groups, t), lesson, first))
        elif key == "writing":
            chars = writing_characters(lesson, t)
            known = [strokes[c] for c in chars if strokes.get(c) is not None]
            defs = stroke_defs(known)
            body.append(_section(key, "Writing practice",
                                 "Follow the strokes in order (the new stroke is black), trace the grey characters, "
                                 "then fill the row.", _writing(chars, strokes, options.paper, t), lesson, first))
        else:
            body.append(_section(key, "Answer key", "", _key(lesson, keyed, dictation, groups, t, options.lesson_ref), lesson, first))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{e(lesson.title)} · worksheet</title>"
        f"<style>{worksheet_css(PAPERS[options.paper], options.traditional)}</style></head>"
        f"<body>{defs}{''.join(body)}</body></html>\n"
    )
