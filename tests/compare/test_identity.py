"""Metric identity, precision first (issue 9): one rule per test, sentences written for these
tests (invented places, people and bodies)."""

from __future__ import annotations

from recount.compare.identity import (
    counted,
    given,
    holder,
    lookup_window,
    same_metric,
    several_places,
    subject_group,
)
from recount.compare.rules import apart, compare, part_of_whole, projected, restated
from recount.compare.scan import find_discrepancies


def _count(num, span: str, value: float, sentence: str, **kw):
    kw.setdefault("category", "count")
    kw.setdefault("scope", "day")
    kw.setdefault("start", "2024-06-02")
    kw.setdefault("end", "2024-06-02")
    return num(span, value, sentence=sentence, **kw)


def test_an_unknown_kind_of_figure_is_never_comparable(num) -> None:
    a = num("40 dead", 40, scope="unknown", start=None, end="2024-06-03")
    b = num("55 dead", 55, scope="unknown", start=None, end="2024-06-03")
    assert same_metric(a, "2024-06-03", b, "2024-06-03") == (False, "different kind of figure")


def test_counts_are_compared_by_what_they_count(num) -> None:
    s1 = "Rescuers brought 12 ambulances to the pier."
    s2 = "Rescuers brought 15 ambulances to the pier."
    s3 = "Volunteers put up 15 tents on the pier."
    a, b = _count(num, "12 ambulances", 12, s1), _count(num, "15 ambulances", 15, s2)
    c = _count(num, "15 tents", 15, s3)
    assert same_metric(a, None, b, None)[0]
    assert same_metric(a, None, c, None) == (False, "different things counted")
    assert counted(None, "151,272-acre blaze", None) == frozenset({"acre", "blaze"})


def test_a_count_that_does_not_say_what_it_counts_meets_nothing(num) -> None:
    a = _count(num, "12", 12, "The figure was 12.")
    b = _count(num, "15", 15, "The figure was 15.")
    assert same_metric(a, None, b, None) == (False, "different things counted")


def test_votes_of_two_candidates_are_two_things(num) -> None:
    s = "Marta Linde polled 1,204,331 votes while Osei Brandt polled 998,412 votes."
    a = _count(num, "1,204,331 votes", 1204331, s)
    b = _count(num, "998,412 votes", 998412, s, offset=50)
    assert holder(a) == frozenset({"marta", "linde"}) and holder(b) == frozenset({"osei", "brandt"})
    assert same_metric(a, None, b, None) == (False, "someone else's figure")


def test_pledges_of_two_donors_are_two_things_but_two_estimates_of_one_sum_meet(num) -> None:
    a = num("$5 million", 5e6, category="money", scope="day", start="2024-06-02", end="2024-06-02",
            source="Harbor Bank", sentence="Harbor Bank said it will donate $5 million to the rebuilding.")
    b = num("$8 million", 8e6, category="money", scope="day", start="2024-06-02", end="2024-06-02",
            source="Corran Group", sentence="The Corran Group pledged $8 million on Sunday.")
    assert given(a) and same_metric(a, None, b, None) == (False, "someone else's gift")
    c = num("$4.5 billion in damage", 4.5e9, category="money", scope="point", start="2024-06-02",
            end="2024-06-02", source="Finance Ministry",
            sentence="The Finance Ministry put the damage at $4.5 billion in damage.")
    d = num("$4.5 billion", 4.5e9, category="money", scope="point", start="2024-06-02", end="2024-06-02",
            source="World Bank", sentence="The World Bank estimates the damage at $4.5 billion.")
    assert not given(c) and same_metric(c, None, d, None)[0]


def test_a_part_is_never_set_against_its_whole(num) -> None:
    civilians = num("14 civilians", 14, end="2024-06-05")
    all_dead = num("205 dead", 205, end="2024-06-05")
    assert same_metric(civilians, None, all_dead, None) == (False, "a part is not the whole")
    one = num("120 dead", 120, place="Kessel", end="2024-06-05")
    both = num("300 dead", 300, place="Kessel and Varn", end="2024-06-05")
    assert several_places("Kessel and Varn") and several_places("both countries")
    assert not several_places("the Old Quarter and eastern suburbs of Ostrelo")
    assert same_metric(one, None, both, None) == (False, "a part is not the whole")
    alone = num("90", 90, end="2024-06-05", sentence="In Varn alone 90 people have died.",
                place="Varn")
    assert subject_group(num("90", 90, sentence="In Varn 90 alone have died.")) == "subset:one-place"
    assert subject_group(num("6", 6, sentence="Eleven died, of them 6 were children.")) is not None
    assert alone.place == "Varn"


