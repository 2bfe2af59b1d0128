"""The library: every report the user has read, its claims, and their review decisions.

One SQLite file (WAL, foreign keys, FTS5) opened through sqlite-utils. Every write runs in
an explicit IMMEDIATE transaction; a failure rolls it back and surfaces as a LibraryError
subclass with a message for the user (errors.py). A file that is not a healthy library is
never written to: it is checked through a read-only connection before the real one opens.

Thread use: one Library may be shared by the GUI thread and workers; calls are serialised
by a lock. For parallel reads open a second Library on the same file.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

import sqlite_utils

from recount.claims.model import Article, AttributedClaim, Claim, NumericClaim, TimeSpan, claim_from_dict
from recount.library import errors, migrations
from recount.library.normalise import text_hash

SQLITE_MAGIC = b"SQLite format 3\x00"
# Below this size the open runs PRAGMA quick_check (about 10 ms per MB); bigger libraries rely
# on SQLite reporting damage when a damaged page is read, which is translated the same way.
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
# Files this process already checked, as (path, size, mtime): the window opens the library for
# each operation, and a file that has not changed since need not be checked again.
_CHECKED: set[tuple[str, int, int]] = set()

# A candidate-search word found in more claims than this is not used as a filter (see
# candidate_claims): it narrows little, and its posting list would cost more than it saves.
TERM_CEILING = 5000
DECISIONS = ("confirmed", "rejected", "corrected")
ALIAS_KINDS = ("speaker", "place")
ARTICLE_FIELDS = ("ext_id", "title", "outlet", "url", "published")

# Claim columns, in table order; `time` is flattened into time_start/time_end/scope.
_CLAIM_COLUMNS = (
    "kind", "start", "end", "span", "sentence",
    "value", "lower", "upper", "lower_inclusive", "upper_inclusive", "qualifier", "category",
    "subject", "unit", "time_start", "time_end", "scope", "place", "source",
    "speaker", "speaker_role", "verb", "quote", "date",
)
_BOOL_COLUMNS = ("lower_inclusive", "upper_inclusive")
_KNOWN_KEYS = {*_CLAIM_COLUMNS, "time"}
_INSERT_CLAIM = (
    "INSERT INTO claims (article_id, {cols}, as_of, extra) VALUES (?, {marks}, ?, ?)".format(
        cols=", ".join(f'"{c}"' for c in _CLAIM_COLUMNS), marks=", ".join("?" * len(_CLAIM_COLUMNS))
    )
)
_SELECT_CLAIMS = """
SELECT c.id, c.article_id, {cols}, c.extra,
       a.published, a.outlet, a.ext_id, a.title,
       r.decision, r.correction, r.note
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN reviews r ON r.claim_id = c.id
""".format(cols=", ".join(f'c."{c}"' for c in _CLAIM_COLUMNS))
# Uses the partial index articles_deleted (migration 002): the deleted set is small.
_NOT_DELETED = "c.article_id NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)"
_SELECT_ARTICLES = (
    "SELECT a.id, a.ext_id, a.title, a.outlet, a.url, a.published, a.text, a.added_at, a.deleted_at "
    "FROM articles a"
)
# Words too common to narrow a candidate search; searching them would read huge posting lists.
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have he her his in is it its of on or said says she "
    "that the their they this to was were will with".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)
_FTS_OPERATORS = frozenset(("AND", "OR", "NOT", "NEAR"))
# An as_of that sorts as a date (iter_claims_by_date): YYYY-MM-DD, anything after it.
_ISO_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(value: date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    return value.isoformat()


@dataclass(frozen=True, slots=True)
class AddResult:
    """What add_article did: the article's id, and False when that text was already stored."""

    article_id: int
    added: bool


@dataclass(slots=True)
class StoredArticle:
    id: int
    ext_id: str | None
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    text: str
    added_at: str
    deleted_at: str | None = None

    @property
    def ref(self) -> str:
        """The id to show and print: the one it was imported with, else the library's own."""
        return self.ext_id or str(self.id)

    def to_article(self) -> Article:
        return Article(
            text=self.text, published=self.published, title=self.title, outlet=self.outlet,
            url=self.url, id=self.ref, published_from="metadata" if self.published else "unknown",
        )


