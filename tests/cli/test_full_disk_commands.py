"""Commands on a full disk: said as a full disk at once (never "damaged"), nothing half-written.

Speech: espeak's pyttsx3 driver writes the WAV inside its synthesis callback; a write error there
was swallowed and its run loop waited forever (a `say` that never returned, a review
screen whose sound never came back). A real small filesystem: a 4 MB tmpfs in a private
mount namespace, filled to the last byte, as in tests/store/test_full_disk.py.
`data check`: SQLite cannot open a WAL file even to read it without space for its -shm;
that is a full disk, and the check must not call the file damaged and offer a restore.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from samples import REPO, private_mount_command

SCRIPT = textwrap.dedent(r'''
    import json, os, subprocess, sys
    from pathlib import Path
    from lianxi.audio.speech import Speaker, SpeechFailed

    small = Path(sys.argv[1])
    out = {}
    speaker = Speaker(small / "cache")
    assert speaker.check() is None
    from lianxi.study import Learner
    learner = Learner.open(small / "data")  # a WAL progress file, closed cleanly (no -shm left)
    learner.start_bundled("first-01-greetings")
    learner.close()
    filler = small / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    for size in (1 << 16, 1 << 12, 1):
        try:
            while True:
                os.write(fd, b"x" * size)
        except OSError:
            pass
    os.close(fd)
    out["free"] = os.statvfs(small).f_bavail
    try:
        speaker.render("你好")
        out["error"] = None
    except SpeechFailed as exc:
        out["error"] = str(exc)
    out["left"] = sorted(p.name for p in (small / "cache" / "speech").iterdir())
    cli = subprocess.run([sys.executable, "-m", "lianxi", "--data-dir", str(Path(sys.argv[2])), "say", "谢谢",
                          "--out", str(small / "thanks.wav")], capture_output=True, text=True, timeout=60)
    out["cli"] = [cli.returncode, cli.stderr]
    out["files"] = sorted(p.name for p in small.iterdir())
    check = subprocess.run([sys.executable, "-m", "lianxi", "--data-dir", str(small / "data"), "data", "check"],
                           capture_output=True, text=True, timeout=60)
    out["check"] = [check.returncode, check.stdout, check.stderr]
    filler.unlink()
    out["after"] = speaker.render("你好").stat().st_size  # the engine is not left waiting forever
    print(json.dumps(out))
''')


def test_speech_and_the_data_check_on_a_full_disk_say_so(tmp_path):
    if sys.platform in ("darwin", "win32"):
        pytest.skip("macOS and Windows speak with the system voice, not espeak-ng")
    command = private_mount_command()
    if command is None:
        pytest.skip("no way to mount a small filesystem here (unshare: no user or mount namespace allowed)")
    small = tmp_path / "small"
    small.mkdir()
    script = tmp_path / "speech_full.py"
    script.write_text(SCRIPT, encoding="utf-8")
    shell = (f'mount -t tmpfs -o size=4m tmpfs "{small}" && '
             f'exec "{sys.executable}" "{script}" "{small}" "{tmp_path / "data"}"')
    done = subprocess.run([*command, "sh", "-c", shell], capture_output=True, text=True, timeout=120,
                          cwd=REPO, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
                                         "PYTHONPATH": str(REPO / "app")})
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["free"] == 0
    assert out["error"] is not None and "disk is full" in out["error"], out
    assert out["left"] == []  # no temporary file, no empty WAV under the real name
    code, stderr = out["cli"]
    assert code == 1 and len(stderr.strip().splitlines()) == 1 and "disk is full" in stderr, stderr
    assert out["files"] == ["cache", "data", "filler"]  # no thanks.wav, whole or partial
    code, stdout, stderr = out["check"]
    assert code == 1 and "disk is full" in stderr and "damaged" not in stdout + stderr, out["check"]
    assert "restore" not in stdout + stderr
    assert out["after"] > 1000
