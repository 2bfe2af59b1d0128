"""Attributed claims (placeholder until the attribution engine lands)."""

from __future__ import annotations

from recount.claims.document import Document
from recount.claims.model import AttributedClaim


def extract_attributed(doc: Document) -> list[AttributedClaim]:
    return []
