"""check_article against a real temporary SQLite library: matches, flags, reviews, dismissals."""

from __future__ import annotations

from pathlib import Path

import pytest

from recount.claims.model import Article
from recount.compare.check import check_article, library_discrepancies
from recount.compare.match import Thresholds
from recount.compare.reconcile import library_metrics, series_for_claim
from recount.library.store import Library

EARLY_TEXT = ("PORT AMSEL, June 14 - At least 121 people have been killed since the storm struck on "
              "June 1, the WHO said on Friday. Mayor Jonas Ekdal said: \"We will rebuild every harbour "
              "wall before the winter comes.\"")
LATE_TEXT = ("PORT AMSEL, June 16 - The storm has killed 101 people since June 1, officials said. "
             "Mayor Jonas Eckdal said: \"We will rebuild every single harbour wall before winter.\"")


@pytest.fixture
def early(num, quote):
    return lambda: _early_claims(num, quote)


@pytest.fixture
def late(num, quote):
    return lambda: _late_claims(num, quote)


def _early_claims(make_num, make_quote):
    s1 = EARLY_TEXT.split(". ")[0]
    return [
        make_num("At least 121 people", 121, qualifier="at_least", end="2024-06-14", source="WHO",
                 offset=EARLY_TEXT.index("At least 121"), sentence=s1),
        make_quote("Mayor Jonas Ekdal said", "Jonas Ekdal",
                   "We will rebuild every harbour wall before the winter comes", date="2024-06-14",
                   offset=EARLY_TEXT.index("Mayor")),
    ]


def _late_claims(make_num, make_quote):
    return [
        make_num("101 people", 101, end="2024-06-16", offset=LATE_TEXT.index("101 people"),
                 sentence="The storm has killed 101 people since June 1, officials said."),
        make_quote("Mayor Jonas Eckdal said", "Jonas Eckdal",
                   "We will rebuild every single harbour wall before winter", date="2024-06-14",
                   offset=LATE_TEXT.index("Mayor")),
    ]


def _numeric_flags(result):
    return [f for f in result.flags if f.type != "quote_drift"]


@pytest.fixture
def lib(library_file: Path, early):
    with Library.open(library_file) as library:
        library.add_article(Article(EARLY_TEXT, "2024-06-14", "Storm toll", "Harbour Post", id="post-14"),
                            early())
        yield library


def _late_article() -> Article:
    return Article(LATE_TEXT, "2024-06-16", "Toll revised", "Amsel Courier", id="courier-16")


def test_check_finds_the_earlier_claim_and_flags_the_fall(lib: Library, late) -> None:
    result = check_article(lib, _late_article(), late())
    assert sorted(f.type for f in result.flags) == ["cumulative_decrease", "quote_drift"]
    flag = next(f for f in result.flags if f.type == "cumulative_decrease")
    assert flag.a.article == "post-14" and flag.a.span == "At least 121 people"
    assert flag.b.span == "101 people" and "this report" in flag.explanation
    match = result.matches[0][0]
    assert match.status == "confirmed" and match.discrepancy is flag
    assert 0 <= match.score <= 1 and match.components["place"] == 1.0
    assert match.other.article_ref == "post-14"
    assert result.elapsed_ms > 0


def test_quotes_of_one_speaker_match_through_a_spelling_variant(lib: Library, late) -> None:
    result = check_article(lib, _late_article(), late())
    quote_matches = result.matches.get(1, [])
    assert quote_matches and quote_matches[0].other.claim.speaker == "Jonas Ekdal"
    assert quote_matches[0].components["speaker"] == 1.0


def test_a_dismissed_flag_is_not_raised_again(lib: Library, late) -> None:
    key = _numeric_flags(check_article(lib, _late_article(), late()))[0].key
    lib.dismiss_flag(key, "the WHO counted the wider region")
    again = check_article(lib, _late_article(), late())
    assert _numeric_flags(again) == [] and again.matches[0][0].discrepancy is None


def test_a_rejected_claim_is_not_used(lib: Library, late) -> None:
    stored = lib.claims(lib.find_article(ext_id="post-14"))
    lib.set_review(next(s.id for s in stored if s.claim.kind == "numeric"), "rejected")
    result = check_article(lib, _late_article(), late())
    assert _numeric_flags(result) == [] and 0 not in result.matches


def test_a_corrected_claim_is_used_as_corrected(lib: Library, late) -> None:
    stored = lib.claims(lib.find_article(ext_id="post-14"))
    claim_id = next(s.id for s in stored if s.claim.kind == "numeric")
    lib.set_review(claim_id, "corrected", {"value": 91, "lower": 91})
    assert _numeric_flags(check_article(lib, _late_article(), late())) == []


def test_thresholds_decide_what_is_shown(lib: Library, late) -> None:
    strict = check_article(lib, _late_article(), late(), thresholds=Thresholds(0.99, 0.999))
    assert 1 not in strict.matches


def test_progress_and_cancel(lib: Library, late) -> None:
    seen: list[tuple[int, int]] = []
    check_article(lib, _late_article(), late(), progress=lambda d, t, m: seen.append((d, t)))
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    result = check_article(lib, _late_article(), late(), cancelled=lambda: True)
    assert result.cancelled and result.matches == {}


def test_without_a_library_the_article_is_checked_on_its_own(num) -> None:
    text = "Storm leaves 12 dead in Port Amsel\n\nAt least 20 people have died since the storm struck."
    claims = [num("12 dead", 12, end="2024-06-05", offset=13, sentence="Storm leaves 12 dead in Port Amsel"),
              num("At least 20 people", 20, qualifier="at_least", end="2024-06-05", offset=36,
                       sentence="At least 20 people have died since the storm struck.")]
    result = check_article(None, Article(text, "2024-06-05", outlet="Harbour Post"), claims)
    assert [f.type for f in result.flags] == ["conflict"] and result.matches == {}


def test_the_checked_article_is_not_matched_with_itself(lib: Library, early) -> None:
    result = check_article(lib, Article(EARLY_TEXT, "2024-06-14", outlet="Harbour Post"), early())
    assert result.article_id is not None and result.flags == [] and result.matches == {}


def test_library_wide_flags_and_metrics(lib: Library, late) -> None:
    lib.add_article(_late_article(), late())
    flags = library_discrepancies(lib)
    assert sorted(f.type for f in flags) == ["cumulative_decrease", "quote_drift"]
    assert {f.a.article for f in flags} == {"post-14"}
    series = library_metrics(lib)
    assert len(series) == 1 and [o.value for o in series[0].observations] == [121, 101]
    assert series[0].label == "killed · Port Amsel · since 2024-06-01"


def test_series_for_claim_gives_the_timeline(lib: Library, late) -> None:
    lib.add_article(_late_article(), late())
    series = series_for_claim(lib, late()[0], article=_late_article())
    assert [(o.as_of, o.outlet) for o in series.observations] == [("2024-06-14", "Harbour Post"),
                                                                    ("2024-06-16", "Amsel Courier")]
    assert series.best == 101 and series.high == 121


def test_the_alias_table_joins_names_no_rule_could(lib: Library, quote) -> None:
    words = "We will rebuild every harbour wall before the winter comes"
    said = quote("the mayor's office said", "Amsel City Hall", words, date="2024-06-14", offset=0)
    article = Article("The mayor's office said it again.", "2024-06-16", outlet="Amsel Courier")
    flags = check_article(lib, article, [said]).flags
    assert [f.type for f in flags] == ["attribution_conflict"]  # other speaker, same words
    lib.add_alias("speaker", "Amsel City Hall", "Jonas Ekdal")
    assert check_article(lib, article, [said]).flags == []
