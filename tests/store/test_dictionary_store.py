"""The dictionary index over the real CC-CEDICT (built once per test session), and My words."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timezone
from pathlib import Path

import pytest

from lianxi.core.ranking import CONTAINS, EXACT, STARTS
from lianxi.core.schedule import Rating
from lianxi.study.dictionary import (
    MY_WORDS, CannotAdd, Dictionary, IndexNotBuilt, cedict_header, cedict_path, hsk_table, hsk_words,
)
from lianxi.study import Learner

# A stand-in for the bundled word table, so ranking tests do not depend on it:
# hanzi, pinyin, HSK 2.0 level, HSK 3.0 band, frequency rank (none given: levels decide).
HSK_TABLE = [
    ("是", "shì", "1", ""), ("去", "qù", "1", ""), ("学生", "xué sheng", "1", ""), ("好", "hǎo", "1", ""),
    ("事", "shì", "2", ""), ("马", "mǎ", "2", ""),
    ("十", "shí", "", "1"), ("行", "xíng", "", "1"), ("北京", "Běijīng", "", "1"),
]


def write_hsk_lessons(folder: Path) -> Path:
    table = folder / "hsk" / "words.tsv"
    table.parent.mkdir(parents=True, exist_ok=True)
    rows = "".join(f"{h}\t{p}\t{l2}\t{l3}\t\t\t\n" for h, p, l2, l3 in HSK_TABLE)
    table.write_text("# a stand-in\nhanzi\tpinyin\thsk2\thsk3\trank\thsk2_lesson\thsk3_lesson\n" + rows,
                     encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """An index file of the whole dictionary (built once, ~5 s), for a learner's data folder."""
    root = tmp_path_factory.mktemp("dictionary")
    lessons = write_hsk_lessons(root / "lessons")
    learner = Learner.open(root / "data")
    steps = []
    dictionary = Dictionary(learner, lessons=lessons)
    count = dictionary.build(lambda done, what: steps.append(done))
    learner.close()
    return dictionary.path, lessons, count, steps


@pytest.fixture
def dictionary(built, tmp_path, clock):
    """A fresh learner over the built index (read-only), so tests may add words freely."""
    index, lessons, _, _ = built
    learner = Learner.open(tmp_path / "data", clock=clock, zone=timezone.utc, fuzz=False)
    found = Dictionary(learner, lessons=lessons, index=index)
    yield found
    found.close()
    learner.close()


def first(dictionary: Dictionary, text: str, n: int = 1):
    return [(f.simplified, f.pinyin) for f in dictionary.lookup(text, limit=n)]


