"""The bundled lexicon (app/lianxi/data/lexicon.txt), read once per process.

core.lexicon is pure and takes the file's text; this is the edge that reads it, for
every layer that needs spoken forms or grading (audio, study, cli). The file is
generated from CC-CEDICT (CC BY-SA 4.0) by scripts/make_lexicon.py. Imports only
lianxi.core; never the UI, the store or audio.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lianxi.core.lexicon import Lexicon

__all__ = ["bundled_lexicon"]

LEXICON_FILE = "lexicon.txt"


@lru_cache(maxsize=1)
def bundled_lexicon() -> Lexicon:
    """The lexicon shipped with Lianxi; an empty one (pypinyin readings only) if it is missing."""
    try:
        text = (resources.files("lianxi") / "data" / LEXICON_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return Lexicon()
    return Lexicon(text)
