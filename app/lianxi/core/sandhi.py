"""Spoken forms: the syllables as they are said, from hanzi and/or the pinyin written for them.

`spoken_form` is the one answer to "how is this said?": speech, the `--spoken` line,
speaking practice, classroom and grading all take it from here. The rules, written for
a teacher to check (tests/core/spoken_forms.tsv holds 100+ cases):

1. Reading. Lesson pinyin is said as written. Hanzi alone are read word by word: the
   dictionary's reading of each word (CC-CEDICT through the lexicon: 谢谢 xie4 xie5,
   东西 dong1 xi5 "thing", 哪儿 nar3 as one syllable) where its syllables agree with
   pypinyin's reading in context, else pypinyin's; a word ending in 儿 that the dictionary
   reads both ways is read with its erhua (花儿 huar1, not the folk song hua1 er2); a word
   that starts its phrase is not read with a light first syllable, which belongs after a
   verb (起来 alone is qi3 lai5 "to get up", not the complement qi5 lai5). A
   neutral 儿 after a syllable is erhua, joined to it (nǎ er is said nar3), also in written
   pinyin; so is a 儿 that no dictionary word takes in (门儿 menr2, 慢慢儿 man4 manr4):
   儿 is a full syllable er2 only inside words the dictionary reads so (女儿, 儿子, 婴儿).
   A 地 that is a word of its own after an adverbial (a word of two or more syllables,
   很 + adjective, a repeated count) is the particle de (高兴地说 gao1 xing4 de5 shuo1),
   not dì "ground" (这块地, 我们的地).
2. 一 (yi1): A一A (看一看) neutral, but not 一A一A "one A after another" (一个一个 yi2 ge4 yi2 ge4);
   yi1 as a number (第一, 十一, 一九八四, 一月) or an ordinal (一楼, 一年级, 一等奖), at the end
   of a word (统一, 唯一; not before a measure word: 同一个) or of a phrase; otherwise yi2
   before a fourth (or a neutral that was a fourth: 一个) tone, yi4 before tones 1-3
   (一天, 一年, 一起, 一点儿 yi4 dian3r).
3. 不 (bu4): A不A (好不好; not 一A不A: 一动不动 yi2 dong4 bu2 dong4), inside words the
   dictionary reads with a neutral 不 (对不起 dui4 bu5 qi3, 差不多) and in a potential
   complement, verb + 不 + result (受不了, 赶不上 gan3 bu5 shang4) neutral; bu2 before a
   fourth tone; otherwise bu4.
4. Third tones by word structure, cyclically: a third tone before a third tone becomes a
   second, first inside the smallest words, then across them. A word of three or more
   syllables splits where the lexicon finds words (展览|馆 -> zhan2 lan2 guan3, 小|老虎 ->
   xiao3 lao2 hu3; 2+1 when it finds none); words in a phrase join from the right
   (我也很好 wo2 ye3 hen2 hao3), except that a number's digits bind to the unit after them
   ([五百][五] wu2 bai2 wu3, [两百][五十] liang2 bai2 wu3 shi2). Punctuation ends a phrase
   and every run.
5. A neutral syllable that is a third tone made neutral still counts as a third tone
   (小姐 xiao2 jie5, 哪里 na2 li5); one that is neutral of its own does not (椅子 yi3 zi5,
   好吗 hao3 ma5), and nor does the second of a reduplicated kinship noun (姐姐 jie3 jie5).
   Neutral syllables are said neutral.

Without hanzi, only rule 4 applies, pairwise from the right (yi1/bu4 could be 衣/部).
Pure: standard library, pypinyin and lianxi.core only; never I/O, UI, storage or audio.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lianxi.core.lexicon import EMPTY, Lexicon
from lianxi.core.hanzi import CITATION, char_readings, hanzi_reading, is_hanzi
from lianxi.core.pinyin import NEUTRAL, Syllable, parse
from lianxi.core.syllables import takes_erhua

__all__ = ["SpokenForm", "apply_sandhi", "dictionary_reading", "spoken_form"]

_ER = "儿"
# Characters that make 一 a number read in full (第一, 十一, 一九八四): it keeps tone 1.
_NUMBER_BEFORE = frozenset("第〇零一二三四五六七八九十百千万亿两")
_NUMBER_AFTER = frozenset("〇零一二三四五六七八九月号")
# Ordinals without 第: "number one" of a floor, a grade, a class of prize (一楼, 一年级, 一等奖).
_ORDINAL_AFTER = ("楼", "年级", "等奖")
# Measure words after a word ending in 一 (同一个, 另一种) make that 一 a count again.
_MEASURE = frozenset("个次天年种样件本张条位只点些下把块口家句段份场回遍层支双套群批项篇首部台辆架座间所棵朵片封杯瓶碗顿趟阵声眼步刻分秒周半")
# A number: digits, and the units a digit binds to on its left (五百, 两千, 三十).
_DIGITS = frozenset("〇零一二三四五六七八九两几")
_UNITS = frozenset("十百千万亿")
# Results and directions a verb takes after 不 in a potential complement (受不了, 赶不上).
_COMPLEMENTS = frozenset("了起上下到住开动见着去来过完懂清出进回及得")
# Degree words before a one-syllable adjective (很快地 the particle de).
_DEGREE = frozenset({"很", "更", "最", "太", "挺", "非常", "十分", "特别", "比较", "越来越"})
# Reduplicated kinship nouns keep their first third tone before the neutral second (姐姐).
_KINSHIP = frozenset("姐奶姥嫂婶姊")


@dataclass(frozen=True, slots=True)
class SpokenForm:
    """Syllables as they are said, phrase by phrase (punctuation separates phrases)."""

    phrases: tuple[tuple[Syllable, ...], ...]

    @property
    def syllables(self) -> tuple[Syllable, ...]:
        return tuple(s for phrase in self.phrases for s in phrase)

    @property
    def numbered(self) -> str:
        """The spoken line: numbered syllables, phrases separated by ", " (zhan2 lan2 guan3)."""
        return ", ".join(" ".join(s.numbered for s in phrase) for phrase in self.phrases if phrase)


def spoken_form(hanzi: str = "", pinyin: str | Sequence[Syllable] | None = None, *,
                lexicon: Lexicon = EMPTY) -> SpokenForm:
    """The syllables as they are said: numbered, sandhi and neutral tones applied, erhua joined.

    `pinyin` (text or syllables) is the reading as written, e.g. a lesson's; without it the
    hanzi are read with the dictionary's readings (rule 1 above). With both, the pinyin
    must pair with the hanzi (an erhua syllable takes the 儿 after it), else the pinyin is
    said alone. Raises PinyinError for pinyin or hanzi it cannot read.
    """
    written = parse(pinyin) if isinstance(pinyin, str) else list(pinyin or ())
    if any(is_hanzi(ch) for ch in hanzi):
        if not written:
            written = dictionary_reading(hanzi, lexicon=lexicon)
        places = _places(hanzi, written)
        if places is not None:
            spoken = _speak(hanzi, written, places, lexicon)
            phrases: list[list[Syllable]] = []
            for i, syllable in enumerate(spoken):
                joined = i and places[i][0] == places[i - 1][1]
                if (joined and hanzi[places[i][0]] == _ER and syllable.base == "er"
                        and syllable.tone == NEUTRAL and takes_erhua(phrases[-1][-1])):
                    last = phrases[-1][-1]  # a neutral er written apart (nǎ er) is said as erhua
                    phrases[-1][-1] = Syllable(last.base, last.tone, True)
                elif joined:
                    phrases[-1].append(syllable)
                else:
                    phrases.append([syllable])
            return SpokenForm(tuple(tuple(p) for p in phrases))
    if isinstance(pinyin, str):
        pieces = [parse(chunk) for chunk in _phrase_chunks(pinyin)]
    else:
        pieces = [written]
    return SpokenForm(tuple(tuple(apply_sandhi(p)) for p in pieces if p))


def apply_sandhi(syllables: Sequence[Syllable], hanzi: str | None = None, *,
                 lexicon: Lexicon = EMPTY) -> list[Syllable]:
    """Spoken tones for syllables as written (rules 2-5), as one list; the input is not changed.

    With `hanzi` the syllables must pair with its hanzi (an erhua syllable may take the 儿
    after it), else ValueError. Without it, only third tones change, pairwise from the right.
    """
    syllables = list(syllables)
    if hanzi is None:
        tones = [s.tone for s in syllables]
        for i in range(len(tones) - 2, -1, -1):
            if tones[i] == 3 and tones[i + 1] == 3:
                tones[i] = 2
        return [_with_tone(s, t) for s, t in zip(syllables, tones, strict=True)]
    places = _places(hanzi, syllables)
    if places is None:
        count = sum(1 for ch in hanzi if is_hanzi(ch))
        raise ValueError(f"apply_sandhi: {len(syllables)} syllables but {count} hanzi in {hanzi!r}")
    return _speak(hanzi, syllables, places, lexicon)


def dictionary_reading(hanzi: str, *, lexicon: Lexicon = EMPTY) -> list[Syllable]:
    """The dictionary's reading of hanzi, word by word (rule 1), before sandhi.

    Tones are citation tones (一 yi1, 不 bu4, as CC-CEDICT mostly but not always writes
    them), with the dictionary's neutral tones and erhua. Characters that are not hanzi
    are skipped.
    """
    out: list[Syllable] = []
    for run in _hanzi_runs(hanzi):
        context = hanzi_reading(run)
        start = 0
        said: list[tuple[str, Syllable, bool]] = []  # (hanzi, syllable, a word of its own)
        words = lexicon.words(run) if lexicon else list(run)
        for k, word in enumerate(words):
            plain = context[start : start + len(word)]
            start += len(word)
            reading = _word_reading(word, plain, lexicon, after_word=k > 0)
            if word == "地" and _adverbial_de(words[:k]):
                reading = [Syllable("de", NEUTRAL)]  # 高兴地说, 一个一个地: the particle, not dì "ground"
            for syllable, (a, _) in zip(reading, _places(word, reading) or [], strict=False):
                citation = CITATION.get(word[a])
                if citation and syllable.base == citation.base and syllable.tone != NEUTRAL:
                    syllable = citation
                said.append((word[a], syllable, len(word) == 1))
        first = len(out)
        for char, syllable, alone in said:
            # pypinyin reads an erhua 儿 as a neutral er (一会儿), never 而, 二 or 女儿's 儿; a 儿
            # that no dictionary word takes in (门儿, 慢慢儿) is the erhua suffix too.
            erhua = syllable.tone == NEUTRAL or (alone and bool(lexicon))
            if (char == _ER and syllable.base == "er" and erhua and len(out) > first
                    and takes_erhua(out[-1])):
                out[-1] = Syllable(out[-1].base, out[-1].tone, True)
            else:
                out.append(syllable)
    return out


# --- reading hanzi ----------------------------------------------------------------------


def _adverbial_de(before: Sequence[str]) -> bool:
    """Whether a 地 that is a word of its own after these words is the particle de (rule 1).

    It is after a word of two or more syllables (高兴地, 认真地, 慢慢地), after an adjective
    with a degree word (很快地) or after a repeated count (一个一个地), but not after 的, a
    measure word or a demonstrative (我们的地, 这块地, 这些地: the noun dì "land").
    """
    if not before:
        return False
    last = before[-1]
    if len(before) >= 4 and before[-2:] == before[-4:-2]:
        return True  # 一个一个地, 一步一步地
    if len(last) < 2:
        return len(before) > 1 and before[-2] in _DEGREE
    return last[-1] not in _MEASURE and last[-1] != "的" and last not in ("这些", "那些")


def _hanzi_runs(text: str) -> list[str]:
    runs, current = [], ""
    for ch in text:
        if is_hanzi(ch):
            current += ch
        elif current:
            runs.append(current)
            current = ""
    return [*runs, current] if current else runs


def _word_reading(word: str, plain: Sequence[Syllable], lexicon: Lexicon, *,
                  after_word: bool = True) -> list[Syllable]:
    """One word: the dictionary's reading with the same syllables as pypinyin's, else pypinyin's.

    A reading that starts light (起来 qi5 lai5, the complement) belongs after a verb (站起来);
    a word that starts its phrase takes a reading with a full first tone (起来 qi3 lai5 "get up").
    """
    if len(word) > 1:
        readings = lexicon.readings(word)
        if not after_word:
            readings = sorted(readings, key=lambda r: bool(r.syllables) and r.syllables[0].tone == NEUTRAL)
        if word.endswith(_ER):  # 花儿: the erhua word (huār "flower"), not the full er2 (a folk song)
            readings = sorted(readings, key=lambda r: not (r.syllables and r.syllables[-1].erhua))
        for reading in readings:
            places = _places(word, reading.syllables)
            if places is not None and all(
                s.base == plain[a].base or (s.erhua and a + 1 < len(word) and word[a + 1] == _ER)
                for s, (a, _) in zip(reading.syllables, places, strict=True)
            ):
                return list(reading.syllables)
    return list(plain)


def _places(hanzi: str, syllables: Sequence[Syllable]) -> list[tuple[int, int]] | None:
    """For each syllable, the span of `hanzi` it is read for (an erhua one takes a 儿 after it)."""
    chars = [k for k, ch in enumerate(hanzi) if is_hanzi(ch)]
    out, k = [], 0
    for s in syllables:
        if k >= len(chars):
            return None
        start = chars[k]
        k += 1
        if s.erhua and k < len(chars) and hanzi[chars[k]] == _ER and chars[k] == start + 1:
            k += 1
        out.append((start, chars[k - 1] + 1))
    return out if k == len(chars) else None


def _phrase_chunks(pinyin: str) -> list[str]:
    out, current = [], ""
    for ch in pinyin:
        if ch in ",.!?;:，。！？；：、…—":
            out.append(current)
            current = ""
        else:
            current += ch
    return [*out, current]


# --- the rules -------------------------------------------------------------------------


def _with_tone(s: Syllable, tone: int) -> Syllable:
    return s if s.tone == tone else Syllable(s.base, tone, s.erhua)


def _underlying(s: Syllable, char: str, before: str, lexicon: Lexicon) -> int:
    """The tone a syllable counts as for sandhi (rule 5): a neutral one its character's tone."""
    if s.tone != NEUTRAL:
        return s.tone
    if lexicon.has_own_neutral(char, s.base) or (char == before and char in _KINSHIP):
        return NEUTRAL
    for reading in char_readings(char):
        if reading.base == s.base:
            return reading.tone  # the first (usual) reading with this sound; 子 zi5, 里 li3
    return NEUTRAL


