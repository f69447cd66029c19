"""lianxi.core.grading: real typed answers (typed_answers.tsv) and properties over every syllable."""

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lianxi.core.cards import CardKind
from lianxi.core.grading import (
    Mark,
    Piece,
    Verdict,
    grade_answer,
    grade_english,
    grade_pinyin,
    readings,
)
from lianxi.core.glosses import has_markup
from lianxi.core.grading.readings import learner_meaning
from lianxi.core.pinyin import PinyinError, Syllable, parse, to_marks, to_numbers
from lianxi.core.syllables import VALID_SYLLABLES
from lianxi.core.schedule import Rating
from lianxi.lexicon import bundled_lexicon

LEXICON = bundled_lexicon()

TABLE = Path(__file__).with_name("typed_answers.tsv")
KINDS = {
    "pinyin": CardKind.TYPE_PINYIN,
    "hanzi": CardKind.TYPE_HANZI,
    "cloze": CardKind.CLOZE,
    "meaning": CardKind.RECOGNITION,
}


def _rows():
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 8, f"typed_answers.tsv:{number}: 8 tab-separated fields, got {len(fields)}"
        yield pytest.param(*fields, id=f"{number}:{fields[0]}:{fields[1]}:{fields[4]!r}")


ROWS = list(_rows())


def test_the_table_is_big_and_has_the_tricky_ones():
    assert len(ROWS) >= 150
    typed = {(row.values[1].split("/")[0], row.values[4]) for row in ROWS}
    for word, answer in [("略", "lüè"), ("女儿", "nǚ'ér"), ("一会儿", "yi2hui4r"), ("不客气", "bu2 ke4 qi5"),
                         ("东西", "dōngxi"), ("东西", "dōngxī"), ("长", "zhǎng"), ("长", "chang2"),
                         ("还", "huán"), ("还", "hai2")]:
        assert (word, answer) in typed, (word, answer)
    verdicts = {row.values[5] for row in ROWS}
    assert verdicts >= {v.value for v in Verdict} | {"error"}
    assert all(row.values[6] == "Again" for row in ROWS if row.values[5] == "tone slip")


@pytest.mark.parametrize(("kind", "word", "reading", "glosses", "typed", "verdict", "rating", "detail"), ROWS)
def test_typed_answer(kind, word, reading, glosses, typed, verdict, rating, detail):
    hanzi, _, traditional = word.partition("/")
    typed = "" if typed == "∅" else typed
    args = dict(hanzi=hanzi, pinyin=reading, english=glosses.split("|"), traditional=traditional, lexicon=LEXICON)
    if verdict == "error":
        with pytest.raises(PinyinError) as caught:
            grade_answer(KINDS[kind], typed, **args)
        assert detail in str(caught.value)
        return
    grade = grade_answer(KINDS[kind], typed, **args)
    feedback = "\n".join([*grade.problems, grade.note])
    assert (grade.verdict.value, grade.rating.name) == (verdict, rating), feedback
    if detail != "-":
        assert detail in feedback
    if grade.verdict is Verdict.EXACT:
        assert not grade.problems


# --- the pieces say what happened ---


def test_tone_slip_names_the_syllable_and_both_tones():
    grade = grade_answer(CardKind.TYPE_PINYIN, "ni3 hao4", hanzi="你好", pinyin="nǐ hǎo")
    assert [p.mark for p in grade.pieces] == [Mark.RIGHT, Mark.TONE]
    assert grade.pieces[1] == Piece(Mark.TONE, "hào", "hǎo", "hao", 4, 3)
    assert grade.problems == ["hao: you typed 4, it is 3"]
    assert grade.expected == "nǐ hǎo"
    assert grade.headline == "Tone slip"


def test_pieces_follow_the_word_in_order():
    grade = grade_answer(CardKind.TYPE_PINYIN, "huo3 zhan3 che1", hanzi="火车站", pinyin="huǒchēzhàn")
    # The closest alignment, not position by position.
    assert [(p.mark, p.expected) for p in grade.pieces] == [
        (Mark.RIGHT, "huǒ"), (Mark.EXTRA, ""), (Mark.RIGHT, "chē"), (Mark.MISSING, "zhàn"),
    ]
    assert grade.verdict is Verdict.MISSING


def test_nothing_typed_is_again_and_shows_the_answer():
    grade = grade_answer(CardKind.TYPE_PINYIN, "  ", hanzi="你好", pinyin="ni3 hao3")
    assert (grade.verdict, grade.rating, grade.expected) == (Verdict.NOT_ANSWERED, Rating.Again, "nǐ hǎo")


