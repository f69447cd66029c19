"""A plain `pip install .` (a wheel, not an editable install) carries the bundled lessons."""

import os
import subprocess
import sys
import zipfile

from samples import REPO


def test_the_wheel_carries_the_bundled_lessons_and_uses_them(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("lianxi-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lianxi/lessons/first-course/first-01-greetings.toml" in names
    assert "lianxi/lessons/README.md" in names
    assert sum(1 for n in names if n.startswith("lianxi/lessons/hsk/")) > 500
    assert "lianxi/ui/app.tcss" in names
    # stroke order travels with its licence
    assert {"lianxi/data/stroke-order.tsv.gz", "lianxi/data/ARPHICPL.TXT", "lianxi/data/README.md"} <= names
    assert "lianxi/data/lexicon.txt" in names  # spoken forms and grading read it

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target), "LIANXI_HOME": str(tmp_path / "data")}
    where = subprocess.run(
        [sys.executable, "-c", "from lianxi import paths; print(paths.bundled_lessons_dir())"],
        check=True, capture_output=True, text=True, env=env, cwd=tmp_path,
    ).stdout.strip()
    assert where == str(target / "lianxi" / "lessons")
    started = subprocess.run([sys.executable, "-m", "lianxi", "lessons", "start", "first-01-greetings"],
                             capture_output=True, text=True, env=env, cwd=tmp_path)
    assert started.returncode == 0 and started.stdout.startswith("Studying first-01-greetings")
    spoken = subprocess.run([sys.executable, "-m", "lianxi", "pinyin", "谢谢", "--spoken"],
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert spoken.stdout.splitlines()[-1] == "xie4 xie5"  # the dictionary's neutral tone, from the wheel
