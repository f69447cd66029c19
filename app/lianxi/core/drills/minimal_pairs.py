"""The minimal pairs drill: zh or z? -n or -ng? hear one syllable of a group, pick which."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from functools import lru_cache

from lianxi.core.drills.confusion import lean_choice, other_than_last
from lianxi.core.drills.items import Drill, Item
from lianxi.core.drills.tones import attested_syllables
from lianxi.core.pinyin import Syllable
from lianxi.core.syllables import VALID_SYLLABLES


def _has_initial(base: str, initial: str) -> bool:
    # "zhi" starts with "z" but its initial is "zh"
    return base.startswith(initial) and not (len(initial) == 1 and initial in "zcs" and base[1:2] == "h")


def _initial_sets(*initials: str) -> list[tuple[str, ...]]:
    first = initials[0]
    finals = {b[len(first):] for b in VALID_SYLLABLES if _has_initial(b, first)}
    out = []
    for final in sorted(finals):
        group = tuple(i + final for i in initials)
        if all(g in VALID_SYLLABLES for g in group):
            out.append(group)
    return out


def _nasal_sets() -> list[tuple[str, ...]]:
    return [(b, b + "g") for b in sorted(VALID_SYLLABLES)
            if b.endswith("n") and len(b) > 1 and b + "g" in VALID_SYLLABLES]


CONTRASTS: tuple[str, ...] = ("zh/z", "ch/c", "sh/s", "j/q/x", "u/ü", "-n/-ng")


@lru_cache(maxsize=None)
def minimal_sets(contrast: str) -> tuple[tuple[str, ...], ...]:
    """The syllable groups (same tone possible for all) that differ only in `contrast`."""
    if contrast in ("zh/z", "ch/c", "sh/s"):
        groups = _initial_sets(contrast[:2], contrast[3])
    elif contrast == "j/q/x":
        groups = _initial_sets("j", "q", "x")
    elif contrast == "u/ü":
        groups = [(f"{i}u{rest}", f"{i}ü{rest}") for i in "nl" for rest in ("", "e")
                  if f"{i}u{rest}" in VALID_SYLLABLES and f"{i}ü{rest}" in VALID_SYLLABLES]
        groups.append(("wu", "yu"))  # written yu, said ü
    elif contrast == "-n/-ng":
        groups = _nasal_sets()
    else:
        raise ValueError(f"unknown contrast {contrast!r}; choose one of {', '.join(CONTRASTS)}")
    attested = attested_syllables()
    return tuple(g for g in groups if _shared_tones(g, attested))


def _shared_tones(group: Sequence[str], attested: Mapping[int, Sequence[str]]) -> list[int]:
    return [t for t in (1, 2, 3, 4) if all(b in attested[t] for b in group)]


def choose_minimal(rng: random.Random, stats: Mapping[str, tuple[int, int]],
                   contrast: str | None = None, avoid: str | None = None) -> Item:
    """Syllables differing in one sound, all in one tone; one is played, the learner picks it.
    `avoid` is the syllable played last: never the same one twice in a row."""
    key = contrast or lean_choice(rng, CONTRASTS, stats)
    group = rng.choice(minimal_sets(key))
    tone = rng.choice(_shared_tones(group, attested_syllables()))
    options = tuple(Syllable(b, tone) for b in group)
    index = options.index(rng.choice(other_than_last(options, avoid, lambda s: s.numbered)))
    played = options[index]
    return Item(Drill.MINIMAL, key, played.numbered, pinyin=played.numbered,
                options=tuple(s.marked for s in options), answer_index=index, shown=played.marked)
