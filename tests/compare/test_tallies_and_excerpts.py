"""Rules from unseen press stories (December 5 survey), each with sentences written here about
invented parties, places and people: seat tallies are someone's, a list told "respectively",
figures a sentence then adds up, a district's bracketed figure, a day's toll that still grows,
a report's own later update, and quotes that share a passage or overlap where each outlet cut."""

from __future__ import annotations

from recount.claims.model import AttributedClaim
from recount.compare.figure_roles import states_start, sub_total
from recount.compare.figure_words import increment
from recount.compare.holders import bracket_owner, tally_holder
from recount.compare.quotes import drifted, in_order
from recount.compare.rules import apart, compare
from recount.compare.scan import find_discrepancies

_DAY = dict(category="count", scope="day", start="2024-06-02", end="2024-06-02", place="Varnia")


def _seats(num, span, value, sentence):
    return num(span, value, sentence=sentence, **_DAY)


def test_two_parties_seat_tallies_never_meet(num, ref) -> None:
    a = _seats(num, "81 seats", 81, "The Harbour Alliance won 81 seats while the Green Front took 73 seats.")
    b = _seats(num, "73 seats", 73, "The Harbour Alliance won 81 seats while the Green Front took 73 seats.")
    c = _seats(num, "79 seats", 79, "Officials said the Green Front had 79 seats by dawn.")
    whole = _seats(num, "219 seats", 219, "No party won half of the 219 seats, the commission said.")
    assert tally_holder(a) != tally_holder(b)
    refs = [ref(a, "x", "2024-06-02", "One"), ref(c, "y", "2024-06-02", "Two"),
            ref(whole, "z", "2024-06-02", "Three")]
    assert find_discrepancies(refs) == []  # the alliance's 81 is not the front's 79 nor the chamber's 219
    flag = compare(ref(b, "x", "2024-06-02", "One"), ref(c, "y", "2024-06-02", "Two"))
    assert flag is not None and flag.type == "conflict"  # the front's 73 and 79: one tally, two figures


def test_a_list_told_respectively_gives_each_figure_its_holder(num) -> None:
    said = "The Harbour Alliance and the Green Front took 47 and 19 seats respectively."
    first, second = _seats(num, "47", 47, said), _seats(num, "19 seats", 19, said)
    assert tally_holder(first) == {"harbour"} and tally_holder(second) == {"green"}
    each = "The count left Harbour Alliance and Green Front level with 82 and 79 seats each."
    assert tally_holder(_seats(num, "79 seats", 79, each)) == {"green"}


def test_figures_a_sentence_adds_up_are_parts_of_its_total(num, ref) -> None:
    said = "The Harbour Alliance won 76 seats and an ally a further six, giving a combined total of 82 seats."
    part = _seats(num, "76 seats", 76, said)
    other = _seats(num, "81 seats", 81, "The Harbour Alliance won 81 seats, the commission said.")
    assert compare(ref(part, "x", "2024-06-02", "One"), ref(other, "y", "2024-06-02", "Two")) is None


def test_a_bracketed_figure_belongs_to_the_name_before_it(num, ref) -> None:
    listed = num("45", 45, place="Tamar",
                 sentence="Orsk (68), Velden (65) and Kessel (45) recorded the most deaths.")
    whole = num("88 deaths", 88, place="Tamar", sentence="Local papers reported 88 deaths in Tamar.")
    assert bracket_owner(listed) == "kessel" and bracket_owner(whole) is None
    assert compare(ref(listed, "x", "2024-06-02", "One"), ref(whole, "y", "2024-06-02", "Two")) is None


