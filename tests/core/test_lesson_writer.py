"""Lesson files we write: TOML text that the lesson rules accept, templates, lists of words."""

from __future__ import annotations

import tomllib

import pytest

from lianxi.core.lesson_writer import (
    LessonDraft, WordDraft, checked_lesson, from_list, lesson_id_for, lesson_toml, reading_check,
    template, toml_string,
)
from lianxi.core.lessons import LessonProblems, parse_lesson

# A few CC-CEDICT entries as the dictionary gives them (the lookup is an input, like a file).
ENTRIES = {
    "还": [("Huan2", ["surname Huan"]), ("hai2", ["still", "yet", "also"]), ("huan2", ["to pay back", "to return"])],
    "书": [("shu1", ["book", "letter", "CL:本[ben3],冊|册[ce4],部[bu4]"])],
    "长": [("chang2", ["length", "long"]), ("zhang3", ["chief", "to grow"])],
    "女儿": [("nu:3 er2", ["daughter", "CL:個|个[ge4]"])],
}


def lookup(hanzi):
    return ENTRIES.get(hanzi, [])


@pytest.mark.parametrize("text", ["plain", 'quote " and \\ backslash', "tab\there", "two\nlines", "\x01 control",
                                  "中文 and ü", "'single' \"double\" '''triple'''"])
def test_toml_string_reads_back_exactly(text):
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


def test_lesson_toml_is_a_valid_lesson_with_every_field():
    draft = LessonDraft(
        id="week-2", title='Week "2"', level="My class", description="Food\nand drink", attribution="us",
        words=[WordDraft("米饭", "mǐfàn", ["rice"], traditional="米飯", measure_word="碗", example="我吃米饭。",
                         example_pinyin="Wǒ chī mǐfàn.", example_english="I eat rice.", note="a \"note\"",
                         tags=["food", "noun"], check="CHECK reading: sure?"),
               WordDraft("喝", "he1", ["to drink", "drink"])],
    )
    text = lesson_toml(draft)
    lesson = parse_lesson(text.encode("utf-8"), "x.toml")
    assert lesson.title == 'Week "2"' and lesson.description == "Food\nand drink"
    first, second = lesson.words
    assert (first.traditional, first.measure_word, first.note, first.tags) == ("米飯", "碗", 'a "note"', ("food", "noun"))
    assert second.english == ("to drink", "drink") and second.pinyin == "hē"
    assert "# CHECK reading: sure?\npinyin" in text


def test_template_passes_validation_and_explains_itself():
    text = template("Week 1: Food!")
    lesson = parse_lesson(text.encode("utf-8"), "t.toml")
    assert lesson.id == "week-1-food" and lesson.title == "Week 1: Food!"
    assert [w.hanzi for w in lesson.words] == ["你好", "谢谢"]
    assert "lianxi lessons validate" in text and "measure_word" in text


def test_lesson_ids_from_titles():
    assert lesson_id_for("Week 1: Food!") == "week-1-food"
    assert lesson_id_for("Café Ünïcode") == "cafe-unicode"
    all_hanzi = lesson_id_for("第一课")
    assert all_hanzi.startswith("lesson-") and all_hanzi == lesson_id_for("第一课")


def test_from_list_fills_pinyin_glosses_measure_words_and_flags_polyphones():
    text, lesson, drafts = from_list("还\n书\n\n# a comment\n银行\tbank\n女儿\n长\tlong\n", "list.txt", lookup,
                                     title="Week 5")
    assert parse_lesson(text.encode("utf-8"), "list.txt") == lesson
    words = {w.hanzi: w for w in lesson.words}
    assert words["还"].english == ("still", "yet", "also")  # proper-noun reading skipped
    assert words["书"].measure_word == "本" and words["书"].english == ("book", "letter")
    assert words["银行"].pinyin == "yín háng" and words["银行"].english == ("bank",)
    assert words["女儿"].pinyin == "nǚ ér" and words["女儿"].measure_word == "个"
    # the tutor's gloss picks its reading; pypinyin alone says zhǎng
    assert words["长"].pinyin == "cháng"
    checks = {d.hanzi: d.check for d in drafts if d.check}
    assert checks["还"] == "CHECK reading: 还 can be hái or huán"
    assert "长 can be cháng or zhǎng" in checks["长"]
    assert "银行" not in checks and "书" not in checks
    assert "# CHECK reading: 还 can be hái or huán\npinyin = \"hái\"" in text


def test_from_list_without_a_dictionary_uses_pypinyin_heteronyms():
    _, lesson, drafts = from_list("好\thao: good\n我们\twe\n", "l.txt", None, title="t")
    assert [d.check for d in drafts] == ["CHECK reading: 好 can be hǎo or hào", ""]
    assert lesson.words[1].pinyin == "wǒ men"


def test_reading_check_when_the_dictionary_disagrees():
    assert reading_check("了", "le5", ["liao3"]) == "CHECK reading: the dictionary reads 了 as liǎo"
    assert reading_check("书", "shu1", ["shu1"]) == ""


def test_from_list_reports_every_bad_line_and_writes_nothing():
    with pytest.raises(LessonProblems) as caught:
        from_list("你好\thello\nhello\n你好\thi\n𠀋\n", "list.txt", lookup, title="t")
    found = [(e.line, e.field) for e in caught.value.errors]
    assert found == [(2, "hanzi"), (3, "hanzi"), (4, "english")] or found == [(2, "hanzi"), (3, "hanzi"), (4, "pinyin")]
    assert all(e.file == "list.txt" for e in caught.value.errors)


def test_from_list_of_nothing_says_so():
    with pytest.raises(LessonProblems, match="has no words"):
        from_list("\n# only a comment\n", "empty.txt", lookup, title="t")


def test_checked_lesson_names_the_source_line_of_a_bad_word():
    draft = LessonDraft("x", "X", "L", [WordDraft("你好", "ni3 hao3", ["hi"], line=7),
                                         WordDraft("再见", "zai4", ["bye"], line=9)])
    with pytest.raises(LessonProblems) as caught:
        checked_lesson(draft, "export.txt")
    (error,) = caught.value.errors
    assert (error.file, error.line, error.field) == ("export.txt", 9, "pinyin")
