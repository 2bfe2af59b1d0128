"""A watched folder: the .txt, .md and .html files under it (recursively) that are new or changed.

A file is taken when its size or modification time differs from what was taken before. A file
still being written is left for the next poll: one modified less than SETTLE_SECONDS ago, or
whose size or time changes while it is read. Files are read as `recount import` reads them
(library/importer.py: a NAME.json beside NAME.txt gives its metadata).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from recount.claims.model import Article

WATCHED_SUFFIXES = frozenset((".txt", ".md", ".markdown", ".html", ".htm"))
SETTLE_SECONDS = 2.0


class FolderGone(Exception):
    """The watched folder is missing or unreadable; `str(exc)` says which."""


@dataclass(slots=True)
class FileItem:
    path: Path
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        return f"file:{self.path}"


def scan(folder: str | Path) -> list[FileItem]:
    """Watched files under `folder`, hidden files and folders left out, in name order."""
    root = Path(folder)
    if not root.is_dir():
        raise FolderGone(f"folder {root} is missing" if not root.exists() else f"{root} is not a folder")
    found: list[FileItem] = []
    errors: list[OSError] = []
    for here, dirs, files in os.walk(root, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in WATCHED_SUFFIXES:
                continue
            path = Path(here) / name
            try:
                st = path.stat()
            except OSError:
                continue  # removed between listing and looking
            found.append(FileItem(path, st.st_size, st.st_mtime_ns))
    if errors and errors[0].filename == str(root):
        raise FolderGone(f"folder {root} cannot be read ({errors[0].strerror})")
    return found


def changed(items: list[FileItem], taken: dict[str, tuple[int | None, int | None]]) -> list[FileItem]:
    """Items whose (size, mtime) differ from what was taken from the same path."""
    return [i for i in items if taken.get(str(i.path)) != (i.size, i.mtime_ns)]


def settled(item: FileItem, now_ts: float, settle: float = SETTLE_SECONDS) -> bool:
    return now_ts - item.mtime_ns / 1e9 >= settle


def read_item(item: FileItem) -> Iterator[tuple[Article | None, str | None]]:
    """(article, None) or (None, why) for the file; (None, None) when it is still being written."""
    from recount.library.importer import iter_entries

    entries = list(iter_entries(item.path))
    try:
        st = item.path.stat()
    except OSError:
        yield None, "removed while being read"
        return
    if (st.st_size, st.st_mtime_ns) != (item.size, item.mtime_ns):
        yield None, None
        return
    for entry in entries:
        yield entry.article, (None if entry.article is not None else entry.error or "cannot be read")
