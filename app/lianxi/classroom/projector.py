"""A lesson -> the projector page: one self-contained HTML file a tutor opens in any browser.

The same rounds as the terminal classroom (words, tone pairs with how they are
said, listening with four choices, dictation in the worksheet's order), the
same keys, buttons for a clicker or a touch screen, each word's audio embedded,
and a stroke-order animation. A word with several readings (得 de, dé, děi)
shows all of them, each meaning on its own line after its pinyin; the audio
and the tone pairs are the main (first) reading's. Hanzi fill most of the screen. The orders are
fixed here from a seed, so `--seed` gives the same class again.

Lesson text reaches the page only as JSON inside a <script type="application/json">
element (with <, >, & escaped) that the page's script puts on screen as text
(textContent, never innerHTML); the <title> is HTML-escaped. A Content-Security-
Policy forbids loading anything from outside. Pure: audio bytes and stroke data
are handed in. Must never import storage, audio, UI or study.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lianxi.classroom.page import (
    LATIN_FONTS, TONE_COLOURS, cjk_fonts, command_word, e, lang, meaning, pinyin_spans, script_json, shown_hanzi,
    shown_readings,
)
from lianxi.classroom.projector_assets import PROJECTOR_CSS, PROJECTOR_JS
from lianxi.classroom.strokes_svg import animation_data
from lianxi.core.classroom import dictation_order, listening_questions, shuffled, tone_pairs
from lianxi.core.hanzi import is_hanzi
from lianxi.core.lessons import Lesson
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.strokes import CharacterStrokes

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "media-src data:; img-src data:; font-src 'none'; connect-src 'none'; form-action 'none'")


@dataclass(frozen=True, slots=True)
class ProjectorOptions:
    seed: int
    traditional: bool = False
    # words the spoken forms know (core.sandhi.spoken_form, the one rule for "how is it said"); study
    # passes the bundled one, so the page's "said as" is what the speech says
    lexicon: Lexicon = EMPTY
    # how the tutor named the lesson on the command line (a file path or an id), for "the same order
    # again"; a lesson file that was never imported has no id `lianxi class` knows
    lesson_ref: str = ""


def tone_label(tones: Sequence[int]) -> str:
    return " + ".join("neutral" if t == 5 else str(t) for t in tones)


def page_characters(lesson: Lesson, traditional: bool) -> str:
    """Every character the page can animate: the hanzi shown for each word."""
    return "".join(dict.fromkeys(ch for w in lesson.words for ch in shown_hanzi(w, traditional) if is_hanzi(ch)))


def lesson_data(lesson: Lesson, options: ProjectorOptions,
                strokes: Mapping[str, CharacterStrokes | None]) -> dict:
    """Everything the page's script needs, as plain data (the orders of every round included)."""
    t = options.traditional
    index = {w.key: i for i, w in enumerate(lesson.words)}
    words = [{"h": shown_hanzi(w, t), "p": w.pinyin, "s": pinyin_spans(w.pinyin), "m": meaning(w)}
             for w in lesson.words]
    for word, shown in zip(lesson.words, words):
        if word.other_readings:  # 得 de / dé / děi: every reading with its own meaning ("r")
            shown["r"] = [{"s": pinyin_spans(r.pinyin), "m": r.meaning, "h": r.hanzi}
                          for r in shown_readings(word, t)]
    seed = options.seed
    rounds = {
        "words": [index[w.key] for w in shuffled(lesson.words, f"{seed}:words")],
        "tones": [{"w": index[p.word.key], "tones": tone_label(p.tones),
                   "said": tone_label(p.spoken) if p.spoken != p.tones else None}
                  for p in tone_pairs(lesson, f"{seed}:tones", lexicon=options.lexicon)],
        "listen": [{"w": index[q.word.key], "o": [index[o.key] for o in q.options], "a": q.answer}
                   for q in listening_questions(lesson, f"{seed}:listen")],
        "dictation": [index[w.key] for w in dictation_order(lesson)],
    }
    return {
        "title": lesson.title, "level": lesson.level, "id": lesson.id, "seed": seed, "lang": lang(t),
        "ref": command_word(options.lesson_ref or lesson.id),
        "traditional": t, "words": words, "rounds": rounds, "colours": list(TONE_COLOURS),
        "strokes": animation_data({ch: strokes.get(ch) for ch in page_characters(lesson, t)}),
    }


def _audio_elements(audio: Sequence[bytes | None]) -> str:
    out = []
    for i, wav in enumerate(audio):
        if wav:
            source = "data:audio/wav;base64," + base64.b64encode(wav).decode("ascii")
            out.append(f'<audio id="audio-{i}" class="word-audio" preload="auto" src="{source}"></audio>')
    return "".join(out)


def projector_html(lesson: Lesson, options: ProjectorOptions, audio: Sequence[bytes | None] = (),
                   strokes: Mapping[str, CharacterStrokes | None] | None = None) -> str:
    """The projector page. `audio[i]` is word i's WAV (None or missing: that word has no sound)."""
    data = lesson_data(lesson, options, strokes or {})
    css = PROJECTOR_CSS.replace("__CJK__", cjk_fonts(options.traditional)).replace("__LATIN__", LATIN_FONTS)
    for tone, colour in enumerate(TONE_COLOURS, start=1):
        css = css.replace(f"__T{tone}__", colour)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(lesson.title)} · Lianxi class</title>"
        f"<style>{css}</style></head><body>"
        '<header id="status"><span id="where"></span><span id="round"></span></header>'
        '<main id="stage">'
        f'<div id="hanzi" lang="{lang(options.traditional)}"></div>'
        f'<div id="options" lang="{lang(options.traditional)}"></div>'
        f'<div id="strokes" lang="{lang(options.traditional)}" hidden></div>'
        '<div id="pinyin"></div><div id="meaning"></div><div id="hint"></div>'
        "</main>"
        '<nav id="buttons">'
        '<button id="b-prev" data-key="ArrowLeft" title="previous (← or b)">←</button>'
        '<button id="b-reveal" data-key=" " title="reveal (space)">Reveal</button>'
        '<button id="b-play" data-key="p" title="play (p)">Play</button>'
        '<button id="b-next" data-key="ArrowRight" title="next (→ or n)">→</button>'
        '<button id="b-strokes" data-key="s" title="stroke order (s)">Strokes</button>'
        '<span class="gap"></span>'
        '<button id="b-words" data-key="w" title="words round (w)">Words</button>'
        '<button id="b-tones" data-key="t" title="tone pairs round (t)">Tones</button>'
        '<button id="b-listen" data-key="l" title="listening round (l)">Listen</button>'
        '<button id="b-dictation" data-key="d" title="dictation round (d)">Dictation</button>'
        '<button id="b-help" data-key="?" title="help (?)">?</button>'
        "</nav>"
        '<div id="help" hidden><div class="box"><h2>Keys</h2><table id="keys"></table>'
        '<p id="about"></p><p class="small">Close: ? or Esc. Nothing about anyone is recorded.</p></div></div>'
        f"{_audio_elements(audio)}"
        f'<script type="application/json" id="lesson">{script_json(data)}</script>'
        f"<script>{PROJECTOR_JS}</script>"
        "</body></html>\n"
    )
