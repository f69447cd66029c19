"""A lesson from a plain list of words (`lianxi lessons from-list`): readings, glosses, checks.

A tutor's list has one word per line, in simplified or traditional characters,
optionally a tab and the English. For each word we write what a teacher would:
  1. The dictionary's reading of the whole word, as CC-CEDICT writes it: neutral
     tones and erhua included (东西 dōngxi, 一点儿 yīdiǎnr), never a character-by-
     character guess. Only a word the dictionary lacks is read by pypinyin in context.
  2. When the dictionary has several everyday readings, the common word: the one
     the tutor's own English belongs to (长 "long" is cháng), else the one the
     bundled HSK course teaches (长 cháng, 教 jiāo; in its spelling: 台 臺), else the dictionary's everyday
     word (not a name, not only a cross-reference, not a rare use; a neutral tone
     after the first syllable marks the everyday word: 东西 dōngxi "thing", not
     dōngxī "east and west"). The other readings are named in a "# CHECK" comment.
  3. A traditional-character word is looked up as such and written in simplified,
     with its traditional form beside it.
  4. A word the HSK course teaches in that reading and spelling takes the course's
     reviewed English (干 gàn "to do", not CC-CEDICT's first sense "tree trunk"); CHECK
     lines name other readings by the course's meaning too (只 zhī "classifier for birds").
     Otherwise English from core.glosses (no dictionary markup; a single character keeps its
     classifier and grammar senses); an entry that only points elsewhere ("erhua
     variant of 一点") takes the glosses of the word it points to.
Pure: the dictionary and the course readings are passed in as functions. Must never
import storage, UI or audio.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from lianxi.core import glosses as gl
from lianxi.core.dictionary.readings import reading as dictionary_reading
from lianxi.core.lesson_writer import LessonDraft, WordDraft, checked_lesson, lesson_id_for, reading_check
from lianxi.core.hanzi import count_hanzi
from lianxi.core.lessons import Lesson, LessonError, LessonProblems
from lianxi.core.hanzi import hanzi_reading
from lianxi.core.pinyin import NEUTRAL, PinyinError, Syllable, to_marks


class DictionaryWord(NamedTuple):
    """One CC-CEDICT entry as from-list needs it."""

    traditional: str
    simplified: str
    reading: str  # as CC-CEDICT writes it: "dong1 xi5", "yi1 dian3 r5", "Wang2"
    senses: tuple[str, ...]

    @property
    def is_name(self) -> bool:
        return self.reading[:1].isupper()


MAX_ALTERNATIVES = 3  # other readings named in one CHECK line

# The dictionary: hanzi (simplified or traditional) -> the entries written that way.
Lookup = Callable[[str], Sequence[DictionaryWord]]
# The bundled course: simplified hanzi -> the numbered reading it teaches ("chang2"), or None.
CourseReading = Callable[[str], str | None]


class CourseWord(NamedTuple):
    """One reading of a word as the bundled HSK course teaches it, with its reviewed English."""

    reading: str  # numbered, as CourseReading gives it: "chang2", "yi1 dianr3"
    english: tuple[str, ...]
    traditional: str  # the traditional form this meaning belongs to (台 "platform" is 臺)


# The bundled course: simplified hanzi -> every reading it teaches, the main one first.
CourseWords = Callable[[str], Sequence[CourseWord]]


def _syllables(entry: DictionaryWord) -> tuple[Syllable, ...] | None:
    """The entry's reading as syllables, erhua joined; None when it is not all pinyin (3C)."""
    items = dictionary_reading(entry.reading)
    if not items or not all(isinstance(i, Syllable) for i in items):
        return None
    return tuple(items)


def _fits(syllables: Sequence[Syllable], hanzi: str) -> bool:
    return len(syllables) + sum(1 for s in syllables if s.erhua) == count_hanzi(hanzi)


def _everyday(entry: DictionaryWord) -> bool:
    senses = entry.senses
    return (not entry.is_name and bool(senses) and not gl.is_pointer(senses[0]) and not gl.is_rare(senses[0])
            and bool(gl.learner_glosses(senses)))


def _agreement(syllables: Sequence[Syllable], hanzi: str) -> int:
    try:
        guess = hanzi_reading(hanzi)
    except PinyinError:
        return 0
    return sum(1 for a, b in zip(syllables, guess) if a.base == b.base and a.tone == b.tone)


def _rank(entry: DictionaryWord, syllables: tuple[Syllable, ...], index: int, hanzi: str) -> tuple:
    neutral_later = sum(1 for s in syllables[1:] if s.tone == NEUTRAL)
    return (not _everyday(entry), entry.is_name, -neutral_later, -_agreement(syllables, hanzi), index)