def _speak(hanzi: str, syllables: Sequence[Syllable], places: list[tuple[int, int]],
           lexicon: Lexicon) -> list[Syllable]:
    n = len(syllables)
    chars = [hanzi[a] for a, _ in places]
    ends = [i == n - 1 or places[i + 1][0] != places[i][1] for i in range(n)]  # phrase ends
    tones = [_underlying(s, chars[i], chars[i - 1] if i else "", lexicon) for i, s in enumerate(syllables)]
    # Words, as syllable index ranges, and where each syllable's word ends.
    words: list[list[int]] = []
    for phrase in _split(range(n), ends):
        run = "".join(chars[i] for i in phrase)
        start = 0
        for word in lexicon.words(run) if lexicon else list(run):
            words.append(list(phrase[start : start + len(word)]))
            start += len(word)
    word_of = {i: w for w in words for i in w}
    spoken = [s.tone for s in syllables]
    for i, ch in enumerate(chars):
        if ch not in "一不" or syllables[i].base not in ("yi", "bu"):
            continue
        prev = chars[i - 1] if i and not ends[i - 1] else ""
        nxt = chars[i + 1] if not ends[i] else ""
        if prev and prev == nxt and not (i > 1 and chars[i - 2] == "一" and not ends[i - 2]):
            spoken[i] = tones[i] = NEUTRAL  # 看一看, 好不好; not 一个一个 "one by one", 一动不动
        elif ch == "一":
            # 另一 "another" always counts what follows (另一方面 ling4 yi4 fang1 mian4)
            word_final = _ends_word(i, word_of[i], chars, lexicon) and nxt not in _MEASURE and prev != "另"
            ordinal = "".join(chars[i + 1 : i + 3]).startswith(_ORDINAL_AFTER) and prev not in _MEASURE
            if not nxt or word_final or prev in _NUMBER_BEFORE or nxt in _NUMBER_AFTER or ordinal:
                spoken[i] = tones[i] = 1
            else:
                spoken[i] = tones[i] = 2 if tones[i + 1] in (4, NEUTRAL) else 4
        elif syllables[i].tone == NEUTRAL or _neutral_bu(i, word_of[i], chars, lexicon):
            spoken[i] = tones[i] = NEUTRAL  # 对不起
        else:
            spoken[i] = tones[i] = 2 if nxt and tones[i + 1] == 4 else 4
    for phrase in _split(range(n), ends):
        _cycle(_phrase_tree([w for w in words if w[0] in phrase], chars, lexicon), tones)
    # Neutral syllables stay neutral; 一/不 and third tones take their new tones.
    return [_with_tone(s, NEUTRAL if spoken[i] == NEUTRAL else tones[i]) for i, s in enumerate(syllables)]


