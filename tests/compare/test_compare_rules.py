"""The discrepancy rules on hand-written cases (a fictional storm in Port Amsel, June 2024)."""

from __future__ import annotations

from recount.compare.rules import compare, quote_similarity
from recount.compare.scan import find_discrepancies


def _total(num, ref, span, value, end, outlet, article, *, qualifier="exact", source=None, sentence=None,
           place="Port Amsel", start="2024-06-01"):
    claim = num(span, value, qualifier=qualifier, end=end, source=source, sentence=sentence, place=place,
                start=start)
    return ref(claim, article, end, outlet)


def test_a_running_total_that_falls_is_a_cumulative_decrease(num, ref) -> None:
    a = _total(num, ref, "At least 121 people", 121, "2024-06-14", "Harbour Post", "post-14",
               qualifier="at_least", source="WHO")
    b = _total(num, ref, "101 people", 101, "2024-06-16", "Amsel Courier", "courier-16")
    flag = compare(b, a)
    assert flag is not None and flag.type == "cumulative_decrease"
    assert flag.a.article == "post-14" and flag.b.article == "courier-16"  # earlier report first
    text = flag.explanation
    for part in ("WHO", "at least 121", "14 June", "101", "two days later", "Amsel Courier"):
        assert part in text


def test_a_running_total_that_grows_is_not_a_flag(num, ref) -> None:
    a = _total(num, ref, "at least nine people", 9, "2024-06-03", "Harbour Post", "p3", qualifier="at_least")
    b = _total(num, ref, "17 people", 17, "2024-06-05", "Amsel Courier", "c5")
    c = _total(num, ref, "more than 30 people", 30, "2024-06-09", "Harbour Post", "p9", qualifier="more_than")
    assert find_discrepancies([a, b, c]) == []


def test_intervals_not_numbers(num, ref) -> None:
    a = _total(num, ref, "more than 30 people", 30, "2024-06-05", "Harbour Post", "p5", qualifier="more_than")
    b = _total(num, ref, "at least 23 people", 23, "2024-06-08", "Amsel Courier", "c8", qualifier="at_least")
    assert compare(a, b) is None


def test_the_same_source_revising_its_toll_down_is_a_revision(num, ref) -> None:
    a = _total(num, ref, "347 people", 347, "2024-06-07", "Harbour Post", "p7", source="Coast Guard")
    b = _total(num, ref, "down to 289", 289, "2024-06-10", "Amsel Courier", "c10", source="the Coast Guard",
               sentence="The Coast Guard revised the toll down to 289 after finding names counted twice.")
    flag = compare(a, b)
    assert flag is not None and flag.type == "revision"
    assert "347" in flag.explanation and "289" in flag.explanation and "Coast Guard" in flag.explanation


def test_a_fall_without_a_stated_revision_stays_a_decrease(num, ref) -> None:
    a = _total(num, ref, "More than 400 people", 400, "2024-06-07", "Harbour Post", "p7",
               qualifier="more_than", source="Health Ministry")
    b = _total(num, ref, "352 people", 352, "2024-06-09", "Amsel Courier", "c9", source="Health Ministry")
    flag = compare(a, b)
    assert flag is not None and flag.type == "cumulative_decrease"


def test_same_day_counts_that_cannot_both_be_true_conflict(num, ref) -> None:
    a = ref(num("14 people", 14, scope="day", start="2024-06-04", end="2024-06-04", source="Petra Lund"),
            "p5", "2024-06-05", "Harbour Post")
    b = ref(num("At least 45 people", 45, qualifier="at_least", scope="day", start="2024-06-04",
                end="2024-06-04", source="Rebel spokesman"), "c5", "2024-06-05", "Amsel Courier")
    flag = compare(a, b)
    assert flag is not None and flag.type == "conflict"
    assert "14" in flag.explanation and "at least 45" in flag.explanation and "4 June" in flag.explanation


def test_day_counts_of_different_days_are_not_compared(num, ref) -> None:
    a = ref(num("14 people", 14, scope="day", start="2024-06-04", end="2024-06-04"), "p", "2024-06-05", "A")
    b = ref(num("45 people", 45, scope="day", start="2024-06-05", end="2024-06-05"), "c", "2024-06-06", "B")
    assert compare(a, b) is None