def test_a_days_toll_that_a_later_report_gives_higher_is_the_count_going_on(num, ref) -> None:
    day = dict(scope="day", start="2024-06-01", end="2024-06-01")
    early = num("15 people", 15, sentence="The crash on Friday killed 15 people.", **day)
    later = num("16 people", 16, sentence="Friday's crash left 16 people dead.", **day)
    assert compare(ref(early, "x", "2024-06-02", "One"), ref(later, "y", "2024-06-04", "Two")) is None
    lower = num("12 people", 12, sentence="Friday's crash left 12 people dead.", **day)
    flag = compare(ref(early, "x", "2024-06-02", "One"), ref(lower, "y", "2024-06-04", "Two"))
    assert flag is not None  # lower later still cannot both be true


def test_a_reports_own_later_update_is_no_conflict(num, ref) -> None:
    first = num("14", 14, end="2024-06-02", sentence="Police put the toll at 14 early on Saturday.")
    update = num("15 people", 15, end="2024-06-02", offset=200,
                 sentence="Authorities later gave an update saying 15 people had died.")
    assert compare(ref(first, "x", "2024-06-04", "One"), ref(update, "x", "2024-06-04", "One")) is None
    plain = num("15 people", 15, end="2024-06-02", offset=200,
                sentence="Another account gave 15 people dead.")
    assert compare(ref(first, "x", "2024-06-04", "One"), ref(plain, "x", "2024-06-04", "One")) is not None


def test_one_reports_figure_of_no_place_is_not_set_against_a_places(num, ref) -> None:
    whole = num("nearly 1,500 lives", 1500, place=None, qualifier="about", end="2024-06-05")
    part = num("1,020 people", 1020, place="Orsk", end="2024-06-05", offset=300)
    assert compare(ref(whole, "x", "2024-06-05", "One"), ref(part, "x", "2024-06-05", "One")) is None


def _q(quote: str, speaker: str = "Ilena Drask") -> AttributedClaim:
    return AttributedClaim(span="she said", start=0, end=8, sentence=f"“{quote}”, she said.", speaker=speaker,
                           speaker_role=None, verb="said", quote=quote, date="2024-06-03")


def test_a_passage_both_quotes_hold_is_no_drift(ref) -> None:
    a = _q("bring some hardship ... These are the unwelcome costs of lowering prices")
    b = _q("bring some hardship to families and firms")
    assert not drifted(a.quote or "", b.quote or "")
    assert compare(ref(a, "x", "2024-06-03", "One"), ref(b, "y", "2024-06-03", "Two")) is None


def test_excerpts_cut_at_different_places_are_no_drift(ref) -> None:
    a = _q("right to say plainly that the raids on the port did not come out of nowhere")
    b = _q("The raids on the port did not come out of nowhere, with the islanders living for years "
           "under blockade")
    assert not drifted(a.quote or "", b.quote or "")
    edge = _q("the open breaches of the harbour treaty")
    longer = _q("deeply worried about open breaches of the harbour treaty that we see every day")
    assert not drifted(edge.quote or "", longer.quote or "")


def test_the_same_words_in_another_order_make_another_statement(ref) -> None:
    a = _q("the grievances of the islanders cannot justify the brutal raids by the militia")
    b = _q("And those brutal raids cannot justify punishing every one of the islanders")
    assert in_order(a.quote or "", b.quote or "") < 0.4
    assert compare(ref(a, "x", "2024-06-03", "One"), ref(b, "y", "2024-06-03", "Two")) is None
    reworded = _q("the grievances of the islanders cannot justify the militia's savage raids")
    flag = compare(ref(a, "x", "2024-06-03", "One"), ref(reworded, "y", "2024-06-03", "Two"))
    assert flag is not None and flag.type == "quote_drift"


def test_another_figure_that_brings_the_toll_up_is_what_it_grew_by(num, ref) -> None:
    early = num("398", 398, end="2024-06-04", sentence="The toll stood at 398 on Monday.")
    added = num("Another 179 people", 179, end="2024-06-06",
                sentence="Another 179 people were confirmed dead, bringing the toll to close to 600.")
    assert compare(ref(early, "x", "2024-06-04", "One"), ref(added, "y", "2024-06-06", "Two")) is None
    assert increment(added)
    assert not increment(num("A further 17 people", 17, sentence="A further 17 people died outside Kessel."))


