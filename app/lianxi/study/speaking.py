"""Use case: say a word and see your tones against the target (speaking practice).

One attempt: a recording (from the microphone, or a WAV file for `lianxi speak check`)
of a word -> its spoken target syllables (after sandhi and neutral tones: 你好 is
ni2 hao3) -> pitch track and syllables (lianxi.audio.pitch) -> a judgement per syllable
(lianxi.core.tones) against the learner's calibration, if they made one. The app,
the command line, the bench and the tests all come through here.

Recordings stay in memory; one is written to the data folder only when the learner
turned "keep my recordings" on (study.recordings). Nothing is sent anywhere.
Must never import Textual, Rich or click.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lianxi.core.errors import UserError
from lianxi.core.pinyin import Syllable
from lianxi.core.sandhi import spoken_form
from lianxi.core.tones import Calibration, CalibrationProblem, Judgement, Verdict, calibrate, judge

if TYPE_CHECKING:
    from lianxi.audio.pitch import Recording
    from lianxi.audio.syllables import Reference

__all__ = [
    "Attempt",
    "CALIBRATION_SYLLABLES",
    "CalibrationProblem",
    "Coach",
    "SpeakingUnavailable",
    "Verdict",
    "analysis_problem",
    "calibration",
    "forget_calibration",
    "read_wav",
    "save_calibration",
    "target_syllables",
]

SETTING = "speaking"
CALIBRATE_START = "speak-calibrate"  # the app's `start` for `lianxi speak calibrate`
CALIBRATION_SYLLABLES = ("ma1", "ma2", "ma3", "ma4")
WAV_LIMIT = 20 * 1024 * 1024  # a minute of 16-bit 44.1 kHz stereo is ~10 MB


class SpeakingUnavailable(UserError):
    """Speaking practice cannot work here (no pitch tracker); the message says what to install."""


def analysis_problem() -> str | None:
    """None if recordings can be analysed here, else one line saying what to install."""
    from lianxi.audio.pitch import available  # noqa: PLC0415 - numpy/parselmouth load lazily

    return available()


# -- the target ----------------------------------------------------------------------------


def target_syllables(hanzi: str | None = None, pinyin: str | None = None) -> list[Syllable]:
    """The syllables as they are said (core.sandhi.spoken_form, the same as `lianxi pinyin
    --spoken` and the app's voice): 你好 -> ni2 hao3, 谢谢 -> xie4 xie5.

    The lesson's pinyin wins where given; hanzi alone are read in context. Raises
    PinyinError (a UserError) for text it cannot read.
    """
    from lianxi.lexicon import bundled_lexicon  # noqa: PLC0415 - the word lexicon loads on first use

    if not (hanzi and hanzi.strip()) and not (pinyin and pinyin.strip()):
        raise UserError("nothing to say: give hanzi or pinyin, like 你好 or ni3hao3")
    if hanzi and pinyin and pinyin.strip():
        _check_one_syllable_a_character(hanzi, pinyin)
    said = list(spoken_form(hanzi or "", pinyin if pinyin and pinyin.strip() else None,
                            lexicon=bundled_lexicon()).syllables)
    if not said:
        raise UserError(f"nothing to say in '{hanzi or pinyin}': give hanzi or pinyin syllables")
    return said


def _check_one_syllable_a_character(hanzi: str, pinyin: str) -> None:
    """A reading that does not fit its hanzi cannot be judged syllable by syllable: say so."""
    from lianxi.core.hanzi import count_hanzi  # noqa: PLC0415
    from lianxi.core.pinyin import parse  # noqa: PLC0415

    chars = count_hanzi(hanzi)
    syllables = parse(pinyin)
    have = len(syllables) + sum(1 for s in syllables if s.erhua)  # 一点儿: dianr stands for 点儿
    if chars and have != chars:
        raise UserError(f"'{pinyin}' has {len(syllables)} syllable(s) but {hanzi} has {chars} character(s): "
                        "give one syllable per character, or leave the reading out")


def start_text(hanzi: str | None, pinyin: str | None) -> str:
    """The app's `start` value for `lianxi speak WORD`."""
    import json  # noqa: PLC0415

    return "speak:" + json.dumps({"hanzi": hanzi, "pinyin": pinyin}, ensure_ascii=False)


def read_start(start: str) -> tuple[str | None, str | None]:
    import json  # noqa: PLC0415

    options = json.loads(start.removeprefix("speak:"))
    return options.get("hanzi"), options.get("pinyin")


def reference_renderer(data_dir):
    """(hanzi, pinyin) -> WAV path of the app's own voice, made on first use (for alignment)."""
    made = []

    def render(hanzi: str | None, pinyin: str | None):
        if not made:
            from lianxi.study.sound import cache_folder, make_speaker  # noqa: PLC0415

            made.append(make_speaker(cache_folder(data_dir)))
        return made[0].render(hanzi, pinyin)

    return render


# -- calibration (a setting in the learner's own database) ----------------------------------------


def _settings(learner) -> dict:
    return dict(learner.progress.setting(SETTING, {}) or {})


def calibration(learner) -> Calibration | None:
    return Calibration.from_dict(_settings(learner).get("calibration"))


def save_calibration(learner, found: Calibration) -> None:
    stored = _settings(learner)
    stored["calibration"] = found.to_dict()
    learner.progress.set_setting(SETTING, stored)


def forget_calibration(learner) -> bool:
    stored = _settings(learner)
    had = stored.pop("calibration", None) is not None
    learner.progress.set_setting(SETTING, stored)
    return had


def keeps_recordings(learner) -> bool:
    """The learner's "keep my recordings" setting; off unless they turned it on."""
    return bool(_settings(learner).get("keep_recordings", False))


def set_keep_recordings(learner, keep: bool) -> None:
    stored = _settings(learner)
    stored["keep_recordings"] = bool(keep)
    learner.progress.set_setting(SETTING, stored)


# -- reading recordings -------------------------------------------------------------------------


def read_wav(path) -> "Recording":
    """A WAV file a person named -> a Recording (regular files only, size-limited)."""
    from lianxi.audio.pitch import Recording  # noqa: PLC0415
    from lianxi.files import read_limited  # noqa: PLC0415

    problem = analysis_problem()
    if problem:
        raise SpeakingUnavailable(problem)
    return Recording.from_wav(read_limited(path, WAV_LIMIT, "WAV file"), str(path))


# -- one attempt ----------------------------------------------------------------------------------


@dataclass
class Attempt:
    """What one try at a word gave: the verdict per syllable and what to draw."""

    syllables: list[Syllable]
    judgements: list[Judgement]
    method: str  # how the word was split into syllables ("voicing", "alignment", ...)
    heard_anything: bool
    seconds: float  # analysis time
    recording: "Recording | None" = field(default=None, repr=False)

    @property
    def targets(self) -> list[str]:
        return [s.numbered for s in self.syllables]

    def to_dict(self) -> dict:
        return {"syllables": [j.to_dict() for j in self.judgements]}

    def summary(self) -> str:
        """One line: how it went, in the learner's words."""
        if not self.heard_anything:
            return "Nothing was heard: check the microphone and say the word again."
        counts = {v: sum(j.verdict is v for j in self.judgements) for v in Verdict}
        if counts[Verdict.WRONG]:
            return f"{counts[Verdict.WRONG]} tone{'s' if counts[Verdict.WRONG] != 1 else ''} to work on."
        if counts[Verdict.RIGHT] and not counts[Verdict.UNSURE]:
            return "Your tones have the right shapes."
        if counts[Verdict.RIGHT]:
            return "The tones that could be judged have the right shapes."
        return "Not sure about these tones: compare the curves and listen back."


class Coach:
    """Judges attempts at words against the learner's calibration.

    `render` turns (hanzi, pinyin) into a WAV path: the app's Speaker, used only when a
    word's syllables cannot be found from voicing or loudness alone (then the word is
    aligned to its reference rendering). Without it such words stay "unsure".
    """

    def __init__(self, calibration: Calibration | None = None,
                 render: Callable[[str | None, str | None], object] | None = None):
        self.calibration = calibration
        self.render = render
        self._references: dict[str, Reference | None] = {}

    def check(self, recording: "Recording", hanzi: str | None = None, pinyin: str | None = None,
              syllables: Sequence[Syllable] | None = None) -> Attempt:
        from lianxi.audio import pitch  # noqa: PLC0415
        from lianxi.audio.syllables import split as split_word  # noqa: PLC0415

        problem = pitch.available()
        if problem:
            raise SpeakingUnavailable(problem)
        said = list(syllables) if syllables is not None else target_syllables(hanzi, pinyin)
        started = time.perf_counter()
        track = pitch.track(recording)
        span = pitch.speech_span(track)
        parts = split_word(track, len(said), span)
        if parts.parts is None and span is not None and len(said) > 1:
            reference = self.reference(said)
            if reference is not None:
                parts = split_word(track, len(said), span, reference)
        contours = pitch.contours(track, parts.parts) if parts.parts else None
        judgements = judge(contours, [(s.numbered, s.tone) for s in said], self.calibration)
        if span is None:
            judgements = [Judgement(j.target, j.tone, Verdict.UNSURE,
                                    hint="nothing was heard: check the microphone and say it again")
                          for j in judgements]
        return Attempt(said, judgements, parts.method, span is not None,
                       time.perf_counter() - started, recording)

    def reference(self, said: Sequence[Syllable]) -> "Reference | None":
        """The reference rendering of the word with its syllable starts, or None without speech."""
        from lianxi.audio.pitch import Recording  # noqa: PLC0415
        from lianxi.audio.syllables import reference_bounds  # noqa: PLC0415

        key = " ".join(s.numbered for s in said)
        if key in self._references:
            return self._references[key]
        found = None
        if self.render is not None:
            try:
                word = Recording.from_wav(_read(self.render(None, key)))
                alone = [Recording.from_wav(_read(self.render(None, s.numbered))) for s in said]
                found = reference_bounds(word, alone)
            except (UserError, ValueError, OSError, RuntimeError):  # PraatError is a RuntimeError
                found = None  # no speech here, or nothing to align: the split stays unsure
        self._references[key] = found
        return found

    def calibrate(self, recordings: Sequence["Recording"]) -> Calibration:
        """A calibration from mā má mǎ mà: four recordings, or one with the four in a row."""
        from lianxi.audio import pitch  # noqa: PLC0415
        from lianxi.audio.syllables import split as split_word  # noqa: PLC0415

        problem = pitch.available()
        if problem:
            raise SpeakingUnavailable(problem)
        frames: dict[int, tuple[float, ...]] = {}
        if len(recordings) == 1:
            track = pitch.track(recordings[0])
            parts = split_word(track, 4)
            if parts.parts is None:
                raise CalibrationProblem("could not hear four separate syllables: pause briefly "
                                         "between mā, má, mǎ and mà, or record each on its own")
            frames = dict(zip((1, 2, 3, 4), pitch.contours(track, parts.parts)))
        elif len(recordings) == 4:
            for tone, recording in zip((1, 2, 3, 4), recordings):
                track = pitch.track(recording)
                parts = split_word(track, 1)
                frames[tone] = pitch.contours(track, parts.parts)[0] if parts.parts else ()
        else:
            raise CalibrationProblem("calibration needs mā, má, mǎ and mà: four recordings, or one with all four")
        found = calibrate(frames)
        self.calibration = found
        return found


def _read(path) -> bytes:
    from pathlib import Path  # noqa: PLC0415

    return Path(path).read_bytes()
