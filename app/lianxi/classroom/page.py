"""What the projector page and the worksheet share: escaping, fonts, tone colours, which hanzi.

Pure. Must never import storage, audio, UI or study.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from lianxi.core.glosses import clean_sense, has_markup
from lianxi.core.lessons import Word
from lianxi.core.pinyin import PinyinError, tone_spans

# System fonts only (nothing is loaded from outside): whichever CJK font the machine has.
CJK_FONTS = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", '
             '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", '
             '"Noto Serif CJK SC", "SimSun", "AR PL UMing CN", sans-serif')
CJK_FONTS_TRADITIONAL = ('"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", '
                         '"Microsoft JhengHei", "Noto Sans CJK SC", "Noto Serif CJK TC", "AR PL UMing TW", '
                         "sans-serif")
LATIN_FONTS = '"DejaVu Sans", "Liberation Sans", "Noto Sans", Arial, Helvetica'

# Tone 1 red, 2 orange, 3 green, 4 blue, neutral grey: the app's palette, a shade darker so that
# it holds on white paper and on a washed-out projector. Every syllable keeps its tone mark.
TONE_COLOURS = ("#d32f2f", "#e65100", "#2e7d32", "#1565c0", "#757575")


def e(text: str) -> str:
    """Lesson text for HTML: every <, >, &, quote escaped."""
    return escape(text, quote=True)


def script_json(value) -> str:
    """JSON safe inside <script type="application/json">: no text can close the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def command_word(text: str) -> str:
    """A lesson reference (a file or an id) as a tutor types it again in a shell: quoted only when it must be."""
    return shlex.quote(text)


def shown_hanzi(word: Word, traditional: bool) -> str:
    """The hanzi a class reads: the lesson's traditional form when asked for and given."""
    return (word.traditional or word.hanzi) if traditional else word.hanzi


def lang(traditional: bool) -> str:
    return "zh-Hant" if traditional else "zh-Hans"


def cjk_fonts(traditional: bool) -> str:
    return CJK_FONTS_TRADITIONAL if traditional else CJK_FONTS


def meaning(word: Word) -> str:
    """The meaning of the word's main reading as a tutor shows it (see `glosses_shown`)."""
    return glosses_shown(word.english)


def glosses_shown(english: Sequence[str]) -> str:
    """Glosses as a tutor shows them: the lesson's glosses without CC-CEDICT markup, joined.

    A gloss that still shows CC-CEDICT markup (core.glosses.has_markup) goes through
    core.glosses' cleaning, the one rule; a gloss that only points elsewhere
    ("variant of ...", "CL:...") goes. A plain gloss is shown as the tutor wrote
    it. Only when nothing at all is left are the glosses shown as written.
    """
    return "; ".join(_glosses(english))


def first_gloss(english: Sequence[str]) -> str:
    """The first gloss a tutor would show (see `glosses_shown`): a short cue to which word is meant."""
    return next(iter(_glosses(english)), "")


def _glosses(english: Sequence[str]) -> list[str]:
    cleaned = [g for gloss in english for g in (clean_sense(gloss) if has_markup(gloss) else (gloss,))]
    return list(dict.fromkeys(cleaned or english))


@dataclass(frozen=True, slots=True)
class ShownReading:
    """One reading of a word as a class sees it: its pinyin, its meaning, its own spelling if it has one."""

    pinyin: str
    meaning: str
    hanzi: str = ""  # only when this reading is written differently from the hanzi shown (只 zhī: 隻)


def shown_readings(word: Word, traditional: bool = False) -> list[ShownReading]:
    """Every reading the lesson teaches for the word, the main one (the one spoken) first.

    A word with one reading gives one; 得 gives de, dé and děi, each with its meaning.
    In a traditional class a reading with its own traditional spelling names it.
    """
    shown = shown_hanzi(word, traditional)
    out = []
    for index, reading in enumerate(word.readings):
        own = reading.traditional if traditional and index and reading.traditional else ""
        out.append(ShownReading(reading.pinyin, glosses_shown(reading.english), own if own != shown else ""))
    return out


def pinyin_spans(pinyin: str) -> list[tuple[str, int | None]]:
    """(chunk, tone) pieces of pinyin as written; tone None for spaces and anything not pinyin."""
    try:
        return tone_spans(pinyin)
    except PinyinError:
        return [(pinyin, None)]


def coloured_pinyin_html(pinyin: str) -> str:
    """Pinyin with each syllable in its tone's colour (class t1..t5), escaped."""
    out = []
    for chunk, tone in pinyin_spans(pinyin):
        out.append(f'<span class="t{tone}">{e(chunk)}</span>' if tone else e(chunk))
    return "".join(out)


def tone_css() -> str:
    return "".join(f".t{n} {{ color: {colour}; }}\n" for n, colour in enumerate(TONE_COLOURS, start=1))
