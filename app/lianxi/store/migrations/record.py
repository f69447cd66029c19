"""The ordered list of schema steps, applied and recorded through sqlite-utils' Migrations.

sqlite-utils is imported only when a step is pending, so start-up stays quick.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

MIGRATION_SET = "lianxi"


class MigrationList:
    """Our schema steps in order, applied through sqlite-utils' Migrations.

    Steps are registered by calling it on each function in order (`migrations()(m010_drills)`,
    or `migrations(transactional=False)(fn)` for a step such as VACUUM); see `STEPS` in
    lianxi.store.migrations.
    """

    table = "_sqlite_migrations"

    def __init__(self, name: str):
        self.name = name
        self.steps: list[tuple[str, Callable]] = []
        self.outside_transaction: set[str] = set()  # steps such as VACUUM that cannot run in one

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def register(fn: Callable) -> Callable:
            step = name or fn.__name__
            if any(known == step for known, _ in self.steps):
                raise ValueError(f"migration {step} is registered twice")
            self.steps.append((step, fn))
            if not transactional:
                self.outside_transaction.add(step)
            return fn

        return register

    def applied(self, conn: sqlite3.Connection) -> list[str]:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.table,)).fetchone()
        if not exists:
            return []
        return [r[0] for r in conn.execute(
            f"SELECT name FROM {self.table} WHERE migration_set = ? ORDER BY rowid", (self.name,))]

    def apply(self, conn: sqlite3.Connection) -> None:
        import sqlite_utils
        from sqlite_utils.migrations import Migrations

        runner = Migrations(self.name)
        for step, fn in self.steps:
            runner(name=step, transactional=step not in self.outside_transaction)(fn)
        runner.apply(sqlite_utils.Database(conn))
