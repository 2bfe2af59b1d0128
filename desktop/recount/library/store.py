"""The library: every report the user has read, its claims, and their review decisions.

One SQLite file (WAL, foreign keys, FTS5) opened through sqlite-utils. Every write runs in
an explicit IMMEDIATE transaction; a failure rolls it back and surfaces as a LibraryError
subclass with a message for the user (errors.py). A file that is not a healthy library is
never written to: it is checked through a read-only connection before the real one opens.

Thread use: one Library may be shared by the GUI thread and workers; calls are serialised
by a lock. For parallel reads open a second Library on the same file.

`Library` is made of one module per concern, behind this one interface: connection.py
(opening, transactions, error translation), articles.py, stored_claims.py, search.py
(candidate claims), reviews.py (reviews, dismissed flags, aliases); rows.py maps rows to
claims and articles.
"""

from __future__ import annotations

from recount.claims.model import AttributedClaim, NumericClaim
from recount.library.articles import ArticlesMixin
from recount.library.connection import QUICK_CHECK_MAX_BYTES, SQLITE_MAGIC, Connection
from recount.library.reviews import ALIAS_KINDS, DECISIONS, ReviewsMixin
from recount.library.rows import (
    _INSERT_CLAIM,
    _SELECT_CLAIMS,
    ARTICLE_FIELDS,
    AddResult,
    Review,
    StoredArticle,
    StoredClaim,
    apply_correction,
    claim_dict_from_row,
    claim_row,
)
from recount.library.search import TERM_CEILING, SearchMixin, fts_words
from recount.library.stored_claims import ClaimsMixin


class Library(ArticlesMixin, ClaimsMixin, SearchMixin, ReviewsMixin, Connection):
    """An open library file. Use `Library.open(...)`; close it, or use it as a context manager."""


__all__ = [
    "ALIAS_KINDS",
    "ARTICLE_FIELDS",
    "DECISIONS",
    "QUICK_CHECK_MAX_BYTES",
    "SQLITE_MAGIC",
    "TERM_CEILING",
    "_INSERT_CLAIM",
    "_SELECT_CLAIMS",
    "AddResult",
    "AttributedClaim",
    "Library",
    "NumericClaim",
    "Review",
    "StoredArticle",
    "StoredClaim",
    "apply_correction",
    "claim_dict_from_row",
    "claim_row",
    "fts_words",
]
