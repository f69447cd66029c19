"""Audio drills: which item to play next, and whether an answer was right.

Five drills: tones (one syllable, answer 1-5), pairs (a two-syllable word, answer its
two tones), listen (a word, pick its meaning of four), dictation (type what you heard),
minimal (zh or z? -n or -ng?). Every choice takes a `random.Random` from the caller, so
tests pass a seeded one; what the learner confuses comes in as counts, never from disk.

Pure: stdlib and pypinyin (through core.pinyin) only. Must never import storage, UI,
audio or the study layer.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from lianxi.core.cards import CardKind
from lianxi.core.grading import Mark, Piece, contains_hanzi, grade_answer
from lianxi.core.grading import Verdict as GradeVerdict
from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.pinyin import NEUTRAL, VALID_SYLLABLES, PinyinError, Syllable, parse, to_marks

__all__ = [
    "CONTRASTS",
    "DRILLS",
    "PAIR_CLASSES",
    "STARTER_WORDS",
    "TONES",
    "Confusion",
    "Drill",
    "DrillWord",
    "Item",
    "Verdict",
    "attested_syllables",
    "check",
    "choose_dictation",
    "choose_listen",
    "choose_minimal",
    "choose_pair",
    "choose_tone",
    "minimal_sets",
    "pair_class",
    "pair_words",
]

TONES = (1, 2, 3, 4, NEUTRAL)


class Drill(StrEnum):
    TONES = "tones"
    PAIRS = "pairs"
    LISTEN = "listen"
    DICTATION = "dictation"
    MINIMAL = "minimal"


DRILLS: dict[Drill, str] = {
    Drill.TONES: "Tones: hear a syllable, press its tone 1-5",
    Drill.PAIRS: "Tone pairs: hear a word, type its two tones",
    Drill.LISTEN: "Listening: hear a word, pick its meaning",
    Drill.DICTATION: "Dictation: hear it, type the pinyin or hanzi",
    Drill.MINIMAL: "Minimal pairs: zh or z? -n or -ng? which did you hear?",
}

# Answers a learner gives before the choice leans toward their mistakes.
BALANCE_ROUNDS = 2


# --- what the learner confuses --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Confusion:
    """Tone heard x tone answered, as counts. Row = what was played."""

    counts: Mapping[tuple[int, int], int] = field(default_factory=dict)

    def count(self, heard: int, answered: int) -> int:
        return self.counts.get((heard, answered), 0)

    def heard(self, tone: int) -> int:
        return sum(self.count(tone, a) for a in TONES)

    def error_rate(self, tone: int) -> float:
        """Share of wrong answers when `tone` was played, smoothed so 0 answers give 0.5."""
        total = self.heard(tone)
        return (total - self.count(tone, tone) + 1) / (total + 2)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """The table as text: one row per tone heard, one column per tone answered, % right."""
        names = {1: "1", 2: "2", 3: "3", 4: "4", NEUTRAL: "5 (neutral)"}
        out = [f"{'heard / answered':<17}" + "".join(f"{a:>6}" for a in TONES) + "   right"]
        for heard in TONES:
            total = self.heard(heard)
            right = f"{round(100 * self.count(heard, heard) / total):>4}%" if total else "    -"
            cells = "".join(f"{self.count(heard, a):>6}" for a in TONES)
            out.append(f"{names[heard]:<17}{cells}   {right}")
        return out


def _lean_choice(rng: random.Random, keys: Sequence, stats: Mapping, weight=None):
    """Balanced until every key has BALANCE_ROUNDS answers, then weighted toward mistakes.

    `stats` maps key -> (asked, wrong). The weight is the smoothed error rate, squared so
    that a pair the learner gets wrong half the time comes up clearly more often.
    """
    asked = {k: stats.get(k, (0, 0))[0] for k in keys}
    least = min(asked.values())
    if least < BALANCE_ROUNDS:
        return rng.choice([k for k in keys if asked[k] == least])
    if weight is None:
        def weight(k):
            n, wrong = stats.get(k, (0, 0))
            return ((wrong + 1) / (n + 2)) ** 2 + 0.02
    return rng.choices(list(keys), weights=[weight(k) for k in keys])[0]


def _others(choices: Sequence, avoid: str | None, played) -> list:
    """The choices without the one played last (all of them if nothing else is left)."""
    rest = [c for c in choices if avoid is None or played(c) != avoid]
    return rest or list(choices)


# --- items and verdicts -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to play and ask about.

    `hanzi`/`pinyin` are what the speaker reads; `key` groups items for the learner's
    statistics (a tone, a pair class like "41", a contrast like "zh/z"); `expected` is
    the right answer as stored; `options` are the choices shown (empty when typed).
    """

    drill: Drill
    key: str
    expected: str
    hanzi: str | None = None
    pinyin: str | None = None
    options: tuple[str, ...] = ()
    answer_index: int | None = None
    english: tuple[str, ...] = ()
    note_id: int | None = None
    shown: str = ""  # what to show after the answer (the word in marks, with hanzi)

    @property
    def played(self) -> str:
        """What the learner hears: the next item is never this again straight away."""
        return self.hanzi or self.pinyin or ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """How an answer went: right or not, a one-line explanation, the tones compared."""

    correct: bool
    message: str
    answer: str  # the answer as stored
    tones: tuple[tuple[int, int], ...] = ()  # (heard, answered) for the confusion table
    pieces: tuple[Piece, ...] = ()  # dictation: core.grading's verdict on each syllable
    readable: bool = True  # False: the answer could not be read (ask again, store nothing)


