"""Stored claims: an article's claims, one claim, and library-wide streams (by id, or by
category in date order for the scan). A mixin of `Library` (store.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from recount.claims.model import Claim
from recount.library.rows import (
    _CLAIM_COLUMNS,
    _ISO_GLOB,
    _NOT_DELETED,
    _SELECT_CLAIMS,
    StoredClaim,
    _claim_from_row,
    _stored_claim,
    apply_correction,
)

# An article's figures of one category with their review: no join with the article (the
# caller knows it), the claims_article index, few rows built.
_SELECT_FIGURES = ("SELECT {cols}, c.extra, r.decision, r.correction FROM claims c "
                   "LEFT JOIN reviews r ON r.claim_id = c.id WHERE c.article_id = ? AND c.kind = 'numeric' "
                   "AND (c.category IS ? {count} OR r.decision = 'corrected')").format(
    cols=", ".join(f'c."{c}"' for c in _CLAIM_COLUMNS), count="{count}")


class ClaimsMixin:
    """Reading claims back, with their article's date, outlet and the user's review."""

    def claims(self, article_id: int) -> list[StoredClaim]:
        """An article's claims in text order (rejected ones included, with their review)."""
        return self._claims_where("c.article_id = ?", (article_id,), 'ORDER BY c.start, c."end", c.id')

    def figures_of(self, article_id: int, category: str) -> list[Claim]:
        """An article's figures (not rejected, corrections applied) whose category is `category`
        ("count" takes those stored without one, as the claim model does): what the rules read
        of a figure's report (refs.superseded, figure_roles.margin), in a few rows instead of
        the article's every claim."""
        sql = _SELECT_FIGURES.format(count="OR c.category IS NULL" if category == "count" else "")
        with self._reading() as conn:
            rows = conn.execute(sql, (article_id, category)).fetchall()
        out = []
        for row in rows:
            decision, correction = row[-2], row[-1]
            if decision == "rejected":
                continue
            claim = _claim_from_row(row[:-2])
            if correction:
                claim = apply_correction(claim, json.loads(correction))
            if claim.kind == "numeric" and claim.category == category:
                out.append(claim)
        return out

    def claim(self, claim_id: int) -> StoredClaim | None:
        found = self._claims_where("c.id = ?", (claim_id,))
        return found[0] if found else None

    def iter_claims(self, kind: str | None = None, include_rejected: bool = False,
                    batch: int = 2000) -> Iterator[StoredClaim]:
        """Every claim of the articles not deleted, in id order, fetched in batches (no long read lock)."""
        last = 0
        while True:
            where = ["c.id > ?", _NOT_DELETED]
            params: list[Any] = [last]
            if kind is not None:  # ("+": not through the kind index, whose rows come in as_of order:
                # every page sorted all of the kind's later claims, quadratic; 109 -> 2.5 s for the
                # 306,757 quotes of a 1M library. The id range reads each claim once.)
                where.append("+c.kind = ?")
                params.append(kind)
            if not include_rejected:
                where.append("(r.decision IS NULL OR r.decision != 'rejected')")
            rows = self._claims_where(" AND ".join(where), params, f"ORDER BY c.id LIMIT {int(batch)}")
            if not rows:
                return
            yield from rows
            last = rows[-1].id

    def claim_categories(self, kind: str) -> list[str | None]:
        """The distinct categories of a kind's stored claims (None: no category), read from the
        (kind, category, as_of) index; lets a library-wide scan go one category at a time."""
        with self._reading() as conn:
            rows = conn.execute("SELECT DISTINCT category FROM claims WHERE kind = ? ORDER BY category",
                                (kind,)).fetchall()
        return [r[0] for r in rows]

    def count_claims_by_category(self, kind: str) -> dict[str | None, int]:
        """How many claims of a kind each category has (deleted and rejected ones included): a
        cheap size estimate (index only) for sharing a library-wide scan between workers."""
        with self._reading() as conn:
            rows = conn.execute("SELECT category, count(*) FROM claims WHERE kind = ? GROUP BY category",
                                (kind,)).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def iter_claims_by_date(self, kind: str, category: str | None, *, dated: bool = True,
                            batch: int = 2000) -> Iterator[StoredClaim]:
        """One kind and category of claims (None: those without a category), not rejected, of
        articles not deleted, in batches (no long read lock), so that a library-wide scan holds
        only a sliding window of dates in memory.

        dated=True: the claims whose as_of is an ISO date, in (as_of, id) order, through the
        (kind, category, as_of) index. dated=False: the others (no or odd as_of), in id order.
        A corrected claim comes with its correction applied but is ordered by its stored as_of.
        """
        base = ["c.kind = ?", "c.category IS ?", _NOT_DELETED,
                "(r.decision IS NULL OR r.decision != 'rejected')"]
        select = _SELECT_CLAIMS.replace("SELECT ", "SELECT c.as_of, ", 1)
        if dated:
            base.append(f"c.as_of GLOB '{_ISO_GLOB}'")
            last: tuple[str, int] | None = None
            while True:
                where, params = list(base), [kind, category]
                if last is not None:  # keyset: after (as_of, id) of the last row
                    where.append("c.as_of >= ? AND NOT (c.as_of = ? AND c.id <= ?)")
                    params += [last[0], last[0], last[1]]
                sql = f"{select} WHERE {' AND '.join(where)} ORDER BY c.as_of, c.id LIMIT {int(batch)}"
                with self._reading() as conn:
                    rows = conn.execute(sql, params).fetchall()
                if not rows:
                    return
                for row in rows:
                    yield _stored_claim(row[1:])
                last = (rows[-1][0], rows[-1][1])
        else:
            base.append(f"(c.as_of IS NULL OR c.as_of NOT GLOB '{_ISO_GLOB}')")
            last_id = 0
            while True:
                sql = (f"{select} WHERE {' AND '.join(base)} AND c.id > ? "
                       f"ORDER BY c.id LIMIT {int(batch)}")
                with self._reading() as conn:
                    rows = conn.execute(sql, [kind, category, last_id]).fetchall()
                if not rows:
                    return
                for row in rows:
                    yield _stored_claim(row[1:])
                last_id = rows[-1][1]
