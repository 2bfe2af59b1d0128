"""Export of a check: every format written, parseable, escaped; failures told clearly."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest

from recount.checked import flags_by_claim
from recount.claims.model import Article, AttributedClaim, NumericClaim, TimeSpan
from recount.export import (
    CSV_COLUMNS,
    DEFAULT_AUTHOR,
    ExportError,
    export_check,
    render,
)
from recount.wording import interval as format_figure

# Local doubles of the compare layer's result, shaped as docs/architecture.md documents
# (CheckResult, Match, Discrepancy with FlagEnd ends, StoredClaim).


@dataclass
class FlagEnd:
    article: str | None
    span: str
    start: int
    end: int
    published: str | None = None
    outlet: str | None = None
    who: str | None = None
    claim_id: int | None = None


@dataclass
class Discrepancy:
    type: str
    metric: str
    a: FlagEnd
    b: FlagEnd
    explanation: str
    key: str = "k1"
    diff: Any = None

    def to_dict(self) -> dict:
        return {"type": self.type, "metric": self.metric, "explanation": self.explanation,
                "a": {"article": self.a.article, "span": self.a.span},
                "b": {"article": self.b.article, "span": self.b.span}}


@dataclass
class StoredClaim:
    id: int
    article_id: int
    claim: Any
    published: str | None
    outlet: str | None
    ext_id: str | None = None
    review: Any = None


@dataclass
class Match:
    other: StoredClaim
    score: float
    components: dict = field(default_factory=dict)
    status: str = "suggested"
    discrepancy: Discrepancy | None = None


@dataclass
class CheckResult:
    article: Article
    claims: list
    matches: dict
    flags: list
    elapsed_ms: float = 3.0


TEXT = (
    'The siege has killed 174 people, the ministry said. "We will <not> leave & we will stay," '
    "said =Mayor Tolland. At least 2,800 families fled."
)


def _result(with_flag: bool = True) -> CheckResult:
    s1 = "killed 174 people"
    a = TEXT.index(s1)
    c1 = NumericClaim(span=s1, start=a, end=a + len(s1),
                      sentence="The siege has killed 174 people, the ministry said.",
                      value=174, lower=174, upper=174, category="killed", place="Ostrelo",
                      time=TimeSpan("2025-03-03", "2025-03-17", "cumulative"), source="Health Ministry")
    s2 = "said =Mayor Tolland"
    b = TEXT.index(s2)
    c2 = AttributedClaim(span=s2, start=b, end=b + len(s2), sentence=TEXT[TEXT.index('"'):b + len(s2) + 1],
                         speaker="=Mayor Tolland", verb="said", quote="We will <not> leave & we will stay")
    s3 = "At least 2,800 families"
    c = TEXT.index(s3)
    c3 = NumericClaim(span=s3, start=c, end=c + len(s3), sentence="At least 2,800 families fled.",
                      value=2800, lower=2800, upper=None, qualifier="at_least", category="displaced")
    earlier = NumericClaim(span="At least 192 people have been killed", start=0, end=36, sentence="x",
                           value=192, lower=192, upper=None, qualifier="at_least", category="killed")
    stored = StoredClaim(id=7, article_id=3, claim=earlier, published="2025-03-12",
                         outlet="Continental | Wire",
                         ext_id="ostrelo-continental-2025-03-12")
    flag = Discrepancy(
        type="cumulative_decrease", metric="killed · Ostrelo · since 2025-03-03",
        a=FlagEnd("ostrelo-continental-2025-03-12", earlier.span, 0, 36, "2025-03-12", "Continental Wire",
                  claim_id=7),
        b=FlagEnd("this", s1, a, a + len(s1), "2025-03-17", "Continental Wire"),
        explanation="Continental Wire gave at least 192 killed on 12 March; "
        "on 17 March it gives 174 <fewer>.",
    )
    art = Article(text=TEXT, published="2025-03-17", title='Siege "toll" <b>falls</b> & rises', outlet="Wire",
                  url="https://example.org/a?x=1&y=2", id="this")
    matches = {0: [Match(stored, 0.91, {"text": 0.8, "place": 1.0}, discrepancy=flag if with_flag else None)]}
    return CheckResult(art, [c1, c2, c3], matches, [flag] if with_flag else [])


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_format_figure_intervals():
    def n(**kw):
        base = dict(span="x", start=0, end=1, sentence="x", value=30, lower=30, upper=30)
        base.update(kw)
        return NumericClaim(**base)

    assert format_figure(n()) == "30"
    assert format_figure(n(lower=30, upper=None, lower_inclusive=False)) == "> 30"
    assert format_figure(n(value=2800, lower=None, upper=None, qualifier="about")) == "≈ 2,800"
    assert format_figure(n(lower=None, upper=900, upper_inclusive=False)) == "< 900"
    assert format_figure(n(value=13.5, lower=12, upper=15)) == "12–15"
    assert format_figure(n(value=12.5, lower=12.5, upper=12.5, unit="%")) == "12.5%"


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json", "claimreview"])
def test_every_format_is_written_to_disk(tmp_path, fmt):
    path = tmp_path / f"report.{fmt}"
    written = export_check(_result(), path, fmt, author="Desk", reviewed_on="2025-03-18")
    assert written == path
    expected = render(_result(), fmt, author="Desk", reviewed_on="2025-03-18")
    assert path.read_text(encoding="utf-8") == expected and expected.strip()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_json_holds_claims_matches_and_flags():
    data = json.loads(render(_result(), "json"))
    assert [c["kind"] for c in data["claims"]] == ["numeric", "attributed", "numeric"]
    assert data["claims"][0]["flags"] == ["k1"] and data["claims"][2]["flags"] == []
    assert data["matches"][0]["claim"] == 0 and data["matches"][0]["other"]["id"] == 7
    assert data["matches"][0]["discrepancy"]["type"] == "cumulative_decrease"
    assert data["discrepancies"][0]["a"]["article"] == "ostrelo-continental-2025-03-12"
    assert data["article"]["title"] == 'Siege "toll" <b>falls</b> & rises'


def test_csv_one_row_per_claim_with_flag_columns():
    rows = list(csv.DictReader(io.StringIO(render(_result(), "csv"))))
    assert len(rows) == 3 and list(rows[0]) == CSV_COLUMNS
    assert rows[0]["flagged"] == "yes" and rows[0]["flag_types"] == "cumulative_decrease"
    assert "192" in rows[0]["flag_explanations"] and rows[0]["best_score"] == "0.91"
    assert rows[1]["flagged"] == "no" and rows[1]["quote"] == "We will <not> leave & we will stay"
    # A cell a spreadsheet would run as a formula is kept as text.
    assert rows[1]["speaker"] == "'=Mayor Tolland"
    assert rows[2]["figure"] == "≥ 2,800" and rows[2]["time_start"] == ""


def test_html_is_escaped_and_parses():
    text = render(_result(), "html")
    assert "<b>falls</b>" not in text and "&lt;b&gt;falls&lt;/b&gt;" in text
    assert "&lt;not&gt;" in text and "<not>" not in text
    parser = _Collect()
    parser.feed(text)
    parser.close()
    body = "".join(parser.text)
    assert "Running total fell" in body
    assert "Earlier report" in body and "This report" in body
    assert "on 17 March it gives 174 <fewer>" in body  # escaped in source, restored by the parser
    assert parser.tags.count("tr") == 1 + 3 + 1 + 1  # claims header + rows, matches header + row
    assert "mark" in parser.tags and "script" not in parser.tags


def test_markdown_escapes_table_cells():
    text = render(_result(), "md")
    assert text.startswith("# Recount check: Siege")
    assert "Continental \\| Wire" in text and "\\<b\\>" in text
    claim_rows = [ln for ln in text.splitlines() if ln.startswith("| ") and ln[2].isdigit()]
    assert len(claim_rows) == 3 and all(ln.count(" | ") == 6 for ln in claim_rows)


def test_claimreview_per_flagged_claim():
    text = render(_result(), "claimreview", author="Northgate Verify", reviewed_on="2025-03-18")
    reviews = json.loads(text)
    assert len(reviews) == 1
    r = reviews[0]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["claimReviewed"] == "The siege has killed 174 people, the ministry said."
    assert r["author"] == {"@type": "Organization", "name": "Northgate Verify"}
    assert r["datePublished"] == "2025-03-18"
    assert r["reviewRating"]["alternateName"] == "Running total fell"
    item = r["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Health Ministry"
    assert item["appearance"]["url"] == "https://example.org/a?x=1&y=2"
    assert item["appearance"]["publisher"]["name"] == "Wire"
    default = json.loads(render(_result(), "claimreview"))
    assert default[0]["author"]["name"] == DEFAULT_AUTHOR


def test_no_flags_gives_empty_claimreview_and_says_so():
    result = _result(with_flag=False)
    assert flags_by_claim(result) == {}
    assert json.loads(render(result, "claimreview")) == []
    assert "No discrepancies" in render(result, "html")


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        render(_result(), "pdf")
    with pytest.raises(ExportError, match="format"):
        export_check(_result(), tmp_path / "report.pdf")


def test_missing_folder_is_reported_and_nothing_written(tmp_path):
    with pytest.raises(ExportError) as info:
        export_check(_result(), tmp_path / "nope" / "report.json")
    assert "does not exist" in info.value.user_message


def test_read_only_folder_is_reported(tmp_path, monkeypatch):
    # Tests run as root in CI, where chmod does not stop writes: refuse at the OS call instead.
    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as info:
        export_check(_result(), tmp_path / "report.csv")
    assert "read-only" in info.value.user_message
    assert list(tmp_path.iterdir()) == []


def test_disk_full_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "report.md"
    path.write_text("old report", encoding="utf-8")

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError) as info:
        export_check(_result(), path, "md")
    assert "full" in info.value.user_message
    assert path.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


# --------------------------------------------------------------------------- the real core

CORPUS = os.path.join(os.path.dirname(__file__), "corpus")


def real_result(library_path) -> Any:
    """check_article over a real library of the annotated corpus: Continental Wire's falling toll."""
    from pathlib import Path

    from recount.claims.model import claim_from_dict
    from recount.compare.check import check_article
    from recount.library.store import Library

    def load(name: str) -> tuple[Article, list]:
        meta = json.loads(Path(CORPUS, f"{name}.json").read_text(encoding="utf-8"))
        text = Path(CORPUS, f"{name}.txt").read_text(encoding="utf-8")
        article = Article(text=text, published=meta["published"], title=meta["title"], outlet=meta["outlet"],
                          id=name)
        return article, [claim_from_dict(c, text) for c in meta["claims"]]

    with Library.open(library_path) as lib:
        for name in ("ostrelo-meridian-2025-03-06", "ostrelo-herald-2025-03-10",
                     "ostrelo-continental-2025-03-12", "ostrelo-eastwatch-2025-03-12"):
            lib.add_article(*load(name))
        return check_article(lib, *load("ostrelo-continental-2025-03-17"))