@dataclass(slots=True)
class StoredClaim:
    """A claim as stored, with what the matcher needs about its article (no second query).

    `claim` holds the corrected values when the user corrected it (then `original` holds
    the extracted ones); `review` is "confirmed", "rejected", "corrected" or None.
    """

    id: int
    article_id: int
    claim: Claim
    published: str | None
    outlet: str | None
    ext_id: str | None
    title: str | None
    review: str | None = None
    review_note: str | None = None
    original: Claim | None = None

    @property
    def article_ref(self) -> str:
        """The article's id as imported (JSONL/CSV/sidecar id), else the library's own id."""
        return self.ext_id or str(self.article_id)


@dataclass(frozen=True, slots=True)
class Review:
    claim_id: int
    decision: str
    correction: dict[str, Any] | None
    note: str | None
    at: str


def claim_row(claim: Claim, published: str | None) -> tuple[list[Any], str | None, str | None]:
    """Column values of a claim (table order), its as_of date, and its extra JSON."""
    data = claim.to_dict()
    time = data.get("time") or {}
    flat = {**data, "time_start": time.get("start"), "time_end": time.get("end"),
            "scope": time.get("scope")}
    values = [flat.get(col) for col in _CLAIM_COLUMNS]
    for col in _BOOL_COLUMNS:
        i = _CLAIM_COLUMNS.index(col)
        if values[i] is not None:
            values[i] = int(bool(values[i]))
    extra = {k: v for k, v in data.items() if k not in _KNOWN_KEYS}
    as_of = (time.get("end") or time.get("start")) if claim.kind == "numeric" else data.get("date")
    return values, as_of or published, json.dumps(extra) if extra else None


def claim_dict_from_row(row: Sequence[Any]) -> dict[str, Any]:
    """The claim JSON of a row whose first columns are _CLAIM_COLUMNS then extra."""
    data = dict(zip(_CLAIM_COLUMNS, row, strict=False))
    extra = row[len(_CLAIM_COLUMNS)]
    for col in _BOOL_COLUMNS:
        if data[col] is not None:
            data[col] = bool(data[col])
    for col in ("value", "lower", "upper"):  # REAL columns give 30.0 back for 30
        if isinstance(data[col], float) and data[col].is_integer():
            data[col] = int(data[col])
    data["time"] = {"start": data.pop("time_start"), "end": data.pop("time_end"),
                    "scope": data.pop("scope") or "unknown"}
    if data["kind"] == "attributed":
        data = {k: data[k] for k in ("kind", "span", "start", "end", "sentence", "speaker",
                                      "speaker_role", "verb", "quote", "date")}
    if extra:
        data.update(json.loads(extra))
    return data


def apply_correction(claim: Claim, correction: dict[str, Any]) -> Claim:
    """The claim with the user's corrected fields (claim JSON names; `time` may be partial)."""
    data = claim.to_dict()
    for key, value in correction.items():
        if key == "time" and isinstance(value, dict):
            data["time"] = {**data.get("time", {}), **value}
        else:
            data[key] = value
    return claim_from_dict(data)


def fts_words(text: str | Iterable[str], operator: str = "AND", drop_common: bool = False) -> str | None:
    """An FTS5 query that searches `text` as plain words (each quoted), or None if it has none."""
    if not isinstance(text, str):
        text = " ".join(text)
    words = [w for w in _WORD.findall(text) if not (drop_common and w.lower() in _STOPWORDS)]
    words = list(dict.fromkeys(words))
    if not words:
        return None
    return f" {operator} ".join('"{}"'.format(w.replace('"', '""')) for w in words)


