"""A character's components as a learner reads them: 你 = 亻(人) + 尔. Pure: stdlib only.

The decomposition data (study.components) lists each character's parts in one or
more ways: first with each part's full form (你: 人 尔), then with the form the part
takes inside a character (亻 尔). A learner sees the written form, with the full form
it stands for beside it when they differ: 亻(人), 讠(言), 月(肉) in 脑, 艹(草) in 茶.

Which written forms stand for which full forms is the table below (the side forms of
the radicals a learner meets in HSK characters); only a pair in it is joined, so a
look-alike (才 for 扌) is never offered as the form of 手.
"""

from __future__ import annotations

from collections.abc import Sequence

# written form inside a character -> the full forms it stands for
SIDE_FORMS: dict[str, frozenset[str]] = {
    "亻": frozenset("人"), "讠": frozenset("言"), "扌": frozenset("手"), "氵": frozenset("水"),
    "忄": frozenset("心"), "⺗": frozenset("心"), "艹": frozenset("草艸"), "饣": frozenset("食"),
    "飠": frozenset("食"), "阝": frozenset("阜邑"), "钅": frozenset("金"), "釒": frozenset("金"),
    "纟": frozenset("糸"), "糹": frozenset("糸"), "礻": frozenset("示"), "衤": frozenset("衣"),
    "犭": frozenset("犬"), "刂": frozenset("刀"), "⺈": frozenset("刀"), "灬": frozenset("火"),
    "攵": frozenset("攴"), "罒": frozenset("网"), "辶": frozenset("辵"), "⻊": frozenset("足"),
    "𧾷": frozenset("足"), "牜": frozenset("牛"), "王": frozenset("玉"), "⺮": frozenset("竹"),
    "耂": frozenset("老"), "月": frozenset("肉"), "丬": frozenset("爿"), "⺌": frozenset("小"),
    "⺍": frozenset("小"), "⺊": frozenset("卜"), "𠂉": frozenset("人"), "覀": frozenset("西"),
    "冫": frozenset("冰"), "⻏": frozenset("邑"), "⻖": frozenset("阜"), "爫": frozenset("爪"),
    "⺶": frozenset("羊"), "𦍌": frozenset("羊"), "⺧": frozenset("牛"), "⺨": frozenset("犬"),
    "歺": frozenset("歹"), "㇒": frozenset("丿"),
}


# single strokes: a character split only into these (人 = 丿 + 乀) is a stroke count, not components
STROKES = frozenset("一丨丿乀丶乙亅乚乛乁⺄𠃊𠃋𠃌𠃍𠃑") | frozenset(map(chr, range(0x31C0, 0x31E4)))  # + CJK Strokes


def is_strokes_only(parts: Sequence[tuple[str, str]]) -> bool:
    return all(written in STROKES for written, _ in parts)


def written_parts(ways: Sequence[Sequence[str]]) -> tuple[tuple[str, str], ...]:
    """Each part as (written form, full form or ""), from the data's ways of splitting a character.

    The first way gives the parts; another way of the same length that writes a part
    in a side form of it (亻 for 人) gives the written form.
    """
    if not ways:
        return ()
    first = list(ways[0])
    out = []
    for i, part in enumerate(first):
        written = next((way[i] for way in ways[1:] if len(way) == len(first)
                        and part in SIDE_FORMS.get(way[i], ())), "")
        out.append((written, part) if written else (part, ""))
    return tuple(out)


def components_line(parts: Sequence[tuple[str, str]]) -> str:
    """"亻(人) + 尔": each part written as it appears, its full form in brackets when different."""
    return " + ".join(f"{written}({full})" if full else written for written, full in parts)
