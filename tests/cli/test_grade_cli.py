"""`lianxi grade HANZI ANSWER`: the review screen's grading, on the command line, for tutors."""

import json

import pytest
from click.testing import CliRunner

from lianxi.cli import cli


def run(*args):
    return CliRunner().invoke(cli, ["grade", *args], catch_exceptions=False)


@pytest.mark.parametrize(
    ("args", "verdict", "rating", "says"),
    [
        (["你好", "ni3", "hao3"], "exact", "Good", "hǎo: right"),
        (["你好", "ni2hao3"], "exact", "Good", "with tone sandhi"),
        (["你好", "ni3", "hao4"], "tone slip", "Again", "hao: you typed 4, it is 3"),
        (["你好", "ni3"], "missing", "Again", "missing: hǎo"),
        (["你好", "ni3", "hao3", "ma5"], "extra", "Again", "extra: ma"),
        (["你好", "li3", "hao3"], "wrong", "Again", "you typed lǐ, it is nǐ"),
        (["哪儿", "na3"], "other word", "Again", "nǎ is 哪 'which', a different word"),
        (["女", "ru3"], "other reading", "Again", "rǔ is 女"),
        (["绿", "lu4"], "other reading", "Again", "you typed lù, it is lǜ"),
        (["长", "zhang3", "--pinyin", "cháng"], "other reading", "Again", "this card is cháng"),
        (["小姐", "xiao3", "jie3"], "exact", "Good", "full tone"),
        (["小姐", "xiao2", "jie5"], "exact", "Good", "with tone sandhi"),
        (["展览馆", "zhan2", "lan2", "guan3"], "exact", "Good", "with tone sandhi"),
        (["你好", "你好"], "exact", "Good", "你: right"),
        (["你好"], "not answered", "Again", "nothing typed"),
    ],
)
def test_grade_prints_verdict_pieces_and_rating(args, verdict, rating, says):
    result = run(*args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == verdict
    assert lines[-1] == f"suggested rating: {rating}"
    assert says in result.output


def test_json_has_verdict_rating_and_pieces():
    result = run("你好", "ni3", "hao4", "--json")
    found = json.loads(result.output)
    assert found["verdict"] == "tone slip" and found["rating"] == "Again"
    assert [p["mark"] for p in found["pieces"]] == ["right", "tone"]
    assert found["pieces"][1] == {"mark": "tone", "typed": "hào", "expected": "hǎo",
                                  "says": "hao: you typed 4, it is 3"}


def test_a_lesson_reading_can_be_given():
    assert run("长", "zhang3", "--pinyin", "zhǎng").output.splitlines()[0] == "exact"
    assert run("长", "chang2", "--pinyin", "zhǎng").output.splitlines()[0] == "other reading"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["你好", "ni3", "hoa3"], "'hoa3' is not a Mandarin syllable"),
        (["hello", "ni3"], "has no Chinese characters"),
        (["你好", "ni3", "--pinyin", "xyz"], "'xyz'"),
    ],
)
def test_bad_input_is_one_line_saying_what_to_do(args, message):
    result = CliRunner().invoke(cli, ["grade", *args])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
