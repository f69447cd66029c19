"""`lianxi pinyin TEXT` as a person uses it: hanzi or any typed pinyin in, two lines out."""

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from lianxi.cli import cli


def run(*args):
    return CliRunner().invoke(cli, ["pinyin", *args], catch_exceptions=False)


@pytest.mark.parametrize(
    ("given", "marked", "numbered"),
    [
        ("你好", "nǐ hǎo", "ni3 hao3"),
        ("银行", "yín háng", "yin2 hang2"),  # read in context, not 行 xíng
        ("一会儿", "yī huìr", "yi1 huir4"),  # a neutral 儿 is erhua
        ("女儿", "nǚ ér", "nü3 er2"),  # a full 儿 stays a syllable
        ("你好，我是王老师。", "nǐ hǎo wǒ shì wáng lǎo shī", "ni3 hao3 wo3 shi4 wang2 lao3 shi1"),
        ("ni3hao3", "nǐhǎo", "ni3hao3"),
        ("ni3 hao3", "nǐ hǎo", "ni3 hao3"),
        ("nv3er2", "nǚ'ér", "nü3er2"),
        ("nu:3", "nǚ", "nü3"),
        ("lüè", "lüè", "lüe4"),
        ("Xī'ān", "xī'ān", "xi1an1"),
        ("xian1", "xiān", "xian1"),
        ("hua4r", "huàr", "huar4"),
        ("huàr", "huàr", "huar4"),
        ("ma0", "ma", "ma5"),
        (unicodedata.normalize("NFD", "lǜ"), "lǜ", "lü4"),
        ("  NI3   HAO3 !", "nǐ hǎo", "ni3 hao3"),
        ("你好 ma", "nǐ hǎo ma", "ni3 hao3 ma5"),
    ],
)
def test_two_lines_marked_then_numbered(given, marked, numbered):
    result = run(given)
    assert result.exit_code == 0, result.output
    assert result.output == f"{marked}\n{numbered}\n"


def test_several_arguments_are_one_text():
    assert run("ni3", "hao3").output == "nǐ hǎo\nni3 hao3\n"


@pytest.mark.parametrize(
    ("given", "named"),
    [("zhiang1", "'zhiang1'"), ("ni3 bv4", "'bv4'"), ("ni7", "'ni7'"), ("iPhone", "'iPhone'")],
)
def test_impossible_pinyin_is_named_without_a_traceback(given, named):
    done = subprocess.run([sys.executable, "-m", "lianxi", "pinyin", given], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("lianxi: ")
    assert named in done.stderr
    assert "Traceback" not in done.stderr


def test_nothing_to_convert_says_what_to_give():
    done = subprocess.run([sys.executable, "-m", "lianxi", "pinyin", "!!"], capture_output=True, text=True)
    assert done.returncode == 1
    assert "give some, like `lianxi pinyin 你好`" in done.stderr


def test_the_console_script_runs_it():
    lianxi = shutil.which("lianxi", path=str(Path(sys.executable).parent))
    assert lianxi, "the lianxi console script is installed next to python"
    done = subprocess.run([lianxi, "pinyin", "长城"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout == "cháng chéng\nchang2 cheng2\n"
