"""Use case: the learner's own lesson "My words": which words are in it, adding and removing one.

"My words" is a real lesson (id "my-words"): each change rewrites it as lesson text,
checks it like any lesson file and syncs it, so a word added here is exactly what a
tutor could have written, and a word removed keeps its progress, hidden, in case it
comes back (as with any word taken out of a lesson file). The dictionary adds words
(study.dictionary); the dictionary's entry view and the card browser remove them.
Must never import Textual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from lianxi.core.errors import UserError
from lianxi.core.lesson_file import parse_lesson
from lianxi.core.lessons import Lesson, LessonProblems
from lianxi.core.pinyin import PinyinError, to_marks
from lianxi.store.my_words import lesson_words, rekey_notes

MY_WORDS = "my-words"

_WORD_KEYS = ("hanzi", "pinyin", "english", "traditional", "measure_word", "example", "example_pinyin",
              "example_english", "note", "tags")


class CannotAdd(UserError):
    pass


class NotInMyWords(UserError):
    pass


@dataclass(frozen=True, slots=True)
class MyWord:
    hanzi: str
    numbered: str  # "ni3 hao3"
    english: tuple[str, ...]
    traditional: str

    @property
    def pinyin(self) -> str:
        try:
            return to_marks(self.numbered)
        except PinyinError:
            return self.numbered


def my_words(learner) -> list[MyWord]:
    """The words in My words, in the order they were added."""
    return [MyWord(row["hanzi"], row["numbered"], tuple(row["english"]), row["traditional"])
            for row in lesson_words(learner.progress.conn, MY_WORDS)]


def my_word_keys(learner) -> set[tuple[str, str]]:
    """(hanzi, reading without spaces) of every word in My words."""
    return {(w.hanzi, w.numbered.replace(" ", "")) for w in my_words(learner)}


def add_word(learner, new: dict) -> None:
    """Append one word (lesson-file fields) to My words, keeping every word's progress."""
    words = lesson_words(learner.progress.conn, MY_WORDS)
    try:
        lesson = _parse([*words, new])
    except LessonProblems as exc:
        raise CannotAdd(
            f"{new['hanzi']} cannot become a card as the dictionary writes it ({exc.errors[-1].message})."
        ) from None
    # a second reading of a word already there changes that word's key (好 -> 好|hao3): carry its progress over
    keys = {word.key for word in lesson.words}
    rekey_notes(learner.progress.conn, MY_WORDS, {
        row["hanzi"]: f'{row["hanzi"]}|{row["numbered"]}' for row in words
        if f'{row["hanzi"]}|{row["numbered"]}' in keys
    })
    learner.progress.sync(replace(lesson, source=""))
    learner.progress.set_setting("welcomed", True)


def remove_from_my_words(learner, hanzi: str, numbered: str | None = None) -> MyWord:
    """Take a word out of My words (its progress is kept, hidden); returns the word removed.

    `hanzi` may be simplified or traditional; `numbered` ("hao3") picks one reading when
    My words holds several readings of the word; without it, the only one is meant.
    """
    words = lesson_words(learner.progress.conn, MY_WORDS)
    wanted = [i for i, row in enumerate(words)
              if hanzi in (row["hanzi"], row["traditional"])
              and (numbered is None or row["numbered"].replace(" ", "") == numbered.replace(" ", ""))]
    if not wanted:
        raise NotInMyWords(f"{hanzi} is not in My words: nothing was removed.")
    if len(wanted) > 1:
        readings = ", ".join(words[i]["numbered"] for i in wanted)
        raise NotInMyWords(f"My words holds {hanzi} with several readings ({readings}): say which one to remove.")
    gone = words.pop(wanted[0])
    removed = MyWord(gone["hanzi"], gone["numbered"], tuple(gone["english"]), gone["traditional"])
    if words:
        lesson = _parse(words)
    else:  # the last word: the lesson stays, with no words left to study
        lesson = replace(_parse([gone]), words=())
    # keys stay as they are: a word that had a sibling reading keeps its "hanzi|reading" key
    stored = {r[0] for r in learner.progress.conn.execute("SELECT key FROM notes WHERE lesson_id = ?", (MY_WORDS,))}
    lesson = replace(lesson, words=tuple(
        replace(w, key=f"{w.hanzi}|{w.numbered}") if w.key not in stored and f"{w.hanzi}|{w.numbered}" in stored
        else w for w in lesson.words))
    learner.progress.sync(replace(lesson, source=""))
    return removed


def _parse(words: list[dict]) -> Lesson:
    return parse_lesson(lesson_text(words).encode("utf-8"), MY_WORDS)


def lesson_text(words: list[dict]) -> str:
    """The "My words" lesson as lesson-file text (TOML); JSON strings are valid TOML strings."""
    lines = [
        f'id = "{MY_WORDS}"',
        'title = "My words"',
        'level = "My words"',
        'description = "Words you added from the dictionary."',
        'attribution = "Glosses: CC-CEDICT (CC BY-SA 4.0)."',
    ]
    for word in words:
        lines += ["", "[[words]]"]
        for key in _WORD_KEYS:
            value = word.get(key)
            if value:
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
