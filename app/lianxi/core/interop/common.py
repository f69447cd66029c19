"""What Anki and Pleco imports share: decoding, cleaning a field, a note -> a word, all or nothing.

Pure: bytes and text in, drafts and lessons out. Must never import storage, UI or audio.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lianxi.core.lesson_writer import LessonDraft, WordDraft, checked_lesson, reading_check
from lianxi.core.lesson_file import decode_utf8
from lianxi.core.lesson_pinyin import display_pinyin
from lianxi.core.hanzi import count_hanzi
from lianxi.core.lessons import LESSON_FIELDS, Lesson, LessonError, LessonProblems, Word
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.hanzi import hanzi_reading
from lianxi.core.pinyin import PinyinError, parse
from lianxi.core.sandhi import dictionary_reading


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import gives: the lesson file's text, its Lesson, readings to check, notes skipped."""

    text: str
    lesson: Lesson
    checks: tuple[tuple[str, str], ...]  # (hanzi, why) for pinyin we filled in ourselves
    skipped: tuple[LessonError, ...] = ()  # notes that could not become words (only with skip_bad)


class BadNotes(LessonProblems):
    """Some notes cannot become words; nothing was imported. `importable` notes could be, with --skip-bad."""

    def __init__(self, errors: Sequence[LessonError], importable: int):
        super().__init__(errors)
        self.importable = importable


# -- reading bytes --------------------------------------------------------------------------


def decode_export(data: bytes, source: str) -> str:
    """UTF-8 (or UTF-16 with its BOM) text, NFC; a line in another encoding is named."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise LessonProblems([LessonError(source, 1, "file", "is damaged UTF-16 text: export it again as UTF-8")]) from None
    else:
        text = decode_utf8(
            data, source,
            "this line is not UTF-8 text (the file mixes encodings, or was saved as GBK/Big5): "
            "export it again, or open it in an editor and Save As with Encoding: UTF-8",
        )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise LessonProblems([LessonError(source, line, "file",
                                          "holds NUL bytes (UTF-16 without a BOM?): save it again as UTF-8")])
    return unicodedata.normalize("NFC", text)


_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br|/div|/p|/li)\s*/?>", re.I)
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_PRIVATE = re.compile("[\ue000-\uf8ff]")  # Pleco's formatting codes
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# a field wrapped whole in quotes: "hello" or “hello” (Anki's own quoting is undone by the csv reader)
_QUOTED = re.compile(r'^(?:"(?P<a>[^"]*)"|“(?P<b>[^“”]*)”)$')


def clean_field(value: str, as_html: bool) -> str:
    """One line of plain text: no HTML, sound references, formatting codes, controls or enclosing quotes."""
    value = _SOUND.sub("", value)
    if as_html:
        value = _BREAK.sub("; ", value)
        value = html.unescape(_TAG.sub("", value))
    value = _PRIVATE.sub("", value).replace("\u00a0", " ")
    value = _CONTROLS.sub(" ", value)
    value = re.sub(r"\s+", " ", value).strip().strip(";").strip()
    quoted = _QUOTED.match(value)
    if quoted:
        value = (quoted.group("a") if quoted.group("a") is not None else quoted.group("b")).strip()
    return value


def one_line(text: str) -> str:
    """Text for one field of a line-based export: no tabs, line breaks or other control characters."""
    return re.sub(r"\s+", " ", _CONTROLS.sub(" ", text)).strip()


def glosses(value: str) -> list[str]:
    return [g.strip() for g in value.split(";") if g.strip()]


# -- other readings as one text field ------------------------------------------------------------
# A line-based export has no place for a list of readings, so they travel as one field:
# "dé: to obtain; to get | děi: must", a reading with its own spelling as "zhī[隻]: classifier for birds".
READINGS_SEPARATOR = " | "
READINGS_EXAMPLE = "dé: to obtain; to get | děi: must"
_READING_TEXT = re.compile(r"^(?P<pinyin>[^:\[\]|]+?)\s*(?:\[(?P<traditional>[^\[\]]+)\])?\s*:\s*(?P<english>.+)$")


def readings_text(word: Word) -> str:
    """The word's other readings as one line of text ("" when it has none); `readings_from_text` reads it back."""
    parts = []
    for reading in word.other_readings:
        spelling = f"[{one_line(reading.traditional)}]" if reading.traditional else ""
        parts.append(f"{one_line(reading.pinyin)}{spelling}: {one_line('; '.join(reading.english))}")
    return READINGS_SEPARATOR.join(parts)


