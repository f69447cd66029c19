"""Every `?` help box at 80x24: a meaning too long for one line wraps under itself (never back to
the left edge), and the keys it names are keys that work there."""

from __future__ import annotations

import random

import pytest

from lianxi.audio.playback import SilentPlayer
from lianxi.core.drills.items import Drill
from lianxi.core.lesson_file import parse_lesson
from lianxi.store.drills import DrillLog
from lianxi.ui.app import make_app
from lianxi.ui.screens.drills import DrillScreen
from lianxi.ui.screens.help import HelpScreen
from drawn import drawn_lines
from samples import SAMPLE_LESSON


def box_rows(app) -> list[str]:
    """The inside of the help box: each row between its side borders."""
    rows = []
    for line in drawn_lines(app):
        if line.count("│") >= 2:
            rows.append(line[line.index("│") + 1:line.rindex("│")])
    return rows


def check_columns(rows: list[str], keys: list[tuple[str, str]]) -> None:
    """Each key row starts at the key column; every other text row starts at the meaning column."""
    key_rows = [r for r in rows if r.strip() and any(r.strip().startswith(k + " ") or r.strip() == k for k, _ in keys)]
    assert key_rows, rows
    key_col = len(key_rows[0]) - len(key_rows[0].lstrip())
    first_key, first_what = keys[0]
    meaning_col = key_rows[0].index(first_what[:10])
    body = rows[rows.index(key_rows[0]):]
    end = next(i for i, r in enumerate(body) if "Press ?, F1 or Esc" in r)
    for row in body[:end]:
        if not row.strip():
            continue
        indent = len(row) - len(row.lstrip())
        assert indent in (key_col, meaning_col), f"misaligned help row: {row!r}"
        if indent == key_col:
            assert any(row.strip().startswith(k) for k, _ in keys), row


@pytest.mark.parametrize("where", ["home", "review"])
async def test_help_boxes_keep_keys_and_meanings_in_their_columns(learner, where):
    learner.progress.set_setting("welcomed", True)
    learner.import_lessons([parse_lesson(SAMPLE_LESSON.encode(), "sample.toml")])
    app = make_app(learner, start="review" if where == "review" else "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        check_columns(box_rows(app), app.screen.keys)


async def test_a_meaning_too_long_for_one_line_wraps_under_itself(learner):
    keys = [("x", "a key"), ("ctrl+q", "a meaning far too long for one line of the help box at eighty "
                                       "columns, so it must wrap, and wrap under itself")]
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(HelpScreen("Long", keys))
        await pilot.pause()
        rows = box_rows(app)
        check_columns(rows, keys)
        meaning_rows = [r.strip() for r in rows if r.strip() and not r.strip().startswith(("x ", "ctrl+q", "Long",
                                                                                          "Press"))]
        assert meaning_rows, rows  # the meaning went on to a second line, and check_columns put it in place


async def test_minimal_pairs_help_names_only_the_syllables_on_offer(learner):
    app = make_app(learner, player=SilentPlayer(available=True))  # a working sound card that plays nothing
    async with app.run_test(size=(80, 24)) as pilot:
        screen = DrillScreen(Drill.MINIMAL, contrast="zh/z", rng=random.Random(3))
        await app.push_screen(screen)
        await pilot.pause()
        assert len(screen.item.options) == 2
        await pilot.press("question_mark")
        keys = dict(app.screen.keys)
        assert "1-2" in keys and "1-3" not in keys
        await pilot.press("escape")
        await pilot.press("3")  # no third syllable: nothing is answered
        assert DrillLog(learner.progress).answers("minimal") == []
        await pilot.press("2")
        assert len(DrillLog(learner.progress).answers("minimal")) == 1


async def test_dictation_help_names_the_replay_keys_that_work_while_typing(learner, lesson_file):
    learner.import_files([lesson_file()])
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = DrillScreen(Drill.DICTATION, rng=random.Random(1))
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("f1")  # "?" would be typed into the answer box
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.keys)
        assert "ctrl+r" in keys and "r" not in keys and "s" not in keys
