"""A lesson -> a printable worksheet (one self-contained HTML page, for A4 or Letter paper).

Sections, each starting on a new page: vocabulary table, "add the tone marks",
dictation (numbered blanks; the tutor plays the words from classroom mode, key
d, in the order of the answer key), matching, and the answer key on its own
page. Inline CSS only: no external fonts, scripts or images, so it prints the
same offline. Every piece of lesson text goes through html.escape. Nothing
about any learner appears on it (no name line). Pure: returns a string. Must
never import storage, UI or audio.
"""

from __future__ import annotations

import string
import unicodedata
from html import escape

from lianxi.core.classroom import dictation_order, matching_groups
from lianxi.core.lessons import Lesson, Word

PAPERS = {"a4": "A4", "letter": "letter"}

# System fonts only: whichever CJK font the printing machine has.
CJK_FONTS = ('"Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN", '
             '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "SimSun", "WenQuanYi Micro Hei", '
             '"WenQuanYi Zen Hei", "AR PL UMing CN", sans-serif')
LATIN_FONTS = '"DejaVu Sans", "Liberation Sans", Arial, Helvetica'


def _css(paper: str) -> str:
    return f"""
@page {{ size: {PAPERS[paper]}; margin: 15mm 14mm; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {LATIN_FONTS}, {CJK_FONTS}; font-size: 11pt; color: #000; margin: 0; }}
.hanzi {{ font-family: {CJK_FONTS}; font-size: 20pt; line-height: 1.3; white-space: nowrap; }}
.section {{ break-before: page; page-break-before: always; }}
.section:first-of-type {{ break-before: auto; page-break-before: auto; }}
h1 {{ font-size: 18pt; margin: 0 0 2mm; }}
h2 {{ font-size: 14pt; margin: 0 0 3mm; border-bottom: 1px solid #000; padding-bottom: 1mm; }}
.lesson {{ font-size: 10pt; color: #333; margin-bottom: 4mm; }}
.how {{ font-size: 10pt; margin: 0 0 4mm; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #555; padding: 1.5mm 2mm; text-align: left; vertical-align: middle; }}
th {{ background: #eee; font-size: 9.5pt; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
td.n, th.n {{ width: 8mm; text-align: right; }}
.toneless {{ font-size: 14pt; letter-spacing: 0.5pt; }}
.blank {{ border-bottom: 1px solid #000; height: 12mm; }}
.dictation td {{ height: 14mm; }}
.matching {{ display: flex; gap: 14mm; margin-bottom: 8mm; break-inside: avoid; page-break-inside: avoid; }}
.matching ol {{ margin: 0; padding-left: 8mm; flex: 1; }}
.matching li {{ margin: 0 0 3mm; min-height: 10mm; }}
.matching ol.meanings {{ list-style-type: lower-alpha; }}
.key h3 {{ font-size: 12pt; margin: 4mm 0 2mm; }}
.key table {{ font-size: 10pt; }}
.key .hanzi {{ font-size: 13pt; }}
.small {{ font-size: 9pt; color: #333; }}
"""


def toneless(pinyin: str) -> str:
    """Pinyin with its tone marks taken off (ü keeps its dots): "nǚ'ér" -> "nü'er"."""
    out = []
    for ch in unicodedata.normalize("NFD", pinyin):
        if unicodedata.combining(ch) and ch != "\u0308":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _e(text: str) -> str:
    return escape(text, quote=True)


def _hanzi(text: str) -> str:
    return f'<span class="hanzi" lang="zh-Hans">{_e(text)}</span>'


def _letters(count: int) -> list[str]:
    letters = string.ascii_lowercase
    return [letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26] for i in range(count)]


def _vocabulary(lesson: Lesson) -> str:
    attribution = f'<p class="small">{_e(lesson.attribution)}</p>' if lesson.attribution else ""
    measure = any(w.measure_word for w in lesson.words)
    example = any(w.example for w in lesson.words)
    head = '<th class="n">#</th><th>Hanzi</th><th>Pinyin</th><th>Meaning</th>'
    head += "<th>Measure word</th>" if measure else ""
    head += "<th>Example</th>" if example else ""
    rows = []
    for n, w in enumerate(lesson.words, start=1):
        traditional = f' <span class="small">({_e(w.traditional)})</span>' if w.traditional and w.traditional != w.hanzi else ""
        cells = [f'<td class="n">{n}</td>', f"<td>{_hanzi(w.hanzi)}{traditional}</td>",
                 f"<td>{_e(w.pinyin)}</td>", f"<td>{_e(w.meaning)}</td>"]
        if measure:
            cells.append(f"<td>{_hanzi(w.measure_word) if w.measure_word else ''}</td>")
        if example:
            ex = ""
            if w.example:
                ex = f'<span lang="zh-Hans">{_e(w.example)}</span>'
                if w.example_pinyin:
                    ex += f'<br><span class="small">{_e(w.example_pinyin)}</span>'
                if w.example_english:
                    ex += f'<br><span class="small">{_e(w.example_english)}</span>'
            cells.append(f"<td>{ex}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<section class="section" id="vocabulary">'
        f"<h1>{_e(lesson.title)}</h1>"
        f'<div class="lesson">{_e(lesson.level)}{" · " + _e(lesson.description) if lesson.description else ""}</div>'
        "<h2>Vocabulary</h2>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{attribution}</section>"
    )


