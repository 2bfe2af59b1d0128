"""One flag per change (compare/fold.py) and the identity and credit rules that keep flags few:
hand-written cases about a fictional storm in Port Amsel (June 2024) and a fictional vote."""

from __future__ import annotations

from recount.compare.credits import distinct_sources as _distinct_sources
from recount.compare.fold import Folder, fold_flags
from recount.compare.identity import condition, what_differs
from recount.compare.rules import compare, denied
from recount.compare.scan import find_discrepancies


def _toll(num, ref, span, value, day, outlet, article, *, source=None, sentence=None, offset=0, **kw):
    claim = num(span, value, end=day, source=source, sentence=sentence, offset=offset, **kw)
    return ref(claim, article, day, outlet)


def _pairs(flags):
    return sorted((f.type, f.a.article, f.b.article) for f in flags)


def test_a_figure_given_in_headline_and_body_is_flagged_once_by_its_body_mention(num, ref) -> None:
    earlier = _toll(num, ref, "96 people", 96, "2024-06-04", "Harbour Post", "post", source="Red Cross")
    head = _toll(num, ref, "90", 90, "2024-06-05", "Amsel Courier", "courier", offset=20,
                 sentence="Port Amsel storm toll put at 90: coast guard")
    body = _toll(num, ref, "90 people", 90, "2024-06-05", "Amsel Courier", "courier", offset=120,
                 source="coast guard", sentence="The coast guard said 90 people had died in Port Amsel.")
    raw = find_discrepancies([earlier, head, body])
    assert len(raw) == 2  # the rules see two falls
    kept = fold_flags(raw)
    assert len(kept) == 1 and kept[0].b.span == "90 people" and not kept[0].b.headline


def test_a_fall_is_set_against_the_latest_and_the_first_higher_report_only(num, ref) -> None:
    reports = [
        _toll(num, ref, "120 people", 120, "2024-06-03", "Harbour Post", "post", source="Red Cross"),
        _toll(num, ref, "135 people", 135, "2024-06-04", "Bay Times", "bay", source="police"),
        _toll(num, ref, "128 people", 128, "2024-06-05", "Coast Wire", "wire", source="Red Cross"),
    ]
    later = _toll(num, ref, "101 people", 101, "2024-06-07", "Amsel Courier", "courier", source="coast guard")
    raw = find_discrepancies([*reports, later])
    assert len(raw) == 3 + 1  # each earlier report against the later one, and 135 -> 128
    # 101 falls below 120 (the first report above it), 135 and 128 (the latest): the middle one
    # (135) is neither, and is left out
    assert sorted(_pairs(fold_flags(raw))) == [("cumulative_decrease", "bay", "wire"),
                                               ("cumulative_decrease", "post", "courier"),
                                               ("cumulative_decrease", "wire", "courier")]


def test_a_lower_figure_repeated_by_a_later_report_is_not_a_new_fall(num, ref) -> None:
    high = _toll(num, ref, "140 people", 140, "2024-06-04", "Harbour Post", "post", source="police")
    low = _toll(num, ref, "101 people", 101, "2024-06-06", "Amsel Courier", "courier", source="coast guard")
    again = _toll(num, ref, "101 people", 101, "2024-06-07", "Bay Times", "bay", source="coast guard")
    raw = find_discrepancies([high, low, again])
    assert _pairs(raw) == [("cumulative_decrease", "post", "bay"), ("cumulative_decrease", "post", "courier")]
    assert _pairs(fold_flags(raw)) == [("cumulative_decrease", "post", "courier")]
    # The same holds when the flags come a day at a time (the stored flags are listed so).
    folder = Folder()
    days = sorted({f.b.published for f in raw})
    kept = [f for day in days for f in folder.fold([f for f in raw if f.b.published == day])]
    assert _pairs(kept) == [("cumulative_decrease", "post", "courier")]


