"""Opening a tutor's lesson file from the app (o on home), through Pilot at 80x24."""

from __future__ import annotations

import os

from lianxi.audio.playback import SilentPlayer
from lianxi.ui.app import make_app
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.open_file import OpenFileScreen

from drawn import drawn


def shown(app) -> str:
    """The screen's words in one line (a message may wrap at 80 columns)."""
    return " ".join(drawn(app).split())

LESSON = '''id = "week3"
title = "Week 3 [/] [@click=app.quit]"
level = "HSK 1"

[[words]]
hanzi = "你好"
pinyin = "nǐ hǎo"
english = ["hello [/]"]
'''


async def test_open_says_what_to_fix_then_imports_and_shows_the_title_as_text(learner, tmp_path):
    learner.progress.set_setting("welcomed", True)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    broken = tmp_path / "broken.toml"
    broken.write_bytes(LESSON.replace('"Week 3', '"Week 3 \x1b[31m').encode())
    good = tmp_path / "week [b] 3.toml"
    good.write_text(LESSON, encoding="utf-8")
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, OpenFileScreen)
        await pilot.press("enter")  # nothing typed: not "this folder"
        assert "Type the path of a lesson file first" in shown(app)
        for path, says in ((fifo, "not a regular file"), (tmp_path, "is a folder"),
                           (broken, "control character")):
            app.screen.query_one("#path").value = str(path)
            await pilot.press("enter")
            await pilot.pause()
            assert says in shown(app) and "Nothing was imported" in shown(app), shown(app)
        app.screen.query_one("#path").value = str(good)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Week 3 [/] [@click=app.quit]" in drawn(app)
    assert learner.progress.conn.execute("SELECT COUNT(*) FROM lessons WHERE id = 'week3'").fetchone()[0] == 1
