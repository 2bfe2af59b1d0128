"""Library.claim_categories and Library.iter_claims_by_date: the date-ordered, batched reads the
library-wide scan streams through (real temporary SQLite files)."""

from __future__ import annotations

from pathlib import Path

from recount.claims.model import Article, AttributedClaim, NumericClaim, TimeSpan
from recount.library.store import Library


def _num(span: str, value: int, category: str, end: str | None, start: str | None = None) -> NumericClaim:
    return NumericClaim(span=span, start=0, end=len(span), sentence=f"{span}.", value=value, lower=value,
                        upper=value, category=category, time=TimeSpan(start, end, "cumulative"))


def _quote(span: str, said: str | None) -> AttributedClaim:
    return AttributedClaim(span=span, start=0, end=len(span), sentence=f"{span}.", speaker="Ada Brun",
                           quote="we will rebuild the bridge", date=said)


def _lib(path: Path) -> Library:
    lib = Library.open(path)
    days = ["2024-05-09", "2024-05-01", "2024-05-05", "2024-05-01", "2024-05-03"]
    for k, day in enumerate(days):
        article = Article(text=f"Report {k}: figures and a quote.", published=f"2024-06-0{k + 1}",
                          outlet="Wire", id=f"r{k}")
        lib.add_article(article, [_num(f"{k} killed", 10 + k, "killed", day),
                                  _num(f"{k} hurt", 20 + k, "wounded", day),
                                  _quote(f"said {k}", day if k % 2 else None)])
    return lib


def _key(lib: Library, sc) -> tuple[str, int]:
    claim = sc.claim
    as_of = (claim.time.end or claim.time.start) if claim.kind == "numeric" else claim.date
    return (as_of or sc.published, sc.id)


def test_categories_of_each_kind(tmp_path: Path) -> None:
    with _lib(tmp_path / "lib.db") as lib:
        assert lib.claim_categories("numeric") == ["killed", "wounded"]
        assert lib.claim_categories("attributed") == [None]
        assert lib.count_claims_by_category("numeric") == {"killed": 5, "wounded": 5}
        assert lib.count_claims_by_category("attributed") == {None: 5}


def test_claims_come_in_as_of_then_id_order_across_batches(tmp_path: Path) -> None:
    with _lib(tmp_path / "lib.db") as lib:
        for batch in (1, 2, 3, 2000):
            killed = list(lib.iter_claims_by_date("numeric", "killed", batch=batch))
            assert len(killed) == 5 and {c.claim.category for c in killed} == {"killed"}
            keys = [_key(lib, c) for c in killed]
            assert keys == sorted(keys)
            assert [k[0] for k in keys] == ["2024-05-01", "2024-05-01", "2024-05-03", "2024-05-05",
                                            "2024-05-09"]
        quotes = list(lib.iter_claims_by_date("attributed", None, batch=2))
        assert len(quotes) == 5  # undated quotes take the article's date
        assert [_key(lib, c) for c in quotes] == sorted(_key(lib, c) for c in quotes)


def test_rejected_claims_and_deleted_articles_are_left_out(tmp_path: Path) -> None:
    with _lib(tmp_path / "lib.db") as lib:
        killed = list(lib.iter_claims_by_date("numeric", "killed"))
        lib.set_review(killed[0].id, "rejected")
        lib.set_review(killed[1].id, "corrected", {"value": 99, "lower": 99, "upper": 99})
        lib.delete_article(killed[2].article_id)
        after = list(lib.iter_claims_by_date("numeric", "killed", batch=1))
        assert [c.id for c in after] == [c.id for c in killed[1:2] + killed[3:]]
        assert after[0].claim.value == 99 and after[0].review == "corrected"


def test_claims_without_a_date_come_apart_in_id_order(tmp_path: Path) -> None:
    with _lib(tmp_path / "lib.db") as lib:
        article = Article(text="An undated report: 7 killed.", published=None, outlet="Wire", id="u")
        odd = Article(text="An oddly dated report: 8 killed.", published=None, outlet="Wire", id="o")
        lib.add_article(article, [_num("7 killed", 7, "killed", None)])
        lib.add_article(odd, [_num("8 killed", 8, "killed", "spring 2024")])
        dated = list(lib.iter_claims_by_date("numeric", "killed"))
        rest = list(lib.iter_claims_by_date("numeric", "killed", dated=False, batch=1))
        assert len(dated) == 5
        assert [c.claim.span for c in rest] == ["7 killed", "8 killed"]
        assert {c.id for c in dated} | {c.id for c in rest} == {c.id for c in lib.iter_claims(kind="numeric")
                                                                if c.claim.category == "killed"}
