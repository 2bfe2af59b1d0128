"""Who a figure is attributed to (placeholder until the attribution engine lands)."""

from __future__ import annotations

from recount.claims.document import Document
from recount.claims.model import AttributedClaim, NumericClaim


def assign_sources(doc: Document, numeric: list[NumericClaim], attributed: list[AttributedClaim]) -> None:
    return None
