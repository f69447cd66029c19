"""Use cases: write a worksheet, write (and open) the projector page, write a folder of audio.

The pages themselves are built by lianxi.classroom (pure); this module gathers
what they need (stroke data, each word's audio rendered by the speaker) and
writes the files atomically. It never reads or writes anything about learners.
Must never import Textual.
"""

from __future__ import annotations

import re
import unicodedata
import webbrowser
from dataclasses import dataclass
from pathlib import Path

from lianxi.classroom.page import shown_hanzi
from lianxi.classroom.projector import ProjectorOptions, page_characters, projector_html
from lianxi.classroom.worksheet import WorksheetOptions, worksheet_html, writing_characters
from lianxi.core.errors import UserError
from lianxi.core.lessons import Lesson
from lianxi.files import write_atomic
from lianxi.study.strokes import stroke_orders
from lianxi.study.tutor import FileExists
from lianxi.study.word_lists import cedict_lookup


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise FileExists(f"{path} already exists: choose another name, or add --force to replace it")


def write_worksheet(lesson: Lesson, out: Path, options: WorksheetOptions, force: bool = False) -> Path:
    """The worksheet as one HTML file; stroke data is looked up only when writing practice is asked for."""
    _refuse_existing(out, force)
    strokes = {}
    if "writing" in options.sections:
        strokes = stroke_orders("".join(writing_characters(lesson, options.traditional)))
    return write_atomic(out, worksheet_html(lesson, options, strokes))


@dataclass(frozen=True, slots=True)
class ProjectorPage:
    path: Path
    words: int
    with_sound: int
    no_strokes: str  # characters shown without animation
    sound_problem: str | None


def write_projector_page(lesson: Lesson, out: Path, options: ProjectorOptions, speaker=None,
                         force: bool = False) -> ProjectorPage:
    """The projector page with each word's audio embedded (when a speaker is given and can speak)."""
    _refuse_existing(out, force)
    audio: list[bytes | None] = [None] * len(lesson.words)
    problem = speaker.check() if speaker is not None else "no sound asked for"
    if problem is None:
        for i, word in enumerate(lesson.words):
            try:
                audio[i] = speaker.render(hanzi=word.hanzi, pinyin=word.numbered).read_bytes()
            except (UserError, ValueError, OSError) as exc:  # one word that cannot be said keeps its place, silent
                problem = f"{word.hanzi}: {exc}"
    strokes = stroke_orders(page_characters(lesson, options.traditional))
    path = write_atomic(out, projector_html(lesson, options, audio, strokes))
    return ProjectorPage(path, len(lesson.words), sum(1 for a in audio if a),
                         "".join(ch for ch, data in strokes.items() if data is None), problem)


def missing_traditional(lesson: Lesson) -> list[str]:
    """Words a traditional class sees in simplified, because the lesson gives no traditional form.

    A word written the same way in both scripts (你好, 朋友, 了) is not missing anything:
    CC-CEDICT says so, and a tutor is not asked to copy it. The others come with the
    dictionary's traditional form to add, "还 (還)"; a word the dictionary lacks, alone.
    """
    bare = [w.hanzi for w in lesson.words if not w.traditional]
    if not bare:
        return []
    try:
        look = cedict_lookup(bare)
    except UserError:  # no dictionary: every word without a form is named
        return bare
    out = []
    for hanzi in bare:
        forms = list(dict.fromkeys(e.traditional for e in look(hanzi) if e.simplified == hanzi))
        if hanzi not in forms:
            out.append(f"{hanzi} ({'/'.join(forms)})" if forms else hanzi)
    return out


# -- one audio file per word -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AudioFolder:
    folder: Path
    files: tuple[Path, ...]


def audio_file_name(number: int, hanzi: str, numbered: str, width: int = 2) -> str:
    """"01-谢谢-xiexie.wav": the lesson's order, the word, its pinyin in plain letters (ü as v)."""
    letters = unicodedata.normalize("NFD", numbered.replace("ü", "v").replace("Ü", "V"))
    plain = re.sub(r"[^a-z]", "", "".join(ch for ch in letters if not unicodedata.combining(ch)).lower())
    safe_hanzi = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]', "", hanzi).strip(". ") or "word"
    return f"{number:0{width}d}-{safe_hanzi}-{plain or 'word'}.wav"


def export_audio_folder(lesson: Lesson, folder: Path, speaker, force: bool = False,
                        traditional: bool = False) -> AudioFolder:
    """One WAV per word in `folder`, named in lesson order, plus a README with the lesson's details.

    Every file is written atomically; existing files of the same names are kept unless `force`.
    """
    width = max(2, len(str(len(lesson.words))))
    names = [audio_file_name(n, shown_hanzi(w, traditional), w.numbered, width)
             for n, w in enumerate(lesson.words, start=1)]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot make the folder {folder}: {exc.strerror}") from None
    clashes = [n for n in names + ["README.txt"] if (folder / n).exists()]
    if clashes and not force:
        raise FileExists(f"{folder / clashes[0]} already exists: choose an empty folder, or add --force to replace "
                         f"the {len(clashes)} file(s) of this lesson")
    written = []
    for name, word in zip(names, lesson.words):
        wav = speaker.render(hanzi=word.hanzi, pinyin=word.numbered)
        written.append(write_atomic(folder / name, wav.read_bytes()))
    write_atomic(folder / "README.txt", audio_readme(lesson, names))
    return AudioFolder(folder, tuple(written))


def _line(text: str) -> str:
    return " ".join(text.split())


def audio_readme(lesson: Lesson, names: list[str]) -> str:
    lines = [_line(lesson.title), f"Level: {_line(lesson.level)}"]
    if lesson.description:
        lines.append(_line(lesson.description))
    if lesson.attribution:
        lines.append(f"Attribution: {_line(lesson.attribution)}")
    lines += ["", "Audio made by Lianxi with espeak-ng (synthetic speech), one file per word:", ""]
    if any(w.other_readings for w in lesson.words):
        lines[-1:-1] = ["A word with several readings is said in its first one; the others follow it, with their meanings."]
    for name, w in zip(names, lesson.words):
        lines.append(f"{name}\t{w.pinyin}\t{_line(w.meaning)}")
        # a word's other readings, each with its meaning (the file says the first reading)
        lines += [f"\talso read {r.pinyin}{f' ({r.traditional})' if r.traditional else ''}\t{_line(r.meaning)}"
                  for r in w.other_readings]
    return "\n".join(lines) + "\n"


def open_in_browser(path: Path) -> bool:
    """Open a written page in the default browser; False when there is none to open (say where the file is)."""
    try:
        return webbrowser.open(path.resolve().as_uri())
    except webbrowser.Error:
        return False
