"""The annotated corpus as (article, claims) pairs: hand-annotated claims stand in for the
engine's output wherever a test needs a library with known contents."""

from __future__ import annotations

import json
from pathlib import Path

from recount.claims.model import Article, Claim, claim_from_dict

CORPUS = Path(__file__).parent / "corpus"


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
        found.append((article, [claim_from_dict(c, text) for c in meta.get("claims", [])]))
    return found


def fill_with_corpus(lib) -> int:
    """Store every corpus article with its annotated claims; returns how many."""
    pairs = corpus_articles()
    for article, claims in pairs:
        lib.add_article(article, claims)
    return len(pairs)
