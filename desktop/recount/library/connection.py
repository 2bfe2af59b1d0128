"""The library file: opening (checked, created, upgraded), transactions, error translation.

`Connection` is the base of `Library` (store.py): one SQLite connection (WAL, foreign keys)
behind a lock, so one Library may be shared by the GUI thread and workers. Every write runs
in an explicit IMMEDIATE transaction; a failure rolls it back and surfaces as a LibraryError
subclass with a message for the user (errors.py). A file that is not a healthy library is
never written to: it is checked through a read-only connection before the real one opens.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self
from urllib.parse import quote as url_quote

import sqlite_utils

from recount.library import errors, migrations
from recount.library.rows import _SELECT_CLAIMS, StoredClaim, _stored_claim

SQLITE_MAGIC = b"SQLite format 3\x00"
# Below this size the open runs PRAGMA quick_check (about 10 ms per MB); bigger libraries rely
# on SQLite reporting damage when a damaged page is read, which is translated the same way.
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
# Files this process already checked, as (path, size, mtime): the window opens the library for
# each operation, and a file that has not changed since need not be checked again.
_CHECKED: set[tuple[str, int, int]] = set()



class Connection:
    """An open library file. Use `Library.open(...)`; close it, or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, timeout: float, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.timeout = timeout
        self.read_only = read_only
        self._lock = threading.RLock()
        self.db = sqlite_utils.Database(conn)
        self._term_docs: dict[str, int] = {}  # word -> claims holding it, counted up to TERM_CEILING + 1

    @classmethod
    def open(cls, path: str | os.PathLike[str], create: bool = True, timeout: float = 5.0,
             read_only: bool = False, migrations_dir: Path | None = None) -> Self:
        """Open (and create or upgrade) the library at `path`.

        Raises LibraryMissing (no file and create=False), CorruptLibrary, NewerLibrary,
        ReadOnlyLibrary (cannot write and read_only=False), LibraryLocked (busy > timeout).
        With read_only=True the file is opened for reading only and writes raise ReadOnlyLibrary.
        """
        path = Path(path).expanduser()
        exists = path.exists()
        if exists and not path.is_file():
            raise errors.LibraryError(
                f"{path} is a folder, not a library file. Choose a file with --db.", path)
        if not exists:
            if not create or read_only:
                raise errors.LibraryMissing(
                    f"There is no library at {path}. Import some reports first, or choose another file "
                    "with --db.", path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise errors.read_only(path) from exc
        if exists:
            _validate_existing(path, timeout, migrations_dir)
        if not read_only and not _writable(path):
            raise errors.read_only(path)
        try:
            if read_only:
                conn = _connect_read_only(path, timeout)
            else:
                conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None,
                                       check_same_thread=False)
        except sqlite3.Error as exc:
            raise errors.translate(exc, path, timeout) or errors.read_only(path) from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if read_only:
                if migrations.current_version(conn) < migrations.latest_version(migrations_dir):
                    raise errors.ReadOnlyLibrary(
                        f"The library {path} needs an upgrade, which cannot be written to a read-only "
                        "file. Open it once where it can be written.", path)
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                # Checkpoint every ~40 MB of WAL rather than 4 MB: one transaction per imported
                # article otherwise spends much of its time copying pages back (measured +10-50 %).
                conn.execute("PRAGMA wal_autocheckpoint = 10000")
                migrations.migrate(conn, path, migrations_dir, timeout)
        except BaseException as exc:
            conn.close()
            if isinstance(exc, sqlite3.Error):
                known = errors.translate(exc, path, timeout)
                if known is not None:
                    raise known from exc
            raise
        return cls(conn, path, timeout, read_only)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Library {self.path}>"

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                known = errors.translate(exc, self.path, self.timeout)
                if known is None:
                    raise
                raise known from exc

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: committed when the block ends, rolled back on any error."""
        if self.read_only:
            raise errors.read_only(self.path)
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    known = errors.translate(exc, self.path, self.timeout)
                    if known is not None:
                        raise known from exc
                raise

    def _claims_where(self, where: str, params: Sequence[Any], tail: str = "") -> list[StoredClaim]:
        with self._reading() as conn:
            rows = conn.execute(f"{_SELECT_CLAIMS} WHERE {where} {tail}", params).fetchall()
        return [_stored_claim(row) for row in rows]


def _connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that cannot write. In a read-only folder a WAL library cannot get its -shm
    file, so it is opened as immutable (nobody can be writing it there either)."""
    uri = f"file:{url_quote(str(path))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(f"{uri}&immutable=1", uri=True, timeout=timeout, isolation_level=None,
                           check_same_thread=False)

def _writable(path: Path) -> bool:
    """The file (if any) and its folder can be written: SQLite needs both (WAL and -shm files)."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))

def _validate_existing(path: Path, timeout: float, migrations_dir: Path | None) -> None:
    """Refuse a file that is not a healthy library, through a read-only connection (writes nothing)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
        size = path.stat().st_size
    except OSError as exc:
        raise errors.LibraryError(f"Recount cannot read the library {path}: {exc.strerror}.", path) from exc
    if size == 0:
        return  # an empty file is an empty database; there is nothing in it to lose
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _CHECKED:
        return
    if header != SQLITE_MAGIC:
        raise errors.corrupt(path, "it is not an SQLite database")
    try:
        conn = sqlite3.connect(f"file:{url_quote(str(path))}?mode=ro", uri=True, timeout=timeout,
                               isolation_level=None)
    except sqlite3.Error as exc:
        raise errors.translate(exc, path, timeout) or errors.corrupt(path, str(exc)) from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = migrations.current_version(conn)
        if (version == 0 and tables) or (version > 0 and not {"articles", "claims"} <= tables):
            raise errors.CorruptLibrary(
                f"{path} is an SQLite database of another program, not a Recount library. Recount has "
                "not changed it. Choose another file with --db.", path)
        migrations.check_not_newer(conn, path, migrations_dir)
        if size <= QUICK_CHECK_MAX_BYTES:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if result != "ok":
                raise errors.corrupt(path, result)
        else:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _CHECKED.add(key)
    except sqlite3.Error as exc:
        known = errors.translate(exc, path, timeout)
        if isinstance(known, errors.ReadOnlyLibrary):
            return  # cannot even open read-only here (e.g. WAL in a read-only folder): the real open says so
        raise known or errors.corrupt(path, str(exc)) from exc
    finally:
        conn.close()
