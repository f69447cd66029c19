"""core.sentences: reading sentence files (and every way they go wrong), choosing examples."""

from __future__ import annotations

import pytest

from lianxi.core.sentences import (
    SentenceProblems, choose_examples, known_share, read_sentences, sentences_with, short_attribution,
)

# Our own sentences, written for these tests (none copied from Tatoeba).
GOOD = (
    "I am a student.\t我是学生。\tLianxi tests (CC0)\n"
    "She is a teacher.\t她是老师。\tLianxi tests (CC0)\n"
    "Are you a student?\t你是学生吗？\tLianxi tests (CC0)\n"
)


def test_reads_pairs_with_their_attribution_and_line():
    sentences = read_sentences(GOOD.encode("utf-8"), "mine.tsv")
    assert [(s.english, s.chinese, s.attribution, s.line) for s in sentences][0] == (
        "I am a student.", "我是学生。", "Lianxi tests (CC0)", 1)
    assert len(sentences) == 3


def test_a_byte_order_mark_windows_line_ends_and_trailing_blank_lines_are_fine():
    data = ("\ufeff" + GOOD.replace("\n", "\r\n") + "\r\n\n").encode("utf-8")
    sentences = read_sentences(data, "mine.tsv")
    assert [s.chinese for s in sentences] == ["我是学生。", "她是老师。", "你是学生吗？"]
    assert sentences[0].english == "I am a student."


def problems(data: bytes) -> list[str]:
    with pytest.raises(SentenceProblems) as caught:
        read_sentences(data, "bad.tsv")
    assert "Nothing was imported" in str(caught.value)
    return [str(e) for e in caught.value.errors]


def test_an_empty_line_between_sentences_is_named_by_its_line():
    lines = GOOD.splitlines(keepends=True)
    data = (lines[0] + "\n" + lines[1] + "   \n" + lines[2]).encode("utf-8")
    assert problems(data) == [
        "bad.tsv:2: is empty: remove empty lines (one sentence pair per line)",
        "bad.tsv:4: is empty: remove empty lines (one sentence pair per line)",
    ]


def test_wrong_columns():
    data = "Hello.\t你好。\nok\t你好\tx\tmore\nHi.\t你好。\tme\n".encode("utf-8")
    found = problems(data)
    assert found[0].startswith("bad.tsv:1: has 2 columns, not 3")
    assert found[1].startswith("bad.tsv:2: has 4 columns, not 3")
    assert len(found) == 2


def test_swapped_and_empty_columns():
    data = "你好。\tHello.\tme\n\t你好。\tme\nHello.\tHello.\tme\nHi.\t你好。\t \n".encode("utf-8")
    assert problems(data) == [
        "bad.tsv:1: the English and Chinese columns look swapped: English comes first",
        "bad.tsv:2: column 1 (English) is empty",
        "bad.tsv:3: column 2 should be the Chinese sentence, but 'Hello.' has no hanzi",
        "bad.tsv:4: column 3 (attribution) is empty: every sentence keeps its source and licence",
    ]


def test_latin1_is_refused_with_the_line_and_what_to_do():
    data = "I am a student.\t我是学生。\tme\n".encode("utf-8") + "Café.\tx\tme\n".encode("latin-1")
    (message,) = problems(data)
    assert message.startswith("bad.tsv:2: is not UTF-8 text")
    assert "save it again as UTF-8" in message


def test_utf16_is_refused():
    (message,) = problems(GOOD.encode("utf-16"))
    assert "UTF-16" in message and "UTF-8" in message


def test_an_empty_file_has_no_sentences():
    assert problems(b"")[0].startswith("bad.tsv:1: has no sentences")


def test_long_problem_lists_are_cut_short_in_the_message():
    data = ("x\n" * 25).encode("utf-8")
    with pytest.raises(SentenceProblems) as caught:
        read_sentences(data, "bad.tsv")
    assert len(caught.value.errors) == 25
    assert "... and 15 more problems" in str(caught.value)


def test_sentences_with_finds_words_in_short_sentences():
    sentences = [(1, "我是学生。"), (2, "她是老师。"), (3, "学" + "很" * 30)]
    found = sentences_with(["学生", "是", "老师", "学"], sentences)
    assert found == {"学生": [1], "是": [1, 2], "老师": [2], "学": [1]}
    assert sentences_with([], sentences) == {}


def test_known_share_is_about_the_other_words():
    assert known_share("我是学生。", "学生", set()) == 0.0
    assert known_share("我是学生。", "学生", {"我"}) == pytest.approx(1 / 2)
    assert known_share("我是学生。", "学生", {"我", "是"}) == 1.0
    assert known_share("学生！", "学生", set()) == 1.0  # only the word: nothing else to know
    assert known_share("...", "学生", {"我"}) == 0.0


def test_choose_prefers_known_words_then_studied_then_short():
    candidates = [(1, "他们的学生都很好看。"), (2, "学生来了。"), (3, "我是学生。"), (4, "我是学生！")]
    # nothing known: shortest first; 3 and 4 differ only in punctuation, so only one is kept
    assert choose_examples("学生", candidates, set()) == [2, 3, 1]
    # knowing 我 and 是 brings "我是学生。" to the front
    assert choose_examples("学生", candidates, {"我", "是"})[:1] == [3]
    # words in the learner's lessons break ties between equally known sentences
    assert choose_examples("学生", candidates, set(), studying={"他们", "的", "都", "很", "好看"})[0] == 1
    assert choose_examples("学生", candidates, set(), limit=1) == [2]
    assert choose_examples("学生", [], set()) == []


def test_short_attribution_keeps_licence_ids_and_authors():
    text = "CC-BY 2.0 (France) Attribution: tatoeba.org #1 (CM) & #2 (Martha)"
    assert short_attribution(text) == "CC BY 2.0 FR · tatoeba.org #1 (CM) & #2 (Martha)"
    assert short_attribution("Lianxi tests (CC0)") == "Lianxi tests (CC0)"
