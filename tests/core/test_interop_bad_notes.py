"""Anki/Pleco imports with odd notes: each one named by its line; skipped only when asked; linear in size.

A Cloze note, an empty meaning or a repeated word cannot become a word of a
lesson. Without skip_bad nothing is imported and every such note is named; with
it the others are imported and the skipped ones listed. Expected results are
written from the formats (Anki's "Notes in Plain Text", Pleco's text export).
"""

from __future__ import annotations

import time

import pytest

from lianxi.core.interop import BadNotes, anki_text, pleco_definition, pleco_text, read_anki, read_pleco
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.lessons import LessonProblems

HEAD = "#separator:tab\n#html:true\n#notetype column:1\n"
MIXED = HEAD + (
    "Basic\t你好\tnǐ hǎo\thello\n"                                        # line 4: fine
    "Cloze\t我{{c1::喜欢}}你\t\tI like you\n"                              # line 5: a Cloze note
    "Basic\t谢谢\txièxie\t\n"                                             # line 6: empty meaning
    "Basic\t再见\tzàijiàn\tgoodbye\n"                                      # line 7: fine
    "Basic\t你好\tnǐ hǎo\thi\n"                                            # line 8: the same word again
    "Basic\t书\tshu1 ben3\tbook\n"                                        # line 9: two syllables, one hanzi
)


def test_odd_notes_stop_the_import_and_each_is_named():
    with pytest.raises(BadNotes) as caught:
        read_anki(MIXED.encode(), "deck.txt", title="t")
    errors = caught.value.errors
    assert [(e.line, e.field) for e in errors] == [(5, "note"), (6, "english"), (8, "hanzi"), (9, "pinyin")]
    assert "Cloze" in errors[0].message and "meaning of 谢谢 is empty" in errors[1].message
    assert "same word as line 4" in errors[2].message
    assert caught.value.importable == 2


def test_skip_bad_imports_the_others_and_lists_what_it_skipped():
    got = read_anki(MIXED.encode(), "deck.txt", title="t", skip_bad=True)
    assert [(w.hanzi, w.english) for w in got.lesson.words] == [("你好", ("hello",)), ("再见", ("goodbye",))]
    assert [e.line for e in got.skipped] == [5, 6, 8, 9]
    assert parse_lesson(got.text.encode(), "deck.txt") == got.lesson  # the file we write validates


def test_skip_bad_with_no_good_note_imports_nothing():
    data = "#separator:tab\n#columns:Hanzi\tPinyin\tMeaning\n好\thao3\t\n对\tdui4\t\n".encode()
    with pytest.raises(LessonProblems) as caught:
        read_anki(data, "x.txt", title="t", skip_bad=True)
    assert not isinstance(caught.value, BadNotes)
    assert "no note could become a word" in caught.value.errors[-1].message


def test_a_problem_with_the_file_is_never_skipped():
    data = '#separator:tab\n你好\tni3hao3\t"hello\n'.encode()
    with pytest.raises(LessonProblems, match="quotes"):
        read_anki(data, "q.txt", skip_bad=True)


@pytest.mark.parametrize("value", ["0", "-5", "+0", "99", "x", "99999999999999999999999"])
def test_special_columns_outside_the_notes_get_one_clear_line(value):
    data = f"#separator:tab\n#tags column:{value}\n你好\tni3hao3\thello\n".encode()
    with pytest.raises(LessonProblems) as caught:
        read_anki(data, "t.txt")
    (error,) = caught.value.errors
    assert (error.line, error.field) == (2, "header")
    assert "#tags column" in error.message
    if value.lstrip("+-").isdigit() and len(value) < 10:
        assert ("count from 1" in error.message) if int(value) < 1 else ("3 column(s)" in error.message)


def test_fields_beyond_the_known_ones_are_kept_in_the_note_when_the_export_names_them():
    data = ("#separator:tab\n#html:false\n#columns:Hanzi\tPinyin\tMeaning\tRadical\tMnemonic\tAudio\n"
            "好\thao3\tgood\t女\ta woman and a child\t[sound:hao3.mp3]\n").encode()
    (word,) = read_anki(data, "x.txt").lesson.words
    assert word.note == "Radical: 女; Mnemonic: a woman and a child"  # the sound reference is empty once cleaned