def test_a_point_in_time_count_may_fall(num, ref) -> None:
    a = ref(num("85 missing", 85, category="missing", scope="point", start="2024-06-03", end="2024-06-03"),
            "p", "2024-06-03", "A")
    b = ref(num("12 missing", 12, category="missing", scope="point", start="2024-06-06", end="2024-06-06"),
            "c", "2024-06-06", "B")
    assert compare(a, b) is None
    c = ref(num("fewer than 40", 40, qualifier="fewer_than", category="missing", scope="point",
                start="2024-06-03", end="2024-06-03"), "d", "2024-06-03", "C")
    flag = compare(a, c)
    assert flag is not None and flag.type == "conflict"


def test_within_one_article_headline_against_body(num, ref) -> None:
    head = num("12 dead", 12, end="2024-06-05", offset=0, sentence="Storm leaves 12 dead in Port Amsel")
    body = num("at least 20 people", 20, qualifier="at_least", end="2024-06-05", offset=300,
               sentence="At least 20 people have died since the storm struck on Saturday.")
    refs = [ref(head, "a1", "2024-06-05", "Harbour Post"), ref(body, "a1", "2024-06-05", "Harbour Post")]
    flags = find_discrepancies(refs)
    assert [f.type for f in flags] == ["conflict"]
    assert {flags[0].a.start, flags[0].b.start} == {0, 300}


def test_figures_listed_in_one_sentence_are_different_things(num, ref) -> None:
    s = "The storm has killed 174 people and 500 more since it began."
    a = num("174 people", 174, end="2024-06-05", sentence=s, offset=10)
    b = num("500 more", 500, end="2024-06-05", sentence=s, offset=40)
    assert find_discrepancies([ref(a, "x", "2024-06-05", "A"), ref(b, "x", "2024-06-05", "A")]) == []


def test_a_toll_that_grew_within_one_article_is_its_story_not_a_flag(num, ref) -> None:
    old = num("347", 347, end="2024-06-07", offset=10, sentence="On Friday the toll stood at 347.")
    new = num("389", 389, end="2024-06-10", offset=200, sentence="The toll has since risen to 389.")
    assert find_discrepancies([ref(old, "x", "2024-06-10", "A"), ref(new, "x", "2024-06-10", "A")]) == []


def test_a_lower_toll_against_the_older_one_it_restates_is_a_revision(num, ref) -> None:
    """Issue 9: a figure and a restatement of an older figure in one report: revision, not conflict."""
    old = num("the previous toll of 347", 347, end="2024-06-10", offset=10,
              sentence="Officials set aside the previous toll of 347.")
    new = num("289", 289, end="2024-06-10", offset=200, sentence="The toll now stands at 289.")
    flags = find_discrepancies([ref(old, "x", "2024-06-10", "A"), ref(new, "x", "2024-06-10", "A")])
    assert [f.type for f in flags] == ["revision"]


def test_the_same_words_credited_to_two_speakers(quote, ref) -> None:
    words = "will open at dawn on Friday and remain open for three days"
    a = ref(quote("Drask said", "Ilena Drask", words), "n14", "2024-06-04", "Northgate")
    b = ref(quote("Vantesh announced", "Aurel Vantesh", words), "m16", "2024-06-06", "Meridian")
    flag = compare(a, b)
    assert flag is not None and flag.type == "attribution_conflict"
    assert "Ilena Drask" in flag.explanation and "Aurel Vantesh" in flag.explanation


def test_words_credited_to_a_person_and_to_a_role_alone_are_no_conflict(quote, ref) -> None:
    words = "today we turned our sympathy for the valley into real help for its people"
    a = ref(quote("Roskvist said", "Elna Roskvist", words), "n14", "2024-06-04", "Northgate")
    for role in ("Varnia Prime Minister", "the prime minister of Varnia", "a senior official"):
        b = ref(quote(f"{role} said", role, words), "m16", "2024-06-04", "Meridian")
        assert compare(a, b) is None  # the role may be held by the person the other report names
    other = ref(quote("Prime Minister Aurel Vantesh said", "Aurel Vantesh", words), "m17", "2024-06-04",
                "Dispatch")
    assert compare(a, other).type == "attribution_conflict"