def test_a_body_revising_its_own_figures_is_set_against_each_of_them(num, ref) -> None:
    first = _toll(num, ref, "312 people", 312, "2024-06-03", "Harbour Post", "post", source="Civil Defence")
    second = _toll(num, ref, "347 people", 347, "2024-06-05", "Bay Times", "bay", source="Civil Defence")
    revised = _toll(num, ref, "289 people", 289, "2024-06-08", "Amsel Courier", "courier",
                    source="Civil Defence",
                    sentence="The Civil Defence revised its toll down to 289 people, some counted twice.")
    kept = fold_flags(find_discrepancies([first, second, revised]))
    assert _pairs(kept) == [("revision", "bay", "courier"), ("revision", "post", "courier")]


def test_a_report_restating_two_older_figures_revises_its_current_one_once(num, ref) -> None:
    text = ("Officials cut the toll from 212 to 180 people on Friday. \"Our first estimates were 196 and the "
            "toll is now 180,\" the director said.")
    claims = [num("212", 212, end="2024-06-05", sentence=text.split(". ")[0] + ".", offset=text.index("212")),
              num("180 people", 180, end="2024-06-07", sentence=text.split(". ")[0] + ".",
                  offset=text.index("180 people")),
              num("196", 196, end="2024-06-05", sentence=text.split(". ")[1], offset=text.index("196")),
              num("180", 180, end="2024-06-07", sentence=text.split(". ")[1], offset=text.index("180,"))]
    refs = [ref(c, "courier", "2024-06-07", "Amsel Courier", text=text) for c in claims]
    raw = [f for f in find_discrepancies(refs) if f.type == "revision"]
    assert len(raw) >= 3
    kept = fold_flags(raw)
    # each restated figure once, each current figure once: the two figures nearest each other
    assert sorted((f.a.span, f.b.span) for f in kept) == [("196", "180"), ("212", "180 people")]


def test_a_figure_credited_twice_is_set_against_the_first_report_that_gave_it(num, ref) -> None:
    def displaced(outlet, article, day, source):
        claim = num("18,000 people", 18000, category="displaced", end=day, source=source,
                    sentence=f"{source} said 18,000 people had fled their homes.")
        return ref(claim, article, day, outlet)

    first = displaced("Harbour Post", "post", "2024-06-04", "Red Cross")
    second = displaced("Bay Times", "bay", "2024-06-05", "World Health Organization")
    third = displaced("Coast Wire", "wire", "2024-06-06", "International Organization for Migration")
    raw = find_discrepancies([first, second, third])
    assert len(raw) == 3
    assert _pairs(fold_flags(raw)) == [("attribution_conflict", "post", "bay"),
                                       ("attribution_conflict", "post", "wire")]


def test_a_count_under_a_share_is_not_a_plain_count(num) -> None:
    def states(span, value, sentence):
        return num(span, value, category="count", scope="day", start="2024-03-02", end="2024-03-02",
                        place="Varnia", sentence=sentence)

    won = states("21 states", 21, "Linde won in 21 states, the commission said.")
    share = states("33 states", 33, "Linde also reached 25 per cent of the vote in 33 states.")
    share2 = states("31 states", 31, "She secured 25% in 31 states, failing only in the north.")
    assert condition(share.span, share.sentence) == "25" and condition(won.span, won.sentence) is None
    assert what_differs(won, share) == "different things counted"
    assert what_differs(share, share2) is None  # two tallies of one thing: a conflict when they differ


def test_credits_that_name_no_distinct_body() -> None:
    assert not _distinct_sources("United Nations", "UN refugee agency", None)  # a body and its part
    assert not _distinct_sources("police", "Amsel police spokesman", None)  # a kind of body, one of that kind
    assert not _distinct_sources("Varnian authorities", "Red Cross", None)  # a country's authorities
    assert not _distinct_sources("health officials", "the ministry", None)
    assert not _distinct_sources("Police Media Spokesperson", "Varnia police (spokesman Ivo Rask)", None)
    assert _distinct_sources("Police Media Spokesperson", "Varnia Health Ministry", None)
    assert _distinct_sources("Red Cross", "World Health Organization", None)
    assert _distinct_sources("Finance Ministry", "World Bank", None)
    assert not _distinct_sources("Westwire news agency", "harbour police chief Anna Rossel", None)  # relays
    assert not _distinct_sources("Authorities in Kessel", "Red Cross", None)  # a place's authorities
    assert not _distinct_sources("Officials in neighbouring Ostia", "World Health Organization", None)
    assert not _distinct_sources("Rescuers", "Kessel civil protection agency", None)  # people by their work
    assert not _distinct_sources("local medics", "Red Cross", None)
    assert _distinct_sources("Hamas", "Red Cross", None)  # a named group is a body, not people at work
    assert not _distinct_sources("Donors", "Ursula Velde", None)  # the givers at a conference, unnamed
    assert _distinct_sources("Kessel civil protection agency", "Varnian Red Crescent", None)
    assert not _distinct_sources("Coastline Press", "Red Cross", None)


