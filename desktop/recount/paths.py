"""Where things live: the user's library (`--db`, else $RECOUNT_DB, else the platform's data
dir), and the files shipped with the app (migrations in db/, resources/)."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

APP_NAME = "Recount"


def default_library_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "library.db"


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("RECOUNT_DB")
    if env:
        return Path(env).expanduser()
    return default_library_path()


def resources_dir() -> Path:
    """resources/ as shipped (pyproject maps it to the package `recount.resources`)."""
    return Path(str(files("recount.resources")))


def migrations_dir() -> Path:
    """db/ as shipped (pyproject maps it to the package `recount.db`)."""
    return Path(str(files("recount.db")))
