"""`lianxi stats` and `lianxi stats --json`: the statistics screen's figures, checked against the database."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner

from lianxi.cli import cli
from lianxi.core.lesson_file import parse_lesson
from lianxi.study import Learner

from history import study
from samples import SAMPLE_LESSON


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def run(data_dir, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


def history(data_dir) -> None:
    """Ten study days ending yesterday (the command reads the real clock)."""
    clock = Clock(datetime.now(timezone.utc).replace(hour=10, minute=0, second=0, microsecond=0) - timedelta(days=10))
    learner = Learner.open(data_dir, clock=clock, zone=timezone.utc)
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    study(learner, clock, 10, per_day=15)
    learner.close()


def test_json_holds_every_figure_under_the_promised_keys(data_dir):
    history(data_dir)
    result = run(data_dir, "stats", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) == {"today", "streak", "forecast", "retention", "hsk", "tones", "time"}
    learner = Learner.open(data_dir)
    conn = learner.progress.conn
    reviews = conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    drills = conn.execute("SELECT COUNT(*) FROM drill_answers").fetchone()[0]
    learner.close()
    assert sum(d["answers"] for d in data["streak"]["days"]) == reviews + drills
    assert len(data["streak"]["days"]) == 10 and data["streak"]["current"] in (9, 10, 11)  # the day may turn
    assert len(data["forecast"]) == 30 and len(data["time"]) == 30
    assert data["retention"]["desired"] == 0.9
    assert data["hsk"][0] == {"level": "HSK 2.0 level 1", "words": 150, "known": data["hsk"][0]["known"],
                              "learning": data["hsk"][0]["learning"]}
    assert data["tones"]["asked_given"]


def test_text_prints_the_same_views_as_the_screen(data_dir):
    history(data_dir)
    out = run(data_dir, "stats").output
    for heading in ("Calendar", "Forecast", "Retention", "HSK", "Tones", "Time"):
        assert any(line.startswith(heading + " ─") for line in out.splitlines()), heading
    assert "Streak  " in out and "True retention" in out and "HSK coverage" in out
    assert max(len(line) for line in out.splitlines()) <= 80
