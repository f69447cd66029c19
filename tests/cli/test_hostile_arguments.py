"""Every argument a person can give is checked: one line that says what to do, a non-zero
status, never a traceback, never a hang, nothing written where it should not be.

These run the real console script in a subprocess, as a learner's shell would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from samples import SAMPLE_LESSON


def lianxi(data_dir: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "LIANXI_HOME": str(data_dir)}
    env.pop("LIANXI_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "lianxi", *args], capture_output=True, text=True,
                          env=env, timeout=timeout, stdin=subprocess.DEVNULL)


def one_line_refusal(result: subprocess.CompletedProcess, says: str) -> None:
    assert result.returncode != 0, result
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("lianxi: ") and says in lines[0], result.stderr


@pytest.mark.parametrize("args, says", [
    (["settings", "retention", "nan"], "give a number from 0.7 to 0.97"),
    (["settings", "retention", "inf"], "give a number from 0.7 to 0.97"),
    (["settings", "retention", "9"], "give a number from 0.7 to 0.97"),
    (["settings", "new-per-day", "2.5"], "give a number from 0 to 200"),
    (["settings", "day-starts", "24"], "give a number from 0 to 23"),
    (["lookup", "--limit", "99999999999999999999999", "ni"], "not in the range 1<=x<=500"),
    (["lookup", "--add", "99999999999999999999", "ni"], "not in the range 1<=x<=500"),
    (["say", ""], "is empty: give hanzi or pinyin"),
    (["say", "   "], "is empty: give hanzi or pinyin"),
    (["lessons", "start", "*"], "no bundled lesson"),
    (["lessons", "start", "../../lessons/first-course/first-01-greetings"], "no bundled lesson"),
    (["lessons", "start", "first-0?-greetings"], "no bundled lesson"),
    (["no-such-command"], "No such command"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_a_bad_argument_gets_one_line(tmp_path, args, says):
    one_line_refusal(lianxi(tmp_path / "data", *args), says)


def test_a_bad_setting_stored_earlier_does_not_break_reviews(tmp_path, learner):
    """A value that slipped in before these checks (nan) falls back to the default."""
    learner.progress.set_setting("schedule", {"desired_retention": float("nan"), "new_per_day": -4})
    assert learner.settings.desired_retention == 0.9 and learner.settings.new_per_day == 10


def test_exports_go_only_where_a_new_file_can_be(tmp_path):
    data = tmp_path / "data"
    assert lianxi(data, "lessons", "start", "first-01-greetings").returncode == 0
    (tmp_path / "a-file").write_text("x")
    one_line_refusal(lianxi(data, "data", "export", str(tmp_path / "missing" / "copy.db")),
                     "does not exist; create it first")
    one_line_refusal(lianxi(data, "data", "export", str(tmp_path / "a-file" / "copy.db")), "is a file, not a folder")
    one_line_refusal(lianxi(data, "data", "export", "/proc/copy.db"), "cannot be written")
    assert not (tmp_path / "missing").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "data"]


@pytest.mark.parametrize("args", [
    ["lessons", "validate", "{fifo}"],
    ["lessons", "import", "{fifo}"],
    ["lessons", "import-anki", "{fifo}", "--out", "{tmp}/out.toml"],
    ["lessons", "import-pleco", "{fifo}", "--out", "{tmp}/out.toml"],
    ["lessons", "from-list", "{fifo}", "--out", "{tmp}/out.toml"],
    ["sentences", "import", "{fifo}"],
], ids=lambda v: " ".join(v[:2]))
def test_a_fifo_is_refused_at_once(tmp_path, args):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    filled = [a.format(fifo=fifo, tmp=tmp_path) for a in args]
    result = lianxi(tmp_path / "data", *filled, timeout=30)  # a hang fails here, it does not block the suite
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "not a regular file" in result.stderr + result.stdout


def test_hostile_titles_reach_the_terminal_as_text(tmp_path):
    data = tmp_path / "data"
    lesson = tmp_path / "week.toml"
    lesson.write_text(SAMPLE_LESSON.replace('title = "Greetings"', 'title = "Week 3 [/] [@click=app.quit]x"'),
                      encoding="utf-8")
    assert lianxi(data, "lessons", "import", str(lesson)).returncode == 0
    listed = lianxi(data, "lessons", "list")
    assert "Week 3 [/] [@click=app.quit]x" in listed.stdout
    escape = tmp_path / "escape.toml"
    escape.write_text(SAMPLE_LESSON.replace('title = "Greetings"', 'title = "Week\\u001b]0;owned\\u0007 3"')
                      .replace('id = "sample-greetings"', 'id = "escape"'), encoding="utf-8")
    refused = lianxi(data, "lessons", "import", str(escape))
    assert refused.returncode == 1 and "\x1b" not in refused.stderr + refused.stdout
    assert "title: has a line break or a control character" in refused.stderr


def _groups() -> list[str]:
    import click

    from lianxi.cli import cli

    return sorted(name for name, command in cli.commands.items()
                  if isinstance(command, click.Group) and not command.invoke_without_command)


@pytest.mark.parametrize("group", _groups())
def test_a_command_group_alone_shows_its_help_as_text(tmp_path, group):
    """`lianxi cards` with no command printed its help squeezed into one line of \\x0a escapes."""
    result = lianxi(tmp_path / "data", group)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and "\\x0a" not in result.stdout
    assert result.stdout.startswith(f"Usage: lianxi {group} ") and "\nCommands:\n" in result.stdout


def test_a_folder_that_vanishes_while_a_lesson_folder_is_read_is_passed_over(tmp_path, monkeypatch):
    """`lessons validate /tmp` met a pip temporary folder that vanished mid-walk: 'something went wrong'."""
    from click.testing import CliRunner

    from lianxi.cli import cli

    folder = tmp_path / "lessons"
    (folder / "gone").mkdir(parents=True)
    (folder / "week-1.toml").write_text(SAMPLE_LESSON, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "gone":  # removed by another program between listing and reading it
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "data"), "lessons", "validate", str(folder)])
    assert result.exception is None, result.exception
    assert result.exit_code == 0 and "OK: 1 lesson" in result.output
