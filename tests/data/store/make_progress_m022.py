"""Make progress-m022.db: a learner's database as Lianxi wrote it before one memory per word.

Run once, from a checkout of commit 6942e2a (schema up to m022), to make the fixture the
migration tests read (they must test the migration on a database the old code built):

    git worktree add /tmp/old 6942e2a
    PYTHONPATH=/tmp/old/app python tests/data/store/make_progress_m022.py tests/data/store

What it holds: the first course's lesson 1 and HSK 2.0 level 1 lessons 3 and 5 (which share
对不起, 不客气, 谢谢, 再见 ...), studied over six days through real sessions, with cards of the
same word answered in both lessons; an imported lesson (stored with its absolute path)
that writes 一点儿 with the spoken tone and 对不起 with a full tone; typed cards on, a lesson
paused, a word removed by re-import, listening cards, drill answers and one undone answer.
"""

import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lianxi.core.schedule import Rating
from lianxi.study import Learner
from lianxi.study.drills import add_listening_cards

CUSTOM = """\
id = "my-phrases"
title = "My phrases"
level = "HSK 1"

[[words]]
hanzi = "对不起"
pinyin = "duì bù qǐ"
english = "sorry (my own note)"

[[words]]
hanzi = "一点儿"
pinyin = "yìdiǎnr"
english = "a little"

[[words]]
hanzi = "谢谢"
pinyin = "xièxie"
english = ["thanks", "thank you"]
example = "谢谢你。"
example_pinyin = "Xièxie nǐ."
example_english = "Thank you."

[[words]]
hanzi = "苹果"
pinyin = "píngguǒ"
english = "apple"
"""


class Clock:
    def __init__(self):
        self.now = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.now


def main(out: Path) -> None:
    from lianxi.core.cards import CardKind
    from lianxi.store.drills import DrillAnswer, DrillLog

    folder = out / "progress-m022"
    folder.mkdir(parents=True, exist_ok=False)
    clock = Clock()
    learner = Learner.open(folder, clock=clock, zone=timezone.utc, fuzz=False)
    rng = random.Random(22)
    for lesson_id in ("first-01-greetings", "hsk2-1-03", "hsk2-1-05"):
        learner.start_bundled(lesson_id)
    custom = Path("/tmp/lianxi-fixture/home/learner/lessons/my-phrases.toml")
    custom.parent.mkdir(parents=True, exist_ok=True)
    custom.write_text(CUSTOM, encoding="utf-8")
    learner.import_files([custom])
    learner.progress.conn.execute(  # as `lianxi lessons import` stored it: the absolute path
        "UPDATE lessons SET source = ? WHERE id = 'my-phrases'", (str(custom),))
    learner.progress.set_card_kinds("my-phrases", [CardKind.RECOGNITION, CardKind.RECALL, CardKind.TYPE_PINYIN,
                                                   CardKind.CLOZE])
    learner.change_settings(new_per_day=40)
    for day in range(6):
        clock.now = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc) + timedelta(days=day)
        add_listening_cards(learner)
        for scope in ("my-phrases", "hsk2-1-05", "first-01-greetings", None):
            session = learner.session(scope)
            card = session.next()
            for _ in range(25):
                if card is None:
                    break
                clock.now += timedelta(seconds=20)
                card = session.answer(rng.choice((Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Easy)))
            if day == 3 and scope is None and session.history:
                session.undo()
        log = DrillLog(learner.progress)
        word = log.words("hsk2-1-05")[0]
        log.record(DrillAnswer("tones", "3", word[2], "3", "2", False, word[0], 1500), clock.now, [(3, 2)])
    learner.progress.set_studying("hsk2-1-03", False)
    custom.write_text(CUSTOM.replace('[[words]]\nhanzi = "苹果"\npinyin = "píngguǒ"\nenglish = "apple"\n', ""),
                      encoding="utf-8")
    learner.import_files([custom])
    learner.progress.conn.execute("UPDATE lessons SET source = ? WHERE id = 'my-phrases'", (str(custom),))
    learner.progress.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    learner.close()
    (folder / "lianxi.db").rename(out / "progress-m022.db")
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
