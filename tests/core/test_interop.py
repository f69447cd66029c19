"""Anki and Pleco exports -> lessons, lessons -> exports, and bad files that import nothing.

The samples in tests/data/interop are written by us in the formats Anki
("Notes in Plain Text") and Pleco (flashcard text export) write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lianxi.core.interop import anki_text, decode_export, pleco_text, read_anki, read_pleco
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.lessons import LessonProblems
from lianxi.lexicon import bundled_lexicon

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"
SAMPLE_LESSON = Path(__file__).resolve().parents[2] / "lessons" / "first-course" / "first-01-greetings.toml"


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def identity(lesson):
    return [(w.hanzi, w.numbered, w.english) for w in lesson.words]


# -- Anki -----------------------------------------------------------------------------------


def test_anki_export_with_headers_html_guid_deck_and_tags():
    got = read_anki(sample("anki_notes_food.txt"), "anki_notes_food.txt")
    lesson = got.lesson
    assert (lesson.id, lesson.title, lesson.level) == ("week-3-food", "Week 3 Food", "Imported")
    assert [w.hanzi for w in lesson.words] == ["吃", "米饭", "喝", "苹果", "面条", "一点儿"]
    words = {w.hanzi: w for w in lesson.words}
    # HTML tone colouring, <br>, &nbsp; and [sound:] references are gone
    assert words["吃"].english == ("to eat", "to have a meal") and words["吃"].pinyin == "chī"
    assert words["米饭"].numbered == "mi3 fan4" and words["米饭"].traditional == "米飯"
    assert words["苹果"].english == ("apple",) and words["苹果"].tags == ("HSK1", "noun", "fruit")
    # a quoted field with a separator and doubled quotes
    assert words["面条"].english == ("noodles", '"lamian" and others')
    assert words["一点儿"].numbered == "yi1 dianr3"
    # what we write is a lesson file that validates on its own
    assert parse_lesson(got.text.encode("utf-8"), "anki_notes_food.txt") == lesson


def test_old_anki_export_without_headers_is_read_by_what_columns_hold():
    lesson = read_anki(sample("anki_notes_old_export.txt"), "old.txt", title="Greetings").lesson
    assert identity(lesson) == [
        ("你好", "ni3 hao3", ("hello", "hi")), ("谢谢", "xie4 xie5", ("thank you",)),
        ("再见", "zai4 jian4", ("goodbye",)), ("老师", "lao3 shi1", ("teacher",)),
    ]
    assert lesson.id == "greetings"


def test_anki_columns_given_by_the_person():
    data = "汉语\tChinese language\thàn yǔ\n".encode()
    lesson = read_anki(data, "x.txt", columns=["hanzi", "english", "pinyin"], title="t").lesson
    assert identity(lesson) == [("汉语", "han4 yu3", ("Chinese language",))]
    with pytest.raises(LessonProblems, match="--columns names 2 column"):
        read_anki(data, "x.txt", columns=["hanzi", "english"])


def test_anki_columns_header_names_the_fields():
    data = "#separator:tab\n#columns:Meaning\tSimplified\tPinyin\n吃饭\tto eat a meal\tchi1 fan4\n".encode()
    with pytest.raises(LessonProblems):
        read_anki(data, "x.txt")  # the header says column 1 is the meaning; the notes disagree
    data = "#separator:tab\n#columns:Meaning\tSimplified\tPinyin\nto eat a meal\t吃饭\tchi1 fan4\n".encode()
    assert identity(read_anki(data, "x.txt").lesson) == [("吃饭", "chi1 fan4", ("to eat a meal",))]


def test_anki_deck_without_pinyin_gets_pypinyin_and_a_check_mark():
    got = read_anki("#separator:tab\n银行\tbank\n还\tstill\n".encode(), "no-pinyin.txt", title="t")
    assert identity(got.lesson) == [("银行", "yin2 hang2", ("bank",)), ("还", "hai2", ("still",))]
    assert dict(got.checks)["还"].startswith("CHECK reading: 还 can be")
    assert "# CHECK reading: 还 can be" in got.text


def test_a_pinyin_column_with_a_toneless_note_is_still_the_pinyin_never_the_meaning():
    # one note of five lost its tones: the pinyin column must not be taken for the meanings
    # (the real meanings would be lost, and every card would "mean" its own pinyin)
    data = ("米饭\tmǐfàn\tcooked rice\n饺子\tjiǎozi\tdumplings\n茶\tcha2\ttea\n"
            "面条\tmian tiao\tnoodles\n水\tshuǐ\twater\n").encode()
    got = read_anki(data, "food.txt", title="Food", skip_bad=True)
    assert identity(got.lesson) == [("米饭", "mi3 fan4", ("cooked rice",)), ("饺子", "jiao3 zi5", ("dumplings",)),
                                    ("茶", "cha2", ("tea",)), ("水", "shui3", ("water",))]
    (skipped,) = got.skipped
    assert (skipped.line, skipped.field) == (4, "pinyin") and "'mian tiao' has no tones" in skipped.message


def test_of_two_latin_columns_the_meaning_is_the_one_that_is_not_pinyin():
    # toneless pinyin beside the meanings: the meanings stay meanings; the pinyin is filled in to check
    data = "你好\tni hao\thello\n谢谢\txie xie\tthank you\n".encode()
    got = read_anki(data, "old.txt", title="t", lexicon=bundled_lexicon())
    assert identity(got.lesson) == [("你好", "ni3 hao3", ("hello",)), ("谢谢", "xie4 xie5", ("thank you",))]
    assert [hanzi for hanzi, _ in got.checks] == ["你好", "谢谢"]


def test_filled_in_pinyin_is_the_dictionarys_reading_of_the_whole_word():
    # 谢谢 xièxie and 东西 dōngxi "thing" end light, 哪儿 is one syllable nǎr: the word's reading,
    # not each character's on its own (xiè xiè, dōng xī, nǎ ér)
    data = "谢谢\tthank you\n东西\tthing\n哪儿\twhere\n".encode()
    got = read_anki(data, "x.txt", title="t", lexicon=bundled_lexicon())
    assert [w.numbered for w in got.lesson.words] == ["xie4 xie5", "dong1 xi5", "nar3"]


def test_anki_round_trip_keeps_every_word_and_field():
    lesson = parse_lesson(SAMPLE_LESSON.read_bytes(), SAMPLE_LESSON.name)
    back = read_anki(anki_text(lesson).encode("utf-8"), "export.txt").lesson
    assert back.title == lesson.title
    assert identity(back) == identity(lesson)
    for before, after in zip(lesson.words, back.words):
        assert (after.example, after.example_pinyin, after.example_english, after.note, after.traditional) == (
            before.example, before.example_pinyin, before.example_english, before.note,
            before.traditional if before.traditional != before.hanzi else "")
        assert after.tags == tuple(t.replace(" ", "_") for t in before.tags)


def test_anki_round_trip_of_awkward_text():
    text = (
        'id = "odd"\ntitle = "Tabs\\tand \\"quotes\\""\nlevel = "x"\n'
        '[[words]]\nhanzi = "好"\npinyin = "hao3"\nenglish = ["good", "fine"]\nnote = "line one\\nline two\\t\\"q\\""\n'
        '[[words]]\nhanzi = "好"\npinyin = "hao4"\nenglish = "to like"\n'
    )
    lesson = parse_lesson(text.encode(), "odd.toml")
    back = read_anki(anki_text(lesson).encode("utf-8"), "odd.txt").lesson
    assert identity(back) == identity(lesson)
    assert back.words[0].note == 'line one line two "q"'  # Anki fields are one line: whitespace folds


# -- Pleco ----------------------------------------------------------------------------------


def test_pleco_export_with_categories_traditional_and_numbered_pinyin():
    got = read_pleco(sample("pleco_cards_family.txt"), "pleco_cards_family.txt")
    lesson = got.lesson
    assert lesson.title == "Lianxi week 4" and lesson.id == "lianxi-week-4"
    words = {w.hanzi: w for w in lesson.words}
    assert len(lesson.words) == 7
    assert (words["妈妈"].traditional, words["妈妈"].pinyin, words["妈妈"].english) == ("媽媽", "māma", ("mom", "mother"))
    assert words["爸爸"].traditional == "" and words["爸爸"].tags == ("Lianxi week 4/Family",)
    assert words["两"].tags == ("Lianxi week 4/Numbers",)
    assert words["女儿"].numbered == "nü3 er2"
    # Pleco's private-use formatting codes and the part-of-speech label they mark are removed
    assert words["儿子"].english == ("son",)
    assert parse_lesson(got.text.encode("utf-8"), "pleco_cards_family.txt") == lesson


def test_pleco_round_trip_keeps_every_word():
    lesson = parse_lesson(SAMPLE_LESSON.read_bytes(), SAMPLE_LESSON.name)
    text = pleco_text(lesson)
    assert text.startswith(f"// {lesson.title}\n")
    back = read_pleco(text.encode("utf-8"), "p.txt").lesson
    assert identity(back) == identity(lesson)


# -- bad files: a clear message, and nothing imported ------------------------------------------


@pytest.mark.parametrize(("name", "reader", "expected"), [
    ("bad_anki_wrong_columns.txt", read_anki, [(4, "columns"), (5, "columns")]),
    ("bad_anki_mixed_encoding.txt", read_anki, [(5, "file")]),
    ("bad_anki_bad_fields.txt", read_anki, [(5, "pinyin"), (6, "english")]),
    ("bad_empty_lines.txt", read_anki, [(1, "words")]),
    ("bad_empty_lines.txt", read_pleco, [(1, "words")]),
    ("bad_pleco_wrong_columns.txt", read_pleco, [(2, "columns"), (4, "hanzi")]),
])
def test_bad_files_name_file_line_and_field(name, reader, expected):
    with pytest.raises(LessonProblems) as caught:
        reader(sample(name), name)
    errors = caught.value.errors
    assert [(e.line, e.field) for e in errors] == expected
    assert all(e.file == name for e in errors)
    assert all(len(e.message) > 20 for e in errors)  # says what to do, not just "bad"


def test_mixed_encoding_message_says_how_to_fix_it():
    with pytest.raises(LessonProblems, match=r"bad_anki_mixed_encoding.txt:5: file: .*not UTF-8.*Save As"):
        read_anki(sample("bad_anki_mixed_encoding.txt"), "bad_anki_mixed_encoding.txt")


def test_utf16_with_bom_is_read_and_without_bom_is_refused():
    text = "你好\tni3hao3\thello\n"
    assert decode_export(text.encode("utf-16"), "x") == text
    assert len(read_pleco(text.encode("utf-16"), "x").lesson.words) == 1
    with pytest.raises(LessonProblems, match="UTF-16 without a BOM"):
        decode_export(text.encode("utf-16-le"), "x")


def test_unbalanced_quotes_in_anki_text():
    data = '#separator:tab\n你好\tni3hao3\t"hello\n'.encode()
    with pytest.raises(LessonProblems, match="quotes"):
        read_anki(data, "q.txt")


def test_duplicate_words_in_an_export_import_nothing():
    data = "你好\tni3hao3\thello\n你好\tni3hao3\thi\n".encode()
    with pytest.raises(LessonProblems) as caught:
        read_pleco(data, "dup.txt")
    (error,) = caught.value.errors
    # the line named is the export's line of the first one, not a line of the lesson file we write
    assert (error.line, error.field) == (2, "hanzi") and "same word as line 1" in error.message


@pytest.mark.parametrize(("name", "reader", "words"), [
    ("anki_notes_food.txt", read_anki, 6), ("anki_notes_old_export.txt", read_anki, 4),
    ("pleco_cards_family.txt", read_pleco, 7),
])
def test_windows_line_endings_read_the_same(name, reader, words):
    unix = reader(sample(name), name).lesson
    windows = reader(sample(name).replace(b"\n", b"\r\n"), name).lesson
    assert len(windows.words) == words and windows == unix
