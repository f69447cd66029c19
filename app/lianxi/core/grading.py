"""Typed answers -> per-syllable verdicts -> a suggested rating.

A learner types pinyin, hanzi or English; this module compares the answer with
every reading the word accepts and says, piece by piece, what was right, which
tone slipped, which syllable was wrong, missing or extra, and which FSRS rating
that suggests (the learner may choose another). Pure: only the standard
library, pypinyin and lianxi.core; never I/O, storage, UI or audio.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from lianxi.core.cards import CardKind
from lianxi.core.lessons import count_hanzi, is_hanzi
from lianxi.core.pinyin import (
    NEUTRAL,
    PinyinError,
    Syllable,
    apply_sandhi,
    hanzi_reading,
    parse,
    to_marks,
)
from lianxi.core.schedule import Rating

__all__ = [
    "Grade",
    "Mark",
    "Piece",
    "Reading",
    "Verdict",
    "contains_hanzi",
    "grade_answer",
    "grade_english",
    "grade_hanzi",
    "grade_pinyin",
    "has_tones",
    "readings",
    "suggest",
    "word_reading",
]


class Mark(StrEnum):
    """What one syllable (or character) of the answer was."""

    RIGHT = "right"
    TONE = "tone"  # right syllable, wrong tone
    WRONG = "wrong"
    MISSING = "missing"
    EXTRA = "extra"


class Verdict(StrEnum):
    """The answer as a whole, worst piece first."""

    EXACT = "exact"
    TONE_SLIP = "tone slip"
    WRONG_SYLLABLE = "wrong syllable"
    MISSING = "missing syllables"
    EXTRA = "extra syllables"
    WRONG = "wrong"  # nothing typed, or a meaning that matches no gloss


HEADLINES = {
    Verdict.EXACT: "Right",
    Verdict.TONE_SLIP: "Tone slip",
    Verdict.WRONG_SYLLABLE: "Not quite",
    Verdict.MISSING: "Something is missing",
    Verdict.EXTRA: "Something extra",
    Verdict.WRONG: "Not this time",
}


def _tone_word(tone: int | None) -> str:
    if tone is None:
        return "no tone"
    return "neutral" if tone == NEUTRAL else str(tone)


@dataclass(frozen=True, slots=True)
class Piece:
    """One syllable or character of the comparison, with what the learner wrote for it."""

    mark: Mark
    typed: str = ""  # as the learner wrote it (marked pinyin or a hanzi); "" when missing
    expected: str = ""  # what belongs here; "" when extra
    name: str = ""  # toneless syllable, to name it in messages ("hao")
    typed_tone: int | None = None
    expected_tone: int | None = None
    note: str = ""  # e.g. "sounds the same"

    def describe(self) -> str:
        """One line for the learner, e.g. "hao: you typed 4, it is 3"."""
        if self.mark is Mark.RIGHT:
            return f"{self.expected}: right"
        if self.mark is Mark.TONE:
            return (f"{self.name}: you typed {_tone_word(self.typed_tone)}, "
                    f"it is {_tone_word(self.expected_tone)}")
        if self.mark is Mark.WRONG:
            text = f"you typed {self.typed}, it is {self.expected}"
            return f"{text} ({self.note})" if self.note else text
        if self.mark is Mark.MISSING:
            return f"missing: {self.expected}"
        return f"extra: {self.typed}"


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one typed answer and the rating it suggests."""

    verdict: Verdict
    rating: Rating
    pieces: tuple[Piece, ...] = ()
    expected: str = ""  # the accepted answer it was compared with, as shown to the learner
    note: str = ""

    @property
    def headline(self) -> str:
        return HEADLINES[self.verdict]

    @property
    def problems(self) -> list[str]:
        """The pieces that were not right, each as one line."""
        return [p.describe() for p in self.pieces if p.mark is not Mark.RIGHT]


# --- accepted readings ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reading:
    """One way of saying the word that counts as right."""

    syllables: tuple[Syllable, ...]
    how: str  # "as in the lesson", "with tone sandhi", ...
    own: bool = True  # False: a reading of the same hanzi as another word


