"""`lianxi lookup`, `lianxi sentences import` and `lianxi settings script` through the real CLI."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from lianxi.cli import cli

from samples import MARKUP_SAMPLE, dictionary_markup

# Our own sentences, written for these tests.
SENTENCES = "I am a student.\t我是学生。\tLianxi tests #1 (CC0)\nHello!\t你好！\tLianxi tests #2 (CC0)\n"


def run(data_dir, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def first_lookup(tmp_path_factory):
    """The first lookup builds the index (once for this module); later tests use copies."""
    folder = tmp_path_factory.mktemp("cli-dictionary") / "data"
    result = run(folder, "lookup", "ni", "hao")
    return folder, result


@pytest.fixture
def indexed(first_lookup, tmp_path):
    """A new data folder whose cache already holds the index (a copy: the progress file is new)."""
    folder = tmp_path / "data"
    (folder / "cache").mkdir(parents=True)
    shutil.copy(first_lookup[0] / "cache" / "dictionary.sqlite", folder / "cache" / "dictionary.sqlite")
    return folder


def test_the_first_lookup_builds_the_index_then_answers(first_lookup):
    folder, result = first_lookup
    assert result.exit_code == 0
    assert "Indexed 122,143 entries." in result.stderr
    assert result.stdout.splitlines()[0].split() == ["1", "你好", "nǐ", "hǎo", "hello;", "hi"]
    # the index is a cache beside the progress, which stays small enough to export and back up
    assert (folder / "cache" / "dictionary.sqlite").stat().st_size > 20_000_000
    assert (folder / "lianxi.db").stat().st_size < 1_000_000


def test_export_carries_progress_not_the_index(indexed, tmp_path):
    run(indexed, "lookup", "--add", "1", "ni hao")
    target = tmp_path / "export.db"
    assert run(indexed, "data", "export", str(target)).exit_code == 0
    assert target.stat().st_size < 1_000_000
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT hanzi FROM notes WHERE lesson_id = 'my-words'").fetchall() == [("你好",)]


def test_lookup_kinds_and_adding_to_my_words(indexed):
    assert "学生 (學生)" in run(indexed, "lookup", "學生", "-n", "1").output
    assert run(indexed, "lookup", "nǐhǎo").output.startswith("  1  你好")
    added = run(indexed, "lookup", "--add", "1", "ni3", "hao3")
    assert added.exit_code == 0 and "Added 你好 to My words" in added.output
    again = run(indexed, "lookup", "--add", "1", "ni hao")
    assert again.exit_code == 1 and "already in My words" in again.stderr
    listed = run(indexed, "lessons", "list").output
    assert "my-words" in listed


def test_nothing_found_and_bad_choices(indexed):
    nothing = run(indexed, "lookup", "qwxz")
    assert nothing.exit_code == 1 and "Nothing found" in nothing.output
    assert run(indexed, "lookup", "--add", "99", "ni hao").exit_code == 2
    empty = run(indexed, "lookup", " ")
    assert empty.exit_code == 1 and empty.stderr.startswith("lianxi: Type something")


def test_the_script_setting_changes_how_words_are_shown(indexed):
    assert run(indexed, "settings", "script").output.strip() == "simplified"
    assert "traditional" in run(indexed, "settings", "script", "traditional").output
    assert run(indexed, "lookup", "xuesheng", "-n", "1").output.startswith("  1  學生 (学生)")
    shown = [line.split() for line in run(indexed, "settings").output.splitlines() if line.startswith("script:")]
    assert shown and shown[0][1] == "traditional"
    assert run(indexed, "settings", "script", "cyrillic").exit_code == 2


def test_sentences_import_good_and_bad(data_dir, tmp_path):
    run(data_dir, "lessons", "start", "first-01-greetings")
    good = tmp_path / "good.tsv"
    good.write_text(SENTENCES, encoding="utf-8")
    result = run(data_dir, "sentences", "import", str(good))
    assert result.exit_code == 0
    assert "Read 2 sentence pairs; 2 new" in result.output
    assert "of your 17 words now have example sentences" in result.output

    bad = tmp_path / "bad.tsv"
    bad.write_bytes(SENTENCES.replace("\t", " ", 1).encode("utf-8") + "Café\t".encode("latin-1") + b"x\n")
    refused = run(data_dir, "sentences", "import", str(bad))
    assert refused.exit_code == 1
    assert f"{bad}:1: has 2 columns, not 3" not in refused.stderr  # encoding is checked first
    assert f"{bad}:3: is not UTF-8 text" in refused.stderr
    assert "Nothing was imported" in refused.stderr and "Traceback" not in refused.output
    conn = sqlite3.connect(data_dir / "lianxi.db")
    assert conn.execute("SELECT COUNT(*) FROM sentences").fetchone() == (2,)


def test_full_entry_in_the_terminal(indexed):
    result = run(indexed, "lookup", "個", "--full")  # traditional input, as simplified
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "个 (個)   HSK 2.0 level 1 · HSK 3.0 band 1"
    assert "  1. classifier used before a noun that has no specific classifier" in lines
    assert "Words with it:" in lines
    assert "|" not in result.output and "CL:" not in result.output
    teacher = run(indexed, "lookup", "laoshi", "--full").output
    assert "  measure words: 个 gè, 位 wèi" in teacher.splitlines()


def test_lookup_and_the_full_entry_show_glosses_never_dictionary_markup(first_lookup):
    # issue 9: "erhua variant of 哪裡|哪里[na3 li3]", "surname Wang", "CL:個|个[ge4]" are
    # CC-CEDICT's notation; a learner reads the meanings (tests/cli/test_no_dictionary_markup.py
    # scans the lessons and every other output)
    folder = first_lookup[0]
    for word in MARKUP_SAMPLE:
        for args in (("lookup", word), ("lookup", word, "--full")):
            result = run(folder, *args)
            assert result.exit_code == 0, (args, result.output)
            assert dictionary_markup(result.stdout) == [], args
    full = run(folder, "lookup", "本", "--full").stdout
    assert "classifier for books" in full
    assert "o'clock" in run(folder, "lookup", "点", "--full").stdout


def test_a_reading_written_otherwise_in_traditional_says_so(indexed):
    # 了 has four readings; two of them are 瞭 in traditional. A learner reads which, and a
    # cross-reference names the other spelling, never the word itself ("another form of 了")
    lines = run(indexed, "lookup", "了", "--full").output.splitlines()
    assert lines[0].startswith("了   HSK 2.0 level 1")
    readings = [line for line in lines if line and not line.startswith(" ") and line != lines[0]
                and not line.endswith(":")]
    assert readings == ["le", "liǎo", "liǎo  (瞭)", "liào  (瞭)"]
    assert "  3. another form of 瞭 (liǎo)" in lines
    assert not any("another form of 了" in line for line in lines)
    # a pointer says what kind it is and what the word it points to means
    book = run(indexed, "lookup", "书", "--full").output
    assert "  1. short for 书经 (Shū jīng): the Book of History" in book
    erhua = run(indexed, "lookup", "一点儿", "--full").output
    assert "  1. the erhua form of 一点 (yī diǎn): a bit; a little" in erhua


def test_words_built_on_it_leave_coarse_words_out(indexed):
    you = run(indexed, "lookup", "你", "--full").output
    built = you.split("Words with it:")[1].splitlines()
    assert any(line.startswith("  你们 (你們)") for line in built)
    assert not any("你妈" in line or "fuck" in line for line in built)
    assert "你妈" in run(indexed, "lookup", "你妈").output  # still found when looked up itself
