"""One rule for "known" wherever Lianxi says it: the lesson catalogue (and `lianxi lessons list`)
counts the words the statistics' HSK coverage counts: every started card of the word in review
and recalled with a chance of 90% or more today (FSRS). The catalogue once counted a word known
as soon as one card left its learning steps, so the same course read "53 known" there and
"22 known" on the statistics screen."""

from __future__ import annotations

from lianxi.study.catalogue import open_catalogue
from lianxi.study.drills import change_audio_settings
from lianxi.study.statistics import KNOWN, statistics, word_recall

from history import study


def test_the_catalogue_and_the_statistics_count_the_same_words_known(learner, clock):
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False, listening_cards=False)
    learner.lesson_to_review("hsk2-1-01")
    study(learner, clock, 12, per_day=30, typed=False, drills=0)
    recall = word_recall(learner)
    known = sum(1 for chance in recall.values() if chance is not None and chance >= KNOWN)
    learning = sum(1 for chance in recall.values() if chance is None or chance < KNOWN)
    assert known > 0 and learning > 0  # both kinds of word, so the rule is put to the test

    figures = statistics(learner)
    level = next(c for c in figures.hsk if c.name == "HSK 2.0 level 1")
    catalogue = open_catalogue(learner)
    course = next(c for c in catalogue.courses if c.title.startswith("HSK 2.0 level 1"))
    words = [w for lesson in course.lessons for w in lesson.words]
    assert catalogue.known_in(words) == level.known == known
    lesson = catalogue.lesson("hsk2-1-01")
    assert catalogue.known_in(lesson.words) == known  # every word studied is in this lesson