# --- tones ------------------------------------------------------------------------------

# Said alone, a neutral tone only makes sense for these everyday particles and suffixes.
_NEUTRAL_SYLLABLES = ("de", "le", "ma", "ne", "ba", "zi", "men", "me")


@lru_cache(maxsize=1)
def attested_syllables() -> dict[int, tuple[str, ...]]:
    """tone -> syllables that some common character is read with in that tone.

    Taken from pypinyin's character readings (CJK Unified Ideographs only), so a drill
    never plays a syllable that does not exist in Mandarin, like "fia3" or "bei2".
    """
    from pypinyin.pinyin_dict import pinyin_dict  # noqa: PLC0415 - large; load only when drilling

    found: dict[int, set[str]] = {t: set() for t in TONES}
    for code, readings in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        for reading in readings.split(","):
            try:
                syllables = parse(reading)
            except PinyinError:
                continue
            if len(syllables) == 1 and not syllables[0].erhua and syllables[0].tone != NEUTRAL:
                found[syllables[0].tone].add(syllables[0].base)
    found[NEUTRAL] = set(_NEUTRAL_SYLLABLES)
    # syllabic nasals (嗯 ng) are interjections, not drill material
    return {t: tuple(sorted(b for b in bases if b in VALID_SYLLABLES and b not in ("m", "n", "ng", "hm", "hng")))
            for t, bases in found.items()}


def choose_tone(rng: random.Random, confusion: Confusion, avoid: str | None = None) -> Item:
    """A syllable to hear; tones the learner gets wrong more often come up more often.

    `avoid` is what was played last: never the same syllable twice in a row."""
    stats = {t: (confusion.heard(t), confusion.heard(t) - confusion.count(t, t)) for t in TONES}

    def weight(tone: int) -> float:
        # the neutral tone alone is a lesser skill: half the share
        return confusion.error_rate(tone) ** 2 * (0.5 if tone == NEUTRAL else 1) + 0.02

    tone = _lean_choice(rng, TONES, stats, weight)
    syllable = Syllable(rng.choice(_others(attested_syllables()[tone], avoid, lambda b: Syllable(b, tone).numbered)),
                        tone)
    return Item(Drill.TONES, str(tone), str(tone), pinyin=syllable.numbered,
                options=("1", "2", "3", "4", "5"), answer_index=tone - 1, shown=syllable.marked)


def _digits(text: str) -> tuple[int, ...]:
    return tuple(int(ch) for ch in text if ch in "012345")


def _check_tone(item: Item, typed: str) -> Verdict:
    digits = _digits(typed)
    heard = int(item.expected)
    if len(digits) != 1:
        return Verdict(False, "Press one tone, 1-5 (5 = neutral).", typed, readable=False)
    answered = NEUTRAL if digits[0] == 0 else digits[0]
    if answered == heard:
        return Verdict(True, f"Right: {item.shown} is tone {heard}.", str(answered), ((heard, answered),))
    return Verdict(False, f"It was {item.shown}, tone {heard} (you said {answered}).", str(answered),
                   ((heard, answered),))


# --- tone pairs ---------------------------------------------------------------------------

PAIR_CLASSES: tuple[str, ...] = tuple(f"{a}{b}" for a in (1, 2, 3, 4) for b in (1, 2, 3, 4, 5))


@dataclass(frozen=True, slots=True)
class DrillWord:
    """A word a drill can play: from the learner's lessons, or the starter list below."""

    hanzi: str
    pinyin: str  # as written in the lesson (marks or numbers)
    english: tuple[str, ...] = ()
    note_id: int | None = None
    level: str = ""
    lesson_id: str = ""
    tags: tuple[str, ...] = ()

    @property
    def syllables(self) -> list[Syllable]:
        return parse(self.pinyin)


