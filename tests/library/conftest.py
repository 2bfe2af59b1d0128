"""Fixtures for the library tests: real temporary SQLite files and claims from the corpus
annotations (so the store is tested independently of the extraction engine)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus_support import corpus_articles
from recount.claims.model import Article, Claim
from recount.library.store import Library

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture
def annotated() -> list[tuple[Article, list[Claim]]]:
    return corpus_articles()


@pytest.fixture
def lib(library_file: Path) -> Iterator[Library]:
    library = Library.open(library_file)
    yield library
    library.close()


@pytest.fixture
def filled(lib: Library) -> Library:
    """A library holding the whole annotated corpus."""
    for article, claims in corpus_articles():
        lib.add_article(article, claims)
    return lib
