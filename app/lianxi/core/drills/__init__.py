"""Audio drills: which item to play next, and whether an answer was right.

Five drills: tones (one syllable, answer 1-5), pairs (a two-syllable word, answer its
two tones), listen (a word, pick its meaning of four), dictation (type what you heard),
minimal (zh or z? -n or -ng?). Every choice takes a `random.Random` from the caller, so
tests pass a seeded one; what the learner confuses comes in as counts, never from disk.

Pure: stdlib and pypinyin (through core.pinyin) only. Must never import storage, UI,
audio or the study layer.

- items: the five drills, an item to play and ask about, the verdict on an answer;
- confusion: what the learner confuses, and choices that lean toward their mistakes;
- words: words a drill can play (the learner's, and a starter list for every tone pair);
- tones, tone_pairs, minimal_pairs, listening, dictation: each drill's choice and check;
- answers: `check`, the one entry point for answers.
"""
