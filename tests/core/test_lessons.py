"""Lesson files: good ones become Lessons, bad ones list every problem with file:line:field."""

import pytest

from lianxi.core.lesson_file import check_unique_ids, parse_lesson
from lianxi.core.lesson_pinyin import display_pinyin
from lianxi.core.lessons import LessonProblems

GOOD = """\
id = "week-1"
title = "Week one"
level = "HSK 1"

[[words]]
hanzi = "你好"
pinyin = "ni3 hao3"
english = "hello; hi"

[[words]]
hanzi = "女儿"
pinyin = "nǚ'ér"
english = ["daughter"]
traditional = "女兒"
measure_word = "个"
tags = ["family"]
"""


def problems(text: str | bytes) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(LessonProblems) as info:
        parse_lesson(data, "week.toml")
    return [str(e) for e in info.value.errors]


def test_a_good_lesson_becomes_words_with_marks_and_numbers():
    lesson = parse_lesson(GOOD.encode(), "week.toml")
    assert (lesson.id, lesson.title, lesson.level) == ("week-1", "Week one", "HSK 1")
    hello, daughter = lesson.words
    assert hello.pinyin == "nǐ hǎo" and hello.numbered == "ni3 hao3"
    assert hello.english == ("hello", "hi")
    assert daughter.pinyin == "nǚ'ér" and daughter.numbered == "nü3 er2"
    assert daughter.traditional == "女兒" and daughter.tags == ("family",)
    assert hello.line == 5 and daughter.line == 10


def test_numbers_written_together_show_as_one_marked_word():
    assert display_pinyin("ni3hao3") == "nǐhǎo"
    assert display_pinyin("xi1an1") == "xī'ān"
    assert display_pinyin("Zhōngguó") == "Zhōngguó" and display_pinyin("Bei3jing1") == "Běijīng"


def test_unknown_fields_are_named_with_a_suggestion():
    assert problems(GOOD.replace('level = "HSK 1"', 'levl = "HSK 1"')) == [
        "week.toml:1: level: is missing: add a line like level = \"...\" at the top",
        "week.toml:3: levl: unknown field 'levl': did you mean 'level'? "
        "(allowed: id, title, level, description, attribution, words)",
    ]
    found = problems(GOOD.replace("tags =", "tag ="))
    assert found == ["week.toml:16: tag: unknown field 'tag': did you mean 'tags'? (allowed: hanzi, pinyin, "
                     "english, traditional, measure_word, example, example_pinyin, example_english, note, tags, other_readings)"]


def test_missing_hanzi_and_impossible_pinyin_are_reported_together():
    text = GOOD.replace('hanzi = "你好"\n', "").replace('pinyin = "nǚ\'ér"', 'pinyin = "nv3 xia3o"')
    found = problems(text)
    assert found[0].startswith("week.toml:5: hanzi: is missing in this word")
    assert found[1].startswith("week.toml:11: pinyin: 'xia3o' is not a Mandarin syllable")


def test_pinyin_must_have_one_syllable_per_character():
    found = problems(GOOD.replace('"ni3 hao3"', '"ni3"'))
    assert found == ["week.toml:7: pinyin: 'ni3' has 1 syllable(s) but 你好 has 2 character(s): "
                     "give one syllable per character"]


def test_erhua_counts_for_the_er_character():
    text = GOOD.replace('hanzi = "你好"', 'hanzi = "一会儿"').replace('"ni3 hao3"', '"yíhuìr"')
    assert parse_lesson(text.encode(), "x").words[0].numbered == "yi2 huir4"


def test_malformed_toml_names_the_line():
    found = problems(GOOD.replace('title = "Week one"', 'title = "Week one'))
    assert len(found) == 1 and found[0].startswith("week.toml:2: toml:")


def test_a_file_that_is_not_utf8_says_how_to_fix_it():
    found = problems(GOOD.encode().replace(b"Week one", "Semaine première".encode("latin-1")))
    assert found == ["week.toml:2: file: is not UTF-8 text; save it again as UTF-8 "
                     "(in most editors: Save As, Encoding: UTF-8)"]


def test_bad_id_empty_words_and_wrong_types():
    assert problems('id = "Week 1"\ntitle = "t"\nlevel = "l"\nwords = []\n') == [
        "week.toml:1: id: 'Week 1' is not a usable id: use lowercase letters, digits and hyphens, "
        "like \"my-class-week-1\"",
        "week.toml:4: words: has no words: add at least one [[words]] table",
    ]
    found = problems(GOOD.replace('english = ["daughter"]', "english = 3"))
    assert found == ["week.toml:13: english: must be text or a list of texts, like \"hello\" or [\"hello\", \"hi\"]"]


def test_the_same_word_twice_is_an_error_but_two_readings_are_two_words():
    twice = GOOD + '\n[[words]]\nhanzi = "你好"\npinyin = "nǐhǎo"\nenglish = "hello"\n'
    assert problems(twice)[0].startswith("week.toml:18: hanzi: 你好 (nǐhǎo) is already in this lesson at line 5")
    readings = GOOD + ('\n[[words]]\nhanzi = "长"\npinyin = "cháng"\nenglish = "long"\n'
                       '\n[[words]]\nhanzi = "长"\npinyin = "zhǎng"\nenglish = "to grow"\n')
    keys = [w.key for w in parse_lesson(readings.encode(), "x").words]
    assert keys == ["你好", "女儿", "长|chang2", "长|zhang3"]


def test_duplicate_ids_across_files():
    a = parse_lesson(GOOD.encode(), "a.toml")
    b = parse_lesson(GOOD.encode(), "b.toml")
    with pytest.raises(LessonProblems) as info:
        check_unique_ids([a, b])
    assert str(info.value) == "b.toml:1: id: 'week-1' is also the id of a.toml: give each lesson its own id"


def test_a_byte_order_mark_is_fine():
    assert parse_lesson(b"\xef\xbb\xbf" + GOOD.encode(), "x").id == "week-1"