_ERHUA_CHAR = "儿"
_NO_ERHUA = frozenset({"er", "e", "ê", "m", "n", "ng", "hm", "hng"})


def _takes_erhua(s: Syllable) -> bool:
    return not s.erhua and s.base not in _NO_ERHUA


def _slots(hanzi: str, syllables: Sequence[Syllable]) -> list[str] | None:
    """The hanzi each syllable is read for (an erhua syllable also takes the 儿 after it)."""
    chars = [c for c in hanzi if is_hanzi(c)]
    out, k = [], 0
    for s in syllables:
        if k >= len(chars):
            return None
        out.append(chars[k])
        k += 1
        if s.erhua and k < len(chars) and chars[k] == _ERHUA_CHAR:
            k += 1
    return out if k == len(chars) else None


def _citation(syllables: Sequence[Syllable], chars: Sequence[str]) -> list[Syllable]:
    """Dictionary tones for a reading a lesson may have written with sandhi (yí gè, bú shì, ké yǐ)."""
    try:
        plain = hanzi_reading("".join(chars))
    except PinyinError:
        plain = []
    if len(plain) != len(syllables):
        plain = [None] * len(syllables)
    out = []
    for i, (s, ch, p) in enumerate(zip(syllables, chars, plain, strict=True)):
        tone = s.tone
        if ch == "一" and s.base == "yi":
            tone = 1
        elif ch == "不" and s.base == "bu":
            tone = 4
        elif (s.tone == 2 and p is not None and p.base == s.base and p.tone == 3
              and i + 1 < len(syllables) and syllables[i + 1].tone in (2, 3)):
            tone = 3
        out.append(Syllable(s.base, tone, s.erhua))
    return out


def _erhua_forms(syllables: Sequence[Syllable], chars: Sequence[str] | None) -> list[tuple[list[Syllable], str]]:
    """The same reading with erhua written as its own syllable, or left out; or merged in."""
    forms: list[tuple[list[Syllable], str]] = []
    if any(s.erhua for s in syllables):
        for er_tone in (NEUTRAL, 2):
            split = []
            for s in syllables:
                split.append(Syllable(s.base, s.tone))
                if s.erhua:
                    split.append(Syllable("er", er_tone))
            forms.append((split, "with 儿 as its own syllable"))
        forms.append(([Syllable(s.base, s.tone) for s in syllables], "without erhua"))
    if chars is not None:
        # A lesson that writes 儿 as a separate neutral "er" also accepts it merged (nǎ er -> nǎr).
        merged: list[Syllable] = []
        changed = False
        for s, ch in zip(syllables, chars, strict=True):
            if ch == _ERHUA_CHAR and s.base == "er" and s.tone == NEUTRAL and merged and _takes_erhua(merged[-1]):
                merged[-1] = Syllable(merged[-1].base, merged[-1].tone, True)
                changed = True
            else:
                merged.append(s)
        if changed:
            forms.append((merged, "with erhua"))
    return forms


def _heteronyms(char: str) -> list[Syllable]:
    from pypinyin import Style, pinyin  # noqa: PLC0415 - slow to import; only needed here

    out = []
    for text in pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True,
                       v_to_u=True, errors="ignore")[:1]:
        for reading in text:
            try:
                sylls = parse(reading)
            except PinyinError:
                continue
            if len(sylls) == 1:
                out.append(sylls[0])
    return out


def _really_differs(a: Sequence[Syllable], b: Sequence[Syllable]) -> bool:
    """Different words, not a neutral tone read in full (pypinyin often gives péngyǒu for péngyou)."""
    if len(a) != len(b):
        return True
    for x, y in zip(a, b, strict=True):
        if x.base != y.base:
            return True
        if x.tone != y.tone and NEUTRAL not in (x.tone, y.tone):
            return True
    return False