def _ends_word(i: int, word: list[int], chars: list[str], lexicon: Lexicon) -> bool:
    """Whether syllable i ends a dictionary word inside its word (统一, 统一|思想)."""
    if len(word) > 1 and word[-1] == i:
        return True
    rest = "".join(chars[k] for k in word if k > i)
    if not lexicon.is_word(rest):
        return False
    return any(lexicon.is_word("".join(chars[k] for k in word if start <= k <= i))
               for start in word if start < i)


def _neutral_bu(i: int, word: list[int], chars: list[str], lexicon: Lexicon) -> bool:
    """不 inside a word that the dictionary reads with a neutral 不 (对不起, 来不及), or the 不
    of a potential complement, verb + 不 + result (受不了, 赶不上, 瞧不起: CC-CEDICT writes
    some of these bu4, the way they are said is light, as in 看不起 and 买不起)."""
    if len(word) < 2:
        return False
    if (len(word) == 3 and word[1] == i and chars[word[2]] in _COMPLEMENTS
            and chars[word[0]] not in "一不"):
        return True
    text = "".join(chars[k] for k in word)
    for reading in lexicon.readings(text)[:1]:
        if len(reading.syllables) == len(word):
            s = reading.syllables[word.index(i)]
            return s.base == "bu" and s.tone == NEUTRAL
    return False


