"""Each word of a lesson file ([[words]]) checked field by field: hanzi, pinyin, english,
the optional fields, tags and other readings; every problem named on its own line."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lianxi.core.lesson_pinyin import PinyinProblem, display_pinyin, latin_parts, read_word_pinyin
from lianxi.core.hanzi import count_hanzi
from lianxi.core.lessons import READING_FIELDS, REQUIRED_WORD_FIELDS, WORD_FIELDS, Reading, Word
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.pinyin import PinyinError, Syllable, parse

if TYPE_CHECKING:
    from lianxi.core.lesson_file import LessonLines


def unknown_field(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "remove it"
    return f"unknown field '{name}': {hint} (allowed: {', '.join(known)})"


def text_value(value, allow_empty: bool = False) -> str | None:
    if isinstance(value, str) and (allow_empty or value.strip()):
        return value.strip()
    return None


def read_word(raw: dict, index: int, lines: LessonLines, problem, lexicon: Lexicon = EMPTY) -> Word | None:
    header = lines.of_word(index)
    at = lambda name: lines.of_word(index, name)  # noqa: E731
    ok = True
    for name in raw:
        if name not in WORD_FIELDS:
            problem(at(name), name, unknown_field(name, WORD_FIELDS))
            ok = False
    for name in REQUIRED_WORD_FIELDS:
        if name not in raw:
            problem(header, name, f"is missing in this word: add {name} = \"...\" under [[words]]")
            ok = False

    hanzi = text_value(raw.get("hanzi"))
    if "hanzi" in raw:
        # A word may hold Latin letters or digits (卡拉OK, T恤), or be only those (3D).
        if hanzi is None or not (count_hanzi(hanzi) or latin_parts(hanzi)):
            problem(at("hanzi"), "hanzi", f"{raw.get('hanzi')!r} has no Chinese characters: write the word in hanzi, like \"你好\"")
            ok = False

    syllables: tuple[Syllable, ...] = ()
    pinyin_text = raw.get("pinyin")
    if "pinyin" in raw:
        if text_value(pinyin_text) is None and not (hanzi and not count_hanzi(hanzi) and isinstance(pinyin_text, str)):
            problem(at("pinyin"), "pinyin", "must be text in quotes, like \"nǐ hǎo\" or \"ni3 hao3\"")
            ok = False
        else:
            try:
                syllables = read_word_pinyin(hanzi or "", pinyin_text, lexicon)
                display = display_pinyin(pinyin_text, hanzi or "")
            except (PinyinProblem, PinyinError) as exc:
                problem(at("pinyin"), "pinyin", str(exc))
                ok = False

    glosses: tuple[str, ...] = ()
    if "english" in raw:
        found = _glosses(raw.get("english"))
        if found is not None:
            glosses = found
        else:
            problem(at("english"), "english", 'must be text or a list of texts, like "hello" or ["hello", "hi"]')
            ok = False

    extras: dict[str, str] = {}
    for name in ("traditional", "measure_word", "example", "example_pinyin", "example_english", "note"):
        if name in raw:
            value = text_value(raw[name], allow_empty=True)
            if value is None:
                problem(at(name), name, 'must be text in quotes, like "..."')
                ok = False
            else:
                extras[name] = value
    if extras.get("example_pinyin"):
        try:
            parse(extras["example_pinyin"])
        except PinyinError as exc:
            problem(at("example_pinyin"), "example_pinyin", str(exc))
            ok = False
    tags = raw.get("tags", [])
    if not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        problem(at("tags"), "tags", 'must be a list of texts, like ["food", "verbs"]')
        ok = False
    others = (_other_readings(raw, hanzi, syllables, at("other_readings"), lambda n: lines.of_reading(index, n),
                              problem, lexicon) if "other_readings" in raw else ())
    if others is None:
        ok, others = False, ()

    if not ok:
        return None
    return Word(
        key=hanzi, hanzi=hanzi, pinyin=display, syllables=syllables, english=glosses,
        tags=tuple(t.strip() for t in tags if t.strip()), line=header, other_readings=others, **extras,
    )


_READING_EXAMPLE = '[{ pinyin = "zhǎng", english = ["to grow"] }]'


def _glosses(value) -> tuple[str, ...] | None:
    if isinstance(value, str) and value.strip():
        return tuple(g.strip() for g in value.split(";") if g.strip())
    if isinstance(value, list) and value and all(isinstance(g, str) and g.strip() for g in value):
        return tuple(g.strip() for g in value)
    return None


def _other_readings(raw: dict, hanzi: str | None, main: tuple[Syllable, ...], line: int, line_of,
                    problem, lexicon: Lexicon = EMPTY) -> tuple[Reading, ...] | None:
    """The word's other readings (`other_readings = [{ pinyin = ..., english = ... }, ...]`), or None.

    Each reading's pinyin is checked by the same rules as the word's own (tones written, one
    style, one syllable per character), and a problem is named on that reading's own line.
    """
    items = raw["other_readings"]
    if not (isinstance(items, list) and items and all(isinstance(i, dict) for i in items)):
        problem(line, "other_readings", f"must be a list of readings, each with pinyin and english, like {_READING_EXAMPLE}")
        return None
    out: list[Reading] = []
    seen = {tuple(main)}
    ok = True
    for number, item in enumerate(items, start=1):
        where = f"reading {number}"
        line = line_of(number)
        unknown = [name for name in item if name not in READING_FIELDS]
        for name in unknown:
            problem(line, "other_readings", f"{where}: {unknown_field(name, READING_FIELDS)}")
        missing = [name for name in ("pinyin", "english") if name not in item]
        for name in missing:
            problem(line, "other_readings", f"{where}: add its {name}, like {_READING_EXAMPLE}")
        if unknown or missing:
            ok = False
            continue
        text = text_value(item["pinyin"])
        english = _glosses(item["english"])
        traditional = text_value(item.get("traditional", ""), allow_empty=True)
        if english is None:
            problem(line, "other_readings", f'{where}: english must be text or a list of texts, like ["to grow"]')
            ok = False
        if traditional is None:
            problem(line, "other_readings", f'{where}: traditional must be text in quotes, like "長"')
            ok = False
        if not text:
            problem(line, "other_readings", f'{where}: pinyin must be text in quotes, like "zhǎng"')
            ok = False
            continue
        try:
            syllables = read_word_pinyin(hanzi or "", text, lexicon)
            display = display_pinyin(text, hanzi or "")
        except (PinyinProblem, PinyinError) as exc:
            problem(line, "other_readings", f"{where}: {exc}")
            ok = False
            continue
        if syllables in seen:
            problem(line, "other_readings",
                    f"{where}: {display} is already a reading of this word: remove it or give another reading")
            ok = False
            continue
        seen.add(syllables)
        if english is not None and traditional is not None:
            out.append(Reading(display, syllables, english, traditional))
    return tuple(out) if ok else None
