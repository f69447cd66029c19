"""A lesson from a list of words (core.word_list): the dictionary's reading, the common word, checks.

The dictionary lines below are CC-CEDICT's own (the lookup is an input, like a file);
the expected readings are what a teacher writes: the whole word's reading with its
neutral tones and erhua, and the common word where there are several.
"""

from __future__ import annotations

import pytest

from lianxi.core.glosses import has_markup
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.lessons import LessonProblems
from lianxi.core.word_list import DictionaryWord, from_list

LINES = """\
還 还 [Huan2] /surname Huan/
還 还 [hai2] /still/still in progress/still more/yet/
還 还 [huan2] /to pay back/to return/
書 书 [shu1] /book/letter/document/CL:本[ben3],冊|册[ce4],部[bu4]/to write/
長 长 [chang2] /length/long/forever/always/constantly/
長 长 [zhang3] /chief/head/elder/to grow/to develop/to increase/to enhance/
東西 东西 [dong1 xi1] /east and west/
東西 东西 [dong1 xi5] /thing/stuff/person/CL:個|个[ge4],件[jian4]/
一點 一点 [yi1 dian3] /a bit/a little/one dot/one point/
一點兒 一点儿 [yi1 dian3 r5] /erhua variant of 一點|一点[yi1 dian3]/
喜歡 喜欢 [xi3 huan5] /to like/to be fond of/
謝謝 谢谢 [xie4 xie5] /to thank/thanks/thank you/
女兒 女儿 [nu:3 er2] /daughter/CL:個|个[ge4]/
本 本 [ben3] /root/stem/origin/source/this/the current/original/inherent/originally/classifier for books, periodicals, files etc/
離譜 离谱 [li2 pu3] /excessive/beyond reasonable limits/irregular/
哪兒 哪儿 [na3 r5] /where?/wherever; anywhere; somewhere/
"""


def _entries() -> dict[str, list[DictionaryWord]]:
    found: dict[str, list[DictionaryWord]] = {}
    for line in LINES.splitlines():
        head, _, rest = line.partition(" [")
        traditional, simplified = head.split(" ")
        reading, _, senses = rest.partition("] /")
        entry = DictionaryWord(traditional, simplified, reading, tuple(s for s in senses.rstrip("/").split("/") if s))
        for key in {traditional, simplified}:
            found.setdefault(key, []).append(entry)
    return found


ENTRIES = _entries()


def lookup(hanzi):
    return ENTRIES.get(hanzi, [])


def course(hanzi):  # the bundled HSK course's readings, as lessons/hsk/words.tsv gives them
    return {"长": "chang2", "东西": "dong1 xi5"}.get(hanzi)


def make(text, **kwargs):
    return from_list(text, "list.txt", lookup, title="Week 5", **kwargs)


def words_of(lesson):
    return {w.hanzi: w for w in lesson.words}


def test_the_dictionary_reading_of_the_whole_word_with_neutral_tones_and_erhua():
    _, lesson, _ = make("喜欢\n谢谢\n东西\n一点儿\n哪儿\n女儿\n")
    words = words_of(lesson)
    assert words["喜欢"].pinyin == "xǐ huan"  # not pypinyin's xǐ huān
    assert words["谢谢"].pinyin == "xiè xie"
    assert words["东西"].pinyin == "dōng xi"
    assert words["一点儿"].pinyin == "yī diǎnr" and words["一点儿"].numbered == "yi1 dianr3"
    assert words["哪儿"].pinyin == "nǎr"  # one syllable, never a separate er2
    assert words["女儿"].pinyin == "nǚ ér"  # 女儿's 儿 is a full syllable


def test_the_common_word_is_chosen_and_the_others_named():
    _, lesson, drafts = make("东西\n长\n还\n", course=course)
    words = words_of(lesson)
    assert words["东西"].english[0] == "thing" and words["长"].pinyin == "cháng"
    checks = {d.hanzi: d.check for d in drafts}
    assert checks["东西"] == 'CHECK reading: 东西 is dōng xi "thing" here; it can also be dōng xī "east and west"'
    assert checks["还"] == 'CHECK reading: 还 is hái "still" here; it can also be huán "to pay back"'
    assert "zhǎng" in checks["长"]


def test_without_the_course_the_everyday_word_still_wins():
    _, lesson, _ = make("东西\n")
    assert lesson.words[0].pinyin == "dōng xi"  # a later neutral tone marks the everyday word


def test_the_tutors_gloss_picks_its_reading():
    _, lesson, drafts = make("长\tto grow\n")
    assert lesson.words[0].pinyin == "zhǎng" and lesson.words[0].english == ("to grow",)
    assert drafts[0].check.startswith('CHECK reading: 长 is zhǎng "to grow" here')


def test_traditional_characters_are_written_in_simplified_with_their_traditional_form():
    _, lesson, _ = make("東西\n長\n謝謝\n一點兒\n", course=course)
    words = words_of(lesson)
    assert set(words) == {"东西", "长", "谢谢", "一点儿"}
    assert words["东西"].traditional == "東西" and words["长"].traditional == "長"
    assert words["一点儿"].pinyin == "yī diǎnr"


def test_the_same_word_in_both_scripts_is_a_repeat():
    with pytest.raises(LessonProblems, match=r"東西 \(东西\) is already on line 1") as caught:
        make("东西\n東西\n")
    assert caught.value.errors[0].line == 2


def test_glosses_are_clean_and_pointer_entries_take_their_words_glosses():
    _, lesson, _ = make("一点儿\n书\n本\n离谱儿\n")
    words = words_of(lesson)
    assert words["一点儿"].english == ("a bit", "a little", "one dot")  # 一点's, not "erhua variant of"
    assert words["书"].measure_word == "本、册" and words["书"].english == ("book", "letter", "document")
    assert "classifier for books, periodicals, files etc" in words["本"].english
    assert words["离谱儿"].pinyin == "lí pǔr" and words["离谱儿"].english[0] == "excessive"
    assert not any(has_markup(g) for w in lesson.words for g in w.english)


def test_check_notes_point_at_their_line_in_the_lesson_file():
    text, lesson, drafts = make("书\n还\n\n长\n", course=course)
    lines = text.splitlines()
    checked = [d for d in drafts if d.check]
    assert [d.hanzi for d in checked] == ["还", "长"]
    for draft in checked:
        assert lines[draft.written_line - 1] == f"# {draft.check}"
        assert lines[draft.written_line - 2] == f'hanzi = "{draft.hanzi}"'
    assert parse_lesson(text.encode("utf-8"), "list.txt") == lesson


def test_a_word_the_dictionary_lacks_is_read_by_pypinyin_and_needs_english():
    _, lesson, drafts = make("我们\twe\n")
    assert lesson.words[0].pinyin == "wǒ men"
    with pytest.raises(LessonProblems, match="no English found for 我们"):
        make("我们\n")


def test_every_bad_line_is_reported_and_nothing_written():
    with pytest.raises(LessonProblems) as caught:
        make("书\thello\nhello\n书\thi\n")
    assert [(e.line, e.field) for e in caught.value.errors] == [(2, "hanzi"), (3, "hanzi")]
    with pytest.raises(LessonProblems, match="has no words"):
        make("\n# only a comment\n")