def test_a_place_unknown_on_one_side_is_taken_from_the_story_only(num) -> None:
    a = num("40 dead", 40, place="Port Amsel", end="2024-06-05")
    b = num("55 dead", 55, place=None, end="2024-06-05")
    assert same_metric(a, None, b, None) == (False, "place unknown")
    assert same_metric(a, None, b, None, same_story=True)[0]


def test_restated_and_forecast_figures(num) -> None:
    assert restated(num("the previous figure of 359", 359, sentence="It replaces the previous figure of 359"))
    assert restated(num("290", 290, sentence="Our first estimates were 290 but the count was reduced."))
    assert restated(num("11,300", 11300, sentence="The toll was revised down from 11,300 to 3,958."))
    assert not restated(num("3,958", 3958, sentence="The toll was revised down from 11,300 to 3,958."))
    assert not restated(num("40", 40, sentence="A 40-year-old man was among the dead."))
    revised = "The toll was earlier given as 190 before the state revised it to 175."
    assert restated(num("190", 190, sentence=revised)) and not restated(num("175", 175, sentence=revised))
    assert restated(num("150 people", 150, sentence="Earlier it was reported that 150 people had died."))
    assert restated(num("199", 199, sentence="The authorities had earlier announced a toll of 199."))
    assert projected(num("1,000", 1000, category="money", sentence="Gifts are heading for the 1,000 mark."))
    fled = "The UN says up to four million may be forced to leave, and 18 million are projected to suffer."
    assert projected(num("up to four million", 4e6, sentence=fled))
    assert projected(num("18 million", 18e6, sentence=fled))
    assert not projected(num("40,000 people", 4e4, sentence="About 40,000 people have fled, the UN says."))
    assert not projected(num("290", 290, sentence="Our first count was 290 and it will be cut to 253."))
    assert not projected(num("600", 600, sentence="Donations have reached 600 so far."))


def test_feared_tolls_and_an_event_told_by_its_earlier_toll(num) -> None:
    feared = "Some 240 travellers are feared drowned, a coast guard officer told reporters."
    assert projected(num("Some 240 travellers", 240, sentence=feared))
    headline = "64 people feared dead as barge sinks on Lake Orm"
    assert projected(num("64 people feared dead", 64, sentence=headline))
    fears = "Divers searched the hull as fears grew that dozens more may have been trapped inside."
    assert projected(num("dozens", 24, sentence=fears))
    sank = "At least 58 people drowned when the barge sank."
    assert not projected(num("At least 58 people", 58, sentence=sank))
    told = "A teacher hurt in the May 4 blasts that killed 27 and injured 40 more has died, officials said."
    assert restated(num("27", 27, sentence=told))
    plain = "The May 4 blasts killed 27 people, the ministry said."
    assert not restated(num("27 people", 27, sentence=plain))


def test_bounds_that_touch_and_parts_by_size(num) -> None:
    assert not apart(num("18,000", 18000), num("more than 18,000", 18000, qualifier="more_than"))
    assert apart(num("17,000", 17000), num("more than 18,000", 18000, qualifier="more_than"))
    assert part_of_whole(num("36", 36), num("758", 758), same_article=False)
    assert not part_of_whole(num("253", 253), num("359", 359), same_article=False)
    assert not part_of_whole(num("880", 880), num("880 million", 880e6), same_article=True)


def test_windows_for_flags_look_both_ways(num) -> None:
    total = num("40 dead", 40, start="2024-06-01", end="2024-06-10")
    assert lookup_window(total, "2024-06-10", for_flags=True) == ("2024-04-11", "2024-08-09")
    assert lookup_window(total, "2024-06-10") == ("2024-05-31", "2024-06-17")


def test_a_restatement_in_one_report_is_a_revision_never_a_conflict(num, ref) -> None:
    s1 = "Our first estimates were 290, the director said."
    s2 = "After checking the morgues the toll was reduced to 253."
    old = num("first estimates were 290", 290, end="2024-06-05", sentence=s1, offset=10)
    new = num("reduced to 253", 253, end="2024-06-05", sentence=s2, offset=120)
    flags = find_discrepancies([ref(old, "r", "2024-06-05", "Wire"), ref(new, "r", "2024-06-05", "Wire")])
    assert [f.type for f in flags] == ["revision"]


def test_the_old_figure_a_report_restates_is_not_set_against_another_report(num, ref) -> None:
    other = num("253", 253, end="2024-06-05", sentence="Officials gave 253 dead on Thursday.")
    old = num("the previous figure of 359", 359, end="2024-06-05", offset=60,
              sentence="Officials set aside the previous figure of 359.")
    flags = find_discrepancies([ref(other, "a", "2024-06-05", "One"), ref(old, "b", "2024-06-05", "Two")])
    assert flags == []


