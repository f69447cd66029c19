"""Worksheets: every section, answers that match the exercises, escaped text, nothing external."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lianxi.core.classroom import dictation_order
from lianxi.core.lessons import parse_lesson
from lianxi.core.worksheet import toneless, worksheet_html

GREETINGS = Path(__file__).resolve().parents[2] / "lessons" / "first-course" / "first-01-greetings.toml"

HOSTILE = """\
id = "hostile"
title = "<script>alert('x')</script> & co"
level = "<b>level</b>"
description = "\\"quoted\\" <i>"
[[words]]
hanzi = "你好"
pinyin = "ni3 hao3"
english = ["<img src=x onerror=alert(1)>", "hi & bye"]
note = "</td></tr></table>"
[[words]]
hanzi = "女儿"
pinyin = "nü3 er2"
english = "daughter"
"""


def greetings():
    return parse_lesson(GREETINGS.read_bytes(), GREETINGS.name)


def test_every_section_in_order_with_the_answer_key_last():
    page = worksheet_html(greetings())
    ids = re.findall(r'<section class="section[^"]*" id="([a-z-]+)"', page)
    assert ids == ["vocabulary", "tones", "dictation", "matching", "answer-key"]
    assert page.count('class="section') == 5  # each starts a page (break-before: page)


def test_paper_sizes():
    assert "@page { size: A4;" in worksheet_html(greetings(), "a4")
    assert "@page { size: letter;" in worksheet_html(greetings(), "letter")
    with pytest.raises(ValueError):
        worksheet_html(greetings(), "a3")


def test_self_contained_no_external_fonts_scripts_or_links():
    page = worksheet_html(greetings()).lower()
    for banned in ("<script", "<link", "@import", "url(", "http:", "https:", "src=", "@font-face"):
        assert banned not in page
    assert "noto sans cjk sc" in page


def test_all_lesson_text_is_escaped():
    page = worksheet_html(parse_lesson(HOSTILE.encode(), "h.toml"))
    assert "<script>" not in page and "<img" not in page and "<b>level" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
    assert "&lt;img src=x onerror=alert(1)&gt;; hi &amp; bye" in page


def test_tone_exercise_shows_pinyin_without_tones_and_the_key_with_them():
    lesson = greetings()
    page = worksheet_html(lesson)
    exercise, key = page.split('id="answer-key"')
    for word in lesson.words:
        assert f'<td class="toneless">{toneless(word.pinyin)}</td>' in exercise
        assert word.pinyin in key
    assert toneless("nǚ'ér") == "nü'er" and toneless("Nǐ hǎo, lǎoshī!") == "Ni hao, laoshi!"


def test_dictation_has_numbered_blanks_and_the_key_plays_in_class_order():
    lesson = greetings()
    page = worksheet_html(lesson)
    dictation = page.split('id="dictation"')[1].split("</section>")[0]
    assert dictation.count("<tr><td class=\"n\">") == len(lesson.words)
    assert not any(w.hanzi in dictation for w in lesson.words)  # blanks: no answers on the sheet
    key = page.split("Dictation (in the order the words are played)")[1].split("<h3>")[0]
    assert re.findall(r'lang="zh-Hans">([^<]+)<', key) == [w.hanzi for w in dictation_order(lesson)]


def test_matching_key_pairs_each_number_with_its_meaning():
    lesson = greetings()
    page = worksheet_html(lesson)
    matching = page.split('id="matching"')[1].split("</section>")[0]
    groups = re.findall(r'<ol start="(\d+)">(.*?)</ol><ol class="meanings" type="a">(.*?)</ol>', matching)
    assert sum(len(re.findall("<li>", left)) for _, left, _ in groups) == len(lesson.words)
    meaning_of = {w.hanzi: w.meaning for w in lesson.words}
    answers = dict(re.findall(r"(\d+)&nbsp;–&nbsp;([a-z]+)", page.split('id="answer-key"')[1]))
    for start, left, right in groups:
        hanzi = re.findall(r'lang="zh-Hans">([^<]+)<', left)
        meanings = re.findall(r"<li>([^<]*)</li>", right)
        for offset, h in enumerate(hanzi):
            letter = answers[str(int(start) + offset)]
            assert meanings[ord(letter) - ord("a")] == meaning_of[h].replace("'", "&#x27;")


def test_no_name_line_or_anything_about_a_learner():
    page = worksheet_html(parse_lesson(HOSTILE.encode(), "h.toml")).lower()
    for field in ("name:", "student", "class:", "email", "date of birth"):
        assert field not in page
