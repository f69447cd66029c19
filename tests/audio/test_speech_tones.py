"""The Speaker's audio carries the tones: pitch tracked with praat-parselmouth, not trusted."""

from __future__ import annotations

import pytest

from lianxi.audio import contour
# Syllables of different initials and finals; each was clear in 30 of 30 renders
# with the chosen voice (espeak's +f3 breath noise makes every render differ a little).
SYLLABLES = ("da", "shi", "wen", "qing", "fang", "zhong")


def test_each_tone_has_its_shape(speaker):
    heard = {
        (base, tone): contour.measure(speaker.render(pinyin=f"{base}{tone}"))
        for base in SYLLABLES
        for tone in (1, 2, 3, 4)
    }
    key = contour.key_of(heard.values())
    unclear = {
        f"{base}{tone}": found
        for (base, tone), c in heard.items()
        if (found := contour.faults(c, tone, key))
    }
    assert unclear == {}


@pytest.mark.parametrize(
    ("hanzi", "text"),
    [
        ("一个", "yi2 ge4"),
        ("一天", "yi4 tian1"),
        ("第一", "di4 yi1"),
        ("不是", "bu2 shi4"),
        ("不好", "bu4 hao3"),
        ("好不好", "hao3 bu5 hao3"),
    ],
)
def test_yi_and_bu_sandhi_reach_the_engine(speaker, hanzi, text):
    assert speaker.engine_text(hanzi) == text


def _first_syllable(speaker, hanzi: str, count: int) -> contour.Contour:
    return contour.measure_parts(speaker.render(hanzi=hanzi), count)[0]


def test_bu_rises_before_a_fourth_tone_and_falls_before_a_third(speaker):
    rising = _first_syllable(speaker, "不是", 2)
    falling = _first_syllable(speaker, "不好", 2)
    assert contour.faults(rising, 2, key=rising.mean) == []
    assert contour.faults(falling, 4, key=falling.mean) == []


def test_third_tone_sandhi_is_applied_once_by_us_not_again_by_espeak(speaker):
    # Sent raw, "wo3 hen3 hao3" would let espeak raise both 我 and 很; ours keeps 我 low.
    assert speaker.engine_text("你好") == "ni2 hao3"
    assert speaker.engine_text("我很好") == "wo3 hen2 hao3"
    wo, hen, _hao = contour.measure_parts(speaker.render(hanzi="我很好"), 3)
    assert wo.end - wo.start < 1.0
    assert hen.end - hen.start > contour.RISE


def test_phrases_are_kept_apart(speaker):
    text = speaker.engine_text("你好，我是王老师。", "Nǐ hǎo, wǒ shì Wáng lǎoshī.")
    # hao3 keeps its full third tone at the phrase end; espeak pauses at the comma.
    assert text == "ni2 hao3, wo3 shi4 wang2 lao3 shi1"
    assert speaker.engine_text(pinyin="ni3 hao3! wo3 hen3 hao3") == "ni2 hao3, wo3 hen2 hao3"


def test_the_lessons_own_pinyin_wins_over_the_hanzi_reading(speaker):
    assert speaker.engine_text("还") == "hai2"
    assert speaker.engine_text("还", "huán") == "huan2"
    # pinyin that does not pair with the hanzi one to one is still spoken as written
    assert speaker.engine_text("一点儿", "yìdiǎnr") == "yi4 dian3r"


def test_umlaut_and_neutral_tone_are_spelt_for_the_voice(speaker):
    assert speaker.engine_text(pinyin="nǚ de") == "nv3 de5"


def test_lesson_pinyin_that_does_not_pair_with_the_hanzi_keeps_its_phrases(speaker):
    # 3 hanzi + 儿 written as erhua: the pinyin is read as written, commas and all
    text = speaker.engine_text("你好，一点儿。", "Nǐ hǎo, yìdiǎnr.")
    assert text == "ni2 hao3, yi4 dian3r"