def test_history_a_report_tells_meets_only_figures_of_its_day(num, ref) -> None:
    monday = num("207", 207, end="2024-06-03", offset=10, sentence="On Monday the toll stood at 207.")
    today = num("290", 290, end="2024-06-04", offset=80, sentence="By Tuesday it had risen to 290.")
    later = num("250", 250, end="2024-06-06", sentence="The toll is 250, officials said.")
    same_day = num("230", 230, end="2024-06-03", sentence="Officials counted 230 dead on Monday.")
    story = [ref(monday, "a", "2024-06-04", "One"), ref(today, "a", "2024-06-04", "One")]
    falls = find_discrepancies([*story, ref(later, "b", "2024-06-06", "Two")])
    assert [(f.type, f.a.span) for f in falls] == [("cumulative_decrease", "290")]  # not 207 -> 250
    flags = find_discrepancies([*story, ref(same_day, "c", "2024-06-04", "Three")])
    assert [(f.type, {f.a.span, f.b.span}) for f in flags] == [("conflict", {"207", "230"})]


def test_a_later_reports_higher_total_for_the_same_day_is_growth(num, ref) -> None:
    a = num("121", 121, end="2024-06-04", sentence="The toll reached 121 by Sunday.")
    b = num("147", 147, end="2024-06-04", sentence="A total of 147 had died by Sunday.")
    assert find_discrepancies([ref(a, "a", "2024-06-04", "One"), ref(b, "b", "2024-06-05", "Two")]) == []
    assert [f.type for f in find_discrepancies([ref(b, "a", "2024-06-04", "One"),
                                               ref(a, "b", "2024-06-05", "Two")])] == ["conflict"]


def test_conflict_works_for_votes_and_money(num, ref) -> None:
    v1 = _count(num, "1,204,331 votes", 1204331, "Marta Linde won 1,204,331 votes, the commission said.")
    v2 = _count(num, "1,198,002 votes", 1198002, "Marta Linde won 1,198,002 votes in the final count.")
    flags = find_discrepancies([ref(v1, "a", "2024-06-03", "One"), ref(v2, "b", "2024-06-03", "Two")])
    assert [f.type for f in flags] == ["conflict"]
    m1 = num("€600 million", 6e8, category="money", start="2024-06-01", end="2024-06-04",
             sentence="Donations for the bridge have reached €600 million.")
    m2 = num("€540 million", 5.4e8, category="money", start="2024-06-01", end="2024-06-04",
             sentence="Donations for the bridge stood at €540 million on Tuesday.")
    flags = find_discrepancies([ref(m1, "a", "2024-06-04", "One"), ref(m2, "b", "2024-06-05", "Two")])
    assert [f.type for f in flags] == ["conflict"]


def test_the_same_toll_credited_to_two_bodies(num, ref) -> None:
    a = num("11,300 dead", 11300, end="2024-06-04", source="Coastal Relief Society",
            sentence="The Coastal Relief Society said 11,300 dead had been counted.")
    b = num("11,300", 11300, end="2024-06-06", source="United Nations",
            sentence="The United Nations put the toll at 11,300.")
    flags = find_discrepancies([ref(a, "a", "2024-06-04", "One"), ref(b, "b", "2024-06-06", "Two")])
    assert [f.type for f in flags] == ["attribution_conflict"]
    c = num("11,300", 11300, end="2024-06-06", source="health officials",
            sentence="Health officials put the toll at 11,300.")
    d = num("11,300", 11300, end="2024-06-06", source="the ministry",
            sentence="The ministry put the toll at 11,300.")
    assert find_discrepancies([ref(c, "c", "2024-06-06", "Three"), ref(d, "d", "2024-06-06", "Four")]) == []


def test_figures_of_two_stories_never_meet(num, ref) -> None:
    a = num("40 dead", 40, end="2024-06-05", source="the Port Amsel coroner")
    b = num("55 dead", 55, end="2024-06-05", source="the coroner of Port Amsel")
    assert find_discrepancies([ref(a, "a", "2024-06-05", "One", story=1),
                               ref(b, "b", "2024-06-05", "Two", story=1)])
    assert find_discrepancies([ref(a, "a", "2024-06-05", "One", story=1),
                               ref(b, "b", "2024-06-05", "Two", story=2)]) == []


def test_one_estimate_given_for_two_spans_of_time_is_still_one_estimate(num, ref) -> None:
    week = num("about $2.1 billion", 2.1e9, qualifier="about", category="money", scope="period",
               start="2024-06-01", end="2024-06-07", source="Treasury Office", place="Kessel",
               sentence="The Treasury Office estimated this week's damage at about $2.1 billion.")
    day = num("$2.1 billion", 2.1e9, category="money", scope="point", start="2024-06-09", end="2024-06-09",
              source="Harbor Development Bank", place="Kessel",
              sentence="Harbor Development Bank put the cost of rebuilding at $2.1 billion.")
    flags = find_discrepancies([ref(week, "a", "2024-06-08", "One"), ref(day, "b", "2024-06-09", "Two")])
    assert [f.type for f in flags] == ["attribution_conflict"]


