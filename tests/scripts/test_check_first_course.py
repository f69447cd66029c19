"""The first course passes its checker: HSK 1 coverage, pinyin, and the reading and gloss rules of the HSK lessons."""

import subprocess
import sys
from pathlib import Path

from samples import shared_data

REPO = Path(__file__).resolve().parents[2]


def test_the_first_course_has_no_unresolved_problem():
    shared_data("hsk/complete.min.json")
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "check_first_course.py"), "--quiet"],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "old HSK 1 words covered: 150/150" in run.stdout
    assert "problems: 0" in run.stdout


def test_the_checker_applies_the_reading_and_gloss_rules(tmp_path):
    """The rules themselves, on made-up words: a reading the table does not decide, markup, a lost measure use."""
    sys.path.insert(0, str(REPO / "scripts"))
    import check_first_course as checker  # noqa: PLC0415

    report = checker.Report(quiet=True)
    checker.check_reading_rule(report, "x", "教", "jiao4", ["jiao1"])
    checker.check_reading_rule(report, "x", "了", "liao3", ["le5", "liao3"])  # not the main one, not resolved
    checker.check_reading_rule(report, "x", "教", "jiao1", ["jiao1"])
    assert report.problems == 2
    cedict = {"本": [("ben3", ["root", "classifier for books, periodicals, files etc"])]}
    report = checker.Report(quiet=True)
    checker.check_gloss_rules(report, "x", "本", "ben3", ["root"], cedict)
    checker.check_gloss_rules(report, "x", "书", "shu1", ["book", "variant of 書"], cedict)
    checker.check_gloss_rules(report, "x", "本", "ben3", ["(measure word for books)"], cedict)
    assert report.problems == 2
