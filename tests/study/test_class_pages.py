"""Writing the classroom's files: the audio folder a tutor shares, written whole, named in lesson order."""

from __future__ import annotations

from pathlib import Path

import pytest

from lianxi.core.lesson_file import parse_lesson
from lianxi.study.class_pages import audio_file_name, export_audio_folder
from lianxi.study.sound import make_speaker
from lianxi.study.tutor import FileExists

REPO = Path(__file__).resolve().parents[2]
GREETINGS = REPO / "lessons" / "first-course" / "first-01-greetings.toml"


@pytest.mark.parametrize(("args", "name"), [
    ((1, "谢谢", "xie4 xie5"), "01-谢谢-xiexie.wav"),
    ((12, "女儿", "nü3 er2"), "12-女儿-nver.wav"),
    ((3, "一点儿", "yi1 dianr3"), "03-一点儿-yidianr.wav"),
    ((4, "你/好:*?", "ni3 hao3"), "04-你好-nihao.wav"),  # nothing that could name another folder
    ((105, "好", "hao3", 3), "105-好-hao.wav"),
])
def test_audio_file_names(args, name):
    assert audio_file_name(*args) == name


def test_the_audio_folder_holds_one_real_wav_per_word_and_the_lessons_details(tmp_path):
    lesson = parse_lesson(GREETINGS.read_bytes(), GREETINGS.name)
    speaker = make_speaker(tmp_path / "cache")
    assert speaker.check() is None
    folder = tmp_path / "share" / "week 1"
    written = export_audio_folder(lesson, folder, speaker)
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "01-你-ni.wav" and "11-谢谢-xiexie.wav" in names and names[-1] == "README.txt"
    assert len(written.files) == len(lesson.words) == len(names) - 1  # and no temporary file left behind
    for path in written.files:
        data = path.read_bytes()
        assert data[:4] == b"RIFF" and data[8:12] == b"WAVE" and len(data) > 4000
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert lesson.title in readme and f"Level: {lesson.level}" in readme and lesson.attribution in readme
    assert lesson.description in readme and "11-谢谢-xiexie.wav\txièxie\tthank you" in readme
    with pytest.raises(FileExists, match="--force"):
        export_audio_folder(lesson, folder, speaker)
    again = export_audio_folder(lesson, folder, speaker, force=True)
    assert [p.name for p in again.files] == [p.name for p in written.files]
