"""Use cases for the audio drills and listening cards: one drill run, the confusion table,
the learner's audio settings. The screens, the `lianxi drill` command and the tests all
go through here. Must never import Textual or the speech engine (the UI plays sound).
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass

from lianxi.core.drills.answers import check
from lianxi.core.drills.confusion import Confusion
from lianxi.core.drills.dictation import choose_dictation
from lianxi.core.drills.items import Drill, Item, Verdict
from lianxi.core.drills.listening import choose_listen
from lianxi.core.drills.minimal_pairs import choose_minimal
from lianxi.core.drills.tone_pairs import choose_pair, pair_words
from lianxi.core.drills.tones import choose_tone
from lianxi.core.drills.words import STARTER_WORDS, DrillWord
from lianxi.core.errors import UserError
from lianxi.core.pinyin import PinyinError, parse
from lianxi.lexicon import bundled_lexicon
from lianxi.store.drills import DrillAnswer, DrillLog, enrol_listening_cards

# Example sentences longer than this are not "short" enough to write down from one hearing.
DICTATION_MAX_SYLLABLES = 10


class DrillUnavailable(UserError):
    """A drill has nothing to work with yet (no words in the chosen lesson, say)."""


# -- settings ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AudioSettings:
    play_listening_on_show: bool = True  # listening cards speak as soon as they are shown
    play_on_reveal: bool = True  # other cards speak their word when the answer is shown
    listening_cards: bool = True  # studied words get a listening card


def audio_settings(learner) -> AudioSettings:
    stored = learner.progress.setting("audio", {}) or {}
    known = {k: bool(v) for k, v in stored.items() if k in AudioSettings.__slots__}
    return AudioSettings(**known)


def change_audio_settings(learner, **changes) -> AudioSettings:
    stored = dict(learner.progress.setting("audio", {}) or {})
    stored.update({k: bool(v) for k, v in changes.items()})
    learner.progress.set_setting("audio", stored)
    if "listening_cards" in changes:  # counts on every screen follow at once
        enrol_listening_cards(learner.progress, everything=True)
    return audio_settings(learner)


def add_listening_cards(learner) -> int:
    """Called when a review session starts: studied words get their listening card."""
    return enrol_listening_cards(learner.progress)


# -- the learner's words ---------------------------------------------------------------------


def learner_words(learner, lesson_id: str | None = None, level: str | None = None,
                  sentences: bool = False) -> list[DrillWord]:
    """The learner's words (and, with `sentences`, short example sentences) as DrillWords."""
    from lianxi.study.dictionary import script

    # the learner's script setting holds in drills too: shown, and accepted when typed
    forms = learner.progress.traditional_forms() if script(learner.progress) == "traditional" else {}
    out = []
    for (note_id, hanzi, pinyin, english, lvl, lesson, tags, example, example_pinyin,
         example_english) in DrillLog(learner.progress).words(lesson_id, level):
        out.append(DrillWord(forms.get(note_id, hanzi), pinyin, tuple(json.loads(english)), note_id, lvl, lesson,
                             tuple(json.loads(tags))))
        if sentences and example and example_pinyin:
            try:
                short = len(parse(example_pinyin)) <= DICTATION_MAX_SYLLABLES
            except PinyinError:
                short = False
            if short:
                out.append(DrillWord(example, example_pinyin, (example_english,) if example_english else (),
                                     None, lvl, lesson))
    return out


def confusion(learner) -> Confusion:
    return Confusion(DrillLog(learner.progress).confusion())


# -- one drill run -----------------------------------------------------------------------------


