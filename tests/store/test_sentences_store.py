"""Importing example sentences into a real database: all or nothing, attribution kept, examples chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import shared_data
from lianxi.core.schedule import Rating
from lianxi.core.sentences import SentenceProblems
from lianxi.study.sentences import attach_all, card_extras, examples_for, import_sentences


# Our own sentences, written for these tests (none copied from Tatoeba).
FIXTURE = """\
Hello, teacher.\t老师，你好。\tLianxi tests #1 (CC0)
Hello!\t你好！\tLianxi tests #2 (CC0)
Goodbye, teacher.\t老师再见。\tLianxi tests #3 (CC0)
Thank you, teacher.\t谢谢老师。\tLianxi tests #4 (CC0)
The weather today is really very good, let us go to the park together.\t今天天气真的非常好，我们一起去公园玩吧，你好不好？\tLianxi tests #5 (CC0)
I am a student.\t我是学生。\tLianxi tests #6 (CC0)
Hello, hello.\t你好你好。\tLianxi tests #7 (CC0)
Thanks.\t谢谢。\tLianxi tests #8 (CC0)
Thanks!\t谢谢！\tLianxi tests #9 (CC0)
"""

LESSON = """\
id = "greetings"
title = "Greetings"
level = "HSK 1"

[[words]]
hanzi = "谢谢"
pinyin = "xièxie"
english = "thank you"

[[words]]
hanzi = "你好"
pinyin = "nǐ hǎo"
english = "hello"

[[words]]
hanzi = "老师"
pinyin = "lǎoshī"
english = "teacher"
traditional = "老師"

[[words]]
hanzi = "飞机"
pinyin = "fēijī"
english = "aeroplane"
"""


@pytest.fixture
def studying(learner, lesson_file):
    learner.import_files([lesson_file(LESSON)])
    return learner


@pytest.fixture
def fixture_file(tmp_path) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


def count(learner, table: str) -> int:
    return learner.progress.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_import_keeps_attribution_and_gives_each_word_up_to_three(studying, fixture_file):
    report = import_sentences(studying, fixture_file)
    assert (report.read, report.added, report.words, report.with_examples) == (9, 9, 4, 3)
    hello = examples_for(studying, "你好")
    assert [e.chinese for e in hello] == ["你好！", "你好你好。", "老师，你好。"]
    assert hello[0].english == "Hello!" and hello[0].attribution == "Lianxi tests #2 (CC0)"
    # the long sentence is never offered; 飞机 has none
    assert all("公园" not in e.chinese for e in hello)
    assert examples_for(studying, "飞机") == []
    # 谢谢！ and 谢谢。 say the same: one of them is enough
    assert [e.chinese for e in examples_for(studying, "谢谢")] == ["谢谢。", "谢谢老师。"]


def test_known_words_bring_their_sentences_forward(studying, fixture_file):
    session = studying.session("greetings")
    import_sentences(studying, fixture_file)
    # 老师: "老师，你好。" and "谢谢老师。" are as short, and both other words are in the lesson
    assert examples_for(studying, "老师")[0].chinese == "老师，你好。"
    card = session.next()
    assert card.hanzi == "谢谢"  # the lesson's first word
    session.answer(Rating.Good)
    # now 谢谢 is known: the sentence made of known words comes first
    import_sentences(studying, fixture_file)
    assert examples_for(studying, "老师")[0].chinese == "谢谢老师。"


def test_importing_again_adds_nothing_twice(studying, fixture_file):
    import_sentences(studying, fixture_file)
    again = import_sentences(studying, fixture_file)
    assert (again.read, again.added) == (9, 0)
    assert count(studying, "sentences") == 9


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (FIXTURE.replace("\n", "\n\n", 1).encode("utf-8"), "mine.tsv:2: is empty"),
        (FIXTURE.replace("\tLianxi tests #3 (CC0)", "").encode("utf-8"), "mine.tsv:3: has 2 columns"),
        (FIXTURE.encode("utf-8") + "Café.\t".encode("latin-1") + "咖啡。\tme\n".encode("utf-8"),
         "mine.tsv:10: is not UTF-8 text"),
    ],
    ids=["empty line", "wrong columns", "latin-1"],
)
def test_a_bad_file_imports_nothing(studying, tmp_path, data, expected):
    path = tmp_path / "mine.tsv"
    path.write_bytes(data)
    with pytest.raises(SentenceProblems, match=expected):
        import_sentences(studying, path)
    assert count(studying, "sentences") == 0
    assert count(studying, "word_examples") == 0


def test_a_missing_file_says_so(studying, tmp_path):
    with pytest.raises(SentenceProblems, match="does not exist"):
        import_sentences(studying, tmp_path / "nowhere.tsv")


def test_a_word_added_later_gets_examples_when_first_needed(learner, fixture_file, lesson_file):
    report = import_sentences(learner, fixture_file)
    assert report.words == 0 and report.added == 9
    learner.import_files([lesson_file(LESSON)])
    assert count(learner, "word_examples") == 0
    assert [e.chinese for e in examples_for(learner, "老师")] == ["老师，你好。", "谢谢老师。", "老师再见。"]
    assert count(learner, "word_examples") == 1  # chosen once, remembered


def test_card_extras_follow_the_script_setting_and_reveal(studying, fixture_file):
    import_sentences(studying, fixture_file)
    card = studying.session("greetings").next()
    assert card_extras(studying, card, revealed=False) == {"script": "simplified", "examples": []}
    studying.progress.set_setting("script", "traditional")
    extras = card_extras(studying, card, revealed=True)
    assert extras["script"] == "traditional" and extras["examples"]


def test_attach_all_chooses_again(studying, fixture_file):
    import_sentences(studying, fixture_file)
    report = attach_all(studying)
    assert (report.words, report.with_examples) == (4, 3)


def test_the_real_tatoeba_file_imports(studying):
    TATOEBA = shared_data("tatoeba/cmn-eng.tsv")  # noqa: N806
    report = import_sentences(studying, TATOEBA)
    lines = sum(1 for line in TATOEBA.read_text(encoding="utf-8-sig").splitlines() if line.strip())
    assert report.read == lines
    assert 0 < report.added <= report.read
    assert report.with_examples >= 3
    hello = examples_for(studying, "你好")
    assert 1 <= len(hello) <= 3
    assert all("你好" in e.chinese and e.attribution.startswith("CC-BY 2.0 (France)") for e in hello)
    assert all(len(e.chinese) <= 24 for e in hello)