def readings(hanzi: str, syllables: Sequence[Syllable], *, other_words: bool = False) -> list[Reading]:
    """Every reading of the word that counts as right, the lesson's own first.

    Own readings: as written in the lesson; with citation tones and with 一/不/third-tone
    sandhi (yī/yí, bù/bú, nǐ hǎo/ní hǎo); erhua merged, as its own syllable, or left out.
    With `other_words` (the card shows only the hanzi, so any reading of them is right),
    also the other readings pypinyin knows: every heteronym of a one-character word
    (长 cháng/zhǎng) and pypinyin's reading of a longer one when it is a different word.
    """
    syllables = list(syllables)
    chars = _slots(hanzi, syllables) if hanzi else None
    bases: list[tuple[list[Syllable], str]] = [(syllables, "as in the lesson")]
    if chars is not None:
        citation = _citation(syllables, chars)
        bases.append((citation, "without tone sandhi"))
        bases.append((apply_sandhi(citation, "".join(chars)), "with tone sandhi"))
    out: list[Reading] = []
    seen: set[tuple[Syllable, ...]] = set()

    def add(sylls: Sequence[Syllable], how: str, own: bool = True) -> None:
        key = tuple(sylls)
        if key and key not in seen:
            seen.add(key)
            out.append(Reading(key, how, own))

    for sylls, how in bases:
        add(sylls, how)
    for sylls, how in bases:
        for form, form_how in _erhua_forms(sylls, chars):
            add(form, f"{how}, {form_how}" if how != "as in the lesson" else form_how)
    if other_words and chars is not None:
        own = list(out)
        others: list[list[Syllable]] = []
        if len(chars) == 1 and count_hanzi(hanzi) == 1:
            others = [[h] for h in _heteronyms(chars[0])]  # one hanzi: no 儿, no erhua
        else:
            try:
                guess = hanzi_reading("".join(chars))
            except PinyinError:
                guess = []
            if len(guess) == len(syllables):
                guess = [Syllable(g.base, g.tone, s.erhua and g.base not in _NO_ERHUA)
                         for g, s in zip(guess, syllables, strict=True)]
                if all(_really_differs(guess, r.syllables) for r in own):
                    others = [guess, apply_sandhi(guess, "".join(chars))]
        for sylls in others:
            if all(_really_differs(sylls, r.syllables) for r in own):
                add(sylls, f"another reading of {''.join(chars)}", own=False)
    return out


def word_reading(hanzi: str) -> list[Syllable]:
    """pypinyin's citation reading of hanzi, a neutral 儿 after a syllable merged as erhua (一会儿)."""
    out: list[Syllable] = []
    for s in hanzi_reading(hanzi):
        # pypinyin reads only an erhua 儿 as a neutral er (一会儿), never 而, 二 or 女儿's 儿.
        if s.base == "er" and s.tone == NEUTRAL and out and _takes_erhua(out[-1]):
            out[-1] = Syllable(out[-1].base, out[-1].tone, True)
        else:
            out.append(s)
    return out


# --- comparing syllables ---------------------------------------------------------------

_TONE_MARKS = frozenset("\u0304\u0301\u030c\u0306\u0300")


def has_tones(text: str) -> bool:
    """Whether the learner wrote any tone at all (a number or a mark)."""
    return any(c.isdigit() or c in _TONE_MARKS for c in unicodedata.normalize("NFKD", text))


def _name(s: Syllable) -> str:
    return s.base + ("r" if s.erhua else "")


# Alignment costs: a tone slip is cheaper than an erhua slip, cheaper than a wrong syllable
# (less so when it shares letters with the right one); a missing or extra syllable sits between.
_TONE_COST, _ERHUA_COST, _WRONG_COST, _GAP_COST = 20, 30, 40, 39


