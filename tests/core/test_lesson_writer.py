"""Lesson files we write: TOML text that the lesson rules accept, templates, lists of words."""

from __future__ import annotations

import tomllib

import pytest

from lianxi.core.lesson_writer import (
    LessonDraft, WordDraft, checked_lesson, lesson_id_for, lesson_toml, reading_check, template, toml_string,
)
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.lessons import LessonProblems

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


def test_reading_check_when_the_dictionary_disagrees():
    assert reading_check("了", "le5", ["liao3"]) == "CHECK reading: the dictionary reads 了 as liǎo"
    assert reading_check("书", "shu1", ["shu1"]) == ""


def test_checked_lesson_names_the_source_line_of_a_bad_word():
    draft = LessonDraft("x", "X", "L", [WordDraft("你好", "ni3 hao3", ["hi"], line=7),
                                         WordDraft("再见", "zai4", ["bye"], line=9)])
    with pytest.raises(LessonProblems) as caught:
        checked_lesson(draft, "export.txt")
    (error,) = caught.value.errors
    assert (error.file, error.line, error.field) == ("export.txt", 9, "pinyin")
