"""Gloss cleaning: CC-CEDICT senses in, glosses a learner can read out (core.glosses).

The senses below are CC-CEDICT's own lines for these words; the expected glosses are
what a teacher would put on the card, written from the rules in the module's docstring.
"""

import pytest

from lianxi.core.glosses import (
    Pointer, clean_sense, has_markup, is_grammar_sense, is_measure_sense, is_pointer, learner_glosses,
    measure_words, pointer,
)

BEN = ["root", "stem", "origin", "source", "this", "the current", "original", "inherent", "originally",
       "classifier for books, periodicals, files etc"]
DIAN = ("point/dot/drop/speck/o'clock/point (in space or time)/to draw a dot/to check on a list/to choose/"
        "to order (food in a restaurant)/to touch briefly/to hint/to light/to ignite/to pour a liquid drop by drop/"
        "(old) one fifth of a two-hour watch 更[geng1]/dot stroke in Chinese characters/classifier for items").split("/")
ZHANG = ["to open up", "to spread", "sheet of paper", "classifier for flat objects, sheet", "classifier for votes"]
BA = ["to hold; to grasp", "to hold a baby in position to help it urinate or defecate", "handlebar",
      "classifier: handful, bundle, bunch", "classifier for things with handles",
      "(used to put the object before the verb: 把[ba3] + {noun} + {verb})"]


def test_a_measure_word_keeps_its_classifier_sense():
    # 本 is used as a pronoun, a measure word, an adverb and a noun: the measure use joins the others
    assert learner_glosses(BEN, measure=True) == ("root", "stem", "classifier for books, periodicals, files etc")
    # 张's main use is the measure word: it comes first
    assert learner_glosses(ZHANG, measure=True, lead="measure")[0] == "classifier for flat objects, sheet"
    # 点 tells the hour: "o'clock" is its first measure sense, before "classifier for items"
    assert learner_glosses(DIAN, measure=True, lead="measure") == ("o'clock", "point", "dot")
    # without the measure use asked for, the first senses win (a dictionary list, not a card)
    assert "classifier" not in " ".join(learner_glosses(BEN))


def test_a_function_word_keeps_the_sense_that_says_what_it_does():
    glosses = learner_glosses(BA, measure=True, grammar=True)
    assert glosses[0] == "to hold"
    assert "used to put the object before the verb: 把 + noun + verb" in glosses
    assert "classifier: handful, bundle, bunch" in glosses
    assert len(glosses) == 3


def test_old_classifier_senses_are_not_a_main_use():
    water = ["water", "river", "liquid", "beverage", "(old) classifier for coins"]
    assert learner_glosses(water, measure=True) == ("water", "river", "liquid")


def test_markup_is_removed_from_every_gloss():
    assert clean_sense("to finish; to achieve; variant of 瞭|了[liao3]") == ("to finish", "to achieve")
    assert clean_sense("(joining two nouns) and; together with; with (Taiwan pr. [han4])") == (
        "(joining two nouns) and", "together with", "with")
    assert clean_sense("equivalent to 就[jiu4]: then") == ("equivalent to 就: then",)
    assert clean_sense("(bound form) not; un-") == ("not", "un-")
    assert clean_sense("to let sb do sth") == ("to let someone do something",)
    # an aside over 30 characters goes; braces are CC-CEDICT's placeholders
    assert clean_sense("(followed by a noun and adjective) more {adj.} than {noun}") == ("more adj. than noun",)
    assert clean_sense("of; ~'s (possessive particle)") == ("of", "'s (possessive particle)")
    assert clean_sense("(completed action marker)") == ("completed action marker",)
    for pointer_only in ("surname Wang", "variant of 個|个[ge4]", "erhua variant of 一點|一点[yi1 dian3]",
                         "see 干嘛[gan4 ma2]", "used in 自個兒|自个儿[zi4 ge3 r5]", "CL:個|个[ge4]",
                         "also pr. [hao4]", "Kangxi radical 9", "old variant of 好[hao3]",
                         "Taiwan pr. [xing4] for the behavior-conduct sense"):
        assert clean_sense(pointer_only) == (), pointer_only
        assert is_pointer(pointer_only), pointer_only


def test_real_glosses_that_look_like_markup_stay():
    assert learner_glosses(["family name", "surname", "to be surnamed"]) == ("family name", "surname", "to be surnamed")
    assert learner_glosses(["to see", "to meet"]) == ("to see", "to meet")
    assert not has_markup("surname")


def test_register_labels_and_rare_later_senses():
    # the dictionary's order of glosses stays: a (coll.) label says nothing about which gloss is the word
    assert learner_glosses(["(coll.) father; dad"]) == ("father", "dad")
    assert learner_glosses(["surname Wang", "king; monarch", "(literary) to rule"]) == ("king", "monarch")
    assert learner_glosses(["good", "(coll.) modem", "old variant of 好", "also pr. [hao4]"]) == ("good",)
    # a literary sense that comes first is the word's own meaning
    assert learner_glosses(["(literary) to rule", "king"]) == ("to rule", "king")


def test_pointer_entries_name_the_word_they_stand_for():
    assert pointer(["erhua variant of 一點|一点[yi1 dian3]"]) == Pointer("一点", "一點", "yi1 dian3", True)
    assert pointer(['variant of 記錄|记录[ji4 lu4] (but in Taiwan, not for the verb sense "to record")']) == (
        Pointer("记录", "記錄", "ji4 lu4", False))
    assert pointer(["see 干嘛[gan4 ma2]"]) == Pointer("干嘛", "干嘛", "gan4 ma2", False)
    # an entry that also teaches something is not a pointer
    assert pointer(["erhua variant of 一點|一点[yi1 dian3]", "a bit; a little bit"]) is None
    assert learner_glosses(["erhua variant of 一點|一点[yi1 dian3]"]) == ()


def test_kinds_of_sense():
    assert is_measure_sense("(classifier used before a noun that has no specific classifier)")
    assert is_measure_sense("(of clothes) classifier for number of washes")
    assert is_measure_sense("o'clock")
    assert not is_measure_sense("(bound form) this; these (followed by a classifier)")
    assert not is_measure_sense("abbr. for 量詞|量词[liang4 ci2], classifier (in Chinese grammar)")
    assert is_grammar_sense("(used to put the object before the verb: 把[ba3] + {noun} + {verb})")
    assert is_grammar_sense("structural particle: used after a verb (or adjective as main verb)")
    assert is_grammar_sense("(completed action marker)")
    assert is_grammar_sense("aspect particle indicating action in progress or ongoing state")
    assert not is_grammar_sense("to use")


def test_measure_words_come_from_cl_senses():
    assert measure_words(["book", "letter", "CL:本[ben3],冊|册[ce4],部[bu4]"]) == "本、册"
    assert measure_words(["book"]) == ""


@pytest.mark.parametrize("text", [
    "variant of 了", "erhua variant of 一点", "surname Zhang", "个|個", "to play [da3]", "CL:个", "see 干嘛",
    "also pr. [hao4]", "to tell sb", "(bound form) not",
])
def test_has_markup_finds_what_a_learner_must_never_read(text):
    assert has_markup(text)


@pytest.mark.parametrize("text", ["to teach", "classifier for books", "o'clock", "family name", "(after a verb) up"])
def test_has_markup_leaves_plain_glosses_alone(text):
    assert not has_markup(text)
