"""Fuzz every door a file or an argument comes in by, and print what happened (figures, not a test).

Each target takes mutated real inputs (bundled lessons, the test suite's Anki/Pleco exports
and typed answers, Tatoeba lines) or random arguments, and counts:
- cases tried;
- untyped exceptions: anything but the typed errors a person is meant to see (a
  LessonProblems, a PinyinError, a SentenceProblems...): each one is a bug;
- the longest case (wall time, and the process's CPU time, which the machine's load does
  not stretch; tracemalloc slows both), and the peak memory of a case (tracemalloc).
The tests run small fixed versions of the same targets (tests/core/test_hostile_lessons.py,
tests/ui/test_hostile_screens.py, tests/cli/test_hostile_arguments.py).

    .venv/bin/python bench/fuzz.py [--cases 2000] [--seed 1] [--only lesson,pinyin,...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from lianxi.core.errors import UserError  # noqa: E402

HOSTILE_TOKENS = [
    "[", "]", "[[words]]", "[words]", "{", "}", '"', "'", '"""', "'''", "\\", "\\u001b", "\n", "\t", "\r",
    "\x00", "\x1b[31m", "\u202e", "\u2028", "=", ".", "#", "a.b.c.d.e.f.g.h.i.j.k", "ü", "v", "u:", ":", "5", "0",
    "9", "r", "儿", "一", "不", "nan", "inf", "1e999", "-1", "<b>", "</td>", "&amp;", "{{c1::x}}", "#tags column:-5",
    "#tags column:0", "#separator:tab", "#html:true", "[/]", "[@click=app.quit]", "[link=x]", "ǎ", "\u030c",
    "xian", "zhuangr", "hao3", "ni3hao3", "'", "“", "”", "；", "，", "id = \"x\"", "title = \"t\"", "english = [",
    "hanzi = \"你好\"", "pinyin = \"\"", "\ufeff", "🙂", "\udcff",
]


def mutate(rng: random.Random, data: str, limit: int = 200_000) -> str:
    """One to four edits: insert a hostile token, delete, duplicate or repeat a span, truncate."""
    for _ in range(rng.randint(1, 4)):
        if not data:
            data = rng.choice(HOSTILE_TOKENS)
            continue
        i = rng.randrange(len(data))
        j = min(len(data), i + rng.randint(1, 40))
        kind = rng.random()
        if kind < 0.45:
            data = data[:i] + rng.choice(HOSTILE_TOKENS) * rng.choice((1, 1, 1, 2, 50, 3000)) + data[i:]
        elif kind < 0.6:
            data = data[:i] + data[j:]
        elif kind < 0.75:
            data = data[:j] + data[i:j] * rng.choice((2, 10, 1000)) + data[j:]
        elif kind < 0.85:
            data = data[:i]
        else:
            data = data[:i] + chr(rng.randrange(0x20, 0x3000)) + data[i + 1:]
    return data[:limit]


def encode(rng: random.Random, text: str) -> bytes:
    raw = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:  # now and then, bytes that are not UTF-8
        k = rng.randrange(len(raw) + 1)
        raw = raw[:k] + bytes([rng.randrange(0x80, 0x100)]) + raw[k:]
    return raw


class Target:
    def __init__(self, name: str, make: Callable[[random.Random], object], call: Callable[[object], object],
                 allowed: tuple[type[BaseException], ...]):
        self.name, self.make, self.call, self.allowed = name, make, call, allowed

    def run(self, cases: int, rng: random.Random) -> dict:
        untyped: list[str] = []
        longest = longest_cpu = peak = 0.0
        for _ in range(cases):
            case = self.make(rng)
            tracemalloc.start()
            started, cpu = time.perf_counter(), time.process_time()
            try:
                self.call(case)
            except self.allowed:
                pass
            except RecursionError as exc:
                untyped.append(f"RecursionError: {str(exc)[:80]}")
            except Exception as exc:  # noqa: BLE001 - counting them is the point
                untyped.append(f"{type(exc).__name__}: {str(exc)[:120]}")
            took, took_cpu = time.perf_counter() - started, time.process_time() - cpu
            _, used = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            longest, longest_cpu, peak = max(longest, took), max(longest_cpu, took_cpu), max(peak, used)
        return {"target": self.name, "cases": cases, "untyped": len(untyped), "examples": sorted(set(untyped))[:5],
                "longest_s": round(longest, 3), "longest_cpu_s": round(longest_cpu, 3), "peak_mb": round(peak / 1e6, 1)}


