"""Unit tests for lianxi.core.pinyin: the tricky spellings learners and tutors type."""

import re
import subprocess
import sys
import timeit
import unicodedata

import pytest

from lianxi.core.errors import UserError
from lianxi.core.hanzi import hanzi_reading
from lianxi.core.pinyin import PinyinError, Syllable, for_speech, parse, to_marks, to_numbers, tone_spans
from lianxi.core.syllables import VALID_SYLLABLES, is_syllable


def numbers(text: str) -> str:
    return to_numbers(parse(text))


# --- the syllable table ---


def test_table_has_the_whole_inventory_and_nothing_impossible():
    assert 400 <= len(VALID_SYLLABLES) <= 430
    for s in ["a", "ê", "er", "m", "n", "ng", "hm", "hng", "yo", "lo", "lü", "nüe", "zhuang", "diu"]:
        assert is_syllable(s), s
    for s in ["lv", "zhiang", "bv", "xia3o", "ju:", "biang", "", "Ni", "jü", "r"]:
        assert not is_syllable(s), s


def test_syllable_spellings():
    assert Syllable("lü", 4).numbered == "lü4"
    assert Syllable("lü", 4).marked == "lǜ"
    assert Syllable("hua", 4, erhua=True).numbered == "huar4"
    assert Syllable("hua", 4, erhua=True).marked == "huàr"
    assert Syllable("ma", 5).marked == "ma"
    assert str(Syllable("hao", 3)) == "hao3"


def test_syllable_rejects_impossible_values():
    with pytest.raises(PinyinError):
        Syllable("lv", 4)
    with pytest.raises(PinyinError):
        Syllable("ma", 0)
    with pytest.raises(PinyinError):
        Syllable("er", 2, erhua=True)


@pytest.mark.parametrize(
    ("numbered", "marked"),
    [
        ("liu4", "liù"),  # iu: last vowel
        ("gui4", "guì"),  # ui: last vowel
        ("hou4", "hòu"),  # o of ou
        ("xue2", "xué"),  # e wins
        ("lüe4", "lüè"),
        ("nü3", "nǚ"),
        ("hao3", "hǎo"),  # a wins
        ("zhuang1", "zhuāng"),
        ("ng2", "ńg"),
        ("m2", "ḿ"),
        ("er2", "ér"),
    ],
)
def test_mark_placement(numbered, marked):
    assert to_marks(numbered) == marked
    assert numbers(marked) == numbered


def test_marks_come_out_precomposed():
    assert to_marks("ni3 hao3") == unicodedata.normalize("NFC", "nǐ hǎo")
    assert len(to_marks("ni3")) == 2


# --- parse: what learners type ---


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ni3hao3", "ni3 hao3"),
        ("ni3 hao3", "ni3 hao3"),
        ("ni3   hao3", "ni3 hao3"),
        ("  ni3\thao3\n", "ni3 hao3"),
        ("Nǐ Hǎo!", "ni3 hao3"),
        ("NI3 HAO3", "ni3 hao3"),
        ("nǐhǎo", "ni3 hao3"),
        ("nǐ hǎo，wǒ shì lǎoshī。", "ni3 hao3 wo3 shi4 lao3 shi1"),
        ("lüè", "lüe4"),
        ("lve4", "lüe4"),
        ("lu:e4", "lüe4"),
        ("lue4", "lüe4"),
        ("nv3", "nü3"),
        ("nu:3", "nü3"),
        ("NU:3", "nü3"),
        ("nü3", "nü3"),
        ("jv3", "ju3"),  # ü after j/q/x/y is written u
        ("nǚ'ér", "nü3 er2"),
        ("nǚ’ér", "nü3 er2"),  # typographic apostrophe
        ("nǚér", "nü3 er2"),  # the marks show the boundary
        ("nü3er2", "nü3 er2"),
        ("xi'an", "xi5 an5"),
        ("xian", "xian5"),
        ("Xī'ān", "xi1 an1"),
        ("xīān", "xi1 an1"),
        ("xian1", "xian1"),
        ("xi1an1", "xi1 an1"),
        ("Tiān'ānmén", "tian1 an1 men2"),
        ("fangan", "fan5 gan5"),  # no apostrophe: the standard reading
        ("fang'an", "fang5 an5"),
        ("fāngàn", "fan1 gan4"),  # the standard reading: fāng'àn needs its apostrophe
        ("bàngē", "ban4 ge1"),
        ("huàr", "huar4"),
        ("huar4", "huar4"),
        ("hua4r", "huar4"),
        ("yìdiǎnr", "yi4 dianr3"),
        ("hua4r5", "huar4"),
        # CC-CEDICT writes erhua as a separate r: huà r, hua4 r5, and sometimes wánr5.
        ("huà r", "huar4"),
        ("hua4 r5", "huar4"),
        ("chà diǎn r", "cha4 dianr3"),
        ("wánr5", "wanr2"),
        ("er2", "er2"),
        ("ér", "er2"),
        ("ér zi", "er2 zi5"),
        ("ma", "ma5"),
        ("ma5", "ma5"),
        ("ma0", "ma5"),
        ("xie4xie", "xie4 xie5"),
        ("xièxie", "xie4 xie5"),
        ("ni²", "ni2"),  # superscript tone numbers
        ("ｎｉ３", "ni3"),  # full-width, from a Chinese keyboard
        ("hăo", "hao3"),  # breve typed for caron
        ("ńg", "ng2"),
        ("hm", "hm5"),
        ("ê̄", "ê1"),
        ("yo", "yo5"),
        ("lo", "lo5"),
        ("bu4-yao4", "bu4 yao4"),
        ("", ""),
        (" ,.!? ", ""),
    ],
)
def test_parse_accepts_what_learners_type(typed, expected):
    assert numbers(typed) == expected