def _shared(a: str, b: str) -> int:
    """Letters two spellings share at the start and at the end (xian/xi: 2, li/ni: 1)."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return min(start + end, 9)


def _cost(typed: Syllable, expected: Syllable, tones: bool) -> int:
    if typed.base != expected.base:
        return _WRONG_COST - _shared(typed.base, expected.base)
    if typed.erhua != expected.erhua:
        return _ERHUA_COST
    if not tones:
        return 0 if expected.tone == NEUTRAL else _TONE_COST
    return 0 if typed.tone == expected.tone else _TONE_COST


def _align(typed: Sequence[Syllable], expected: Sequence[Syllable], tones: bool) -> tuple[int, list[Piece]]:
    """Edit-distance alignment of syllables (costs above); returns the cost and the pieces."""
    n, m = len(typed), len(expected)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        table[i][0] = _GAP_COST * i
    for j in range(1, m + 1):
        table[0][j] = _GAP_COST * j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            table[i][j] = min(
                table[i - 1][j - 1] + _cost(typed[i - 1], expected[j - 1], tones),
                table[i - 1][j] + _GAP_COST,
                table[i][j - 1] + _GAP_COST,
            )
    pieces: list[Piece] = []
    i, j = n, m
    while i or j:
        if i and j and table[i][j] == table[i - 1][j - 1] + _cost(typed[i - 1], expected[j - 1], tones):
            t, e = typed[i - 1], expected[j - 1]
            cost = _cost(t, e, tones)
            mark = Mark.RIGHT if cost == 0 else Mark.TONE if cost == _TONE_COST else Mark.WRONG
            pieces.append(Piece(mark, t.marked, e.marked, _name(e),
                                t.tone if tones else None, e.tone))
            i, j = i - 1, j - 1
        elif i and table[i][j] == table[i - 1][j] + _GAP_COST:
            t = typed[i - 1]
            pieces.append(Piece(Mark.EXTRA, t.marked, "", _name(t), t.tone if tones else None))
            i -= 1
        else:
            e = expected[j - 1]
            pieces.append(Piece(Mark.MISSING, "", e.marked, _name(e), None, e.tone))
            j -= 1
    pieces.reverse()
    return table[n][m], pieces


def _verdict(pieces: Sequence[Piece]) -> Verdict:
    marks = {p.mark for p in pieces}
    if Mark.WRONG in marks:
        return Verdict.WRONG_SYLLABLE
    if Mark.MISSING in marks:
        return Verdict.MISSING
    if Mark.EXTRA in marks:
        return Verdict.EXTRA
    if Mark.TONE in marks:
        return Verdict.TONE_SLIP
    return Verdict.EXACT


def suggest(verdict: Verdict, pieces: Sequence[Piece] = ()) -> Rating:
    """Right: Good. Tone slips: Hard, or Again when every tone of a longer word slipped.
    A wrong, missing or extra syllable, or no answer: Again. The learner may choose another."""
    if verdict is Verdict.EXACT:
        return Rating.Good
    if verdict is Verdict.TONE_SLIP:
        if len(pieces) > 1 and all(p.mark is Mark.TONE for p in pieces):
            return Rating.Again
        return Rating.Hard
    return Rating.Again


def grade_pinyin(typed: str, accepted: Sequence[Reading]) -> Grade:
    """Compare typed pinyin with each accepted reading; the closest one gives the verdict.

    Raises PinyinError (naming the piece) when the answer cannot be read as pinyin, so
    the learner can fix the typing before the card is graded. A reading of another word
    (other_words in `readings`) counts only when it matches exactly.
    """
    if not typed.strip():
        return _not_answered(to_marks(accepted[0].syllables) if accepted else "")
    sylls = parse(typed)
    if not sylls:
        return _not_answered(to_marks(accepted[0].syllables) if accepted else "")
    tones = has_tones(typed)
    best: tuple[int, int, list[Piece], Reading] | None = None
    for index, reading in enumerate(accepted):
        cost, pieces = _align(sylls, reading.syllables, tones)
        if not reading.own and cost:
            continue
        if best is None or cost < best[0]:
            best = (cost, index, pieces, reading)
    assert best is not None, "readings() always gives the lesson's own reading"
    _, _, pieces, reading = best
    verdict = _verdict(pieces)
    note = ""
    if not reading.own:
        note = f"{to_marks(reading.syllables)} is {reading.how}; this card's word is {to_marks(accepted[0].syllables)}"
    elif reading is not accepted[0] and verdict is Verdict.EXACT:
        note = f"{reading.how}: the lesson writes {to_marks(accepted[0].syllables)}"
    elif verdict is not Verdict.EXACT and not tones:
        note = "no tones typed: add tone numbers or marks, like hao3 or hǎo"
    shown = to_marks(reading.syllables) if reading.own else to_marks(accepted[0].syllables)
    return Grade(verdict, suggest(verdict, pieces), tuple(pieces), shown, note)


def _not_answered(expected: str) -> Grade:
    return Grade(Verdict.WRONG, Rating.Again, (), expected, "nothing typed")


# --- hanzi ------------------------------------------------------------------------------


def _align_chars(typed: str, expected: str) -> tuple[int, list[Piece]]:
    n, m = len(typed), len(expected)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        table[i][0] = i
    for j in range(1, m + 1):
        table[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = typed[i - 1] == expected[j - 1]
            table[i][j] = min(table[i - 1][j - 1] + (0 if same else 1), table[i - 1][j] + 1, table[i][j - 1] + 1)
    pieces: list[Piece] = []
    i, j = n, m
    while i or j:
        if i and j and table[i][j] == table[i - 1][j - 1] + (0 if typed[i - 1] == expected[j - 1] else 1):
            same = typed[i - 1] == expected[j - 1]
            pieces.append(Piece(Mark.RIGHT if same else Mark.WRONG, typed[i - 1], expected[j - 1]))
            i, j = i - 1, j - 1
        elif i and table[i][j] == table[i - 1][j] + 1:
            pieces.append(Piece(Mark.EXTRA, typed[i - 1]))
            i -= 1
        else:
            pieces.append(Piece(Mark.MISSING, "", expected[j - 1]))
            j -= 1
    pieces.reverse()
    return table[n][m], pieces


def _sounds_like(typed: str, expected: Syllable | None) -> bool:
    """The typed character's usual reading is the expected syllable (a neutral one: any tone).

    Only the usual reading: rare readings would make almost any slip "sound the same".
    """
    if expected is None:
        return False
    try:
        reading = hanzi_reading(typed)
    except PinyinError:
        return False
    return len(reading) == 1 and reading[0].base == expected.base and (
        reading[0].tone == expected.tone or expected.tone == NEUTRAL)


def grade_hanzi(typed: str, hanzi: str, traditional: str = "",
                syllables: Sequence[Syllable] = ()) -> Grade:
    """Compare typed characters with the word (simplified or traditional), character by character.

    A wrong character that sounds the same (the input method offered a homophone)
    suggests Hard; other mistakes Again. A final 儿 may be left out of an erhua word.
    """
    written = "".join(c for c in unicodedata.normalize("NFKC", typed) if is_hanzi(c))
    target = "".join(c for c in hanzi if is_hanzi(c))
    if not written:
        return _not_answered(hanzi)
    forms = [(target, "")]
    if traditional and traditional != hanzi:
        forms.append(("".join(c for c in traditional if is_hanzi(c)), "the traditional form"))
    if any(s.erhua for s in syllables) and target.endswith(_ERHUA_CHAR):
        forms.append((target[:-1], "without erhua"))
    best = min((_align_chars(written, form) + (form, how) for form, how in forms), key=lambda x: x[0])
    _, pieces, form, how = best
    slots = _slots(hanzi, syllables) if syllables else None
    sound = {}
    if slots is not None:
        trad = [c for c in traditional if is_hanzi(c)] if traditional else []
        for k, (ch, s) in enumerate(zip(slots, syllables, strict=True)):
            sound[ch] = s
            if k < len(trad):
                sound.setdefault(trad[k], s)
    pieces = [
        Piece(p.mark, p.typed, p.expected, note="sounds the same")
        if p.mark is Mark.WRONG and _sounds_like(p.typed, sound.get(p.expected)) else p
        for p in pieces
    ]
    verdict = _verdict(pieces)
    homophones_only = all(p.note for p in pieces if p.mark is not Mark.RIGHT)
    rating = Rating.Hard if verdict is Verdict.WRONG_SYLLABLE and homophones_only else suggest(verdict, pieces)
    note = f"{how}: {hanzi}" if how and verdict is Verdict.EXACT else ""
    return Grade(verdict, rating, tuple(pieces), form if verdict is Verdict.EXACT else hanzi, note)


# --- English ----------------------------------------------------------------------------

_ARTICLES = frozenset({"a", "an", "the"})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^]]*\]")


def _words(text: str, brackets: bool = False) -> list[str]:
    """Lowercase words without punctuation or articles; a leading "to" (verbs) is dropped.

    Words in brackets are dropped, or with `brackets` kept as plain words.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[()\[\]]", " ", text) if brackets else _BRACKETS.sub(" ", text)
    text = text.replace("'", "").replace("’", "")
    words = [w for w in re.split(r"[^\w]+", text) if w and w not in _ARTICLES]
    if len(words) > 1 and words[0] == "to":
        words = words[1:]
    return words