# A few everyday words for every tone pair, so the pairs drill covers all twenty even before
# any lesson is added. Words with 一 or 不 are left out: their tones change in speech.
STARTER_WORDS: tuple[DrillWord, ...] = tuple(
    DrillWord(h, p, tuple(e.split("; ")))
    for h, p, e in (
        ("今天", "jin1 tian1", "today"), ("飞机", "fei1 ji1", "plane"), ("咖啡", "ka1 fei1", "coffee"),
        ("中国", "zhong1 guo2", "China"), ("欢迎", "huan1 ying2", "welcome"), ("生词", "sheng1 ci2", "new word"),
        ("开始", "kai1 shi3", "to begin"), ("铅笔", "qian1 bi3", "pencil"), ("身体", "shen1 ti3", "body; health"),
        ("医院", "yi1 yuan4", "hospital"), ("音乐", "yin1 yue4", "music"), ("商店", "shang1 dian4", "shop"),
        ("桌子", "zhuo1 zi5", "table"), ("衣服", "yi1 fu5", "clothes"), ("哥哥", "ge1 ge5", "elder brother"),
        ("明天", "ming2 tian1", "tomorrow"), ("房间", "fang2 jian1", "room"), ("时间", "shi2 jian1", "time"),
        ("学习", "xue2 xi2", "to study"), ("银行", "yin2 hang2", "bank"), ("同学", "tong2 xue2", "classmate"),
        ("苹果", "ping2 guo3", "apple"), ("牛奶", "niu2 nai3", "milk"), ("没有", "mei2 you3", "not have"),
        ("学校", "xue2 xiao4", "school"), ("牛肉", "niu2 rou4", "beef"), ("同事", "tong2 shi4", "colleague"),
        ("朋友", "peng2 you5", "friend"), ("名字", "ming2 zi5", "name"), ("时候", "shi2 hou5", "time; moment"),
        ("老师", "lao3 shi1", "teacher"), ("北京", "bei3 jing1", "Beijing"), ("每天", "mei3 tian1", "every day"),
        ("每年", "mei3 nian2", "every year"), ("女儿", "nü3 er2", "daughter"), ("旅游", "lü3 you2", "to travel"),
        ("你好", "ni3 hao3", "hello"), ("水果", "shui3 guo3", "fruit"), ("可以", "ke3 yi3", "may; can"),
        ("考试", "kao3 shi4", "exam"), ("米饭", "mi3 fan4", "cooked rice"), ("请问", "qing3 wen4", "excuse me"),
        ("姐姐", "jie3 jie5", "elder sister"), ("奶奶", "nai3 nai5", "grandmother"), ("喜欢", "xi3 huan5", "to like"),
        ("面包", "mian4 bao1", "bread"), ("汽车", "qi4 che1", "car"), ("上班", "shang4 ban1", "to go to work"),
        ("问题", "wen4 ti2", "question"), ("去年", "qu4 nian2", "last year"), ("大学", "da4 xue2", "university"),
        ("汉语", "han4 yu3", "Chinese language"), ("电脑", "dian4 nao3", "computer"), ("报纸", "bao4 zhi3", "newspaper"),
        ("再见", "zai4 jian4", "goodbye"), ("电视", "dian4 shi4", "television"), ("饭店", "fan4 dian4", "restaurant"),
        ("谢谢", "xie4 xie5", "thank you"), ("爸爸", "ba4 ba5", "dad"), ("意思", "yi4 si5", "meaning"),
    )
)


def pair_class(word: DrillWord) -> str | None:
    """"41" for 面包 (tones as written), or None if the word is no use to the pairs drill."""
    if len(word.hanzi) != 2 or "一" in word.hanzi or "不" in word.hanzi:
        return None
    try:
        syllables = word.syllables
    except PinyinError:
        return None
    if len(syllables) != 2 or any(s.erhua for s in syllables):
        return None
    key = f"{syllables[0].tone}{syllables[1].tone}"
    return key if key in PAIR_CLASSES else None


def pair_words(words: Iterable[DrillWord]) -> dict[str, list[DrillWord]]:
    """Pair class -> words in it; the starter words are always there, the learner's added."""
    out: dict[str, list[DrillWord]] = {k: [] for k in PAIR_CLASSES}
    seen: set[str] = set()
    for word in (*words, *STARTER_WORDS):
        key = pair_class(word)
        if key and word.hanzi not in seen:
            seen.add(word.hanzi)
            out[key].append(word)
    return out


