"""lianxi.core.sandhi: the syllables as they are said (third tones by structure, 一 and 不,
neutral tones, erhua), checked against a table written from the rules of Mandarin."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lianxi.core.lexicon import EMPTY
from lianxi.core.pinyin import Syllable, parse, to_numbers
from lianxi.core.syllables import VALID_SYLLABLES
from lianxi.core.sandhi import apply_sandhi, dictionary_reading, spoken_form
from lianxi.lexicon import bundled_lexicon

from samples import bundled_words

TABLE = Path(__file__).with_name("spoken_forms.tsv")
LEXICON = bundled_lexicon()


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            hanzi, written, spoken, why = line.split("\t")
            rows.append((hanzi, written, spoken, why))
    return rows


ROWS = _rows()


def test_the_table_is_big_enough_and_has_no_repeats():
    assert len(ROWS) >= 100
    assert len({(h, w) for h, w, _, _ in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("hanzi", "written", "spoken", "why"), ROWS, ids=[f"{h or w}|{w}" for h, w, _, _ in ROWS])
def test_spoken_form(hanzi, written, spoken, why):
    said = spoken_form(hanzi, written or None, lexicon=LEXICON)
    assert said.numbered == spoken, why


def test_every_bundled_word_with_three_third_tones_in_a_row_was_checked_by_hand():
    """A new lesson word with a run of three third tones must be added to the table."""
    checked = {h for h, _, _, _ in ROWS}
    runs = {}
    for word in bundled_words():
        run = longest = 0
        for s in word.syllables:
            run = run + 1 if s.tone == 3 else 0
            longest = max(longest, run)
        if longest >= 3:
            runs[word.hanzi] = word.numbered
    assert len(runs) >= 5
    assert {h: f for h, f in runs.items() if h not in checked} == {}


def test_the_engine_line_and_the_spoken_line_are_the_same_syllables():
    said = spoken_form("一点儿，你好", lexicon=LEXICON)
    assert said.numbered == "yi4 dianr3, ni2 hao3"
    assert [len(p) for p in said.phrases] == [2, 2]
    assert to_numbers(said.syllables) == "yi4 dianr3 ni2 hao3"


def test_lesson_pinyin_that_does_not_pair_with_the_hanzi_is_said_as_written():
    assert spoken_form("你好吗", "ni3 hao3", lexicon=LEXICON).numbered == "ni2 hao3"


def test_without_a_lexicon_words_are_read_by_pypinyin_and_still_follow_the_rules():
    assert spoken_form("你好", lexicon=EMPTY).numbered == "ni2 hao3"
    assert spoken_form("一个", lexicon=EMPTY).numbered == "yi2 ge4"
    assert spoken_form("椅子", "yi3 zi5", lexicon=EMPTY).numbered == "yi3 zi5"  # pypinyin: 子 zi5 first


def test_dictionary_reading_gives_citation_tones_with_neutral_tones_and_erhua():
    assert to_numbers(dictionary_reading("一会儿", lexicon=LEXICON)) == "yi1 huir4"
    assert to_numbers(dictionary_reading("不是", lexicon=LEXICON)) == "bu4 shi4"
    assert to_numbers(dictionary_reading("女儿", lexicon=LEXICON)) == "nü3 er2"
    assert to_numbers(dictionary_reading("東西", lexicon=LEXICON)) == "dong1 xi5"  # traditional
    assert to_numbers(dictionary_reading("你好，世界", lexicon=LEXICON)) == "ni3 hao3 shi4 jie4"


def test_apply_sandhi_keeps_erhua_and_does_not_change_its_input():
    sylls = parse("ni3 dianr3")
    assert apply_sandhi(sylls) == [Syllable("ni", 2), Syllable("dian", 3, erhua=True)]
    assert sylls == parse("ni3 dianr3")


def test_apply_sandhi_pairs_erhua_with_its_hanzi():
    assert to_numbers(apply_sandhi(parse("yi1 dianr3"), "一点儿", lexicon=LEXICON)) == "yi4 dianr3"


def test_apply_sandhi_needs_matching_hanzi():
    with pytest.raises(ValueError, match="2 syllables but 3 hanzi"):
        apply_sandhi(parse("ni3 hao3"), "你好吗")


NO_ERHUA = {"er", "e", "ê", "m", "n", "ng", "hm", "hng"}
syllables = st.builds(
    lambda base, tone, erhua: Syllable(base, tone, erhua and base not in NO_ERHUA),
    st.sampled_from(sorted(VALID_SYLLABLES - {"m", "n", "ng", "hm", "hng"})),
    st.integers(1, 5),
    st.booleans(),
)


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


@settings(deadline=None)  # the first example warms the lexicon's caches; the machine may be busy
@given(st.text(alphabet="一不你好我很小姐老虎展览馆儿点会对起是地个，。ABC 3", max_size=12))
def test_any_hanzi_text_gets_one_spoken_syllable_per_syllable_read(text):
    said = spoken_form(text, lexicon=LEXICON)
    read = dictionary_reading(text, lexicon=LEXICON)
    assert [s.base for s in said.syllables] == [s.base for s in read]
    for phrase in said.phrases:  # no two third tones left side by side inside a phrase
        assert not any(a.tone == b.tone == 3 for a, b in zip(phrase, phrase[1:]))


def test_every_bundled_word_is_said_by_the_rules():
    """Real data: every lesson word gets a spoken form; no third tone is left before a third
    tone inside a phrase; 儿 read as erhua is never said as a syllable of its own."""
    words = bundled_words()
    for word in words:
        said = spoken_form(word.hanzi, word.syllables, lexicon=LEXICON)
        assert [s.base for s in said.syllables] == [s.base for s in word.syllables], word.hanzi
        for phrase in said.phrases:
            assert not any(a.tone == b.tone == 3 for a, b in zip(phrase, phrase[1:])), word.hanzi
        if any(s.erhua for s in word.syllables):
            assert sum(s.erhua for s in said.syllables) == sum(s.erhua for s in word.syllables)
    assert len(words) > 10_000