def readings_from_text(value: str) -> list[dict] | None:
    """"dé: to obtain; to get | děi: must" -> [{"pinyin": "dé", "english": [...]}, ...]; None if it is not that."""
    out = []
    for part in value.split("|"):
        if not part.strip():
            continue
        m = _READING_TEXT.match(part.strip())
        if not m or not glosses(m.group("english")):
            return None
        try:
            parse(m.group("pinyin"))
        except PinyinError:
            return None
        reading = {"pinyin": _pinyin_for_lesson(m.group("pinyin").strip()), "english": glosses(m.group("english"))}
        if m.group("traditional"):
            reading["traditional"] = m.group("traditional").strip()
        out.append(reading)
    return out or None


def toned_pinyin(value: str) -> bool:
    """Pinyin with at least one written tone (so "long" or "he" in English do not count)."""
    if not value or count_hanzi(value):
        return False
    try:
        syllables = parse(value)
    except PinyinError:
        return False
    return bool(syllables) and any(s.tone != 5 for s in syllables)


def pinyin_letters(value: str) -> bool:
    """Text that reads as pinyin syllables, with or without tones ("mian tiao", "nǐ hǎo")."""
    if not value or count_hanzi(value):
        return False
    try:
        return bool(parse(_PUNCTUATION.sub(" ", value)))
    except PinyinError:
        return False


def _pinyin_for_lesson(value: str) -> str:
    """Tone marks for a learner to read; left as written if it cannot be read (the check says why)."""
    try:
        return display_pinyin(value)
    except PinyinError:
        return value


_PUNCTUATION = re.compile(r"[,.!?;:，。！？；：、…\"“”‘’()（）]+")
_CLOZE = re.compile(r"\{\{c\d+::")


def is_cloze(value: str) -> bool:
    return bool(_CLOZE.search(value))


def note_to_word(values: dict[str, str], line: int, source: str, extra_tags: Sequence[str],
                 lexicon: Lexicon = EMPTY) -> WordDraft | LessonError:
    """One note's fields (by role) -> a word draft, or the reason it cannot be one.

    A note without pinyin gets the dictionary's reading of the whole word from `lexicon`
    (谢谢 xièxie, 哪儿 nǎr), marked CHECK for a person to look at.
    """
    hanzi = values.get("hanzi", "")
    if any(_CLOZE.search(v) for v in values.values()) or "cloze" in values.get("notetype", "").lower():
        return LessonError(source, line, "note", "is a Cloze note (a sentence with gaps), not a word with a meaning: "
                                                 "it cannot become a word")
    if not count_hanzi(hanzi):
        what = f"{hanzi!r} has no Chinese characters" if hanzi else "is empty"
        return LessonError(source, line, "hanzi", f"{what}: every note needs the word in hanzi")
    english = glosses(values.get("english", ""))
    if not english:
        return LessonError(source, line, "english", f"the meaning of {hanzi} is empty: every note needs one")
    pinyin = _PUNCTUATION.sub(" ", values.get("pinyin", "")).strip()
    check = ""
    if not pinyin:
        # a deck without pinyin: fill it in, and ask a person to look
        try:
            syllables = dictionary_reading(hanzi, lexicon=lexicon) if lexicon else hanzi_reading(hanzi)
        except PinyinError as exc:
            return LessonError(source, line, "pinyin", str(exc))
        pinyin = " ".join(s.marked for s in syllables)
        check = reading_check(hanzi, " ".join(s.numbered for s in syllables), []) or "CHECK reading: filled in by Lianxi"
    other_readings: list[dict] = []
    if values.get("other_readings"):
        other_readings = readings_from_text(values["other_readings"]) or []
        if not other_readings:
            return LessonError(source, line, "other_readings",
                               f"{values['other_readings'][:60]!r} is not a list of readings: write each as pinyin, "
                               f"a colon and its meaning, with | between readings, like {READINGS_EXAMPLE!r}")
    tags = [t for t in values.get("anki_tags", "").split() + list(extra_tags) if t]
    tags += [t.strip() for t in values.get("tags", "").split(",") if t.strip()]
    return WordDraft(
        hanzi=hanzi, pinyin=_pinyin_for_lesson(pinyin), english=english,
        traditional=values.get("traditional", "") if values.get("traditional", "") != hanzi else "",
        measure_word=values.get("measure_word", ""), example=values.get("example", ""),
        example_pinyin=values.get("example_pinyin", ""), example_english=values.get("example_english", ""),
        note=values.get("note", ""), tags=list(dict.fromkeys(tags)), check=check, line=line,
        other_readings=other_readings,
    )


