"""The claims engine: plain Python, no I/O, no Qt."""

from recount.claims.extract import extract
from recount.claims.model import Article, AttributedClaim, Claim, NumericClaim, TimeSpan

__all__ = ["Article", "AttributedClaim", "Claim", "NumericClaim", "TimeSpan", "extract"]
