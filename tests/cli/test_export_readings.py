"""Exports of words with several readings, as a tutor runs them: every reading leaves, and comes back.

Real bundled lessons: hsk2-2-01 (得 de/dé/děi, 还 hái/huán, 着, 为) and hsk2-3-01 (只 zhǐ, and zhī
written 隻 in traditional). Anki text and Pleco text carry the readings in one field and import
back with them; the .apkg holds them in its OtherReadings field, which Anki's own text export
of the deck brings back; the audio folder's README lists them under the word.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from lianxi.cli import cli
from lianxi.core.lesson_file import parse_lesson
from lianxi.study.tutor import find_lesson


def run(*args, data_dir=None):
    prefix = ["--data-dir", str(data_dir)] if data_dir else []
    return CliRunner().invoke(cli, [*prefix, *args], catch_exceptions=False)


def readings(lesson) -> dict[str, list[tuple[str, tuple[str, ...], str]]]:
    """hanzi -> (pinyin, glosses, traditional spelling) of each other reading, for words that have some."""
    return {w.hanzi: [(r.pinyin, r.english, r.traditional) for r in w.other_readings]
            for w in lesson.words if w.other_readings}


@pytest.mark.parametrize("lesson_id", ["hsk2-2-01", "hsk2-3-01"])
@pytest.mark.parametrize(("flag", "importer", "name"), [("--tsv", "import-anki", "x.tsv"),
                                                         ("--pleco", "import-pleco", "x.txt")])
def test_anki_and_pleco_text_bring_every_reading_back(tmp_path, lesson_id, flag, importer, name):
    original = find_lesson(lesson_id)
    assert readings(original)  # the lesson has words with several readings
    exported = tmp_path / name
    assert run("lessons", "export", lesson_id, flag, str(exported)).exit_code == 0
    back = tmp_path / "back.toml"
    result = run("lessons", importer, str(exported), "--out", str(back), "--file-only")
    assert result.exit_code == 0, result.output
    again = parse_lesson(back.read_bytes(), "back.toml")
    assert readings(again) == readings(original)
    assert [(w.hanzi, w.numbered, w.english) for w in again.words] == \
           [(w.hanzi, w.numbered, w.english) for w in original.words]


def test_the_text_forms_read_as_a_tutor_expects(tmp_path):
    tsv, pleco = tmp_path / "x.tsv", tmp_path / "x.txt"
    assert run("lessons", "export", "hsk2-3-01", "--tsv", str(tsv), "--pleco", str(pleco)).exit_code == 0
    assert "zhī[隻]: classifier for birds" in tsv.read_text(encoding="utf-8")
    zhi = next(line for line in pleco.read_text(encoding="utf-8").splitlines() if line.startswith("只"))
    hanzi, pinyin, definition = zhi.split("\t")
    assert pinyin == "zhi3" and definition.startswith("only; merely; just | zhī[隻]: classifier for birds")


def test_a_bad_other_readings_column_is_named_with_its_line(tmp_path):
    text = ("#separator:tab\n#html:false\n#columns:Hanzi\tPinyin\tEnglish\tOther readings\n"
            "得\tde\tlinks a verb to its result\tdé to obtain\n")
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["lessons", "import-anki", str(path), "--out", str(tmp_path / "b.toml"),
                                      "--file-only"])
    assert result.exit_code == 1
    assert "bad.txt:4: other_readings" in result.output and "dé: to obtain; to get | děi: must" in result.output
    assert not (tmp_path / "b.toml").exists()


def anki_notes_export(package: Path, folder: Path) -> Path:
    """What Anki writes for File > Export > Notes in Plain Text (HTML and column names kept) of this deck."""
    with zipfile.ZipFile(package) as archive:
        (folder / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(folder / "collection.anki2")
    try:
        (models,) = conn.execute("SELECT models FROM col").fetchone()
        rows = [r[0].split("\x1f") for r in conn.execute("SELECT flds FROM notes ORDER BY id")]
    finally:
        conn.close()
    (model,) = json.loads(models).values()
    names = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
    templates = " ".join(t["afmt"] for t in model["tmpls"])
    assert "{{OtherReadings}}" in templates  # the card's back shows them
    lines = ["#separator:tab", "#html:true", "#columns:" + "\t".join(names)]
    lines += ["\t".join(row) for row in rows]
    out = folder / "from-anki.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def test_the_anki_package_keeps_the_readings_in_their_own_field(tmp_path):
    package = tmp_path / "deck.apkg"
    assert run("lessons", "export", "hsk2-2-01", "--anki", str(package), "--no-audio").exit_code == 0
    original = find_lesson("hsk2-2-01")
    text = anki_notes_export(package, tmp_path)
    assert "dé: to obtain; to get; to gain | děi: to have to; must; ought to" in text.read_text(encoding="utf-8")
    back = tmp_path / "back.toml"
    result = run("lessons", "import-anki", str(text), "--out", str(back), "--file-only")
    assert result.exit_code == 0, result.output
    assert readings(parse_lesson(back.read_bytes(), "back.toml")) == readings(original)


def test_the_audio_folder_readme_lists_each_reading_under_its_word(tmp_path, data_dir):
    folder = tmp_path / "audio"
    result = run("lessons", "export", "hsk2-2-01", "--audio-folder", str(folder), data_dir=data_dir)
    assert result.exit_code == 0, result.output
    lines = (folder / "README.txt").read_text(encoding="utf-8").splitlines()
    de = next(i for i, line in enumerate(lines) if "-得-de.wav\t" in line)
    assert lines[de].endswith("\tde\tstructural particle: used after a verb (or adjective as main verb), linking it "
                              "to following phrase indicating effect, degree, possibility etc")
    assert lines[de + 1:de + 3] == ["\talso read dé\tto obtain; to get; to gain",
                                    "\talso read děi\tto have to; must; ought to"]
    assert any("said in its first one" in line for line in lines[:12])
    assert len(list(folder.glob("*.wav"))) == len(find_lesson("hsk2-2-01").words)  # one file a word, as before