def _one_typo(a: str, b: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for k in range(len(long_)):
        if long_[:k] + long_[k + 1:] == short:
            return True
    return False


def _matches(typed: list[str], gloss: list[str]) -> str | None:
    """None if no match; "" for an exact match; the corrected word for a forgiven typo."""
    if not gloss:
        return None
    if len(typed) != len(gloss):
        # "good bye", "good-bye" and "nevermind" are spacing, not mistakes.
        return "" if "".join(typed) == "".join(gloss) else None
    typo = ""
    for t, g in zip(typed, gloss, strict=True):
        if t == g:
            continue
        if typo or len(g) <= 4 or not _one_typo(t, g):
            return None
        typo = g
    return typo


def grade_english(typed: str, glosses: Sequence[str]) -> Grade:
    """Match a typed meaning with any gloss: case, articles, a leading "to", punctuation and
    words in brackets do not matter; one typo in a word longer than four letters is forgiven."""
    shown = "; ".join(glosses)
    words = _words(typed)
    if not words:
        return _not_answered(shown)
    typo_match = None
    for gloss in glosses:
        parts = [gloss, *re.split(r"[;,/]", _BRACKETS.sub(" ", gloss))]
        for gloss_words in [_words(gloss, brackets=True)] + [_words(p) for p in parts]:
            found = _matches(words, gloss_words)
            if found == "":
                return Grade(Verdict.EXACT, Rating.Good, (), gloss)
            if found and typo_match is None:
                typo_match = (gloss, found)
    if typo_match:
        gloss, _ = typo_match
        return Grade(Verdict.EXACT, Rating.Good, (), gloss, f"one typo forgiven: it is spelled {gloss}")
    return Grade(Verdict.WRONG, Rating.Again, (), shown)


# --- one entry point for the cards -------------------------------------------------------


def contains_hanzi(text: str) -> bool:
    return any(is_hanzi(c) for c in text)


def grade_answer(kind: CardKind | str, typed: str, *, hanzi: str, pinyin: str | Sequence[Syllable],
                 english: Sequence[str] = (), traditional: str = "") -> Grade:
    """Grade what was typed on a card of `kind` for the word (hanzi, pinyin, glosses).

    hanzi -> pinyin cards take pinyin, and any reading of the hanzi counts (the card
    does not say which word is meant). Meaning and cloze cards take hanzi or pinyin of
    this word. Cards that ask for the meaning take English. Raises PinyinError for
    pinyin that cannot be read, so the learner can fix it.
    """
    kind = CardKind(kind)
    sylls = parse(pinyin) if isinstance(pinyin, str) else list(pinyin)
    if kind in (CardKind.RECOGNITION, CardKind.LISTENING):
        return grade_english(typed, english)
    if kind is not CardKind.TYPE_PINYIN and contains_hanzi(typed):
        return grade_hanzi(typed, hanzi, traditional, sylls)
    accepted = readings(hanzi, sylls, other_words=kind is CardKind.TYPE_PINYIN)
    grade = grade_pinyin(typed, accepted)
    if grade.verdict is not Verdict.EXACT and kind is not CardKind.TYPE_PINYIN and typed.strip():
        # Typing another word's reading of the same hanzi deserves a word on why it is wrong here.
        typed_sylls = tuple(parse(typed))
        for other in readings(hanzi, sylls, other_words=True):
            if not other.own and other.syllables == typed_sylls:
                note = f"{to_marks(typed_sylls)} is {other.how}, a different word"
                return Grade(grade.verdict, grade.rating, grade.pieces, grade.expected, note)
    return grade
