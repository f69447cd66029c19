"""Pinyin: syllables, tones, tone marks <-> tone numbers, reading pinyin and hanzi.

Everything that reads or writes pinyin goes through here: lesson files, typed
answers, speech input and the tone colours on screen. How syllables are *said*
(tone sandhi, neutral tones, erhua) is core.sandhi's job. Pure: imports only the
standard library, pypinyin and lianxi.core.errors; never I/O, UI, storage or audio.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lianxi.core.errors import UserError

__all__ = [
    "NEUTRAL",
    "VALID_SYLLABLES",
    "PinyinError",
    "Syllable",
    "for_speech",
    "char_readings",
    "hanzi_reading",
    "is_hanzi",
    "is_syllable",
    "parse",
    "tone_spans",
    "to_marks",
    "to_numbers",
]

NEUTRAL = 5


class PinyinError(UserError, ValueError):
    """Text that is not valid pinyin; the message names the piece and says how to fix it."""

    def __init__(self, message: str, piece: str = "") -> None:
        super().__init__(message)
        self.piece = piece


# --- the syllable table -----------------------------------------------------------------

# Finals each initial combines with, in the standard Hanyu Pinyin table (plus the few
# colloquial syllables dictionaries list, e.g. dei, shei, zhei, den, fiao, rua, chua).
_TABLE = {
    "": "a o e ê ai ei ao ou an en ang eng er "
    "yi ya yo ye yao you yan yin yang ying yong "
    "wu wa wo wai wei wan wen wang weng yu yue yuan yun",
    "b": "ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu",
    "p": "pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu",
    "m": "ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu",
    "f": "fa fo fei fou fan fen fang feng fiao fu",
    "d": "da de dai dei dao dou dan den dang deng dong di dia die diao diu dian ding "
    "du duo dui duan dun",
    "t": "ta te tai tei tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun",
    "n": "na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning "
    "nu nuo nuan nü nüe",
    "l": "la lo le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling "
    "lu luo luan lun lü lüe",
    "g": "ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang",
    "k": "ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang",
    "h": "ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang",
    "j": "ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun",
    "q": "qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun",
    "x": "xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun",
    "zh": "zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong "
    "zhu zhua zhuo zhuai zhui zhuan zhun zhuang",
    "ch": "cha che chi chai chao chou chan chen chang cheng chong "
    "chu chua chuo chuai chui chuan chun chuang",
    "sh": "sha she shi shai shei shao shou shan shen shang sheng "
    "shu shua shuo shuai shui shuan shun shuang",
    "r": "re ri rao rou ran ren rang reng rong ru rua ruo rui ruan run",
    "z": "za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun",
    "c": "ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun",
    "s": "sa se si sai sao sou san sen sang seng song su suo sui suan sun",
}

# Syllabic nasals used in interjections (嗯 ng/n, 呣 m, 噷 hm, 哼 hng): only ever written alone.
_NASALS = frozenset({"m", "n", "ng", "hm", "hng"})
# Bases that never take an erhua r ("e" + r would be written like the syllable er itself).
_NO_ERHUA = frozenset({"er", "e", "ê"}) | _NASALS

VALID_SYLLABLES: frozenset[str] = frozenset(
    {s for row in _TABLE.values() for s in row.split()} | _NASALS
)

_VOWELS = frozenset("aeiouüê")
_MARKABLE = _VOWELS | {"m", "n"}  # ḿ, ń, ňg carry marks on the nasal
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
_LOOKUP = {s: s for s in VALID_SYLLABLES - _NASALS}
_LOOKUP.update({k: v for k, v in _ALIASES.items() if v in VALID_SYLLABLES})


def is_syllable(base: str) -> bool:
    """True if `base` is a toneless Mandarin syllable as the table writes it (ü as "ü")."""
    return base in VALID_SYLLABLES


# --- tone marks -------------------------------------------------------------------------

_MARK_FOR_TONE = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}
# The breve (ă) is accepted as tone 3 because it is what many keyboards offer instead of ǎ.
_TONE_FOR_MARK = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0306": 3, "\u0300": 4}
_DIAERESIS = "\u0308"
_CIRCUMFLEX = "\u0302"


def _mark_index(base: str) -> int:
    """Where the tone mark goes: a or e first, then the o of ou, otherwise the last vowel."""
    for vowel in ("a", "e", "ê"):
        if vowel in base:
            return base.index(vowel)
    if "ou" in base:
        return base.index("o")
    for i in range(len(base) - 1, -1, -1):
        if base[i] in _VOWELS:
            return i
    # Syllabic nasals carry the mark on the nasal itself: ḿ, ńg, hm̀.
    return base.index("m") if "m" in base else base.index("n")


def _with_mark(base: str, tone: int) -> str:
    if tone == NEUTRAL:
        return base
    i = _mark_index(base)
    return unicodedata.normalize("NFC", base[: i + 1] + _MARK_FOR_TONE[tone] + base[i + 1 :])


_MARKED = {(b, t): _with_mark(b, t) for b in VALID_SYLLABLES for t in range(1, 6)}


# --- the Syllable value -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Syllable:
    """One spoken syllable: toneless base (ü written "ü"), tone 1-4 or 5 (neutral), erhua."""

    base: str
    tone: int
    erhua: bool = False

    def __post_init__(self) -> None:
        if self.base not in VALID_SYLLABLES:
            raise PinyinError(
                f"'{self.base}' is not a Mandarin syllable (check the spelling)", self.base
            )
        if self.tone not in (1, 2, 3, 4, 5):
            raise PinyinError(
                f"'{self.base}{self.tone}' has tone {self.tone} "
                "(use 1-4, or 5 for the neutral tone)",
                f"{self.base}{self.tone}",
            )
        if self.erhua and self.base in _NO_ERHUA:
            raise PinyinError(f"'{self.base}' cannot take an erhua r", self.base)

    @property
    def numbered(self) -> str:
        """Tone-number spelling, e.g. "lü4", "huar4", "ma5"."""
        return f"{self.base}{'r' if self.erhua else ''}{self.tone}"

    @property
    def marked(self) -> str:
        """Tone-mark spelling (NFC), e.g. "lǜ", "huàr", "ma"."""
        text = _MARKED[(self.base, self.tone)]
        return text + "r" if self.erhua else text

    def __str__(self) -> str:
        return self.numbered


# --- reading pinyin text ----------------------------------------------------------------

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
    if letters in _NASALS and sum(1 for m in marks if m) <= 1:
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
            if length >= 2 and piece[-1] == "r" and (end == n or letters[end] not in _VOWELS):
                base = _LOOKUP.get(piece[:-1])
                if base is not None and base not in _NO_ERHUA:
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
            and out[-1][0].base not in _NO_ERHUA
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


def _read(text: str, lenient: bool) -> list[tuple[Syllable | None, int, int]]:
    """Syllables of `text` with their spans; None marks a lone r joined to the syllable before.

    lenient: skip words that are not pinyin instead of raising PinyinError.
    """
    out: list[tuple[Syllable | None, int, int]] = []
    last = -1  # index in out of the last real syllable
    for word in _scan(text):
        if last >= 0 and _is_lone_r(word):
            prev, start, end = out[last]
            assert prev is not None
            if not prev.erhua and prev.base not in _NO_ERHUA and text[end : word.start].isspace():
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


@lru_cache(maxsize=8192)
def _parse_cached(text: str) -> tuple[Syllable, ...]:
    return tuple(s for s, _, _ in _read(text, lenient=False) if s is not None)


def parse(text: str) -> list[Syllable]:
    """Read pinyin as a learner or tutor types it; raise PinyinError naming the bad piece.

    Accepts tone numbers (ni3hao3, "ni3 hao3"; 5, 0 or no number for the neutral tone), tone
    marks (precomposed or combining), ü typed as ü, v or u:, erhua (huar4, hua4r, huàr),
    apostrophes, capitals, extra spaces and punctuation. A syllable with no tone is neutral.
    Unspaced text is split longest-first, keeping the standard apostrophe rule: "xian" is one
    syllable, "xi'an" or "xīān" two; "zhiang" is an error, not zhi + ang.
    """
    return list(_parse_cached(text))


def _syllables(text_or_syllables: str | Syllable | Iterable[Syllable]) -> Iterable[Syllable]:
    if isinstance(text_or_syllables, str):
        return _parse_cached(text_or_syllables)
    if isinstance(text_or_syllables, Syllable):
        return (text_or_syllables,)
    return text_or_syllables


def to_marks(text_or_syllables: str | Syllable | Iterable[Syllable]) -> str:
    """Tone-mark spelling, syllables separated by spaces: "nǐ hǎo"."""
    return " ".join(s.marked for s in _syllables(text_or_syllables))


def to_numbers(text_or_syllables: str | Syllable | Iterable[Syllable]) -> str:
    """Tone-number spelling, neutral tone as 5, ü as "ü": "ni3 hao3", "nü3 er2"."""
    return " ".join(s.numbered for s in _syllables(text_or_syllables))


def for_speech(syllables: str | Syllable | Iterable[Syllable]) -> str:
    """Numbered pinyin for espeak-ng's cmn-latn-pinyin voice: ü as v, neutral as 5.

    Erhua is written after the tone number ("hua4r"): espeak then keeps hua's tone and adds
    a light r; "huar4" makes it read hua with tone 1 and a separate "er" with tone 4.
    """
    out = []
    for s in _syllables(syllables):
        text = f"{s.base.replace('ü', 'v')}{s.tone}"
        out.append(text + "r" if s.erhua else text)
    return " ".join(out)


def tone_spans(text: str) -> list[tuple[str, int | None]]:
    """Cut pinyin text as written into (chunk, tone) pieces, for colouring each syllable.

    Joining the chunks gives back `text` exactly. Spaces, punctuation and any word that is
    not valid pinyin (a name in Latin letters, say) come back with tone None.
    """
    spans: list[tuple[str, int | None]] = []

    def plain(start: int, end: int) -> None:
        if start >= end:
            return
        if spans and spans[-1][1] is None:
            spans[-1] = (spans[-1][0] + text[start:end], None)
        else:
            spans.append((text[start:end], None))

    done = 0
    tone = NEUTRAL
    for syllable, start, end in _read(text, lenient=True):
        plain(done, start)
        if syllable is not None:
            tone = syllable.tone
        spans.append((text[start:end], tone))  # a lone erhua r takes its syllable's tone
        done = end
    plain(done, len(text))
    return spans


# --- hanzi ------------------------------------------------------------------------------


def is_hanzi(ch: str) -> bool:
    """True for a CJK ideograph (the characters a syllable is read for)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= code <= 0x4DBF  # Extension A
        or 0x20000 <= code <= 0x3134F  # Extensions B-G
        or 0xF900 <= code <= 0xFAFF  # Compatibility Ideographs
        or code == 0x3007  # 〇
    )


