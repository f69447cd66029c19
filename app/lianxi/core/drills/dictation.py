"""The dictation drill: hear a word or short sentence, type it in pinyin or hanzi."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from lianxi.core.cards import CardKind
from lianxi.core.drills.confusion import missed_share, other_than_last
from lianxi.core.drills.items import Drill, Item, Verdict
from lianxi.core.drills.words import DrillWord
from lianxi.core.grading import Mark, contains_hanzi, grade_answer
from lianxi.core.grading import Verdict as GradeVerdict
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.pinyin import PinyinError, to_marks


def choose_dictation(rng: random.Random, words: Sequence[DrillWord],
                     stats: Mapping[str, tuple[int, int]] | None = None, avoid: str | None = None) -> Item:
    """A word or short sentence to write down; ones missed before come back more often.
    `avoid` is what was played last: it is never asked twice in a row."""
    stats = stats or {}
    usable = []
    for w in words:
        try:
            if w.syllables:
                usable.append(w)
        except PinyinError:
            continue
    if not usable:
        raise ValueError("the dictation drill needs at least one word")
    usable = other_than_last(usable, avoid, lambda w: w.hanzi)
    word = rng.choices(usable, weights=[missed_share(stats, w.hanzi) for w in usable])[0]
    marks = to_marks(word.pinyin)
    return Item(Drill.DICTATION, word.hanzi, marks, hanzi=word.hanzi, pinyin=word.pinyin,
                english=word.english, note_id=word.note_id, shown=f"{word.hanzi} {marks}")


def check_dictation(item: Item, typed: str, lexicon: Lexicon = EMPTY) -> Verdict:
    """Graded by core.grading like a typed card: pinyin (any spelling, sandhi tones accepted)
    or hanzi; a hanzi that only sounds the same counts as heard right."""
    text = typed.strip()
    if not text:
        return Verdict(False, "Type what you heard: pinyin (ni3 hao3 or nǐ hǎo) or hanzi.", typed, readable=False)
    try:
        grade = grade_answer(CardKind.TYPE_HANZI, text, hanzi=item.hanzi or "", pinyin=item.pinyin or "",
                             lexicon=lexicon)
    except PinyinError as error:
        return Verdict(False, f"Could not read that: {error}.", typed, readable=False)
    pieces = grade.pieces
    homophones = contains_hanzi(text) and all(p.mark is Mark.RIGHT or p.note for p in pieces)
    correct = grade.verdict is GradeVerdict.EXACT or (homophones and grade.verdict is GradeVerdict.WRONG_SYLLABLE)
    # Tone evidence only where the syllable itself was heard right and a tone was typed.
    tones = tuple((p.expected_tone, p.typed_tone) for p in pieces
                  if p.mark in (Mark.RIGHT, Mark.TONE) and p.typed_tone is not None and p.expected_tone is not None)
    if correct:
        extra = " (a character that sounds the same)" if grade.verdict is not GradeVerdict.EXACT else ""
        return Verdict(True, f"Right: {item.shown}{extra}.", typed, tones, pieces)
    detail = "\n".join(grade.problems + ([grade.note] if grade.note else []))  # one line per syllable
    return Verdict(False, f"{grade.headline}: {item.shown}\n{detail}", typed, tones, pieces)
