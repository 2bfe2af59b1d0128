"""Properties of the rules over generated figures: order does not matter, growth never flags,
odd input never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recount.claims.model import NumericClaim, TimeSpan
from recount.compare.match import score_pair
from recount.compare.rules import Ref, compare
from recount.compare.scan import find_discrepancies

QUALIFIERS = {
    "exact": lambda v: (v, v, True, True),
    "at_least": lambda v: (v, None, True, True),
    "more_than": lambda v: (v, None, False, True),
    "fewer_than": lambda v: (None, v, True, False),
    "about": lambda v: (None, None, True, True),
}
SCOPES = ["cumulative", "day", "point", "unknown"]
dates = st.sampled_from(["2024-06-01", "2024-06-02", "2024-06-05", "2024-06-09", None, "not a date"])


@st.composite
def refs(draw):
    q = draw(st.sampled_from(sorted(QUALIFIERS)))
    value = draw(st.integers(min_value=0, max_value=5000))
    lower, upper, li, ui = QUALIFIERS[q](value)
    claim = NumericClaim(
        span=f"{value} people", start=draw(st.integers(0, 500)), end=600, sentence=f"{value} people died.",
        value=value, lower=lower, upper=upper, lower_inclusive=li, upper_inclusive=ui, qualifier=q,
        category=draw(st.sampled_from(["killed", "wounded", "troops"])),
        time=TimeSpan(draw(dates), draw(dates), draw(st.sampled_from(SCOPES))),
        place=draw(st.sampled_from(["Port Amsel", "southern Port Amsel", "Vessa", None])),
        source=draw(st.sampled_from(["Coast Guard", "Red Cross", None])),
    )
    return Ref(claim, draw(st.sampled_from(["a", "b", "c"])), draw(dates), draw(st.sampled_from(["X", "Y"])))


@settings(max_examples=300, deadline=None)
@given(refs(), refs())
def test_order_does_not_matter(a: Ref, b: Ref) -> None:
    f1, f2 = compare(a, b), compare(b, a)
    assert (f1 is None) == (f2 is None)
    if f1 is not None:
        assert f1.key == f2.key and f1.type == f2.type
        assert f1.explanation.endswith(".")
    s1, s2 = score_pair(a, b), score_pair(b, a)
    assert (s1 is None) == (s2 is None)
    if s1 is not None:
        assert 0.0 <= s1[0] <= 1.0 and abs(s1[0] - s2[0]) < 1e-6


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10_000), min_size=2, max_size=8, unique=True))
def test_a_growing_running_total_never_flags(values: list[int]) -> None:
    values.sort()
    out = []
    for day, v in enumerate(values, start=2):
        iso = f"2024-06-{day:02d}"
        claim = NumericClaim(span=f"{v} people", start=0, end=9, sentence=f"{v} people died.", value=v,
                             lower=v, upper=v, time=TimeSpan("2024-06-01", iso, "cumulative"),
                             category="killed", place="Port Amsel")
        out.append(Ref(claim, f"art-{day}", iso, f"Outlet {day % 3}"))
    assert find_discrepancies(out) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(refs(), max_size=12))
def test_any_mix_is_checked_without_error(mix: list[Ref]) -> None:
    for flag in find_discrepancies(mix):
        assert flag.a.span and flag.b.span and flag.type
