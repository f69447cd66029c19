"""A tutor's lesson may not take the id of a lesson that comes with Lianxi: refused, never replaced."""

import pytest

from lianxi import paths
from lianxi.core.lessons import LessonProblems
from lianxi.study import read_lesson_files

MINE = """\
id = "first-01-greetings"
title = "My greetings"
level = "Evening class"

[[words]]
hanzi = "你好"
pinyin = "nǐ hǎo"
english = "hello"
"""


def test_a_bundled_id_in_a_tutors_file_is_refused_with_what_to_do(tmp_path):
    mine = tmp_path / "greetings.toml"
    mine.write_text(MINE, encoding="utf-8")
    with pytest.raises(LessonProblems) as caught:
        read_lesson_files([mine])
    (found,) = [str(e) for e in caught.value.errors]
    assert found.startswith(f"{mine}:1: id: 'first-01-greetings' is already the id of a lesson that comes with "
                            "Lianxi (first-course/first-01-greetings.toml)")
    assert 'give your lesson its own id, like id = "first-01-greetings-ours"' in found


def test_a_copy_of_a_bundled_lesson_says_start_it_instead(tmp_path):
    bundled = paths.bundled_lessons_dir() / "first-course" / "first-01-greetings.toml"
    copy = tmp_path / "copy.toml"
    copy.write_bytes(bundled.read_bytes())
    with pytest.raises(LessonProblems, match="start it with `lianxi lessons start first-01-greetings`"):
        read_lesson_files([copy])


def test_importing_refuses_it_and_stores_nothing(learner, tmp_path):
    mine = tmp_path / "greetings.toml"
    mine.write_text(MINE.replace('id = "first', '\nid = "first'), encoding="utf-8")
    with pytest.raises(LessonProblems, match=r"greetings.toml:2: id: 'first-01-greetings' is already the id"):
        learner.import_files([mine])
    assert learner.progress.lesson_hashes() == {}
    learner.start_bundled("first-01-greetings")  # the bundled lesson itself still starts
    assert "first-01-greetings" in learner.progress.lesson_hashes()
