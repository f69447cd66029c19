"""The projector page in a real Chromium: every round by its keys, what is on screen, sound, strokes, hostile text.

The page is written the way `lianxi class LESSON --html FILE` writes it (real
espeak-ng audio embedded, the shipped stroke data), then driven with the keys a
tutor presses. Screenshots at 1920x1080 and 1280x720 go to the test's folder
(looked at while building the page; the assertions check sizes and text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lianxi.classroom.projector import ProjectorOptions
from lianxi.core.classroom import dictation_order, listening_questions, shuffled, tone_pairs
from lianxi.core.lesson_file import parse_lesson
from lianxi.lexicon import bundled_lexicon
from lianxi.study.class_pages import write_projector_page
from lianxi.study.sound import make_speaker

SEED = 11
LESSON = """\
id = "class-test"
title = "Class test"
level = "HSK 1"
[[words]]
hanzi = "你好"
pinyin = "ni3 hao3"
english = ["hello", "hi"]
[[words]]
hanzi = "谢谢"
pinyin = "xie4 xie5"
english = "thank you"
traditional = "謝謝"
[[words]]
hanzi = "再见"
pinyin = "zai4 jian4"
english = "goodbye"
traditional = "再見"
[[words]]
hanzi = "老师"
pinyin = "lao3 shi1"
english = "teacher"
traditional = "老師"
[[words]]
hanzi = "一起"
pinyin = "yi1 qi3"
english = "together"
[[words]]
hanzi = "不客气"
pinyin = "bu4 ke4 qi5"
english = "you're welcome"
[[words]]
hanzi = "獃子"
pinyin = "dai1 zi5"
english = "a very long meaning that goes on and on so that it has to wrap over several lines on a projector, and must never be cut off at the edge of the screen, whatever the size of the room or the screen, because the class has to read all of it; it keeps going a little further still"
"""
HOSTILE = """\
id = "hostile"
title = "</script><script>window.pwned = 1</script><b>bold</b>"
level = "<i>x</i>"
[[words]]
hanzi = "你好"
pinyin = "ni3 hao3"
english = ["<img src=x onerror=\\"window.pwned = 2\\">", "]]></title>&amp x"]
[[words]]
hanzi = "谢谢"
pinyin = "xie4 xie5"
english = "</script><!-- x"
"""
VIEWPORTS = [(1920, 1080), (1280, 720)]
COLOURS = {1: "rgb(211, 47, 47)", 3: "rgb(46, 125, 50)", 4: "rgb(21, 101, 192)", 5: "rgb(117, 117, 117)"}


@pytest.fixture(scope="module")
def lesson():
    return parse_lesson(LESSON.encode(), "class-test.toml")


@pytest.fixture(scope="module")
def page_file(lesson, tmp_path_factory):
    folder = tmp_path_factory.mktemp("projector")
    speaker = make_speaker(folder / "cache")
    assert speaker.check() is None
    written = write_projector_page(lesson, folder / "class.html", ProjectorOptions(SEED, lexicon=bundled_lexicon()),
                                   speaker)
    assert written.with_sound == 7 and written.no_strokes == "獃"
    return written.path


def open_page(browser, path: Path, size=(1280, 720)):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.outside, page.errors = outside, errors
    return page


def text(page, selector: str) -> str:
    return page.locator(selector).inner_text()


def visible(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).visibility === 'visible' && !e.hidden"
                                           " && e.getBoundingClientRect().height > 0")


def box(page, selector: str) -> dict:
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); "
                                           "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, "
                                           "height: r.height, font: parseFloat(getComputedStyle(e).fontSize)}; }")


@pytest.mark.parametrize("size", VIEWPORTS)
def test_words_round_big_hanzi_reveal_colours_and_moving_on(browser, page_file, lesson, size, tmp_path):
    page = open_page(browser, page_file, size)
    order = [w.hanzi for w in shuffled(lesson.words, f"{SEED}:words")]
    first = order[0]
    assert text(page, "#hanzi") == first and text(page, "#round") == "1 / 7"
    assert text(page, "#where") == "Class test · Words"
    # a two-character word fills at least a third of the screen's height, and fits its width
    glyphs = box(page, "#hanzi")
    assert glyphs["font"] >= size[1] / 3 and glyphs["height"] >= size[1] / 3
    assert glyphs["left"] >= 0 and glyphs["right"] <= size[0]
    assert not visible(page, "#pinyin") and not visible(page, "#meaning")
    page.screenshot(path=str(tmp_path / f"words-{size[0]}-hidden.png"))
    page.keyboard.press(" ")
    assert visible(page, "#pinyin") and not visible(page, "#meaning")
    word = next(w for w in lesson.words if w.hanzi == first)
    assert text(page, "#pinyin") == word.pinyin
    page.keyboard.press(" ")
    assert visible(page, "#meaning") and text(page, "#meaning") == word.meaning
    # tone colours on each syllable, marks kept
    spans = page.eval_on_selector_all("#pinyin span", "s => s.map(e => [e.textContent, getComputedStyle(e).color])")
    tones = [s.tone for s in word.syllables]
    assert [c for _, c in spans if _.strip()] == [COLOURS.get(t, c) for t, (_, c) in zip(tones, spans)]
    page.screenshot(path=str(tmp_path / f"words-{size[0]}-shown.png"))
    seen = [first]
    for key in ("n", "ArrowRight", "n", "n", "ArrowRight", "n"):
        page.keyboard.press(key)
        seen.append(text(page, "#hanzi"))
        assert not visible(page, "#pinyin")  # a new word starts hidden
    assert seen == order
    page.keyboard.press("ArrowLeft")
    assert text(page, "#hanzi") == order[5]
    page.keyboard.press("b")
    assert text(page, "#hanzi") == order[4] and text(page, "#round") == "5 / 7"
    for _ in range(3):
        page.keyboard.press("n")
    assert text(page, "#hanzi") == "Done!"
    page.keyboard.press("n")  # again from the start
    assert text(page, "#hanzi") == order[0]
    assert page.errors == [] and page.outside == []
    page.close()


def test_a_long_meaning_wraps_and_is_never_cut(browser, page_file, lesson):
    for size in VIEWPORTS:
        page = open_page(browser, page_file, size)
        order = [w.hanzi for w in shuffled(lesson.words, f"{SEED}:words")]
        for _ in range(order.index("獃子")):
            page.keyboard.press("n")
        page.keyboard.press(" ")
        page.keyboard.press(" ")
        meaning = box(page, "#meaning")
        stage = box(page, "#stage")
        assert text(page, "#meaning").startswith("a very long meaning") and text(page, "#meaning").endswith("further still")
        assert stage["top"] <= meaning["top"] and meaning["bottom"] <= stage["bottom"]
        assert 0 <= meaning["left"] and meaning["right"] <= size[0]
        assert meaning["height"] > 2 * meaning["font"]  # wrapped over lines, not cut on one
        assert page.eval_on_selector("#stage", "s => s.scrollHeight <= s.clientHeight + 1")
        assert box(page, "#hanzi")["font"] >= size[1] * 0.2
        page.close()


def test_tone_pairs_say_how_the_tones_are_said(browser, page_file, lesson):
    page = open_page(browser, page_file)
    page.keyboard.press("t")
    assert text(page, "#where") == "Class test · Tone pairs"
    labels = {}
    for pair in tone_pairs(lesson, f"{SEED}:tones", lexicon=bundled_lexicon()):
        assert text(page, "#hanzi") == pair.word.hanzi and text(page, "#pinyin") == "Which tones?"
        page.keyboard.press(" ")
        labels[pair.word.hanzi] = " ".join(text(page, "#pinyin").split())
        page.keyboard.press(" ")
        assert text(page, "#meaning") == pair.word.meaning
        page.keyboard.press("n")
    # written from the rules: 3-3 is said 2-3; 4 + neutral and 4-4 and 3-1 are said as written
    assert labels == {"你好": "nǐ hǎo tones 3 + 3 (said 2 + 3)", "谢谢": "xiè xie tones 4 + neutral",
                      "再见": "zài jiàn tones 4 + 4", "老师": "lǎo shī tones 3 + 1",
                      "獃子": "dāi zi tones 1 + neutral", "一起": "yī qǐ tones 1 + 3 (said 4 + 3)",
                      "不客气": "bù kè qi tones 4 + 4 + neutral (said 2 + 4 + neutral)"}
    page.close()


def test_listening_plays_at_once_with_four_choices_and_reveals_the_right_one(browser, page_file, lesson):
    page = open_page(browser, page_file)
    audio = page.eval_on_selector_all(
        "audio", "a => a.map(e => [e.id, e.canPlayType('audio/wav'), e.src.slice(0, 22)])")
    assert [a[0] for a in audio] == [f"audio-{i}" for i in range(7)]
    assert all(a[1] in ("maybe", "probably") and a[2] == "data:audio/wav;base64," for a in audio)
    durations = page.evaluate("""() => Promise.all(Array.from(document.querySelectorAll('audio')).map(a =>
        a.readyState >= 1 ? a.duration : new Promise(r => a.addEventListener('loadedmetadata', () => r(a.duration)))))""")
    assert all(0.2 < d < 5 for d in durations)  # real words, decoded by the browser
    page.keyboard.press("l")
    questions = listening_questions(lesson, f"{SEED}:listen")
    first = questions[0]
    options = page.eval_on_selector_all("#options .option .h", "o => o.map(e => e.textContent)")
    assert options == [o.hanzi for o in first.options] and len(options) == 4
    assert text(page, "#pinyin") == "Which word do you hear?"
    index = lesson.words.index(first.word)
    playing = page.wait_for_function(f"() => document.getElementById('audio-{index}').currentTime > 0")
    assert playing
    page.keyboard.press(" ")
    right = page.eval_on_selector_all("#options .option.right .h", "o => o.map(e => e.textContent)")
    assert right == [first.word.hanzi] and text(page, "#pinyin") == first.word.pinyin
    page.keyboard.press("p")  # again
    assert page.eval_on_selector(f"#audio-{index}", "a => !a.paused || a.ended || a.currentTime > 0")
    page.close()


def test_dictation_plays_in_the_worksheet_order(browser, page_file, lesson):
    page = open_page(browser, page_file)
    page.keyboard.press("d")
    order = dictation_order(lesson)
    for n, word in enumerate(order, start=1):
        assert text(page, "#hanzi") == str(n) and text(page, "#pinyin") == "Listen and write"
        index = lesson.words.index(word)
        page.wait_for_function(f"() => document.getElementById('audio-{index}').currentTime > 0")
        page.keyboard.press(" ")
        assert text(page, "#hanzi") == word.hanzi and text(page, "#pinyin") == word.pinyin
        page.keyboard.press("n")
    assert text(page, "#hanzi") == "Done!"
    page.close()


def test_stroke_order_animates_each_stroke_and_says_when_it_has_none(browser, page_file, lesson, tmp_path):
    page = open_page(browser, page_file, (1920, 1080))
    order = [w.hanzi for w in shuffled(lesson.words, f"{SEED}:words")]
    for _ in range(order.index("谢谢")):
        page.keyboard.press("n")
    page.keyboard.press("s")
    chars = page.eval_on_selector_all("#strokes svg.char", "s => s.map(e => [e.dataset.char, "
                                                           "e.querySelectorAll('path.ink').length])")
    assert chars == [["谢", 12], ["谢", 12]]
    assert not visible(page, "#hanzi")
    page.wait_for_timeout(1500)
    page.screenshot(path=str(tmp_path / "strokes-during.png"))
    page.evaluate("() => document.getAnimations().forEach(a => { a.playbackRate = 20; })")  # the clock is an edge
    page.wait_for_function("() => document.getAnimations().length > 0 && "
                           "document.getAnimations().every(a => a.playState === 'finished')", timeout=30000)
    drawn = page.eval_on_selector_all("#strokes path.ink", "p => p.map(e => getComputedStyle(e).strokeDashoffset)")
    assert all(abs(float(offset.removesuffix("px"))) < 0.01 for offset in drawn)  # every stroke drawn to its end
    page.screenshot(path=str(tmp_path / "strokes-done.png"))
    page.keyboard.press("Escape")
    assert text(page, "#hanzi") == "谢谢" and visible(page, "#hanzi")
    for _ in range(order.index("獃子") - order.index("谢谢")):
        page.keyboard.press("n")
    page.keyboard.press("s")
    assert page.eval_on_selector_all("#strokes svg.char", "s => s.map(e => e.dataset.char)") == ["子"]
    assert "no stroke order for 獃" in text(page, "#strokes")
    page.close()


def test_help_buttons_and_touch(browser, page_file, lesson):
    page = open_page(browser, page_file)
    page.keyboard.press("?")
    assert visible(page, "#help") and "stroke order" in text(page, "#help")
    assert f"--seed {SEED}" in text(page, "#help")
    page.keyboard.press("Escape")
    assert page.eval_on_selector("#help", "e => e.hidden")
    order = [w.hanzi for w in shuffled(lesson.words, f"{SEED}:words")]
    page.click("#b-reveal")
    assert visible(page, "#pinyin")
    page.click("#b-next")
    assert text(page, "#hanzi") == order[1]
    page.click("#b-prev")
    assert text(page, "#hanzi") == order[0]
    page.click("#b-tones")
    assert text(page, "#where").endswith("Tone pairs")
    assert page.eval_on_selector("#b-tones", "b => b.classList.contains('on')")
    page.keyboard.press(" ")  # after a click, space reveals once (the button does not take the key)
    assert "tones" in text(page, "#pinyin") and not visible(page, "#meaning")
    page.close()


def test_traditional_page(browser, lesson, tmp_path):
    written = write_projector_page(lesson, tmp_path / "t.html", ProjectorOptions(3, traditional=True))
    assert written.with_sound == 0
    page = open_page(browser, written.path)
    seen = set()
    for _ in range(7):
        seen.add(text(page, "#hanzi"))
        page.keyboard.press("n")
    assert seen == {"你好", "謝謝", "再見", "老師", "一起", "不客气", "獃子"}
    assert page.eval_on_selector("#hanzi", "e => e.lang") == "zh-Hant"
    page.keyboard.press("w")
    page.keyboard.press("p")
    assert "No sound" in text(page, "#hint")
    page.close()


def test_lesson_text_is_only_ever_text(browser, tmp_path):
    lesson = parse_lesson(HOSTILE.encode(), "hostile.toml")
    written = write_projector_page(lesson, tmp_path / "h.html", ProjectorOptions(5))
    html = written.path.read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html and "<img" not in html and "<b>bold" not in html
    assert html.count("<script") == 2  # the data and the page's own script, nothing from a lesson
    assert 'http-equiv="Content-Security-Policy"' in html and "default-src 'none'" in html
    page = open_page(browser, written.path)
    assert page.evaluate("() => window.pwned === undefined")
    assert page.title() == "</script><script>window.pwned = 1</script><b>bold</b> · Lianxi class"
    assert text(page, "#where").startswith("</script><script>")
    for _ in range(2):
        page.keyboard.press(" ")
        page.keyboard.press(" ")
        page.keyboard.press("n")
    page.keyboard.press("w")
    shown = set()
    for _ in range(2):
        page.keyboard.press(" ")
        page.keyboard.press(" ")
        shown.add(text(page, "#meaning"))
        page.keyboard.press("n")
    assert '<img src=x onerror="window.pwned = 2">; ]]></title>&amp x' in shown
    assert page.evaluate("() => window.pwned === undefined") and page.errors == [] and page.outside == []
    page.close()
