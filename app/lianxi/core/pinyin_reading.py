"""How typed pinyin is read: letters, tone marks and digits into syllables, each with where
it was written.

Unspaced text is split longest-first with the standard apostrophe rule; a piece that is
not pinyin gets a message that says how to fix it. core.pinyin is the face of this
(parse, tone_spans). Pure: standard library and lianxi.core only.
"""

from __future__ import annotations

import unicodedata

from lianxi.core.syllables import NASALS, NEUTRAL, NO_ERHUA, VALID_SYLLABLES, VOWELS, PinyinError, Syllable


_MARKABLE = VOWELS | {"m", "n"}  # ḿ, ń, ňg carry marks on the nasal
# A syllable starting with one of these needs an apostrophe (or a tone) after another syllable.
_OPEN_INITIALS = frozenset("aoeê")
_MAX_LEN = max(map(len, VALID_SYLLABLES))

# Other spellings learners type, mapped to the table's: ü after j/q/x/y is written u;
# "lue"/"nue" are common ways of typing lüe/nüe.
_ALIASES = {
    **{f"{i}ü{rest}": f"{i}u{rest}" for i in "jqxy" for rest in ("", "e", "an", "n")},
    "lue": "lüe",
    "nue": "nüe",
}
# Written letters -> table syllable, for every form the segmenter may meet (nasals excluded).
_LOOKUP = {s: s for s in VALID_SYLLABLES - NASALS}
_LOOKUP.update({k: v for k, v in _ALIASES.items() if v in VALID_SYLLABLES})

# The breve (ă) is accepted as tone 3 because it is what many keyboards offer instead of ǎ.
_TONE_FOR_MARK = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0306": 3, "\u0300": 4}
_DIAERESIS = "\u0308"
_CIRCUMFLEX = "\u0302"


_HOW_TO = "check the spelling; tones go after the syllable, like hao3"
# Letters that may run together unbroken (中华人民共和国 is 22): a longer run is a typo or an
# attack, and splitting it would recurse as deep as it is long.
_MAX_RUN = 60


class _Atom:
    """One letter or tone digit of the input, with where it came from in the original text."""

    __slots__ = ("char", "mark", "start", "end")

    def __init__(self, char: str, start: int) -> None:
        self.char = char
        self.mark = 0
        self.start = start
        self.end = start + 1


class _Word:
    """A run of text between separators (spaces, punctuation, apostrophes)."""

    __slots__ = ("start", "end", "atoms", "problem")

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.atoms: list[_Atom] = []
        self.problem = ""


def _scan(text: str) -> list[_Word]:
    """Split text into words of letters (lowercase, ü and ê single letters) and tone digits."""
    words: list[_Word] = []
    word: _Word | None = None
    for k, ch in enumerate(text):
        if ch.isascii():
            parts = ch
        else:
            # NFKD splits ǎ into a + caron and turns full-width or superscript forms into ASCII.
            parts = unicodedata.normalize("NFKD", ch)
        for d in parts:
            if "a" <= d <= "z" or "A" <= d <= "Z" or "0" <= d <= "9":
                if word is None:
                    word = _Word(k)
                    words.append(word)
                low = d.lower()
                word.atoms.append(_Atom("ü" if low == "v" else low, k))
                word.end = k + 1
                continue
            category = unicodedata.category(d)
            if category == "Mn":
                if word is None or word.end < k:
                    word = _Word(k)
                    words.append(word)
                word.end = k + 1
                last = word.atoms[-1] if word.atoms else None
                if last is None or last.char.isdigit():
                    word.problem = word.problem or f"the mark '{ch}' has no letter under it"
                    continue
                last.end = k + 1
                if d in _TONE_FOR_MARK and last.char in _MARKABLE:
                    if last.mark:
                        word.problem = word.problem or "two tone marks on one letter"
                    last.mark = _TONE_FOR_MARK[d]
                elif d == _DIAERESIS and last.char == "u":
                    last.char = "ü"
                elif d == _CIRCUMFLEX and last.char == "e":
                    last.char = "ê"
                else:
                    word.problem = word.problem or f"'{ch}' is not a pinyin letter"
                continue
            if (
                d == ":"
                and word is not None
                and word.end == k
                and len(word.atoms) >= 2
                and word.atoms[-1].char == "u"
                and word.atoms[-2].char in "ln"
            ):
                # CC-CEDICT style lu:4 / nu:3 for lü4 / nü3.
                word.atoms[-1].char = "ü"
                word.atoms[-1].end = k + 1
                word.end = k + 1
                continue
            if category[0] in "PZSC":
                word = None
                continue
            # Anything else (hanzi, other alphabets) is not pinyin: keep it in the word to name it.
            if word is None:
                word = _Word(k)
                words.append(word)
            word.end = k + 1
            word.problem = word.problem or f"'{ch}' is not a pinyin letter"
    return words