def seeds_from(folder: Path, pattern: str, limit: int = 40) -> list[str]:
    files = sorted(folder.glob(pattern))[:limit]
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def targets() -> list[Target]:
    from lianxi.core.grading import grade_answer
    from lianxi.core.interop import read_anki, read_pleco
    from lianxi.core.lesson_file import parse_lesson
    from lianxi.core.lessons import LessonProblems
    from lianxi.core.pinyin import PinyinError, parse
    from lianxi.core.sentences import SentenceProblems, read_sentences

    lessons = seeds_from(REPO / "lessons" / "first-course", "*.toml") + seeds_from(REPO / "lessons" / "hsk", "*/*.toml", 10)
    interop = REPO / "tests" / "data" / "interop"
    anki = seeds_from(interop, "anki_*.txt") + seeds_from(interop, "bad_anki_*.txt")
    pleco = seeds_from(interop, "pleco_*.txt") + seeds_from(interop, "bad_pleco_*.txt")
    answers = [line.split("\t") for line in (REPO / "tests" / "core" / "typed_answers.tsv").read_text("utf-8").splitlines()
               if line and not line.startswith("#")]
    tatoeba = REPO.parent / "shared" / "data" / "tatoeba" / "cmn-eng.tsv"
    sentence_seed = ("\n".join(tatoeba.read_text("utf-8").splitlines()[:200]) if tatoeba.is_file()
                     else "Hello.\t你好。\tCC-BY 2.0 (France) Attribution: tatoeba.org #1 (x) & #2 (y)")

    def lesson_case(rng):
        return encode(rng, mutate(rng, rng.choice(lessons)))

    def answer_case(rng):
        row = rng.choice(answers)
        hanzi, pinyin = row[0], row[1] if len(row) > 1 else "ni3"
        return hanzi, pinyin, mutate(rng, row[2] if len(row) > 2 else "ni3", 2_000)

    def grade(case):
        hanzi, pinyin, typed = case
        for kind in ("type_pinyin", "type_hanzi", "recognition"):
            try:
                grade_answer(kind, typed, hanzi=hanzi, pinyin=pinyin, english=("hello", "hi"))
            except PinyinError:
                pass

    return [
        Target("lesson file", lesson_case, lambda b: parse_lesson(b, "fuzz.toml"), (LessonProblems,)),
        Target("pinyin", lambda rng: mutate(rng, rng.choice(["ni3 hao3", "Nǐ hǎo, wǒ shì lǎoshī.", "nv3er2 huar4",
                                                             "xi'an", "lu:4", "zhuang4 r5"]), 5_000),
               parse, (PinyinError,)),
        Target("typed answer", answer_case, grade, (PinyinError,)),
        Target("anki import", lambda rng: encode(rng, mutate(rng, rng.choice(anki))),
               lambda b: read_anki(b, "fuzz.txt", title="Fuzz"), (LessonProblems, UserError)),
        Target("pleco import", lambda rng: encode(rng, mutate(rng, rng.choice(pleco))),
               lambda b: read_pleco(b, "fuzz.txt", title="Fuzz"), (LessonProblems, UserError)),
        Target("sentence file", lambda rng: encode(rng, mutate(rng, sentence_seed)),
               lambda b: read_sentences(b, "fuzz.tsv"), (SentenceProblems,)),
    ]


COMMAND_LINES = [
    ["lessons", "validate", "{file}"], ["lessons", "import", "{file}"], ["lessons", "start", "{word}"],
    ["lessons", "list"], ["lessons", "list", "--all"], ["lessons", "import-anki", "{file}", "--out", "{out}"],
    ["lessons", "import-pleco", "{file}", "--out", "{out}"], ["lessons", "from-list", "{file}", "--out", "{out}"],
    ["lessons", "export", "{word}", "--tsv", "{out}"], ["settings", "retention", "{word}"],
    ["settings", "new-per-day", "{word}"], ["settings", "day-starts", "{word}"], ["settings", "script", "{word}"],
    ["settings", "tone-colours", "{word}", "{word}"], ["lookup", "{word}"], ["lookup", "--limit", "{word}", "{word}"],
    ["pinyin", "{word}"], ["grade", "{word}", "{word}"], ["sentences", "import", "{file}"], ["stats"],
    ["data", "export", "{out}"], ["data", "where"], ["worksheet", "{word}", "--out", "{out}"],
    ["say", "{word}", "--out", "{out}"], ["cards", "search", "{word}"],
]


