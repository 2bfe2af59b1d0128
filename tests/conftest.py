"""Shared fixtures: Qt runs offscreen; the corpus and temporary libraries live under tests/."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the engine's compiled patterns (claims/pattern_cache.py) are kept in a directory of the test
# session's own, not the user's cache; subprocesses of the tests inherit it
if "RECOUNT_CACHE_DIR" not in os.environ:
    os.environ["RECOUNT_CACHE_DIR"] = tempfile.mkdtemp(prefix="recount-test-cache-")
    atexit.register(shutil.rmtree, os.environ["RECOUNT_CACHE_DIR"], ignore_errors=True)

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    """A path for a real, temporary SQLite library (created by whoever opens it)."""
    return tmp_path / "library.db"
