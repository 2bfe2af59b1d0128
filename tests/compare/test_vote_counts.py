"""Shares of a vote being counted: the count's progress is no result, a threshold is a target, and a
share taken at one stage of the count meets only shares taken at the same stage (sentences of ours)."""

from __future__ import annotations

from recount.compare.figure_words import count_progress, projected, snapshot
from recount.compare.scan import find_discrepancies

LEAD = ("With 98% of ballot boxes opened, Mayor Ilse Vantoren had 48.9% of the vote, just below the "
        "50% needed for an outright win.")
FINAL = "Ilse Vantoren won 48.2% of the vote with all ballots counted, the election board said."
FINAL_TV = "With 100 per cent of ballot boxes counted, Ilse Vantoren took 48.6% of the vote, state TV said."


def _share(num, span, value, sentence, **kw):
    return num(span, value, category="percent", scope="point", start="2024-05-13", end="2024-05-13",
               place="Varnia", sentence=sentence, subject="vote", **kw)


def test_the_counts_progress_is_no_result_and_the_threshold_is_a_target(num) -> None:
    boxes = _share(num, "98% of ballot boxes", 98, LEAD)
    share = _share(num, "48.9% of the vote", 48.9, LEAD)
    needed = _share(num, "50%", 50, LEAD)
    assert count_progress(boxes) and not count_progress(share)
    assert projected(needed) and not projected(share)
    assert snapshot(share) == "98%"
    assert snapshot(_share(num, "48.2% of the vote", 48.2, FINAL)) == "100%"
    assert snapshot(_share(num, "48.6% of the vote", 48.6, FINAL_TV)) == "100%"
    assert snapshot(_share(num, "48.2%", 48.2, "Ilse Vantoren won 48.2% of the vote.")) is None


def test_shares_at_two_stages_of_the_count_raise_nothing(num, ref) -> None:
    early = [_share(num, "98% of ballot boxes", 98, LEAD, offset=5),
             _share(num, "48.9% of the vote", 48.9, LEAD, offset=40), _share(num, "50%", 50, LEAD, offset=80)]
    late = _share(num, "48.2% of the vote", 48.2, FINAL)
    refs = [ref(c, "a", "2024-05-14", "Wire", siblings=lambda: early) for c in early]
    refs.append(ref(late, "b", "2024-05-14", "Courier", siblings=lambda: [late]))
    assert find_discrepancies(refs) == []


def test_two_final_counts_that_differ_are_a_conflict(num, ref) -> None:
    board = _share(num, "48.2% of the vote", 48.2, FINAL)
    tv = _share(num, "48.6% of the vote", 48.6, FINAL_TV)
    refs = [ref(board, "a", "2024-05-14", "Wire", siblings=lambda: [board]),
            ref(tv, "b", "2024-05-14", "Courier", siblings=lambda: [tv])]
    assert [f.type for f in find_discrepancies(refs)] == ["conflict"]


def test_a_share_after_the_sentence_that_gave_the_progress_is_taken_at_that_stage(num, ref) -> None:
    after = "The third candidate, Oskar Blem, received 5.2% of the vote."
    first = _share(num, "48.6% of the vote", 48.6, FINAL_TV, offset=60)
    third = _share(num, "5.2% of the vote", 5.2, after, offset=len(FINAL_TV) + 40)
    own = [first, third]
    early = _share(num, "5.4%", 5.4, "With 98% of ballot boxes opened, Oskar Blem had 5.4% of the vote.",
                   offset=50)
    refs = [ref(c, "a", "2024-05-14", "Courier", siblings=lambda: own) for c in own]
    refs.append(ref(early, "b", "2024-05-14", "Wire", siblings=lambda: [early]))
    assert find_discrepancies(refs) == []  # 5.2% (all counted) against 5.4% (98% opened): two stages