def test_others_besides_someone_and_bodies_found_on_a_day_are_parts(num, ref) -> None:
    whole = num("nine people", 9, end="2024-06-05", sentence="The gunman killed nine people at the depot.")
    others = num("eight others", 8, end="2024-06-06",
                 sentence="In addition to the foreman, eight others were killed in the shooting.")
    assert compare(ref(whole, "x", "2024-06-05", "One"), ref(others, "y", "2024-06-06", "Two")) is None
    found = num("eight victims", 8, end="2024-06-06",
                sentence="The count went up to 36 when eight victims were found on Monday.")
    assert compare(ref(whole, "x", "2024-06-05", "One"), ref(found, "y", "2024-06-06", "Two")) is None


def test_things_counted_in_another_state_are_other_things(num, ref) -> None:
    said = "Almost 61,000 rooms of 18,400 houses collapsed and 97,000 rooms of 30,100 houses were hit."
    fell = num("Almost 61,000 rooms", 61000, qualifier="about", sentence=said, **_DAY)
    hit = num("97,000 rooms", 97000, sentence=said, **_DAY)
    assert compare(ref(fell, "x", "2024-06-02", "One"), ref(hit, "y", "2024-06-02", "Two")) is None
    other = num("93,000 rooms", 93000, sentence="About 93,000 rooms collapsed, the agency said.", **_DAY)
    assert compare(ref(fell, "x", "2024-06-02", "One"), ref(other, "y", "2024-06-02", "Two")) is not None


def test_two_bodies_fleets_are_two_things(num, ref) -> None:
    fire = num("82 vehicles", 82, sentence="The Varnia fire service was dispatching 82 vehicles.", **_DAY)
    army = num("110 vehicles", 110, sentence="Another 300 soldiers are on their way in 110 vehicles.", **_DAY)
    assert compare(ref(fire, "x", "2024-06-02", "One"), ref(army, "y", "2024-06-02", "Two")) is None
    again = num("95 vehicles", 95, sentence="The Varnia fire service has sent 95 vehicles.", **_DAY)
    assert compare(ref(fire, "x", "2024-06-02", "One"), ref(again, "y", "2024-06-02", "Two")) is not None


def test_a_days_event_toll_told_two_ways_the_same_day_is_no_conflict(num, ref) -> None:
    day = dict(scope="day", start="2024-06-05", end="2024-06-05", source="authorities")
    first = num("eight people", 8, sentence="A gunman opened fire, killing eight people, police said.", **day)
    later = num("nine people", 9, sentence="A gunman opened fire, killing nine people, police said.", **day)
    assert compare(ref(first, "x", "2024-06-05", "One"), ref(later, "y", "2024-06-05", "Two")) is None


def test_a_site_or_the_rest_of_a_place_is_a_part_of_it(num, ref) -> None:
    city = num("151 people", 151, place="Kessel", end="2024-06-03")
    ward = num("64 deaths", 64, place="Kessel General Hospital", end="2024-06-03")
    assert compare(ref(city, "x", "2024-06-03", "One"), ref(ward, "y", "2024-06-03", "Two")) is None
    rest = num("26", 26, place="other parts of Kessel", end="2024-06-04")
    assert compare(ref(city, "x", "2024-06-03", "One"), ref(rest, "y", "2024-06-04", "Two")) is None
    again = num("140 people", 140, place="Kessel", end="2024-06-04")
    assert compare(ref(city, "x", "2024-06-03", "One"), ref(again, "y", "2024-06-04", "Two")) is not None


