"""core.dictionary: dictionary lines, readings, queries as learners type them, ranking."""

from __future__ import annotations

import pytest

from lianxi.core.ranking import frequency_band
from lianxi.core.dictionary.common_words import hsk_words_from_table, popularity
from lianxi.core.dictionary.english import english_words, gloss_keys, learner_glosses, measure_words
from lianxi.core.dictionary.entries import read_cedict
from lianxi.core.dictionary.lookup import EmptyQuery, Found, QueryKind, read_query
from lianxi.core.dictionary.readings import display_pinyin, reading_keys
from lianxi.core.ranking import CONTAINS, EXACT, NAME, POINTER, STARTS, merge, rank_key

LINES = [
    "# CC-CEDICT\n",
    "#! entries=4\n",
    "你好 你好 [ni3 hao3] /hello; hi/\n",
    "綠 绿 [lu:4] /green/\n",
    "一點兒 一点儿 [yi1 dian3 r5] /a bit; a little/\n",
    "王 王 [Wang2] /surname Wang/\n",
    "not a dictionary line\n",
]


def test_reads_entries_and_skips_comments_and_broken_lines():
    entries = list(read_cedict(LINES))
    assert [e.simplified for e in entries] == ["你好", "绿", "一点儿", "王"]
    hello = entries[0]
    assert (hello.traditional, hello.pinyin, hello.senses) == ("你好", "ni3 hao3", ("hello; hi",))
    assert entries[1].traditional == "綠"


def test_names_and_pointer_entries_are_minor():
    entries = list(read_cedict(LINES + ["妳 你 [ni3] /variant of 你[ni3]/\n"]))
    assert [e.is_minor for e in entries] == [False, False, False, True, True]
    assert entries[3].is_name
    assert [e.minor for e in entries] == [0, 0, 0, POINTER, POINTER]  # "surname Wang" only points
    assert entries[0]._replace(pinyin="Bei3 jing1").minor == NAME


@pytest.mark.parametrize(
    ("pinyin", "toned", "toneless"),
    [
        ("ni3 hao3", "ni3 hao3", "nihao"),
        ("lu:4", "lü4", "lü"),
        ("yi1 dian3 r5", "yi1 dianr3", "yidianr"),
        ("Wang2", "wang2", "wang"),
        ("san1 C", "san1 c", "sanc"),
        ("Ka3 er3 · Ma3 ke4 si1", "ka3 er3 ma3 ke4 si1", "kaermakesi"),
    ],
)
def test_reading_keys(pinyin, toned, toneless):
    assert reading_keys(pinyin) == (toned, toneless)


def test_display_pinyin_uses_marks_and_keeps_capitals_and_letters():
    assert display_pinyin("ni3 hao3") == "nǐ hǎo"
    assert display_pinyin("Wang2") == "Wáng"
    assert display_pinyin("yi1 dian3 r5") == "yī diǎnr"
    assert display_pinyin("lu:4") == "lǜ"
    assert display_pinyin("san1 C") == "sān C"


@pytest.mark.parametrize("text", ["ni3hao3", "nǐhǎo", "ni3 hao3", "NI3 HAO3", "nǐ hǎo"])
def test_pinyin_with_tones_every_spelling_reads_the_same(text):
    query = read_query(text)
    assert query.kind is QueryKind.PINYIN
    assert (query.toneless, query.tones) == ("nihao", "ni3 hao3")
    assert not query.searches_english


def test_pinyin_without_tones_searches_pinyin_and_english():
    query = read_query("ni hao")
    assert query.kind is QueryKind.LETTERS
    assert query.toneless == "nihao" and query.tones == ""
    assert query.searches_pinyin and query.searches_english
    assert query.words == ("ni", "hao")


def test_a_syllable_without_a_tone_matches_any_tone():
    assert read_query("ni3 hao").tones == "ni3 hao[1-5]"
    assert read_query("lv4").tones == "lü4"


def test_hanzi_and_english_queries():
    assert read_query(" 學 生 ").kind is QueryKind.HANZI
    assert read_query(" 學 生 ").hanzi == "學生"
    english = read_query("To eat!")
    assert english.kind is QueryKind.ENGLISH
    assert english.words == ("to", "eat")


def test_an_empty_query_says_what_to_type():
    with pytest.raises(EmptyQuery, match="hanzi"):
        read_query("   ")


def test_gloss_keys_drop_articles_asides_and_classifiers():
    keys = gloss_keys(["to go; to leave", "(after a pronoun) hello", "CL:個|个[ge4]"])
    assert keys["to go"] == 0 and keys["go"] == 0 and keys["leave"] == 0
    assert keys["hello"] == 1  # only from a gloss with an aside: a weaker match
    assert not any("ge4" in k or "cl" == k for k in keys)
    assert english_words("Don't GO") == ["don't", "go"]


def test_learner_glosses_and_measure_words():
    senses = ("CL:個|个[ge4],位[wei4]", "variant of 人[ren2]", "person; people", "someone")
    assert learner_glosses(senses) == ("person", "people", "someone")
    assert learner_glosses(senses, limit=2) == ("person", "people")
    # a pointer-only entry never shows CC-CEDICT markup: it names the word it stands for
    assert learner_glosses(("variant of 人[ren2]",)) == ("same as 人 (rén)",)
    assert measure_words(senses) == "个、位"
    assert measure_words(("CL:張|张[zhang1]",)) == "张"
    assert measure_words(("hello",)) == ""