def test_a_later_verb_of_the_sentence_does_not_make_a_figure_a_part(num) -> None:
    whole = num("at least 9,200", 9200, qualifier="at_least",
                sentence="The toll has risen to at least 9,200, according to a report released on Monday.")
    part = num("1,400", 1400, sentence="Of the injured, 1,400 have been discharged from hospital.")
    assert subject_group(whole) is None
    assert subject_group(part) == "subset:discharged"


def test_a_countrys_count_and_a_citys_never_meet_however_the_reports_name_them(num, ref) -> None:
    national = num("1.1 million marchers", 1.1e6, category="count", scope="point", start="2024-03-09",
                   end="2024-03-09", place="Portugal", source="the ministry", subject="marchers")
    city = num("400,000 marchers", 4e5, category="count", scope="point", start="2024-03-09", end="2024-03-09",
               place="Varn", source="the union", subject="marchers")
    a = ref(national, "a", "2024-03-10", "One", text="Marches across Portugal, and 40,000 in Varn.")
    b = ref(city, "b", "2024-03-10", "Two", text="In Varn the union counted 400,000; Portugal saw more.")
    assert compare(a, b) is None  # (a known country: the engine's list of the world's countries)
    town = num("390,000 marchers", 3.9e5, category="count", scope="point", start="2024-03-09",
               end="2024-03-09", place="Varn valley", source="the police", subject="marchers")
    c = ref(town, "c", "2024-03-10", "Three", text="In the Varn valley police saw 390,000; Varn was calm.")
    assert compare(b, c) is not None  # two names of one place, each report naming the other's


def test_counts_a_court_weighed_differ_by_their_outcome(num, ref) -> None:
    def counts(span, value, sentence, article):
        claim = num(span, value, category="count", scope="day", start="2024-03-12", end="2024-03-12",
                    place="Castlebridge", sentence=sentence)
        return ref(claim, article, "2024-03-13", article.title())

    guilty = counts("three counts", 3, "A jury found Dana Orlen guilty on three counts of fraud.", "wire")
    cleared = counts("five other counts", 5, "The jury acquitted Dana Orlen on five other counts.", "post")
    hung = counts("two counts", 2, "Jurors could not agree on two counts, the judge said.", "daily")
    charged = counts("ten counts", 10, "Dana Orlen had been charged with ten counts.", "herald")
    for a, b in [(guilty, cleared), (guilty, hung), (cleared, charged), (hung, charged)]:
        assert compare(a, b) is None
    convicted = counts("four counts", 4, "Dana Orlen was convicted on four counts of fraud.", "courier")
    assert compare(guilty, convicted) is not None  # guilty and convicted: one outcome, 3 against 4


def test_losses_listed_in_one_breath_and_whose_they_are(num) -> None:
    from recount.compare.identity import counted, what_differs

    said = "The ministry said the enemy lost 10 tanks, 6 D-30 howitzers and a mobile launcher on Monday."
    assert counted(None, "10 tanks", said) == {"tank"}  # not the next figure's howitzers
    ours = num("30 Velmari tanks", 30, category="count", sentence="Its forces destroyed 30 Velmari tanks.")
    theirs = num("14 Ostrani tanks", 14, category="count", sentence="Its forces destroyed 14 Ostrani tanks.")
    anyone = num("two dozen tanks", 24, category="count", sentence="Rebels destroyed two dozen tanks.")
    assert what_differs(ours, theirs) == "someone else's figure"
    assert what_differs(ours, anyone) == "someone else's figure"  # whose is said on one side only


def test_what_a_count_grew_by_is_not_the_count(num, ref) -> None:
    from recount.compare.figure_words import increment

    grew = num("19 more bodies", 19, sentence="Divers recovered 19 more bodies from the hull on Friday.")
    assert increment(grew) and increment(num("Seven", 7, sentence="Seven more died in hospital overnight."))
    assert not increment(num("more than 40", 40, qualifier="more_than", sentence="More than 40 died."))
    assert not increment(num("another 561", 561, category="wounded", sentence="Another 561 were wounded."))
    total = num("88 people", 88, start=None, end="2024-06-05", sentence="The ferry toll stands at 88 people.")
    a = ref(total, "a", "2024-06-05", "One")
    more = num("19 more bodies", 19, start=None, end="2024-06-06", sentence="Divers found 19 more bodies.")
    b = ref(more, "b", "2024-06-06", "Two")
    assert compare(a, b) is None
