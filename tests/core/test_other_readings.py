"""A word taught with several readings (地 de / dì): the lesson format, its checks and its writing."""

import pytest

from lianxi.core.lesson_writer import LessonDraft, WordDraft, checked_lesson
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.lessons import LessonProblems

HEAD = 'id = "readings"\ntitle = "Readings"\nlevel = "HSK 1"\n'

DE = HEAD + """
[[words]]
hanzi = "得"
pinyin = "de"
english = "structural particle: links a verb to its result"
other_readings = [
  { pinyin = "dé", english = ["to obtain", "to get"] },
  { pinyin = "dei3", english = "must" },
]

[[words]]
hanzi = "只"
pinyin = "zhǐ"
english = "only"
other_readings = [{ pinyin = "zhī", english = "measure word for animals", traditional = "隻" }]
"""


def test_each_reading_has_its_own_meanings():
    de, zhi = parse_lesson(DE.encode(), "readings.toml").words
    assert [(r.pinyin, r.numbered, r.english) for r in de.readings] == [
        ("de", "de5", ("structural particle: links a verb to its result",)),
        ("dé", "de2", ("to obtain", "to get")),
        ("děi", "dei3", ("must",)),
    ]
    assert de.numbered == "de5"  # the main reading is the one spoken
    assert zhi.other_readings[0].traditional == "隻"
    assert zhi.readings[0].traditional == ""


def test_the_sub_table_form_is_the_same_word():
    text = HEAD + '\n[[words]]\nhanzi = "长"\npinyin = "cháng"\nenglish = "long"\n\n' \
        '[[words.other_readings]]\npinyin = "zhǎng"\nenglish = "to grow"\n'
    (chang,) = parse_lesson(text.encode(), "sub.toml").words
    assert [r.pinyin for r in chang.readings] == ["cháng", "zhǎng"]


@pytest.mark.parametrize("readings, message", [
    ('[{ pinyin = "de" , english = "again" }]', "de is already a reading of this word"),
    ('[{ pinyin = "dé dé", english = "x" }]', "has 2 syllable(s) but 得 has 1 character(s)"),
    ('[{ pinyin = "dé" }]', "reading 1: add its english"),
    ('[{ pinyin = "dé", englsh = "to get" }]', "unknown field 'englsh': did you mean 'english'?"),
    ('[{ pinyin = "dx9", english = "x" }]', "reading 1:"),
    ('"dé: to get"', "must be a list of readings, each with pinyin and english"),
    ('[{ pinyin = "dé", english = [] }]', "english must be text or a list of texts"),
])
def test_mistakes_in_other_readings_are_named_on_their_line(readings, message):
    text = HEAD + f'\n[[words]]\nhanzi = "得"\npinyin = "de"\nenglish = "particle"\nother_readings = {readings}\n'
    with pytest.raises(LessonProblems) as caught:
        parse_lesson(text.encode(), "bad.toml")
    (error,) = caught.value.errors[:1]
    assert error.line == 9 and error.field == "other_readings"
    assert message in str(caught.value)


def test_the_writer_writes_what_the_reader_reads():
    draft = LessonDraft("w", "W", "HSK 1", [WordDraft(
        "地", "de", ["-ly (after an adverbial)"],
        other_readings=[{"pinyin": "dì", "english": ["earth", "ground"]}])])
    text, lesson = checked_lesson(draft, "w.toml")
    assert 'other_readings = [\n  { pinyin = "dì", english = ["earth", "ground"] },\n]' in text
    assert [(r.pinyin, r.english) for r in lesson.words[0].readings] == [
        ("de", ("-ly (after an adverbial)",)), ("dì", ("earth", "ground"))]


HUAN = HEAD + """
[[words]]
hanzi = "还"
pinyin = "hái"
english = "still"
other_readings = [
  { pinyin = "hái2", english = "a { in a meaning is text" },
  { pinyin = "huan", english = "to give back" },
  { pinyin = "huán huan4", english = "to give back" },
]
"""


def test_a_reading_is_checked_like_the_words_own_pinyin_on_its_own_line():
    with pytest.raises(LessonProblems) as caught:
        parse_lesson(HUAN.encode(), "huan.toml")
    assert [(e.line, e.field) for e in caught.value.errors] == [
        (10, "other_readings"), (11, "other_readings"), (12, "other_readings")]
    doubled, toneless, mixed = (e.message for e in caught.value.errors)
    assert doubled.startswith("reading 1: 'hái2' mixes tone marks and tone numbers: write it one way, hái or hai2")
    # no tones: the fix is the character's own reading spelt that way (还 huán), not its usual hái
    assert toneless.startswith("reading 2: 'huan' has no tones: write them, like huán or huan2")
    assert mixed.startswith("reading 3: 'huán huan4' mixes tone marks and tone numbers")


def test_a_reading_in_the_sub_table_form_is_named_on_its_header():
    text = HEAD + '\n[[words]]\nhanzi = "得"\npinyin = "de"\nenglish = "particle"\n\n' \
        '[[words.other_readings]]\npinyin = "dé"\nenglish = "to get"\n\n' \
        '[[words.other_readings]]\npinyin = "dei"\nenglish = "must"\n'
    with pytest.raises(LessonProblems) as caught:
        parse_lesson(text.encode(), "sub.toml")
    (error,) = caught.value.errors
    assert (error.line, error.field) == (14, "other_readings")
    assert "'dei' has no tones: write them, like děi or dei3" in error.message
