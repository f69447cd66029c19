"""The catalogue's data: courses in order, word counts from the generated index, known words, next lesson."""

from __future__ import annotations

import json

from lianxi.core.schedule import Rating
from lianxi.study.catalogue import INDEX_NAME, open_catalogue, preview
from lianxi.study.sound import cache_folder

from samples import SAMPLE_LESSON


def test_courses_in_course_order_with_every_bundled_lesson(learner):
    catalogue = open_catalogue(learner)
    titles = [c.title for c in catalogue.courses]
    assert titles[0].startswith("First course")
    assert titles[1:7] == [f"HSK 2.0 level {n}" for n in range(1, 7)]
    assert titles[7:14] == [f"HSK 3.0 band {n}" for n in range(1, 7)] + ["HSK 3.0 bands 7-9"]
    lessons = [lesson for c in catalogue.courses for lesson in c.lessons]
    assert len(lessons) == 545
    # the light reading of the files counts exactly the words a full parse finds
    first = catalogue.lesson("hsk2-1-01")
    assert first.count == len(preview(learner, first)) == 30
    assert "学习" in [w for c in catalogue.courses[:2] for w in c.words()]


def test_the_index_is_generated_once_and_read_after(learner):
    open_catalogue(learner)
    index = cache_folder(learner.data_dir) / INDEX_NAME
    stored = json.loads(index.read_text(encoding="utf-8"))
    stored["lessons"][0]["title"] = "read from the index"
    index.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    assert open_catalogue(learner).courses[0].lessons[0].title == "read from the index"
    stored["fingerprint"] = "an older set of lesson files"
    index.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    assert open_catalogue(learner).courses[0].lessons[0].title == "Greetings and pronouns"


def test_own_lessons_known_words_and_the_next_lesson(learner, lesson_file, clock):
    learner.import_files([lesson_file(SAMPLE_LESSON)])
    learner.start_bundled("first-01-greetings")
    catalogue = open_catalogue(learner)
    own = catalogue.courses[-1]
    assert own.title == "Your own and imported lessons"
    assert [(lesson.id, lesson.words) for lesson in own.lessons] == [("sample-greetings", ("你好", "谢谢", "再见"))]
    assert catalogue.known == set() and catalogue.next_lessons() == []
    # study the first lesson day after day (new cards come a few a day) until every word is known
    for _ in range(6):
        session = learner.session("first-01-greetings")
        for _ in range(200):
            if session.next() is None:
                break
            session.answer(Rating.Easy)
        clock.advance(days=1)
    catalogue = open_catalogue(learner)
    first = catalogue.lesson("first-01-greetings")
    assert catalogue.finished(first)
    assert catalogue.known_in(first.words) == first.count
    assert [lesson.id for lesson in catalogue.next_lessons()] == ["first-02-people"]
    assert catalogue.next_after("first-01-greetings").id == "first-02-people"
