"""Worksheets printed for real: headless Chromium -> PDF, then pdfinfo/pdftotext read it back.

Needs Debian packages chromium, fonts-noto-cjk and poppler-utils (the CI test
command installs them). Without them the test fails in CI and is skipped elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lianxi.core.lessons import parse_lesson
from lianxi.core.worksheet import worksheet_html

REPO = Path(__file__).resolve().parents[2]
GREETINGS = REPO / "lessons" / "first-course" / "first-01-greetings.toml"
TOOLS = ("chromium", "pdftotext", "pdfinfo")

SMALL = """\
id = "three-words"
title = "Three words"
level = "HSK 1"
[[words]]
hanzi = "你好"
pinyin = "ni3 hao3"
english = "hello"
[[words]]
hanzi = "谢谢"
pinyin = "xie4 xie5"
english = "thank you"
[[words]]
hanzi = "再见"
pinyin = "zai4 jian4"
english = "goodbye"
"""


def _tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        message = f"missing {', '.join(missing)}: apt-get install chromium fonts-noto-cjk poppler-utils"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def print_pdf(html: str, folder: Path) -> Path:
    _tools()
    page = folder / "worksheet.html"
    page.write_text(html, encoding="utf-8")
    pdf = folder / "worksheet.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-pdf-header-footer", f"--user-data-dir={folder / 'profile'}",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    assert pdf.stat().st_size > 1000
    return pdf


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return dict((k.strip(), v.strip()) for k, _, v in (line.partition(":") for line in out.splitlines()))


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.mark.parametrize(("paper", "size"), [("a4", "(A4)"), ("letter", "(letter)")])
def test_small_lesson_prints_one_page_per_section(tmp_path, paper, size):
    lesson = parse_lesson(SMALL.encode(), "small.toml")
    pdf = print_pdf(worksheet_html(lesson, paper), tmp_path)
    info = pdf_info(pdf)
    assert info["Pages"] == "5"
    assert info["Page size"].endswith(size)
    pages = pdf_pages(pdf)
    assert len(pages) == 5
    vocabulary, tones, dictation, matching, key = pages
    # the Chinese text is really there (a CJK font was found), and in the right places
    for hanzi in ("你好", "谢谢", "再见"):
        assert hanzi in vocabulary and hanzi in matching and hanzi in key
        assert hanzi not in dictation
    assert "nǐ hǎo" in vocabulary and "ni hao" in tones and "nǐ hǎo" not in tones
    assert "Answer key" in key and "Answer key" not in "".join(pages[:4])
    assert re.search(r"1\s+2\s+3", dictation.replace("\n", " "))


def test_full_lesson_prints_with_the_key_on_its_own_pages(tmp_path):
    lesson = parse_lesson(GREETINGS.read_bytes(), GREETINGS.name)
    pdf = print_pdf(worksheet_html(lesson, "a4"), tmp_path)
    pages = pdf_pages(pdf)
    assert int(pdf_info(pdf)["Pages"]) == len(pages) >= 5
    first_key = next(i for i, p in enumerate(pages) if "Answer key" in p)
    # the key starts its own page, after the four exercises
    assert first_key >= 4 and pages[first_key].strip().startswith("Answer key")
    assert "Match each word" in "".join(pages[:first_key]) and "Match each word" not in "".join(pages[first_key:])
    text = "".join(pages)
    for word in lesson.words:
        assert word.hanzi in text
