"""Playback never blocks, a new sound stops the old one, and no device means a silent player.

The fake here is at the true edge: a stand-in for the aplay program (a shell script).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from lianxi.audio.playback import CommandPlayer, Player, SilentPlayer, find_player

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="shell-script players")


def _program(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return path


@pytest.fixture
def slow_player(tmp_path) -> tuple[Path, Path]:
    """A player program that logs what it plays and then takes 30 s to 'play' it."""
    log = tmp_path / "played.log"
    program = _program(tmp_path / "bin", "fakeplay", f'echo "$@" >> "{log}"\nexec sleep 30\n')
    return program, log


def _wait_until(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_play_returns_at_once_and_a_new_sound_stops_the_old(slow_player, tmp_path):
    program, log = slow_player
    player = CommandPlayer([str(program), "-q"])
    assert isinstance(player, Player) and player.available

    started = time.perf_counter()
    player.play(tmp_path / "one.wav")
    assert time.perf_counter() - started < 1.0  # the fake sound lasts 30 s
    first = player._current
    assert player.playing
    assert _wait_until(lambda: log.exists()), "the player program never started"

    player.play(tmp_path / "two.wav")
    assert _wait_until(lambda: first.poll() is not None), "the first sound was not stopped"
    assert player.playing
    assert _wait_until(lambda: log.exists() and len(log.read_text().splitlines()) == 2)
    assert log.read_text().splitlines() == [f"-q {tmp_path / 'one.wav'}", f"-q {tmp_path / 'two.wav'}"]

    player.stop()
    assert _wait_until(lambda: not player.playing)


def test_stop_with_nothing_playing_is_harmless(slow_player):
    player = CommandPlayer([str(slow_player[0])])
    player.stop()
    assert not player.playing


def test_the_silent_player_remembers_what_it_was_asked():
    player = SilentPlayer("no sound card found")
    assert isinstance(player, Player)
    player.play("a.wav")
    player.stop()
    player.play(Path("b.wav"))
    assert not player.available and player.reason == "no sound card found"
    assert player.played == [Path("a.wav"), Path("b.wav")]
    assert player.stops == 1


def _env(path: Path, **extra) -> dict[str, str]:
    return {"PATH": str(path), **extra}


def test_ci_is_silent_whatever_is_installed(tmp_path):
    _program(tmp_path / "bin", "aplay", 'echo "card 0: PCH [HDA Intel PCH], device 0"\n')
    player = find_player(_env(tmp_path / "bin", CI="true"))
    assert isinstance(player, SilentPlayer)
    assert "CI" in player.reason


def test_aplay_with_a_sound_card_is_used(tmp_path):
    aplay = _program(tmp_path / "bin", "aplay", 'echo "card 0: PCH [HDA Intel PCH], device 0: ALC"\n')
    player = find_player(_env(tmp_path / "bin", CI="false"))
    assert isinstance(player, CommandPlayer) and player.available
    assert player.command == [str(aplay), "-q"]


def test_aplay_without_a_sound_card_means_silence_with_the_reason(tmp_path):
    _program(tmp_path / "bin", "aplay", 'echo "aplay: device_list:274: no soundcards found..." >&2\n')
    player = find_player(_env(tmp_path / "bin"))
    assert isinstance(player, SilentPlayer)
    assert "no sound card" in player.reason
    assert "connect speakers or headphones" in player.reason  # and how to get sound


def test_another_player_is_used_when_aplay_is_missing(tmp_path):
    ffplay = _program(tmp_path / "bin", "ffplay", "exit 0\n")
    player = find_player(_env(tmp_path / "bin"))
    assert isinstance(player, CommandPlayer)
    assert player.command[0] == str(ffplay) and "-nodisp" in player.command


def test_no_player_at_all_says_what_to_install(tmp_path):
    (tmp_path / "empty").mkdir()
    player = find_player(_env(tmp_path / "empty"))
    assert isinstance(player, SilentPlayer)
    assert "sudo apt-get install alsa-utils" in player.reason


def test_find_player_reads_the_real_environment_by_default(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert isinstance(find_player(), SilentPlayer)
