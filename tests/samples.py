"""Shared test data, importable from any test (`from samples import ...`)."""

import json
import re
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def private_mount_command() -> list[str] | None:
    """How to mount a small private tmpfs for a full-disk test: a user namespace, or plain root.

    None if neither works here (the test then skips, saying why).
    """
    import shutil
    import subprocess

    if not shutil.which("unshare"):
        return None
    for command in (["unshare", "--user", "--map-root-user", "--mount"], ["unshare", "--mount"]):
        probe = subprocess.run([*command, "true"], capture_output=True)
        if probe.returncode == 0:
            return command
    return None


def shared_data(relative: str) -> Path:
    """A file of ../shared/data, or skip saying why; under CI=true its absence is a failure.

    A fresh clone has no ../shared beside it, so a learner's own test run skips these;
    CI always has it, so there they must run.
    """
    path = SHARED / "data" / relative
    if not path.is_file():
        reason = f"needs ../shared/data/{relative} beside the project (not found at {path})"
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return path

SAMPLE_LESSON = """\
id = "sample-greetings"
title = "Greetings"
level = "HSK 1"

[[words]]
hanzi = "你好"
pinyin = "nǐhǎo"
english = ["hello", "hi"]
example = "你好，我是老师。"
example_pinyin = "Nǐ hǎo, wǒ shì lǎoshī."
example_english = "Hello, I am a teacher."

[[words]]
hanzi = "谢谢"
pinyin = "xie4xie5"
english = "thank you"

[[words]]
hanzi = "再见"
pinyin = "zàijiàn"
english = ["goodbye", "see you"]
"""


# Text a tutor (or an attacker) can put in a lesson that passes validation: markup-like,
# long, odd. Every screen, command and export must show it as typed and never obey it.
HOSTILE = [
    "Week 3 [/]",
    "[@click=app.quit]click me[/]",
    "[link=file:///etc/passwd]link[/link]",
    "[b]never closed",
    "[/b] closing first",
    "\\[escaped] \\",
    "[red on red]invisible[/red on red]",
    "[bold magenta]:warning: $HOME {0} %s[/]",
    "<script>alert(1)</script> &amp;",
    "x" * 300,
    "[" * 50 + "]" * 50,
    "👩‍👩‍👧 family · 中文 [i]x[/i]",
]


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def hostile_lesson(text: str, lesson_id: str = "hostile") -> bytes:
    s = toml_string(text)
    return f"""
id = "{lesson_id}"
title = {s}
level = {s}
description = {s}
attribution = {s}

[[words]]
hanzi = "你好"
pinyin = "ni3 hao3"
english = [{s}, "hello"]
note = {s}
example = "你好！"
example_pinyin = "Nǐ hǎo!"
example_english = {s}
measure_word = {s}
tags = [{s}]

[[words]]
hanzi = "谢谢"
pinyin = "xie4 xie5"
english = {s}
""".encode()


_BUNDLED_WORDS: list = []


def bundled_words() -> list:
    """Every word of every bundled lesson (parsed once per test run: it takes a few seconds)."""
    if not _BUNDLED_WORDS:
        from lianxi.core.lesson_file import parse_lesson
        from lianxi.lexicon import bundled_lexicon

        for path in sorted((REPO / "lessons").rglob("*.toml")):
            _BUNDLED_WORDS.extend(parse_lesson(path.read_bytes(), path.name, bundled_lexicon()).words)
    return _BUNDLED_WORDS


# CC-CEDICT's own notation, which no learner or tutor should ever read (issue 9): `|` between
# traditional and simplified, numbered pinyin in brackets, pointers, raw surnames, classifiers.
DICTIONARY_MARKUP = re.compile(
    r"\||\[[a-zA-Z:]+[1-5](?: [a-zA-Z:]+[1-5])*\]|variant of|(?:^|[;,/] ?)surname [A-Z]|\bCL:"
    r"|^see (?:also )?[\u3400-\u9fff]|Kangxi radical|\bpr\. \["
)
# Words whose CC-CEDICT entries are full of it: 个 (CL:, variant), 哪儿/一点儿/这儿/那兒/玩儿
# (erhua variant of), 妳/週/裡 (variant of), 王 (surname Wang), 的 着 了 只 干 台 长 发 (many
# readings), 本 点 张 (classifiers), 女 (archaic variant of 汝), 绿 (lù as in 绿林), 么, 喂, 东西.
MARKUP_SAMPLE = ["个", "哪儿", "一点儿", "这儿", "妳", "王", "的", "着", "了", "女", "绿", "本", "点", "张",
                 "玩儿", "么", "週", "那兒", "喂", "东西", "长", "只", "干", "台", "裡", "发"]


def dictionary_markup(text: str) -> list[str]:
    """The lines of `text` that show CC-CEDICT markup."""
    return [line for line in text.splitlines() if DICTIONARY_MARKUP.search(line)]
