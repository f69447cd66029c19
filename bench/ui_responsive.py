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


async def measure(app, pilot, rounds: int, speaking: bool) -> tuple[list[float], int]:
    from lianxi.ui.screens.help import HelpScreen
    from lianxi.ui.voice import voice

    times: list[float] = []
    busy = 0
    for n in range(rounds):
        if speaking and n % 5 == 0:
            # a fresh sentence each time, so it is rendered, not taken from the cache
            voice(app).say(LONG[: 40 + n], None, slow=bool(n % 2))
        times.append(await press_and_wait(pilot, "question_mark", lambda: isinstance(app.screen, HelpScreen)))
        times.append(await press_and_wait(pilot, "escape", lambda: not isinstance(app.screen, HelpScreen)))
        busy += any(w.group == "voice" and w.is_running for w in app.workers)
    await app.workers.wait_for_complete()
    return times, busy


async def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["LIANXI_HOME"] = folder
        from lianxi.audio.playback import SilentPlayer, find_player
        from lianxi.study import Learner
        from lianxi.ui.app import make_app
        from lianxi.ui.screens.drills import start_text

        player = find_player()
        label = f"sound output ({type(player).__name__})"
        if not player.available:
            label = f"silent player (no sound output here: {player.reason})"
            player = SilentPlayer()
        learner = Learner.open(Path(folder))
        app = make_app(learner, start=start_text("tones"), player=player)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            quiet, _ = await measure(app, pilot, rounds, speaking=False)
            start = time.perf_counter()
            loud, busy = await measure(app, pilot, rounds, speaking=True)
            elapsed = time.perf_counter() - start
        learner.close()
    print(f"player: {label}")
    print(f"long sentence: {len(LONG)} hanzi, rendered fresh 1 time in 5 (normal and slow)")
    for name, times in (("no audio", quiet), ("while speaking", loud)):
        print(f"{name:>15}: key-to-screen median {statistics.median(times):6.1f} ms, "
              f"p95 {sorted(times)[int(len(times) * 0.95) - 1]:6.1f} ms, max {max(times):6.1f} ms "
              f"({len(times)} keys)")
    print(f"rounds that ended with speech still rendering or starting: {busy} of {rounds}; "
          f"speaking run took {elapsed:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    asyncio.run(main(parser.parse_args().rounds))
    sys.exit(0)