def test_a_confirmed_count_is_a_floor_under_a_same_day_estimate(num, ref) -> None:
    day = dict(category="missing", scope="point", start="2024-06-05", end="2024-06-05")
    guess = num("At least 130 passengers", 130, qualifier="at_least",
                sentence="At least 130 passengers were missing after the ferry sank, a rescuer said.", **day)
    named = "Officials released the names of 88 people confirmed as missing."
    listed = num("88 people", 88, sentence=named, **day)
    assert compare(ref(guess, "x", "2024-06-05", "One"), ref(listed, "y", "2024-06-05", "Two")) is None
    other = num("88 people", 88, sentence="Officials said 88 people were missing.", **day)
    assert compare(ref(guess, "x", "2024-06-05", "One"), ref(other, "y", "2024-06-05", "Two")) is not None


def test_bodies_handed_over_or_taken_to_a_hospital_and_an_earlier_toll_are_no_current_toll(num, ref) -> None:
    toll = num("46 people", 46, end="2024-06-05", sentence="The blast has killed 46 people, police said.")
    handed = num("31 bodies", 31, end="2024-06-05",
                 sentence="Doctors could identify 31 bodies, which were handed over to relatives.")
    taken = num("29 bodies", 29, end="2024-06-05",
                sentence="Officials said 29 bodies had been taken to the hospital.")
    for part in (handed, taken):
        assert compare(ref(toll, "x", "2024-06-05", "One"), ref(part, "y", "2024-06-05", "Two")) is None
    earlier = num("38 people", 38, end="2024-06-06",
                  sentence="The toll from the blast that earlier killed 38 people has climbed to 52.")
    assert compare(ref(toll, "x", "2024-06-05", "One"), ref(earlier, "y", "2024-06-06", "Two")) is None


def test_a_published_document_is_no_second_teller(ref, num) -> None:
    from recount.compare.credits import distinct_sources

    assert not distinct_sources("the official declaration", "the election commission", None)
    assert distinct_sources("the Red Lantern Society", "the Varnia health ministry", None)


def test_a_share_named_after_its_figure_is_that_candidates(num, ref) -> None:
    # "X won A%, while B% went to Y" / "A% against B% for Y": the second share is Y's
    said = "Okonjo took 51.62% of the valid ballots, while 48.38% of ballots went to Halvard."
    other = "Okonjo held 51.6% of ballots against 48.4% of ballots for Halvard."
    share = dict(category="percent", scope="point", start="2024-06-02", end="2024-06-02", place="Varnia")
    lost = num("48.38% of ballots", 48.38, sentence=said, **share)
    won = num("51.6% of ballots", 51.6, sentence=other, **share)
    assert tally_holder(lost) == {"halvard"} and tally_holder(won) == {"okonjo"}
    assert compare(ref(won, "x", "2024-06-02", "One"), ref(lost, "y", "2024-06-02", "Two")) is None



def test_a_figure_written_with_fewer_decimals_is_the_same_figure_rounded(num, ref) -> None:
    share = dict(category="percent", scope="point", start="2024-06-02", end="2024-06-02", place="Varnia")
    said = "Halvard took 48.38% of votes."
    precise = num("48.38% of votes", 48.38, sentence=said, **share)
    rounded = num("48.4% of votes", 48.4, sentence="Halvard took 48.4% of votes.", **share)
    other = num("48.5% of votes", 48.5, sentence="Halvard took 48.5% of votes.", **share)
    assert compare(ref(precise, "y", "2024-06-02", "Two"), ref(rounded, "x", "2024-06-02", "One")) is None
    flag = compare(ref(precise, "y", "2024-06-02", "Two"), ref(other, "x", "2024-06-02", "One"))
    assert flag is not None and flag.type == "conflict"  # 48.5 is no rounding of 48.38
    money = dict(category="money", scope="unknown", start=None, end="2024-06-02", place="Varnia")
    award = num("$4.11 million", 4_110_000, sentence="The jury awarded $4.11 million.", **money)
    short = num("$4.1m", 4_100_000, sentence="The jury awarded $4.1m.", **money)
    whole = num("$4 million", 4_000_000, sentence="The jury awarded $4 million.", **money)
    assert not apart(award, short) and apart(award, whole)


