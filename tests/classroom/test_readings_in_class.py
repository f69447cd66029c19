"""A word with several readings in class and on paper: every reading shown with its meaning.

Real bundled lessons (hsk2-2-01 teaches 还 hái/huán, 着 zhe/zháo, 为 wèi/wéi and 得 de/dé/děi;
hsk2-3-01 teaches 只 zhǐ and zhī, which traditional writes 隻), the projector page and the
worksheet in a real Chromium (the worksheet printed to PDF and read back). Screenshots go to
the test's folder; they were looked at while building the layout.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from chromium import pdf_pages, print_pdf
from lianxi.classroom.projector import ProjectorOptions, projector_html
from lianxi.classroom.worksheet import WorksheetOptions, toneless, worksheet_html
from lianxi.core.classroom import shuffled
from lianxi.core.lesson_file import parse_lesson

REPO = Path(__file__).resolve().parents[2]
LEVEL2 = REPO / "lessons" / "hsk" / "hsk2-level2" / "hsk2-2-01.toml"
LEVEL3 = REPO / "lessons" / "hsk" / "hsk2-level3" / "hsk2-3-01.toml"
SEED = 5


@pytest.fixture(scope="module")
def lesson():
    return parse_lesson(LEVEL2.read_bytes(), LEVEL2.name)


@pytest.fixture(scope="module")
def zhi_lesson():
    whole = parse_lesson(LEVEL3.read_bytes(), LEVEL3.name)
    return replace(whole, words=tuple(w for w in whole.words if w.hanzi in ("只", "更")))


def word(lesson, hanzi):
    return next(w for w in lesson.words if w.hanzi == hanzi)


def test_the_bundled_lesson_teaches_these_readings(lesson, zhi_lesson):
    # written from the HSK syllabi: the readings a teacher expects these cards to teach
    assert [r.pinyin for r in word(lesson, "得").readings] == ["de", "dé", "děi"]
    assert [r.pinyin for r in word(lesson, "还").readings] == ["hái", "huán"]
    zhi = word(zhi_lesson, "只")
    assert [(r.pinyin, r.traditional) for r in zhi.other_readings] == [("zhī", "隻")]


# -- the projector page -----------------------------------------------------------------------

def open_at(browser, path: Path, lesson, hanzi: str, size=(1280, 720)):
    """The page in the words round, moved on to `hanzi`, pinyin and meaning revealed."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(path.as_uri())
    order = [w.hanzi for w in shuffled(lesson.words, f"{SEED}:words")]
    for _ in range(order.index(hanzi)):
        page.keyboard.press("n")
    assert page.locator("#hanzi").inner_text() == hanzi
    page.keyboard.press(" ")
    return page


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_projector_shows_each_reading_with_its_meaning(browser, lesson, tmp_path, size):
    path = tmp_path / "class.html"
    path.write_text(projector_html(lesson, ProjectorOptions(SEED)), encoding="utf-8")
    de = word(lesson, "得")
    page = open_at(browser, path, lesson, "得", size)
    assert page.locator("#pinyin").inner_text() == "de · dé · děi"
    page.keyboard.press(" ")
    lines = page.locator("#meaning .reading").all_inner_texts()
    assert len(lines) == 3
    for line, reading in zip(lines, de.readings):
        pinyin, _, meaning = line.partition(" ")
        assert pinyin == reading.pinyin and meaning.strip() == reading.meaning
    # each reading's pinyin in its own tone colours: dé rising (orange), děi dipping (green)
    colours = page.eval_on_selector_all("#meaning .rp span", "s => s.map(e => getComputedStyle(e).color)")
    assert colours == ["rgb(117, 117, 117)", "rgb(230, 81, 0)", "rgb(46, 125, 50)"]
    # all of it on screen: nothing cut, the hanzi still large
    assert page.eval_on_selector("#stage", "s => s.scrollHeight <= s.clientHeight + 1")
    assert page.eval_on_selector("#hanzi", "e => parseFloat(getComputedStyle(e).fontSize)") >= size[1] * 0.2
    page.screenshot(path=str(tmp_path / f"de-{size[0]}.png"))
    page.close()


def test_a_word_with_one_reading_looks_as_before(browser, lesson, tmp_path):
    path = tmp_path / "class.html"
    path.write_text(projector_html(lesson, ProjectorOptions(SEED)), encoding="utf-8")
    plain = next(w for w in lesson.words if not w.other_readings)
    page = open_at(browser, path, lesson, plain.hanzi)
    page.keyboard.press(" ")
    assert page.locator("#pinyin").inner_text() == plain.pinyin
    assert page.locator("#meaning").inner_text() == plain.meaning
    assert page.locator("#meaning .reading").count() == 0
    page.close()


def test_tone_pairs_keep_the_main_reading_and_a_traditional_class_reads_zhi_as_its_own_character(
        browser, zhi_lesson, tmp_path):
    path = tmp_path / "class.html"
    path.write_text(projector_html(zhi_lesson, ProjectorOptions(SEED, traditional=True)), encoding="utf-8")
    page = open_at(browser, path, zhi_lesson, "只")
    assert page.locator("#pinyin").inner_text() == "zhǐ · zhī"
    page.keyboard.press(" ")
    lines = page.locator("#meaning .reading").all_inner_texts()
    assert lines[0].startswith("zhǐ") and "only" in lines[0]
    assert lines[1].startswith("隻") and "zhī" in lines[1] and "classifier for birds" in lines[1]
    page.screenshot(path=str(tmp_path / "zhi-traditional.png"))
    page.close()


# -- the worksheet ------------------------------------------------------------------------------

def test_the_worksheet_gives_every_reading_its_meaning_on_paper(browser, lesson, tmp_path):
    pdf = print_pdf(browser, worksheet_html(lesson, WorksheetOptions("a4")), tmp_path)
    pages = pdf_pages(pdf)
    vocabulary = pages[0] + pages[1]
    start = next(i for i, p in enumerate(pages) if "Add the tone marks" in p)
    end = next(i for i, p in enumerate(pages) if "Listen. Write each word" in p)
    tones = "".join(pages[start:end])
    key = "".join(p for p in pages if "Answer key" in p or "Dictation (in the order" in p)
    flat = " ".join(vocabulary.split())
    for hanzi in ("得", "还", "着", "为"):
        for reading in word(lesson, hanzi).readings:
            assert reading.pinyin in vocabulary, reading.pinyin
            # the reading and the start of its meaning on one line, so a reader pairs them
            start = " ".join(reading.english[0].split()[:2])
            assert f"{reading.pinyin} {start}" in flat, (hanzi, reading.pinyin)
    # the tone exercise asks for every reading's tones, and its meanings do not give them away
    for reading in word(lesson, "得").readings:
        start = " ".join(reading.english[0].split()[:2])
        assert f"{toneless(reading.pinyin)} {start}" in " ".join(tones.split())
    assert "dé" not in tones and "děi" not in tones
    # the key has them all, the main reading (the one played in the dictation) first
    assert "de / dé / děi" in " ".join(key.split())


def test_a_traditional_worksheet_names_the_spelling_of_a_reading(zhi_lesson):
    html = worksheet_html(zhi_lesson, WorksheetOptions("a4", traditional=True))
    assert '<span class="rh" lang="zh-Hant">隻</span>' in html
    simplified = worksheet_html(zhi_lesson, WorksheetOptions("a4"))
    assert 'class="rh"' not in simplified  # 只 is the simplified spelling of both readings
