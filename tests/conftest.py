"""Shared fixtures: a real database in a temporary folder, a clock the test controls."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from lianxi.study import Learner

from samples import REPO, SAMPLE_LESSON, SHARED  # noqa: F401  (re-exported for older imports)


class Clock:
    """The one fake at the edge of time: tests move it by hand."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now = self.now + timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    # 10:00 UTC: well inside a study day that started at 04:00 UTC
    return Clock(datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("LIANXI_HOME", str(folder))
    return folder


@pytest.fixture
def learner(data_dir: Path, clock: Clock):
    who = Learner.open(data_dir, clock=clock, zone=timezone.utc, fuzz=False)
    yield who
    who.close()




@pytest.fixture
def lesson_file(tmp_path: Path):
    """Write a lesson file (the sample by default) and return its path."""

    def write(text: str = SAMPLE_LESSON, name: str = "lesson.toml", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture(scope="session")
def real_index(tmp_path_factory) -> Path:
    """The dictionary index file built once per test run from the real CC-CEDICT and bundled HSK lessons.

    Read-only for tests: open it with `Dictionary(learner, index=real_index)`.
    """
    from lianxi.study.dictionary import Dictionary

    root = tmp_path_factory.mktemp("real-index")
    learner = Learner.open(root / "data")
    dictionary = Dictionary(learner)
    dictionary.build()
    learner.close()
    return dictionary.path