def test_shares_of_a_count_still_going_on_are_moments_not_conflicts(num, ref) -> None:
    share = dict(category="percent", scope="point", start="2024-06-02", end="2024-06-02", place="Varnia")
    lead = "Okonjo and Halvard were neck and neck with 88.2 per cent of the ballots counted."
    said = "Okonjo has 50.6 per cent of votes, according to the electoral office."
    progress = num("88.2 per cent of the ballots", 88.2, sentence=lead, offset=0, **share)
    mid = num("50.6 per cent of votes", 50.6, sentence=said, offset=len(lead) + 2, **share)
    early = ref(mid, "x", "2024-06-02", "One", text=f"{lead}\n\n{said}", siblings=lambda: [progress, mid])
    final = ref(num("50.9% of votes", 50.9, sentence="Okonjo won with 50.9% of votes.", **share),
                "y", "2024-06-02", "Two", text="Okonjo won with 50.9% of votes.", siblings=lambda: [])
    assert compare(early, final) is None  # the share at 88.2% counted is not the result
    tally = "Partial results tallied by local media put Okonjo at 52 per cent of votes."
    media = ref(num("52 per cent of votes", 52, sentence=tally, **share), "z", "2024-06-02", "Three",
                text=tally, siblings=lambda: [])
    assert compare(media, final) is None  # another tally, at a stage it does not give
    # the same share with no count in progress: two figures for one result
    alone = ref(mid, "w", "2024-06-02", "Four", text=said, siblings=lambda: [mid])
    flag = compare(alone, final)
    assert flag is not None and flag.type == "conflict"


def test_a_count_since_a_date_inside_a_longer_count_is_a_part(num, ref) -> None:
    # the season's toll and the part of it since the floods: one report gives both
    season = "The toll from the rains has risen to 412 this season, the minister said on Friday."
    since = "He said 260 deaths were recorded since the river burst its banks on August 8."
    day = dict(scope="cumulative", start="2024-08-08", end="2024-08-23")
    whole = num("412", 412, sentence=season, **day)
    part = num("260 deaths", 260, sentence=since, **day)
    siblings = [whole, part]
    r_whole = ref(whole, "x", "2024-08-24", "One", siblings=lambda: siblings)
    r_part = ref(part, "x", "2024-08-24", "One", siblings=lambda: siblings)
    assert compare(r_whole, r_part) is None  # no conflict within the report
    earlier = num("nearly 390", 390, sentence="The death toll rose to nearly 390.", qualifier="about",
                  scope="cumulative", start="2024-08-08", end="2024-08-20")
    assert compare(ref(earlier, "y", "2024-08-20", "Two", siblings=lambda: [earlier]), r_part) is None
    same_start = num("300", 300, sentence="Since August 8, 300 people have died.", scope="cumulative",
                     start="2024-08-08", end="2024-08-20")
    assert sub_total(r_part) and states_start(same_start) and not states_start(earlier)
    alone = ref(part, "w", "2024-08-24", "Four", siblings=lambda: [part])
    flag = compare(ref(same_start, "z", "2024-08-20", "Three", siblings=lambda: [same_start]), alone)
    assert flag is not None and flag.type == "cumulative_decrease"  # since the same day: a fall


def test_the_share_a_candidate_needs_is_no_result(num, ref) -> None:
    share = dict(category="percent", scope="point", start="2024-06-02", end="2024-06-02", place="Varnia")
    rule = "To win outright, a candidate must secure 50% of the ballots plus one."
    need = num("50% of the ballots", 50, sentence=rule, **share)
    got = num("48.6% of the ballots", 48.6, sentence="Okonjo took 48.6% of the ballots.", **share)
    assert compare(ref(need, "x", "2024-06-02", "One"), ref(got, "y", "2024-06-02", "Two")) is None