# pypinyin's phrase list already writes some 一/不 sandhi (一个 yí gè, 不是 bú shì);
# hanzi_reading gives citation tones, so these are put back.
_CITATION = {"一": Syllable("yi", 1), "不": Syllable("bu", 4)}


def hanzi_reading(hanzi: str) -> list[Syllable]:
    """Citation reading of the hanzi in `hanzi`, one Syllable per hanzi, in context.

    Uses pypinyin's phrase-aware reading (so 银行 is yin2 hang2); characters that are not
    hanzi (punctuation, Latin letters, digits) are skipped. Tones are as in a dictionary,
    before sandhi: pass the result to apply_sandhi for the spoken tones.
    """
    return list(_hanzi_reading_cached(hanzi))


@lru_cache(maxsize=4096)
def _hanzi_reading_cached(hanzi: str) -> tuple[Syllable, ...]:
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415 - slow to import; only needed here

    out: list[Syllable] = []
    run_start = None
    for k, ch in enumerate(hanzi + "\n"):
        if is_hanzi(ch):
            if run_start is None:
                run_start = k
            continue
        if run_start is None:
            continue
        run = hanzi[run_start:k]
        run_start = None
        readings = lazy_pinyin(
            run, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True, errors=list
        )
        if len(readings) != len(run):
            raise PinyinError(
                f"no reading known for some of '{run}' (write its pinyin in the lesson)", run
            )
        for char, reading in zip(run, readings, strict=True):
            if not reading or not reading[-1].isdigit() or reading == char:
                raise PinyinError(
                    f"no reading known for '{char}' (write its pinyin in the lesson)", char
                )
            base, tone = reading[:-1], int(reading[-1])
            if char in _CITATION and base == _CITATION[char].base:
                out.append(_CITATION[char])
            elif base in VALID_SYLLABLES:
                out.append(Syllable(base, tone))
            else:  # a handful of rare characters have readings outside standard Mandarin
                raise PinyinError(
                    f"no standard reading known for '{char}' ({reading}); "
                    "write its pinyin in the lesson",
                    char,
                )
    return tuple(out)


@lru_cache(maxsize=4096)
def char_readings(char: str) -> tuple[Syllable, ...]:
    """Every reading pypinyin knows for one hanzi, the usual one first (长: chang2, zhang3)."""
    from pypinyin import Style, pinyin  # noqa: PLC0415 - slow to import; only needed here

    out: list[Syllable] = []
    for options in pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True,
                          v_to_u=True, errors=lambda _: [])[:1]:
        for text in options:
            base, tone = text[:-1], text[-1:]
            if tone.isdigit() and base in VALID_SYLLABLES and 1 <= int(tone) <= 5:
                syllable = Syllable(base, int(tone))
                if syllable not in out:
                    out.append(syllable)
    return tuple(out)
