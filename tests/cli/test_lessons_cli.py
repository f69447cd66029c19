"""The command line as a person uses it: validate, import, list, stats; mistakes without tracebacks."""

import subprocess
import sys

from click.testing import CliRunner

from lianxi.cli import cli

from samples import SAMPLE_LESSON


def run(*args, data_dir=None):
    prefix = ["--data-dir", str(data_dir)] if data_dir else []
    return CliRunner().invoke(cli, [*prefix, *args], catch_exceptions=False)


def lianxi(*args, env=None):
    return subprocess.run([sys.executable, "-m", "lianxi", *args], capture_output=True, text=True, env=env)


def test_validate_reports_every_problem_as_file_line_field(lesson_file):
    good = lesson_file()
    bad = lesson_file(SAMPLE_LESSON.replace('pinyin = "xie4xie5"', 'pinyin = "xie4xiee"')
                      .replace('title = "Greetings"', 'titel = "Greetings"'), name="bad.toml")
    ok = run("lessons", "validate", str(good))
    assert ok.exit_code == 0 and ok.output == "OK: 1 lesson, 3 words, no problems.\n"
    result = run("lessons", "validate", str(good), str(bad))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{bad}:1: title: is missing: add a line like title = \"...\" at the top"
    assert lines[1].startswith(f"{bad}:2: titel: unknown field 'titel': did you mean 'title'?")
    assert lines[2].startswith(f"{bad}:15: pinyin: 'xie4xiee' is not a Mandarin syllable")
    assert lines[-1] == "3 problems found."


def test_import_is_all_or_nothing_and_list_shows_counts(lesson_file, data_dir):
    good = lesson_file()
    dupe = lesson_file(SAMPLE_LESSON.replace('title = "Greetings"', 'title = "Again"'), name="dupe.toml")
    result = run("lessons", "import", str(good), str(dupe), data_dir=data_dir)
    assert result.exit_code == 1
    assert "'sample-greetings' is also the id of" in result.output
    assert "nothing was imported" in result.output
    listed = run("lessons", "list", data_dir=data_dir)
    assert "You have no lessons yet" in listed.output
    result = run("lessons", "import", str(good), data_dir=data_dir)
    assert result.output == "Imported sample-greetings: 3 new, 0 changed, 0 unchanged, 0 removed (progress kept).\n"
    listed = run("lessons", "list", data_dir=data_dir).output.splitlines()
    assert listed[0] == "Your lessons"
    # counts are words a review would show: 3 new words (each word's first card today)
    assert listed[2].split() == ["sample-greetings", "3", "0", "3", "Greetings"]
    assert any(line.split()[:1] == ["first-01-greetings"] for line in listed)  # bundled, not started


def test_start_a_bundled_lesson_then_stats(data_dir):
    assert run("lessons", "start", "first-01-greetings", data_dir=data_dir).exit_code == 0
    out = run("stats", data_dir=data_dir).output
    assert "Today   nothing yet · due 0 · new 10" in out and "Streak  0 days" in out  # tests/cli/test_stats_cli.py
    missing = run("lessons", "start", "no-such-lesson", data_dir=data_dir)
    assert missing.exit_code == 1 and "no bundled lesson has this id" in missing.output


def test_mistakes_print_one_line_and_no_traceback(tmp_path, lesson_file):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = lianxi("--data-dir", str(blocker / "data"), "stats")
    assert out.returncode == 1
    assert out.stderr.startswith("lianxi: Cannot create the data folder")
    assert "Traceback" not in out.stderr
    out = lianxi("lessons", "validate", str(tmp_path / "missing.toml"))
    assert out.returncode == 1 and "missing.toml:1: file: does not exist: check the name and the folder" in out.stderr
    assert "Traceback" not in out.stderr


def test_a_folder_without_lesson_files_is_a_problem_not_ok(tmp_path, data_dir):
    empty = tmp_path / "week-files"
    empty.mkdir()
    for command in (("lessons", "validate"), ("lessons", "import")):
        result = run(*command, str(empty), data_dir=data_dir)
        assert result.exit_code == 1
        assert f"{empty}:1: folder: has no lesson files (names ending in .toml): give a lesson file" in result.output
    # Windows hides the .txt that Notepad added: say so
    (empty / "week-1.toml.txt").write_text('id = "w"\n', encoding="utf-8")
    result = run("lessons", "validate", str(empty))
    assert result.exit_code == 1
    assert "week-1.toml.txt looks like one saved as text: rename it to end in .toml" in result.output
    # ... and the other files named with it are still checked
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "b"\ntitle = "B"\nlevel = "x"\n\n[[words]]\nhanzi = "书"\npinyin = "shu"\nenglish = "book"\n',
                   encoding="utf-8")
    result = run("lessons", "validate", str(empty), str(bad))
    assert f"{empty}:1: folder:" in result.output and f"{bad}:7: pinyin: 'shu' has no tones" in result.output
    assert result.output.splitlines()[-1] == "2 problems found."


def test_one_word_is_one_word(lesson_file):
    one = lesson_file('id = "one"\ntitle = "One"\nlevel = "x"\n\n[[words]]\nhanzi = "书"\npinyin = "shū"\n'
                      'english = "book"\n', name="one.toml")
    assert run("lessons", "validate", str(one)).output == "OK: 1 lesson, 1 word, no problems.\n"


def test_an_imported_lesson_is_remembered_by_its_file_name_not_its_path(lesson_file, data_dir):
    """A path can hold the learner's account name (/home/NAME/...): the database keeps the name only."""
    import sqlite3

    good = lesson_file()
    assert good.is_absolute() and len(good.parts) > 2
    assert run("lessons", "import", str(good), data_dir=data_dir).exit_code == 0
    conn = sqlite3.connect(data_dir / "lianxi.db")
    sources = [r[0] for r in conn.execute("SELECT source FROM lessons")]
    conn.close()
    assert sources == [good.name]