class Library:
    """An open library file. Use `Library.open(...)`; close it, or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, timeout: float, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.timeout = timeout
        self.read_only = read_only
        self._lock = threading.RLock()
        self.db = sqlite_utils.Database(conn)
        self._term_docs: dict[str, int] = {}  # word -> claims holding it, counted up to TERM_CEILING + 1

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], create: bool = True, timeout: float = 5.0,
             read_only: bool = False, migrations_dir: Path | None = None) -> Library:
        """Open (and create or upgrade) the library at `path`.

        Raises LibraryMissing (no file and create=False), CorruptLibrary, NewerLibrary,
        ReadOnlyLibrary (cannot write and read_only=False), LibraryLocked (busy > timeout).
        With read_only=True the file is opened for reading only and writes raise ReadOnlyLibrary.
        """
        path = Path(path).expanduser()
        exists = path.exists()
        if exists and not path.is_file():
            raise errors.LibraryError(
                f"{path} is a folder, not a library file. Choose a file with --db.", path)
        if not exists:
            if not create or read_only:
                raise errors.LibraryMissing(
                    f"There is no library at {path}. Import some reports first, or choose another file "
                    "with --db.", path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise errors.read_only(path) from exc
        if exists:
            _validate_existing(path, timeout, migrations_dir)
        if not read_only and not _writable(path):
            raise errors.read_only(path)
        try:
            if read_only:
                conn = _connect_read_only(path, timeout)
            else:
                conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None,
                                       check_same_thread=False)
        except sqlite3.Error as exc:
            raise errors.translate(exc, path, timeout) or errors.read_only(path) from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if read_only:
                if migrations.current_version(conn) < migrations.latest_version(migrations_dir):
                    raise errors.ReadOnlyLibrary(
                        f"The library {path} needs an upgrade, which cannot be written to a read-only "
                        "file. Open it once where it can be written.", path)
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                # Checkpoint every ~40 MB of WAL rather than 4 MB: one transaction per imported
                # article otherwise spends much of its time copying pages back (measured +10-50 %).
                conn.execute("PRAGMA wal_autocheckpoint = 10000")
                migrations.migrate(conn, path, migrations_dir, timeout)
        except BaseException as exc:
            conn.close()
            if isinstance(exc, sqlite3.Error):
                known = errors.translate(exc, path, timeout)
                if known is not None:
                    raise known from exc
            raise
        return cls(conn, path, timeout, read_only)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Library {self.path}>"

    # ---------------------------------------------------------------- plumbing

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                known = errors.translate(exc, self.path, self.timeout)
                if known is None:
                    raise
                raise known from exc

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: committed when the block ends, rolled back on any error."""
        if self.read_only:
            raise errors.read_only(self.path)
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    known = errors.translate(exc, self.path, self.timeout)
                    if known is not None:
                        raise known from exc
                raise

    def _claims_where(self, where: str, params: Sequence[Any], tail: str = "") -> list[StoredClaim]:
        with self._reading() as conn:
            rows = conn.execute(f"{_SELECT_CLAIMS} WHERE {where} {tail}", params).fetchall()
        return [_stored_claim(row) for row in rows]

    # ---------------------------------------------------------------- articles

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
                 include_deleted: bool = False) -> list[StoredArticle]:
        """Newest first; with `query`, best full-text matches first. A query that is not valid
        FTS5 syntax ("WHO's", "a AND", unbalanced quotes) is searched as plain words."""
        alive = "" if include_deleted else "a.deleted_at IS NULL"
        if not query or not query.strip():
            where = f"WHERE {alive}" if alive else ""
            sql = f"{_SELECT_ARTICLES} {where} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?"
            with self._reading() as conn:
                return [StoredArticle(*r) for r in conn.execute(sql, (limit, offset))]
        sql = (f"{_SELECT_ARTICLES} JOIN articles_fts f ON f.rowid = a.id WHERE articles_fts MATCH ? "
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

    # ---------------------------------------------------------------- claims

    def claims(self, article_id: int) -> list[StoredClaim]:
        """An article's claims in text order (rejected ones included, with their review)."""
        return self._claims_where("c.article_id = ?", (article_id,), 'ORDER BY c.start, c."end", c.id')

    def claim(self, claim_id: int) -> StoredClaim | None:
        found = self._claims_where("c.id = ?", (claim_id,))
        return found[0] if found else None

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
        if story is not None:
            where.append("a.story_id = ?")
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

    def iter_claims(self, kind: str | None = None, include_rejected: bool = False,
                    batch: int = 2000) -> Iterator[StoredClaim]:
        """Every claim of the articles not deleted, in id order, fetched in batches (no long read lock)."""
        last = 0
        while True:
            where = ["c.id > ?", _NOT_DELETED]
            params: list[Any] = [last]
            if kind is not None:
                where.append("c.kind = ?")
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

    # ---------------------------------------------------------------- reviews, flags, aliases

    def set_review(self, claim_id: int, decision: str | None, correction: dict[str, Any] | None = None,
                   note: str | None = None) -> None:
        """Record the user's decision on a claim (None clears it). A correction is a dict of claim
        JSON fields, e.g. {"value": 101, "lower": 101, "upper": 101}; later reads return it applied."""
        if decision is None:
            with self._writing() as conn:
                conn.execute("DELETE FROM reviews WHERE claim_id = ?", (claim_id,))
            return
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        if decision == "corrected" and not correction:
            raise ValueError("a correction needs the corrected fields")
        with self._writing() as conn:
            row = conn.execute(f"{_SELECT_CLAIMS} WHERE c.id = ?", (claim_id,)).fetchone()
            if row is None:
                raise KeyError(f"no claim {claim_id}")
            if correction:  # fails here, not at every later read, if the fields do not fit
                stored = _stored_claim(row)
                apply_correction(stored.original or stored.claim, correction)
            conn.execute(
                "INSERT INTO reviews (claim_id, decision, correction, note, at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (claim_id) DO UPDATE SET decision = excluded.decision, "
                "correction = excluded.correction, note = excluded.note, at = excluded.at",
                (claim_id, decision, json.dumps(correction) if correction else None, note, _now()),
            )

    def reviews(self) -> list[Review]:
        with self._reading() as conn:
            rows = conn.execute("SELECT claim_id, decision, correction, note, at FROM reviews ORDER BY id")
            return [Review(r[0], r[1], json.loads(r[2]) if r[2] else None, r[3], r[4]) for r in rows]

    def dismiss_flag(self, flag_key: str, note: str | None = None) -> None:
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO dismissed_flags (flag_key, note, at) VALUES (?, ?, ?) ON CONFLICT (flag_key) "
                "DO UPDATE SET note = excluded.note, at = excluded.at", (flag_key, note, _now()))

    def undismiss_flag(self, flag_key: str) -> None:
        with self._writing() as conn:
            conn.execute("DELETE FROM dismissed_flags WHERE flag_key = ?", (flag_key,))

    def dismissed_flags(self) -> dict[str, str]:
        """flag key -> the user's note ("" when none)."""
        with self._reading() as conn:
            return {k: n or "" for k, n in conn.execute("SELECT flag_key, note FROM dismissed_flags")}

    def add_alias(self, kind: str, variant: str, canonical: str) -> None:
        """Record that `variant` names the same speaker/place as `canonical` (replaces an earlier one)."""
        if kind not in ALIAS_KINDS:
            raise ValueError(f"alias kind must be one of {', '.join(ALIAS_KINDS)}, not {kind!r}")
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO aliases (kind, variant, canonical) VALUES (?, ?, ?) ON CONFLICT (kind, variant) "
                "DO UPDATE SET canonical = excluded.canonical", (kind, variant, canonical))

    def remove_alias(self, kind: str, variant: str) -> None:
        with self._writing() as conn:
            conn.execute("DELETE FROM aliases WHERE kind = ? AND variant = ?", (kind, variant))

    def aliases(self, kind: str) -> dict[str, str]:
        """variant -> canonical for "speaker" or "place"."""
        with self._reading() as conn:
            return dict(conn.execute("SELECT variant, canonical FROM aliases WHERE kind = ?", (kind,)))


