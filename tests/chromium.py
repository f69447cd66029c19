"""A real Chromium for the classroom pages (imported by tests/classroom/conftest.py): Debian's /usr/bin/chromium driven by Playwright.

Playwright's Python package is pointed at the system browser (executable_path);
it never downloads a browser of its own. Launched once per test module, as
root without the sandbox, with no background networking and a fresh empty
profile. Missing either is a skip with the reason, and a failure under CI=true.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from samples import in_ci

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required"]


def _missing(what: str) -> None:
    reason = f"{what}: bash scripts/dev.sh test installs it"
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


# Module scope: Playwright's sync API keeps an event loop running in this thread while it is open,
# which would break every later test that calls asyncio.run (Textual's Pilot).
@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        _missing("needs Debian's chromium at /usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("needs the playwright Python package (test extra)")
    with sync_playwright() as playwright:
        # launch_persistent_context would keep a profile; a plain launch uses a new empty one each time
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def pdf_tools() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        _missing("needs poppler-utils (pdftotext, pdfinfo)")


def print_pdf(browser, html: str, folder: Path, name: str = "worksheet") -> Path:
    """Chromium prints the page as a person would (the page's own @page size), to a PDF file."""
    pdf_tools()
    page_file = folder / f"{name}.html"
    page_file.write_text(html, encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(page_file.as_uri())
        pdf = folder / f"{name}.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    return pdf


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def horizontal_rules(pdf: Path, page: int, folder: Path, share: float = 0.4, dpi: int = 60) -> int:
    """How many dark horizontal lines at least `share` of the page wide are drawn on `page` (table borders)."""
    stem = folder / f"page{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(stem)], check=True, capture_output=True)
    data = (folder / f"page{page}.pgm").read_bytes()
    fields = data.split(maxsplit=4)  # P5 width height maxval pixels
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4]
    rules, previous = 0, False
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        longest = run = 0
        for value in row:
            run = run + 1 if value < 140 else 0
            longest = max(longest, run)
        line = longest >= share * width
        rules += line and not previous
        previous = line
    return rules
