"""The home screen's due and new counts equal what a review started there shows (issue 10.3).

On a real database file, with words in two lessons sharing their cards, siblings held
back (a word whose other card was studied today) and the daily new limit part used, then
reached, then raised with `+`: the numbers drawn on the home screen (the Today line and
each lesson's row) are read from the screen; then, on an exact copy of the file, the
review is started from the home screen with the same key a learner would press (`r`, or
enter on that lesson's row), its status line is read, and it is answered Easy to the end
while the words it shows are counted. Counts are words: a word shows once a day.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import timezone

from lianxi.core.lesson_file import parse_lesson
from lianxi.core.schedule import Rating
from lianxi.study import Learner
from lianxi.study.drills import change_audio_settings
from lianxi.ui.app import make_app
from lianxi.ui.screens.home import HomeScreen
from lianxi.ui.screens.review import ReviewScreen
from lianxi.ui.screens.summary import SummaryScreen

from drawn import drawn_lines

SHARED = [("老师", "lǎoshī"), ("学生", "xuésheng")]
FIRST = [("你好", "nǐhǎo"), ("谢谢", "xièxie"), ("再见", "zàijiàn"), *SHARED, ("朋友", "péngyou")]
SECOND = [*SHARED, ("对不起", "duìbuqǐ"), ("没关系", "méiguānxi"), ("中国", "Zhōngguó"), ("北京", "Běijīng"),
          ("米饭", "mǐfàn"), ("飞机", "fēijī"), ("电脑", "diànnǎo")]
TITLES = {"alpha": "Lesson alpha", "beta": "Lesson beta"}


def lesson(lesson_id: str, words) -> object:
    body = "".join(f'[[words]]\nhanzi = "{h}"\npinyin = "{p}"\nenglish = "w"\n\n' for h, p in words)
    return parse_lesson(f'id = "{lesson_id}"\ntitle = "{TITLES[lesson_id]}"\nlevel = "HSK 1"\n\n{body}'.encode(),
                        f"{lesson_id}.toml")


def numbers(line: str) -> tuple[int, int]:
    found = re.search(r"due (\d+) · new (\d+)", line)
    assert found, line
    return int(found[1]), int(found[2])


async def home_counts(learner) -> dict[str | None, tuple[int, int]]:
    """What the home screen draws: None -> the Today line's (due, new); lesson id -> its row's."""
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        lines = drawn_lines(app)
    shown = {None: numbers(next(line for line in lines if line.strip().startswith("Today")))}
    for lesson_id, title in TITLES.items():
        row = next(line for line in lines if line.strip().startswith(title))
        *_, due, new = row.split()  # Lesson, Level, Words, Due, New
        shown[lesson_id] = (int(due), int(new))
    return shown


def copy_of(learner, folder) -> Learner:
    """The learner's file copied as it is now (WAL included), opened with the same clock."""
    folder.mkdir()
    target = sqlite3.connect(folder / "lianxi.db")
    learner.progress.conn.backup(target)
    target.close()
    return Learner.open(folder, clock=learner.clock, zone=timezone.utc, fuzz=False)


async def review_from_home(learner, lesson_id: str | None) -> tuple[tuple[int, int], tuple[int, int]]:
    """Start a review from the home screen as a learner would; (its status line's counts, the
    (due, new) words it then shows when every card is answered Easy)."""
    app = make_app(learner)
    due_words, new_words = set(), set()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if lesson_id is None:
            await pilot.press("r")
        else:
            rows = list(TITLES)
            for _ in range(rows.index(lesson_id)):
                await pilot.press("down")
            await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        for _ in range(100):  # the status line's counts come just after the first card is drawn
            if "due " in drawn_lines(app)[0]:
                break
            await pilot.pause(0.05)
        status = numbers(drawn_lines(app)[0])
        while screen.session.current is not None:
            card = screen.session.current
            assert len(due_words) + len(new_words) < 50
            (new_words if card.is_new else due_words).add(card.hanzi)
            await pilot.press("space", str(int(Rating.Easy)))
        if isinstance(app.screen, SummaryScreen):
            await pilot.press("q")
        assert numbers(drawn_lines(app)[0]) == (0, 0)  # and the review says it has nothing left
    return status, (len(due_words), len(new_words))


async def assert_home_matches_reviews(learner, tmp_path, name: str) -> dict:
    shown = await home_counts(learner)
    for lesson_id, counts in shown.items():
        copy = copy_of(learner, tmp_path / f"{name}-{lesson_id or 'all'}")
        try:
            status, answered = await review_from_home(copy, lesson_id)
        finally:
            copy.close()
        assert status == counts, (name, lesson_id, "status line", status, counts)
        assert answered == counts, (name, lesson_id, "words shown", answered, counts)
    return shown


def answer(session, times: int, rating=Rating.Easy) -> None:
    for _ in range(times):
        assert session.next() is not None
        session.answer(rating)


async def test_home_counts_equal_the_reviews_they_start(learner, clock, tmp_path):
    learner.progress.set_setting("welcomed", True)
    change_audio_settings(learner, play_on_reveal=False, play_listening_on_show=False, listening_cards=False)
    learner.change_settings(new_per_day=6)
    learner.import_lessons([lesson("alpha", FIRST), lesson("beta", SECOND)])

    # day 1: six words met (the whole new limit), each Good twice: they come due in the next days
    session = learner.session("alpha")
    card = session.next()
    while card is not None:
        card = session.answer(Rating.Good)
    clock.advance(days=3)
    assert learner.stats().due > 0

    # day 4: beta's two shared words are due (reviewed first), then three new words of beta
    # are met: the other cards of those five words wait for tomorrow (one word a day), and
    # alpha's four other words are due, so their new cards wait too; three of today's six
    # new cards are left, and four words of beta could use them
    session = learner.session("beta")
    while session.new_left > 3:
        session.next()
        session.answer(Rating.Easy)
    assert learner.session().nothing().held == 5
    shown = await assert_home_matches_reviews(learner, tmp_path, "part used")
    assert shown == {None: (4, 3), "alpha": (4, 0), "beta": (0, 3)}

    # the limit reached: nothing new anywhere, though a word waits
    while session.new_left > 0:
        assert session.next() is not None
        session.answer(Rating.Easy)
    stats = learner.stats()
    assert stats.new == 0 and stats.new_waiting == 1
    shown = await assert_home_matches_reviews(learner, tmp_path, "limit reached")
    assert shown == {None: (4, 0), "alpha": (4, 0), "beta": (0, 0)}

    # `+` on the home screen: five more today, and the counts still match what a review shows
    app = make_app(learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("plus")
    shown = await assert_home_matches_reviews(learner, tmp_path, "after plus")
    assert shown == {None: (4, 1), "alpha": (4, 0), "beta": (0, 1)}  # five more allowed, one word left