def _segment(letters: str, marks: list[int], has_digit: bool, after_digit: bool):
    """Split one unbroken run of letters into syllables, longest first, or None.

    Returns (start, end, base, erhua, mark) tuples. The standard apostrophe rule keeps this
    unambiguous: a syllable starting with a, o or e never follows another one in the same
    run (so bàngē is bàn gē, not bàng ē). Only if no such reading exists may a marked one
    (xīān = xī ān, nǚér = nǚ ér). After a tone number (xi1an1) it needs its own tone.
    """
    n = len(letters)
    if letters in NASALS and sum(1 for m in marks if m) <= 1:
        return [(0, n, letters, False, max(marks))]
    found = _walk(letters, marks, has_digit, after_digit, _STANDARD)
    if found is None:
        found = _walk(letters, marks, has_digit, after_digit, _MARKED_BOUNDARIES)
    return found


# How freely a syllable starting with a, o or e may follow another one in a run of letters.
_STANDARD, _MARKED_BOUNDARIES, _ANYWHERE = 0, 1, 2


def _walk(letters: str, marks: list[int], has_digit: bool, after_digit: bool, mode: int):
    """Longest-first split with backtracking; see _segment for the rules."""
    n = len(letters)
    failed: set[int] = set()

    def walk(i: int):
        if i == n:
            return []
        if i in failed:
            return None
        for length in range(min(_MAX_LEN + 1, n - i), 0, -1):
            end = i + length
            piece = letters[i:end]
            options = []
            base = _LOOKUP.get(piece)
            if base is not None:
                options.append((base, False))
            if length >= 2 and piece[-1] == "r" and (end == n or letters[end] not in VOWELS):
                base = _LOOKUP.get(piece[:-1])
                if base is not None and base not in NO_ERHUA:
                    options.append((base, True))
            if not options:
                continue
            span = [m for m in marks[i:end] if m]
            if len(span) > 1:
                continue
            mark = span[0] if span else 0
            for base, erhua in options:
                if base[0] in _OPEN_INITIALS and mode != _ANYWHERE:
                    if i > 0 and (mode == _STANDARD or not mark):
                        continue
                    if i == 0 and after_digit and not mark and not (has_digit and end == n):
                        continue
                rest = walk(end)
                if rest is not None:
                    return [(i, end, base, erhua, mark), *rest]
        failed.add(i)
        return None

    return walk(0)


def _fix_hint(letters: str, marks: list[int], before: Syllable | None) -> str:
    """How to fix a run of letters that is not pinyin, with the likely intended spelling."""
    if before is not None and not before.erhua:
        joined = _LOOKUP.get(before.base + letters)
        if joined is not None:  # "xia3o": the tone number landed inside the syllable
            return f"tones go after the whole syllable, like {joined}{before.tone}"
    pieces = _walk(letters, marks, False, False, _ANYWHERE)
    if pieces is None:
        return _HOW_TO
    if before is not None:  # "hao3a"
        return f"if '{letters}' is a syllable of its own, put a space before it"
    if len(pieces) == 1:
        return _HOW_TO
    spelled = "".join(
        ("'" if start and base[0] in _OPEN_INITIALS else "") + letters[start:end]
        for start, end, base, *_ in pieces
    )
    return f"check the spelling; if you meant {len(pieces)} syllables, write {spelled}"


