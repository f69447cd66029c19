"""The dictionary's rules: reading CC-CEDICT lines, reading what a learner types, ranking.

A learner looks a word up by hanzi (simplified or traditional), by pinyin with or
without tones (`ni hao`, `ni3hao3`, `nǐhǎo`) or by English words. This package
turns dictionary lines and queries into the keys the index stores and searches,
and says how results are ordered: exact matches first, then HSK words, then the
more common words (core.ranking). Pure: stdlib and lianxi.core only; never files, SQLite or UI.

- entries: CC-CEDICT lines read into entries;
- readings: a dictionary reading's syllables, its index keys and how it is shown;
- english: English glosses as the index stores them, and glosses fit for a learner;
- common_words: how common a word is (the HSK word table, headwords built on it);
- lookup: what the learner typed, read into a query, and one result as it is shown.
"""
