"""Worksheets printed for real: Chromium prints to PDF, then pdfinfo/pdftotext/pdftoppm read it back.

What a tutor needs from a worksheet printed as it comes: every table border on
Letter as on A4, no heading left alone at the bottom of a page, pinyin never
split over lines, a 25-word lesson on no more than 8 A4 pages, the answer key
on its own pages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from chromium import horizontal_rules, pdf_info, pdf_pages, print_pdf
from lianxi.classroom.worksheet import SECTIONS, WorksheetOptions, worksheet_html, writing_characters
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.strokes import stroke_orders

REPO = Path(__file__).resolve().parents[2]
GREETINGS = REPO / "lessons" / "first-course" / "first-01-greetings.toml"
HSK = REPO / "lessons" / "hsk" / "hsk2-level3" / "hsk2-3-01.toml"
HEADINGS = ("Vocabulary", "Add the tone marks", "Dictation", "Matching", "Writing practice", "Answer key",
            "Dictation (in the order the words are played)")


def lesson_of(count: int):
    lesson = parse_lesson(HSK.read_bytes(), HSK.name)
    return replace(lesson, words=lesson.words[:count])


def assert_prints_well(pages: list[str], lesson) -> None:
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines, f"page {number} is empty"
        assert lines[-1] not in HEADINGS, f"page {number} ends with the heading {lines[-1]!r}"
    text = "\n".join(pages)
    for word in lesson.words:  # each word's pinyin whole on one line (never split)
        assert word.pinyin in text, word.pinyin


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_25_word_lesson_prints_on_at_most_8_pages_with_borders_on_every_table(browser, tmp_path, paper):
    lesson = lesson_of(25)
    assert len(lesson.words) == 25
    pdf = print_pdf(browser, worksheet_html(lesson, WorksheetOptions(paper)), tmp_path)
    info = pdf_info(pdf)
    assert info["Page size"].endswith("(A4)" if paper == "a4" else "(letter)")
    pages = pdf_pages(pdf)
    assert int(info["Pages"]) == len(pages) <= 8
    assert_prints_well(pages, lesson)
    # the key starts its own page, after the four exercises, and holds the tutor's line
    first_key = next(i for i, p in enumerate(pages) if "Answer key" in p)
    assert pages[first_key].strip().startswith("Answer key") and "For the tutor" in pages[first_key]
    assert "For the tutor" not in "".join(pages[:first_key])
    assert all("Name" in p and "Date" in p for p in pages[:first_key] if "Vocabulary" in p or "Dictation" in p)
    # every table row has its border: the tone-marks page draws a rule above and below each row
    # (the vocabulary runs over two pages: rows on both sides of the page break keep their borders too)
    tones = next(i for i, p in enumerate(pages, start=1) if "Add the tone marks" in p)
    for number in range(1, tones + 1):
        rows = len(re.findall(r"^\s*\d+\s", pages[number - 1], flags=re.M))
        assert rows >= 1
        assert horizontal_rules(pdf, number, tmp_path) >= rows + 1, f"page {number}"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_bundled_30_word_lesson_gives_each_exercise_one_sheet(browser, tmp_path, paper):
    # hsk2-3-01 is the heaviest bundled lesson for paper: six words with two readings, long glosses.
    # A tutor photocopies one sheet per exercise; a page holding the last row or two of one is waste.
    lesson = parse_lesson(HSK.read_bytes(), HSK.name)
    assert len(lesson.words) == 30 and sum(1 for w in lesson.words if w.other_readings) >= 5
    pages = pdf_pages(print_pdf(browser, worksheet_html(lesson, WorksheetOptions(paper)), tmp_path))
    starts = [next(i for i, p in enumerate(pages) if heading in p)
              for heading in ("Add the tone marks", "Dictation", "Matching", "Answer key")]
    assert [b - a for a, b in zip(starts, starts[1:])] == [1, 1, 1], starts
    assert len(pages) - starts[-1] == 1  # the key on one sheet too
    assert len(pages) <= 7
    assert_prints_well(pages, lesson)


def test_a_12_word_lesson_and_the_small_sections(browser, tmp_path):
    lesson = lesson_of(12)
    pdf = print_pdf(browser, worksheet_html(lesson, WorksheetOptions("letter")), tmp_path)
    pages = pdf_pages(pdf)
    assert len(pages) == 5  # one page per section
    vocabulary, tones, dictation, matching, key = pages
    for word in lesson.words:
        assert word.hanzi in vocabulary and word.hanzi in matching and word.hanzi in key
        assert word.hanzi not in dictation
    assert "Name" in vocabulary and "Date" in vocabulary
    assert_prints_well(pages, lesson)


def test_every_section_with_writing_practice_and_traditional_characters(browser, tmp_path):
    lesson = parse_lesson(GREETINGS.read_bytes(), GREETINGS.name)
    options = WorksheetOptions("a4", SECTIONS, traditional=True)
    html = worksheet_html(lesson, options, stroke_orders("".join(writing_characters(lesson, True))))
    pdf = print_pdf(browser, html, tmp_path)
    pages = pdf_pages(pdf)
    assert_prints_well(pages, lesson)
    writing = [p for p in pages if "Writing practice" in p or "謝" in p and "Name" not in p]
    text = "".join(pages)
    assert "謝謝" in text and "沒關係" in text
    assert any("Writing practice" in p for p in pages)
    # the 田字格 boxes and the stroke figures are drawn (the page is not blank below its heading)
    page = next(i for i, p in enumerate(pages, start=1) if "Writing practice" in p)
    assert horizontal_rules(pdf, page, tmp_path, share=0.6) >= 8  # two edges per row of boxes
    assert writing


def test_a_hostile_title_stays_text_in_the_browser(browser, tmp_path):
    hostile = parse_lesson("""\
id = "hostile"
title = "Week 3 </title><script>window.pwned = 1</script> \\"quoted\\" & 'single'"
level = "<img src=x onerror=\\"window.pwned = 2\\">"
[[words]]
hanzi = "把"
pinyin = "ba3"
english = "</td></table><script>window.pwned = 3</script>"
[[words]]
hanzi = "被"
pinyin = "bei4"
english = "by"
""".encode(), "hostile.toml")
    page_file = tmp_path / "w.html"
    page_file.write_text(worksheet_html(hostile, WorksheetOptions(sections=SECTIONS), stroke_orders("把被")))
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(page_file.as_uri())
        assert page.title() == "Week 3 </title><script>window.pwned = 1</script> \"quoted\" & 'single' · worksheet"
        assert page.evaluate("() => window.pwned === undefined")
        assert "</td></table><script>window.pwned = 3</script>" in page.locator("#vocab").inner_text()
        assert requests == [page_file.as_uri()]
    finally:
        page.close()