def test_a_denied_figure_raises_nothing(num, ref) -> None:
    sentence = "The ministry said the toll was 140 and not 171 as some outlets had reported."
    denial = num("171", 171, end="2024-06-05", sentence=sentence, source="Health Ministry")
    assert denied(denial) and not denied(num("140", 140, end="2024-06-05", sentence=sentence))
    earlier = _toll(num, ref, "171 people", 171, "2024-06-04", "Harbour Post", "post", source="police")
    assert compare(earlier, ref(denial, "bay", "2024-06-05", "Bay Times")) is None


def test_a_figure_credited_to_its_own_place_is_no_credit(num, ref) -> None:
    a = _toll(num, ref, "253", 253, "2024-06-05", "Harbour Post", "post", source="Port Amsel",
              sentence="Port Amsel lowers storm toll to 253")
    b = _toll(num, ref, "253 people", 253, "2024-06-05", "Bay Times", "bay", source="Red Cross")
    assert find_discrepancies([a, b]) == []


def test_a_body_denying_a_figure_credited_to_it_is_an_attribution_conflict(num, ref) -> None:
    credited = _toll(num, ref, "6,400", 6400, "2024-06-04", "Harbour Post", "post", source="Amsel Red Cross",
                     sentence="The Amsel Red Cross says the toll has reached 6,400.")
    disowning = _toll(num, ref, "6,400", 6400, "2024-06-06", "Bay Times", "bay", source="Amsel Red Cross",
                      sentence="A spokesman for the Amsel Red Cross denied that the toll had reached 6,400.")
    flag = compare(credited, disowning)
    assert flag is not None and flag.type == "attribution_conflict"
    assert (flag.a.article, flag.b.article) == ("post", "bay") and "denies" in flag.explanation
    # The disowned figure is no one's count: it is set against nothing else.
    lower = _toll(num, ref, "5,100", 5100, "2024-06-07", "Coast Wire", "wire", source="coast guard")
    assert compare(disowning, lower) is None


def test_a_figure_a_report_says_held_at_first_is_history(num, ref) -> None:
    earlier = _toll(num, ref, "more than 500 people", 500, "2024-06-04", "Harbour Post", "post",
                    qualifier="more_than", category="wounded", source="police")
    told = _toll(num, ref, "480 people", 480, "2024-06-07", "Bay Times", "bay", category="wounded",
                 source="Health Ministry",
                 sentence="The ministry said 480 people had initially been taken to hospital.")
    assert compare(earlier, told) is None
    in_span = _toll(num, ref, "480 people had initially been taken to hospital", 480, "2024-06-07",
                    "Bay Times", "bay", category="wounded", source="Health Ministry",
                    sentence="The ministry said 480 people had initially been taken to hospital.")
    assert compare(earlier, in_span) is None  # the cue may be inside the span


