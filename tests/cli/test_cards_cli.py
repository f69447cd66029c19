"""`lianxi cards ...`: search, show, suspend, bury, flag, reset and leeches, on a real database."""

from __future__ import annotations

import json

from click.testing import CliRunner

from lianxi.cli import cli
from lianxi.study import Learner

from samples import SAMPLE_LESSON


def run(data_dir, *args, input=None):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False, input=input)


def card_id(data_dir, hanzi: str, kind: str) -> int:
    learner = Learner.open(data_dir)
    try:
        return learner.progress.conn.execute(
            "SELECT c.id FROM cards c JOIN words w ON w.id = c.word_id WHERE w.hanzi = ? AND c.kind = ?",
            (hanzi, kind)).fetchone()[0]
    finally:
        learner.close()


def column(data_dir, card: int, name: str):
    learner = Learner.open(data_dir)
    try:
        return learner.progress.conn.execute(f"SELECT {name} FROM cards WHERE id = ?", (card,)).fetchone()[0]
    finally:
        learner.close()


def test_search_prints_matching_cards(data_dir, lesson_file):
    run(data_dir, "lessons", "import", str(lesson_file()))
    out = run(data_dir, "cards", "search", "ni", "hao").output
    assert "你好" in out and "再见" not in out and out.strip().endswith("2 cards.")
    data = json.loads(run(data_dir, "cards", "search", "goodbye", "--json").output)
    assert data["total"] == 2 and {c["kind"] for c in data["cards"]} == {"recognition", "recall"}
    assert run(data_dir, "cards", "search", "zzz").output.startswith("No cards match")
    bad = run(data_dir, "cards", "search", "state:sleepy")
    assert bad.exit_code == 1 and "unknown state 'sleepy'" in bad.output


def test_actions_change_the_cards_and_say_so(data_dir, lesson_file):
    run(data_dir, "lessons", "import", str(lesson_file()))
    card = card_id(data_dir, "谢谢", "recall")
    assert run(data_dir, "cards", "suspend", str(card)).output == "1 card suspended.\n"
    assert column(data_dir, card, "suspended") == 1
    assert "state:suspended" and "谢谢" in run(data_dir, "cards", "search", "state:suspended").output
    run(data_dir, "cards", "unsuspend", str(card))
    assert column(data_dir, card, "suspended") == 0
    run(data_dir, "cards", "bury", str(card))
    assert column(data_dir, card, "buried_until") > 0
    run(data_dir, "cards", "flag", "green", str(card))
    assert column(data_dir, card, "flag") == 3
    assert run(data_dir, "cards", "reset", str(card), input="n\n").output.endswith("Nothing was changed.\n")
    assert run(data_dir, "cards", "reset", "--yes", str(card)).exit_code == 0
    shown = run(data_dir, "cards", "show", str(card)).output
    assert "谢谢" in shown and "Memory   none yet" in shown
    missing = run(data_dir, "cards", "suspend", "99999")
    assert missing.exit_code == 1 and "no card has the id 99999" in missing.output
    not_a_number = run(data_dir, "cards", "flag", "red", "abc")
    assert not_a_number.exit_code != 0 and "not a card id" in not_a_number.output


def test_leeches_and_their_threshold(data_dir, lesson_file):
    run(data_dir, "lessons", "import", str(lesson_file()))
    assert run(data_dir, "cards", "leeches").output.startswith("No leeches. A card becomes one when forgotten 8 times")
    assert "leech-threshold: 8" in run(data_dir, "settings").output
    assert run(data_dir, "settings", "leech-threshold", "5").output.startswith("A card forgotten 5 times")
    card = card_id(data_dir, "再见", "recognition")
    learner = Learner.open(data_dir)
    learner.progress.conn.execute("UPDATE cards SET leech = 1, suspended = 1, lapses = 5, state = 2 WHERE id = ?", (card,))
    learner.close()
    out = run(data_dir, "cards", "leeches").output
    assert "再见" in out and "1 leech." in out and "unsuspend" in out


def test_lesson_text_cannot_act_on_the_terminal(data_dir, lesson_file):
    # lesson files refuse control characters now; a database written before may still hold one
    run(data_dir, "lessons", "import", str(lesson_file()))
    learner = Learner.open(data_dir)
    learner.progress.conn.execute("UPDATE notes SET english = ? WHERE hanzi = '再见'", (json.dumps(["bye \x1b[31mred"]),))
    learner.progress.conn.execute("UPDATE lessons SET title = 'Greetings \x1b]0;owned\x07'")
    learner.close()
    out = run(data_dir, "cards", "search", "再见").output
    assert "再见" in out and "\x1b" not in out and "\\x1b" in out
    card = card_id(data_dir, "再见", "recall")
    shown = run(data_dir, "cards", "show", str(card)).output
    assert "\x1b" not in shown and "\x07" not in shown


def test_each_card_is_one_line_with_the_kind_named_as_on_screen(data_dir, lesson_file):
    """A long meaning or lesson title gives way ("…"), never the other columns, and never
    wraps a card over several lines (it printed four lines a card at 100 columns)."""
    long_title = "A lesson with a title much longer than any terminal column would hold"
    text = SAMPLE_LESSON.replace('title = "Greetings"', f'title = "{long_title}"')
    run(data_dir, "lessons", "import", str(lesson_file(text)))
    learner = Learner.open(data_dir)
    learner.progress.conn.execute(
        "UPDATE notes SET english = ? WHERE hanzi = '再见'",
        (json.dumps(["goodbye; see you again; farewell (said when parting from someone for a while)"]),))
    learner.close()
    lines = run(data_dir, "cards", "search", "kind:read").output.splitlines()  # the screens' name for recognition
    header, rows, total = lines[0], lines[1:-1], lines[-1]
    assert header.split() == ["id", "hanzi", "pinyin", "meaning", "kind", "state", "due", "lapses", "flag", "lesson"]
    assert total == "3 cards." and len(rows) == 3  # 你好, 谢谢, 再见: one line each
    assert all(len(line) <= 100 for line in lines)
    farewell = next(line for line in rows if "再见" in line)
    assert "goodbye; see you" in farewell and "…" in farewell and " read " in farewell and " new " in farewell
    assert all("A lesson with" in line for line in rows)
