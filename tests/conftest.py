"""Shared fixtures: Qt runs offscreen; the corpus and temporary libraries live under tests/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    """A path for a real, temporary SQLite library (created by whoever opens it)."""
    return tmp_path / "library.db"
