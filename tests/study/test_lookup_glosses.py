"""Lookup shows glosses a learner can read: no CC-CEDICT markup, variant entries with their word's glosses."""

from __future__ import annotations

import pytest

from lianxi.core.glosses import has_markup
from lianxi.study.dictionary import Dictionary
from lianxi.study.my_words import my_words


@pytest.fixture
def dictionary(learner, real_index):
    return Dictionary(learner, index=real_index)


def test_erhua_and_variant_entries_take_the_glosses_of_their_word(dictionary):
    by_reading = {(f.simplified, f.pinyin): f.meaning for f in dictionary.lookup("一点儿")}
    assert by_reading[("一点儿", "yi1 dian3 r5")].startswith("a bit; a little")
    # two steps: 差一点儿 -> 差一点 -> 差点
    assert {f.simplified: f.meaning for f in dictionary.lookup("差一点儿")}["差一点儿"] == "almost; nearly"


@pytest.mark.parametrize("query", ["了", "还", "个", "书", "一点儿", "to teach", "hao", "好"])
def test_no_result_shows_dictionary_markup(dictionary, query):
    results = dictionary.lookup(query)
    assert results
    for found in results:
        assert found.meaning and not has_markup(found.meaning), (found.simplified, found.meaning)


def test_a_variant_added_to_my_words_gets_real_glosses(dictionary, learner):
    found = next(f for f in dictionary.lookup("一点儿") if f.simplified == "一点儿")
    dictionary.add_to_my_words(found.id)
    (word,) = my_words(learner)
    assert word.english[:2] == ("a bit", "a little")
