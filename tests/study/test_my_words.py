"""My words managed as a list: which words are in it, removing one (progress kept, hidden)."""

from __future__ import annotations

import pytest

from lianxi.core.schedule import Rating
from lianxi.study.dictionary import Dictionary
from lianxi.study.my_words import MY_WORDS, NotInMyWords, add_word, my_words, remove_from_my_words


def add(learner, hanzi, pinyin, english, traditional=""):
    add_word(learner, {"hanzi": hanzi, "pinyin": pinyin, "english": [english], "traditional": traditional or hanzi})


def test_remove_a_word_and_bring_it_back_with_its_progress(learner):
    add(learner, "学习", "xue2 xi2", "to study", "學習")
    add(learner, "老师", "lao3 shi1", "teacher", "老師")
    assert [(w.hanzi, w.pinyin) for w in my_words(learner)] == [("学习", "xué xí"), ("老师", "lǎo shī")]
    session = learner.session(MY_WORDS)
    card = session.next()
    session.answer(Rating.Good)

    removed = remove_from_my_words(learner, "學習")  # traditional works as simplified does
    assert removed.hanzi == "学习"
    assert [w.hanzi for w in my_words(learner)] == ["老师"]
    conn = learner.progress.conn
    assert conn.execute("SELECT removed FROM notes WHERE lesson_id = ? AND hanzi = '学习'", (MY_WORDS,)).fetchone() == (1,)
    assert learner.session(MY_WORDS).next().hanzi == "老师"  # its cards are no longer studied

    add(learner, "学习", "xue2 xi2", "to study", "學習")
    assert conn.execute("SELECT reps FROM cards WHERE id = ?", (card.id,)).fetchone() == (1,)


def test_removing_the_last_word_and_a_word_not_there(learner):
    add(learner, "茶", "cha2", "tea")
    with pytest.raises(NotInMyWords, match="not in My words"):
        remove_from_my_words(learner, "水")
    remove_from_my_words(learner, "茶")
    assert my_words(learner) == []
    assert learner.session(MY_WORDS).next() is None


def test_several_readings_need_the_one_to_remove(learner, real_index):
    dictionary = Dictionary(learner, index=real_index)
    readings = {f.pinyin: f for f in dictionary.lookup("好", limit=5) if f.simplified == "好"}
    dictionary.add_to_my_words(readings["hao3"].id)
    dictionary.add_to_my_words(readings["hao4"].id)
    with pytest.raises(NotInMyWords, match="several readings"):
        remove_from_my_words(learner, "好")
    remove_from_my_words(learner, "好", "hao4")
    assert [(w.hanzi, w.numbered) for w in my_words(learner)] == [("好", "hao3")]
    dictionary.close()
