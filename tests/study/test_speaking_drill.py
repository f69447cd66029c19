"""The speaking drill: tone pairs and the learner's own words, in turn, never twice in a row."""

from __future__ import annotations

import random

from lianxi.core.drills.words import STARTER_WORDS
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.speaking_drill import SpeakingDrill

from samples import SAMPLE_LESSON


def test_before_any_lesson_the_everyday_words_are_said(learner):
    drill = SpeakingDrill(learner, rng=random.Random(1))
    items = [drill.next() for _ in range(20)]
    starters = {w.hanzi for w in STARTER_WORDS}
    assert all(item.hanzi in starters for item in items)
    assert [item.kind for item in items[:4]] == ["pair", "word", "pair", "word"]
    assert all(a.hanzi != b.hanzi for a, b in zip(items, items[1:]))


def test_a_lessons_words_come_up_in_turn_with_the_tone_pairs(learner):
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    drill = SpeakingDrill(learner, lesson_id="sample-greetings", rng=random.Random(2))
    items = [drill.next() for _ in range(12)]
    words = {item.hanzi for item in items if item.kind == "word"}
    assert words <= {"你好", "谢谢", "再见"} and len(words) >= 2
    pairs = [item for item in items if item.kind == "pair"]
    assert len(pairs) == 6 and all(len(item.hanzi) == 2 for item in pairs)