def _stored_claim(row: Sequence[Any]) -> StoredClaim:
    n = len(_CLAIM_COLUMNS)
    claim_id, article_id = row[0], row[1]
    claim = _claim_from_row(row[2:2 + n + 1])
    published, outlet, ext_id, title, decision, correction, note = row[n + 3:n + 10]
    original = None
    if correction:
        original = claim
        claim = apply_correction(claim, json.loads(correction))
    return StoredClaim(claim_id, article_id, claim, published, outlet, ext_id, title, decision, note,
                       original)


def _number(value: float | None) -> float | int | None:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _claim_from_row(row: Sequence[Any]) -> Claim:
    """claim_dict_from_row + claim_from_dict without the dicts: this runs for every candidate."""
    if row[-1]:  # fields only a newer engine knows: take the general path
        return claim_from_dict(claim_dict_from_row(row))
    (kind, start, end, span, sentence, value, lower, upper, lower_inc, upper_inc, qualifier, category,
     subject, unit, time_start, time_end, scope, place, source, speaker, speaker_role, verb, quote,
     said_on) = row[:-1]
    if kind == "attributed":
        return AttributedClaim(span, start, end, sentence or "", speaker, speaker_role, verb, quote, said_on)
    return NumericClaim(
        span, start, end, sentence or "", _number(value), _number(lower), _number(upper),
        True if lower_inc is None else bool(lower_inc), True if upper_inc is None else bool(upper_inc),
        qualifier or "exact", category or "count", subject, unit,
        TimeSpan(time_start, time_end, scope or "unknown"), place, source)


