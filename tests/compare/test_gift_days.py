"""One giver's sum reported on two days with two amounts is a conflict, and the library-wide
scan's cheap look (pair_filter) lets that pair through (sentences written here)."""

from __future__ import annotations

from recount.compare.pair_filter import may_flag, signature
from recount.compare.scan import find_discrepancies


def _gifts(num, ref):
    first = num("120 million euros", 1.2e8, category="money", scope="day", start="2024-06-04",
                end="2024-06-04", source="Orvane",
                sentence="Orvane, the perfume house, pledged 120 million euros on Tuesday, jointly with "
                         "the Delac family.")
    later = num("\u20ac240m", 2.4e8, category="money", scope="unknown", start=None, end="2024-06-05",
                source="Orvane",
                sentence="- \u20ac240m pledged by Orvane and the Delac family")
    return ref(first, "a", "2024-06-04", "One"), ref(later, "b", "2024-06-05", "Two")


def test_one_givers_sum_given_as_two_amounts_on_two_days_is_a_conflict(num, ref) -> None:
    a, b = _gifts(num, ref)
    flags = find_discrepancies([a, b])
    assert [f.type for f in flags] == ["conflict"]


def test_the_scans_cheap_look_lets_two_gifts_of_different_days_through(num, ref) -> None:
    a, b = _gifts(num, ref)
    assert may_flag(signature(a), signature(b), same_day=False)
    # a growing running total of gifts across days stays filtered out
    total_a = num("\u20ac500m", 5e8, category="money", sentence="Gifts have reached \u20ac500m.")
    total_b = num("\u20ac700m", 7e8, category="money", sentence="Gifts have reached \u20ac700m.")
    ta, tb = ref(total_a, "c", "2024-06-04", "Three"), ref(total_b, "d", "2024-06-05", "Four")
    assert not may_flag(signature(ta), signature(tb), same_day=False)
