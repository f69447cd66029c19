"""One memory per word: a word in several lessons shares its cards, on new and migrated databases.

The migration is tested on tests/data/store/progress-m022.db, a database built by the
code before the change (see make_progress_m022.py there), not on one made up here.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating
from lianxi.core.words import reading_key
from lianxi.study import Learner
from lianxi.study.backups import backups

from samples import REPO

FIXTURE = REPO / "tests" / "data" / "store" / "progress-m022.db"
LATER = datetime(2026, 3, 9, 10, 0, tzinfo=timezone.utc)  # the fixture's last answers were on 2026-03-07


def test_reading_key_follows_mandarin_not_spelling():
    # 一 and 不 change tone by context only: one word however the lesson writes it
    assert reading_key("一点儿", "yi4 dianr3") == reading_key("一点儿", "yi1 dianr3") == "yi1 dianr3"
    assert reading_key("对不起", "dui4 bu5 qi3") == reading_key("对不起", "dui4 bu4 qi3")
    assert reading_key("不客气", "bu2 ke4 qi5") == "bu4 ke4 qi5"
    assert reading_key("一起", "yi4 qi3") == "yi1 qi3"
    # any other tone is another word: 东西 dōngxi "thing" is not 东西 dōngxī "east and west"
    assert reading_key("东西", "dong1 xi5") != reading_key("东西", "dong1 xi1")
    assert reading_key("好", "hao3") != reading_key("好", "hao4")
    # 不 read as bu only where the character is 不; a syllable bu of another character keeps its tone
    assert reading_key("部分", "bu4 fen5") == "bu4 fen5"
    assert reading_key("步", "bu4") == "bu4"
    # hanzi and pinyin that do not pair up are left as written
    assert reading_key("一", "yi1 er4") == "yi1 er4"


@pytest.fixture
def old(tmp_path) -> Path:
    """A copy of the fixture (even a read-only open of a WAL file leaves files beside it)."""
    copy = tmp_path / "old" / "lianxi.db"
    copy.parent.mkdir()
    shutil.copy(FIXTURE, copy)
    return copy


def _old_facts(path: Path) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cards = conn.execute(
            "SELECT c.id, n.hanzi, n.numbered, c.kind, c.reps, c.lapses, c.last_review, c.state, c.stability "
            "FROM cards c JOIN notes n ON n.id = c.note_id").fetchall()
        reviews = conn.execute("SELECT id, card_id, rating, reviewed_at FROM reviews ORDER BY id").fetchall()
        notes = conn.execute("SELECT lesson_id, COUNT(*) FROM notes WHERE NOT removed GROUP BY lesson_id").fetchall()
    finally:
        conn.close()
    groups = defaultdict(list)
    for card in cards:
        groups[(card[1], reading_key(card[1], card[2]), card[3])].append(card)
    return {"groups": groups, "reviews": reviews, "notes": dict(notes),
            "card_word": {c[0]: (c[1], reading_key(c[1], c[2]), c[3]) for c in cards}}


@pytest.fixture
def migrated(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "lianxi.db")
    learner = Learner.open(folder, clock=lambda: LATER, zone=timezone.utc, fuzz=False)
    yield learner
    learner.close()


def test_the_fixture_was_built_by_the_old_code_and_shares_words_between_lessons(old):
    facts = _old_facts(old)
    conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True)
    steps = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert steps[-1] == "m022_dictionary_hanzi"
    shared = {key: group for key, group in facts["groups"].items() if len(group) > 1}
    # words answered in two lessons as two separate cards: what the migration must merge
    assert any(sum(1 for c in group if c[4] > 0) > 1 for group in shared.values())
    assert ("对不起", "dui4 bu4 qi3", "recognition") in shared


def test_migration_keeps_every_review_and_merges_each_words_cards(migrated, old):
    facts = _old_facts(old)
    conn = migrated.progress.conn
    # every review is kept, unchanged, and points at the card of the same word and kind
    after = conn.execute("SELECT id, card_id, rating, reviewed_at FROM reviews ORDER BY id").fetchall()
    assert [(r[0], r[2], r[3]) for r in after] == [(r[0], r[2], r[3]) for r in facts["reviews"]]
    word_of = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        "SELECT c.id, w.hanzi, w.reading, c.kind FROM cards c JOIN words w ON w.id = c.word_id")}
    for old, new in zip(facts["reviews"], after):
        assert word_of[new[1]] == facts["card_word"][old[1]]
    # one card per word and kind; reps and lapses add up; the memory is the one answered last
    assert len(word_of) == len(facts["groups"])
    cards = {(r[0], r[1], r[2]): r[3:] for r in conn.execute(
        "SELECT w.hanzi, w.reading, c.kind, c.reps, c.lapses, c.last_review, c.state, c.stability "
        "FROM cards c JOIN words w ON w.id = c.word_id")}
    merged = 0
    for key, group in facts["groups"].items():
        reps, lapses, last, state, stability = cards[key]
        assert reps == sum(c[4] for c in group)
        assert lapses == sum(c[5] for c in group)
        latest = max(group, key=lambda c: (c[6] is not None, c[6] or 0, -c[0]))
        assert (last, state, stability) == (latest[6], latest[7], latest[8])
        merged += len(group) > 1
    assert merged >= 5
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_after_migration_each_lesson_still_lists_its_words(migrated, old):
    facts = _old_facts(old)
    conn = migrated.progress.conn
    assert dict(conn.execute("SELECT lesson_id, COUNT(*) FROM notes WHERE NOT removed GROUP BY lesson_id")) \
        == facts["notes"]
    assert conn.execute("SELECT COUNT(*) FROM notes WHERE word_id IS NULL").fetchone()[0] == 0
    # 对不起 written three ways in three lessons is one word with one recognition card
    lessons = conn.execute(
        "SELECT n.lesson_id, n.pinyin FROM notes n JOIN words w ON w.id = n.word_id "
        "WHERE w.hanzi = '对不起' ORDER BY n.lesson_id").fetchall()
    assert [lesson for lesson, _ in lessons] == ["first-01-greetings", "hsk2-1-05", "my-phrases"]
    assert len({pinyin for _, pinyin in lessons}) >= 2
    assert conn.execute("SELECT COUNT(*) FROM words WHERE hanzi = '对不起'").fetchone()[0] == 1


def test_migration_takes_a_checked_backup_of_the_old_file_first(migrated, old):
    (backup,) = backups(migrated.data_dir)
    assert backup.reason == "migration"
    conn = sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)
    try:
        assert [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")][-1] == "m022_dictionary_hanzi"
        assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == len(_old_facts(old)["reviews"])
    finally:
        conn.close()


def test_migration_keeps_only_the_file_name_of_an_imported_lesson(migrated):
    sources = dict(migrated.progress.conn.execute("SELECT id, source FROM lessons"))
    assert sources["my-phrases"] == "my-phrases.toml"  # was /tmp/lianxi-fixture/home/learner/...
    assert sources["first-01-greetings"] == "first-course/first-01-greetings.toml"
    assert not any("/home/" in s or s.startswith("/") for s in sources.values())


def test_a_paused_lessons_words_are_studied_only_through_lessons_still_studied(migrated):
    conn = migrated.progress.conn
    rows = conn.execute(
        "SELECT c.active, EXISTS (SELECT 1 FROM notes n JOIN lessons l ON l.id = n.lesson_id "
        "WHERE n.word_id = c.word_id AND l.studying AND NOT n.removed) FROM cards c WHERE c.kind = 'listening'"
    ).fetchall()
    assert rows and all(bool(active) == bool(studied) for active, studied in rows)


# -- on a new database -------------------------------------------------------------------

LESSON_A = """\
id = "lesson-a"
title = "A"
level = "HSK 1"

