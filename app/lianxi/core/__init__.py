"""The pure core: pinyin, lessons, cards, grading, drills, scheduling.

Standard library, fsrs and pypinyin only: no I/O, no UI, storage or audio libraries.
"""