def cli_target(workdir: Path) -> Target:
    from click.testing import CliRunner

    from lianxi.cli import cli

    lesson = (REPO / "lessons" / "first-course" / "first-01-greetings.toml").read_text("utf-8")
    words = ["first-01-greetings", "nan", "inf", "-1", "0", "99999999999999999999999", "", " ", "*", "../../x",
             "你好", "ni3 hao3", "[/]", "\x1b[2J", "a" * 5000, "/proc/x", "/dev/null", str(workdir), "traditional"]

    def make(rng):
        line = rng.choice(COMMAND_LINES)
        path = workdir / f"in-{rng.randrange(10**9)}.txt"
        path.write_bytes(encode(rng, mutate(rng, lesson)))
        out = rng.choice([workdir / f"out-{rng.randrange(10**9)}.txt", workdir / "missing" / "x",
                          Path("/proc/x"), path / "under-a-file"])
        return [a.format(file=path, out=out, word=rng.choice(words)) for a in line]

    runner = CliRunner()

    def call(argv):
        result = runner.invoke(cli, ["--data-dir", str(workdir / "data"), *argv], catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception

    return Target("command line", make, call, ())


def screens_target() -> Target:
    from samples import hostile_lesson  # the same lesson the UI test uses

    from lianxi.audio.playback import SilentPlayer
    from lianxi.core.lesson_file import parse_lesson
    from lianxi.core.lessons import LessonProblems
    from lianxi.study import Learner
    from lianxi.study.drills import change_audio_settings
    from lianxi.ui.app import make_app

    def make(rng):
        text = mutate(rng, rng.choice(["Week 3 [/]", "[@click=app.quit]x", "[b]", "title"]), 300)
        return text.replace("\n", " ").encode("utf-8", "replace").decode("utf-8")  # a file holds no lone surrogates

    def call(text):
        try:
            lesson = parse_lesson(hostile_lesson(text, "fuzz"), "fuzz.toml")
        except LessonProblems:
            return  # refused at the door: fine
        with tempfile.TemporaryDirectory() as folder:
            learner = Learner.open(folder)
            learner.progress.set_setting("welcomed", True)
            change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False)
            learner.import_lessons([lesson])

            async def drive():
                app = make_app(learner, player=SilentPlayer())
                async with app.run_test(size=(80, 24)) as pilot:
                    for keys in (["enter"], ["space"], ["q"], ["k"], ["escape"], ["d", "enter"], ["escape", "escape"]):
                        await pilot.press(*keys)
                        await pilot.pause()
                if app.return_code not in (None, 0):
                    raise RuntimeError(f"the app stopped with {app.return_code}")

            try:
                asyncio.run(drive())
            finally:
                learner.close()

    return Target("screens", make, call, ())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="cases per fast target (screens and CLI get fewer)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated target names")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}
    with tempfile.TemporaryDirectory() as folder:
        chosen = [(t, args.cases) for t in targets()]
        chosen.append((cli_target(Path(folder)), max(args.cases // 10, 20)))
        chosen.append((screens_target(), max(args.cases // 100, 10)))
        results = []
        for target, cases in chosen:
            if wanted and target.name not in wanted:
                continue
            result = target.run(cases, rng)
            results.append(result)
            print(f"{result['target']:<14} cases {result['cases']:>5}  untyped {result['untyped']:>3}  "
                  f"longest {result['longest_s']:>6.3f} s (cpu {result['longest_cpu_s']:>6.3f} s; the machine's load adds "
                  f"to wall time only)  peak {result['peak_mb']:>6.1f} MB", flush=True)
            for example in result["examples"]:
                print(f"    {example}")
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
