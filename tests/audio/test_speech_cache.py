"""Rendered WAVs are cached by what was spoken and how; writes are atomic and silent."""

from __future__ import annotations

import threading
import wave

import pytest

from lianxi.audio.speech import Speaker, SpeechFailed


def _seconds(path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def test_a_cache_hit_does_not_render_again(speaker):
    first = speaker.render("谢谢")
    before = first.stat()
    again = speaker.render("谢谢")
    assert again == first
    after = again.stat()
    # A new rendering would have replaced the file (new inode, new time).
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_the_same_sound_is_shared_by_hanzi_and_pinyin(speaker):
    assert speaker.render("你好") == speaker.render(pinyin="nǐ hǎo")


def test_slow_speech_is_its_own_longer_file(speaker):
    normal = speaker.render("再见")
    slow = speaker.render("再见", slow=True)
    assert slow != normal
    assert _seconds(slow) > 1.3 * _seconds(normal)


def test_other_voice_settings_are_other_files(speaker, tmp_path):
    other = Speaker(speaker.folder.parent, pitch_range=speaker.pitch_range + 15)
    assert other.render("中国") != speaker.render("中国")
    assert other.cache_path("zhong1 guo2") != speaker.cache_path("zhong1 guo2")


def test_the_cache_folder_holds_only_finished_wavs(tmp_path):
    who = Speaker(tmp_path)
    for word in ("学生", "老师", "朋友"):
        who.render(word)
    names = sorted(p.name for p in (tmp_path / "speech").iterdir())
    assert len(names) == 3
    assert all(name.endswith(".wav") and not name.startswith(".") for name in names)


def test_rendering_prints_nothing(tmp_path, capfd):
    # pyttsx3 prints "Audio saved to ..." by itself; on a Textual screen that would be garbage.
    Speaker(tmp_path).render("喝茶")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_renders_from_several_threads_are_all_whole(tmp_path):
    who = Speaker(tmp_path)
    words = ["一", "二", "三", "四", "五", "六"]
    paths = {}

    def say(word):
        paths[word] = who.render(word)

    threads = [threading.Thread(target=say, args=(w,)) for w in words]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert sorted(paths) == sorted(words)
    assert all(_seconds(p) > 0.1 for p in paths.values())


def test_an_unwritable_cache_folder_is_a_speech_failure(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(SpeechFailed, match="cache folder"):
        Speaker(blocker).render("你好")
