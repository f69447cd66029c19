"""What a person sees when speech cannot work: typed errors that say what to install."""

from __future__ import annotations

import pytest

from lianxi.audio.speech import Speaker, SpeechFailed, SpeechUnavailable
from lianxi.core.errors import UserError
from lianxi.core.pinyin import PinyinError


def test_a_missing_voice_is_named_with_what_to_install(speaker, tmp_path):
    who = Speaker(tmp_path, voice="sit/no-such-voice")
    problem = who.check()
    assert problem is not None
    assert "sit/no-such-voice" in problem and "sudo apt-get install espeak-ng" in problem
    assert "\n" not in problem
    with pytest.raises(SpeechUnavailable) as raised:
        who.render("你好")
    assert isinstance(raised.value, UserError)
    assert not (tmp_path / "speech").exists() or not any((tmp_path / "speech").iterdir())


def test_a_missing_voice_variant_is_not_silently_replaced(speaker, tmp_path):
    with pytest.raises(SpeechUnavailable, match=r"\+no-such-variant"):
        Speaker(tmp_path, variant="+no-such-variant").render("你好")
    # the shared engine is left usable for the real voice
    assert speaker.render(pinyin="hao3").exists()


def test_text_that_is_not_pinyin_is_a_pinyin_error(speaker):
    with pytest.raises(PinyinError, match="xyz"):
        speaker.render(pinyin="xyz9")


def test_nothing_to_say_is_a_programming_error(speaker):
    with pytest.raises(ValueError):
        speaker.render()
    with pytest.raises(ValueError):
        speaker.render(hanzi="  ", pinyin="")


def test_text_with_no_syllables_in_it_says_so(speaker):
    with pytest.raises(SpeechFailed, match="nothing to say"):
        speaker.render(hanzi="OK!")
