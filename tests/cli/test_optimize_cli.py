"""`lianxi optimize`: shows the fit before and after, asks before saving; --reset; no library, one line."""

import sys

from click.testing import CliRunner

from lianxi.cli import cli
from lianxi.study import Learner
from lianxi.study.schedule_settings import fitted

from simulated_learner import give_history, studied, studied_template  # noqa: F401


def run(data_dir, *args, input=None):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], input=input, catch_exceptions=False)


def parameters_saved(data_dir):
    learner = Learner.open(data_dir)
    try:
        return fitted(learner.progress)
    finally:
        learner.close()


def test_optimize_shows_both_fits_and_saves_only_when_asked(studied, data_dir):
    studied[0].close()
    out = run(data_dir, "optimize", input="n\n")
    assert out.exit_code == 0, out.output
    assert "In use: FSRS's default parameters" in out.output
    assert "Reviews used:" in out.output and "of your 2,000 answers" in out.output
    lines = out.output.splitlines()
    before = next(line for line in lines if line.strip().startswith("defaults"))
    after = next(line for line in lines if line.strip().startswith("fitted"))
    assert float(after.split()[1]) < float(before.split()[1])  # log loss: lower is better
    assert "Nothing saved" in out.output and parameters_saved(data_dir) is None

    out = run(data_dir, "optimize", input="y\n")
    assert out.exit_code == 0 and "cards rescheduled" in out.output
    saved = parameters_saved(data_dir)
    assert saved is not None and saved.fitted_on and len(saved.parameters) == 21
    assert f"fitted on {saved.fitted_on}" in run(data_dir, "settings").output

    out = run(data_dir, "optimize", "--reset")
    assert out.exit_code == 0 and "Back to FSRS's default parameters" in out.output
    assert parameters_saved(data_dir) is None
    assert "already in use" in run(data_dir, "optimize", "--reset").output


def test_too_few_reviews_say_how_many_more(learner, data_dir):
    give_history(learner, 120)
    learner.close()
    out = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "optimize"])
    assert out.exit_code == 1
    assert "more, then try again" in out.output and "default parameters" in out.output
    assert "Traceback" not in out.output


def test_without_the_library_optimize_says_what_is_missing_and_the_rest_works(data_dir, monkeypatch):
    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)
    out = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "optimize"])
    assert out.exit_code == 1 and "fsrs-rs-python" in out.output and "Traceback" not in out.output
    assert run(data_dir, "settings").exit_code == 0
    assert run(data_dir, "stats").exit_code == 0
    assert run(data_dir, "optimize", "--reset").exit_code == 0  # going back to defaults needs no library


def test_light_days_and_load_balancing_from_the_command_line(data_dir):
    assert run(data_dir, "settings", "light-days", "sat", "Sunday").output.strip() == "Light days: Sat Sun."
    assert run(data_dir, "settings", "load-balance", "off").exit_code == 0
    shown = run(data_dir, "settings").output
    assert "load-balance: off" in shown and "light-days:   Sat Sun" in shown
    bad = run(data_dir, "settings", "light-days", "someday")
    assert bad.exit_code == 2 and "'someday' is not a weekday" in bad.output
    assert run(data_dir, "settings", "light-days", "mon", "tue", "wed", "thu", "fri", "sat", "sun").exit_code == 2
    assert run(data_dir, "settings", "light-days", "none").output.strip() == "Light days: none."
    learner = Learner.open(data_dir)
    assert learner.settings.light_days == frozenset() and learner.settings.load_balance is False
    learner.close()
