"""Numeric claims (placeholder until the numeric engine lands)."""

from __future__ import annotations

from recount.claims.document import Document
from recount.claims.model import NumericClaim


def extract_numeric(doc: Document) -> list[NumericClaim]:
    return []
