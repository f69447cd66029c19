"""No drill asks the same thing twice in a row (the listening drill used to), on a real database."""

from __future__ import annotations

import random

import pytest

from lianxi.core.drills.items import Drill
from lianxi.core.drills.listening import choose_listen
from lianxi.core.drills.words import DrillWord
from lianxi.study.drills import DrillRun

FOUR = """\
id = "four"
title = "Animals"
level = "HSK 1"

[[words]]
hanzi = "猫"
pinyin = "māo"
english = "cat"
example = "我有一只猫。"
example_pinyin = "Wǒ yǒu yì zhī māo."
example_english = "I have a cat."

[[words]]
hanzi = "狗"
pinyin = "gǒu"
english = "dog"

[[words]]
hanzi = "鱼儿"
pinyin = "yú'ér"
english = "fish"

[[words]]
hanzi = "老虎"
pinyin = "lǎohǔ"
english = "tiger"
"""


@pytest.mark.parametrize("drill", list(Drill))
def test_no_drill_plays_the_same_item_twice_in_a_row(learner, lesson_file, drill):
    learner.import_files([lesson_file(FOUR)])
    run = DrillRun(learner, drill, rng=random.Random(5), contrast="zh/z" if drill is Drill.MINIMAL else None)
    played = []
    for _ in range(60):
        item = run.next()
        played.append(item.played)
        run.answer(item.expected if drill is not Drill.LISTEN and drill is not Drill.MINIMAL
                   else str(item.answer_index + 1))
    assert all(a != b for a, b in zip(played, played[1:])), played
    assert len(set(played)) > 2  # and it still moves around the whole set


def test_a_word_missed_often_still_waits_one_turn():
    # the weights lean hard toward 猫 (asked 50 times, always missed) but it cannot follow itself
    words = [DrillWord(h, p, (e,)) for h, p, e in
             (("猫", "mao1", "cat"), ("狗", "gou3", "dog"), ("鱼", "yu2", "fish"), ("鸟", "niao3", "bird"))]
    stats = {"猫": (50, 50), "狗": (50, 0), "鱼": (50, 0), "鸟": (50, 0)}
    rng = random.Random(0)
    item = choose_listen(rng, words, stats, avoid="猫")
    for _ in range(200):
        assert choose_listen(rng, words, stats, avoid="猫").hanzi != "猫"
    assert item.hanzi != "猫"
