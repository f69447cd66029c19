"""`lianxi data erase` removes the audio cache of the data folder it erases, whichever folder that is."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def lianxi(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lianxi", *args], capture_output=True, text=True,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("how", ["usual folder", "LIANXI_HOME", "--data-dir", "--data-dir naming the usual folder"])
def test_erase_takes_the_audio_the_app_rendered_for_that_folder(tmp_path, how):
    env = {k: v for k, v in os.environ.items() if k != "LIANXI_HOME"}
    env.update(XDG_DATA_HOME=str(tmp_path / "xdg-data"), XDG_CACHE_HOME=str(tmp_path / "xdg-cache"))
    usual = tmp_path / "xdg-data" / "lianxi"
    args: list[str] = []
    if how == "LIANXI_HOME":
        env["LIANXI_HOME"] = str(tmp_path / "home")
    elif how == "--data-dir":
        args = ["--data-dir", str(tmp_path / "stick")]
    elif how == "--data-dir naming the usual folder":
        args = ["--data-dir", str(usual)]
    where = lianxi(env, *args, "data", "where").stdout.strip()
    assert lianxi(env, *args, "lessons", "start", "first-01-greetings").returncode == 0
    said = lianxi(env, *args, "say", "你好", "--out", str(tmp_path / "hello.wav"))
    assert said.returncode == 0, said.stderr
    cached = [p for p in tmp_path.rglob("*.wav") if p.name != "hello.wav"]
    assert cached, "saying a word renders it into the cache"
    erased = lianxi(env, *args, "data", "erase", "--yes")
    assert erased.returncode == 0, erased.stderr
    assert not any(p.exists() for p in cached), f"{how}: the audio cache of {where} survived the erase"
    assert not (tmp_path / where / "lianxi.db").exists()