class DrillRun:
    """One sitting of one drill: next item, answer (stored at once), running score.

    `rng` is passed in so tests are repeatable; `lesson_id`/`level` narrow the listening
    and dictation drills to a lesson or level; `contrast` fixes the minimal-pair drill to
    one contrast ("zh/z"). Raises DrillUnavailable when there is nothing to drill.
    """

    def __init__(self, learner, drill: Drill | str, *, rng: random.Random | None = None,
                 lesson_id: str | None = None, level: str | None = None, contrast: str | None = None):
        self.learner = learner
        self.drill = Drill(drill)
        self.rng = rng or random.Random()
        self.lesson_id = lesson_id
        self.level = level
        self.contrast = contrast
        self.log = DrillLog(learner.progress)
        self.current: Item | None = None
        self.last: Verdict | None = None
        self.asked = 0
        self.right = 0
        # With no sound the learner answers blind: such answers are checked and shown, but
        # never stored as evidence of what they hear (the screen says why).
        self.counted = True
        self._shown_at = 0.0
        self._played: str | None = None  # what the last item played
        self.history: list[tuple[Item, Verdict, int]] = []  # (item, verdict, ms) of each answer, for the summary
        self._words = self._load_words()

    def _load_words(self) -> list[DrillWord]:
        if self.drill in (Drill.TONES, Drill.MINIMAL):
            return []
        scoped = bool(self.lesson_id or self.level)
        lessons = self.learner.progress.lesson_names()  # ids and levels only: nothing to count
        if self.lesson_id and self.lesson_id not in {lesson_id for lesson_id, _, _, _ in lessons}:
            raise DrillUnavailable(f"you have no lesson {self.lesson_id}; see `lianxi lessons list` for the ids")
        if self.level and self.level not in {level for _, _, level, _ in lessons}:
            known = ", ".join(sorted({level for _, _, level, _ in lessons})) or "none yet"
            raise DrillUnavailable(f"none of your lessons has the level {self.level!r} (yours: {known})")
        words = learner_words(self.learner, self.lesson_id, self.level,
                              sentences=self.drill is Drill.DICTATION)
        if self.drill is Drill.PAIRS:
            return words  # the starter words are always added to these
        if not words and not scoped:
            # A fresh start with no lessons yet: drill everyday words instead of nothing.
            return list(STARTER_WORDS)
        if self.drill is Drill.LISTEN and len({"; ".join(w.english[:2]).lower() for w in words}) < 4:
            where = f"lesson {self.lesson_id}" if self.lesson_id else f"level {self.level}" if self.level else "your lessons"
            raise DrillUnavailable(
                f"the listening drill needs at least four words with different meanings in {where}; "
                "add a lesson (a on the home screen, or `lianxi lessons add`) or choose a bigger level"
            )
        if not words:
            where = f"lesson {self.lesson_id}" if self.lesson_id else f"level {self.level}"
            raise DrillUnavailable(f"{where} has no words; see `lianxi lessons list` for the lesson ids and levels")
        return words

    def next(self) -> Item:
        """The next item to play: never what was just played, when there is anything else."""
        stats = self.log.item_stats(self.drill.value)
        last = self._played
        if self.drill is Drill.TONES:
            item = choose_tone(self.rng, confusion(self.learner), last)
        elif self.drill is Drill.PAIRS:
            item = choose_pair(self.rng, pair_words(self._words), stats, confusion(self.learner), last)
        elif self.drill is Drill.MINIMAL:
            item = choose_minimal(self.rng, stats, self.contrast, last)
        elif self.drill is Drill.LISTEN:
            item = choose_listen(self.rng, self._words, stats, last)
        else:
            item = choose_dictation(self.rng, self._words, stats, last)
        self._played = item.played
        self.current = item
        self.last = None
        self._shown_at = time.monotonic()
        return item

    def answer(self, typed: str) -> Verdict:
        """Check and store the answer to the current item (tones also go to the confusion table).

        An answer that cannot be read at all (no tone pressed, pinyin with a typo) is not
        stored: the verdict says what to type and the item stays.
        """
        item = self.current
        if item is None:
            raise RuntimeError("no drill item is being asked")
        verdict = check(item, typed, bundled_lexicon())
        if not verdict.readable:
            return verdict  # nothing to store: the screen shows what to type and asks again
        duration = int((time.monotonic() - self._shown_at) * 1000)
        prompt = item.hanzi or item.pinyin or ""
        if self.counted:
            self.log.record(
                DrillAnswer(self.drill.value, item.key, prompt, item.expected, verdict.answer, verdict.correct,
                            item.note_id, duration),
                self.learner.clock(), verdict.tones,
            )
        self.asked += 1
        self.right += int(verdict.correct)
        self.history.append((item, verdict, duration))
        self.current = None
        self.last = verdict
        return verdict