def test_typed_hanzi_on_a_pinyin_card_is_not_pinyin():
    with pytest.raises(PinyinError, match="'你好'"):
        grade_answer(CardKind.TYPE_PINYIN, "你好", hanzi="你好", pinyin="nǐ hǎo")


# --- accepted readings ---


def test_readings_of_a_word_with_sandhi_and_erhua():
    found = {to_numbers(r.syllables): r.how for r in readings("一会儿", parse("yíhuìr"), lexicon=LEXICON)}
    assert found["yi2 huir4"] == "as in the lesson"
    assert found["yi1 huir4"] == "without tone sandhi"
    assert "yi2 hui4 er5" in found and "yi2 hui4" in found and "yi1 hui4" in found


def test_other_readings_are_named_never_right():
    found = [(to_numbers(r.syllables), r.own, r.meaning) for r in readings("长", parse("cháng"), lexicon=LEXICON)]
    assert found[0] == ("chang2", True, "")
    assert ("zhang3", False, "chief; head; elder; to grow; to develop") in found


def test_a_reading_the_lesson_also_teaches_is_its_own():
    found = {to_numbers(r.syllables): r.own for r in readings("长", parse("cháng"), also=[parse("zhǎng")],
                                                               lexicon=LEXICON)}
    assert found["chang2"] and found["zhang3"]


def test_neutral_tone_differences_are_not_other_words():
    # pypinyin reads 朋友 péngyǒu; without a dictionary, a learner typing that slipped a neutral tone.
    for hanzi, reading in [("朋友", "péngyou"), ("认识", "rènshi")]:
        assert all(r.own for r in readings(hanzi, parse(reading))), hanzi


def test_readings_without_hanzi_still_work():
    found = [to_numbers(r.syllables) for r in readings("", parse("huar4"))]
    assert found == ["huar4", "hua4 er5", "hua4 er2", "hua4"]


# --- English ---


@pytest.mark.parametrize(
    ("typed", "glosses", "right"),
    [
        ("to go", ["to go"], True),
        ("go", ["to go"], True),
        ("to", ["to"], True),  # a lone "to" is the word itself
        ("an apple", ["apple"], True),
        ("aple", ["apple"], True),
        ("appel", ["apple"], True),
        ("apl", ["apple"], False),  # two typos
        ("cta", ["cat"], False),  # four letters or fewer: no typo forgiven
        ("big dog", ["big dog"], True),
        ("bog dgo", ["big dog"], False),
        ("houses big", ["big houses"], False),
    ],
)
def test_english_rules(typed, glosses, right):
    assert (grade_english(typed, glosses).verdict is Verdict.EXACT) is right


# --- properties over every syllable ---

NASALS = {"m", "n", "ng", "hm", "hng"}
NO_ERHUA = {"er", "e", "ê", *NASALS}
WORD_SYLLABLES = sorted(VALID_SYLLABLES - NASALS)
syllables = st.builds(
    lambda base, tone, erhua: Syllable(base, tone, erhua and base not in NO_ERHUA),
    st.sampled_from(WORD_SYLLABLES),
    st.integers(1, 5),
    st.booleans(),
)
words = st.lists(syllables, min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(words)
@example([Syllable("nü", 3), Syllable("er", 2)])
@example([Syllable("xi", 1), Syllable("an", 1)])
def test_the_exact_reading_always_grades_exact(word):
    accepted = readings("", word)
    for written in (to_numbers(word), to_marks(word), to_numbers(word).replace(" ", "")):
        grade = grade_pinyin(written, accepted)
        assert grade.verdict is Verdict.EXACT, written
        assert grade.rating is Rating.Good
        assert all(p.mark is Mark.RIGHT for p in grade.pieces)


@settings(max_examples=300, deadline=None)
@given(words, st.data())
def test_one_changed_tone_is_a_tone_slip_on_that_syllable(word, data):
    index = data.draw(st.integers(0, len(word) - 1))
    old = word[index]
    tone = data.draw(st.sampled_from([t for t in range(1, 6) if t != old.tone]))
    typed = [*word[:index], Syllable(old.base, tone, old.erhua), *word[index + 1:]]
    grade = grade_pinyin(to_numbers(typed), readings("", word))
    assert grade.verdict is Verdict.TONE_SLIP
    slips = [p for p in grade.pieces if p.mark is Mark.TONE]
    assert len(slips) == 1
    assert (slips[0].typed_tone, slips[0].expected_tone) == (tone, old.tone)
    assert grade.rating is Rating.Again  # a tone slip is a failure of recall
    assert slips[0].describe() == f"{slips[0].name}: you typed {tone if tone != 5 else 'neutral'}, " \
        f"it is {old.tone if old.tone != 5 else 'neutral'}"


@settings(max_examples=300, deadline=None)
@given(st.lists(syllables.filter(lambda s: not s.erhua), min_size=2, max_size=5), st.data())
def test_a_dropped_syllable_is_missing(word, data):
    index = data.draw(st.integers(0, len(word) - 1))
    typed = word[:index] + word[index + 1:]
    grade = grade_pinyin(to_numbers(typed), readings("", word))
    assert grade.verdict is Verdict.MISSING
    assert [p.mark for p in grade.pieces].count(Mark.MISSING) == 1
    assert grade.rating is Rating.Again


def test_grading_is_pure():
    code = (
        "import sys, lianxi.core.grading as g; "
        "g.grade_answer('type_pinyin', 'ni3hao3', hanzi='你好', pinyin='nǐ hǎo'); "
        "bad = {'textual', 'rich', 'sqlite3', 'sqlite_utils', 'pyttsx3', 'click', 'platformdirs'}; "
        "print(sorted(bad & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": ":".join(sys.path)})
    assert done.stdout.strip() == "[]"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeiouvngzhcsrlmxqjk ':12345050ǎàáāüǙ 你好儿,.!?-") + ["\u0301"]),
               max_size=16),
       st.sampled_from([CardKind.TYPE_PINYIN, CardKind.TYPE_HANZI, CardKind.CLOZE, CardKind.RECOGNITION]))
