"""Hostile or broken lesson files: a typed error naming the line, fast and small; never a crash.

Each case is a file a person could hand a learner (by mistake or on purpose). The rules:
one-line fields hold one line of plain text; no control characters anywhere; nesting,
dotted names, line length and unbroken pinyin are bounded so parsing stays quick.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.lessons import LessonProblems

HEAD = 'id = "hostile"\ntitle = "Week 3"\nlevel = "HSK 1"\n'
WORD = '[[words]]\nhanzi = "你好"\npinyin = "ni3 hao3"\nenglish = "hello"\n'


def problems(text: str) -> list[str]:
    with pytest.raises(LessonProblems) as caught:
        parse_lesson(text.encode("utf-8"), "bad.toml")
    return [str(e) for e in caught.value.errors]


@pytest.mark.parametrize("field, value", [
    ("title", "Week 3\\u001b[31m red"),
    ("title", "two\\nlines"),
    ("title", "bell\\u0007"),
    ("level", "carriage\\rreturn"),
    ("title", "flipped \\u202etxet"),
    ("description", "escape \\u001b[2J"),
])
def test_control_characters_and_line_breaks_are_refused_in_lesson_fields(field, value):
    text = HEAD.replace(f'{field} = "', f'{field} = "{value}') if field in ("title", "level") \
        else HEAD + f'{field} = "{value}"\n'
    found = problems(text + WORD)
    assert any(f"bad.toml:" in p and f": {field}: has " in p and "control character" in p for p in found), found


@pytest.mark.parametrize("field", ["english", "note", "example_english", "measure_word", "tags"])
def test_control_characters_in_word_fields_are_refused_with_their_line(field):
    value = '["a\\u001b]0;owned\\u0007"]' if field in ("english", "tags") else '"a\\u001b[31m"'
    lines = ["[[words]]", 'hanzi = "你好"', 'pinyin = "ni3 hao3"', f"{field} = {value}"]
    if field != "english":
        lines.append('english = "hello"')
    found = problems(HEAD + "\n".join(lines) + "\n")
    assert len(found) == 1 and found[0].startswith(f"bad.toml:7: {field}: has ") and "control character" in found[0]


@pytest.mark.parametrize("raw", ["\x1b[31m", "\x07", "\x1b"])
def test_a_raw_control_character_is_one_problem_on_its_line(raw):
    # TOML cannot hold one even in a comment: it is named once, not once per retry
    found = problems(HEAD.replace('"Week 3"', f'"Week 3 {raw}red"') + WORD)
    assert found == ["bad.toml:2: toml: this line holds a control character (such as an escape code "
                     "copied from a terminal): delete it; a lesson file is plain text"]


def test_line_breaks_are_fine_in_notes_and_descriptions():
    lesson = parse_lesson((HEAD + 'description = """Two\nlines"""\n' + WORD + 'note = "a\\nb"\n').encode(), "ok.toml")
    assert lesson.description == "Two\nlines" and lesson.words[0].note == "a\nb"


CASES = [
    ("deep brackets", "a = " + "[" * 100_000 + "]" * 100_000 + "\n", 4, "characters long"),
    ("deep over lines", "a = " + "[\n" * 50 + "]\n" * 50, 20, "nest more than 16"),
    ("deep inline tables", "a = " + "{b = " * 20 + "1" + "}" * 20 + "\n", 4, "nest more than 16"),
    ("long dotted name", ".".join(["k"] * 1_000) + " = 1\n", 4, "more than 8 parts"),
    ("dotted names in a table", "a = {" + ", ".join(".".join(["k"] * 50) + f"{i} = 1" for i in range(3)) + "}\n",
     4, "more than 8 parts"),
    ("long pinyin", WORD.replace("ni3 hao3", "a" * 9_000), 6, "runs 9000 letters together"),
]


@pytest.mark.parametrize("name, body, line, says", CASES, ids=[c[0] for c in CASES])
def test_pathological_files_fail_fast_in_little_memory(name, body, line, says):
    tracemalloc.start()
    started = time.process_time()  # CPU seconds: the shared machine's load stretches only the wall clock
    found = problems(HEAD + body)
    took = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(found) == 1 and f"bad.toml:{line}:" in found[0] and says in found[0], found
    assert took < 2.0, f"{name} took {took:.1f} s"
    assert peak < 50 * 1024 * 1024, f"{name} used {peak / 1e6:.0f} MB"


def test_brackets_and_dots_inside_strings_and_comments_do_not_count():
    text = (HEAD + "# a.b.c.d.e.f.g.h.i.j [[[[[[[[[[[[[[[[[[\n" + WORD
            + 'note = "[[[[[[[[[[[[[[[[[[[[ a.b.c.d.e.f.g.h.i.j \\" ]"\n'
            + "example_english = '{{{{{{{{{{{{{{{{{{{{'\n")
    lesson = parse_lesson(text.encode(), "ok.toml")
    assert lesson.words[0].note.startswith("[[[[")


def test_markup_like_text_is_plain_data_and_passes():
    """Square brackets are ordinary text in a lesson: the screens must show them, not obey them."""
    text = HEAD.replace("Week 3", "Week 3 [/]") + WORD.replace('"hello"', '["[@click=app.quit]hi[/]", "[link=x]y"]')
    lesson = parse_lesson(text.encode(), "ok.toml")
    assert lesson.title == "Week 3 [/]" and lesson.words[0].english == ("[@click=app.quit]hi[/]", "[link=x]y")
