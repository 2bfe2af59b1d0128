"""What can go wrong with the library file, told apart from bugs.

Every error carries a `user_message` a person can act on: what happened and what to do.
The window shows it in a dialog; the CLI prints it and exits 1. Anything else that escapes
the library is a bug.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class LibraryError(Exception):
    """A known problem with the library file (not a bug)."""

    def __init__(self, user_message: str, path: Path | str | None = None) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.path = Path(path) if path is not None else None


class LibraryMissing(LibraryError):
    """Opened with create=False and there is no file."""


class CorruptLibrary(LibraryError):
    """Not an SQLite database, or a damaged one. The file is left exactly as it is."""


class LibraryLocked(LibraryError):
    """Another process held the write lock for longer than the timeout."""


class NewerLibrary(LibraryError):
    """Made by a newer Recount: its schema version is unknown to this one."""


class ReadOnlyLibrary(LibraryError):
    """The file or its folder cannot be written."""


class DiskFull(LibraryError):
    """The disk (or the library's size limit) is full; the last write was rolled back."""


def corrupt(path: Path | str, detail: str = "") -> CorruptLibrary:
    extra = f" ({detail})" if detail else ""
    return CorruptLibrary(
        f"The library file {path} is damaged or is not a Recount library{extra}. "
        "Recount has not changed it. Restore it from a backup, or choose another file with --db.",
        path,
    )


def locked(path: Path | str, timeout: float) -> LibraryLocked:
    return LibraryLocked(
        f"The library {path} is busy: another program (perhaps another Recount window or import) "
        f"has been writing to it for more than {timeout:g} s. Wait for it to finish and try again.",
        path,
    )


def read_only(path: Path | str) -> ReadOnlyLibrary:
    return ReadOnlyLibrary(
        f"The library {path} cannot be written (the file or its folder is read-only). "
        "Nothing was changed. Make it writable, or choose another file with --db.",
        path,
    )


def disk_full(path: Path | str) -> DiskFull:
    return DiskFull(
        f"The disk holding the library {path} is full. The last change was undone and everything "
        "saved before it is intact. Free some space and try again.",
        path,
    )


def newer(path: Path | str, found: int, known: int) -> NewerLibrary:
    return NewerLibrary(
        f"The library {path} was made by a newer Recount (schema version {found}; this one knows "
        f"up to {known}). It has not been changed. Update Recount to open it.",
        path,
    )


def translate(exc: sqlite3.Error, path: Path | str, timeout: float = 0.0) -> LibraryError | None:
    """The LibraryError an sqlite3 error stands for, or None when it is a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == sqlite3.SQLITE_FULL or "database or disk is full" in text:
        return disk_full(path)
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in text:
        return locked(path, timeout)
    if primary == sqlite3.SQLITE_READONLY or "readonly database" in text:
        return read_only(path)
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text \
            or "not a database" in text:
        return corrupt(path, str(exc))
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open database" in text:
        return read_only(path)
    if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
        return LibraryError(
            f"Recount could not read or write the library {path} (a disk error: {exc}). "
            "Nothing was saved by the last change; check the disk and try again.",
            path,
        )
    return None
