"""Anki and Pleco text exports <-> lessons.

Readers take the bytes of an export and give back a lesson file's text and the
Lesson it holds. A problem with the file itself (encoding, quotes, headers,
columns) stops the import with file:line: field for each problem. A note that
cannot become a word (a Cloze note, an empty meaning, a duplicate) is named
with its line: the import stops unless the tutor asked to skip such notes
(`skip_bad=True`), and then the skipped notes are listed in `Imported.skipped`.
Every reader is linear in the number of notes. Writers turn a Lesson into text
the readers (and Anki, and Pleco) read back with every word kept, other readings
included (one text field: "dé: to obtain; to get | děi: must").

- `anki`: Anki "Notes in Plain Text" (.txt, tab-separated, optional `#key:value`
  header lines).
- `pleco`: Pleco flashcard text export (`simplified[traditional]<TAB>pinyin<TAB>definition`).
- `common`: decoding, field cleaning and the all-or-nothing finish both share.

Pure: bytes in, text out. Must never import storage, UI or audio.
"""

from lianxi.core.interop.anki import ANKI_COLUMNS, anki_text, read_anki
from lianxi.core.interop.common import BadNotes, Imported, decode_export, readings_from_text, readings_text
from lianxi.core.interop.pleco import pleco_definition, pleco_text, read_pleco

__all__ = [
    "ANKI_COLUMNS", "BadNotes", "Imported", "anki_text", "decode_export", "pleco_definition",
    "pleco_text", "read_anki", "read_pleco", "readings_from_text", "readings_text",
]