def test_the_whole_dictionary_is_indexed_with_progress_reported(built):
    index, lessons, count, steps = built
    assert count == int(cedict_header(cedict_path())["entries"])
    assert steps[0] == 0.0 and steps[-1] == 1.0 and steps == sorted(steps)
    assert index.parent.name == "cache" and index.parent.parent.name == "data"
    conn = sqlite3.connect(index)
    assert conn.execute("SELECT COUNT(*) FROM dictionary_entries").fetchone()[0] == count
    # nothing of the index is in the progress file, and no temporary file is left behind
    progress = sqlite3.connect(index.parent.parent / "lianxi.db")
    tables = {r[0] for r in progress.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not {t for t in tables if t.startswith("dictionary")}
    assert sorted(p.name for p in index.parent.iterdir()) == ["dictionary.sqlite"]


def test_the_index_knows_when_it_is_current(dictionary, tmp_path):
    assert dictionary.ready()
    # a new word table (a new app version) means the index is built again
    table = dictionary._lessons / "hsk" / "words.tsv"
    before = table.read_text(encoding="utf-8")
    table.write_text(before + "累\tlèi\t3\t\t\t\t\n", encoding="utf-8")
    try:
        assert not dictionary.ready()
    finally:
        table.write_text(before, encoding="utf-8")


def test_a_fresh_database_has_no_index_and_says_how_to_build_it(learner):
    dictionary = Dictionary(learner)
    assert not dictionary.ready()
    with pytest.raises(IndexNotBuilt, match="lianxi lookup"):
        dictionary.lookup("ni hao")


@pytest.mark.parametrize("text", ["你好", "ni hao", "nihao", "ni3hao3", "nǐhǎo", "ni3 hao3", "Ni Hao", "hello"])
def test_every_kind_of_query_finds_hello_first(dictionary, text):
    assert first(dictionary, text) == [("你好", "ni3 hao3")]


def test_traditional_hanzi_find_the_word(dictionary):
    results = dictionary.lookup("學生", limit=5)
    assert (results[0].simplified, results[0].traditional, results[0].match) == ("学生", "學生", EXACT)


def test_exact_matches_come_before_words_starting_with_or_containing_the_query(dictionary):
    results = dictionary.lookup("学生", limit=40)
    matches = [f.match for f in results]
    assert matches == sorted(matches)
    assert results[0].simplified == "学生"
    assert STARTS in matches and CONTAINS in matches
    assert all("学生" in f.simplified for f in results)
    assert any(f.simplified == "大学生" and f.match == CONTAINS for f in results)


def test_tones_narrow_pinyin_results(dictionary):
    third = dictionary.lookup("ma3", limit=30)
    assert third[0].simplified == "马"  # the HSK word
    assert all(f.pinyin.lower().startswith("ma3") for f in third)
    toneless = {f.simplified for f in dictionary.lookup("ma", limit=60) if f.match == EXACT}
    assert {"马", "妈", "吗"} <= toneless
    partial = dictionary.lookup("ni3 hao", limit=5)
    assert partial[0].simplified == "你好"


def test_hsk_words_come_first_in_their_level_order(dictionary):
    shi = dictionary.lookup("shi", limit=5)
    # HSK 2.0 level 1, then HSK 3.0 band 1, then HSK 2.0 level 2 (levels interleave by difficulty)
    assert [f.simplified for f in shi[:3]] == ["是", "十", "事"]
    assert [f.hsk_level for f in shi[:3]] == ["HSK 1", "HSK 3.0 band 1", "HSK 2"]


def test_english_exact_glosses_first_then_hsk(dictionary):
    go = dictionary.lookup("go", limit=10)
    assert go[0].simplified == "去"
    assert dictionary.lookup("to go", limit=1)[0].simplified == "去"
    student = dictionary.lookup("student", limit=3)
    assert student[0].simplified == "学生"
    assert dictionary.lookup("students", limit=10)  # stemming: plural finds the word


def test_common_words_outrank_rare_ones_outside_hsk(dictionary):
    # 人 is in no HSK list given here: it still comes before rarer exact matches for "ren"
    ren = [f.simplified for f in dictionary.lookup("ren2", limit=5)]
    assert ren[0] == "人"


def test_nothing_found_is_an_empty_list(dictionary):
    assert dictionary.lookup("qwxz") == []
    assert dictionary.lookup("𪚥𪚥𪚥") == []


def test_adding_to_my_words_makes_a_lesson_with_cards(dictionary):
    entry = dictionary.lookup("ni hao", limit=1)[0]
    assert dictionary.add_to_my_words(entry.id) == "你好"
    conn = dictionary.progress.conn
    lesson = conn.execute("SELECT title FROM lessons WHERE id = ?", (MY_WORDS,)).fetchone()
    assert lesson == ("My words",)
    note = conn.execute(
        "SELECT hanzi, pinyin, numbered, english, traditional FROM notes WHERE lesson_id = ?", (MY_WORDS,)
    ).fetchone()
    assert note == ("你好", "nǐ hǎo", "ni3 hao3", '["hello", "hi"]', "你好")
    assert conn.execute("SELECT COUNT(*) FROM cards c JOIN notes n ON n.word_id = c.word_id "
                        "WHERE n.lesson_id = ? AND c.active", (MY_WORDS,)).fetchone()[0] >= 2


def test_adding_more_words_keeps_progress_on_the_first(dictionary):
    dictionary.add_to_my_words(dictionary.lookup("学生", limit=1)[0].id)
    session = dictionary.learner.session(MY_WORDS)
    card = session.next()
    session.answer(Rating.Good)
    dictionary.add_to_my_words(dictionary.lookup("一点儿", limit=1)[0].id)
    conn = dictionary.progress.conn
    assert conn.execute("SELECT reps FROM cards WHERE id = ?", (card.id,)).fetchone() == (1,)
    words = conn.execute(
        "SELECT hanzi, numbered, measure_word FROM notes WHERE lesson_id = ? ORDER BY position", (MY_WORDS,)
    ).fetchall()
    assert words[0][0] == "学生" and words[1][:2] == ("一点儿", "yi1 dianr3")
    assert dictionary.my_words() == ["学生", "一点儿"]


def test_a_word_already_in_my_words_is_not_added_twice(dictionary):
    entry = dictionary.lookup("ni hao", limit=1)[0]
    dictionary.add_to_my_words(entry.id)
    with pytest.raises(CannotAdd, match="already in My words"):
        dictionary.add_to_my_words(entry.id)


def test_entries_with_letters_cannot_become_cards(dictionary):
    entry = dictionary.lookup("AA制", limit=1)[0]
    with pytest.raises(CannotAdd, match="letters"):
        dictionary.add_to_my_words(entry.id)
    assert dictionary.my_words() == []


def test_measure_words_come_along(dictionary):
    entry = next(f for f in dictionary.lookup("ren2", limit=5) if f.simplified == "人")
    dictionary.add_to_my_words(entry.id)
    row = dictionary.progress.conn.execute(
        "SELECT measure_word FROM notes WHERE lesson_id = ?", (MY_WORDS,)).fetchone()
    assert row == ("个、位",)


def test_hsk_level_goes_to_the_reading_the_lesson_teaches(dictionary):
    readings = {f.pinyin: f.hsk_level for f in dictionary.lookup("好", limit=5) if f.simplified == "好"}
    assert readings == {"hao3": "HSK 1", "hao4": ""}


def test_every_word_of_the_bundled_hsk_lessons_feeds_the_ranking():
    """The word table the ranking reads holds every word the bundled HSK lessons teach."""
    import re

    words = hsk_words(hsk_table())
    taught = set()
    for path in (hsk_table().parent).rglob("hsk*.toml"):
        taught |= set(re.findall(r'\nhanzi = "([^"]+)"', path.read_text(encoding="utf-8")))
    assert taught and taught <= {w.hanzi for w in words}
    assert all(w.toned and w.level.startswith("HSK") for w in words)
    levels = {w.level for w in words}
    assert {"HSK 1", "HSK 6", "HSK 3.0 band 1", "HSK 3.0 band 7-9"} <= levels
    assert min(words, key=lambda w: w.rank).hanzi == "的"  # level 1, most frequent

def test_proper_names_that_are_hsk_words_rank_with_them(dictionary):
    # 北京 is written as a name (Bei3 jing1) in CC-CEDICT; as an HSK word it comes first
    assert [f.simplified for f in dictionary.lookup("beijing", limit=2)][0] == "北京"
    # 王 the surname only points elsewhere: 王 "king" first
    wang = [f for f in dictionary.lookup("王", limit=5) if f.simplified == "王"]
    assert wang[0].pinyin == "wang2"


def test_a_stopped_build_is_never_taken_for_a_built_index(learner):
    dictionary = Dictionary(learner)

    def stop_after_first_batch(done: float, what: str) -> None:
        if done > 0.0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dictionary.build(stop_after_first_batch)
    assert not dictionary.ready()
    assert dictionary.index is None
    assert list(dictionary.path.parent.iterdir()) == []  # the half-built file went
    with pytest.raises(IndexNotBuilt):
        dictionary.lookup("ni hao")


def test_a_killed_build_leaves_nothing_that_counts(learner, built):
    # a build killed mid-way leaves its temporary file under a dead process's id: it is
    # never read, and the next build removes it; a damaged index file is simply rebuilt
    dictionary = Dictionary(learner)
    dictionary.path.parent.mkdir(parents=True)
    abandoned = dictionary.path.with_name(f".{dictionary.path.name}.999999999.building")
    abandoned.write_bytes(b"half an index")
    dictionary.path.write_bytes(b"not a database at all")
    assert not dictionary.ready() and dictionary.index is None
    shutil.copy(built[0], dictionary.path)
    from lianxi.store.dictionary_file import _remove_abandoned

    _remove_abandoned(dictionary.path)
    assert not abandoned.exists()


def test_old_progress_files_lose_the_index_tables_and_their_space(tmp_path):
    """A progress file from before the move (index tables inside) is migrated: tables dropped, file small."""
    from lianxi.store.db import open_database
    from lianxi.store.migrations import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    older = [(name, fn) for name, fn in migrations.steps if not name.startswith("m5")]
    saved = migrations.steps
    migrations.steps = older
    try:
        migrations.apply(conn)
    finally:
        migrations.steps = saved
    filler = "x" * 2000
    conn.executemany("INSERT INTO dictionary_entries (simplified, traditional, pinyin, toned, toneless, english) "
                     "VALUES ('字', '字', 'zi4', 'zi4', 'zi', ?)", [(filler,)] * 5000)
    conn.execute("INSERT INTO lessons (id, title, level, position, added_at) VALUES ('my-words', 'My words', "
                 "'My words', 1, '2026-01-01')")
    conn.close()
    before = path.stat().st_size
    assert before > 10_000_000
    migrated = open_database(path)
    tables = {r[0] for r in migrated.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not {t for t in tables if t.startswith("dictionary")}
    assert migrated.execute("SELECT title FROM lessons").fetchall() == [("My words",)]
    migrated.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    migrated.close()
    assert path.stat().st_size < 1_000_000


def test_my_words_are_told_apart_by_reading(dictionary):
    readings = {f.pinyin: f for f in dictionary.lookup("好", limit=5) if f.simplified == "好"}
    dictionary.add_to_my_words(readings["hao3"].id)
    mine = dictionary.my_word_keys()
    assert dictionary.key_of(readings["hao3"]) in mine
    assert dictionary.key_of(readings["hao4"]) not in mine
    assert dictionary.add_to_my_words(readings["hao4"].id) == "好"  # the other reading is another word
    assert dictionary.my_words() == ["好", "好"]


def test_a_second_reading_keeps_the_progress_of_the_first(dictionary):
    readings = {f.pinyin: f for f in dictionary.lookup("好", limit=5) if f.simplified == "好"}
    dictionary.add_to_my_words(readings["hao3"].id)
    session = dictionary.learner.session(MY_WORDS)
    card = session.next()
    session.answer(Rating.Good)
    dictionary.add_to_my_words(readings["hao4"].id)
    conn = dictionary.progress.conn
    assert conn.execute("SELECT reps, active FROM cards WHERE id = ?", (card.id,)).fetchone() == (1, 1)
    keys = conn.execute("SELECT key, removed FROM notes WHERE lesson_id = ? ORDER BY position", (MY_WORDS,)).fetchall()
    assert keys == [("好|hao3", 0), ("好|hao4", 0)]