def test_a_quote_given_twice_in_one_report_drifts_once(quote, ref) -> None:
    words = "we will bring the harbour back to life within five years, whatever it costs"
    drifted = "we will bring the harbour back to life in five years, whatever the cost"
    a = ref(quote("Mayor Lenz said", "Karl Lenz", words), "post", "2024-06-04", "Harbour Post")
    b1 = ref(quote("Lenz said in a statement", "Karl Lenz", drifted, offset=40),
             "bay", "2024-06-04", "Bay Times")
    b2 = ref(quote("-Karl Lenz, mayor of Port Amsel", "Karl Lenz", drifted, offset=400,
                   sentence=f"“{drifted}” -Karl Lenz, mayor of Port Amsel"), "bay", "2024-06-04", "Bay Times")
    raw = [f for f in find_discrepancies([a, b1, b2]) if f.type == "quote_drift"]
    assert len(raw) == 2
    kept = fold_flags(raw)
    assert [f.b.span for f in kept] == ["Lenz said in a statement"]


def test_a_quote_differing_only_in_punctuation_has_not_drifted(quote, ref) -> None:
    said = "our thanks go to the volunteers whose courage is heart warming, and to every rescue team"
    spelt = "Our thanks go to the volunteers whose courage is heart-warming; and to every rescue team"
    changed = "our thanks go to the volunteers whose bravery is heart-warming, and to all rescue teams"
    a = ref(quote("Mayor Lenz said", "Karl Lenz", said), "post", "2024-06-04", "Harbour Post")
    b = ref(quote("Lenz said", "Karl Lenz", spelt), "bay", "2024-06-04", "Bay Times")
    c = ref(quote("Lenz told reporters", "Karl Lenz", changed), "wire", "2024-06-04", "Coast Wire")
    assert compare(a, b) is None
    flag = compare(a, c)
    assert flag is not None and flag.type == "quote_drift"


def test_a_whole_counting_fewer_than_its_part_is_a_fall(num, ref) -> None:
    from recount.compare.names import place_contains

    town_text = "Floods in the northern Varnian port of Kelso have killed 6,400 people, the Red Cross says."
    assert place_contains("Varnia", "Kelso", town_text)
    assert not place_contains("Varnia", "Kelso", "Kelso sent boats. Varnia sent none.")
    assert place_contains("Varnia", "Kelso", "in Kelso, northern Varnia, the water")
    assert place_contains("Varnia", "Kelso", "Varnia's Kelso")
    assert place_contains("Velmora", "Kemra Junction", "At Kemra Junction in Ostia\u2019s Velmora it rose.")
    assert not place_contains("Kelso", "Varnia", "Varnia's Kelso")
    text = "Floods in the northern Varnian city of Kelso have killed 6,400 people, the Red Cross says."
    town = ref(num("6,400 people", 6400, end="2024-06-04", place="Kelso", source="Red Cross", sentence=text),
               "post", "2024-06-04", "Harbour Post", text=text, story=1)
    country = ref(num("2,900 people", 2900, end="2024-06-06", place="Varnia", source="WHO"),
                  "bay", "2024-06-06", "Bay Times", text="The WHO says 2,900 people died in Varnia.", story=1)
    flag = compare(town, country)
    assert flag is not None and flag.type == "cumulative_decrease"
    # the part below the whole is no contradiction
    town_later = ref(num("2,900 people", 2900, end="2024-06-06", place="Kelso", source="WHO"),
                     "wire", "2024-06-06", "Coast Wire", text=text, story=1)
    country_first = ref(num("6,400 people", 6400, end="2024-06-04", place="Varnia", source="Red Cross"),
                        "sea", "2024-06-04", "Sea News", text=text, story=1)
    assert compare(country_first, town_later) is None


def test_a_fall_one_mention_calls_a_revision_is_one_flag_the_revision(num, ref) -> None:
    high = _toll(num, ref, "140 people", 140, "2024-06-04", "Harbour Post", "post", source="coast guard",
                 sentence="The coast guard said 140 people had died in Port Amsel.")
    revised = _toll(num, ref, "121", 121, "2024-06-05", "Amsel Courier", "courier", source="coast guard",
                    offset=40, sentence="The coast guard revised the Port Amsel toll to 121.")
    again = _toll(num, ref, "121", 121, "2024-06-05", "Amsel Courier", "courier", source="coast guard",
                  offset=400, sentence="\"The toll in Port Amsel is 121,\" the coast guard chief said.")
    raw = find_discrepancies([high, revised, again])
    assert {f.type for f in raw} == {"revision", "cumulative_decrease"}
    assert [f.type for f in fold_flags(raw)] == ["revision"]


