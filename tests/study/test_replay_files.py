"""A learner's recording sits on disk only while they replay it, in a private folder; a
folder left by a Lianxi that was killed is cleared by the next one (issue 12.6: recordings
are discarded after the attempt)."""

from __future__ import annotations

import stat
import subprocess
import sys
import tempfile

import numpy as np

from lianxi.audio.pitch import Recording
from lianxi.study import recordings


def test_a_killed_lianxis_replay_folder_is_cleared_and_a_running_ones_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(recordings, "_scratch", None)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f"lianxi-replay-{gone.stdout.strip()}-abc"  # its process has ended
    stale.mkdir()
    (stale / "yours.wav").write_bytes(b"a learner's voice")
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = tmp_path / f"lianxi-replay-{alive.pid}-def"
        running.mkdir()
        path = recordings.replay_file(Recording(np.zeros(1600, dtype=np.float32), 16000))
        assert not stale.exists()
        assert running.exists()
        assert path.parent.name.startswith("lianxi-replay-") and path.exists()
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        recordings.forget_replays()
        assert not path.exists()
    finally:
        alive.kill()
        alive.wait()
        monkeypatch.setattr(recordings, "_scratch", None)
