"""Tutor commands as a tutor types them: new, from-list, import-anki/pleco, export, worksheet, class."""

from __future__ import annotations

import json
import sqlite3
import wave
import zipfile
from pathlib import Path

from click.testing import CliRunner

from lianxi.cli import cli
from lianxi.core.interop import read_anki
from lianxi.core.lesson_file import parse_lesson
from lianxi.lexicon import bundled_lexicon

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"
GREETINGS = Path(__file__).resolve().parents[2] / "lessons" / "first-course" / "first-01-greetings.toml"


def run(*args, data_dir=None):
    prefix = ["--data-dir", str(data_dir)] if data_dir else []
    return CliRunner().invoke(cli, [*prefix, *args], catch_exceptions=False)


def stored_lessons(data_dir: Path) -> list[tuple[str, int]]:
    db = data_dir / "lianxi.db"
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT l.id, COUNT(n.id) FROM lessons l LEFT JOIN notes n ON n.lesson_id = l.id "
                            "GROUP BY l.id ORDER BY l.id").fetchall()
    finally:
        conn.close()


def apkg(path: Path) -> tuple[list[str], dict[str, str], dict[str, int]]:
    """(fields of each note, media map, sizes of the files in the zip) read straight from the package."""
    with zipfile.ZipFile(path) as archive:
        names = {info.filename: info.file_size for info in archive.infolist()}
        media = json.loads(archive.read("media"))
        (path.parent / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(path.parent / "collection.anki2")
    try:
        fields = [row[0] for row in conn.execute("SELECT flds FROM notes ORDER BY id")]
    finally:
        conn.close()
    return fields, media, names


def test_new_writes_a_template_that_validates_and_is_never_overwritten(tmp_path):
    out = tmp_path / "week1.toml"
    result = run("lessons", "new", "Week 1: Greetings", "--out", str(out), "--level", "Evening class")
    assert result.exit_code == 0, result.output
    assert f"lianxi lessons validate {out}" in result.output
    lesson = parse_lesson(out.read_bytes(), "week1.toml")
    assert (lesson.id, lesson.level) == ("week-1-greetings", "Evening class")
    assert run("lessons", "validate", str(out)).exit_code == 0
    out.write_text("mine", encoding="utf-8")
    again = run("lessons", "new", "Week 1: Greetings", "--out", str(out))
    assert again.exit_code == 1 and "already exists" in again.output and out.read_text() == "mine"
    bad = run("lessons", "new", "X", "--id", "Not An Id", "--out", str(tmp_path / "x.toml"))
    assert bad.exit_code == 1 and "not a usable id" in bad.output and not (tmp_path / "x.toml").exists()


def test_from_list_fills_in_from_cc_cedict_and_lists_readings_to_check(tmp_path):
    words = tmp_path / "week_2.txt"
    words.write_text("还\n书\n銀行\tbank\n长\tlong\n\n喜欢\n東西\n教\n一点儿\n", encoding="utf-8")
    out = tmp_path / "week2.toml"
    result = run("lessons", "from-list", str(words), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and "8 words" in result.output
    written = out.read_text(encoding="utf-8").splitlines()
    # each CHECK names the line of the lesson file where its "# CHECK" comment is
    checks = [line.strip() for line in result.output.splitlines() if ": CHECK reading:" in line]
    assert len(checks) == 4
    for line in checks:
        where, _hanzi, note = line.split(": ", 2)
        name, number = where.split(":")
        assert name == "week2.toml" and written[int(number) - 1] == f"# {note}"
    assert 'week2.toml:11: 还: CHECK reading: 还 is hái "still" here; it can also be huán "to pay back"' in result.output
    assert "银行" not in result.output and "书:" not in result.output and "喜欢" not in result.output
    lesson = parse_lesson(out.read_bytes(), "week2.toml")
    assert lesson.title == "week 2" and lesson.id == "week-2"
    words_by = {w.hanzi: w for w in lesson.words}
    assert words_by["书"].english[0] == "book" and words_by["书"].measure_word == "本、册"
    assert words_by["银行"].traditional == "銀行"  # a traditional list, written in simplified
    assert words_by["喜欢"].pinyin == "xǐ huan"  # the dictionary's neutral tone, not pypinyin's xǐ huān
    assert words_by["东西"].pinyin == "dōng xi" and words_by["东西"].english[0] == "thing"
    assert words_by["长"].pinyin == "cháng" and words_by["教"].pinyin == "jiāo"  # the course's common word
    assert words_by["一点儿"].pinyin == "yī diǎnr" and words_by["一点儿"].english[0] == "a bit"
    assert "CC-CEDICT" in lesson.attribution
    assert run("lessons", "validate", str(out)).exit_code == 0


def test_from_list_with_a_bad_line_writes_nothing(tmp_path):
    words = tmp_path / "list.txt"
    words.write_text("你好\nhello\n", encoding="utf-8")
    result = run("lessons", "from-list", str(words), "--out", str(tmp_path / "l.toml"))
    assert result.exit_code == 1
    assert f"{words}:2: hanzi: 'hello' has no Chinese characters" in result.output
    assert "nothing was written" in result.output and not (tmp_path / "l.toml").exists()


def test_import_anki_writes_a_lesson_file_and_adds_it_to_your_lessons(tmp_path, data_dir):
    out = tmp_path / "food.toml"
    result = run("lessons", "import-anki", str(DATA / "anki_notes_food.txt"), "--out", str(out), data_dir=data_dir)
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and "6 words" in result.output and "Imported week-3-food" in result.output
    assert stored_lessons(data_dir) == [("week-3-food", 6)]
    assert run("lessons", "validate", str(out)).exit_code == 0


def test_import_pleco_file_only(tmp_path, data_dir):
    out = tmp_path / "family.toml"
    result = run("lessons", "import-pleco", str(DATA / "pleco_cards_family.txt"), "--out", str(out),
                 "--title", "Family", "--file-only", data_dir=data_dir)
    assert result.exit_code == 0, result.output
    lesson = parse_lesson(out.read_bytes(), "family.toml")
    assert (lesson.id, lesson.title, len(lesson.words)) == ("family", "Family", 7)
    assert stored_lessons(data_dir) == []


def test_bad_exports_import_nothing_and_say_why(tmp_path, data_dir):
    for name, command in (("bad_anki_wrong_columns.txt", "import-anki"), ("bad_anki_mixed_encoding.txt", "import-anki"),
                          ("bad_empty_lines.txt", "import-pleco"), ("bad_pleco_wrong_columns.txt", "import-pleco")):
        out = tmp_path / f"{name}.toml"
        result = run("lessons", command, str(DATA / name), "--out", str(out), data_dir=data_dir)
        assert result.exit_code == 1, name
        assert f"{DATA / name}:" in result.output and "nothing was imported" in result.output
        assert "Traceback" not in result.output
        assert not out.exists()
    assert stored_lessons(data_dir) == []
    missing = run("lessons", "import-anki", str(tmp_path / "nope.txt"), data_dir=data_dir)
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_import_with_odd_notes_names_them_and_skips_them_only_when_asked(tmp_path, data_dir):
    deck = tmp_path / "deck.txt"
    deck.write_text("#separator:tab\n#html:false\n#columns:Hanzi\tPinyin\tMeaning\n"
                    "你好\tnǐ hǎo\thello\n我{{c1::喜欢}}你\t\tI like you\n谢谢\txièxie\t\n", encoding="utf-8")
    out = tmp_path / "deck.toml"
    refused = run("lessons", "import-anki", str(deck), "--out", str(out), data_dir=data_dir)
    assert refused.exit_code == 1 and not out.exists() and stored_lessons(data_dir) == []
    assert f"{deck}:5: note: is a Cloze note" in refused.output and f"{deck}:6: english:" in refused.output
    assert "nothing was imported" in refused.output and "--skip-bad to import the other 1" in refused.output
    skipped = run("lessons", "import-anki", str(deck), "--out", str(out), "--skip-bad", "--title", "Deck",
                  data_dir=data_dir)
    assert skipped.exit_code == 0, skipped.output
    assert "1 word." in skipped.output and "Skipped 2 notes" in skipped.output and f"  {deck}:5: note:" in skipped.output
    assert stored_lessons(data_dir) == [("deck", 1)]


def test_exports_over_the_import_limit_are_refused_with_the_limit_named(tmp_path, data_dir):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as out:
        out.write("你好\tni3hao3\thello\n".encode())
        out.truncate(51 * 1024 * 1024)  # sparse: nothing is really written
    for command in ("import-anki", "import-pleco"):
        result = run("lessons", command, str(big), "--out", str(tmp_path / "x.toml"), data_dir=data_dir)
        assert result.exit_code == 1 and "Traceback" not in result.output, command
        assert "51 MB, more than the 50 MB" in result.output
    assert not (tmp_path / "x.toml").exists()


def test_export_tsv_and_pleco_round_trip_every_word(tmp_path):
    tsv, pleco = tmp_path / "g.tsv", tmp_path / "g.txt"
    result = run("lessons", "export", "first-01-greetings", "--tsv", str(tsv), "--pleco", str(pleco))
    assert result.exit_code == 0, result.output
    original = parse_lesson(GREETINGS.read_bytes(), "g.toml")
    back = read_anki(tsv.read_bytes(), "g.tsv").lesson
    assert [(w.hanzi, w.numbered, w.english) for w in back.words] == \
           [(w.hanzi, w.numbered, w.english) for w in original.words]
    out = tmp_path / "again.toml"
    assert run("lessons", "import-anki", str(tsv), "--out", str(out), "--file-only").exit_code == 0
    assert len(parse_lesson(out.read_bytes(), "again.toml").words) == len(original.words)
    out = tmp_path / "pleco.toml"
    assert run("lessons", "import-pleco", str(pleco), "--out", str(out), "--file-only").exit_code == 0
    assert [w.key for w in parse_lesson(out.read_bytes(), "p.toml").words] == [w.key for w in original.words]


def test_export_anki_package_with_our_own_audio(tmp_path, data_dir):
    out = tmp_path / "greetings.apkg"
    result = run("lessons", "export", "first-01-greetings", "--anki", str(out), data_dir=data_dir)
    assert result.exit_code == 0, result.output
    lesson = parse_lesson(GREETINGS.read_bytes(), "g.toml")
    fields, media, names = apkg(out)
    assert len(fields) == len(lesson.words) == 17
    assert [f.split("\x1f")[0] for f in fields] == [w.hanzi for w in lesson.words]
    # one WAV per sound, rendered by espeak-ng: 他 and 她 are both tā and share theirs
    assert len(media) == len({w.numbered for w in lesson.words}) == 16
    assert {f.split("\x1f")[-1] for f in fields} == {f"[sound:{m}]" for m in media.values()}
    for key in media:
        assert names[key] > 1000  # a real WAV in the package
    # the same lesson exports the same deck and notes (Anki updates instead of duplicating)
    again = tmp_path / "again.apkg"
    assert run("lessons", "export", "first-01-greetings", "--anki", str(again), "--no-audio",
               data_dir=data_dir).exit_code == 0
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    first_guids = [r[0] for r in conn.execute("SELECT guid FROM notes ORDER BY id")]
    conn.close()
    fields2, media2, _ = apkg(again)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    assert [r[0] for r in conn.execute("SELECT guid FROM notes ORDER BY id")] == first_guids
    conn.close()
    assert media2 == {} and len(fields2) == 17
    refused = run("lessons", "export", "first-01-greetings", "--anki", str(out), data_dir=data_dir)
    assert refused.exit_code == 1 and "already exists" in refused.output


def test_export_an_imported_lesson_by_its_id(tmp_path, data_dir):
    lesson_path = tmp_path / "food.toml"
    assert run("lessons", "import-anki", str(DATA / "anki_notes_food.txt"), "--out", str(lesson_path),
               data_dir=data_dir).exit_code == 0
    lesson_path.unlink()  # the file is gone; the imported words are still there
    tsv = tmp_path / "food.tsv"
    result = run("lessons", "export", "week-3-food", "--tsv", str(tsv), data_dir=data_dir)
    assert result.exit_code == 0, result.output
    assert [w.hanzi for w in read_anki(tsv.read_bytes(), "food.tsv").lesson.words] == \
           ["吃", "米饭", "喝", "苹果", "面条", "一点儿"]


def test_worksheet_from_a_file_or_a_bundled_id(tmp_path):
    out = tmp_path / "sheet.html"
    result = run("worksheet", "first-01-greetings", "--out", str(out), "--paper", "letter")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "@page { size: letter;" in page and "Greetings and pronouns" in page and "你好" in page
    other = tmp_path / "file.html"
    assert run("worksheet", str(GREETINGS), "--out", str(other)).exit_code == 0
    assert "@page { size: A4;" in other.read_text(encoding="utf-8")


def test_worksheet_sections_key_only_no_key_and_traditional(tmp_path):
    import re

    def sections(*args):
        out = tmp_path / "s.html"
        result = run("worksheet", "first-01-greetings", "--out", str(out), "--force", *args)
        assert result.exit_code == 0, result.output
        return re.findall(r'<section class="section" id="([a-z]+)"', out.read_text(encoding="utf-8")), result.output

    assert sections()[0] == ["vocab", "tones", "dictation", "matching", "key"]
    assert sections("--key-only")[0] == ["key"]
    assert sections("--no-key")[0] == ["vocab", "tones", "dictation", "matching"]
    got, said = sections("--sections", "writing,dictation,key", "--traditional")
    assert got == ["dictation", "writing", "key"] and "Writing practice" not in said
    assert "謝" in (tmp_path / "s.html").read_text(encoding="utf-8")
    for bad in (("--sections", "vocab,poems"), ("--key-only", "--no-key"), ("--sections", "key", "--no-key")):
        result = run("worksheet", "first-01-greetings", "--out", str(tmp_path / "bad.html"), *bad)
        assert result.exit_code == 2 and "Traceback" not in result.output, bad
    assert not (tmp_path / "bad.html").exists()


def test_a_lesson_file_never_imported_is_named_as_the_tutor_typed_it_to_play_it_again(tmp_path, data_dir):
    # `lianxi class ID` knows only bundled and imported lessons: a file's id would be "no such lesson"
    folder = tmp_path / "my class"
    folder.mkdir()
    lesson_file = folder / "week 1.toml"
    lesson_file.write_bytes(GREETINGS.read_bytes())
    key = tmp_path / "key.html"
    assert run("worksheet", str(lesson_file), "--out", str(key), "--key-only", data_dir=data_dir).exit_code == 0
    quoted = f"'{lesson_file}'".replace("'", "&#x27;")
    assert f"<b>lianxi class {quoted} --browser</b>" in key.read_text(encoding="utf-8")
    page = tmp_path / "class.html"
    assert run("class", str(lesson_file), "--html", str(page), "--seed", "4", data_dir=data_dir).exit_code == 0
    assert f'"ref":"\'{lesson_file}\'"' in page.read_text(encoding="utf-8")
    again = run("class", str(lesson_file), "--html", str(tmp_path / "again.html"), "--seed", "4", data_dir=data_dir)
    assert again.exit_code == 0, again.output  # the line the page shows works
    by_id = tmp_path / "by-id.html"
    assert run("worksheet", "first-01-greetings", "--out", str(by_id), "--key-only").exit_code == 0
    assert "<b>lianxi class first-01-greetings --browser</b>" in by_id.read_text(encoding="utf-8")


def test_class_html_writes_one_page_and_browser_opens_it(tmp_path, data_dir, monkeypatch):
    out = tmp_path / "class.html"
    result = run("class", "first-01-greetings", "--html", str(out), "--seed", "5", data_dir=data_dir)
    assert result.exit_code == 0, result.output
    assert "17 words, 17 with sound" in result.output and "--seed 5" in result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<audio id="audio-') == 17 and "Greetings and pronouns" in page
    again = tmp_path / "again.html"
    assert run("class", "first-01-greetings", "--html", str(again), "--seed", "5", data_dir=data_dir).exit_code == 0
    assert again.read_bytes() == out.read_bytes()  # the same seed, the same class
    refused = run("class", "first-01-greetings", "--html", str(out), data_dir=data_dir)
    assert refused.exit_code == 1 and "already exists" in refused.output
    # --browser hands the page to the default browser ($BROWSER is how Python finds it)
    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    script.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(script))
    import webbrowser

    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read $BROWSER again
    result = run("class", "first-01-greetings", "--browser", "--traditional", data_dir=data_dir)
    assert result.exit_code == 0, result.output
    assert "Opened it in your web browser" in result.output
    uri = opened.read_text().strip()
    assert uri.startswith("file://") and uri.endswith("/classroom/first-01-greetings.html")
    assert "謝謝" in Path(uri.removeprefix("file://")).read_text(encoding="utf-8")


def test_export_audio_folder_and_every_export_keeps_the_lessons_details(tmp_path, data_dir):
    folder = tmp_path / "audio"
    result = run("lessons", "export", "first-01-greetings", "--audio-folder", str(folder), data_dir=data_dir)
    assert result.exit_code == 0, result.output
    assert "Wrote 17 audio files" in result.output and (folder / "11-谢谢-xiexie.wav").is_file()
    lesson = parse_lesson(GREETINGS.read_bytes(), GREETINGS.name)
    names = sorted(p.name for p in folder.glob("*.wav"))
    assert names[0] == "01-你-ni.wav" and len(names) == 17
    with wave.open(str(folder / "11-谢谢-xiexie.wav")) as wav:  # a real recording of the word, not an empty file
        assert 0.2 < wav.getnframes() / wav.getframerate() < 3
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert lesson.title in readme and f"Level: {lesson.level}" in readme
    assert lesson.description in readme and lesson.attribution in readme
    tsv = tmp_path / "g.tsv"
    assert run("lessons", "export", "first-01-greetings", "--tsv", str(tsv)).exit_code == 0
    back = read_anki(tsv.read_bytes(), "g.tsv").lesson
    assert (back.level, back.description, back.attribution) == (lesson.level, lesson.description, lesson.attribution)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary files left


def test_unknown_lessons_get_one_clear_line(tmp_path, data_dir):
    for args in (("class", "no-such-lesson"), ("worksheet", "no-such-lesson", "--out", str(tmp_path / "x.html")),
                 ("lessons", "export", "missing/file.toml", "--tsv", str(tmp_path / "x.tsv"))):
        result = run(*args, data_dir=data_dir)
        assert result.exit_code == 1, args
        assert result.output.startswith("lianxi: no lesson file") and "Traceback" not in result.output
    assert not (tmp_path / "x.html").exists()
    nothing = run("lessons", "export", "first-01-greetings")
    assert nothing.exit_code == 2 and "--anki FILE.apkg" in nothing.output and "--audio-folder" in nothing.output


def test_a_lesson_that_imports_also_makes_its_worksheet_class_and_export_by_id(tmp_path, data_dir):
    # 过 guo (after a verb) and 起来 qi lai are neutral as written: the dictionary reads them so.
    # The imported copy is checked by the same rules as the file was, so its id works everywhere.
    lesson = tmp_path / "neutral.toml"
    lesson.write_text('id = "neutral-words"\ntitle = "Neutral words"\nlevel = "Evening class"\n\n'
                      '[[words]]\nhanzi = "过"\npinyin = "guo"\nenglish = "(after a verb) have done"\n\n'
                      '[[words]]\nhanzi = "起来"\npinyin = "qi lai"\nenglish = "(after a verb) start to"\n',
                      encoding="utf-8")
    assert run("lessons", "validate", str(lesson)).exit_code == 0
    assert run("lessons", "import", str(lesson), data_dir=data_dir).exit_code == 0
    sheet = run("worksheet", "neutral-words", "--out", str(tmp_path / "w.html"), data_dir=data_dir)
    assert sheet.exit_code == 0, sheet.output
    tsv = run("lessons", "export", "neutral-words", "--tsv", str(tmp_path / "w.tsv"), data_dir=data_dir)
    assert tsv.exit_code == 0, tsv.output
    # ... and a colleague imports that export, with the same rules
    back = run("lessons", "import-anki", str(tmp_path / "w.tsv"), "--file-only", "--out", str(tmp_path / "back.toml"))
    assert back.exit_code == 0, back.output
    assert [w.pinyin for w in parse_lesson((tmp_path / "back.toml").read_bytes(), "back.toml",
                                           bundled_lexicon()).words] == ["guo", "qi lai"]


def test_traditional_worksheet_names_only_words_that_are_written_differently(tmp_path):
    # 你好 and 朋友 are the same in both scripts: nothing to add. 还 is 還 in traditional; the
    # lesson did not say so, so the page shows 还: that one is named, with the form to add.
    lesson = tmp_path / "t.toml"
    lesson.write_text('id = "trad"\ntitle = "T"\nlevel = "x"\n\n'
                      '[[words]]\nhanzi = "你好"\npinyin = "nǐ hǎo"\nenglish = "hello"\n\n'
                      '[[words]]\nhanzi = "朋友"\npinyin = "péngyou"\nenglish = "friend"\n\n'
                      '[[words]]\nhanzi = "还"\npinyin = "hái"\nenglish = "still"\n\n'
                      '[[words]]\nhanzi = "书"\npinyin = "shū"\nenglish = "book"\ntraditional = "書"\n',
                      encoding="utf-8")
    result = run("worksheet", str(lesson), "--out", str(tmp_path / "t.html"), "--traditional")
    assert result.exit_code == 0, result.output
    assert "1 word(s) have no traditional form in the lesson and are shown as written: 还 (還)" in result.output
    assert "你好" not in result.output.split("shown as written:")[1]


def test_from_list_teaches_an_hsk_word_with_the_courses_reviewed_meaning(tmp_path):
    # Rule: a word the bundled HSK course teaches, in the reading and spelling chosen, takes the
    # meaning its HSK card teaches (reviewed in scripts/hsk_glosses.tsv), not CC-CEDICT's first
    # senses; a tutor who writes another traditional spelling gets that spelling's own meaning.
    words = tmp_path / "list.txt"
    words.write_text("干\n台\n只\n长\n", encoding="utf-8")
    out = tmp_path / "list.toml"
    result = run("lessons", "from-list", str(words), "--out", str(out))
    assert result.exit_code == 0, result.output
    by = {w.hanzi + (w.traditional or ""): w for w in parse_lesson(out.read_bytes(), "list.toml").words}
    assert by["干幹"].english[0] == "to do"  # CC-CEDICT's 幹 starts with "tree trunk"
    assert by["台臺"].english[0] == "classifier for vehicles or machines"  # not 檯 "desk"
    assert by["长長"].english[0] == "long"
    # the CHECK line names the other reading by the meaning the course teaches for it
    assert 'only" here; it can also be zhī "classifier for birds and …"' in result.output
    assert 'gàn "to do" here; it can also be gān "dry"' in result.output
    words.write_text("檯\n", encoding="utf-8")  # the tutor wrote 檯: its own meaning
    assert run("lessons", "from-list", str(words), "--out", str(out), "--force").exit_code == 0
    assert parse_lesson(out.read_bytes(), "list.toml").words[0].english[0] == "desk"