def test_a_days_toll_one_mention_calls_revised_is_one_flag_the_revision(num, ref) -> None:
    day = dict(scope="day", start="2024-06-03", end="2024-06-03", source="fire office")
    first = ref(num("49", 49, sentence="The fire office said 49 died in the depot blast on Monday.", **day),
                "post", "2024-06-04", "Harbour Post")
    cut = "The fire office revised Monday's toll down to 41."
    told = "Monday's blast at the depot killed 41, the fire office said."
    revised = ref(num("41", 41, offset=40, sentence=cut, **day), "courier", "2024-06-06", "Amsel Courier")
    plain = ref(num("41", 41, offset=400, sentence=told, **day), "courier", "2024-06-06", "Amsel Courier")
    raw = find_discrepancies([first, revised, plain])
    assert {f.type for f in raw} == {"revision", "conflict"}
    assert [f.type for f in fold_flags(raw)] == ["revision"]


def test_a_report_telling_the_medias_figures_beside_the_official_one_raises_nothing(num, ref) -> None:
    said = "Several news channels are saying the figure is 270."
    told = "The official toll is 238, the governor said."
    media = ref(num("270", 270, source="news channels", sentence=said), "a", "2024-06-04", "One")
    official = ref(num("238", 238, source="governor", offset=60, sentence=told), "a", "2024-06-04", "One")
    assert compare(media, official) is None
    assert compare(ref(num("270", 270, source="Red Cross", sentence=said), "a", "2024-06-04", "One"),
                   official) is not None  # a body's own figure beside the official one is still a conflict
    assert _distinct_sources("Police Media Spokesperson", "Varnia Health Ministry", None)


def test_a_list_of_places_puts_none_inside_another() -> None:
    from recount.compare.names import place_contains

    assert not place_contains("Ostia", "Varnia", "The quake killed people in Varnia, Ostia and Kell.")
    assert place_contains("Ostia", "Kelso", "The quake hit Kelso, Ostia, at dawn.")


def test_a_later_report_that_says_the_toll_was_revised_down_is_a_revision_even_the_same_day(num, ref) -> None:
    early = ref(num("49", 49, start=None, end="2024-06-05", place="Dastrow",
                    sentence="The blaze at the Dastrow depot has killed 49 people."),
                "a", "2024-06-05", "Mirror")
    later = ref(num("41", 41, start=None, end="2024-06-05", place="Dastrow", source="the district office",
                    sentence="The district office cut its count of the depot fire's dead, revised, to 41."),
                "b", "2024-06-06", "Observer")
    assert [f.type for f in find_discrepancies([early, later])] == ["revision"]


def test_a_vague_word_for_many_is_no_lower_count(num, ref) -> None:
    counted = ref(num("over 450 people", 450, qualifier="more_than", category="wounded", start=None,
                      end="2024-06-05", place="Dastrow", sentence="Over 450 people were injured in Dastrow."),
                  "a", "2024-06-05", "Mirror")
    vague = ref(num("hundreds", 200, qualifier="at_least", category="wounded", start=None, end="2024-06-08",
                    place="Dastrow", sentence="The fire killed 41 people in Dastrow and injured hundreds."),
                "b", "2024-06-08", "Freight")
    assert find_discrepancies([counted, vague]) == []


def test_a_later_estimate_of_the_same_quarter_is_a_revision_up_or_down(num, ref) -> None:
    def share(span, value, sentence, article, published):
        claim = num(span, value, category="percent", scope="period", start="2025-04-01", end="2025-06-30",
                    place="Quelland", source="the statistics office", sentence=sentence)
        return ref(claim, article, published, article.title())

    second = share("2.6 percent", 2.6, "Output grew 2.6 percent in the quarter, the second estimate shows.",
                   "ledger", "2025-08-28")
    third = share("3.1 percent", 3.1, "Output grew 3.1 percent in the quarter, by the third estimate.",
                  "courier", "2025-09-25")
    flags = find_discrepancies([second, third])
    assert [f.type for f in flags] == ["revision"]
    assert "revised its figure up" in flags[0].explanation and "28 days later" in flags[0].explanation