def choose_pair(rng: random.Random, by_class: Mapping[str, Sequence[DrillWord]],
                stats: Mapping[str, tuple[int, int]], confusion: Confusion | None = None,
                avoid: str | None = None) -> Item:
    """A word whose tone pair is chosen evenly at first, then toward the learner's mistakes:
    the pair's own record, plus (from the confusion table) how often its two tones are missed.
    `avoid` is the word played last: never the same word twice in a row."""
    keys = [k for k in PAIR_CLASSES if any(w.hanzi != avoid for w in by_class.get(k, ()))] or \
        [k for k in PAIR_CLASSES if by_class.get(k)]

    def weight(k: str) -> float:
        n, wrong = stats.get(k, (0, 0))
        score = ((wrong + 1) / (n + 2)) ** 2
        if confusion is not None and confusion.total:
            score += 0.5 * max(confusion.error_rate(int(k[0])), confusion.error_rate(int(k[1]))) ** 2
        return score + 0.02

    key = _lean_choice(rng, keys, stats, weight)
    word = rng.choice(_others(by_class[key], avoid, lambda w: w.hanzi))
    return Item(Drill.PAIRS, key, key, hanzi=word.hanzi, pinyin=word.pinyin, english=word.english,
                note_id=word.note_id, shown=f"{word.hanzi} {to_marks(word.pinyin)}")


def _check_pair(item: Item, typed: str) -> Verdict:
    digits = tuple(NEUTRAL if d == 0 else d for d in _digits(typed))
    written = (int(item.expected[0]), int(item.expected[1]))
    answer = "".join(map(str, digits))
    if len(digits) != 2:
        return Verdict(False, "Type two tones, like 41 (5 = neutral).", answer, readable=False)
    if digits == written:
        return Verdict(True, f"Right: {item.shown}, tones {written[0]}-{written[1]}.", answer,
                       tuple(zip(written, digits)))
    if written == (3, 3) and digits == (2, 3):
        # 3-3 is said 2-3: the learner heard exactly what was played.
        return Verdict(True, f"Right: {item.shown} is written 3-3 and said 2-3.", answer, ((3, 3), (3, 3)))
    return Verdict(False, f"It was {item.shown}: tones {written[0]}-{written[1]} (you typed "
                   f"{digits[0]}-{digits[1]}).", answer, tuple(zip(written, digits)))


# --- minimal pairs ----------------------------------------------------------------------


def _has_initial(base: str, initial: str) -> bool:
    # "zhi" starts with "z" but its initial is "zh"
    return base.startswith(initial) and not (len(initial) == 1 and initial in "zcs" and base[1:2] == "h")


def _initial_sets(*initials: str) -> list[tuple[str, ...]]:
    first = initials[0]
    finals = {b[len(first):] for b in VALID_SYLLABLES if _has_initial(b, first)}
    out = []
    for final in sorted(finals):
        group = tuple(i + final for i in initials)
        if all(g in VALID_SYLLABLES for g in group):
            out.append(group)
    return out


def _nasal_sets() -> list[tuple[str, ...]]:
    return [(b, b + "g") for b in sorted(VALID_SYLLABLES)
            if b.endswith("n") and len(b) > 1 and b + "g" in VALID_SYLLABLES]


CONTRASTS: tuple[str, ...] = ("zh/z", "ch/c", "sh/s", "j/q/x", "u/ü", "-n/-ng")


@lru_cache(maxsize=None)
def minimal_sets(contrast: str) -> tuple[tuple[str, ...], ...]:
    """The syllable groups (same tone possible for all) that differ only in `contrast`."""
    if contrast in ("zh/z", "ch/c", "sh/s"):
        groups = _initial_sets(contrast[:2], contrast[3])
    elif contrast == "j/q/x":
        groups = _initial_sets("j", "q", "x")
    elif contrast == "u/ü":
        groups = [(f"{i}u{rest}", f"{i}ü{rest}") for i in "nl" for rest in ("", "e")
                  if f"{i}u{rest}" in VALID_SYLLABLES and f"{i}ü{rest}" in VALID_SYLLABLES]
        groups.append(("wu", "yu"))  # written yu, said ü
    elif contrast == "-n/-ng":
        groups = _nasal_sets()
    else:
        raise ValueError(f"unknown contrast {contrast!r}; choose one of {', '.join(CONTRASTS)}")
    attested = attested_syllables()
    return tuple(g for g in groups if _shared_tones(g, attested))


def _shared_tones(group: Sequence[str], attested: Mapping[int, Sequence[str]]) -> list[int]:
    return [t for t in (1, 2, 3, 4) if all(b in attested[t] for b in group)]


