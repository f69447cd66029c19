"""Settings from the command line reach the scheduler and the screens."""

from click.testing import CliRunner

from lianxi.cli import cli
from lianxi.study import Learner
from lianxi.ui.tones import DEFAULT_PALETTE, palette_from_setting


def run(data_dir, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


def test_settings_change_and_show(data_dir):
    assert run(data_dir, "settings", "new-per-day", "15").exit_code == 0
    assert run(data_dir, "settings", "retention", "0.85").exit_code == 0
    assert run(data_dir, "settings", "day-starts", "5").exit_code == 0
    assert run(data_dir, "settings", "tone-colours", "red", "orange", "green", "blue", "grey").exit_code == 0
    shown = run(data_dir, "settings").output
    assert "new-per-day:  15" in shown and "retention:    0.85" in shown and "day-starts:   5" in shown
    learner = Learner.open(data_dir)
    s = learner.settings
    assert (s.new_per_day, s.desired_retention, s.day_starts_at) == (15, 0.85, 5)
    assert palette_from_setting(learner.progress.setting("tone_colours")) == ("#FF0000", "#FFA500", "#008000", "#0000FF", "#808080")
    learner.close()


def test_bad_settings_say_what_to_do(data_dir):
    out = run(data_dir, "settings", "tone-colours", "red", "nope", "green", "blue", "grey")
    assert out.exit_code == 2 and "'nope' is not a colour" in out.output
    assert run(data_dir, "settings", "retention", "2").exit_code == 2
    assert palette_from_setting("off") is None and palette_from_setting(None) == DEFAULT_PALETTE
