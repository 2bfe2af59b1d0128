"""Fixtures for the library tests: real temporary SQLite files and claims from the corpus
annotations (so the store is tested independently of the extraction engine)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from recount.claims.model import Article, Claim, claim_from_dict
from recount.library.store import Library

CORPUS = Path(__file__).parent.parent / "corpus"


def corpus_articles() -> list[tuple[Article, list[Claim]]]:
    """Every corpus article with its hand-annotated claims (offsets found in the text)."""
    found = []
    for meta_path in sorted(CORPUS.glob("*.json")):
        txt = meta_path.with_suffix(".txt")
        if not txt.exists():
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
        article = Article(text=text, published=meta.get("published"), title=meta.get("title"),
                          outlet=meta.get("outlet"), id=meta.get("id"))
        claims = [claim_from_dict(c, text) for c in meta.get("claims", [])]
        found.append((article, claims))
    return found


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