def test_popularity_counts_headwords_built_on_a_word():
    counts = popularity(["人", "人民", "大人", "人民币", "学生"])
    assert counts["人"] == 4
    assert counts["人民"] == 2
    assert counts["学"] == 1


def test_hsk_words_from_the_word_table():
    table = ("# comment\nhanzi\tpinyin\thsk2\thsk3\trank\thsk2_lesson\thsk3_lesson\n"
             "我\twǒ\t1\t1\t3\thsk2-1-01\thsk3-1-01\n学生\txué sheng\t1\t\t150\thsk2-1-02\t\n"
             "赴\tfù\t\t7-9\t\t\thsk3-79-001\n")
    words = hsk_words_from_table(table)
    assert [(w.hanzi, w.toned, w.toneless, w.level, w.frequency) for w in words] == [
        ("我", "wo3", "wo", "HSK 1", 3), ("我", "wo3", "wo", "HSK 3.0 band 1", 3),
        ("学生", "xue2 sheng5", "xuesheng", "HSK 1", 150), ("赴", "fu4", "fu", "HSK 3.0 band 7-9", None)]
    assert words[0].rank < words[2].rank < words[1].rank < words[3].rank  # level 1, then band 1, then 7-9
    assert (words[0].hsk2, words[0].hsk3, words[1].hsk3) == ("1", "", "1")

def _found(entry_id, match, hsk=None, minor=0, popular=0, word="字", band=0, frequency=None):
    return Found(entry_id, word, word, "zi4", ("character",), "HSK 1" if hsk else "", match,
                 rank_key(match, hsk, minor, popular, len(word), entry_id, band=band,
                          common=frequency_band(frequency)))


def test_pinyin_ranking_learner_words_first_then_exact_then_common():
    # pinyin (band 0): an HSK word that only starts with the reading (学校 for "xuexi") beats a
    # rare word with exactly that reading (血洗); pointer entries go last
    results = [
        _found(1, STARTS, hsk=1),
        _found(2, EXACT, popular=50),
        _found(3, EXACT, hsk=200),
        _found(4, EXACT, hsk=100),
        _found(5, STARTS),
        _found(6, EXACT, popular=900, minor=POINTER),
        _found(7, EXACT, popular=900),
    ]
    assert [f.id for f in merge(results, limit=10)] == [4, 3, 1, 7, 2, 5, 6]
    # a word among the 1,000 most frequent comes before one among the 5,000, whatever their levels;
    # inside one frequency band the earlier HSK level comes first
    ranked = merge([_found(8, EXACT, hsk=100, frequency=4000), _found(9, EXACT, hsk=300, frequency=20)], limit=2)
    assert [f.id for f in ranked] == [9, 8]
    ranked = merge([_found(10, EXACT, hsk=900_000, frequency=2420), _found(11, EXACT, hsk=200_000, frequency=4799)],
                   limit=2)
    assert [f.id for f in ranked] == [11, 10]  # 北京 (HSK 1) before 背景 (HSK 5) for "beijing"
    assert [frequency_band(r) for r in (1, 1000, 1001, 5000, 20_000, 20_001, None)] == [1, 1, 2, 2, 3, 4, 4]


def test_hanzi_ranking_what_was_typed_first():
    # hanzi: the band is the match, so the word itself beats learner words that contain it
    results = [_found(1, CONTAINS, hsk=1, band=CONTAINS), _found(2, EXACT, band=EXACT),
               _found(3, STARTS, hsk=5, band=STARTS), _found(4, EXACT, minor=POINTER, band=EXACT)]
    assert [f.id for f in merge(results, limit=10)] == [2, 4, 3, 1]
    assert merge([_found(8, EXACT, hsk=1, minor=POINTER), _found(9, EXACT)], limit=2)[0].id == 9
    # a proper name that is an HSK word (北京) stays with the HSK words; other names go last
    names = [_found(10, EXACT, hsk=5, minor=NAME), _found(11, EXACT, popular=99), _found(12, EXACT, minor=NAME, popular=999)]
    assert [f.id for f in merge(names, limit=3)] == [10, 11, 12]


def test_merge_keeps_each_entry_once_with_its_best_match_and_cuts_to_the_limit():
    pinyin = [_found(1, STARTS), _found(2, EXACT)]
    english = [_found(1, EXACT), _found(3, CONTAINS)]
    merged = merge(pinyin, english, limit=2)
    assert [(f.id, f.match) for f in merged] == [(1, EXACT), (2, EXACT)]


def test_headword_in_the_learners_script():
    found = Found(1, "学生", "學生", "xue2 sheng5", ("student",), "HSK 1", EXACT)
    assert found.headword() == "学生 (學生)"
    assert found.headword("traditional") == "學生 (学生)"
    same = Found(2, "你好", "你好", "ni3 hao3", ("hello",), "", EXACT)
    assert same.headword("traditional") == "你好"