def _split(indices: range, ends: list[bool]) -> list[list[int]]:
    out, current = [], []
    for i in indices:
        current.append(i)
        if ends[i]:
            out.append(current)
            current = []
    return [*out, current] if current else out


def _phrase_tree(words: list[list[int]], chars: list[str], lexicon: Lexicon):
    """Words joined from the right: [w1, [w2, w3]]; each word split by its structure, and
    a number by its units ([五百][五], not 五 + 百五)."""
    nodes: list = []
    number: list[int] = []
    for word in [*words, []]:
        if word and all(chars[i] in _DIGITS or chars[i] in _UNITS for i in word):
            number.extend(word)
            continue
        if number:
            nodes.append(_number_tree(number, chars))
            number = []
        if word:
            nodes.append(_word_tree(word, chars, lexicon))
    return _join_right(nodes) if nodes else None


def _join_right(nodes: list):
    tree = None
    for node in reversed(nodes):
        tree = node if tree is None else [node, tree]
    return tree


def _number_tree(number: list[int], chars: list[str]):
    """A number's parts, each digit with the unit after it: 五百五十 -> [[五, 百], [五, 十]],
    joined from the right; digits without units (a year, 一九九一) join from the right."""
    parts: list = []
    current: list[int] = []
    for i in number:
        current.append(i)
        if chars[i] in _UNITS:
            parts.append(_join_right(current))
            current = []
    parts.extend(current)
    return _join_right(parts)