def _identity(word: WordDraft) -> tuple[str, str]:
    try:
        reading = " ".join(s.numbered.lower() for s in parse(word.pinyin))
    except PinyinError:
        reading = word.pinyin  # the lesson rules will say what is wrong with it
    return word.hanzi, reading


def without_duplicates(words: Sequence[WordDraft], source: str) -> tuple[list[WordDraft], list[LessonError]]:
    """The first note of each word (hanzi + reading) kept; each later one named as a bad note. Linear."""
    first: dict[tuple[str, str], int] = {}
    kept, bad = [], []
    for word in words:
        identity = _identity(word)
        if identity in first:
            bad.append(LessonError(source, word.line, "hanzi",
                                   f"{word.hanzi} ({word.pinyin}) is the same word as line {first[identity]}: "
                                   "keep one of them"))
        else:
            first[identity] = word.line
            kept.append(word)
    return kept, bad


_LESSON_LEVEL = frozenset(LESSON_FIELDS) - {"words"} | {"toml"}


def finish(draft: LessonDraft, source: str, fatal: list[LessonError], bad: list[LessonError],
           skip_bad: bool, checks: Sequence[tuple[str, str]] = (), what: str = "note",
           lexicon: Lexicon = EMPTY) -> Imported:
    """All problems together, or the lesson. Bad notes are skipped only when `skip_bad`.

    The words are also checked with the lesson rules (the file we write must
    validate, by the same rules: give the `lexicon` `lessons validate` uses); a word
    those rules refuse is a bad note like any other.
    """
    words, duplicates = without_duplicates(draft.words, source)
    bad = bad + duplicates
    if words:
        try:
            checked_lesson(replace(draft, words=words), source, lexicon)
        except LessonProblems as exc:
            fatal = fatal + [e for e in exc.errors if e.field in _LESSON_LEVEL]
            refused = [e for e in exc.errors if e.field not in _LESSON_LEVEL]
            bad = bad + refused
            lines = {e.line for e in refused}
            words = [w for w in words if w.line not in lines]
    bad.sort(key=lambda e: e.line)
    if fatal:
        raise LessonProblems(sorted(fatal + bad, key=lambda e: e.line))
    if not words:
        last = bad[-1].line if bad else 1
        raise LessonProblems(bad + [LessonError(source, last, "words", f"no {what} could become a word: nothing to import"
                                                if bad else f"has no {what}s to import")])
    if bad and not skip_bad:
        raise BadNotes(bad, len(words))
    text, lesson = checked_lesson(replace(draft, words=words), source, lexicon)
    kept = {w.hanzi for w in lesson.words}
    return Imported(text, lesson, tuple((h, why) for h, why in checks if h in kept), tuple(bad))
