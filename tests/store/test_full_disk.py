"""A full disk: said as a full disk, the review screen stays usable, nothing lost, nothing half-written.

A real small filesystem: a 4 MB tmpfs mounted in a private mount namespace (`unshare`;
as a normal user through a user namespace), so the test needs no lasting privileges and
leaves no mount behind. The data folder lives on it and a filler file takes the last
byte; then answers, an export and the CLI meet the full disk.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from samples import REPO, private_mount_command

SCRIPT = textwrap.dedent(r'''
    import asyncio, json, os, subprocess, sys
    from pathlib import Path
    from lianxi.core.lesson_file import parse_lesson
    from lianxi.study import Learner
    from lianxi.study.data import export_progress
    from lianxi.study.drills import change_audio_settings
    from lianxi.ui.app import make_app

    small = Path(sys.argv[1])
    data = small / "data"
    out = {}
    learner = Learner.open(data)
    learner.progress.set_setting("welcomed", True)
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False, listening_cards=False)
    learner.change_settings(new_per_day=100)
    body = "".join(f'[[words]]\nhanzi = "{chr(0x4E00 + i)}"\npinyin = "ma1"\nenglish = "w{i}"\n\n' for i in range(30))
    learner.import_lessons([parse_lesson(f'id = "d"\ntitle = "D"\nlevel = "x"\n\n{body}'.encode(), "d.toml")])
    session = learner.session()
    session.next()
    for _ in range(3):
        session.answer(4)
    learner.progress.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    filler = small / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # take every last byte
    for size in (1 << 16, 1 << 12, 1):
        try:
            while True:
                os.write(fd, b"x" * size)
        except OSError:
            pass
    os.close(fd)
    out["free"] = os.statvfs(small).f_bavail

    def drawn(app):
        return "\n".join(strip.text for strip in app.screen._compositor.render_strips())

    async def review():
        app = make_app(learner, start="review")
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(4):
                await pilot.press("space", "4")
            screen = app.screen
            out["pending"] = len(screen.session.pending)
            out["screen"] = drawn(app)
            out["still_reviewing"] = type(screen).__name__
            out["reviews_while_full"] = learner.progress.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
            try:
                export_progress(learner, small / "export.db")
            except Exception as exc:
                out["export_error"] = f"{type(exc).__name__}: {exc}"
            cli = subprocess.run([sys.executable, "-m", "lianxi", "--data-dir", str(data), "data", "export",
                                  str(small / "export2.db")], capture_output=True, text=True)
            out["cli"] = [cli.returncode, cli.stdout, cli.stderr]
            out["files_after_export"] = sorted(p.name for p in small.iterdir())
            filler.unlink()
            await pilot.pause(2.5)  # the screen tries again on its own every 2 s
            out["pending_after"] = len(screen.session.pending)
            out["screen_after"] = drawn(app)
        out["reviews_after"] = learner.progress.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        out["integrity"] = learner.progress.conn.execute("PRAGMA integrity_check").fetchone()[0]

    asyncio.run(review())
    print(json.dumps(out))
''')


def test_a_full_disk_is_said_plainly_and_loses_nothing(tmp_path):
    command = private_mount_command()
    if command is None:
        pytest.skip("no way to mount a small filesystem here (unshare: no user or mount namespace allowed)")
    small = tmp_path / "small"
    small.mkdir()
    script = tmp_path / "full_disk.py"
    script.write_text(SCRIPT, encoding="utf-8")
    shell = f'mount -t tmpfs -o size=4m tmpfs "{small}" && exec "{sys.executable}" "{script}" "{small}"'
    done = subprocess.run([*command, "sh", "-c", shell], capture_output=True, text=True, timeout=240,
                          cwd=REPO, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
                                         "PYTHONPATH": str(REPO / "app")})
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["free"] == 0
    # the review screen stays usable and says why the answers wait
    assert out["still_reviewing"] == "ReviewScreen"
    assert out["pending"] == 4 and out["reviews_while_full"] == 3
    assert "4 answers not saved yet: the disk is full" in " ".join(out["screen"].split())
    assert "Traceback" not in out["screen"]
    # an export on the full disk: a full disk, said so; no file and no temporary file left
    assert "disk is full" in out["export_error"] and "damaged" not in out["export_error"]
    code, stdout, stderr = out["cli"]
    assert code == 1 and "disk is full" in stderr and len(stderr.strip().splitlines()) == 1
    assert out["files_after_export"] == ["data", "filler"]
    # space again: the waiting answers are saved by the screen itself, none lost
    assert out["pending_after"] == 0 and out["reviews_after"] == 7
    assert "not saved" not in out["screen_after"]
    assert out["integrity"] == "ok"
