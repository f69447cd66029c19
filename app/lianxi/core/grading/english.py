"""Grading a typed meaning against the word's English glosses.

Pure: standard library and lianxi.core only; never I/O, storage, UI or audio.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from lianxi.core.grading.verdicts import Grade, Verdict, not_answered
from lianxi.core.schedule import Rating

__all__ = ["grade_english"]

_ARTICLES = frozenset({"a", "an", "the"})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^]]*\]")


def _words(text: str, brackets: bool = False) -> list[str]:
    """Lowercase words without punctuation or articles; a leading "to" (verbs) is dropped.

    Words in brackets are dropped, or with `brackets` kept as plain words.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[()\[\]]", " ", text) if brackets else _BRACKETS.sub(" ", text)
    text = text.replace("'", "").replace("’", "")
    words = [w for w in re.split(r"[^\w]+", text) if w and w not in _ARTICLES]
    if len(words) > 1 and words[0] == "to":
        words = words[1:]
    return words


def _one_typo(a: str, b: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for k in range(len(long_)):
        if long_[:k] + long_[k + 1:] == short:
            return True
    return False


def _matches(typed: list[str], gloss: list[str]) -> str | None:
    """None if no match; "" for an exact match; the corrected word for a forgiven typo."""
    if not gloss:
        return None
    if len(typed) != len(gloss):
        # "good bye", "good-bye" and "nevermind" are spacing, not mistakes.
        return "" if "".join(typed) == "".join(gloss) else None
    typo = ""
    for t, g in zip(typed, gloss, strict=True):
        if t == g:
            continue
        if typo or len(g) <= 4 or not _one_typo(t, g):
            return None
        typo = g
    return typo


def grade_english(typed: str, glosses: Sequence[str]) -> Grade:
    """Match a typed meaning with any gloss: case, articles, a leading "to", punctuation and
    words in brackets do not matter; one typo in a word longer than four letters is forgiven."""
    shown = "; ".join(glosses)
    words = _words(typed)
    if not words:
        return not_answered(shown)
    typo_match = None
    for gloss in glosses:
        parts = [gloss, *re.split(r"[;,/]", _BRACKETS.sub(" ", gloss))]
        for gloss_words in [_words(gloss, brackets=True)] + [_words(p) for p in parts]:
            found = _matches(words, gloss_words)
            if found == "":
                return Grade(Verdict.EXACT, Rating.Good, (), gloss)
            if found and typo_match is None:
                typo_match = (gloss, found)
    if typo_match:
        gloss, _ = typo_match
        return Grade(Verdict.EXACT, Rating.Good, (), gloss, f"one typo forgiven: it is spelled {gloss}")
    return Grade(Verdict.WRONG, Rating.Again, (), shown)
