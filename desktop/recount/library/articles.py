"""Articles: storing a report with its claims (idempotent), listing, searching, editing,
deleting (undoably) and counting. A mixin of `Library` (store.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from recount.claims.model import Article, Claim
from recount.library import errors
from recount.library.normalise import text_hash
from recount.library.rows import (
    _INSERT_CLAIM,
    _SELECT_ARTICLES,
    ARTICLE_FIELDS,
    AddResult,
    StoredArticle,
    _iso,
    _now,
    claim_row,
)
from recount.library.search import _FTS_OPERATORS, _WORD, fts_words


class ArticlesMixin:
    """The articles table (and the claims stored with each article)."""

    def add_article(self, article: Article, claims: Sequence[Claim],
                    within: Callable[[sqlite3.Connection, int], None] | None = None) -> AddResult:
        """Store an article and its claims in one transaction. Idempotent: the same normalised
        text again returns the stored article's id with added=False (a deleted one is restored).
        within(conn, article_id) runs inside that transaction for a new article (its story, its
        flags), so that a report is stored with them or not at all."""
        if not article.text or not article.text.strip():
            raise ValueError("an article needs some text")
        digest = text_hash(article.text)
        published = _iso(article.published)
        with self._writing() as conn:
            row = conn.execute("SELECT id, deleted_at FROM articles WHERE text_hash = ?",
                               (digest,)).fetchone()
            if row is not None:
                if row[1] is not None:
                    conn.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", (row[0],))
                return AddResult(row[0], False)
            cur = conn.execute(
                "INSERT INTO articles (ext_id, title, outlet, url, published, text, text_hash, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.title, article.outlet, article.url, published, article.text, digest,
                 _now()),
            )
            article_id = int(cur.lastrowid or 0)
            self._insert_claims(conn, article_id, claims, published)
            if within is not None:
                within(conn, article_id)
            self._term_docs.clear()
        return AddResult(article_id, True)

    @staticmethod
    def _insert_claims(conn: sqlite3.Connection, article_id: int, claims: Sequence[Claim],
                       published: str | None) -> None:
        rows = []
        for claim in claims:
            values, as_of, extra = claim_row(claim, published)
            rows.append((article_id, *values, as_of, extra))
        conn.executemany(_INSERT_CLAIM, rows)

    def replace_claims(self, article_id: int, claims: Sequence[Claim]) -> None:
        """Swap an article's claims for a new extraction (reviews of the old ones go with them)."""
        with self._writing() as conn:
            row = conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise KeyError(f"no article {article_id}")
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            self._insert_claims(conn, article_id, claims, row[0])

    def find_article(self, text: str | None = None, ext_id: str | None = None) -> int | None:
        """The id of the stored (not deleted) article with this text (normalised) or import id."""
        with self._reading() as conn:
            if text is not None:
                row = conn.execute("SELECT id FROM articles WHERE text_hash = ? AND deleted_at IS NULL",
                                   (text_hash(text),)).fetchone()
            else:
                row = conn.execute("SELECT id FROM articles WHERE ext_id = ? AND deleted_at IS NULL "
                                   "ORDER BY id LIMIT 1", (ext_id,)).fetchone()
        return None if row is None else int(row[0])

    def article(self, article_id: int) -> StoredArticle | None:
        with self._reading() as conn:
            row = conn.execute(f"{_SELECT_ARTICLES} WHERE a.id = ?", (article_id,)).fetchone()
        return None if row is None else StoredArticle(*row)

    def articles(self, query: str | None = None, limit: int = 200, offset: int = 0,
                 include_deleted: bool = False, with_text: bool = True) -> list[StoredArticle]:
        """Newest first; with `query`, best full-text matches first. A query that is not valid
        FTS5 syntax ("WHO's", "a AND", unbalanced quotes) is searched as plain words.
        with_text=False leaves `text` empty: a list of reports (the browser) need not read them."""
        alive = "" if include_deleted else "a.deleted_at IS NULL"
        select = _SELECT_ARTICLES if with_text else _SELECT_ARTICLES.replace("a.text", "'' AS text", 1)
        if not query or not query.strip():
            where = f"WHERE {alive}" if alive else ""
            sql = f"{select} {where} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?"
            with self._reading() as conn:
                return [StoredArticle(*r) for r in conn.execute(sql, (limit, offset))]
        sql = (f"{select} JOIN articles_fts f ON f.rowid = a.id WHERE articles_fts MATCH ? "
               f"{'AND ' + alive if alive else ''} ORDER BY f.rank LIMIT ? OFFSET ?")
        with self._lock:
            try:
                rows = self._conn.execute(sql, (query, limit, offset)).fetchall()
            except sqlite3.Error as exc:  # not FTS5 syntax: its words, less stray operators
                known = errors.translate(exc, self.path, self.timeout)
                if known is not None:
                    raise known from exc
                words = fts_words(w for w in _WORD.findall(query) if w not in _FTS_OPERATORS)
                if words is None:
                    return []
                with self._reading() as conn:
                    rows = conn.execute(sql, (words, limit, offset)).fetchall()
        return [StoredArticle(*r) for r in rows]

    def count_articles(self, include_deleted: bool = False) -> int:
        """All articles less the deleted ones: two index counts, never a scan of the texts."""
        with self._reading() as conn:
            total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            if include_deleted:
                return total
            return total - int(conn.execute(
                "SELECT count(*) FROM articles WHERE deleted_at IS NOT NULL").fetchone()[0])

    def count_claims(self) -> int:
        with self._reading() as conn:
            return int(conn.execute("SELECT count(*) FROM claims").fetchone()[0])

    def update_article(self, article_id: int, **fields: Any) -> None:
        """Change metadata: ext_id, title, outlet, url, published (the text is the article's identity)."""
        unknown = set(fields) - set(ARTICLE_FIELDS)
        if unknown:
            allowed = ", ".join(ARTICLE_FIELDS)
            raise ValueError(f"cannot update {', '.join(sorted(unknown))}; allowed: {allowed}")
        if not fields:
            return
        if "published" in fields:
            fields["published"] = _iso(fields["published"])
        assignments = ", ".join(f"{k} = ?" for k in fields)
        with self._writing() as conn:
            cur = conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?",
                               (*fields.values(), article_id))
            if cur.rowcount == 0:
                raise KeyError(f"no article {article_id}")
            if "published" in fields:  # claims without their own date take the article's
                conn.execute(
                    "UPDATE claims SET as_of = coalesce(CASE kind WHEN 'numeric' THEN coalesce(time_end, "
                    "time_start) ELSE date END, ?) WHERE article_id = ?", (fields["published"], article_id))

    def delete_article(self, article_id: int) -> None:
        """Hide an article and its claims from lists and checks (undo with restore_article)."""
        self.delete_articles([article_id])

    def delete_articles(self, article_ids: Iterable[int]) -> list[int]:
        """Hide several articles in one transaction (all or none); the ids it hid."""
        ids = [int(i) for i in article_ids]
        now = _now()
        with self._writing() as conn:
            return [i for i in ids if conn.execute(
                "UPDATE articles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", (now, i)).rowcount]

    def restore_article(self, article_id: int) -> None:
        self.restore_articles([article_id])

    def restore_articles(self, article_ids: Iterable[int]) -> None:
        """Bring deleted articles back, in one transaction."""
        with self._writing() as conn:
            conn.executemany("UPDATE articles SET deleted_at = NULL WHERE id = ?",
                             [(int(i),) for i in article_ids])

    def claim_counts(self, article_ids: Iterable[int]) -> dict[int, int]:
        """Claims per article for the given articles, in one query (the browser's Claims column)."""
        ids = [int(i) for i in article_ids]
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        with self._reading() as conn:
            rows = conn.execute(f"SELECT article_id, count(*) FROM claims WHERE article_id IN ({marks}) "
                                "GROUP BY article_id", ids).fetchall()
        return {**dict.fromkeys(ids, 0), **{int(a): int(n) for a, n in rows}}

    def purge_article(self, article_id: int) -> None:
        """Remove an article, its claims and their reviews for good."""
        with self._writing() as conn:
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