def test_quotes_around_a_field_are_removed():
    data = ('#separator:tab\n#html:true\n你好\tnǐ hǎo\t&quot;hello&quot;\n谢谢\txièxie\t“thank you”\n'
            '再见\tzàijiàn\t"""goodbye"""\n').encode()
    words = read_anki(data, "x.txt", title="t").lesson.words
    assert [w.english for w in words] == [("hello",), ("thank you",), ("goodbye",)]
    kept = '#separator:tab\n面条\tmiàntiáo\t"""lamian"" and others"\n'.encode()
    assert read_anki(kept, "x.txt", title="t").lesson.words[0].english == ('"lamian" and others',)


@pytest.mark.parametrize(("raw", "expected"), [
    ("noun library", "library"),
    ("\ueab1noun\ueab2 son", "son"),
    ("1 noun library 2 verb to borrow", "library; to borrow"),
    ("verb to eat; noun food", "to eat; food"),
    ("auxiliary verb can; be able to", "can; be able to"),
    ("measure word for books", "measure word for books"),  # a meaning, not a label
    ("noun", "noun"),  # the word "noun" itself (名词)
    ("adverb", "adverb"),
    ("the number 1", "the number 1"),
    ("chapter 2 of the book", "chapter 2 of the book"),
])
def test_pleco_part_of_speech_words_are_dropped(raw, expected):
    assert pleco_definition(raw) == expected


def test_exports_keep_the_lessons_description_level_and_attribution_and_cannot_be_injected():
    text = ('id = "odd"\ntitle = "Week 3"\nlevel = "HSK 2"\ndescription = "Food and drink"\n'
            'attribution = "Glosses: CC-CEDICT (CC BY-SA 4.0)"\n'
            '[[words]]\nhanzi = "好"\npinyin = "hao3"\nenglish = "good"\n')
    lesson = parse_lesson(text.encode(), "odd.toml")
    back = read_anki(anki_text(lesson).encode(), "odd.txt").lesson
    assert (back.level, back.description, back.attribution) == ("HSK 2", "Food and drink",
                                                                "Glosses: CC-CEDICT (CC BY-SA 4.0)")
    from dataclasses import replace
    hostile = replace(lesson, title="Week 3\n#html:true\n#deck:Other", description="a\tb\nc")
    tsv = anki_text(hostile)
    headers = [line for line in tsv.splitlines() if line.startswith("#")]
    assert "#html:false" in headers and "#html:true" not in headers
    assert "#deck:Week 3 #html:true #deck:Other" in headers and "#lianxi-description:a b c" in headers
    pleco = pleco_text(replace(hostile, title="Week 3\n坏\tbad\tinjected"))
    assert pleco.splitlines()[0] == "// Week 3 坏 bad injected" and len(pleco.splitlines()) == 2


def test_imports_are_linear_in_the_number_of_notes():
    """8,000 copies of one note took 90 s (a quadratic line lookup); now a fraction of a second.

    Timed in CPU seconds of this process: on a shared machine the wall clock stretched a
    linear import past the bound (12.5 s with the load at 19 on 2 cores)."""
    def seconds(n: int) -> float:
        data = ("#separator:tab\n#html:false\n" + "你好\tnǐ hǎo\thello\n" * n).encode()
        start = time.process_time()
        got = read_anki(data, "dup.txt", title="t", skip_bad=True)
        assert len(got.lesson.words) == 1 and len(got.skipped) == n - 1
        return time.process_time() - start

    assert seconds(8000) < 10  # the quadratic version needs ~90 s on this machine
    pleco = ("你好\tni3hao3\tnoun hello\n" * 8000).encode()
    start = time.process_time()
    with pytest.raises(BadNotes) as caught:
        read_pleco(pleco, "dup.txt")
    assert len(caught.value.errors) == 7999 and time.process_time() - start < 10
