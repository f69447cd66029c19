"""Storage: the learner's progress in one SQLite file (sqlite-utils). Never imports the UI."""