def test_combining_marks_read_like_precomposed():
    decomposed = unicodedata.normalize("NFD", "Nǚ'ér lǜ Xī'ān zhōngwén")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert parse(decomposed) == parse(unicodedata.normalize("NFC", decomposed))
    assert numbers(decomposed) == "nü3 er2 lü4 xi1 an1 zhong1 wen2"


def test_parse_returns_a_fresh_list():
    first = parse("ni3 hao3")
    first.append(Syllable("ma", 5))
    assert parse("ni3 hao3") == [Syllable("ni", 3), Syllable("hao", 3)]


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("xia3o", "xia3o"),
        ("bv", "bv"),
        ("zhiang", "zhiang"),
        ("ni3 zhiang1 hao3", "zhiang1"),
        ("wo3 xi1an", "xi1an"),
        ("woaini", "woaini"),  # needs apostrophes or tones: wo'ai'ni
        ("ni7", "ni7"),
        ("3ni", "3ni"),
        ("ni33", "ni33"),
        ("nǐ4", "nǐ4"),  # mark and number disagree
        ("ni3 你", "你"),
        ("nǐǐ", "nǐǐ"),  # a second mark where no syllable can start
        ("hǎ\u030co", "hǎ\u030co"),  # two marks on one letter
        ("\u0300a", "\u0300a"),  # a mark with no letter under it
        ("r", "r"),  # a lone erhua r needs a syllable before it
        ("ni3, r", "r"),
        ("er2 r", "r"),
        ("hua4 r4", "r4"),
        ("ér4r", "ér4r"),
    ],
)
def test_impossible_pinyin_names_the_piece(typed, named):
    with pytest.raises(PinyinError) as caught:
        parse(typed)
    message = str(caught.value)
    assert f"'{named}'" in message
    assert caught.value.piece == named
    assert "(" in message  # says how to fix it


@pytest.mark.parametrize(
    ("typed", "advice"),
    [
        ("xia3o", "tones go after the whole syllable, like xiao3"),
        ("xi1an", "tones go after the whole syllable, like xian1"),
        ("bv", "check the spelling; tones go after the syllable, like hao3"),
        ("zhiang", "if you meant 2 syllables, write zhi'ang"),
        ("tiananmen", "if you meant 3 syllables, write tian'anmen"),
        ("woaini", "write wo'aini"),
        ("hao3a", "if 'a' is a syllable of its own, put a space before it"),
        ("ni7", "use 1-4, or 5 or 0 for the neutral tone"),
        ("ni3 你", "write pinyin letters with tone marks or numbers"),
        ("\u030cni", "has no letter under it"),
        ("ha\u030c\u030co", "two tone marks on one letter"),
    ],
)
def test_error_messages_say_how_to_fix_it(typed, advice):
    with pytest.raises(PinyinError) as caught:
        parse(typed)
    assert advice in str(caught.value)


def test_pinyin_error_is_a_user_error_and_a_value_error():
    with pytest.raises(UserError):
        parse("bv")
    with pytest.raises(ValueError):
        parse("bv")


# --- output ---


def test_to_marks_and_to_numbers_take_text_or_syllables():
    sylls = [Syllable("nü", 3), Syllable("er", 2)]
    assert to_marks(sylls) == "nǚ ér"
    assert to_marks("nv3'er2") == "nǚ ér"
    assert to_numbers(sylls) == "nü3 er2"
    assert to_numbers("Nǚ'ér") == "nü3 er2"
    assert to_numbers("hua4r") == "huar4"
    assert to_marks("huar4 ma") == "huàr ma"
    assert to_marks(Syllable("lü", 4)) == "lǜ"
    assert for_speech(Syllable("lü", 5)) == "lv5"


def test_for_speech_spells_for_espeak():
    assert for_speech(parse("nǚ'ér lǜ ma huàr")) == "nv3 er2 lv4 ma5 hua4r"


def _espeak_phonemes(text: str) -> str:
    done = subprocess.run(
        ["espeak-ng", "-v", "cmn-latn-pinyin", "-q", "-x", text],
        capture_output=True,
        text=True,
        check=True,
        timeout=20,
    )
    return done.stdout.strip()


