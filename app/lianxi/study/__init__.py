"""Use cases, one module per use case: what the app and the command line do with a learner's data.

`ui` and `cli` reach storage and audio only through this package (an import-linter
contract keeps it so). Must never import Textual, Rich or click.

The names most callers need are re-exported here; the rest live in their modules
(`study.drills`, `study.dictionary`, `study.sentences`, `study.tutor`, ...).
"""

from lianxi.study.learner import Learner, Stats, local_zone, utc_now
from lianxi.study.lesson_files import (
    BundledLesson,
    bundled_lesson_path,
    bundled_lessons,
    read_lesson_file,
    read_lesson_files,
)
from lianxi.study.session import Answered, Session

__all__ = [
    "Answered",
    "BundledLesson",
    "Learner",
    "Session",
    "Stats",
    "bundled_lesson_path",
    "bundled_lessons",
    "local_zone",
    "read_lesson_file",
    "read_lesson_files",
    "utc_now",
]
