"""A Mandarin syllable: the table of valid ones, its tone, and where its tone mark goes.

`Syllable` is the value every other pinyin module passes around (core.pinyin reads
pinyin text into Syllables and writes them back; core.sandhi says how they are said).
Pure: standard library and lianxi.core.errors only.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lianxi.core.errors import UserError

__all__ = ["NASALS", "NEUTRAL", "NO_ERHUA", "VALID_SYLLABLES", "VOWELS", "PinyinError", "Syllable", "is_syllable",
           "takes_erhua"]

NEUTRAL = 5


class PinyinError(UserError, ValueError):
    """Text that is not valid pinyin; the message names the piece and says how to fix it."""

    def __init__(self, message: str, piece: str = "") -> None:
        super().__init__(message)
        self.piece = piece


# --- the syllable table -----------------------------------------------------------------

# Finals each initial combines with, in the standard Hanyu Pinyin table (plus the few
# colloquial syllables dictionaries list, e.g. dei, shei, zhei, den, fiao, rua, chua).
_TABLE = {
    "": "a o e ê ai ei ao ou an en ang eng er "
    "yi ya yo ye yao you yan yin yang ying yong "
    "wu wa wo wai wei wan wen wang weng yu yue yuan yun",
    "b": "ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu",
    "p": "pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu",
    "m": "ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu",
    "f": "fa fo fei fou fan fen fang feng fiao fu",
    "d": "da de dai dei dao dou dan den dang deng dong di dia die diao diu dian ding "
    "du duo dui duan dun",
    "t": "ta te tai tei tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun",
    "n": "na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning "
    "nu nuo nuan nü nüe",
    "l": "la lo le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling "
    "lu luo luan lun lü lüe",
    "g": "ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang",
    "k": "ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang",
    "h": "ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang",
    "j": "ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun",
    "q": "qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun",
    "x": "xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun",
    "zh": "zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong "
    "zhu zhua zhuo zhuai zhui zhuan zhun zhuang",
    "ch": "cha che chi chai chao chou chan chen chang cheng chong "
    "chu chua chuo chuai chui chuan chun chuang",
    "sh": "sha she shi shai shei shao shou shan shen shang sheng "
    "shu shua shuo shuai shui shuan shun shuang",
    "r": "re ri rao rou ran ren rang reng rong ru rua ruo rui ruan run",
    "z": "za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun",
    "c": "ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun",
    "s": "sa se si sai sao sou san sen sang seng song su suo sui suan sun",
}

# Syllabic nasals used in interjections (嗯 ng/n, 呣 m, 噷 hm, 哼 hng): only ever written alone.
NASALS = frozenset({"m", "n", "ng", "hm", "hng"})
# Bases that never take an erhua r ("e" + r would be written like the syllable er itself).
NO_ERHUA = frozenset({"er", "e", "ê"}) | NASALS

VALID_SYLLABLES: frozenset[str] = frozenset(
    {s for row in _TABLE.values() for s in row.split()} | NASALS
)

VOWELS = frozenset("aeiouüê")


def is_syllable(base: str) -> bool:
    """True if `base` is a toneless Mandarin syllable as the table writes it (ü as "ü")."""
    return base in VALID_SYLLABLES


# --- tone marks -------------------------------------------------------------------------

_MARK_FOR_TONE = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}


def _mark_index(base: str) -> int:
    """Where the tone mark goes: a or e first, then the o of ou, otherwise the last vowel."""
    for vowel in ("a", "e", "ê"):
        if vowel in base:
            return base.index(vowel)
    if "ou" in base:
        return base.index("o")
    for i in range(len(base) - 1, -1, -1):
        if base[i] in VOWELS:
            return i
    # Syllabic nasals carry the mark on the nasal itself: ḿ, ńg, hm̀.
    return base.index("m") if "m" in base else base.index("n")


def _with_mark(base: str, tone: int) -> str:
    if tone == NEUTRAL:
        return base
    i = _mark_index(base)
    return unicodedata.normalize("NFC", base[: i + 1] + _MARK_FOR_TONE[tone] + base[i + 1 :])


_MARKED = {(b, t): _with_mark(b, t) for b in VALID_SYLLABLES for t in range(1, 6)}


# --- the Syllable value -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Syllable:
    """One spoken syllable: toneless base (ü written "ü"), tone 1-4 or 5 (neutral), erhua."""

    base: str
    tone: int
    erhua: bool = False

    def __post_init__(self) -> None:
        if self.base not in VALID_SYLLABLES:
            raise PinyinError(
                f"'{self.base}' is not a Mandarin syllable (check the spelling)", self.base
            )
        if self.tone not in (1, 2, 3, 4, 5):
            raise PinyinError(
                f"'{self.base}{self.tone}' has tone {self.tone} "
                "(use 1-4, or 5 for the neutral tone)",
                f"{self.base}{self.tone}",
            )
        if self.erhua and self.base in NO_ERHUA:
            raise PinyinError(f"'{self.base}' cannot take an erhua r", self.base)

    @property
    def numbered(self) -> str:
        """Tone-number spelling, e.g. "lü4", "huar4", "ma5"."""
        return f"{self.base}{'r' if self.erhua else ''}{self.tone}"

    @property
    def marked(self) -> str:
        """Tone-mark spelling (NFC), e.g. "lǜ", "huàr", "ma"."""
        text = _MARKED[(self.base, self.tone)]
        return text + "r" if self.erhua else text

    def __str__(self) -> str:
        return self.numbered


def takes_erhua(s: Syllable) -> bool:
    """Whether an erhua r can join this syllable (not one that has it, nor er, e, ê or a nasal)."""
    return not s.erhua and s.base not in NO_ERHUA
