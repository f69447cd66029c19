"""Property tests for lianxi.core.pinyin: every syllable and tone, and random words of them."""

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lianxi.core.pinyin import PinyinError, Syllable, for_speech, parse, to_marks, to_numbers, tone_spans
from lianxi.core.syllables import VALID_SYLLABLES

NASALS = {"m", "n", "ng", "hm", "hng"}  # interjections: always written alone
NO_ERHUA = {"er", "e", "ê", *NASALS}
WORD_SYLLABLES = sorted(VALID_SYLLABLES - NASALS)
OPEN = ("a", "o", "e", "ê")

ALL_SINGLE = [
    Syllable(base, tone, erhua)
    for base in sorted(VALID_SYLLABLES)
    for tone in range(1, 6)
    for erhua in (False, True)
    if not (erhua and base in NO_ERHUA)
]


@pytest.mark.parametrize("form", ["marked", "numbered", "nfd", "speech", "upper"])
def test_every_syllable_and_tone_round_trips(form):
    for s in ALL_SINGLE:
        if form == "marked":
            written = to_marks([s])
        elif form == "numbered":
            written = to_numbers([s])
        elif form == "nfd":
            written = unicodedata.normalize("NFD", s.marked)
        elif form == "speech":
            written = for_speech([s])
        else:
            written = s.marked.upper()
        assert parse(written) == [s], written
        assert to_numbers(parse(to_marks(written))) == s.numbered


def test_every_marked_syllable_has_exactly_one_mark_unless_neutral():
    for s in ALL_SINGLE:
        marks = [c for c in unicodedata.normalize("NFD", s.marked) if c in "\u0304\u0301\u030c\u0300"]
        assert len(marks) == (0 if s.tone == 5 else 1), s


syllables = st.builds(
    lambda base, tone, erhua: Syllable(base, tone, erhua and base not in NO_ERHUA),
    st.sampled_from(WORD_SYLLABLES),
    st.integers(1, 5),
    st.booleans(),
)

words = st.lists(syllables, min_size=1, max_size=6)


def join(pieces: list[str], sylls: list[Syllable]) -> str:
    """Write syllables as one word, with the standard apostrophe before a/o/e."""
    out = pieces[0]
    for piece, s in zip(pieces[1:], sylls[1:], strict=True):
        out += ("'" if s.base.startswith(OPEN) else "") + piece
    return out


@given(words)
@example([Syllable("ban", 4), Syllable("ge", 1)])
@example([Syllable("xi", 1), Syllable("an", 1)])
@example([Syllable("fan", 1), Syllable("gan", 4)])
@example([Syllable("hua", 4, True), Syllable("ren", 2)])
@example([Syllable("nü", 3), Syllable("er", 2)])
def test_marked_words_segment_back(sylls):
    assert parse(join([s.marked for s in sylls], sylls)) == sylls


@given(words)
@example([Syllable("xi", 5), Syllable("an", 5)])
@example([Syllable("fan", 5), Syllable("gan", 5)])
def test_toneless_words_segment_back_as_neutral(sylls):
    neutral = [Syllable(s.base, 5, s.erhua) for s in sylls]
    assert parse(join([s.marked for s in neutral], neutral)) == neutral


@given(words, st.booleans())
@example([Syllable("xi", 1), Syllable("an", 1)], False)
def test_numbered_words_segment_back(sylls, apostrophes):
    pieces = [s.numbered for s in sylls]
    text = join(pieces, sylls) if apostrophes else "".join(pieces)
    assert parse(text) == sylls


@given(st.lists(syllables, max_size=8))
def test_marks_and_numbers_round_trip(sylls):
    assert to_numbers(to_marks(sylls)) == to_numbers(sylls)
    assert to_marks(to_numbers(sylls)) == to_marks(sylls)
    assert parse(to_marks(sylls)) == sylls
    assert parse(for_speech(sylls)) == sylls


@given(st.lists(st.tuples(words, st.sampled_from([" ", ", ", "! ", "。", "  ", "-"])), min_size=1))
def test_tone_spans_of_valid_text_follow_parse(parts):
    text = "".join(join([s.marked for s in w], w) + sep for w, sep in parts)
    spans = tone_spans(text)
    assert "".join(chunk for chunk, _ in spans) == text
    assert [t for _, t in spans if t is not None] == [s.tone for s in parse(text)]


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_any_text_either_parses_or_raises_pinyin_error(text):
    try:
        parse(text)
    except PinyinError as error:
        assert error.piece and error.piece in text
    spans = tone_spans(text)
    assert "".join(chunk for chunk, _ in spans) == text


@settings(max_examples=300)
@given(st.text(alphabet="aeinoughzlrv'0123 āáǎàǚ:", max_size=15))
def test_pinyin_like_text_either_parses_or_names_a_piece(text):
    try:
        result = parse(text)
    except PinyinError as error:
        assert error.piece in text
    else:
        assert all(isinstance(s, Syllable) for s in result)
    assert "".join(chunk for chunk, _ in tone_spans(text)) == text