def choose_minimal(rng: random.Random, stats: Mapping[str, tuple[int, int]],
                   contrast: str | None = None, avoid: str | None = None) -> Item:
    """Syllables differing in one sound, all in one tone; one is played, the learner picks it.
    `avoid` is the syllable played last: never the same one twice in a row."""
    key = contrast or _lean_choice(rng, CONTRASTS, stats)
    group = rng.choice(minimal_sets(key))
    tone = rng.choice(_shared_tones(group, attested_syllables()))
    options = tuple(Syllable(b, tone) for b in group)
    index = options.index(rng.choice(_others(options, avoid, lambda s: s.numbered)))
    played = options[index]
    return Item(Drill.MINIMAL, key, played.numbered, pinyin=played.numbered,
                options=tuple(s.marked for s in options), answer_index=index, shown=played.marked)


def _check_choice(item: Item, typed: str) -> Verdict:
    digits = _digits(typed)
    if len(digits) != 1 or not 1 <= digits[0] <= len(item.options):
        return Verdict(False, f"Press 1-{len(item.options)}.", typed, readable=False)
    picked = digits[0] - 1
    picked_text = item.options[picked]
    if picked == item.answer_index:
        return Verdict(True, f"Right: {item.shown}.", picked_text)
    return Verdict(False, f"It was {item.shown}, not {picked_text}.", picked_text)


# --- listening ----------------------------------------------------------------------------


def _meaning(word: DrillWord) -> str:
    return "; ".join(word.english[:2])


def choose_listen(rng: random.Random, words: Sequence[DrillWord],
                  stats: Mapping[str, tuple[int, int]] | None = None, avoid: str | None = None) -> Item:
    """A word to hear and four meanings to choose from, the others plausible: same level,
    preferably the same kind of word and the same length. Needs four distinct meanings.
    `avoid` is the word played last: it is never asked twice in a row."""
    stats = stats or {}
    by_meaning: dict[str, DrillWord] = {}
    for word in words:
        by_meaning.setdefault(_meaning(word).lower(), word)
    pool = list(by_meaning.values())
    if len(pool) < 4:
        raise ValueError("the listening drill needs at least four words with different meanings")
    # words asked less often, or missed, come first: the same smoothed weight as elsewhere
    candidates = _others(pool, avoid, lambda w: w.hanzi)
    target = rng.choices(candidates, weights=[
        ((stats.get(w.hanzi, (0, 0))[1] + 1) / (stats.get(w.hanzi, (0, 0))[0] + 2)) for w in candidates])[0]
    length = len(target.hanzi)

    def plausibility(word: DrillWord) -> float:
        score = 2.0 if set(word.tags) & set(target.tags) else 0.0
        score += 1.0 if len(word.hanzi) == length else 0.0
        score += 0.5 if word.lesson_id == target.lesson_id else 0.0
        return score + rng.random()  # random tie-break

    others = sorted((w for w in pool if w is not target), key=plausibility, reverse=True)[:3]
    choices = [target, *others]
    rng.shuffle(choices)
    index = choices.index(target)
    return Item(Drill.LISTEN, target.hanzi, _meaning(target), hanzi=target.hanzi, pinyin=target.pinyin,
                options=tuple(_meaning(w) for w in choices), answer_index=index, english=target.english,
                note_id=target.note_id, shown=f"{target.hanzi} {to_marks(target.pinyin)}: {_meaning(target)}")


# --- dictation ----------------------------------------------------------------------------


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
    usable = _others(usable, avoid, lambda w: w.hanzi)
    word = rng.choices(usable, weights=[
        ((stats.get(w.hanzi, (0, 0))[1] + 1) / (stats.get(w.hanzi, (0, 0))[0] + 2)) for w in usable])[0]
    marks = to_marks(word.pinyin)
    return Item(Drill.DICTATION, word.hanzi, marks, hanzi=word.hanzi, pinyin=word.pinyin,
                english=word.english, note_id=word.note_id, shown=f"{word.hanzi} {marks}")


def _check_dictation(item: Item, typed: str, lexicon: Lexicon = EMPTY) -> Verdict:
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


# --- one entry point for answers ------------------------------------------------------------


def check(item: Item, typed: str, lexicon: Lexicon = EMPTY) -> Verdict:
    """Whether `typed` (keys pressed or text typed) answers `item` (`lexicon`: see core.grading)."""
    if item.drill is Drill.TONES:
        return _check_tone(item, typed)
    if item.drill is Drill.PAIRS:
        return _check_pair(item, typed)
    if item.drill is Drill.DICTATION:
        return _check_dictation(item, typed, lexicon)
    return _check_choice(item, typed)
