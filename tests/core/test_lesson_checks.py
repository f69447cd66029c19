"""Lesson files checked for what tutors actually get wrong: tones, styles, Latin letters, TOML syntax."""

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.lessons import LessonProblems
from lianxi.core.pinyin import to_numbers
from lianxi.lexicon import bundled_lexicon

HEAD = 'id = "week-1"\ntitle = "Week 1"\nlevel = "HSK 1"\n'


def word(hanzi: str, pinyin: str, english: str = "x") -> str:
    return f'\n[[words]]\nhanzi = "{hanzi}"\npinyin = "{pinyin}"\nenglish = "{english}"\n'


def problems(text: str) -> list[str]:
    with pytest.raises(LessonProblems) as caught:
        parse_lesson(text.encode(), "week.toml", bundled_lexicon())
    return [str(e) for e in caught.value.errors]


def read(text: str):
    return parse_lesson(text.encode(), "week.toml", bundled_lexicon())


# --- pinyin ---


def test_pinyin_with_no_tones_is_an_error_with_the_fix():
    (found,) = problems(HEAD + word("饺子", "jiaozi"))
    assert found.startswith("week.toml:7: pinyin: 'jiaozi' has no tones: write them, like jiǎozi or jiao3 zi5")
    assert "only a neutral syllable goes without a tone mark (or with the number 5)" in found


@pytest.mark.parametrize(("hanzi", "pinyin"), [("的", "de"), ("吗", "ma"), ("了", "le"), ("得", "de"), ("呢", "ne")])
def test_a_neutral_particle_may_go_without_a_tone(hanzi, pinyin):
    assert to_numbers(read(HEAD + word(hanzi, pinyin)).words[0].syllables) == f"{pinyin}5"


def test_a_toneless_syllable_the_character_does_not_have_as_neutral_is_an_error():
    (found,) = problems(HEAD + word("妈", "ma"))
    assert "'ma' has no tones: write them, like mā or ma1" in found


@pytest.mark.parametrize("pinyin", ["mǐ fan4", "mi3 fàn", "mǐfan4"])
def test_tone_marks_and_numbers_mixed_in_one_word_is_an_error(pinyin):
    (found,) = problems(HEAD + word("米饭", pinyin))
    assert f"week.toml:7: pinyin: {pinyin!r} mixes tone marks and tone numbers: write it one way, " \
           "mǐfàn or mi3 fan4" in found


@pytest.mark.parametrize("pinyin", ["mǐfàn", "mi3 fan4", "mi3fan4", "xie4xie"])
def test_one_style_is_fine(pinyin):
    hanzi = "谢谢" if pinyin == "xie4xie" else "米饭"
    assert read(HEAD + word(hanzi, pinyin)).words


@pytest.mark.parametrize(
    ("hanzi", "pinyin", "numbered", "shown"),
    [
        ("卡拉OK", "kǎlā OK", "ka3 la1", "kǎlā OK"),
        ("卡拉OK", "kǎlā", "ka3 la1", "kǎlā"),
        ("T恤", "T xù", "xu4", "T xù"),
        ("T恤", "xù", "xu4", "xù"),
        ("3D", "3D", "", "3D"),
        ("3D电影", "3D diànyǐng", "dian4 ying3", "3D diànyǐng"),
    ],
)
def test_words_with_latin_letters_or_digits_take_the_pinyin_of_their_hanzi(hanzi, pinyin, numbered, shown):
    (found,) = read(HEAD + word(hanzi, pinyin)).words
    assert (found.hanzi, found.numbered, found.pinyin) == (hanzi, numbered, shown)


def test_a_latin_word_still_needs_one_syllable_per_hanzi():
    (found,) = problems(HEAD + word("卡拉OK", "kǎ OK"))
    assert "has 1 syllable(s) but 卡拉OK has 2 character(s)" in found and "Latin letters and digits need none" in found


# --- TOML syntax, in a tutor's words ---


def test_curly_quotes_say_use_straight_quotes_on_the_right_line():
    text = HEAD.replace('"Week 1"', "“Week 1”") + word("你好", "nǐ hǎo")
    (found,) = problems(text)
    assert found.startswith("week.toml:2: toml: text must be in straight double quotes")
    assert "curly quotes" in found


