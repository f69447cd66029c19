"""Searching the dictionary index: CC-CEDICT entries, found three ways.

The index is its own file in the cache folder, built once from CC-CEDICT (see
store.dictionary_file); hanzi, pinyin and English lookups are single indexed queries:
- hanzi: an FTS5 table where each character is a token finds the entries that
  contain the query (SQLite cannot use an index for LIKE '%x%'); exact, prefix
  and contains are then told apart in the ORDER BY;
- pinyin: a toneless key ("nihao") indexed for exact and prefix, tones checked
  with GLOB on the numbered key ("ni3 hao[1-5]") among those rows;
- English: an FTS5 table (porter stemming) plus a table of whole glosses for
  exact matches ("go" finds 去 before 去世).
Results are ordered in SQL by the rule in core.ranking.rank_key. Must never
import the UI or audio.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from lianxi.core.dictionary.lookup import Found, Query
from lianxi.core.ranking import CONTAINS, EXACT, POINTER, STARTS, LEVEL_STEP, STEMMED, WHOLE_WORDS, rank_key
from lianxi.store.dictionary_file import index_version

# what a result line needs (the entry view reads the rest: levels of both lists, ...)
_COLUMNS = ("e.id, e.simplified, e.traditional, e.pinyin, e.english, e.hsk_level, e.hsk_rank, e.minor, "
            "e.popular, e.common, e.target_english")
# core.ranking.rank_key in SQL; each query selects its match as m and its band as b
_ORDER = (f"b, e.minor = {POINTER}, e.hsk_rank IS NULL, m, e.common, e.hsk_rank, "
          "e.minor, e.popular DESC, length(e.simplified), e.id")
# English: within a learner-word level, the word with fewer meanings is the closer translation
_ENGLISH_ORDER = _ORDER.replace(
    "m, e.common", f"m, COALESCE(e.hsk_rank, 0) / {LEVEL_STEP}, e.glosses, e.common")


class DictionaryIndex:
    """Searches over the CC-CEDICT index file (a read-only connection; see store.dictionary_file)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def version(self) -> str | None:
        return index_version(self.conn)

    def size(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM dictionary_entries").fetchone()[0]

    # -- searching -----------------------------------------------------------------

    def search(self, query: Query, limit: int = 20) -> list[Found]:
        """Entries matching the query, best first (see core.ranking)."""
        from lianxi.core.dictionary.lookup import QueryKind
        from lianxi.core.ranking import merge

        if query.kind is QueryKind.HANZI:
            return self._hanzi(query.hanzi, limit)
        lists = []
        if query.searches_pinyin and query.toneless:
            lists.append(self._pinyin(query.toneless, query.tones, limit))
        if query.searches_english and query.words:
            lists.append(self._english(query.words, limit))
        return merge(*lists, limit=limit, readings=len(lists) > 1)

    def entry(self, entry_id: int) -> Found | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS}, 0 AS m, 0 AS b FROM dictionary_entries e WHERE e.id = ?", (entry_id,)
        ).fetchone()
        return _found(row) if row else None

    def by_hanzi(self, hanzi: str, resolve: bool = True) -> list[Found]:
        """Every entry written `hanzi` (either script), most useful reading first.

        `resolve=False` keeps a pointer entry's own senses ("erhua variant of 一点"), for the entry view.
        """
        rows = self.conn.execute(
            f"SELECT {_COLUMNS}, 0 AS m, 0 AS b FROM dictionary_entries e "
            "WHERE e.simplified = :q OR e.traditional = :q "
            f"ORDER BY {_ORDER}",
            {"q": hanzi},
        ).fetchall()
        return [_found(r, resolve=resolve) for r in rows]

    def levels(self, hanzi: str) -> tuple[str, str]:
        """(HSK 2.0 level, HSK 3.0 band) of a word written `hanzi` in either script; "" where not listed."""
        row = self.conn.execute(
            "SELECT MAX(hsk2), MAX(hsk3) FROM dictionary_entries WHERE simplified = :q OR traditional = :q",
            {"q": hanzi},
        ).fetchone()
        return (row[0] or "", row[1] or "") if row else ("", "")

    def containing(self, hanzi: str, limit: int = 6) -> list[Found]:
        """Words built on `hanzi` (longer words that contain it), learner words and the most frequent first.

        One entry per word (its best reading); entries that only point elsewhere are left out.
        """
        rows = self.conn.execute(
            f"""
            SELECT {_COLUMNS}, {CONTAINS} AS m, 0 AS b
            FROM dictionary_entries e
            WHERE e.id IN (SELECT rowid FROM dictionary_hanzi WHERE dictionary_hanzi MATCH :phrase)
              AND e.simplified <> :q AND e.traditional <> :q AND e.minor <> {POINTER}
              AND (instr(e.simplified, :q) > 0 OR instr(e.traditional, :q) > 0)
            ORDER BY {_ORDER} LIMIT :limit
            """,
            {"q": hanzi, "phrase": '"' + " ".join(hanzi.replace('"', "")) + '"', "limit": limit * 3},
        ).fetchall()
        seen: set[str] = set()
        out = []
        for row in rows:
            if row[1] not in seen:
                seen.add(row[1])
                out.append(_found(row))
        return out[:limit]

    def _hanzi(self, text: str, limit: int) -> list[Found]:
        """The word typed, words starting with it, words containing it; in either script.

        Characters are often typed in a mix of scripts or with a traditional variant that
        no dictionary word is written with (妳好, 学習): when the text is not a word as
        typed, each character with a simplified form of its own is read as that form too
        (妳 -> 你, 習 -> 习), so 妳好 finds 你好 first.
        """
        found = self._hanzi_as_typed(text, limit)
        if any(f.match == EXACT for f in found):
            return found
        simplified = self.simplified_form(text)
        if simplified == text:
            return found
        from lianxi.core.ranking import merge

        return merge(self._hanzi_as_typed(simplified, limit), found, limit=limit)

    def simplified_form(self, text: str) -> str:
        """`text` with each character that is a traditional form read as its usual simplified one."""
        out = []
        for ch in text:
            row = self.conn.execute(
                "SELECT simplified FROM dictionary_entries e "
                "WHERE e.traditional = ? AND length(e.simplified) = 1 AND e.simplified <> e.traditional "
                f"ORDER BY e.minor = {POINTER}, e.hsk_rank IS NULL, e.common, e.hsk_rank, e.minor, "
                "e.popular DESC, e.id LIMIT 1",
                (ch,),
            ).fetchone()
            out.append(row[0] if row else ch)
        return "".join(out)

    def _hanzi_as_typed(self, text: str, limit: int) -> list[Found]:
        # what was typed outranks being a learner word: the band is the match itself
        rows = self.conn.execute(
            f"""
            SELECT {_COLUMNS},
              CASE WHEN e.simplified = :q OR e.traditional = :q THEN {EXACT}
                   WHEN substr(e.simplified, 1, :n) = :q OR substr(e.traditional, 1, :n) = :q THEN {STARTS}
                   ELSE {CONTAINS} END AS m
            FROM dictionary_entries e
            WHERE e.id IN (SELECT rowid FROM dictionary_hanzi WHERE dictionary_hanzi MATCH :phrase)
              AND (instr(e.simplified, :q) > 0 OR instr(e.traditional, :q) > 0)
            ORDER BY {_ORDER.replace("b,", "m,", 1)} LIMIT :limit
            """,
            {"q": text, "n": len(text), "phrase": '"' + " ".join(text.replace('"', "")) + '"', "limit": limit},
        ).fetchall()
        return [_found(r + (r[-1],)) for r in rows]

    def _pinyin(self, toneless: str, tones: str, limit: int) -> list[Found]:
        if tones:
            where = "AND (e.toned GLOB :tones OR e.toned GLOB :tones || ' *')"
            exact = "e.toned GLOB :tones"
        else:
            where, exact = "", "e.toneless = :key"
        # the best `limit` are picked from the covering index alone (many rows share a reading:
        # "ji" has hundreds), then only those rows are read
        rows = self.conn.execute(
            f"""
            SELECT {_COLUMNS}, CASE WHEN {exact} THEN {EXACT} ELSE {STARTS} END AS m, 0 AS b
            FROM dictionary_entries e
            WHERE e.id IN (
              SELECT e.id FROM dictionary_entries e
              WHERE e.toneless >= :key AND e.toneless < :end {where}
              ORDER BY {_ORDER.replace("b, ", "").replace(" m,", f" CASE WHEN {exact} THEN 0 ELSE 1 END,", 1)}
              LIMIT :limit)
            ORDER BY {_ORDER}
            """,
            {"key": toneless, "end": toneless + "\U0010ffff", "tones": tones, "limit": limit},
        ).fetchall()
        return [_found(r) for r in rows]

    def _english(self, words: Sequence[str], limit: int) -> list[Found]:
        phrase = " ".join(words)
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        # the entries with a gloss equal to the query, gathered once (not probed per candidate)
        rows = self.conn.execute(
            f"""
            WITH exact AS (SELECT entry_id, MIN(weak) AS weak FROM dictionary_glosses WHERE key = :phrase
                           GROUP BY entry_id)
            SELECT {_COLUMNS}, e.glosses, COALESCE(x.weak, {CONTAINS}) AS m,
              CASE WHEN x.weak IS NOT NULL THEN x.weak
                   WHEN instr(e.words, :spaced) > 0 THEN {WHOLE_WORDS} ELSE {STEMMED} END AS b
            FROM dictionary_entries e LEFT JOIN exact x ON x.entry_id = e.id
            WHERE e.id IN (SELECT rowid FROM dictionary_english WHERE dictionary_english MATCH :match)
            ORDER BY {_ENGLISH_ORDER} LIMIT :limit
            """,
            {"phrase": phrase, "spaced": f" {phrase} ", "match": match, "limit": limit},
        ).fetchall()
        return [_found(r, english_search=True) for r in rows]


def _found(row: tuple, english_search: bool = False, resolve: bool = True) -> Found:
    entry_id, simp, trad, pinyin, english, level, hsk_rank, minor, popular, common, target = row[:11]
    match, band = row[-2:]
    return Found(
        id=entry_id, simplified=simp, traditional=trad, pinyin=pinyin,
        # an entry that only points elsewhere reads with the senses of the word it stands for
        senses=tuple((target if target and resolve else english).split(" / ")), hsk_level=level, match=match,
        order=rank_key(match, hsk_rank, minor, popular, len(simp), entry_id, band=band, common=common,
                       glosses=row[11] if english_search else None),
    )
