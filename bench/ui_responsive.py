"""Does the interface keep answering keys while a long sentence is rendered and played?

Opens the real app on the tones drill (fresh data and speech cache in a temporary
folder), asks the voice to say a long sentence (rendered by espeak-ng in a worker
thread, then played), and while that runs presses `?` / `esc` over and over, timing
each key from press to the screen having changed. The same is done with no audio
going on, for comparison. Uses the machine's sound output if it has one, otherwise
the silent player (then "plays" is only the rendering, which is the slow part).

    python bench/ui_responsive.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

LONG = ("我们明天早上八点在学校门口见面，然后一起坐公共汽车去北京图书馆看书，"
        "中午在附近的饭店吃饭，下午再去公园散步，晚上回家以前给妈妈打个电话。")


async def press_and_wait(pilot, key: str, until) -> float:
    start = time.perf_counter()
    await pilot.press(key)
    while not until():
        await asyncio.sleep(0.0005)
    return (time.perf_counter() - start) * 1000


def speaking(app) -> bool:
    return any(w.group == "voice" and w.is_running for w in app.workers)


async def measure(app, pilot, rounds: int, talk: bool) -> tuple[list[float], list[float]]:
    """Latencies of keys pressed while speech was being rendered/started, and of the others."""
    from lianxi.ui.voice import voice

    screen = app.screen
    during: list[float] = []
    other: list[float] = []
    for n in range(rounds):
        if talk:
            # a fresh sentence each round, so it is rendered, not taken from the cache
            voice(app).say(LONG[n % 10:], None, slow=bool(n % 2))
            await asyncio.sleep(0.01)  # let the worker thread start
        for key, done in (("1", lambda: screen.typed == "1"), ("backspace", lambda: screen.typed == "")):
            busy = speaking(app)
            took = await press_and_wait(pilot, key, done)
            (during if busy else other).append(took)
        await app.workers.wait_for_complete()
    return during, other


def render_time() -> float:
    from lianxi import paths
    from lianxi.audio.speech import Speaker

    speaker = Speaker(paths.cache_dir())
    start = time.perf_counter()
    speaker.render(LONG + "。", slow=True)
    return time.perf_counter() - start


async def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["LIANXI_HOME"] = folder
        from lianxi.audio.playback import SilentPlayer, find_player
        from lianxi.study import Learner
        from lianxi.ui.app import make_app
        from lianxi.ui.screens.drills import start_text

        player = find_player()
        label = f"sound output ({player.name})"
        if not player.available:
            label = f"silent player (no sound output here: {player.reason})"
            player = SilentPlayer()
        one = render_time()
        learner = Learner.open(Path(folder))
        app = make_app(learner, start=start_text("pairs"), player=player)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            _, quiet = await measure(app, pilot, rounds, talk=False)
            during, between = await measure(app, pilot, rounds, talk=True)
        learner.close()
    print(f"player: {label}")
    print(f"long sentence: {len(LONG)} hanzi; one fresh slow rendering takes {one * 1000:.0f} ms")

    def line(name: str, times: list[float]) -> None:
        if not times:
            print(f"{name:>24}: no keys")
            return
        times = sorted(times)
        print(f"{name:>24}: key-to-screen median {statistics.median(times):6.1f} ms, "
              f"p95 {times[max(int(len(times) * 0.95) - 1, 0)]:6.1f} ms, max {times[-1]:6.1f} ms ({len(times)} keys)")

    line("no audio", quiet)
    line("while speech renders", during)
    line("after it (same run)", between)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    asyncio.run(main(parser.parse_args().rounds))
    sys.exit(0)
