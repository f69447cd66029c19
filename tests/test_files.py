"""Reading files within limits and writing them atomically, on real files, FIFOs and folders."""

from __future__ import annotations

import os
import threading

import pytest

from lianxi.files import FileProblem, read_limited, write_atomic


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "lesson.toml"
    path.write_bytes(b"id = 'x'\n")
    assert read_limited(path, 100) == b"id = 'x'\n"


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    result = {}

    def read():
        try:
            read_limited(fifo, 100, "lesson file")
        except FileProblem as exc:
            result["message"] = str(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert "not a regular file" in result["message"]


def test_a_folder_and_a_missing_file_get_one_line(tmp_path):
    with pytest.raises(FileProblem, match="is a folder"):
        read_limited(tmp_path, 100)
    with pytest.raises(FileProblem, match="does not exist"):
        read_limited(tmp_path / "nope.toml", 100)


def test_a_file_over_the_limit_is_refused_with_the_limit_named(tmp_path):
    path = tmp_path / "big.toml"
    path.write_bytes(b"x" * 3 * 1024 * 1024)
    with pytest.raises(FileProblem, match=r"3 MB, more than the 2 MB a lesson file may be"):
        read_limited(path, 2 * 1024 * 1024, "lesson file")


def test_write_atomic_replaces_whole_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "out.tsv"
    path.write_text("old")
    write_atomic(path, "new\n")
    assert path.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]


@pytest.mark.parametrize("target, message", [
    ("missing/out.tsv", "does not exist; create it first"),
    ("afile/out.tsv", "is a file, not a folder"),
])
def test_write_atomic_says_what_is_wrong_with_the_place(tmp_path, target, message):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(FileProblem, match=message):
        write_atomic(tmp_path / target, "data")


def test_write_atomic_keeps_the_old_file_when_the_write_fails(tmp_path, monkeypatch):
    path = tmp_path / "out.tsv"
    path.write_text("old")

    def no_space(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", no_space)  # the disk is the edge: fake it full
    with pytest.raises(FileProblem, match="because the disk is full"):
        write_atomic(path, "new")
    monkeypatch.undo()
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]
