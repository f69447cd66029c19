"""Shared test data, importable from any test (`from samples import ...`)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

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
