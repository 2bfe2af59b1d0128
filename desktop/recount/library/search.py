"""Search: the claims a new claim may speak to (index lookups, full-text terms), and plain
words as FTS5 queries. A mixin of `Library` (store.py)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any

from recount.library.rows import _NOT_DELETED, StoredClaim, _iso

# A candidate-search word found in more claims than this is not used as a filter (see
# candidate_claims): it narrows little, and its posting list would cost more than it saves.
TERM_CEILING = 5000
# Words too common to narrow a candidate search; searching them would read huge posting lists.
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have he her his in is it its of on or said says she "
    "that the their they this to was were will with".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)
_FTS_OPERATORS = frozenset(("AND", "OR", "NOT", "NEAR"))


def fts_words(text: str | Iterable[str], operator: str = "AND", drop_common: bool = False) -> str | None:
    """An FTS5 query that searches `text` as plain words (each quoted), or None if it has none."""
    if not isinstance(text, str):
        text = " ".join(text)
    words = [w for w in _WORD.findall(text) if not (drop_common and w.lower() in _STOPWORDS)]
    words = list(dict.fromkeys(words))
    if not words:
        return None
    return f" {operator} ".join('"{}"'.format(w.replace('"', '""')) for w in words)


def _fold(word: str) -> str:
    """A word as the unicode61 tokenizer (remove_diacritics 2) indexes it."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class SearchMixin:
    """Candidate claims for the matcher."""

    def candidate_claims(
        self,
        kind: str | None = None,
        categories: Iterable[str] | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        exclude_article: int | None = None,
        terms: str | Iterable[str] | None = None,
        limit: int = 500,
        include_rejected: bool = False,
        story: int | None = None,
    ) -> list[StoredClaim]:
        """Stored claims a new claim may speak to, newest first, by index lookups only.

        kind: "numeric" or "attributed" (pass it: the indexes start with kind).
        categories: numeric categories to accept (attributed claims have none; ignored for them).
        date_from/date_to: inclusive ISO bounds on the claim's as-of date (time.end or time.start
            for a figure, date for a quote, else the article's publication date).
        terms: words of which at least one must occur in the claim's sentence, quote, place,
            source or speaker; searched as plain words (never FTS syntax), common words dropped.
            Pass distinctive words (places, names), not "killed".
        story: only claims of that story's reports (figures are compared within one story).
        Deleted articles are never returned; rejected claims only with include_rejected.
        """
        words = self._narrowing_words(terms) if terms is not None else None
        if words == []:
            return []  # none of the words occurs in any claim
        windowed = date_from is not None and date_to is not None
        # Which index starts the query: with a date window, the (kind, category, as_of) index (the
        # FTS row list is then only a membership test, hence "+c.id"); without one, the FTS rows of
        # the words (hence "+" on the other columns, so that no scan of all claims of a kind in date
        # order is chosen, which is what SQLite tends to do on a library never ANALYZEd).
        by_terms = bool(words) and not windowed
        col = "+c." if by_terms else "c."
        where = [_NOT_DELETED]
        params: list[Any] = []
        if kind is not None:
            where.append(f"{col}kind = ?")
            params.append(kind)
        cats = list(dict.fromkeys(categories)) if categories is not None else None
        if cats is not None and kind != "attributed":
            marks = ", ".join("?" * len(cats))
            where.append(f"{col}category IN ({marks})" if kind == "numeric"
                         else f"(c.kind = 'attributed' OR {col}category IN ({marks}))")
            params.extend(cats)
        if date_from is not None:
            where.append(f"{col}as_of >= ?")
            params.append(_iso(date_from))
        if date_to is not None:
            where.append(f"{col}as_of <= ?")
            params.append(_iso(date_to))
        if exclude_article is not None:
            where.append("c.article_id != ?")
            params.append(exclude_article)
        if story is not None:  # the claim's copy of its report's story (db/006): indexed with kind, category
            where.append("c.story_id = ?")
            params.append(story)
        if not include_rejected:
            where.append("(r.decision IS NULL OR r.decision != 'rejected')")
        if words:
            driver = "c.id" if by_terms else "+c.id"
            where.append(f"{driver} IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(" OR ".join('"{}"'.format(w.replace('"', '""')) for w in words))
        tail = f"ORDER BY {col}as_of DESC, c.id DESC LIMIT {int(limit)}"
        return self._claims_where(" AND ".join(where), params, tail)

    def _narrowing_words(self, terms: str | Iterable[str]) -> list[str] | None:
        """The words of `terms` worth searching: present in the index and not so common that they
        match more than TERM_CEILING claims (such words narrow little and cost a long posting list).
        None when every word is that common (search without the term filter); [] when none occurs."""
        if not isinstance(terms, str):
            terms = " ".join(t for t in terms if t)
        words = list(dict.fromkeys(w for w in _WORD.findall(terms) if w.lower() not in _STOPWORDS))
        if not words:
            return None
        kept, too_common = [], 0
        with self._reading() as conn:
            for word in words:
                key = _fold(word)
                docs = self._term_docs.get(key)
                if docs is None:  # counting stops at the ceiling: cheap even for the commonest words
                    docs = conn.execute(
                        "SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)",
                        ('"{}"'.format(key.replace('"', '""')), TERM_CEILING + 1)).fetchone()[0]
                    if len(self._term_docs) > 50_000:
                        self._term_docs.clear()
                    self._term_docs[key] = docs
                if docs > TERM_CEILING:
                    too_common += 1
                elif docs > 0:
                    kept.append(word)
        return None if not kept and too_common else kept
