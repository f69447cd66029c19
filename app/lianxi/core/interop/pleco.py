"""Pleco flashcard text exports <-> lessons.

A card is `simplified[traditional]<TAB>pinyin<TAB>definition`, with numbered
pinyin (`ni3hao3`); lines starting with `//` are categories (they become tags).
Pleco marks parts of speech in a definition ("noun library"); a learner's card
needs the meaning alone, so the label goes. A card has one pinyin, so a word's
other readings ride at the end of its definition, as Pleco shows them and
read_pleco reads them back: "links a verb to its result | dé: to obtain | děi: must".
Pure: bytes in, text out. Must never import storage, UI or audio.
"""

from __future__ import annotations

import re

from lianxi.core.interop.common import (
    READINGS_SEPARATOR, Imported, clean_field, decode_export, finish, note_to_word, one_line, readings_from_text,
    readings_text,
)
from lianxi.core.lesson_writer import LessonDraft, WordDraft, lesson_id_for
from lianxi.core.lessons import Lesson, LessonError, LessonProblems
from lianxi.core.lexicon import EMPTY, Lexicon

_PLECO_HEADWORD = re.compile(r"^(?P<simplified>[^\[\]]+?)(?:\[(?P<traditional>[^\[\]]+)\])?$")

# Pleco's part-of-speech labels, longest first so "auxiliary verb" wins over "verb".
_PARTS_OF_SPEECH = sorted((
    "noun", "verb", "adjective", "adverb", "pronoun", "preposition", "conjunction", "particle",
    "numeral", "number", "interjection", "onomatopoeia", "measure word", "classifier", "auxiliary verb",
    "modal verb", "verb complement", "directional complement", "place word", "time word", "prefix",
    "suffix", "idiom", "set phrase", "abbreviation", "bound form", "bound morpheme", "proper noun",
    "expression", "phrase",
), key=len, reverse=True)
_LABEL = re.compile(r"^(?:" + "|".join(re.escape(p) for p in _PARTS_OF_SPEECH) + r")\b[\s:.,]*", re.I)
# a label Pleco wrapped in its private-use formatting codes: "\ueab1noun\ueab2 son"
_MARKED = re.compile(r"[\ue000-\uf8ff]+\s*(?:" + "|".join(re.escape(p) for p in _PARTS_OF_SPEECH)
                     + r")\s*[\ue000-\uf8ff]+", re.I)
_SENSE_NUMBER = re.compile(r"(?:^|\s)(\d{1,2})\s+(?=\S)")
# "measure word for books", "noun phrase" are meanings, not a label and a meaning
_NOT_A_LABEL_AFTER = {"for", "of", "used", "phrase", "suffix", "form", "clause", "word", "particle"}


def _drop_label(sense: str) -> str:
    m = _LABEL.match(sense)
    if not m:
        return sense
    rest = sense[m.end():].strip()
    following = rest.split(" ", 1)[0].lower() if rest else ""
    if not rest or following in _NOT_A_LABEL_AFTER:
        return sense
    return rest


def _numbered_senses(text: str) -> list[str]:
    """"1 noun library 2 verb borrow" -> ["noun library", "verb borrow"] when the numbers run 1, 2, 3..."""
    marks = list(_SENSE_NUMBER.finditer(text))
    numbers = [int(m.group(1)) for m in marks]
    if len(marks) < 2 or marks[0].start() != 0 or numbers != list(range(1, len(marks) + 1)):
        return [text]
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [text[m.end():end].strip() for m, end in zip(marks, ends)]


def pleco_definition(raw: str) -> str:
    """A Pleco definition as glosses joined by "; ", without part-of-speech labels or formatting codes."""
    unmarked = _MARKED.sub(" ", raw)
    text = clean_field(unmarked, as_html=False)
    senses = []
    for part in text.split(";"):
        for sense in _numbered_senses(part.strip()):
            sense = _drop_label(sense.strip())
            if sense:
                senses.append(sense)
    return "; ".join(senses)


def read_pleco(data: bytes, source: str, *, title: str | None = None, lesson_id: str | None = None,
               level: str = "Imported", default_title: str = "Imported from Pleco", skip_bad: bool = False,
               lexicon: Lexicon = EMPTY) -> Imported:
    """A Pleco flashcard text export -> a lesson; `//` categories become tags.

    Cards that cannot become words stop the import (BadNotes, each named) unless `skip_bad`.
    """
    text = decode_export(data, source)
    bad: list[LessonError] = []
    words: list[WordDraft] = []
    category = ""
    first_category = ""
    cards = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        row = raw.rstrip("\r")
        if not row.strip():
            continue
        if row.lstrip().startswith("//"):
            category = row.lstrip()[2:].strip()
            first_category = first_category or category
            continue
        cards += 1
        parts = row.split("\t")
        if len(parts) != 3:
            bad.append(LessonError(
                source, number, "columns",
                f"has {len(parts)} column(s); Pleco cards are hanzi<TAB>pinyin<TAB>definition "
                "(export from Pleco with Flashcards > Export, as text)",
            ))
            continue
        head, pinyin = (clean_field(p, as_html=False) for p in parts[:2])
        m = _PLECO_HEADWORD.match(head)
        if not m:
            bad.append(LessonError(source, number, "hanzi",
                                   f"{head!r} is not like 简体[繁體]: write the simplified form, then the traditional in [ ]"))
            continue
        simplified, traditional = m.group("simplified").strip(), (m.group("traditional") or "").strip()
        if not pinyin:
            bad.append(LessonError(source, number, "pinyin", f"the pinyin of {simplified} is empty"))
            continue
        definition, _, readings = parts[2].partition("|")
        if not readings or readings_from_text(readings) is None:  # a "|" of Pleco's own: all definition
            definition, readings = parts[2], ""
        values = {"hanzi": simplified, "traditional": traditional, "pinyin": pinyin,
                  "english": pleco_definition(definition), "other_readings": clean_field(readings, as_html=False)}
        word = note_to_word(values, number, source, [category] if category else [], lexicon)
        if isinstance(word, LessonError):
            bad.append(word)
        else:
            words.append(word)
    if not cards:
        raise LessonProblems([LessonError(source, 1, "words", "has no cards: export some flashcards from Pleco as text")])
    title = title or first_category.split("/")[-1].strip() or default_title
    draft = LessonDraft(
        id=lesson_id or lesson_id_for(title), title=title, level=level, words=words,
        comment=f"Imported from the Pleco export {source} by `lianxi lessons import-pleco`.",
    )
    return finish(draft, source, [], bad, skip_bad, what="card", lexicon=lexicon)


def pleco_text(lesson: Lesson) -> str:
    """The lesson as a Pleco flashcard text file (Pleco's Import Cards reads it; so does read_pleco).

    Every field is one line without tabs, so no text can add a card or a category.
    """
    lines = [f"// {one_line(lesson.title)}"]
    for w in lesson.words:
        hanzi, traditional = one_line(w.hanzi), one_line(w.traditional)
        head = f"{hanzi}[{traditional}]" if traditional and traditional != hanzi else hanzi
        definition = one_line("; ".join(w.english))
        if w.other_readings:
            definition += READINGS_SEPARATOR + readings_text(w)
        lines.append(f"{head}\t{''.join(s.numbered for s in w.syllables)}\t{definition}")
    return "\n".join(lines) + "\n"