def _word_tree(word: list[int], chars: list[str], lexicon: Lexicon):
    """A word's constituents: split where the most sides are dictionary words, then
    nearest the middle, then 2+1 before 1+2 (rule 4: 展览|馆, 小|老虎, 岂有|此理)."""
    if len(word) == 1:
        return word[0]
    if len(word) == 2:
        return [word[0], word[1]]
    text = "".join(chars[k] for k in word)
    best = None
    for cut in range(1, len(word)):
        left, right = text[:cut], text[cut:]
        score = lexicon.is_word(left) + lexicon.is_word(right)
        key = (-score, abs(len(word) - 2 * cut), -cut)
        if best is None or key < best[0]:
            best = (key, cut)
    assert best is not None
    cut = best[1]
    return [_word_tree(word[:cut], chars, lexicon), _word_tree(word[cut:], chars, lexicon)]


def _edge(node, last: bool) -> int:
    while isinstance(node, list):
        node = node[-1] if last else node[0]
    return node


def _cycle(node, tones: list[int]) -> None:
    """Third-tone sandhi inside each constituent first, then across it (rule 4)."""
    if not isinstance(node, list):
        return
    for child in node:
        _cycle(child, tones)
    for left, right in zip(node, node[1:]):
        a, b = _edge(left, True), _edge(right, False)
        if tones[a] == 3 and tones[b] == 3:
            tones[a] = 2
