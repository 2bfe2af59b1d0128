"""What became of some of the dead or injured is a part of the toll, never a rival to it
(sentences written here about fictional places)."""

from __future__ import annotations

import pytest

from recount.compare.scan import find_discrepancies
from recount.compare.subsets import subject_group


def _toll(num, span, value, sentence, end):
    return num(span, value, category="killed", scope="cumulative", start="2024-06-02", end=end,
               place="Velmora", sentence=sentence)


@pytest.mark.parametrize(("span", "sentence"), [
    ("148", "Of the 212, 64 bodies have been identified and 148 are yet to be identified."),
    ("90 bodies", "Police said 90 bodies were kept at the district hospital."),
    ("57 bodies", "Police have handed over 57 bodies to relatives."),
    ("83", "Among the dead, 83 were women and girls."),
    ("24", "The bodies of 24 were repatriated on Friday."),
    ("610", "A total of 900 people were admitted, and 610 passengers were discharged."),
    ("22 people", "Another 22 people remain in critical condition."),
    ("Nine victims", "Nine victims were among the dead from the neighbouring republic."),
])
def test_a_status_of_some_of_the_dead_is_a_part(span, sentence, num) -> None:
    assert subject_group(num(span, 1, category="killed", sentence=sentence)) is not None


def test_the_toll_itself_is_no_part(num) -> None:
    assert subject_group(num("212 people", 212, category="killed",
                             sentence="At least 212 people were killed, the railway said.")) is None


def test_a_split_toll_raises_no_flag_against_the_toll(num, ref) -> None:
    toll = _toll(num, "212", 212, "The toll in the Velmora crash rose to 212, the railway said.",
                 "2024-06-03")
    kept = _toll(num, "90 bodies", 90, "Police said 90 bodies were kept at the district hospital.",
                 "2024-06-04")
    unnamed = _toll(num, "148", 148, "Of the 212, 64 bodies have been identified and 148 are yet to be "
                    "identified.", "2024-06-04")
    refs = [ref(toll, "a", "2024-06-03", "One"), ref(kept, "b", "2024-06-04", "Two"),
            ref(unnamed, "b", "2024-06-04", "Two")]
    assert find_discrepancies(refs) == []
    lower = _toll(num, "198", 198, "The railway revised the toll in the Velmora crash to 198.", "2024-06-04")
    flags = find_discrepancies([ref(toll, "a", "2024-06-03", "One"), ref(lower, "c", "2024-06-04", "Three")])
    assert [f.type for f in flags] == ["revision"]  # a real fall is still flagged


def test_a_status_outranks_a_group(num) -> None:
    sent = num("17 foreign visitors", 17, category="killed",
               sentence="The bodies of 17 foreign visitors have been sent back to their families.")
    killed = num("19 foreigners", 19, category="killed",
                 sentence="The toll reached 162, including 19 foreigners, police said.")
    assert subject_group(sent) == "subset:sent" and subject_group(killed) == "foreigners"


def test_the_remaining_ones_are_a_part(num) -> None:
    assert subject_group(num("276", 276, category="wounded",
                             sentence="Remaining, 276 were still getting treated on Sunday.")) is not None


@pytest.mark.parametrize(("span", "sentence", "group"), [
    ("32", "Of those killed, 32 were minors, monitors said.", "children"),
    ("32", "Of those killed, 32 were under arrest, the rights group said.", "subset:of-them"),
    ("28 fatalities", "Monitors count 28 fatalities among the security forces.", "soldiers"),
    ("50", "Varnia says 50 security personnel died in the unrest.", "soldiers"),
    ("416 protesters", "The monitor says 416 protesters have lost their lives.", "protesters"),
    ("359", "The toll climbed to 359, police reported on Friday.", None),
    ("Nine", "Nine of those who drowned there had sheltered in a school.", "subset:of-them"),
    ("14", "At least 14 of the victims were pilgrims, the diocese said.", "subset:of-them"),
    ("308 of those deaths", "The toll is 322, with 308 of those deaths in Kessel.", "subset:of-them"),
    ("19 people", "Bodies of 19 people who were killed in the blast have been handed over to relatives.",
     "subset:handed"),
    ("150 bodies", "Monitors heard of burial sites, including one that held 150 bodies.", "subset:one-of"),
    ("90 bodies", "Surveyors marked four pits, together with one which hid 90 bodies.", "subset:one-of"),
    ("40", "Crews dug three trenches, one of which held 40.", "subset:one-of"),
    ("23 hostages", "Soldiers found the bodies of 23 hostages as they searched the plant.", "subset:found"),
    ("40 people", "Rescuers have recovered the bodies of 40 people so far.", None),
    ("three", "Rescuers pulled three of them from the river on Monday.", "subset:of-them"),
    ("60", "Flooding killed 60 of 300 residents in the valley.", None),
    ("88 bodies", "Relatives have identified a total of 88 bodies, the governor said.", "subset:identified"),
    ("33", "The dead include 52 women, 33 men and 9 boys.", "men"),
    ("9 boys", "The dead include 52 women, 33 men and 9 boys.", "boys"),
    ("14 girls", "Among them were 14 girls.", "girls"),
])
def test_groups_named_around_a_figure(span, sentence, group, num) -> None:
    assert subject_group(num(span, 1, category="killed", sentence=sentence)) == group
