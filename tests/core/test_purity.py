"""core/ stays pure: no UI, storage or audio library is loaded by importing it."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_importing_core_loads_no_ui_storage_or_audio_library():
    code = (
        "import sys, pkgutil, importlib, lianxi.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('lianxi.core.' + m.name)\n"
        "bad = [m for m in ('textual', 'rich', 'sqlite_utils', 'sqlite3', 'pyttsx3', 'click') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_linter_contracts_hold():
    linter = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(linter)], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
