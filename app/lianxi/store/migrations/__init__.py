"""Every schema step of the learner's database, in one list, in the order they apply.

Each team writes its steps in the module of its number range (m0xx_first_schema,
m1xx_store, m2xx_learning_in_view, m5xx_dictionary, m6xx_lesson_format); `STEPS` below is
the single ordered list, recorded in the database through sqlite-utils' Migrations
(lianxi.store.migrations.record). To add a step: write it in your range's module, then
append it at the end of `STEPS`. Never edit or reorder a step that is on main.
This package imports no feature module (the feature stores import it only through
store.db), so there is no import circle.
"""

from __future__ import annotations

from lianxi.store.migrations import (
    m0xx_first_schema as first,
    m1xx_store as store,
    m2xx_learning_in_view as learning,
    m5xx_dictionary as dictionary,
    m6xx_lesson_format as lesson_format,
)
from lianxi.store.migrations.record import MIGRATION_SET, MigrationList

__all__ = ["MIGRATION_SET", "OUTSIDE_A_TRANSACTION", "STEPS", "MigrationList", "migrations"]

# In the order they landed on main, which is the order they apply on every learner's file.
STEPS = (
    first.m001_study_loop,
    first.m010_drills,
    first.m020_dictionary,
    first.m021_sentences,
    first.m022_dictionary_hanzi,
    dictionary.m500_dictionary_index_leaves_progress,
    dictionary.m501_give_back_the_space,
    lesson_format.m600_other_readings,
    store.m100_one_memory_per_word,
    store.m101_lesson_file_names,
    store.m102_staged_sentences,
    learning.m200_cards_in_hand,
    store.m103_covering_count_indexes,
    store.m104_sentence_imports,
)
# Steps that cannot run inside a transaction (VACUUM).
OUTSIDE_A_TRANSACTION = (dictionary.m501_give_back_the_space,)

migrations = MigrationList(MIGRATION_SET)
for _step in STEPS:
    migrations(transactional=_step not in OUTSIDE_A_TRANSACTION)(_step)