def test_rivals_using_a_common_phrase_are_not_an_attribution_conflict(quote, ref) -> None:
    a = ref(quote("Tolland said", "Marek Tolland", "They are shelling bread queues. They are shelling the "
                  "hospital road"), "e", "2024-06-04", "Eastwatch")
    b = ref(quote("Drask said", "Ilena Drask", "We will not sit at the same table as men who shell bread "
                  "queues"), "n", "2024-06-04", "Northgate")
    assert compare(a, b) is None


def test_the_same_figure_credited_to_two_bodies(num, ref) -> None:
    a = ref(num("about 1,500 fighters", 1500, qualifier="about", category="troops", scope="point",
                start="2024-06-04", end="2024-06-04", source="Marek Tolland"), "e", "2024-06-04", "Eastwatch")
    b = ref(num("1,500 rebel fighters", 1500, category="troops", scope="point", start="2024-06-08",
                end="2024-06-08", source="the army"), "m", "2024-06-08", "Meridian")
    flag = compare(a, b)
    assert flag is not None and flag.type == "attribution_conflict"
    c = ref(num("1,500 fighters", 1500, category="troops", scope="point", start="2024-06-08",
                end="2024-06-08", source="Tolland"), "g", "2024-06-08", "Dispatch")
    assert compare(a, c) is None  # the same body, spelled shorter


def test_a_drifting_quote_of_one_speaker(quote, ref) -> None:
    a = ref(quote("Orvell said", "Nadia Orvell", "Every flooded house is a family we have failed"),
            "m", "2024-06-03", "Meridian")
    b = ref(quote("she said", "Governor Nadia Orvell",
                  "Every flooded building is a family the state has failed"),
            "g", "2024-06-06", "Dispatch")
    flag = compare(a, b)
    assert flag is not None and flag.type == "quote_drift"
    assert ("delete", "house") in flag.diff and ("insert", "building") in flag.diff
    d = flag.to_dict()
    assert d["diff"] and d["type"] == "quote_drift"


def test_a_shorter_exact_excerpt_is_not_drift(quote, ref) -> None:
    a = ref(quote("Orvell said", "Nadia Orvell", "Every flooded house is a family we have failed. We will "
                  "rebuild"), "m", "2024-06-03", "Meridian")
    b = ref(quote("she said", "Nadia Orvell", "Every flooded house is a family we have failed"),
            "g", "2024-06-06", "Dispatch")
    assert compare(a, b) is None
    assert quote_similarity("a b c d e f g h i j k l m", "a b c d e f g h")[1]


def test_flag_key_is_stable_and_order_free(num, ref) -> None:
    a = _total(num, ref, "At least 121 people", 121, "2024-06-14", "Harbour Post", "p", qualifier="at_least")
    b = _total(num, ref, "101 people", 101, "2024-06-16", "Amsel Courier", "c")
    k1, k2 = compare(a, b).key, compare(b, a).key
    assert k1 == k2 and len(k1) == 16
    b2 = _total(num, ref, "101 people", 101, "2024-06-16", "Amsel Courier", "a-different-id")
    assert compare(a, b2).key == k1  # ids may change (saved or not); what was said does not


def test_to_dict_is_the_design_shape(num, ref) -> None:
    a = _total(num, ref, "At least 121 people", 121, "2024-06-14", "Harbour Post", "p", qualifier="at_least")
    b = _total(num, ref, "101 people", 101, "2024-06-16", "Amsel Courier", "c")
    d = compare(a, b).to_dict()
    assert set(d) == {"type", "metric", "a", "b", "explanation", "key"}
    assert set(d["a"]) == {"article", "span", "start", "end", "published"}
    assert d["metric"] == "killed · Port Amsel · since 2024-06-01"


def test_dismissed_flags_are_left_out(num, ref) -> None:
    a = _total(num, ref, "At least 121 people", 121, "2024-06-14", "Harbour Post", "p", qualifier="at_least")
    b = _total(num, ref, "101 people", 101, "2024-06-16", "Amsel Courier", "c")
    key = compare(a, b).key
    assert find_discrepancies([a, b]) and not find_discrepancies([a, b], dismissed={key: "checked"})


