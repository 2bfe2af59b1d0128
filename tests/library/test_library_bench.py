"""The benchmarks' generators stay importable and produce valid libraries (small sizes here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recount.library.store import Library

BENCH = Path(__file__).resolve().parent.parent.parent / "bench"


@pytest.fixture(autouse=True)
def _bench_on_path(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))


def test_make_library_small(tmp_path: Path) -> None:
    from make_library import make_library, time_lookups

    path = tmp_path / "gen.db"
    stats = make_library(path, claims=3000, seed=3)
    assert stats["claims"] == 3000 and stats["articles"] > 50 and stats["bytes"] > 0
    with Library.open(path) as lib:
        assert lib.count_claims() == 3000 and lib.count_articles() == stats["articles"]
        kinds = {"numeric": 0, "attributed": 0}
        for article in lib.articles(limit=40):
            for stored in lib.claims(article.id):
                c = stored.claim
                assert article.text[c.start:c.end] == c.span and c.span in c.sentence
                kinds[c.kind] += 1
                if c.kind == "numeric" and c.time.scope == "cumulative":
                    assert c.time.start <= c.time.end == article.published
        assert kinds["numeric"] > kinds["attributed"] > 0
    assert set(time_lookups(path, samples=5)) and path.exists()
    with pytest.raises(FileExistsError):
        make_library(path, claims=10)


def test_import_speed_runs(capsys) -> None:
    import import_speed

    assert import_speed.main(["--articles", "30"]) == 0
    out = capsys.readouterr().out
    assert "articles/s" in out and "peak memory" in out