def test_single_bracket_words_header_says_use_two():
    text = HEAD + word("你好", "nǐ hǎo").replace("[[words]]", "[words]") + word("谢谢", "xièxie").replace(
        "[[words]]", "[words]")
    found = problems(text)
    assert [f.split(":")[1] for f in found] == ["5", "10"]
    assert all("'[words]' should be [[words]] (two square brackets on each side" in f for f in found)


def test_a_missing_words_line_before_a_word_says_add_it_not_remove_the_field():
    text = HEAD + word("你好", "nǐ hǎo") + '\nhanzi = "谢谢"\npinyin = "xièxie"\nenglish = "thanks"\n'
    (found,) = problems(text)
    assert found.startswith("week.toml:10: toml: hanzi is set twice in one word")
    assert "add a line that says [[words]]" in found and "remove" not in found


def test_a_word_before_the_first_words_line_says_add_it():
    text = HEAD + 'hanzi = "你好"\npinyin = "nǐ hǎo"\nenglish = "hello"\n' + word("谢谢", "xièxie")
    found = problems(text)
    assert found[0] == ("week.toml:4: hanzi: belongs to a word, and this one has no [[words]] line above it: "
                        "add a line that says [[words]] before the word")
    assert not any("remove it" in f for f in found)


def test_the_check_goes_on_after_the_first_syntax_problem():
    text = (HEAD.replace('"Week 1"', "“Week 1”")
            + word("你好", "nǐ hǎo")
            + '\n[[words]]\nhanzi = "谢谢"\npinyin = "xièxie\nenglish = "thanks"\n'  # no closing quote
            + word("饺子", "jiaozi")  # and a field problem after them
            + '\n[[words]]\nhanzi "米饭"\npinyin = "mǐfàn"\nenglish = "rice"\n')  # no =
    found = problems(text)
    assert [f.split(": ")[0] for f in found] == ["week.toml:2", "week.toml:12", "week.toml:17", "week.toml:21"]
    assert "straight double quotes" in found[0]
    assert "no closing quote" in found[1]
    assert "'jiaozi' has no tones" in found[2]
    assert "put = between the name and its value" in found[3]


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('title = Week 1', 'text goes inside straight double quotes: title = "Week 1"'),
        ('title ＝ "Week 1"', "use the ordinary = sign, not the full-width ＝"),
        ('title = "Week 1', 'this text has no closing quote'),
        ('title = "a"\ntitle = "b"', "title is set twice: keep one of them"),
    ],
)
def test_common_syntax_slips_are_explained(line, says):
    text = 'id = "week-1"\n' + line + '\nlevel = "HSK 1"\n' + word("你好", "nǐ hǎo")
    found = problems(text)
    line_number = 3 if "set twice" in says else 2  # the second title is the one to remove
    assert any(f.startswith(f"week.toml:{line_number}: toml: {says}") for f in found), found


def test_an_unclosed_list_is_found_where_it_opens():
    text = HEAD + '\n[[words]]\nhanzi = "你好"\npinyin = "nǐ hǎo"\nenglish = ["hello", "hi"\nnote = "x"\n'
    found = problems(text)
    assert found[0].startswith("week.toml:8: toml: this list has no closing ]")


def test_no_tones_on_a_less_usual_reading_suggests_that_reading():
    # 长 written zhang means zhǎng "to grow": the fix keeps the tutor's reading, not the usual cháng
    (found,) = problems(HEAD + word("长", "zhang", "to grow"))
    assert "'zhang' has no tones: write them, like zhǎng or zhang3" in found


def test_a_word_the_dictionary_reads_all_neutral_may_go_without_tones():
    # 起来 after a verb (站起来) is qi lai, both neutral, though 起 alone has no neutral reading
    (qilai,) = read(HEAD + word("起来", "qi lai", "(after a verb) start to")).words
    assert to_numbers(qilai.syllables) == "qi5 lai5"
    # 起 on its own is qǐ: written with no tone it is still an error
    (found,) = problems(HEAD + word("起", "qi"))
    assert "'qi' has no tones: write them, like qǐ or qi3" in found
