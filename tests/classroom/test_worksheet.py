"""Worksheets as HTML: sections, answers that match the exercises, unambiguous matching, escaped text."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from lianxi.classroom.worksheet import (
    DEFAULT_SECTIONS, WorksheetOptions, letters, matching_groups, toneless, worksheet_html, writing_characters,
)
from lianxi.core.classroom import dictation_order
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.strokes import stroke_orders

REPO = Path(__file__).resolve().parents[2]
GREETINGS = REPO / "lessons" / "first-course" / "first-01-greetings.toml"

HOSTILE = """\
id = "hostile"
title = "<script>alert('x')</script> & co"
level = "<b>level</b>"
description = "\\"quoted\\" <i>"
[[words]]
hanzi = "你好"
pinyin = "ni3 hao3"
english = ["<img src=x onerror=alert(1)>", "hi & bye"]
traditional = "<svg onload=alert(2)>"
note = "</td></tr></table>"
[[words]]
hanzi = "女儿"
pinyin = "nü3 er2"
english = "daughter"
"""


def greetings():
    return parse_lesson(GREETINGS.read_bytes(), GREETINGS.name)


def section(page: str, key: str) -> str:
    return page.split(f'id="{key}"')[1].split("</section>")[0]


def test_default_sections_in_order_with_the_answer_key_last():
    page = worksheet_html(greetings())
    assert re.findall(r'<section class="section" id="([a-z]+)"', page) == list(DEFAULT_SECTIONS)
    everything = WorksheetOptions(sections=("key", "writing", "vocab", "tones", "dictation", "matching"))
    page = worksheet_html(greetings(), everything, stroke_orders("你好我"))
    assert re.findall(r'<section class="section" id="([a-z]+)"', page) == \
        ["vocab", "tones", "dictation", "matching", "writing", "key"]


def test_a_name_and_date_line_on_each_exercise_and_the_tutor_line_on_the_key_only():
    page = worksheet_html(greetings())
    for key in ("vocab", "tones", "dictation", "matching"):
        assert section(page, key).count('<div class="name">Name <span></span> Date') == 1
        assert "For the tutor" not in section(page, key)
    assert "For the tutor" in section(page, "key") and 'class="name"' not in section(page, "key")


def test_chosen_sections_and_the_key_only():
    lesson = greetings()
    only_key = worksheet_html(lesson, WorksheetOptions(sections=("key",)))
    assert re.findall(r'id="([a-z]+)"', only_key) == ["key"]
    # the key alone still holds the answers of the usual exercises
    assert "Add the tone marks" in only_key and "Dictation (in the order" in only_key and "Matching" in only_key
    no_key = worksheet_html(lesson, WorksheetOptions(sections=("dictation", "matching")))
    assert re.findall(r'<section class="section" id="([a-z]+)"', no_key) == ["dictation", "matching"]
    assert "Answer key" not in no_key
    tones_key = worksheet_html(lesson, WorksheetOptions(sections=("tones", "key")))
    assert "Add the tone marks" in section(tones_key, "key") and "Dictation (in the order" not in tones_key
    with pytest.raises(ValueError):
        WorksheetOptions(sections=("vocab", "poems"))
    with pytest.raises(ValueError):
        WorksheetOptions(paper="a3")


def test_paper_sizes():
    assert "@page { size: A4;" in worksheet_html(greetings(), WorksheetOptions("a4"))
    assert "@page { size: letter;" in worksheet_html(greetings(), WorksheetOptions("letter"))


def test_self_contained_no_external_fonts_scripts_or_links():
    options = WorksheetOptions(sections=("vocab", "writing", "key"))
    page = worksheet_html(greetings(), options, stroke_orders("".join(writing_characters(greetings(), False))))
    lower = page.lower()
    for banned in ("<script", "<link", "@import", "url(", "http:", "https:", "src=", "@font-face", "<img"):
        assert banned not in lower
    assert "noto sans cjk sc" in lower


def test_all_lesson_text_is_escaped():
    lesson = parse_lesson(HOSTILE.encode(), "h.toml")
    everything = WorksheetOptions(sections=("vocab", "tones", "dictation", "matching", "writing", "key"),
                                  traditional=True)
    for options in (WorksheetOptions(), everything):
        page = worksheet_html(lesson, options, stroke_orders("你好女儿<"))
        assert "<script>" not in page and "<img" not in page and "<b>level" not in page and "<i>" not in page
        assert "<svg onload" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
        assert "&lt;img src=x onerror=alert(1)&gt;; hi &amp; bye" in page
        # nothing may load or run, whatever slips through: the page says so to the browser
        assert "<script" not in page and "default-src 'none'" in page and "script-src 'none'" in page


def test_tone_exercise_shows_pinyin_without_tones_and_the_key_with_them():
    lesson = greetings()
    page = worksheet_html(lesson)
    exercise, key = section(page, "tones"), section(page, "key")
    for word in lesson.words:
        # every reading bare, side by side in the lesson's order (喂 wéi / wèi: wei / wei)
        bare = ' <span class="sep">/</span> '.join(toneless(r.pinyin) for r in word.readings)
        assert f'<td class="toneless py">{bare}</td>' in exercise
        assert word.pinyin in re.sub(r"<[^>]+>", "", key)
    assert toneless("nǚ'ér") == "nü'er" and toneless("Nǐ hǎo, lǎoshī!") == "Ni hao, laoshi!"


def test_meanings_never_show_dictionary_markup():
    from lianxi.classroom.page import meaning

    text = ('id = "m"\ntitle = "M"\nlevel = "x"\n[[words]]\nhanzi = "个"\npinyin = "ge4"\n'
            'english = ["classifier for people", "CL:個|个[ge4]", "to help sb", "see you", "variant of 箇|个[ge4]"]\n')
    (word,) = parse_lesson(text.encode(), "m.toml").words
    assert meaning(word) == "classifier for people; to help someone; see you"
    page = worksheet_html(parse_lesson(text.encode(), "m.toml"))
    assert "CL:" not in page and "variant of" not in page and "[ge4]" not in page


def test_pinyin_is_coloured_by_tone_and_never_wraps():
    page = worksheet_html(greetings())
    vocab = section(page, "vocab")
    # 你好 is not a word of this lesson; 谢谢 is: xiè (4) + xie (neutral)
    assert '<td class="py"><span class="t4">xiè</span><span class="t5">xie</span></td>' in vocab
    assert ".py { white-space: nowrap; }" in page


def test_dictation_has_numbered_blanks_and_the_key_plays_in_class_order():
    lesson = greetings()
    page = worksheet_html(lesson)
    dictation = section(page, "dictation")
    assert dictation.count('<tr><td class="n">') == len(lesson.words)
    assert not any(w.hanzi in dictation for w in lesson.words)  # blanks: no answers on the sheet
    key = page.split("Dictation (in the order the words are played)")[1].split("<h3>")[0]
    assert re.findall(r'lang="zh-Hans">([^<]+)<', key) == [w.hanzi for w in dictation_order(lesson)]


def matching_answers(page: str, traditional: bool = False) -> dict[str, str]:
    """hanzi -> the meaning its number is paired with in the key."""
    matching = section(page, "matching")
    lang = "zh-Hant" if traditional else "zh-Hans"
    rows = re.findall(rf'<td class="label">(\d+)</td><td class="left"><span class="hanzi" lang="{lang}">([^<]+)</span>'
                      r'</td><td class="slot"><span></span></td><td class="label">([a-z]+)</td><td>([^<]*)</td>', matching)
    meaning_of_letter = {letter: gloss for _, _, letter, gloss in rows}
    answers = dict(re.findall(r"(\d+)&nbsp;–&nbsp;([a-z]+)", section(page, "key")))
    return {hanzi: meaning_of_letter[answers[number]] for number, hanzi, _, _ in rows}


def test_matching_key_pairs_each_number_with_its_meaning_and_labels_run_on():
    lesson = greetings()
    page = worksheet_html(lesson)
    got = matching_answers(page)
    from lianxi.classroom.page import meaning

    assert got == {w.hanzi: meaning(w).replace("'", "&#x27;") for w in lesson.words}
    matching = section(page, "matching")
    numbers = [int(n) for n in re.findall(r'<tr><td class="label">(\d+)</td>', matching)]
    labels = re.findall(r'<td class="slot"><span></span></td><td class="label">([a-z]+)</td>', matching)
    assert numbers == list(range(1, len(lesson.words) + 1))  # never restarting in a new group
    assert labels == letters(len(lesson.words))
    assert letters(28)[-3:] == ["z", "aa", "ab"]


@pytest.mark.parametrize("count", [2, 8, 9, 17, 25, 30, 33])
def test_matching_groups_are_balanced_with_no_last_group_of_one(count):
    lesson = parse_lesson((REPO / "lessons" / "hsk" / "hsk2-level1" / "hsk2-1-02.toml").read_bytes(), "x")
    lesson = replace(lesson, words=(lesson.words * 2)[:count]) if count > len(lesson.words) else \
        replace(lesson, words=lesson.words[:count])
    words = list({(w.hanzi, w.numbered): w for w in lesson.words}.values())
    groups = matching_groups(words, "seed")
    sizes = [len(left) for left, _ in groups]
    assert sum(sizes) == len(words) and max(sizes) <= 8 and max(sizes) - min(sizes) <= 1 and min(sizes) >= 2


def test_matching_never_shows_the_same_prompt_or_meaning_twice_in_a_group():
    text = ['id = "same"\ntitle = "Same"\nlevel = "x"']
    # 好 twice (two readings), and three words that all mean "to like"
    for hanzi, pinyin, english in (("好", "hao3", "good"), ("好", "hao4", "to like"), ("喜欢", "xi3huan5", "to like"),
                                   ("爱好", "ai4hao4", "to like"), ("书", "shu1", "book"), ("本", "ben3", "book"),
                                   ("人", "ren2", "person"), ("大", "da4", "big"), ("小", "xiao3", "small")):
        text.append(f'[[words]]\nhanzi = "{hanzi}"\npinyin = "{pinyin}"\nenglish = "{english}"')
    lesson = parse_lesson("\n".join(text).encode(), "same.toml")
    for seed in range(30):
        groups = matching_groups(lesson.words, f"s{seed}")
        assert sum(len(left) for left, _ in groups) == 9
        for left, _ in groups:
            hanzi = [w.hanzi for w in left]
            meanings = [w.meaning for w in left]
            assert len(set(hanzi)) == len(hanzi) and len(set(meanings)) == len(meanings)
            assert len(left) >= 2


def test_matching_never_hands_over_the_word_in_its_own_meaning():
    # CC-CEDICT glosses quote their word (把门关上, 被他吃了): the matching column writes it ～
    text = ['id = "own"\ntitle = "Own"\nlevel = "x"']
    for hanzi, pinyin, english, traditional in (
            ("把", "ba3", '(puts the object before the verb: 把门关上 \\"close the door\\")', "把"),
            ("被", "bei4", "by (marks the passive: 被他吃了 'eaten by him')", "被"),
            ("还是", "hai2shi5", "or (in questions: 茶还是咖啡? 'tea or coffee?')", "還是"),
            ("书", "shu1", "book", "書")):
        text.append(f'[[words]]\nhanzi = "{hanzi}"\npinyin = "{pinyin}"\nenglish = "{english}"\n'
                    f'traditional = "{traditional}"')
    lesson = parse_lesson("\n".join(text).encode(), "own.toml")
    for traditional in (False, True):
        page = worksheet_html(lesson, WorksheetOptions(traditional=traditional))
        got = matching_answers(page, traditional=traditional)
        assert got["還是" if traditional else "还是"] == "or (in questions: 茶～咖啡? &#x27;tea or coffee?&#x27;)"
        assert got["把"].startswith("(puts the object before the verb: ～门关上")
        assert got["被"].startswith("by (marks the passive: ～他吃了")
        assert "把门关上" not in section(page, "matching") and "把门关上" in section(page, "vocab")


def test_traditional_worksheet_uses_the_lessons_traditional_forms():
    lesson = greetings()
    page = worksheet_html(lesson, WorksheetOptions(sections=DEFAULT_SECTIONS + ("writing",), traditional=True),
                          stroke_orders("".join(writing_characters(lesson, True))))
    assert '<span class="hanzi" lang="zh-Hant">謝謝</span>' in section(page, "vocab")
    assert '<span class="small other" lang="zh-Hans">谢谢</span>' in section(page, "vocab")  # the other form, small
    assert "謝謝" in section(page, "matching") and "谢谢" not in section(page, "matching")
    assert matching_answers(page, traditional=True)["謝謝"] == "thank you; thanks"
    assert "Noto Sans CJK TC" in page
    assert writing_characters(lesson, True)[:3] == ["你", "好", "我"] and "謝" in writing_characters(lesson, True)


def test_writing_practice_has_a_grid_per_character_with_its_strokes_and_traces():
    lesson = parse_lesson(HOSTILE.encode(), "h.toml")
    lesson = replace(lesson, words=lesson.words + (replace(lesson.words[1], hanzi="獃", key="獃"),))
    chars = writing_characters(lesson, False)
    assert chars == ["你", "好", "女", "儿", "獃"]
    page = worksheet_html(lesson, WorksheetOptions(sections=("writing",)), stroke_orders("".join(chars)))
    writing = section(page, "writing")
    rows = writing.split('<div class="write">')[1:]
    assert len(rows) == 5
    # 你 has 7 strokes: 7 figures, figure k showing k-1 grey strokes and the new one in black
    assert rows[0].count('<svg class="stroke"') == 7 + 1 + 3  # sequence, model, three traces
    assert rows[0].count('class="new"') == 7 and rows[0].count('class="done"') == 0 + 1 + 2 + 3 + 4 + 5 + 6
    assert rows[0].count('<div class="box">') == 12 and rows[0].count('class="trace"') == 3
    assert 'id="c4f60-6"' in page and 'id="c4f60"' in page  # each stroke defined once, reused
    # a character without stroke data: said so, and traced from the font
    assert "stroke order not available" in rows[4] and rows[4].count('class="trace-font">獃<') == 3