[[words]]
hanzi = "对不起"
pinyin = "duìbuqǐ"
english = "sorry"

[[words]]
hanzi = "老师"
pinyin = "lǎoshī"
english = "teacher"
"""

LESSON_B = """\
id = "lesson-b"
title = "B"
level = "HSK 1"

[[words]]
hanzi = "对不起"
pinyin = "duì bù qǐ"
english = ["I'm sorry", "excuse me"]

[[words]]
hanzi = "学生"
pinyin = "xuésheng"
english = "student"
"""


def _lesson(text: str):
    return parse_lesson(text.encode(), "x.toml")


def test_a_word_in_two_lessons_is_studied_once_and_both_lessons_list_it(learner, clock):
    learner.import_lessons([_lesson(LESSON_A), _lesson(LESSON_B)])
    conn = learner.progress.conn
    assert conn.execute("SELECT COUNT(*) FROM words").fetchone()[0] == 3
    assert conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 6  # 3 words x 2 kinds
    session = learner.session()
    shown = []
    card = session.next()
    while card is not None and len(shown) < 10:
        shown.append((card.hanzi, card.kind.value))
        card = session.answer(Rating.Easy)
    assert sorted(shown) == [("学生", "recognition"), ("对不起", "recognition"), ("老师", "recognition")]
    # studied in "all lessons", it is studied in lesson B too: B shows its own gloss
    b_card = learner.progress.next_due(clock() + timedelta(days=400),
                                       learner.today_start(), "lesson-b")
    assert b_card is not None and b_card.lesson_id == "lesson-b"
    if b_card.hanzi == "对不起":
        assert b_card.english == ("I'm sorry", "excuse me")
    assert {s.id: s.words for s in learner.lessons()} == {"lesson-a": 2, "lesson-b": 2}


def test_progress_in_one_lesson_counts_in_the_other(learner, clock):
    learner.import_lessons([_lesson(LESSON_A)])
    session = learner.session("lesson-a")
    card = session.next()
    while card is not None:
        card = session.answer(Rating.Good)
        if session.reviewed > 20:
            break
    learner.import_lessons([_lesson(LESSON_B)])
    clock.advance(days=1)
    # B's 对不起 recognition card is A's: learned, not due yet. Its recall card (new since
    # nothing studied it) and 学生 are the new words B shows today.
    counts = {s.id: (s.due, s.new) for s in learner.lessons()}
    assert counts["lesson-b"] == (0, 2)
    b = learner.session("lesson-b")
    shown = []
    card = b.next()
    while card is not None and len(shown) < 10:
        shown.append((card.hanzi, card.kind.value, card.is_new))
        card = b.answer(Rating.Easy)
    assert sorted(shown) == [("学生", "recognition", True), ("对不起", "recall", True)]


def test_pausing_one_lesson_keeps_a_shared_word_studied_through_the_other(learner):
    learner.import_lessons([_lesson(LESSON_A), _lesson(LESSON_B)])
    learner.progress.set_studying("lesson-a", False)
    active = dict(learner.progress.conn.execute(
        "SELECT w.hanzi, MAX(c.active) FROM cards c JOIN words w ON w.id = c.word_id GROUP BY w.hanzi"))
    assert active == {"对不起": 1, "学生": 1, "老师": 0}
    learner.progress.set_studying("lesson-b", False)
    assert learner.progress.conn.execute("SELECT MAX(active) FROM cards").fetchone()[0] == 0


def test_correcting_a_reading_keeps_the_words_progress(learner):
    wrong = LESSON_A.replace('pinyin = "lǎoshī"', 'pinyin = "lǎoshí"')
    learner.import_lessons([_lesson(wrong)])
    session = learner.session()
    while (card := session.next()) is not None and session.reviewed < 10:
        session.answer(Rating.Good)
    before = learner.progress.conn.execute(
        "SELECT c.id, c.reps FROM cards c JOIN words w ON w.id = c.word_id WHERE w.hanzi = '老师' "
        "AND c.kind = 'recognition'").fetchone()
    assert before[1] > 0
    learner.import_lessons([_lesson(LESSON_A)])  # the tutor fixes the tone
    after = learner.progress.conn.execute(
        "SELECT c.id, c.reps, w.reading FROM cards c JOIN words w ON w.id = c.word_id WHERE w.hanzi = '老师' "
        "AND c.kind = 'recognition'").fetchone()
    assert after == (before[0], before[1], "lao3 shi1")