def test_real_check_result_exports_in_every_format(tmp_path):
    result = real_result(tmp_path / "library.db")
    assert any(f.type == "cumulative_decrease" for f in result.flags)
    flagged = flags_by_claim(result)
    assert any(result.claims[i].span == "killed 174 people" for i in flagged)

    data = json.loads(render(result, "json"))
    assert len(data["claims"]) == len(result.claims) and data["matches"]
    assert {d["type"] for d in data["discrepancies"]} >= {"cumulative_decrease"}
    rows = list(csv.DictReader(io.StringIO(render(result, "csv"))))
    row = next(r for r in rows if r["span"] == "killed 174 people")
    assert row["flagged"] == "yes" and "cumulative_decrease" in row["flag_types"]
    parser = _Collect()
    parser.feed(render(result, "html"))
    assert "Running total fell" in "".join(parser.text)
    reviews = json.loads(render(result, "claimreview"))
    review = next(r for r in reviews if "174" in r["claimReviewed"])
    assert review["reviewRating"]["alternateName"] == "Running total fell"
    assert review["itemReviewed"]["appearance"]["publisher"]["name"] == "Continental Wire"
    assert "192" in review["reviewBody"]
    for fmt in ("html", "md", "csv", "json", "claimreview"):
        assert export_check(result, tmp_path / f"out-{fmt}.x", fmt).stat().st_size > 200
