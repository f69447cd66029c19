"""lianxi.core.sandhi: how syllables are said (third tones, 一 and 不, erhua)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lianxi.core.pinyin import VALID_SYLLABLES, Syllable, hanzi_reading, parse, to_numbers
from lianxi.core.sandhi import apply_sandhi, word_reading

NO_ERHUA = {"er", "e", "ê", "m", "n", "ng", "hm", "hng"}
syllables = st.builds(
    lambda base, tone, erhua: Syllable(base, tone, erhua and base not in NO_ERHUA),
    st.sampled_from(sorted(VALID_SYLLABLES - {"m", "n", "ng", "hm", "hng"})),
    st.integers(1, 5),
    st.booleans(),
)


@pytest.mark.parametrize(
    ("hanzi", "spoken"),
    [
        ("一个", "yi2 ge4"),
        ("一天", "yi4 tian1"),
        ("一年", "yi4 nian2"),
        ("一起", "yi4 qi3"),
        ("一样", "yi2 yang4"),
        ("第一", "di4 yi1"),
        ("十一", "shi2 yi1"),
        ("一九八四", "yi1 jiu3 ba1 si4"),
        ("统一", "tong3 yi1"),
        ("看一看", "kan4 yi5 kan4"),
        ("不是", "bu2 shi4"),
        ("不好", "bu4 hao3"),
        ("不对", "bu2 dui4"),
        ("好不好", "hao3 bu5 hao3"),
        ("你好", "ni2 hao3"),
        ("可以", "ke2 yi3"),
        ("我很好", "wo3 hen2 hao3"),
        ("我也很好", "wo2 ye3 hen2 hao3"),
        ("你好，我是王老师。", "ni2 hao3 wo3 shi4 wang2 lao3 shi1"),
        ("我好，你好", "wo2 hao3 ni2 hao3"),  # the comma breaks the run
    ],
)
def test_apply_sandhi_with_hanzi(hanzi, spoken):
    assert to_numbers(apply_sandhi(hanzi_reading(hanzi), hanzi)) == spoken


def test_apply_sandhi_without_hanzi_only_changes_third_tones():
    # Without hanzi, yi1/bu4 could be 医/部: leave them.
    assert to_numbers(apply_sandhi(parse("yi1 sheng1 bu4 fen4 ni3 hao3"))) == (
        "yi1 sheng1 bu4 fen4 ni2 hao3"
    )


def test_apply_sandhi_keeps_erhua_and_does_not_change_its_input():
    sylls = parse("ni3 dianr3")
    assert apply_sandhi(sylls) == [Syllable("ni", 2), Syllable("dian", 3, erhua=True)]
    assert sylls == parse("ni3 dianr3")


def test_apply_sandhi_needs_matching_hanzi():
    with pytest.raises(ValueError, match="2 syllables but 3 hanzi"):
        apply_sandhi(parse("ni3 hao3"), "你好吗")


@given(st.lists(syllables, max_size=10))
def test_sandhi_leaves_no_third_tone_pairs_and_only_touches_third_tones(sylls):
    spoken = apply_sandhi(sylls)
    assert len(spoken) == len(sylls)
    for before, after in zip(sylls, spoken, strict=True):
        assert (before.base, before.erhua) == (after.base, after.erhua)
        assert after.tone == before.tone or (before.tone, after.tone) == (3, 2)
    assert not any(a.tone == b.tone == 3 for a, b in zip(spoken, spoken[1:]))
    if sylls:
        assert spoken[-1] == sylls[-1]


def test_word_reading_merges_only_a_neutral_er():
    assert to_numbers(word_reading("一会儿")) == "yi1 huir4"
    assert to_numbers(word_reading("女儿")) == "nü3 er2"
