"""The learner's own data: where it is, a full copy, and erasing it."""

import sqlite3

from click.testing import CliRunner

from lianxi.cli import cli


def run(data_dir, *args, input=None):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], input=input, catch_exceptions=False)


def test_export_copies_progress_and_erase_removes_it(data_dir, tmp_path):
    run(data_dir, "lessons", "start", "first-01-greetings")
    assert run(data_dir, "data", "where").output.strip() == str(data_dir)
    copy = tmp_path / "copy.db"
    assert run(data_dir, "data", "export", str(copy)).exit_code == 0
    assert sqlite3.connect(copy).execute("SELECT id FROM lessons").fetchall() == [("first-01-greetings",)]
    again = run(data_dir, "data", "export", str(copy))
    assert again.exit_code == 1 and "already exists: choose a new file name" in again.output  # never overwrites
    refused = run(data_dir, "data", "erase", input="n\n")
    assert refused.exit_code == 1 and (data_dir / "lianxi.db").exists()
    assert run(data_dir, "data", "erase", "--yes").exit_code == 0
    assert not (data_dir / "lianxi.db").exists()
    assert "You have no lessons yet" in run(data_dir, "lessons", "list").output
