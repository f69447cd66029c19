"""Reading a card search line: free text as hanzi, pinyin (toned or not) and English; filters."""

from __future__ import annotations

import pytest

from lianxi.core.card_search import SearchError, parse_query


@pytest.mark.parametrize("text, syllables, toned", [
    ("ni hao", ("ni", "hao"), False),
    ("nihao", ("ni", "hao"), False),
    ("ni3hao3", ("ni3", "hao3"), True),
    ("nǐhǎo", ("ni3", "hao3"), True),
    ("xie4xie5", ("xie4", "xie5"), True),
    ("lv3", ("lü3",), True),
])
def test_pinyin_with_or_without_tones(text, syllables, toned):
    query = parse_query(text)
    assert query.pinyin is not None
    assert (query.pinyin.syllables, query.pinyin.toned) == (syllables, toned)


@pytest.mark.parametrize("text", ["hello", "你好", "thank you", "to be"])
def test_english_and_hanzi_are_free_words(text):
    query = parse_query(text)
    assert query.text == tuple(text.split())


def test_a_word_that_is_pinyin_and_english_is_searched_as_both():
    query = parse_query("men")
    assert query.text == ("men",) and query.pinyin.syllables == ("men",)


def test_filters():
    query = parse_query("lesson:first-01 state:due is:leech flag:red kind:recall 好")
    assert query.lesson == "first-01" and query.states == ("due", "leech") and query.flag == 1
    assert query.kinds == ("recall",) and query.text == ("好",)
    assert parse_query("flag:any").flag == -1 and parse_query("flag:none").flag == 0
    assert parse_query("flag:3").flag == 3
    assert parse_query("").empty
    # the short names the browser shows are read as their kinds; state:off is a state
    assert parse_query("kind:read kind:listen kind:type_py").kinds == ("recognition", "listening", "type_pinyin")
    assert parse_query("state:off").states == ("off",)


@pytest.mark.parametrize("text, says", [
    ("state:sleeping", "use one of new, learning, due"),
    ("flag:purple", "use red, orange, green, blue"),
    ("kind:essay", "unknown kind"),
    ("lesson:", "lesson: needs a lesson id"),
])
def test_a_filter_that_does_not_exist_says_what_would_work(text, says):
    with pytest.raises(SearchError, match=says):
        parse_query(text)