def _first_gloss(entry: DictionaryWord, longest: int = 30) -> str:
    """The entry's first gloss, cut at a word to fit a CHECK line."""
    found = gl.learner_glosses(entry.senses, 1)
    gloss = found[0] if found else ""
    return gloss if len(gloss) <= longest else gloss[:longest].rsplit(" ", 1)[0] + " …"


def _meaning(entry: DictionaryWord, syllables: Sequence[Syllable], taught: CourseWords | None,
             alone: bool = False, longest: int = 30) -> str:
    """The first meaning for a CHECK line: the course's for that reading (只 zhī "classifier for
    birds", not the rare 只 zhī entry), else the dictionary's. `alone`: any spelling will do."""
    for word in taught(entry.simplified) if taught else ():
        if word.reading == _numbered(syllables) and word.english and (
                alone or (word.traditional or entry.simplified) == entry.traditional):
            gloss = word.english[0]
            return gloss if len(gloss) <= longest else gloss[:longest].rsplit(" ", 1)[0] + " …"
    return _first_gloss(entry, longest)


def _wanted(glosses: Sequence[str]) -> set[str]:
    return {g.lower().removeprefix("to ").strip() for g in glosses}


def _numbered(syllables: Sequence[Syllable]) -> str:
    return " ".join(s.numbered for s in syllables)


def taught_as(taught: CourseWords | None, entry: DictionaryWord, syllables: Sequence[Syllable],
              ) -> CourseWord | None:
    """The course's word for this entry read this way: same reading, same traditional form."""
    for word in taught(entry.simplified) if taught else ():
        if word.reading == _numbered(syllables) and (word.traditional or entry.simplified) == entry.traditional:
            return word
    return None


def choose(hanzi: str, entries: Sequence[DictionaryWord], glosses: Sequence[str] = (),
           course: CourseReading | None = None, words_taught: CourseWords | None = None,
           ) -> tuple[DictionaryWord, tuple[Syllable, ...], str] | None:
    """(entry, its syllables, a CHECK note or "") for a word of the list, or None when the dictionary lacks it."""
    readable = [(e, s, i) for i, e in enumerate(entries) if (s := _syllables(e)) and _fits(s, hanzi)]
    if not readable:
        return None
    wanted = _wanted(glosses)
    by_gloss = [c for c in readable if wanted & _wanted(gl.glosses_of(c[0].senses))] if wanted else []
    simplified = readable[0][0].simplified
    taught = course(simplified) if course else None
    by_course = [c for c in readable if _numbered(c[1]) == taught] if taught else []
    # the course's spelling too: 台 "platform; classifier for machines" is 臺, not 檯 "desk"
    by_course = [c for c in by_course if taught_as(words_taught, c[0], c[1])] or by_course
    best = min(by_gloss or by_course or readable, key=lambda c: _rank(c[0], c[1], c[2], hanzi))
    entry, syllables, _ = best
    # several everyday readings: name the others so the tutor can choose
    others: dict[tuple[Syllable, ...], DictionaryWord] = {}
    for e, s, _ in readable:
        if s != syllables and _everyday(e) and s not in others:
            others[s] = e
    check = ""
    if others:
        chosen = f"{to_marks(syllables)} \"{glosses[0] if glosses else _meaning(entry, syllables, words_taught)}\""
        shown = list(others.items())[:MAX_ALTERNATIVES]
        alternatives = " or ".join(f"{to_marks(s)} \"{_meaning(e, s, words_taught, alone=True)}\""
                                   for s, e in shown)
        if len(others) > MAX_ALTERNATIVES:
            alternatives += f" (and {len(others) - MAX_ALTERNATIVES} more)"
        check = f"CHECK reading: {entry.simplified} is {chosen} here; it can also be {alternatives}"
    return entry, syllables, check


def _senses(entry: DictionaryWord, lookup: Lookup) -> tuple[str, ...]:
    """The entry's senses, or those of the word it stands for when it only points elsewhere."""
    if gl.learner_glosses(entry.senses):
        return entry.senses
    target = gl.pointer(entry.senses)
    candidates: list[DictionaryWord] = []
    if target is not None:
        candidates = [e for e in lookup(target.simplified)
                      if e.simplified == target.simplified and e.reading.lower() == target.reading.lower()]
    elif entry.simplified.endswith("儿") and len(entry.simplified) > 1:
        candidates = [e for e in lookup(entry.simplified[:-1]) if _everyday(e)]
    for candidate in candidates:
        if gl.learner_glosses(candidate.senses):
            return candidate.senses
    return entry.senses


