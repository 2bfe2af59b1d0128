"""The store: round trips, idempotence, FTS kept in sync, candidates, reviews, aliases."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from recount.claims.model import Article, AttributedClaim, NumericClaim, TimeSpan
from recount.library.store import Library


def _numeric(value: int, category: str = "killed", end: str = "2025-03-10", place: str = "Ostrelo",
             sentence: str | None = None) -> NumericClaim:
    span = f"{value} people"
    return NumericClaim(span=span, start=0, end=len(span), sentence=sentence or f"{span} were {category}.",
                        value=value, lower=value, upper=value, category=category,
                        time=TimeSpan("2025-03-03", end, "cumulative"), place=place, source="Health Ministry")


def test_every_corpus_claim_round_trips(filled: Library, annotated) -> None:
    expected = annotated
    assert filled.count_articles() == len(expected)
    for article, claims in expected:
        article_id = filled.find_article(ext_id=article.id)
        assert article_id is not None
        stored = filled.claims(article_id)
        assert sorted((c.claim.to_dict() for c in stored), key=repr) == sorted(
            (c.to_dict() for c in claims), key=repr)
        for sc in stored:
            assert (sc.article_id, sc.published, sc.outlet, sc.ext_id, sc.title) == (
                article_id, article.published, article.outlet, article.id, article.title)
            assert sc.article_ref == article.id
            assert sc.review is None
        back = filled.article(article_id)
        assert back is not None and back.text == article.text and back.ref == article.id


def test_claim_objects_are_equal_after_the_round_trip(lib: Library) -> None:
    numeric = NumericClaim("more than 30 people", 3, 22, "So more than 30 people died.", 30, 30, None,
                           lower_inclusive=False, upper_inclusive=True, qualifier="more_than",
                           category="killed", subject="people", unit=None,
                           time=TimeSpan("2019-04-04", "2019-04-08", "cumulative"), place="Tripoli",
                           source="WHO")
    money = NumericClaim("$4.5 billion", 40, 52, "It costs $4.5 billion.", 4.5e9, 4.5e9, 4.5e9,
                         category="money", unit="USD")
    quote = AttributedClaim("Pompeo said", 60, 71, "Pompeo said it.", "Mike Pompeo", "Secretary of State",
                            "said", "deeply concerned", "2019-04-07")
    result = lib.add_article(Article("x" * 80, published="2019-04-08"), [numeric, money, quote])
    assert [c.claim for c in lib.claims(result.article_id)] == [numeric, money, quote]


def test_same_normalised_text_is_one_article(lib: Library) -> None:
    first = lib.add_article(Article("The toll rose to “121” on Monday — ministry.\n", id="a"),
                            [_numeric(121)])
    again = lib.add_article(Article("  The toll rose to \"121\"   on\nMonday - ministry.", id="b"), [])
    assert first.added and not again.added
    assert again.article_id == first.article_id
    assert lib.count_articles() == 1 and lib.count_claims() == 1
    other = lib.add_article(Article("The toll rose to 122 on Monday."), [])
    assert other.added and other.article_id != first.article_id


def test_empty_text_is_refused(lib: Library) -> None:
    with pytest.raises(ValueError):
        lib.add_article(Article("  \n "), [])
    assert lib.count_articles() == 0


def test_article_search_uses_fts_and_never_fails_on_odd_syntax(filled: Library) -> None:
    hits = filled.articles("Kessel")
    assert hits and all("Kessel" in a.text or "Kessel" in (a.title or "") for a in hits)
    assert {a.ext_id for a in filled.articles("Ostrelo AND hospital")} <= {a.ext_id for a in
                                                                          filled.articles("Ostrelo")}
    for odd in ['WHO\'s "figures', "AND", "(", "killed AND", "NEAR(", "*", "-", '"', "Ostrelo OR"]:
        filled.articles(odd)  # no exception: odd syntax is searched as words
    assert filled.articles('"Ostrelo') == filled.articles("Ostrelo")
    assert filled.articles("Ostrelo AND") == filled.articles("Ostrelo")  # stray operator dropped
    assert filled.articles("zzzqqq") == []


def test_fts_follows_updates_deletes_and_replaced_claims(lib: Library) -> None:
    aid = lib.add_article(Article("Flooding in Lusara displaced thousands.", title="Old headline"),
                          [_numeric(12, "displaced", place="Lusara", sentence="Floods displaced 12 people.")])
    assert [a.id for a in lib.articles("headline")] == [aid.article_id]
    lib.update_article(aid.article_id, title="Brand new title")
    assert lib.articles("headline") == []
    assert [a.id for a in lib.articles("brand")] == [aid.article_id]
    assert len(lib.candidate_claims(kind="numeric", terms="Lusara")) == 1
    lib.replace_claims(aid.article_id, [_numeric(15, "displaced", place="Vardo", sentence="15 fled Vardo.")])
    assert lib.candidate_claims(kind="numeric", terms="Lusara") == []
    assert len(lib.candidate_claims(kind="numeric", terms="Vardo")) == 1
    lib.purge_article(aid.article_id)
    assert lib.articles("brand") == [] and lib.candidate_claims(kind="numeric", terms="Vardo") == []
    assert lib.count_claims() == 0
    # the FTS tables hold exactly what the content tables hold
    integrity = "INSERT INTO {0}({0}) VALUES('integrity-check')"
    lib.db.execute(integrity.format("articles_fts"))
    lib.db.execute(integrity.format("claims_fts"))


def test_candidates_filter_by_kind_category_dates_and_article(lib: Library) -> None:
    a = lib.add_article(Article("Article A text.", published="2025-03-10", outlet="A"),
                        [_numeric(121), _numeric(400, "wounded")]).article_id
    b = lib.add_article(Article("Article B text.", published="2025-03-12", outlet="B"),
                        [_numeric(140, end="2025-03-12"),
                         AttributedClaim("Drask said", 0, 10, "Drask said so.", "Ilena Drask", verb="said",
                                         quote="no corridor", date="2025-03-11")]).article_id
    lib.add_article(Article("Article C text from last year.", published="2024-01-01"),
                    [_numeric(5, end="2024-01-01")])
    found = lib.candidate_claims(kind="numeric", categories=["killed"], date_from="2025-03-01",
                                 date_to="2025-03-31")
    assert [c.claim.value for c in found] == [140, 121]  # newest first
    assert found[0].outlet == "B" and found[0].published == "2025-03-12"
    assert {c.claim.value for c in lib.candidate_claims(kind="numeric", categories=["killed", "wounded"],
                                                        exclude_article=b)} == {121, 400, 5}
    assert {c.article_id for c in lib.candidate_claims(kind="numeric", exclude_article=a)} == {b, 3}
    quotes = lib.candidate_claims(kind="attributed", categories=["killed"], date_from="2025-03-11",
                                  date_to="2025-03-11")
    assert [q.claim.speaker for q in quotes] == ["Ilena Drask"]
    old = lib.candidate_claims(kind="numeric", categories=["killed"], date_to="2024-12-31")
    assert [c.claim.value for c in old] == [5]
    assert len(lib.candidate_claims(kind="numeric", limit=1)) == 1
    lib.delete_article(b)
    assert [c.claim.value for c in lib.candidate_claims(kind="numeric", categories=["killed"],
                                                        date_from="2025-01-01")] == [121]
    lib.restore_article(b)
    assert len(lib.candidate_claims(kind="numeric", categories=["killed"], date_from="2025-01-01")) == 2


def test_candidate_terms_are_words_never_syntax(filled: Library) -> None:
    hits = filled.candidate_claims(kind="numeric", terms=["Ostrelo"])
    assert hits and all("Ostrelo" in " ".join(filter(None, (h.claim.sentence, h.claim.place))) for h in hits)
    for odd in ['Ostrelo OR (', '"', "AND", "NOT Ostrelo", "Kharadin's \"words", "*"]:
        filled.candidate_claims(kind="attributed", terms=odd)
    everything = filled.candidate_claims(kind="numeric", limit=10_000)
    # only common words narrow nothing: no term filter rather than no results
    assert filled.candidate_claims(kind="numeric", terms="the and of", limit=10_000) == everything
    assert filled.candidate_claims(kind="numeric", terms="Zzyzx Qwertyville") == []  # in no claim
    both = filled.candidate_claims(kind="numeric", terms="Zzyzx Ostrelo", limit=10_000)
    assert {c.id for c in both} == {c.id for c in hits} or len(hits) == 500


def test_reviews_rejected_excluded_corrected_applied(lib: Library) -> None:
    aid = lib.add_article(Article("Reviewed article.", published="2025-03-10"),
                          [_numeric(121), _numeric(19, end="2025-03-09")]).article_id
    first, second = sorted(lib.claims(aid), key=lambda c: c.id)
    lib.set_review(first.id, "rejected", note="a misreading")
    lib.set_review(second.id, "corrected", {"value": 91, "lower": 91, "upper": 91,
                                            "time": {"scope": "day"}}, note="typo in the source")
    cands = lib.candidate_claims(kind="numeric", categories=["killed"])
    assert [c.id for c in cands] == [second.id]
    corrected = cands[0]
    assert corrected.review == "corrected" and corrected.review_note == "typo in the source"
    assert corrected.claim.value == 91 and corrected.claim.time.scope == "day"
    assert corrected.claim.time.end == "2025-03-09"  # untouched fields kept
    assert corrected.original is not None and corrected.original.value == 19
    with_rejected = lib.candidate_claims(kind="numeric", include_rejected=True)
    assert {c.id for c in with_rejected} == {first.id, second.id}
    assert [c.id for c in lib.iter_claims()] == [second.id]
    assert [(r.claim_id, r.decision) for r in lib.reviews()] == [(first.id, "rejected"),
                                                                 (second.id, "corrected")]
    lib.set_review(first.id, "confirmed")
    assert lib.claim(first.id).review == "confirmed"
    lib.set_review(first.id, None)
    assert lib.claim(first.id).review is None
    with pytest.raises(ValueError):
        lib.set_review(first.id, "maybe")
    with pytest.raises(ValueError):
        lib.set_review(first.id, "corrected")
    with pytest.raises(KeyError):
        lib.set_review(99999, "confirmed")


def test_flags_and_aliases(lib: Library) -> None:
    lib.dismiss_flag("conflict:abc", "different districts")
    lib.dismiss_flag("drift:x")
    assert lib.dismissed_flags() == {"conflict:abc": "different districts", "drift:x": ""}
    lib.undismiss_flag("drift:x")
    assert lib.dismissed_flags() == {"conflict:abc": "different districts"}
    lib.add_alias("speaker", "Youssef Kharadine", "Yusuf Kharadin")
    lib.add_alias("place", "southern Tripoli", "Tripoli")
    lib.add_alias("speaker", "Youssef Kharadine", "Yusuf Kharadin (OLF)")
    assert lib.aliases("speaker") == {"Youssef Kharadine": "Yusuf Kharadin (OLF)"}
    assert lib.aliases("place") == {"southern Tripoli": "Tripoli"}
    lib.remove_alias("place", "southern Tripoli")
    assert lib.aliases("place") == {}
    with pytest.raises(ValueError):
        lib.add_alias("outlet", "a", "b")


def test_delete_restore_update(filled: Library) -> None:
    total = filled.count_articles()
    newest = filled.articles(limit=1)[0]
    filled.delete_article(newest.id)
    assert filled.count_articles() == total - 1
    assert newest.id not in {a.id for a in filled.articles(limit=100)}
    assert filled.count_articles(include_deleted=True) == total
    filled.restore_article(newest.id)
    assert filled.articles(limit=1)[0].id == newest.id
    filled.update_article(newest.id, outlet="Renamed Outlet", published="2030-01-01")
    assert filled.article(newest.id).outlet == "Renamed Outlet"
    with pytest.raises(ValueError):
        filled.update_article(newest.id, text="other")
    with pytest.raises(KeyError):
        filled.update_article(10**6, title="x")


def test_as_of_follows_the_article_date_when_the_claim_has_none(lib: Library) -> None:
    undated = NumericClaim("12 people", 0, 9, "12 people were arrested.", 12, 12, 12, category="arrested")
    aid = lib.add_article(Article("Twelve arrested.", published="2025-01-02"), [undated]).article_id
    assert lib.candidate_claims(kind="numeric", date_from="2025-01-02", date_to="2025-01-02")
    lib.update_article(aid, published="2025-02-01")
    assert lib.candidate_claims(kind="numeric", date_from="2025-01-02", date_to="2025-01-02") == []
    assert lib.candidate_claims(kind="numeric", date_from="2025-02-01", date_to="2025-02-01")


def test_iter_claims_pages_through_everything(filled: Library) -> None:
    every = list(filled.iter_claims(batch=7))
    assert len(every) == filled.count_claims()
    assert [c.id for c in every] == sorted(c.id for c in every)
    assert all(c.claim.kind == "attributed" for c in filled.iter_claims(kind="attributed", batch=5))
    for kind in ("numeric", "attributed"):  # a kind's claims: the same rows, in id order, page by page
        assert [(c.id, c.claim) for c in filled.iter_claims(kind=kind, batch=3)] == \
            [(c.id, c.claim) for c in every if c.claim.kind == kind]


def test_iter_claims_of_a_kind_pages_by_id(filled: Library) -> None:
    """A page of one kind's claims is read by the id range (each claim read once over all pages),
    not through the kind index sorted again for every page."""
    conn: sqlite3.Connection = filled.db.conn
    sent: list[str] = []
    conn.set_trace_callback(sent.append)
    try:
        list(filled.iter_claims(kind="numeric", batch=5))
    finally:
        conn.set_trace_callback(None)
    pages = [s for s in sent if "ORDER BY c.id LIMIT 5" in s]
    assert pages
    plan = " ".join(str(r[-1]) for r in conn.execute(f"EXPLAIN QUERY PLAN {pages[-1]}"))
    assert "TEMP B-TREE" not in plan and "PRIMARY KEY" in plan


def test_candidate_lookup_uses_indexes_not_scans(filled: Library) -> None:
    """The query plan must start from an index on claims (a full scan would not meet 100 ms at 1M)."""
    conn: sqlite3.Connection = filled.db.conn
    filled.candidate_claims(kind="numeric", categories=["killed"], date_from="2025-01-01")
    for kwargs in ({"kind": "numeric", "categories": ["killed", "wounded"], "date_from": "2025-03-01",
                    "date_to": "2025-03-20"},
                   {"kind": "attributed", "date_from": "2025-03-01", "date_to": "2025-03-20"},
                   {"kind": "numeric", "categories": ["killed"], "date_from": "2025-03-01",
                    "date_to": "2025-03-20", "terms": "Ostrelo"}):
        sql, params = _candidate_sql(filled, kwargs)
        rows = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
        assert any(r.startswith("SEARCH c USING INDEX claims_kind") for r in rows), rows
        assert not any(r.split()[:2] in (["SCAN", "c"], ["SCAN", "claims"]) for r in rows), rows
    # without a date window, the words' FTS rows start the query (not every claim of the kind)
    sql, params = _candidate_sql(filled, {"kind": "numeric", "categories": ["killed"], "terms": "Ostrelo"})
    plan = " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "SEARCH c USING INTEGER PRIMARY KEY" in plan and "claims_kind" not in plan, plan


def _candidate_sql(lib: Library, kwargs: dict) -> tuple[str, list]:
    captured: list[tuple[str, list]] = []
    original = lib._claims_where

    def spy(where, params, tail=""):
        from recount.library.store import _SELECT_CLAIMS

        captured.append((f"{_SELECT_CLAIMS} WHERE {where} {tail}", list(params)))
        return original(where, params, tail)

    lib._claims_where = spy  # type: ignore[method-assign]
    try:
        lib.candidate_claims(**kwargs)
    finally:
        del lib._claims_where
    return captured[0]


def test_reopen_keeps_data_and_settings(library_file: Path) -> None:
    with Library.open(library_file) as lib:
        lib.add_article(Article("Persisted text.", id="p1"), [_numeric(3)])
    with Library.open(library_file, create=False) as lib:
        assert lib.count_articles() == 1 and lib.claims(1)[0].claim.value == 3
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_usable_from_a_worker_thread(lib: Library) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for i in range(20):
                lib.add_article(Article(f"Thread article {i}."), [_numeric(i + 1)])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for i in range(20):
        lib.candidate_claims(kind="numeric", terms=f"people {i}")
    for t in threads:
        t.join()
    assert not errors and lib.count_articles() == 20


def test_fields_a_newer_engine_adds_are_kept(lib: Library) -> None:
    class Richer(NumericClaim):
        __slots__ = ()

        def to_dict(self):
            return {**NumericClaim.to_dict(self), "confidence": 0.75}

    claim = Richer("3 people", 0, 8, "3 people died.", 3, 3, 3, category="killed")
    aid = lib.add_article(Article("3 people died."), [claim]).article_id
    assert lib.db.execute("SELECT extra FROM claims").fetchone()[0] == '{"confidence": 0.75}'
    back = lib.claims(aid)[0].claim
    assert back == NumericClaim("3 people", 0, 8, "3 people died.", 3, 3, 3, category="killed")


def test_words_in_too_many_claims_do_not_filter(lib: Library, monkeypatch) -> None:
    monkeypatch.setattr("recount.library.search.TERM_CEILING", 3)
    for i, place in enumerate(["Vardo", "Vardo", "Vardo", "Vardo", "Kessel"]):
        lib.add_article(Article(f"Report {i} from {place}."),
                        [_numeric(10 + i, place=place, sentence=f"{10 + i} people were killed in {place}.")])
    every = {c.id for c in lib.candidate_claims(kind="numeric")}
    assert {c.claim.place for c in lib.candidate_claims(kind="numeric", terms="Kessel")} == {"Kessel"}
    assert {c.id for c in lib.candidate_claims(kind="numeric", terms="Vardo")} == every  # in 4 > 3 claims
    assert {c.claim.place for c in lib.candidate_claims(kind="numeric", terms="Vardo Kessel")} == {"Kessel"}


def test_browser_reads_pages_without_texts_and_counts_claims_in_one_query(filled: Library) -> None:
    full = filled.articles(limit=50)
    light = filled.articles(limit=50, with_text=False)
    assert [a.id for a in light] == [a.id for a in full] and all(a.text == "" for a in light)
    assert [a.title for a in filled.articles("Ostrelo", with_text=False)] == [
        a.title for a in filled.articles("Ostrelo")]
    counts = filled.claim_counts(a.id for a in full)
    assert counts == {a.id: len(filled.claims(a.id)) for a in full}
    assert filled.claim_counts([]) == {}


def test_several_reports_are_deleted_and_restored_at_once(filled: Library) -> None:
    ids = [a.id for a in filled.articles(limit=3)]
    before = filled.count_articles()
    assert filled.delete_articles(ids) == ids
    assert filled.delete_articles(ids) == []  # already deleted: nothing hidden again
    assert filled.count_articles() == before - 3 and filled.count_articles(include_deleted=True) == before
    filled.restore_articles(ids)
    assert filled.count_articles() == before
    assert all(filled.article(i).deleted_at is None for i in ids)
