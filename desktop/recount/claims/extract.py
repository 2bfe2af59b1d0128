"""One call from article text to every claim in it: the engine's public entry point."""

from __future__ import annotations

from datetime import date

from recount.claims.document import Document
from recount.claims.model import Claim


def extract(text: str, published: date | str | None = None) -> list[Claim]:
    """Numeric and attributed claims of `text`, sorted by position.

    `published` resolves relative dates ("on Sunday", "since April 4"); today if unknown.
    Never raises on odd input: the worst case is fewer claims.
    """
    if isinstance(published, str):
        published = date.fromisoformat(published)
    doc = Document.from_text(text, published or date.today())
    from recount.claims.attribution import extract_attributed
    from recount.claims.numeric import extract_numeric
    from recount.claims.sources import assign_sources

    numeric = extract_numeric(doc)
    attributed = extract_attributed(doc)
    assign_sources(doc, numeric, attributed)
    claims: list[Claim] = [*numeric, *attributed]
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
