"""The first course and the HSK lessons teach a word they share with the same reading, so
that a learner who adds both keeps one memory of it (issue 10.6: 先生, 书, 你好 reviewed
once). A different reading makes a different word; where the course means to differ, the
reason is written here."""

from __future__ import annotations

import tomllib
from pathlib import Path

from lianxi.core.pinyin import to_numbers
from lianxi.core.words import reading_key

LESSONS = Path(__file__).resolve().parents[2] / "lessons"

# hanzi -> why the first course teaches another main reading than the HSK lists
MEANT_TO_DIFFER = {
    "喂": "on the phone it is said wéi; HSK's wèi 'hey!' is the card's other reading, and the note says so",
}


def _readings(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.toml")):
        for word in tomllib.loads(path.read_text(encoding="utf-8")).get("words", []):
            key = reading_key(word["hanzi"], to_numbers(word["pinyin"]))
            found.setdefault(word["hanzi"], set()).add(key)
    return found


def test_a_word_in_the_first_course_and_in_hsk_has_one_reading():
    course = _readings(LESSONS / "first-course")
    hsk = _readings(LESSONS / "hsk")
    differ = {h: (sorted(course[h]), sorted(hsk[h])) for h in course
              if h in hsk and not course[h] & hsk[h] and h not in MEANT_TO_DIFFER}
    assert differ == {}
    assert len(set(course) & set(hsk)) > 140  # the course is HSK 1's 150 words