def test_one_story_at_two_scales_meets_for_the_same_moment(num, ref) -> None:
    valley = "Rescuers reached every village of the Varn valley in Kessel province on Friday."
    province = "The governor of Kessel province said the search in the Varn valley would go on."
    a = ref(num("At least 85 people", 85, qualifier="at_least", category="missing", scope="point",
                start="2024-06-07", end="2024-06-07", place="Varn valley"), "c", "2024-06-07", "Courier",
            text=valley)
    b = ref(num("fewer than 40 people", 40, qualifier="fewer_than", category="missing", scope="point",
                start="2024-06-07", end="2024-06-07", place="Kessel province"), "w", "2024-06-07", "Wire",
            text=province)
    flag = compare(a, b)
    assert flag is not None and flag.type == "conflict"
    elsewhere = ref(b.claim, "x", "2024-06-07", "Other", text="The governor spoke in the capital.")
    assert compare(a, elsewhere) is None  # the other report never names the valley


def test_a_town_and_its_country_running_totals_are_not_compared(num, ref) -> None:
    text = "Fighting around Tripoli, Libya's capital, has spread."
    town = ref(num("56 people", 56, end="2024-06-10", place="Tripoli"), "a", "2024-06-10", "A", text=text)
    country = ref(num("at least 200 people", 200, qualifier="at_least", end="2024-06-10", place="Libya"),
                  "b", "2024-06-10", "B", text=text)
    assert compare(town, country) is None


def test_one_bodys_running_total_stays_one_metric_across_place_names(num, ref) -> None:
    a = ref(num("347", 347, end="2024-06-07", place="Varn valley", source="Civil Protection Agency"),
            "c", "2024-06-07", "Courier")
    b = ref(num("289", 289, end="2024-06-10", place="Velmora", source="Civil Protection Agency",
                sentence="The Civil Protection Agency revised the toll down to 289."),
            "g", "2024-06-10", "Dispatch")
    flag = compare(a, b)
    assert flag is not None and flag.type == "revision"


def test_two_different_statements_of_one_speaker_are_not_drift(quote, ref) -> None:
    a = ref(quote("Ekdal said", "Jonas Ekdal", "We will not negotiate with the smugglers"),
            "m", "2024-06-03", "M")
    b = ref(quote("Ekdal said", "Jonas Ekdal", "We will not negotiate while the port burns"),
            "g", "2024-06-03", "G")
    assert compare(a, b) is None  # 81 % alike by characters, but about different things


def test_explanation_of_a_flag_in_the_checked_report_has_no_doubled_comma():
    from recount.claims.model import NumericClaim, TimeSpan
    from recount.compare.refs import Ref
    from recount.compare.rules import compare

    def ref(value, end, current):
        claim = NumericClaim(span=f"{value} people", start=0, end=9, sentence=f"{value} people died.",
                             value=value, lower=value, upper=value, category="killed",
                             time=TimeSpan("2025-03-01", end, "cumulative"), place="Ardenvale",
                             source="regional health office")
        return Ref(claim, "new" if current else "old", end, "Valley Post" if current else "Northline",
                   current=current)

    flag = compare(ref(40, "2025-03-03", False), ref(35, "2025-03-07", True))
    assert flag is not None and ",," not in flag.explanation and "(this report)" in flag.explanation


def test_words_of_a_body_and_of_the_person_who_heads_it_are_one_voice(ref) -> None:
    from recount.claims.model import AttributedClaim

    words = "the number of people fleeing the valley has now passed three quarters of a million"
    body = AttributedClaim(span="the United Nations said", start=0, end=23, sentence="…",
                           speaker="United Nations", speaker_role=None, verb="said", quote=words,
                           date="2024-06-04")
    head = AttributedClaim(span="Vos said", start=0, end=8, sentence="…", speaker="Anneke Vos",
                           speaker_role="chief of the UN's refugee arm", verb="said", quote=words,
                           date="2024-06-04")
    other = AttributedClaim(span="Tamm said", start=0, end=9, sentence="…", speaker="Rhea Tamm",
                            speaker_role="a Kessel border guard", verb="said", quote=words, date="2024-06-04")
    a = ref(body, "a", "2024-06-04", "Northgate")
    assert compare(a, ref(head, "b", "2024-06-04", "Meridian")) is None
    assert compare(a, ref(other, "c", "2024-06-04", "Dispatch")).type == "attribution_conflict"
