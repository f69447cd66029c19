"""Drill logic: item choice (seeded), leaning toward mistakes, minimal-pair sets, answer checking."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from lianxi.core.drills.answers import check
from lianxi.core.drills.confusion import BALANCE_ROUNDS, Confusion
from lianxi.core.drills.dictation import choose_dictation
from lianxi.core.drills.items import Drill
from lianxi.core.drills.listening import choose_listen
from lianxi.core.drills.minimal_pairs import CONTRASTS, choose_minimal, minimal_sets
from lianxi.core.drills.tone_pairs import PAIR_CLASSES, choose_pair, pair_class, pair_words
from lianxi.core.drills.tones import attested_syllables, choose_tone
from lianxi.core.drills.words import STARTER_WORDS, DrillWord
from lianxi.core.grading import Mark
from lianxi.core.pinyin import parse
from lianxi.core.syllables import VALID_SYLLABLES


# -- tones -------------------------------------------------------------------------------


def test_tone_items_are_real_syllables_and_the_answer_is_their_tone():
    rng = random.Random(7)
    attested = attested_syllables()
    for _ in range(300):
        item = choose_tone(rng, Confusion())
        syllable = parse(item.pinyin)[0]
        assert syllable.base in attested[syllable.tone]
        assert item.expected == str(syllable.tone)
        assert check(item, item.expected).correct
        wrong = str(syllable.tone % 5 + 1)
        verdict = check(item, wrong)
        assert not verdict.correct and verdict.tones == ((syllable.tone, int(wrong)),)


def test_attested_syllables_leave_out_gaps_of_the_syllable_table():
    attested = attested_syllables()
    assert "ma" in attested[1] and "ma" in attested[3]
    assert "bei" not in attested[2]  # no character is read béi
    assert all(b in VALID_SYLLABLES for bases in attested.values() for b in bases)
    assert set(attested[5]) <= {"de", "le", "ma", "ne", "ba", "zi", "men", "me"}


def test_tones_are_balanced_first_then_lean_toward_the_confused_tone():
    rng = random.Random(1)
    first = Counter(choose_tone(rng, Confusion()).expected for _ in range(5))
    # no answers yet: every tone is among the least asked, so all tones are possible
    assert set(first) <= {"1", "2", "3", "4", "5"}
    counts = {(t, t): 20 for t in (1, 2, 3, 4, 5)}
    counts[(3, 3)] = 8
    counts[(3, 2)] = 12  # tone 3 is heard as tone 2 more than half the time
    drawn = Counter(choose_tone(rng, Confusion(counts)).expected for _ in range(2000))
    assert drawn["3"] > 3 * drawn["1"]


def test_a_tone_answer_that_is_not_one_digit_is_not_readable():
    item = choose_tone(random.Random(2), Confusion())
    assert not check(item, "").readable
    assert not check(item, "12").readable


def test_confusion_error_rate_and_lines():
    table = Confusion({(2, 2): 3, (2, 3): 1})
    assert table.heard(2) == 4
    assert table.error_rate(2) == pytest.approx(2 / 6)
    assert table.error_rate(1) == 0.5
    lines = table.lines()
    assert len(lines) == 6
    assert lines[2].split()[:6] == ["2", "0", "3", "1", "0", "0"]
    assert lines[2].endswith("75%")


# -- pairs -------------------------------------------------------------------------------


def test_the_starter_words_cover_all_twenty_pair_classes():
    by_class = pair_words([])
    assert len(PAIR_CLASSES) == 20
    assert all(len(by_class[k]) >= 2 for k in PAIR_CLASSES), {k: len(v) for k, v in by_class.items()}
    for word in STARTER_WORDS:
        assert len(word.syllables) == len(word.hanzi) == 2


def test_pair_class_reads_written_tones_and_skips_unusable_words():
    assert pair_class(DrillWord("面包", "miànbāo")) == "41"
    assert pair_class(DrillWord("谢谢", "xiè xie")) == "45"
    assert pair_class(DrillWord("不是", "bú shì")) is None  # 不 changes tone
    assert pair_class(DrillWord("一样", "yí yàng")) is None
    assert pair_class(DrillWord("我", "wǒ")) is None
    assert pair_class(DrillWord("图书馆", "túshūguǎn")) is None


def test_pairs_are_balanced_at_first():
    rng = random.Random(3)
    by_class = pair_words([])
    stats: dict[str, tuple[int, int]] = {}
    for _ in range(len(PAIR_CLASSES) * BALANCE_ROUNDS):
        item = choose_pair(rng, by_class, stats)
        asked, wrong = stats.get(item.key, (0, 0))
        stats[item.key] = (asked + 1, wrong)
    assert all(stats[k] == (BALANCE_ROUNDS, 0) for k in PAIR_CLASSES)


def test_pairs_then_lean_toward_the_pairs_the_learner_confuses():
    rng = random.Random(4)
    stats = {k: (10, 0) for k in PAIR_CLASSES}
    stats["23"] = (10, 6)
    stats["32"] = (10, 5)
    drawn = Counter(choose_pair(rng, pair_words([]), stats).key for _ in range(3000))
    assert drawn["23"] > 5 * drawn["11"]
    assert drawn["32"] > 5 * drawn["44"]


def test_pairs_also_lean_toward_tones_the_confusion_table_shows_are_missed():
    rng = random.Random(12)
    stats = {k: (10, 2) for k in PAIR_CLASSES}
    counts = {(t, t): 30 for t in (1, 2, 3, 4, 5)}
    counts[(4, 4)] = 5
    counts[(4, 1)] = 25  # tone 4 mostly heard as tone 1
    drawn = Counter(choose_pair(rng, pair_words([]), stats, Confusion(counts)).key for _ in range(3000))
    fours = sum(n for k, n in drawn.items() if "4" in k)
    others = sum(n for k, n in drawn.items() if "4" not in k)
    # 9 of the 20 classes have a tone 4; with no confusion they would get under half the draws
    assert fours > 1.3 * others


def test_pair_answers():
    rng = random.Random(5)
    by_class = {k: [] for k in PAIR_CLASSES}
    by_class["41"] = [DrillWord("面包", "mian4 bao1")]
    item = choose_pair(rng, by_class, {})
    assert item.hanzi == "面包" and item.expected == "41"
    assert check(item, "41").correct
    assert check(item, "4 1").correct
    wrong = check(item, "42")
    assert not wrong.correct and wrong.tones == ((4, 4), (1, 2))
    assert not check(item, "4").readable
    by_class["41"] = []
    by_class["33"] = [DrillWord("你好", "ni3 hao3")]
    item = choose_pair(rng, by_class, {})
    assert check(item, "33").correct
    sandhi = check(item, "23")  # what is actually said
    assert sandhi.correct and sandhi.tones == ((3, 3), (3, 3))


# -- minimal pairs -----------------------------------------------------------------------


@pytest.mark.parametrize("contrast", CONTRASTS)
def test_minimal_sets_differ_in_exactly_their_contrast(contrast):
    groups = minimal_sets(contrast)
    assert groups
    for group in groups:
        assert all(b in VALID_SYLLABLES for b in group)
        assert len(set(group)) == len(group)
    if contrast == "zh/z":
        assert ("zhu", "zu") in groups and all(a == "zh" + b[1:] for a, b in groups)
    if contrast == "j/q/x":
        assert ("jiao", "qiao", "xiao") in groups
    if contrast == "-n/-ng":
        assert ("xin", "xing") in groups and all(b == a + "g" for a, b in groups)
    if contrast == "u/ü":
        assert ("nu", "nü") in groups and ("lu", "lü") in groups


def test_minimal_items_share_a_tone_that_exists_for_every_option():
    rng = random.Random(6)
    attested = attested_syllables()
    for _ in range(200):
        item = choose_minimal(rng, {})
        options = [parse(o)[0] for o in item.options]
        assert len({s.tone for s in options}) == 1
        assert all(s.base in attested[s.tone] for s in options)
        assert item.options[item.answer_index] == parse(item.pinyin)[0].marked
        assert check(item, str(item.answer_index + 1)).correct
        other = (item.answer_index + 1) % len(item.options)
        assert not check(item, str(other + 1)).correct
    fixed = choose_minimal(rng, {}, "sh/s")
    assert fixed.key == "sh/s"


# -- listening ---------------------------------------------------------------------------

WORDS = [
    DrillWord("猫", "māo", ("cat",), tags=("noun",)),
    DrillWord("狗", "gǒu", ("dog",), tags=("noun",)),
    DrillWord("鱼", "yú", ("fish",), tags=("noun",)),
    DrillWord("吃", "chī", ("to eat",), tags=("verb",)),
    DrillWord("喝", "hē", ("to drink",), tags=("verb",)),
    DrillWord("鸟", "niǎo", ("bird",), tags=("noun",)),
    DrillWord("朋友", "péngyou", ("friend",), tags=("noun",)),
]


def test_listening_offers_four_different_meanings_one_of_them_right():
    rng = random.Random(8)
    for _ in range(100):
        item = choose_listen(rng, WORDS)
        assert len(item.options) == 4 and len(set(item.options)) == 4
        assert item.options[item.answer_index] == item.expected
        assert check(item, str(item.answer_index + 1)).correct
        assert not check(item, str((item.answer_index + 1) % 4 + 1)).correct
        assert not check(item, "7").readable


def test_listening_distractors_are_plausible_same_kind_of_word():
    rng = random.Random(9)
    for _ in range(50):
        item = choose_listen(rng, WORDS)
        if item.hanzi == "猫":
            # three one-character nouns exist, so the verbs and 朋友 are never offered
            assert set(item.options) == {"cat", "dog", "fish", "bird"}


def test_listening_needs_four_meanings():
    with pytest.raises(ValueError):
        choose_listen(random.Random(1), WORDS[:3])


# -- dictation ---------------------------------------------------------------------------


def _dictate(hanzi: str, pinyin: str):
    return choose_dictation(random.Random(0), [DrillWord(hanzi, pinyin, ("x",))])


@pytest.mark.parametrize("typed", ["ni3hao3", "ni3 hao3", "nǐ hǎo", "nǐhǎo", "NI3  HAO3", "ni2 hao3", "你好"])
def test_dictation_accepts_any_spelling_and_the_spoken_tones(typed):
    verdict = check(_dictate("你好", "nǐ hǎo"), typed)
    assert verdict.correct, verdict.message


def test_dictation_marks_each_syllable_and_keeps_tone_evidence():
    verdict = check(_dictate("你好吗", "nǐ hǎo ma"), "ni4 xiao3 ma")
    assert not verdict.correct
    assert [p.mark for p in verdict.pieces] == [Mark.TONE, Mark.WRONG, Mark.RIGHT]
    assert "ni: you typed 4, it is 3" in verdict.message and "you typed xiǎo, it is hǎo" in verdict.message
    assert verdict.tones == ((3, 4), (5, 5))  # a wrong syllable gives no tone evidence


def test_dictation_says_what_is_missing_or_extra():
    item = _dictate("我是老师", "wǒ shì lǎoshī")
    missing = check(item, "wo3 lao3 shi1")
    assert not missing.correct and "missing: shì" in missing.message
    extra = check(item, "wo3 shi4 shi4 lao3 shi1")
    assert not extra.correct and "extra: shì" in extra.message


def test_dictation_of_a_short_sentence_ignores_punctuation():
    item = _dictate("我很好，谢谢！", "Wǒ hěn hǎo, xièxie!")
    assert check(item, "wo3 hen3 hao3 xie4xie5").correct
    assert check(item, "我很好谢谢").correct


def test_dictation_in_hanzi_and_unreadable_answers():
    item = _dictate("谢谢", "xiè xie")
    assert check(item, "谢谢").correct
    assert not check(item, "姐姐").correct
    assert check(_dictate("他", "tā"), "她").correct  # sounds the same: heard right
    unreadable = check(item, "xqz3")
    assert not unreadable.readable and "Could not read" in unreadable.message
    assert not check(item, "   ").readable


def test_choices_are_repeatable_with_the_same_seed():
    a = [choose_pair(random.Random(11), pair_words([]), {}) for _ in range(3)]
    b = [choose_pair(random.Random(11), pair_words([]), {}) for _ in range(3)]
    assert a == b
    assert all(item.drill is Drill.PAIRS for item in a)
