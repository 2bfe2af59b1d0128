"""Schema migrations: db/NNN_name.sql applied in order, the version kept in PRAGMA user_version.

Each migration runs in its own IMMEDIATE transaction together with the user_version bump, so a
crash leaves the library at the previous version with all its data. A library whose version is
newer than the newest migration here is refused before anything is written.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from recount.library import errors
from recount.paths import migrations_dir

_NAME = re.compile(r"^(\d{3,})_[\w-]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available(directory: Path | None = None) -> list[Migration]:
    """The migrations shipped in `directory` (default: recount.db), in order; numbers must run 1..N."""
    directory = directory or migrations_dir()
    found = sorted(
        (Migration(int(m.group(1)), p) for p in directory.iterdir() if (m := _NAME.match(p.name))),
        key=lambda mig: mig.version,
    )
    for expected, mig in enumerate(found, start=1):
        if mig.version != expected:
            raise RuntimeError(f"migrations in {directory} skip from {expected - 1} to {mig.version}")
    return found


def latest_version(directory: Path | None = None) -> int:
    found = available(directory)
    return found[-1].version if found else 0


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: sqlite3.Connection, path: Path | str, directory: Path | None = None) -> None:
    found, known = current_version(conn), latest_version(directory)
    if found > known:
        raise errors.newer(path, found, known)


def migrate(conn: sqlite3.Connection, path: Path | str, directory: Path | None = None,
            timeout: float = 5.0) -> list[int]:
    """Bring the library up to date; returns the versions applied. `conn` must be in autocommit
    mode (isolation_level=None) so that the BEGIN/COMMIT here are the only transaction control."""
    check_not_newer(conn, path, directory)
    applied: list[int] = []
    for mig in available(directory):
        if mig.version <= current_version(conn):
            continue
        statements = split_statements(mig.sql())
        try:
            conn.execute("BEGIN IMMEDIATE")
            # Another process may have migrated while we waited for the lock.
            if current_version(conn) < mig.version:
                for statement in statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {mig.version}")
                applied.append(mig.version)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            known = errors.translate(exc, path, timeout)
            if known is not None:
                raise known from exc
            raise RuntimeError(f"migration {mig.path.name} failed: {exc}") from exc
    return applied


def split_statements(script: str) -> list[str]:
    """One SQL statement per item (triggers' BEGIN ... END kept whole), comments dropped.

    executescript() would commit any open transaction first, so statements run one by one
    inside the migration's own transaction instead.
    """
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().strip(";").strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
