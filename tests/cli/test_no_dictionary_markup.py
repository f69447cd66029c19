"""No raw CC-CEDICT markup anywhere a learner or tutor reads (issue 9, part 2).

The rule: what CC-CEDICT writes for its own editors - `|` between traditional and
simplified, numbered pinyin in brackets ([pin1 yin1]), "variant of ...", "erhua variant
of ...", "old variant of ...", "surname Wang", "CL:", "see also 某[...]", "Kangxi radical" -
is never shown. core.glosses turns a pointer into the glosses of the word it points to,
or names that word ("same as 人 (rén)"). Scanned here: every string of every bundled lesson
file, and the real outputs of lookup, lookup --full, grade, from-list (its file and its
CHECK lines), classroom HTML, worksheets and the Anki text / Pleco exports, for words whose
CC-CEDICT entries are full of that markup.
"""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from lianxi.cli import cli

from samples import DICTIONARY_MARKUP, MARKUP_SAMPLE, dictionary_markup

REPO = Path(__file__).resolve().parents[2]
MARKUP = DICTIONARY_MARKUP
SAMPLE = MARKUP_SAMPLE
raw = dictionary_markup


def run(*args, data_dir: Path):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


def strings(value, where: str):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{where}[{index}]")


def test_no_bundled_lesson_shows_dictionary_markup():
    files = sorted((REPO / "lessons").rglob("*.toml"))
    assert len(files) > 500  # the HSK lessons and the first course
    found = [f"{path.relative_to(REPO)} {where}: {text!r}"
             for path in files
             for where, text in strings(tomllib.loads(path.read_text(encoding="utf-8")), "")
             if MARKUP.search(text)]
    assert found == []


def test_the_scan_sees_raw_markup():
    # The scan itself must be able to fail: these are CC-CEDICT's own forms.
    for sense in ("CL:個|个[ge4]", "erhua variant of 哪裡|哪里[na3 li3]", "surname Wang",
                  "variant of 你[ni3]", "old variant of 週|周[zhou1]", "see also 某[mou3]"):
        assert raw(sense), sense


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "data"


# lookup and lookup --full: tests/cli/test_dictionary_cli.py (it builds the dictionary index once).


def test_grading_names_other_readings_in_a_learners_words(folder):
    for word, typed in (("女", "ru3"), ("的", "di4"), ("绿", "lu4"), ("只", "zhi1"), ("了", "liao3"),
                        ("哪儿", "na3"), ("长", "zhang3"), ("个", "ge3")):
        result = run("grade", word, typed, data_dir=folder)
        assert result.exit_code == 0, result.output
        assert raw(result.output) == [], (word, typed, result.output)


def test_from_list_and_everything_made_from_it_show_no_markup(folder, tmp_path):
    words = tmp_path / "sample.txt"
    words.write_text("\n".join(SAMPLE) + "\n", encoding="utf-8")
    lesson = tmp_path / "sample.toml"
    made = run("lessons", "from-list", str(words), "--out", str(lesson), data_dir=folder)
    assert made.exit_code == 0, made.output
    assert raw(made.output) == []  # the CHECK lines a tutor reads
    assert raw(lesson.read_text(encoding="utf-8")) == []
    # what a class sees and a tutor prints or shares
    page = tmp_path / "class.html"
    sheet = tmp_path / "sheet.html"
    tsv, pleco = tmp_path / "anki.tsv", tmp_path / "pleco.txt"
    for args in (("class", str(lesson), "--html", str(page), "--seed", "1"),
                 ("worksheet", str(lesson), "--out", str(sheet)),
                 ("lessons", "export", str(lesson), "--tsv", str(tsv)),
                 ("lessons", "export", str(lesson), "--pleco", str(pleco))):
        result = run(*args, data_dir=folder)
        assert result.exit_code == 0, (args, result.output)
    for exported in (tsv, pleco):
        assert raw(exported.read_text(encoding="utf-8")) == [], exported.name
    for written in (page, sheet):
        assert shown_text_markup(written.read_text(encoding="utf-8")) == [], written.name


def test_bundled_lessons_with_several_readings_print_and_project_cleanly(folder, tmp_path):
    # hsk2-1-04 has 喂 and 的-like particles; hsk2-3-01 has 只 with its other reading zhī 隻
    for lesson in ("hsk2-1-04", "hsk2-3-01", "first-02-people"):
        page, sheet = tmp_path / f"{lesson}.html", tmp_path / f"{lesson}-sheet.html"
        assert run("class", lesson, "--html", str(page), "--seed", "1", data_dir=folder).exit_code == 0
        assert run("worksheet", lesson, "--out", str(sheet), data_dir=folder).exit_code == 0
        for written in (page, sheet):
            assert shown_text_markup(written.read_text(encoding="utf-8")) == [], written.name


def shown_text_markup(page: str) -> list[str]:
    """Markup in what an HTML page shows: its text and its word data, not its script code or CSS."""
    page = re.sub(r"<style.*?</style>", "", page, flags=re.S)
    data = re.findall(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', page, flags=re.S)
    page = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", page))
    found = raw(text)
    for block in data:
        found += [s for s in re.findall(r'"((?:[^"\\]|\\.)*)"', block) if MARKUP.search(s)]
    return found


def test_scan_of_html_finds_markup_in_the_page_text():
    page = '<p>classifier for people, CL:個|个[ge4]</p><script>if (a || b) {}</script>'
    assert shown_text_markup(page) == ["classifier for people, CL:個|个[ge4]"]
