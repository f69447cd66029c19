"""A pytest plugin to check that tests on espeak-ng audio do not depend on one rendering.

espeak-ng carries a little state from one rendering to the next inside a process (the
command-line espeak-ng, a fresh process each time, renders the same bytes every time), so a
test run's renderings are fixed mostly by their order. With this plugin, LIANXI_ESPEAK_SHIFT=K
first renders K throwaway words, and every later rendering differs: another, equally valid,
set of renderings. Run the speaking tests with K = 1..20; none may fail:

    for k in $(seq 1 20); do LIANXI_ESPEAK_SHIFT=$k .venv/bin/python -m pytest -q -p no:cacheprovider \\
        -p espeak_shift tests/study/test_speaking.py tests/study/test_speaking_accuracy.py tests/audio \\
        tests/core/test_tones.py tests/ui/test_speaking_ui.py tests/cli/test_speak_cli.py; done
"""

from __future__ import annotations

import os
import random
import sys

import pytest


@pytest.fixture(scope="session", autouse=True)
def _espeak_shift(tmp_path_factory):
    count = int(os.environ.get("LIANXI_ESPEAK_SHIFT", "0") or 0)
    if count and sys.platform not in ("darwin", "win32"):
        from lianxi.audio.speech import Speaker

        speaker = Speaker(tmp_path_factory.mktemp("espeak-shift"))
        rng = random.Random(count)
        for _ in range(count):
            words = [f"{rng.choice(('ma', 'ba', 'da', 'yi', 'hao'))}{rng.randint(1, 4)}" for _ in range(2)]
            speaker.render(pinyin=" ".join(words))
    yield
