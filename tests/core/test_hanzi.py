"""core.hanzi: which characters are hanzi (one rule for lessons, dictionary, grading and speech)."""

import pytest

from lianxi.core.hanzi import count_hanzi, is_hanzi


@pytest.mark.parametrize("ch", [
    "你", "〇",  # common, and the ideographic zero (一九〇〇)
    "\u3400",  # Extension A
    "\U00020000",  # Extension B
    "\U0002a6d6",  # Extension B, last
    "\U00030000",  # Extension G (lessons used to stop at the compatibility supplement)
    "\uf900",  # compatibility ideograph
])
def test_hanzi(ch):
    assert is_hanzi(ch)


@pytest.mark.parametrize("ch", ["a", "Ａ", "3", "。", "，", "ㄅ", "\u4dc0", "ア", "가", " "])
def test_not_hanzi(ch):
    # Latin, full-width Latin, digits, CJK punctuation, bopomofo, a Yijing hexagram, kana, hangul
    assert not is_hanzi(ch)


def test_count_hanzi_leaves_out_letters_and_punctuation():
    assert count_hanzi("卡拉OK") == 2
    assert count_hanzi("你好！Hello。") == 2
    assert count_hanzi("") == 0
