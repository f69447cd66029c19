"""Use cases of example sentences: import a sentence file, choose examples, show them on cards.

Sentences come from a Tatoeba-style file the learner or tutor gives (English,
Chinese, attribution); each word of the learner's lessons gets up to three short
ones, preferring sentences made of words the learner already knows. A word added
later gets its examples the first time its card is shown. Must never import Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lianxi.core.sentences import (
    SHORT,
    SentenceError,
    SentenceProblems,
    choose_examples,
    read_sentences,
    sentences_with,
)
from lianxi.files import IMPORT_LIMIT, FileProblem, read_limited
from lianxi.store.sentences import Example, SentenceStore

EXAMPLES_PER_WORD = 3


@dataclass(frozen=True, slots=True)
class ImportReport:
    read: int  # pairs in the file
    added: int  # new to the database (the same Chinese sentence is kept once)
    words: int  # words in the learner's lessons
    with_examples: int  # of those, words that now have at least one example


def read_sentence_file(path: Path) -> list:
    try:
        data = read_limited(path, IMPORT_LIMIT, "sentence file")
    except FileProblem as exc:
        raise SentenceProblems([SentenceError(str(path), 1, exc.reason)]) from None
    return read_sentences(data, str(path))


def import_sentences(learner, path: Path) -> ImportReport:
    """Check the whole file first (nothing is imported if any line is bad), then store and attach.

    The file's sentences are written staged, in short transactions (an answer given
    meanwhile waits one batch at most), chosen for the learner's words, and made visible
    in one small last step: a stopped import shows nothing of itself and is cleared by
    the next one. The progress is backed up first.
    """
    from lianxi.store.db import in_short_transactions
    from lianxi.study.backups import backup_before

    sentences = read_sentence_file(path)
    store = SentenceStore(learner.progress.conn)
    if learner.progress.lesson_hashes():
        backup_before(learner, "import")
    store.clear_staged()
    batch = store.new_batch()
    in_short_transactions(store.conn, sentences, lambda rows: store.stage(batch, rows))
    staged = store.staged(batch)
    chosen = _choose(store, store.lesson_words(), extra=staged)
    with store.transaction():
        added = store.publish(batch)
    store.set_all_examples(chosen)
    return ImportReport(len(sentences), added, len(chosen), sum(1 for ids in chosen.values() if ids))


def attach_all(learner) -> ImportReport:
    """Choose again for every word (the learner knows more words now)."""
    store = SentenceStore(learner.progress.conn)
    chosen = _choose(store, store.lesson_words())
    store.set_all_examples(chosen)
    return ImportReport(0, 0, len(chosen), sum(1 for ids in chosen.values() if ids))


def _choose(store: SentenceStore, words: list[str], extra: list[tuple[int, str]] = ()) -> dict[str, list[int]]:
    """Each word's examples among the visible sentences and `extra` (an import's staged ones)."""
    sentences = store.all_chinese() + list(extra)
    if not words or not sentences:
        return {}
    text = dict(sentences)
    known = store.known_words()
    studying = set(words)
    found = sentences_with(words, sentences)
    return {
        word: choose_examples(word, [(i, text[i]) for i in found.get(word, [])], known, EXAMPLES_PER_WORD, studying)
        for word in words
    }


def examples_for(learner, hanzi: str) -> list[Example]:
    """A word's example sentences; chosen on first need for words added after the import."""
    store = SentenceStore(learner.progress.conn)
    if not store.checked(hanzi):
        if not store.count():
            return []
        candidates = store.containing(hanzi, SHORT)
        ids = choose_examples(hanzi, candidates, store.known_words(), EXAMPLES_PER_WORD,
                              set(store.lesson_words()))
        with store.transaction():
            store.set_examples({hanzi: ids})
    return store.examples(hanzi)


def card_extras(learner, card, revealed: bool) -> dict:
    """What a card shows beyond its word: the learner's script, and examples once revealed."""
    from lianxi.study.dictionary import script

    examples = examples_for(learner, card.hanzi) if revealed else []
    return {"script": script(learner.progress), "examples": examples}
