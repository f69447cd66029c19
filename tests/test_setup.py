"""The README's first command leaves a `lianxi` command that works in a new shell.

Runs the real scripts/dev.sh (its system packages are already there when the suite runs,
and its .venv is the one running these tests) with HOME pointed at a temporary folder.
"""

from __future__ import annotations

import os
import subprocess

from samples import REPO


def test_dev_sh_run_installs_a_launcher_and_says_when_it_is_not_on_the_path(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(["bash", str(REPO / "scripts" / "dev.sh"), "run", "--version"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "lianxi, version" in result.stdout
    launcher = tmp_path / ".local" / "bin" / "lianxi"
    assert launcher.is_file() and os.access(launcher, os.X_OK)
    assert "not on your PATH yet" in result.stderr and ".local/bin" in result.stderr
    # a new shell that has ~/.local/bin on its PATH (Debian's ~/.profile adds it) finds it
    new_shell = subprocess.run(["sh", "-c", "lianxi --version"], env={**env, "PATH": f"{launcher.parent}:/usr/bin:/bin"},
                               capture_output=True, text=True, timeout=60)
    assert new_shell.returncode == 0 and "lianxi, version" in new_shell.stdout


def test_dev_sh_leaves_a_lianxi_command_that_is_not_its_own(tmp_path):
    bin_dir = tmp_path / ".local" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "lianxi").write_text("#!/bin/sh\necho someone else's\n")
    env = {**os.environ, "HOME": str(tmp_path), "PATH": f"{bin_dir}:/usr/bin:/bin"}
    result = subprocess.run(["bash", str(REPO / "scripts" / "dev.sh"), "run", "--version"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and "it is not ours" in result.stderr
    assert "someone else's" in (bin_dir / "lianxi").read_text()