def _read_word(text: str, word: _Word) -> list[tuple[Syllable, int, int]]:
    """Syllables of one word with their spans in `text`; raises PinyinError naming the word."""
    written = text[word.start : word.end]
    if word.problem:
        raise PinyinError(
            f"'{written}' is not pinyin: {word.problem} "
            "(write pinyin letters with tone marks or numbers, like nǐ hǎo or ni3 hao3)",
            written,
        )
    out: list[tuple[Syllable, int, int]] = []
    atoms = word.atoms
    i = 0
    after_digit = False
    while i < len(atoms):
        j = i
        while j < len(atoms) and not atoms[j].char.isdigit():
            j += 1
        run = atoms[i:j]
        digit_atom = atoms[j] if j < len(atoms) else None
        if digit_atom is not None and j + 1 < len(atoms) and atoms[j + 1].char.isdigit():
            raise PinyinError(
                f"'{written}' has two tone numbers in a row (write one number after each "
                "syllable, like ni3 hao3)",
                written,
            )
        if not run:
            raise PinyinError(
                f"'{written}' has a tone number with no syllable before it "
                "(tones go after the syllable, like hao3)",
                written,
            )
        letters = "".join(a.char for a in run)
        if len(letters) > _MAX_RUN:
            raise PinyinError(
                f"'{written[:24]}...' runs {len(letters)} letters together with no space or tone "
                "number: write a space between words, like ni3 hao3",
                written[:24],
            )
        if (
            letters == "r"
            and after_digit
            and (digit_atom is None or digit_atom.char in "05")
            and not run[0].mark
            and out
            and not out[-1][0].erhua
            and out[-1][0].base not in NO_ERHUA
        ):
            # "hua4r" (or "hua4r5"): the erhua r written after the tone number.
            prev, start, _ = out[-1]
            end = digit_atom.end if digit_atom is not None else run[0].end
            out[-1] = (Syllable(prev.base, prev.tone, True), start, end)
            i = j + 1
            continue
        digit = 0
        if digit_atom is not None:
            digit = int(digit_atom.char)
            if digit > 5:
                raise PinyinError(
                    f"'{written}' has tone {digit} (use 1-4, or 5 or 0 for the neutral tone)",
                    written,
                )
            digit = digit or NEUTRAL
        marks = [a.mark for a in run]
        pieces = _segment(letters, marks, digit_atom is not None, after_digit)
        if pieces is None:
            hint = _fix_hint(letters, marks, out[-1][0] if after_digit and out else None)
            raise PinyinError(f"'{written}' is not a Mandarin syllable ({hint})", written)
        last = len(pieces) - 1
        for index, (start, end, base, erhua, mark) in enumerate(pieces):
            tone = mark or NEUTRAL
            span_end = run[end - 1].end
            if index == last and digit_atom is not None:
                if mark and erhua and digit == NEUTRAL:
                    digit = mark  # "wánr5": CC-CEDICT's neutral r after a marked syllable
                elif mark and mark != digit:
                    raise PinyinError(
                        f"'{written}' has a tone mark and a different tone number "
                        "(use one of them, like hǎo or hao3)",
                        written,
                    )
                tone = digit
                span_end = digit_atom.end
            out.append((Syllable(base, tone, erhua), run[start].start, span_end))
        after_digit = digit_atom is not None
        i = j + 1
    return out


def _is_lone_r(word: _Word) -> bool:
    """A word that is only an erhua r: "r", "r5" or "r0" (CC-CEDICT writes huà r, hua4 r5)."""
    atoms = word.atoms
    return (
        not word.problem
        and atoms[0].char == "r"
        and not atoms[0].mark
        and (len(atoms) == 1 or (len(atoms) == 2 and atoms[1].char in "05"))
    )


def read_syllables(text: str, lenient: bool) -> list[tuple[Syllable | None, int, int]]:
    """Syllables of `text` with their spans; None marks a lone r joined to the syllable before.

    lenient: skip words that are not pinyin instead of raising PinyinError.
    """
    out: list[tuple[Syllable | None, int, int]] = []
    last = -1  # index in out of the last real syllable
    for word in _scan(text):
        if last >= 0 and _is_lone_r(word):
            prev, start, end = out[last]
            assert prev is not None
            if not prev.erhua and prev.base not in NO_ERHUA and text[end : word.start].isspace():
                out[last] = (Syllable(prev.base, prev.tone, True), start, end)
                out.append((None, word.start, word.end))
                continue
        try:
            pieces = _read_word(text, word)
        except PinyinError:
            if lenient:
                continue
            raise
        out.extend(pieces)
        last = len(out) - 1
    return out
