"""Benchmark: the classroom's files (not a test; prints figures).

- worksheet page counts, A4 and Letter, for a 12-word and a 25-word lesson (the
  first words of a bundled HSK lesson), with the default sections and with
  writing practice too; printed by Debian's Chromium (Playwright) and counted
  with pdfinfo;
- the projector page's size for a 30-word lesson, audio included;
- the time from the command to the file written: `lianxi class ID --html FILE`
  and `lianxi worksheet ID --out FILE` as a tutor runs them (a new process),
  with an empty speech cache (every word rendered) and a warm one.

    .venv/bin/python bench/classroom.py

Needs the test extras (playwright), chromium and poppler-utils. Figures on a
shared 2-core machine are noisy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from playwright.sync_api import sync_playwright

from lianxi.classroom.worksheet import DEFAULT_SECTIONS, WorksheetOptions, worksheet_html, writing_characters
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.strokes import stroke_orders

REPO = Path(__file__).resolve().parents[1]
HSK = REPO / "lessons" / "hsk" / "hsk2-level3" / "hsk2-3-01.toml"
THIRTY = "hsk2-1-01"  # a bundled lesson of 30 words


def pages(browser, html: str, folder: Path) -> int:
    path = folder / "sheet.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    page.pdf(path=str(folder / "sheet.pdf"), prefer_css_page_size=True, print_background=True)
    page.close()
    info = subprocess.run(["pdfinfo", str(folder / "sheet.pdf")], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def timed(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lianxi", *args], check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    lesson = parse_lesson(HSK.read_bytes(), HSK.name)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        print("worksheet pages            A4  Letter")
        for count in (12, 25):
            part = replace(lesson, words=lesson.words[:count])
            strokes = stroke_orders("".join(writing_characters(part, False)))
            for label, sections in (("default", DEFAULT_SECTIONS), ("+ writing", DEFAULT_SECTIONS + ("writing",))):
                counts = [pages(browser, worksheet_html(part, WorksheetOptions(paper, sections), strokes), folder)
                          for paper in ("a4", "letter")]
                print(f"  {count} words, {label:<10}  {counts[0]:>4}  {counts[1]:>6}")
        browser.close()

        env = {**os.environ, "LIANXI_HOME": str(folder / "home")}
        page = folder / "class.html"
        cold = timed(["class", THIRTY, "--html", str(page), "--seed", "1"], env)
        size = page.stat().st_size
        warm = timed(["class", THIRTY, "--html", str(page), "--seed", "1", "--force"], env)
        sheet = timed(["worksheet", THIRTY, "--out", str(folder / "w.html"), "--sections",
                       "vocab,tones,dictation,matching,writing,key"], env)
        print(f"projector page, 30 words with audio: {size / 1e6:.2f} MB")
        print(f"lianxi class {THIRTY} --html: {cold:.2f} s (empty speech cache), {warm:.2f} s (warm)")
        print(f"lianxi worksheet {THIRTY} (all sections): {sheet:.2f} s")


if __name__ == "__main__":
    main()