def _connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that cannot write. In a read-only folder a WAL library cannot get its -shm
    file, so it is opened as immutable (nobody can be writing it there either)."""
    uri = f"file:{url_quote(str(path))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(f"{uri}&immutable=1", uri=True, timeout=timeout, isolation_level=None,
                           check_same_thread=False)


def _fold(word: str) -> str:
    """A word as the unicode61 tokenizer (remove_diacritics 2) indexes it."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _writable(path: Path) -> bool:
    """The file (if any) and its folder can be written: SQLite needs both (WAL and -shm files)."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _validate_existing(path: Path, timeout: float, migrations_dir: Path | None) -> None:
    """Refuse a file that is not a healthy library, through a read-only connection (writes nothing)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
        size = path.stat().st_size
    except OSError as exc:
        raise errors.LibraryError(f"Recount cannot read the library {path}: {exc.strerror}.", path) from exc
    if size == 0:
        return  # an empty file is an empty database; there is nothing in it to lose
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _CHECKED:
        return
    if header != SQLITE_MAGIC:
        raise errors.corrupt(path, "it is not an SQLite database")
    try:
        conn = sqlite3.connect(f"file:{url_quote(str(path))}?mode=ro", uri=True, timeout=timeout,
                               isolation_level=None)
    except sqlite3.Error as exc:
        raise errors.translate(exc, path, timeout) or errors.corrupt(path, str(exc)) from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = migrations.current_version(conn)
        if (version == 0 and tables) or (version > 0 and not {"articles", "claims"} <= tables):
            raise errors.CorruptLibrary(
                f"{path} is an SQLite database of another program, not a Recount library. Recount has "
                "not changed it. Choose another file with --db.", path)
        migrations.check_not_newer(conn, path, migrations_dir)
        if size <= QUICK_CHECK_MAX_BYTES:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if result != "ok":
                raise errors.corrupt(path, result)
        else:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _CHECKED.add(key)
    except sqlite3.Error as exc:
        known = errors.translate(exc, path, timeout)
        if isinstance(known, errors.ReadOnlyLibrary):
            return  # cannot even open read-only here (e.g. WAL in a read-only folder): the real open says so
        raise known or errors.corrupt(path, str(exc)) from exc
    finally:
        conn.close()


__all__ = [
    "AddResult",
    "AttributedClaim",
    "Library",
    "NumericClaim",
    "Review",
    "StoredArticle",
    "StoredClaim",
]