def test_anything_typed_grades_or_says_what_to_fix(typed, kind):
    try:
        grade = grade_answer(kind, typed, hanzi="一会儿", pinyin="yíhuìr", english=["a moment"])
    except PinyinError as exc:
        assert str(exc) and exc.piece
        return
    assert grade.rating in tuple(Rating)
    assert grade.verdict is not Verdict.EXACT or not grade.problems


# --- the rules on real data: the bundled lessons and CC-CEDICT's readings ---


@pytest.fixture(scope="module")
def bundled_words():
    from samples import bundled_words as words

    return words()


def _grade(word, typed):
    return grade_answer(CardKind.TYPE_PINYIN, typed, hanzi=word.hanzi, pinyin=word.syllables, english=word.english,
                        also=[r.syllables for r in word.other_readings], lexicon=LEXICON)


def test_every_bundled_word_takes_its_reading_as_written_and_as_said(bundled_words):
    from lianxi.core.sandhi import spoken_form

    assert len(bundled_words) > 10_000
    wrong = []
    for word in bundled_words[::3]:
        said = " ".join(s.numbered for s in spoken_form(word.hanzi, word.syllables, lexicon=LEXICON).syllables)
        for typed in (word.numbered, said, *(r.numbered for r in word.other_readings)):
            if _grade(word, typed).verdict is not Verdict.EXACT:
                wrong.append((word.hanzi, word.numbered, typed))
    assert wrong == []


def test_another_dictionary_reading_of_a_bundled_word_is_named_never_right(bundled_words):
    checked = 0
    for word in bundled_words:
        taught = {tuple(word.syllables), *(tuple(r.syllables) for r in word.other_readings)}
        for other in LEXICON.readings(word.hanzi):
            if (len(other.syllables) != len(word.syllables) or tuple(other.syllables) in taught
                    or any(all(a.base == b.base and (a.tone == b.tone or 5 in (a.tone, b.tone))
                               for a, b in zip(other.syllables, t, strict=True)) for t in taught)):
                continue  # the word's own entry, written with or without a neutral tone
            grade = _grade(word, to_numbers(other.syllables))
            assert grade.verdict is Verdict.OTHER_READING, (word.hanzi, word.numbered, other)
            assert grade.rating is Rating.Again and learner_meaning(other.meaning) in grade.note
            assert not has_markup(grade.note), (word.hanzi, grade.note)  # never "archaic variant of 汝"
            checked += 1
    assert checked > 300


def test_the_other_word_is_named_in_a_learners_words_never_with_dictionary_markup():
    ru = _grade_hanzi("女", "nǚ", "ru3")
    assert ru.verdict is Verdict.OTHER_READING and "variant of" not in ru.note and "rǔ is 女" in ru.note
    di = _grade_hanzi("的", "de", "di4")
    assert "bull's-eye" in di.note and "(bound form)" not in di.note
    assert learner_meaning("(bound form) bull's-eye; target") == "bull's-eye; target"
    assert learner_meaning("archaic variant of 汝") == "another spelling of 汝"
    assert learner_meaning("used in 吗啡") == "as in 吗啡"


def _grade_hanzi(hanzi, pinyin, typed):
    return grade_answer(CardKind.TYPE_PINYIN, typed, hanzi=hanzi, pinyin=parse(pinyin), english=(), lexicon=LEXICON)