def test_espeak_reads_for_speech_output_with_the_right_tones():
    # The tone contours espeak-ng prints: 55 high level, 35 rising, 21 low (214 when last),
    # 51 falling.
    phonemes = _espeak_phonemes(for_speech(parse("mā má mǎ mà mǎ")))
    assert re.findall(r"\d+", phonemes) == ["55", "35", "21", "51", "214"]
    assert "y214" in _espeak_phonemes(for_speech(parse("nǚ")))  # ü, not u
    # Erhua after the number keeps hua's falling tone; "huar4" would make hua level (55).
    assert "A51" in _espeak_phonemes(for_speech(parse("huàr")))
    assert "A55" in _espeak_phonemes("huar4")
    # A neutral syllable is low and short, not a first tone.
    assert "11" in _espeak_phonemes(for_speech(parse("ma")))


# --- tone spans ---


def test_tone_spans_of_an_example_sentence():
    text = "Nǐ hǎo, wǒ shì Wáng lǎoshī."
    spans = tone_spans(text)
    assert "".join(chunk for chunk, _ in spans) == text
    assert [(c, t) for c, t in spans if t is not None] == [
        ("Nǐ", 3), ("hǎo", 3), ("wǒ", 3), ("shì", 4), ("Wáng", 2), ("lǎo", 3), ("shī", 1),
    ]
    assert (", ", None) in spans
    assert spans[-1] == (".", None)


def test_tone_spans_keep_numbers_erhua_and_odd_words():
    text = "Xī'ān  ni3hao3 hua4r, iPhone ma"
    spans = tone_spans(text)
    assert "".join(c for c, _ in spans) == text
    assert spans == [
        ("Xī", 1), ("'", None), ("ān", 1), ("  ", None), ("ni3", 3), ("hao3", 3), (" ", None),
        ("hua4r", 4), (", iPhone ", None), ("ma", 5),
    ]


def test_tone_spans_colour_a_lone_erhua_r_like_its_syllable():
    assert tone_spans("huà r le") == [("huà", 4), (" ", None), ("r", 4), (" ", None), ("le", 5)]


def test_tone_spans_of_decomposed_text_keep_the_marks_with_their_syllable():
    text = unicodedata.normalize("NFD", "nǐhǎo")
    spans = tone_spans(text)
    assert "".join(c for c, _ in spans) == text
    assert [t for _, t in spans] == [3, 3]
    assert spans[0][0] == unicodedata.normalize("NFD", "nǐ")


# --- hanzi ---


@pytest.mark.parametrize(
    ("hanzi", "citation"),
    [
        ("你好", "ni3 hao3"),
        ("一个", "yi1 ge4"),  # pypinyin writes yí here; citation is yī
        ("不是", "bu4 shi4"),
        ("女儿", "nü3 er2"),
        ("绿", "lü4"),
        ("银行", "yin2 hang2"),  # phrase-aware
        ("行走", "xing2 zou3"),
        ("我们", "wo3 men5"),
        ("你好，我是王老师。", "ni3 hao3 wo3 shi4 wang2 lao3 shi1"),
        ("ABC 你好!", "ni3 hao3"),
        ("", ""),
    ],
)
def test_hanzi_reading(hanzi, citation):
    assert to_numbers(hanzi_reading(hanzi)) == citation


def test_hanzi_reading_returns_a_fresh_list():
    first = hanzi_reading("你好")
    first.clear()
    assert to_numbers(hanzi_reading("你好")) == "ni3 hao3"


def test_hanzi_reading_refuses_readings_outside_standard_mandarin():
    # pypinyin reads 𥦷 as wòng, which is no standard syllable: say so, name the character.
    with pytest.raises(PinyinError, match="'𥦷'.*write its pinyin"):
        hanzi_reading("𥦷")


# --- purity and speed ---


def test_module_is_pure():
    code = (
        "import sys, lianxi.core.pinyin, lianxi.core.hanzi as h; h.hanzi_reading('你好'); "
        "bad = {'textual', 'rich', 'sqlite3', 'sqlite_utils', 'pyttsx3', 'click', 'platformdirs'}; "
        "print(sorted(bad & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": ":".join(sys.path)},
    )
    assert done.stdout.strip() == "[]"


def test_parse_of_a_short_word_takes_microseconds():
    from lianxi.core.pinyin import _parse_cached

    words = [f"{b}{t}" for b in sorted(VALID_SYLLABLES)[::4] for t in (1, 4)]

    def read_all() -> None:
        for word in words:
            _parse_cached.__wrapped__(word)  # bypass the cache: measure the real work

    # The best of several runs, so a busy machine (other test runs) does not decide it.
    best = min(timeit.repeat(read_all, number=1, repeat=7)) / len(words)
    assert best < 100e-6, f"{best * 1e6:.0f} µs per word"