def test_a_same_day_conflict_is_one_flag_whichever_report_comes_first(num, ref) -> None:
    day = "2024-06-05"
    lead = _toll(num, ref, "nine others", 9, day, "Harbour Post", "post", source="coast guard",
                 category="missing", scope="point", start=day, offset=10)
    body = _toll(num, ref, "nine people", 9, day, "Harbour Post", "post", source="coast guard",
                 category="missing", scope="point", start=day, offset=300)
    other = _toll(num, ref, "seven people", 7, day, "Amsel Courier", "courier", source="harbour police",
                  category="missing", scope="point", start=day, offset=100)
    raw = [f for f in (compare(lead, other), compare(other, body)) if f is not None]
    assert [f.type for f in raw] == ["conflict", "conflict"]
    assert raw[0].a.article != raw[1].a.article  # the two flags name the reports in either order
    assert len(fold_flags(raw)) == 1


def test_a_figure_credited_to_a_role_and_to_a_named_holder_is_no_conflict(num, ref) -> None:
    a = _toll(num, ref, "154", 154, "2024-06-05", "Harbour Post", "post", source="Varnia's health minister")
    b = _toll(num, ref, "154", 154, "2024-06-05", "Amsel Courier", "courier", source="Oren Bakr")
    assert compare(a, b) is None  # the minister may be the man the other report names


def test_a_figure_the_minister_had_given_in_earlier_statements_is_history(num, ref) -> None:
    said = ("The governor had said in earlier remarks that the blast had left 90 dead, before "
            "the new toll was announced.")
    old = _toll(num, ref, "90 dead", 90, "2024-06-05", "Harbour Post", "post", source="Oren Bakr",
                sentence=said)
    new = _toll(num, ref, "154", 154, "2024-06-05", "Amsel Courier", "courier", source="Oren Bakr")
    assert compare(old, new) is None


def test_a_guess_above_the_official_toll_is_no_conflict(num, ref) -> None:
    guess = _toll(num, ref, "1,500 or 1,800", 1650, "2024-06-05", "Harbour Post", "post", source="Lea Varga",
                  sentence="The toll is probably nearer 1,500 or 1,800, the governor said.")
    count = _toll(num, ref, "1,310", 1310, "2024-06-05", "Harbour Post", "post", offset=200,
                  sentence="The official count of the dead stood at 1,310 on Tuesday.")
    assert compare(guess, count) is None


def test_a_days_recoveries_raising_the_toll_are_no_toll(num, ref) -> None:
    said = "By dusk, 61 bodies had been recovered, taking the official toll to 172."
    day = _toll(num, ref, "61 bodies", 61, "2024-06-05", "Harbour Post", "post", sentence=said)
    part = _toll(num, ref, "41", 41, "2024-06-05", "Harbour Post", "post", offset=300, subject="women",
                 sentence="So far, 41 of the 172 dead were women.")
    assert compare(day, part) is None


def test_a_sum_a_court_cut_is_no_revision(num, ref) -> None:
    said = "The judge upheld the verdict but cut the punitive damages from $240 million to $60 million."
    kw = dict(category="money", scope="unknown", start=None, sentence=said)
    old = _toll(num, ref, "$240 million", 240e6, "2024-06-05", "Harbour Post", "post", offset=40, **kw)
    new = _toll(num, ref, "$60 million", 60e6, "2024-06-05", "Harbour Post", "post", offset=60, **kw)
    assert compare(old, new) is None


def test_a_figure_credited_to_the_unions_and_to_one_union_is_no_conflict(num, ref) -> None:
    kw = dict(category="percent", scope="point", start="2024-06-05")
    a = _toll(num, ref, "62%", 62, "2024-06-05", "Harbour Post", "post", source="FNT-Union", **kw)
    b = _toll(num, ref, "62%", 62, "2024-06-05", "Amsel Courier", "courier", source="unions", **kw)
    assert compare(a, b) is None
