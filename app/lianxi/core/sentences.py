"""Example sentences: reading a Tatoeba-style file and choosing the best ones for a word.

A sentence file is UTF-8 text, one pair per line, three tab-separated columns:
English, Chinese, attribution (Tatoeba's "Chinese-English" download has this
shape). `read_sentences` turns its bytes into sentences, or raises
`SentenceProblems` naming each bad line and saying how to fix it; nothing is
imported from a file with any problem. `choose_examples` prefers short sentences
whose other words the learner already knows. Pure: no files, SQLite or UI.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lianxi.core.errors import UserError
from lianxi.core.hanzi import count_hanzi, is_hanzi

COLUMNS = ("English", "Chinese", "attribution")
SHORT = 24  # characters: longer sentences are not offered as examples
LONGEST_WORD = 6
CONSIDERED = 60  # candidate sentences scored per word
SHOWN_PROBLEMS = 10


@dataclass(frozen=True, slots=True)
class Sentence:
    english: str
    chinese: str
    attribution: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class SentenceError:
    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


class SentenceProblems(UserError):
    """A sentence file that cannot be imported as it is; nothing was imported."""

    def __init__(self, errors: Sequence[SentenceError]):
        self.errors = list(errors)
        shown = [str(e) for e in self.errors[:SHOWN_PROBLEMS]]
        if len(self.errors) > SHOWN_PROBLEMS:
            shown.append(f"... and {len(self.errors) - SHOWN_PROBLEMS} more problems")
        shown.append(
            "Nothing was imported. A sentence file has one pair per line: "
            "English <tab> Chinese <tab> attribution, saved as UTF-8."
        )
        super().__init__("\n".join(shown))


def _decode(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SentenceProblems([SentenceError(
            source, 1, "is UTF-16 text; save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SentenceProblems([SentenceError(
            source, line,
            "is not UTF-8 text (this line has a byte UTF-8 never uses; the file may be Latin-1, "
            "GBK or Big5): save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
        )]) from None


def read_sentences(data: bytes, source: str = "<sentences>") -> list[Sentence]:
    """Every sentence pair in a file's bytes; raise SentenceProblems listing every bad line."""
    text = unicodedata.normalize("NFC", _decode(data, source))
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()  # blank lines after the last sentence are harmless; blank lines between are not
    errors: list[SentenceError] = []
    sentences: list[Sentence] = []

    def problem(number: int, message: str) -> None:
        errors.append(SentenceError(source, number, message))

    if not lines:
        problem(1, "has no sentences: give one pair per line, English <tab> Chinese <tab> attribution")
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        if not line.strip():
            problem(number, "is empty: remove empty lines (one sentence pair per line)")
            continue
        columns = line.split("\t")
        if len(columns) != len(COLUMNS):
            problem(number, f"has {len(columns)} column{'s' if len(columns) != 1 else ''}, not 3: write "
                            "English <tab> Chinese <tab> attribution, separated by tabs")
            continue
        english, chinese, attribution = (c.strip() for c in columns)
        if count_hanzi(english) and not count_hanzi(chinese):
            problem(number, "the English and Chinese columns look swapped: English comes first")
            continue
        if not english:
            problem(number, "column 1 (English) is empty")
        if not count_hanzi(chinese):
            problem(number, f"column 2 should be the Chinese sentence, but {chinese[:30]!r} has no hanzi")
        if not attribution:
            problem(number, "column 3 (attribution) is empty: every sentence keeps its source and licence")
        if english and count_hanzi(chinese) and attribution:
            sentences.append(Sentence(english, chinese, attribution, number))
    if errors:
        raise SentenceProblems(errors)
    return sentences


def short_attribution(text: str) -> str:
    """Tatoeba's attribution in fewer columns for a card: the licence and every id and author kept."""
    return re.sub(r"^CC-BY 2\.0 \(France\) Attribution:\s*", "CC BY 2.0 FR · ", text)


# -- choosing examples -------------------------------------------------------------------


def sentences_with(words: Iterable[str], sentences: Sequence[tuple[int, str]]) -> dict[str, list[int]]:
    """word -> ids of the short sentences that contain it (one pass over the sentences)."""
    wanted = {w for w in words if w}
    if not wanted:
        return {}
    longest = min(max(len(w) for w in wanted), LONGEST_WORD)
    found: dict[str, list[int]] = {}
    for sentence_id, chinese in sentences:
        if len(chinese) > SHORT:
            continue
        seen = set()
        n = len(chinese)
        for i in range(n):
            if not is_hanzi(chinese[i]):
                continue
            for size in range(1, min(longest, n - i) + 1):
                piece = chinese[i : i + size]
                if piece in wanted and piece not in seen:
                    seen.add(piece)
                    found.setdefault(piece, []).append(sentence_id)
    return found


def known_share(chinese: str, word: str, known: set[str] | frozenset[str]) -> float:
    """How much of the rest of a sentence (its hanzi besides `word`) is made of known words.

    Greedy longest match from the left, words of up to LONGEST_WORD characters. A sentence
    that is only the word ("谢谢！") is wholly readable: 1.0.
    """
    total = count_hanzi(chinese)
    if not total:
        return 0.0
    own = covered = 0
    i, n = 0, len(chinese)
    while i < n:
        if not is_hanzi(chinese[i]):
            i += 1
            continue
        for size in range(min(LONGEST_WORD, n - i), 0, -1):
            piece = chinese[i : i + size]
            if piece == word:
                own += size
            elif piece in known:
                covered += size
            else:
                continue
            i += size
            break
        else:
            i += 1
    rest = total - own
    return covered / rest if rest else 1.0


def choose_examples(word: str, candidates: Sequence[tuple[int, str]], known: set[str] | frozenset[str],
                    limit: int = 3, studying: set[str] | frozenset[str] = frozenset()) -> list[int]:
    """The ids of up to `limit` sentences for `word`: most readable first, then shortest.

    "Readable" is the share of the sentence's other words the learner has already
    answered (`known`); ties go to words in the learner's lessons (`studying`), then to
    the shorter sentence. Sentences that differ only in punctuation count once.
    """
    # the shortest few dozen are enough to find readable ones (是 has thousands of sentences)
    shortest = sorted(candidates, key=lambda c: (len(c[1]), c[0]))[:CONSIDERED]
    scored = sorted(
        shortest,
        key=lambda c: (-round(known_share(c[1], word, known), 2), -round(known_share(c[1], word, studying), 2),
                       count_hanzi(c[1]), c[0]),
    )
    chosen: list[int] = []
    seen_text: set[str] = set()
    for sentence_id, chinese in scored:
        bare = "".join(ch for ch in chinese if is_hanzi(ch))
        if bare in seen_text:
            continue
        seen_text.add(bare)
        chosen.append(sentence_id)
        if len(chosen) == limit:
            break
    return chosen