def _erhua_of(written: str, lookup: Lookup, glosses: Sequence[str], course: CourseReading | None,
              taught: CourseWords | None = None) -> tuple[DictionaryWord, tuple[Syllable, ...], str] | None:
    """An erhua word the dictionary lacks (离谱儿): its 儿-less word, read with erhua joined on."""
    base = written[:-1]
    picked = choose(base, [e for e in lookup(base) if base in (e.simplified, e.traditional)], glosses, course,
                    taught)
    if picked is None:
        return None
    entry, syllables, check = picked
    last = syllables[-1]
    joined = (*syllables[:-1], Syllable(last.base, last.tone, True))
    suffix = "兒" if entry.traditional != entry.simplified or written[-1] == "兒" else "儿"
    word = DictionaryWord(entry.traditional + suffix, entry.simplified + "儿", entry.reading + " r5", entry.senses)
    return word, joined, check.replace(entry.simplified, word.simplified, 1)


def draft_word(written: str, gloss: str, lookup: Lookup | None, line: int,
               course: CourseReading | None = None, taught: CourseWords | None = None) -> WordDraft:
    """One word of a list: the dictionary's reading and glosses (rules in the module docstring)."""
    glosses = [g.strip() for g in gloss.split(";") if g.strip()] if gloss else []
    entries = [e for e in (lookup(written) if lookup else []) if written in (e.simplified, e.traditional)]
    picked = choose(written, entries, glosses, course, taught)
    if picked is None and lookup and written.endswith("儿") and count_hanzi(written) > 1:
        picked = _erhua_of(written, lookup, glosses, course, taught)
    if picked is None:
        syllables = hanzi_reading(written)
        reading = " ".join(s.numbered for s in syllables)
        return WordDraft(hanzi=written, pinyin=" ".join(s.marked for s in syllables), english=glosses,
                         check=reading_check(written, reading, []), line=line)
    entry, syllables, check = picked
    senses = _senses(entry, lookup)
    single = count_hanzi(entry.simplified) == 1
    in_course = taught_as(taught, entry, syllables)
    # an HSK word takes the meaning the course's cards teach (reviewed: 干 "to do", not "tree trunk")
    english = glosses or list(in_course.english if in_course and in_course.english
                              else gl.learner_glosses(senses, measure=single, grammar=single))
    return WordDraft(
        hanzi=entry.simplified, pinyin=" ".join(s.marked for s in syllables), english=english,
        traditional=entry.traditional if entry.traditional != entry.simplified else "",
        measure_word=gl.measure_words(senses), check=check, line=line,
    )


def from_list(text: str, source: str, lookup: Lookup | None, *, title: str, lesson_id: str | None = None,
              level: str = "My class", course: CourseReading | None = None,
              taught: CourseWords | None = None) -> tuple[str, Lesson, list[WordDraft]]:
    """A lesson file from a list of words, one per line, optionally "hanzi<TAB>gloss".

    Blank lines and lines starting with # are skipped. Returns (TOML text, Lesson, the
    drafts); a draft with a CHECK has `written_line`, the line of its "# CHECK" comment in
    the text. Raises LessonProblems naming `source`:line for words it cannot fill in;
    nothing is written then.
    """
    errors: list[LessonError] = []
    words: list[WordDraft] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        row = raw.strip()
        if not row or row.startswith("#"):
            continue
        hanzi, _, gloss = (part.strip() for part in row.partition("\t"))
        if not count_hanzi(hanzi):
            errors.append(LessonError(source, number, "hanzi",
                                      f"{hanzi!r} has no Chinese characters: one word in hanzi per line, "
                                      "then optionally a tab and the English"))
            continue
        try:
            word = draft_word(hanzi, gloss, lookup, number, course, taught)
        except PinyinError as exc:
            errors.append(LessonError(source, number, "pinyin", str(exc)))
            continue
        if word.hanzi in seen:  # the same word, maybe once in each script
            same = hanzi if hanzi == word.hanzi else f"{hanzi} ({word.hanzi})"
            errors.append(LessonError(source, number, "hanzi",
                                      f"{same} is already on line {seen[word.hanzi]}: remove one of them"))
            continue
        seen[word.hanzi] = number
        if not word.english:
            errors.append(LessonError(source, number, "english",
                                      f"no English found for {hanzi} in the dictionary: "
                                      "add it after a tab, like 你好<TAB>hello"))
            continue
        words.append(word)
    if not words and not errors:
        errors.append(LessonError(source, 1, "words", "has no words: write one word in hanzi per line"))
    if errors:
        raise LessonProblems(errors)
    draft = LessonDraft(
        id=lesson_id or lesson_id_for(title), title=title, level=level, words=words,
        attribution="English glosses from CC-CEDICT (CC BY-SA 4.0) where the list gave none." if lookup else "",
        comment=(f"Made by `lianxi lessons from-list` from {source}.\n"
                 "Readings come from CC-CEDICT (pypinyin where it has none): check every line marked CHECK,\n"
                 "then delete the mark."),
    )
    text_out, lesson = checked_lesson(draft, source)
    check_lines = iter(n for n, row in enumerate(text_out.splitlines(), start=1) if row.startswith("# CHECK"))
    drafts = [replace(w, written_line=next(check_lines)) if w.check else w for w in words]
    return text_out, lesson, drafts
