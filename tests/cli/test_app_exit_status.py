"""The app tells the shell when it stopped on an error (issue 14.3), also once it is running.

tests/cli/test_damaged_files.py covers the faults met while opening (a lock folder, a
damaged file); here the fault comes while the app runs: a fault of the file (a typed
error, said in one line) and a bug in Lianxi. Each run is the console script in its own
process, as from a shell; the fault is injected at the app's first refresh.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(r'''
    import sys
    import lianxi.ui.app as ui
    from lianxi.store.db import Damaged

    made, kind = ui.make_app, sys.argv[1]

    def make_app(*args, **kwargs):
        app = made(*args, **kwargs)

        def fault():
            if kind == "bug":
                raise RuntimeError("a bug in a screen")
            raise Damaged("the progress file is damaged (a test): run `lianxi data check`")

        app.call_after_refresh(fault)
        return app

    ui.make_app = make_app
    sys.argv = ["lianxi", "--data-dir", sys.argv[2]]
    from lianxi.cli import main
    main()
''')


@pytest.mark.parametrize("fault", ["damaged", "bug"])
def test_the_app_stopping_on_an_error_while_it_runs_exits_non_zero(tmp_path, fault):
    from lianxi.study import Learner

    data = tmp_path / "data"
    learner = Learner.open(data)
    learner.start_bundled("first-01-greetings")
    learner.progress.set_setting("welcomed", True)
    learner.close()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("LIANXI_DEBUG", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT, fault, str(data)], capture_output=True, text=True,
                          timeout=120, env=env, stdin=subprocess.DEVNULL)
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    if fault == "bug":
        assert "RuntimeError: a bug in a screen" in done.stderr
    else:
        assert done.stderr.rstrip().endswith("lianxi: the progress file is damaged (a test): run `lianxi data check`")
        assert "Traceback" not in done.stderr
