"""Search ranks like a learner expects: a table of queries and the word that must come first.

Written from a learner's point of view (what a first- or second-year learner means when
typing this), over the real CC-CEDICT and the bundled HSK lessons; never copied from
the program's output.
"""

from __future__ import annotations

import pytest

from lianxi.study.dictionary import Dictionary

# (query, the word a learner means)
FIRST = [
    # toneless pinyin: the common word, not a rare one with the same letters
    ("xue xi", "学习"),
    ("xuexi", "学习"),
    ("ni hao", "你好"),
    ("xie xie", "谢谢"),
    ("zai jian", "再见"),
    ("peng you", "朋友"),
    ("lao shi", "老师"),
    ("xue sheng", "学生"),
    ("zhong guo", "中国"),
    ("beijing", "北京"),
    ("dian nao", "电脑"),
    ("chi fan", "吃饭"),
    ("ka fei", "咖啡"),
    ("mei you", "没有"),
    ("shi", "是"),
    ("wo", "我"),
    ("de", "的"),
    ("bu", "不"),
    ("hen", "很"),
    ("yidianr", "一点儿"),
    # tones, as numbers or marks, whole or in part
    ("ma3", "马"),
    ("mai3", "买"),
    ("mai4", "卖"),
    ("hao3", "好"),
    ("xie4xie5", "谢谢"),
    ("nǐhǎo", "你好"),
    ("shū", "书"),
    ("shuǐ", "水"),
    ("lv4", "绿"),
    ("nü3", "女"),
    # English: the plain gloss, learner words first
    ("hello", "你好"),
    ("thank you", "谢谢"),
    ("book", "书"),
    ("water", "水"),
    ("to eat", "吃"),
    ("eat", "吃"),
    ("dog", "狗"),
    ("cat", "猫"),
    ("teacher", "老师"),
    ("student", "学生"),
    ("go", "去"),
    ("big", "大"),
    ("tea", "茶"),
    ("computer", "电脑"),
    ("tomorrow", "明天"),
    ("today", "今天"),
    # letters that are pinyin and English at once: the closest match, then the word taught
    # first, whichever reading found it (not 蛇 shé "snake", 死 before 爹 diē "dad")
    ("she", "她"),
    ("die", "死"),
    ("man", "男人"),
    ("long", "长"),
    # traditional characters find the word as simplified ones do
    ("學習", "学习"),
    ("謝謝", "谢谢"),
    ("書", "书"),
    ("電腦", "电脑"),
    ("國", "国"),
    # a traditional variant no word is written with, or scripts mixed: read as the simplified form
    ("妳好", "你好"),
    ("学習", "学习"),
    ("後來", "后来"),
    ("乾杯", "干杯"),
    # hanzi: the word itself first, then words built on it
    ("你好", "你好"),
    ("学", "学"),
    ("中国", "中国"),
    ("一点儿", "一点儿"),
]


@pytest.fixture(scope="module")
def dictionary(real_index, tmp_path_factory):
    from lianxi.study import Learner

    learner = Learner.open(tmp_path_factory.mktemp("ranking") / "data")
    found = Dictionary(learner, index=real_index)
    yield found
    found.close()
    learner.close()


@pytest.mark.parametrize(("query", "word"), FIRST, ids=[q for q, _ in FIRST])
def test_the_word_a_learner_means_comes_first(dictionary, query, word):
    results = dictionary.lookup(query, limit=5)
    assert results and results[0].simplified == word, [f.simplified for f in results]


def test_no_rare_or_violent_word_right_after_the_common_one(dictionary):
    # 血洗 "massacre" and 谑戏 share the letters of 学习: learner words come before them
    top = dictionary.lookup("xue xi", limit=4)
    assert [f.simplified for f in top][0] == "学习"
    assert top[1].hsk_level, [(f.simplified, f.hsk_level) for f in top]
    assert "血洗" not in [f.simplified for f in top[:2]]


@pytest.mark.parametrize("word", ["hospital", "swim", "teach", "cook"])  # not pinyin too ("dance": dan ce)
def test_english_whole_words_before_stemmed_matches(dictionary, word):
    # a gloss holding the word itself ("to go to sleep") outranks one that only shares its stem
    # ("swimming pool", "teacher"): every whole-word match comes before the first stemmed one
    import re

    found = dictionary.lookup(word, limit=80)
    whole = [bool(re.search(rf"\b{word}\b", " / ".join(f.senses), re.IGNORECASE)) for f in found]
    assert True in whole and False in whole, "the query should find both kinds"
    first_stemmed = whole.index(False)
    assert True not in whole[first_stemmed:], [f.simplified for f in found]


def test_go_finds_the_verbs_a_learner_means(dictionary):
    go = [f.simplified for f in dictionary.lookup("go", limit=10)]
    assert go[0] == "去" and "走" in go[:5]

