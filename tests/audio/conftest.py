"""Speech tests use the real espeak-ng: on Linux a missing engine is a failure, not a skip."""

from __future__ import annotations

import sys

import pytest

from lianxi.audio.speech import Speaker


@pytest.fixture(scope="module")
def speaker(tmp_path_factory) -> Speaker:
    """The app's own Speaker with its chosen settings, caching into a fresh folder."""
    if sys.platform in ("darwin", "win32"):
        pytest.skip("macOS and Windows speak with the system voice, not espeak-ng")
    who = Speaker(tmp_path_factory.mktemp("cache"))
    problem = who.check()
    assert problem is None, problem
    return who
