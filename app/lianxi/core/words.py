"""What makes two lesson entries the same word, so they share one memory.

A word is its hanzi and its reading. The reading is the numbered pinyin as the lesson
parser normalises it (lower case, one syllable per space, neutral tone 5, erhua joined:
"yi4 dianr3"), with one rule from Mandarin: 一 and 不 change tone by context (yī/yí/yì,
bù/bú, neutral in 对不起), and lessons write either the citation tone or the spoken one.
Those are one word said one way, so 一 and 不 count at their citation tones (yi1, bu4).
Any other tone difference is a different word (东西 dōngxī "east and west" is not
东西 dōngxi "thing"), and so is any other syllable.

The store's migration m100 keys existing words with this rule; changing it later needs a
migration that re-keys them. Pure: stdlib only, no I/O.
"""

from __future__ import annotations

# hanzi -> (toneless syllable, citation tone) for the characters whose tone is sandhi only
_CONTEXT_TONED = {"一": ("yi", "1"), "不": ("bu", "4")}


def reading_key(hanzi: str, numbered: str) -> str:
    """The reading two entries must share to be the same word (see the module docstring).

    >>> reading_key("一点儿", "yi4 dianr3")
    'yi1 dianr3'
    >>> reading_key("对不起", "dui4 bu5 qi3")
    'dui4 bu4 qi3'
    >>> reading_key("东西", "dong1 xi5")
    'dong1 xi5'
    """
    syllables = numbered.lower().split()
    if not any(ch in _CONTEXT_TONED for ch in hanzi):
        return " ".join(syllables)
    chars = [ch for ch in hanzi if not ch.isspace()]
    out, at = [], 0
    for syllable in syllables:
        if at >= len(chars):  # hanzi and pinyin do not pair up: leave the reading as written
            return " ".join(syllables)
        base = syllable.rstrip("12345")
        citation = _CONTEXT_TONED.get(chars[at])
        out.append(citation[0] + citation[1] if citation and base == citation[0] else syllable)
        at += 1
        # an erhua syllable (dianr) is written with two characters (点儿)
        if base.endswith("r") and base != "er" and at < len(chars) and chars[at] == "儿":
            at += 1
    if at != len(chars):
        return " ".join(syllables)
    return " ".join(out)
