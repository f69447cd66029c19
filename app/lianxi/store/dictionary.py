"""The dictionary index in the learner's database: CC-CEDICT entries, searchable three ways.

Built once, on first use (a few seconds), from the entries core.dictionary reads;
then hanzi, pinyin and English lookups are single indexed queries:
- hanzi: an FTS5 table where each character is a token finds the entries that
  contain the query (SQLite cannot use an index for LIKE '%x%'); exact, prefix
  and contains are then told apart in the ORDER BY;
- pinyin: a toneless key ("nihao") indexed for exact and prefix, tones checked
  with GLOB on the numbered key ("ni3 hao[1-5]") among those rows;
- English: an FTS5 table (porter stemming) plus a table of whole glosses for
  exact matches ("go" finds 去 before 去世).
Results are ordered in SQL by the rule in core.dictionary.rank_key. Must never
import the UI or audio.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from lianxi.core.dictionary import (
    CONTAINS, EXACT, POINTER, STARTS, Entry, Found, HskWord, Query, gloss_keys, popularity, rank_key, reading_keys,
)
from lianxi.store.db import transaction

# Bump when the index's content rules change, so existing databases rebuild it.
INDEX_FORMAT = "3"


_INDEXES = (
    "CREATE INDEX IF NOT EXISTS dictionary_simplified ON dictionary_entries (simplified)",
    "CREATE INDEX IF NOT EXISTS dictionary_traditional ON dictionary_entries (traditional)",
    "CREATE INDEX IF NOT EXISTS dictionary_toneless ON dictionary_entries (toneless)",
    # covering indexes: the searches read only these two columns
    "CREATE INDEX IF NOT EXISTS dictionary_gloss_keys ON dictionary_glosses (key, entry_id, weak)",
)
_DROP_INDEXES = (
    "DROP INDEX IF EXISTS dictionary_simplified",
    "DROP INDEX IF EXISTS dictionary_traditional",
    "DROP INDEX IF EXISTS dictionary_toneless",
    "DROP INDEX IF EXISTS dictionary_gloss_keys",
)

_COLUMNS = "e.id, e.simplified, e.traditional, e.pinyin, e.english, e.hsk_level, e.hsk_rank, e.minor, e.popular"
_ORDER = (f"m, e.minor = {POINTER}, e.hsk_rank IS NULL, e.hsk_rank, e.minor, e.popular DESC, "
          "length(e.simplified), e.id")

Progress = Callable[[float, str], None]


def _nothing(done: float, what: str) -> None:
    pass


class DictionaryIndex:
    """The CC-CEDICT index inside one learner database."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    # -- building ------------------------------------------------------------------

    def version(self) -> str | None:
        """What the index was built from (format, dictionary, HSK words), or None if never built."""
        row = self.conn.execute("SELECT value FROM dictionary_info WHERE key = 'version'").fetchone()
        return row[0] if row else None

    def size(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM dictionary_entries").fetchone()[0]

    def build(self, entries: Iterable[Entry], hsk: Sequence[HskWord], version: str,
              expected: int = 122_000, progress: Progress = _nothing) -> int:
        """Replace the index with `entries`, tagging HSK words.

        Entries are streamed in batches (the whole dictionary is never held in memory),
        each batch its own short transaction, so answers the learner gives meanwhile are
        never kept waiting; the version is written last, so an index whose build was
        stopped (or failed) is never taken for a built one. `progress(fraction, what)`
        is called as the work goes on, with `expected` entries standing for 100% of the
        storing step; an exception it raises stops the build.
        """
        progress(0.0, "Reading the dictionary")
        with self._transaction() as c:
            c.execute("DELETE FROM dictionary_info WHERE key = 'version'")
            c.execute("INSERT INTO dictionary_english (dictionary_english) VALUES ('delete-all')")
            c.execute("INSERT INTO dictionary_hanzi (dictionary_hanzi) VALUES ('delete-all')")
            for sql in _DROP_INDEXES:
                c.execute(sql)
            for table in ("dictionary_entries", "dictionary_glosses"):
                c.execute(f"DELETE FROM {table}")
        headwords: list[str] = []
        count = 0
        for batch in _batches(entries, 10_000):
            rows, glosses, chars = [], [], []
            for entry in batch:
                count += 1
                toned, toneless = reading_keys(entry.pinyin)
                headwords.append(entry.simplified)
                rows.append((
                    count, entry.simplified, entry.traditional, entry.pinyin, toned,
                    toneless, " / ".join(entry.senses), entry.minor,
                ))
                glosses.extend((key, count, weak) for key, weak in gloss_keys(entry.senses).items())
                spelled = " ".join(entry.simplified)
                if entry.traditional != entry.simplified:
                    spelled += " , " + " ".join(entry.traditional)
                chars.append((count, spelled))
            with self._transaction() as c:
                c.executemany(
                    "INSERT INTO dictionary_entries (id, simplified, traditional, pinyin, toned, toneless, "
                    "english, minor) VALUES (?,?,?,?,?,?,?,?)", rows)
                c.executemany("INSERT INTO dictionary_glosses VALUES (?, ?, ?)", glosses)
                c.executemany("INSERT INTO dictionary_hanzi (rowid, chars) VALUES (?, ?)", chars)
            progress(min(0.7 * count / expected, 0.7), "Storing the entries")
        progress(0.7, "Indexing hanzi and pinyin")
        popular = popularity(headwords)
        short = {word for word in headwords if len(word) <= 2}
        del headwords
        with self._transaction() as c:
            for sql in _INDEXES:
                c.execute(sql)
            c.executemany(
                "UPDATE dictionary_entries SET popular = ? WHERE simplified = ?",
                ((popular[word] - 1, word) for word in short if popular[word] > 1),
            )
            del popular, short
            self._tag_hsk(hsk)
        progress(0.8, "Indexing English")
        with self._transaction() as c:
            c.execute("INSERT INTO dictionary_english (dictionary_english) VALUES ('rebuild')")
            c.execute(
                "INSERT INTO dictionary_info (key, value) VALUES ('version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (version,),
            )
        progress(1.0, "Done")
        return count

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with transaction(self.conn) as conn:
            yield conn

    def _tag_hsk(self, hsk: Sequence[HskWord]) -> None:
        """Mark HSK words: the entry with the lesson's reading, else every entry of that word."""
        c = self.conn
        best: dict[str, HskWord] = {}
        for word in hsk:
            if word.hanzi not in best or word.rank < best[word.hanzi].rank:
                best[word.hanzi] = word
        c.execute("DROP TABLE IF EXISTS temp.hsk_words")
        c.execute("CREATE TEMP TABLE hsk_words (hanzi TEXT PRIMARY KEY, toned TEXT, toneless TEXT, "
                  "level TEXT, rank INTEGER)")
        c.executemany("INSERT INTO temp.hsk_words VALUES (?,?,?,?,?)",
                      ((w.hanzi, w.toned, w.toneless, w.level, w.rank) for w in best.values()))
        # the lesson's exact reading, else the same letters with other tones, else every reading
        for match in ("AND h.toned = dictionary_entries.toned", "AND h.toneless = dictionary_entries.toneless", ""):
            c.execute(
                "UPDATE dictionary_entries SET hsk_rank = h.rank, hsk_level = h.level FROM temp.hsk_words h "
                f"WHERE h.hanzi = dictionary_entries.simplified {match}"
            )
            c.execute(
                "DELETE FROM temp.hsk_words WHERE hanzi IN "
                "(SELECT simplified FROM dictionary_entries WHERE hsk_rank IS NOT NULL)"
            )
        c.execute("DROP TABLE temp.hsk_words")

    # -- searching -----------------------------------------------------------------

    def search(self, query: Query, limit: int = 20) -> list[Found]:
        """Entries matching the query, best first (see core.dictionary.rank_key)."""
        from lianxi.core.dictionary import QueryKind, merge

        if query.kind is QueryKind.HANZI:
            return self._hanzi(query.hanzi, limit)
        lists = []
        if query.searches_pinyin and query.toneless:
            lists.append(self._pinyin(query.toneless, query.tones, limit))
        if query.searches_english and query.words:
            lists.append(self._english(query.words, limit))
        return merge(*lists, limit=limit)

    def entry(self, entry_id: int) -> Found | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS}, 0 AS m FROM dictionary_entries e WHERE e.id = ?", (entry_id,)
        ).fetchone()
        return _found(row) if row else None

    def by_hanzi(self, hanzi: str) -> list[Found]:
        """Every entry written `hanzi` (either script), most useful reading first."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS}, 0 AS m FROM dictionary_entries e WHERE e.simplified = :q "
            f"UNION SELECT {_COLUMNS}, 0 AS m FROM dictionary_entries e WHERE e.traditional = :q "
            f"ORDER BY m, minor = {POINTER}, hsk_rank IS NULL, hsk_rank, minor, popular DESC, id",
            {"q": hanzi},
        ).fetchall()
        return [_found(r) for r in rows]

    def _hanzi(self, text: str, limit: int) -> list[Found]:
        rows = self.conn.execute(
            f"""
            SELECT {_COLUMNS},
              CASE WHEN e.simplified = :q OR e.traditional = :q THEN {EXACT}
                   WHEN substr(e.simplified, 1, :n) = :q OR substr(e.traditional, 1, :n) = :q THEN {STARTS}
                   ELSE {CONTAINS} END AS m
            FROM dictionary_entries e
            WHERE e.id IN (SELECT rowid FROM dictionary_hanzi WHERE dictionary_hanzi MATCH :phrase)
              AND (instr(e.simplified, :q) > 0 OR instr(e.traditional, :q) > 0)
            ORDER BY {_ORDER} LIMIT :limit
            """,
            {"q": text, "n": len(text), "phrase": '"' + " ".join(text.replace('"', "")) + '"', "limit": limit},
        ).fetchall()
        return [_found(r) for r in rows]

    def _pinyin(self, toneless: str, tones: str, limit: int) -> list[Found]:
        if tones:
            where = "AND (e.toned GLOB :tones OR e.toned GLOB :tones || ' *')"
            exact = "e.toned GLOB :tones"
        else:
            where, exact = "", "e.toneless = :key"
        rows = self.conn.execute(
            f"""
            SELECT {_COLUMNS}, CASE WHEN {exact} THEN {EXACT} ELSE {STARTS} END AS m
            FROM dictionary_entries e
            WHERE e.toneless >= :key AND e.toneless < :end {where}
            ORDER BY {_ORDER} LIMIT :limit
            """,
            {"key": toneless, "end": toneless + "\U0010ffff", "tones": tones, "limit": limit},
        ).fetchall()
        return [_found(r) for r in rows]

    def _english(self, words: Sequence[str], limit: int) -> list[Found]:
        phrase = " ".join(words)
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        rows = self.conn.execute(
            f"""
            SELECT {_COLUMNS},
              COALESCE((SELECT MIN(g.weak) FROM dictionary_glosses g
                        WHERE g.key = :phrase AND g.entry_id = e.id), {CONTAINS}) AS m
            FROM dictionary_entries e
            WHERE e.id IN (SELECT rowid FROM dictionary_english WHERE dictionary_english MATCH :match)
            ORDER BY {_ORDER} LIMIT :limit
            """,
            {"phrase": phrase, "match": match, "limit": limit},
        ).fetchall()
        return [_found(r) for r in rows]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _found(row: tuple) -> Found:
    entry_id, simp, trad, pinyin, english, level, hsk_rank, minor, popular, match = row
    return Found(
        id=entry_id, simplified=simp, traditional=trad, pinyin=pinyin,
        senses=tuple(english.split(" / ")), hsk_level=level, match=match,
        order=rank_key(match, hsk_rank, minor, popular, len(simp), entry_id),
    )


def lesson_words(conn: sqlite3.Connection, lesson_id: str) -> list[dict]:
    """A lesson's current words as lesson-file fields, in lesson order (for rewriting "My words")."""
    rows = conn.execute(
        "SELECT hanzi, numbered, english, traditional, measure_word, example, example_pinyin, "
        "example_english, note, tags FROM notes WHERE lesson_id = ? AND NOT removed ORDER BY position",
        (lesson_id,),
    ).fetchall()
    return [
        {
            "hanzi": r[0], "pinyin": r[1], "numbered": r[1], "english": json.loads(r[2]), "traditional": r[3],
            "measure_word": r[4], "example": r[5], "example_pinyin": r[6], "example_english": r[7],
            "note": r[8], "tags": json.loads(r[9]),
        }
        for r in rows
    ]


def rekey_notes(conn: sqlite3.Connection, lesson_id: str, renames: dict[str, str]) -> None:
    """Give notes of a lesson new keys (old -> new), keeping their cards and reviews."""
    if not renames:
        return
    with transaction(conn) as c:
        c.executemany("UPDATE notes SET key = ? WHERE lesson_id = ? AND key = ?",
                      [(new, lesson_id, old) for old, new in renames.items()])