def _tone_marks(lesson: Lesson) -> str:
    rows = "".join(
        f'<tr><td class="n">{n}</td><td>{_hanzi(w.hanzi)}</td><td class="toneless">{_e(toneless(w.pinyin))}</td>'
        f"<td>{_e(w.meaning)}</td></tr>"
        for n, w in enumerate(lesson.words, start=1)
    )
    return (
        '<section class="section" id="tones"><h2>Add the tone marks</h2>'
        '<p class="how">Write the tone marks on the pinyin (ā á ǎ à). Leave neutral tones bare.</p>'
        '<table><thead><tr><th class="n">#</th><th>Hanzi</th><th>Pinyin</th><th>Meaning</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def _dictation(lesson: Lesson, words: list[Word]) -> str:
    rows = "".join(f'<tr><td class="n">{n}</td><td></td><td></td></tr>' for n in range(1, len(words) + 1))
    return (
        '<section class="section dictation" id="dictation"><h2>Dictation</h2>'
        '<p class="how">Listen. Write each word in hanzi and in pinyin with tone marks.</p>'
        f'<p class="small">For the tutor: run <b>lianxi class {_e(lesson.id)}</b> and press <b>d</b>; '
        "the words play in the order of the answer key.</p>"
        '<table><thead><tr><th class="n">#</th><th style="width:45%">Hanzi</th><th>Pinyin</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def _matching(groups) -> str:
    parts = []
    start = 1
    for left, right in groups:
        lefts = "".join(f"<li>{_hanzi(w.hanzi)}</li>" for w in left)
        rights = "".join(f"<li>{_e(w.meaning)}</li>" for w in right)
        parts.append(f'<div class="matching"><ol start="{start}">{lefts}</ol>'
                     f'<ol class="meanings" type="a">{rights}</ol></div>')
        start += len(left)
    return (
        '<section class="section" id="matching"><h2>Matching</h2>'
        '<p class="how">Match each word with its meaning: write the letter next to the number.</p>'
        + "".join(parts) + "</section>"
    )


def _key(lesson: Lesson, dictation: list[Word], groups) -> str:
    tones = "".join(f'<tr><td class="n">{n}</td><td>{_hanzi(w.hanzi)}</td><td>{_e(w.pinyin)}</td></tr>'
                    for n, w in enumerate(lesson.words, start=1))
    said = "".join(f'<tr><td class="n">{n}</td><td>{_hanzi(w.hanzi)}</td><td>{_e(w.pinyin)}</td><td>{_e(w.meaning)}</td></tr>'
                   for n, w in enumerate(dictation, start=1))
    pairs = []
    number = 1
    for left, right in groups:
        letters = _letters(len(right))
        for w in left:
            pairs.append(f"{number}&nbsp;–&nbsp;{letters[right.index(w)]}")
            number += 1
    return (
        '<section class="section key" id="answer-key"><h2>Answer key</h2>'
        "<h3>Add the tone marks</h3>"
        f'<table><tbody>{tones}</tbody></table>'
        "<h3>Dictation (in the order the words are played)</h3>"
        f"<table><tbody>{said}</tbody></table>"
        "<h3>Matching</h3>"
        f'<p>{", ".join(pairs)}</p></section>'
    )


def worksheet_html(lesson: Lesson, paper: str = "a4") -> str:
    """The whole worksheet for `lesson` as one HTML document; `paper` is "a4" or "letter"."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    dictation = dictation_order(lesson)
    groups = matching_groups(lesson.words, f"{lesson.id}:matching")
    body = (_vocabulary(lesson) + _tone_marks(lesson) + _dictation(lesson, dictation) + _matching(groups)
            + _key(lesson, dictation, groups))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(lesson.title)} · worksheet</title>"
        f"<style>{_css(paper)}</style></head>"
        f"<body>{body}</body></html>\n"
    )
