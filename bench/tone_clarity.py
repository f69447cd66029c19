"""Which espeak-ng voice variant and pitch range speak the four tones most clearly?

Renders every syllable below in tones 1-4 through the project's own Speaker for
each variant x RANGE, tracks the pitch with praat-parselmouth
(lianxi.audio.contour) and counts the syllables whose contour does not have the
shape of its tone (1 high and level, 2 rising, 3 low or dipping, 4 falling), and
among them the ones with creak (voicing lost mid-vowel) or pitch jumps. Prints a
table and the winner: fewest bad syllables, then fewest creaks and jumps.

    /tmp/venv0/bin/python bench/tone_clarity.py [--quick]

Result (espeak-ng 1.51, Debian; 46 syllables x 4 tones = 184 per setting, rate 150):
+f3 at RANGE 65 won with 11 of 184 unclear (7 tone 2s, 1 tone 3, 3 tone 4s; mostly
rises under 2.5 semitones, 3 with a pitch jump at the end, none creaky; 5 of 184 at
the slow rate); next were +m3/80 with 27 and default/80 with 31, both mostly creak: the male
voices lose periodicity (harmonics-to-noise near 0 dB) once tones 3 and 4 fall below
~70 Hz. RANGE 50 flattens tones 2 and 4 for every variant; 100 creaks more. +m2
barely moves its pitch at all. speech.py's VARIANT and PITCH_RANGE cite this.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from lianxi.audio import contour
from lianxi.audio.speech import SLOW_RATE, Speaker

SYLLABLES = (
    "ma ba pa da ta na la ga ka ha fa "
    "ji qi xi zhi chi shi ri zi ci si "
    "bu du gu hu lu wu yu lü "
    "mao hao lai wen ren fang zhong qing xue guo yue wo ye xin jia dui kan"
).split()
VARIANTS = ("", "+m1", "+m2", "+m3", "+f3")
RANGES = (50, 65, 80, 100)

def judge(speaker: Speaker, syllables: list[str]) -> dict[str, int]:
    """Counts for one setting: bad syllables, and each kind of fault."""
    contours = {}
    for base in syllables:
        for tone in (1, 2, 3, 4):
            wav = speaker.render(pinyin=f"{base.replace('ü', 'v')}{tone}")
            contours[base, tone] = contour.measure(wav)
    key = contour.key_of(contours.values())
    counts: Counter[str] = Counter()
    for (_base, tone), found in ((k, contour.faults(c, k[1], key)) for k, c in contours.items()):
        counts["syllables"] += 1
        if found:
            counts["bad"] += 1
            counts[f"t{tone}"] += 1
        for fault in found:
            if fault in ("creak", "jump", "no pitch"):
                counts[fault] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="12 syllables instead of all")
    args = parser.parse_args(argv)
    syllables = SYLLABLES[::4] if args.quick else SYLLABLES
    rows = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for variant in VARIANTS:
            for pitch_range in RANGES:
                speaker = Speaker(Path(folder), variant=variant, pitch_range=pitch_range)
                problem = speaker.check()
                if problem:
                    print(problem, file=sys.stderr)
                    return 1
                rows.append((variant or "default", pitch_range, judge(speaker, syllables)))
    n = rows[0][2]["syllables"]
    print(f"{len(syllables)} syllables x 4 tones = {n} per setting "
          f"({time.perf_counter() - started:.0f} s)")
    print(f"{'variant':8} {'range':>5} {'bad':>4} {'t1':>3} {'t2':>3} {'t3':>3} {'t4':>3} "
          f"{'creak':>5} {'jump':>4} {'none':>4}")
    for variant, pitch_range, c in rows:
        print(f"{variant:8} {pitch_range:>5} {c['bad']:>4} {c['t1']:>3} {c['t2']:>3} {c['t3']:>3} "
              f"{c['t4']:>3} {c['creak']:>5} {c['jump']:>4} {c['no pitch']:>4}")
    best = min(rows, key=lambda r: (r[2]["bad"], r[2]["creak"] + r[2]["jump"]))
    print(f"winner: variant {best[0]} range {best[1]}: {best[2]['bad']} of {n} syllables unclear")
    with tempfile.TemporaryDirectory() as folder:
        variant = "" if best[0] == "default" else best[0]
        slow = Speaker(Path(folder), variant=variant, pitch_range=best[1], rate=SLOW_RATE)
        c = judge(slow, syllables)
    print(f"the winner at the slow rate ({SLOW_RATE}): {c['bad']} of {n} unclear")
    return 0


if __name__ == "__main__":
    sys.exit(main())
