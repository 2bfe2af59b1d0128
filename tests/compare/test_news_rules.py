"""Rules from the realdev misreadings of 4 December 2026 (issue 9), each with sentences written
here about fictional places and people: margins, two reports of one day, roles and relayed
credits, reworded sentences of a longer quote, a body's recurring statements, and a drift
listed once per pair of wordings."""

from __future__ import annotations

from recount.claims.model import AttributedClaim
from recount.compare.credits import distinct_sources, named_beside
from recount.compare.figure_roles import margin
from recount.compare.fold import fold_flags
from recount.compare.names import is_body, names_match, same_family
from recount.compare.quotes import aligned_drift
from recount.compare.rules import compare
from recount.compare.scan import find_discrepancies


def _votes(num, span, value, sentence, **kw):
    return num(span, value, category="count", scope="day", start="2024-06-02", end="2024-06-02",
               place="Varnia", sentence=sentence, **kw)


# --- margins --------------------------------------------------------------------------------

def test_a_margin_in_words_is_not_a_tally(num, ref) -> None:
    gap = _votes(num, "52,000 votes", 52000, "Ilse Varga won by 52,000 votes, the commission said.")
    tally = _votes(num, "1,204,331 votes", 1204331, "Ilse Varga polled 1,204,331 votes, the commission said.")
    assert margin(ref(gap, "a", "2024-06-03", "One")) and not margin(ref(tally, "b", "2024-06-03", "Two"))
    pair = [ref(gap, "a", "2024-06-03", "One"), ref(tally, "b", "2024-06-03", "Two")]
    assert find_discrepancies(pair) == []
    lead = _votes(num, "about 3 points", 3, "Her lead of about 3 points held until dawn.")
    assert margin(ref(lead, "a", "2024-06-03", "One"))


def test_a_figure_that_is_the_difference_of_two_tallies_is_a_margin(num, ref) -> None:
    text = ("Ilse Varga beat Tomas Brandt in the June 2 vote with nearly 210,000 votes. "
            "Varga polled 1,204,331 votes against 998,412 for Brandt.")
    gap = _votes(num, "nearly 210,000 votes", 210000, text.split(". ")[0] + ".", qualifier="about")
    win = _votes(num, "1,204,331 votes", 1204331, text.split(". ")[1])
    lose = _votes(num, "998,412", 998412, text.split(". ")[1])
    own = [gap, win, lose]
    mine = ref(gap, "a", "2024-06-03", "One", siblings=lambda: own)
    assert margin(mine)  # 1,204,331 - 998,412 = 205,919, within "nearly 210,000"
    other = _votes(num, "998,412 votes", 998412, "Tomas Brandt received 998,412 votes.")
    assert find_discrepancies([mine, ref(other, "b", "2024-06-03", "Two")]) == []
    # without the two tallies beside it, the same words give a tally (compared as before)
    alone = ref(gap, "c", "2024-06-03", "Three", siblings=lambda: [gap])
    assert not margin(alone)


# --- two reports of one day -----------------------------------------------------------------

def test_two_reports_of_one_day_with_different_running_totals_are_not_a_conflict(num, ref) -> None:
    morning = num("€640 million", 6.4e8, category="money", start="2024-06-01", end="2024-06-05",
                  sentence="Gifts to rebuild the Varn bridge have reached €640 million.")
    night = num("€800 million", 8e8, category="money", start="2024-06-01", end="2024-06-05",
                source="the mayor", sentence="Gifts to rebuild the bridge hit €800 million, the mayor said.")
    pair = [ref(morning, "a", "2024-06-05", "One"), ref(night, "b", "2024-06-05", "Two")]
    assert find_discrepancies(pair) == []


def test_one_bodys_update_told_two_ways_the_same_day_is_still_a_conflict(num, ref) -> None:
    a = num("612 wounded", 612, category="wounded", end="2024-06-05", source="Health Agency of Varnia",
            sentence="The Health Agency of Varnia counted 612 wounded.")
    b = num("621 wounded", 621, category="wounded", end="2024-06-05", source="Varnian Health Agency",
            sentence="The Varnian Health Agency counted 621 wounded.")
    flags = find_discrepancies([ref(a, "a", "2024-06-05", "One"), ref(b, "b", "2024-06-05", "Two")])
    assert [f.type for f in flags] == ["conflict"]


def test_a_day_both_reports_look_back_on_is_settled(num, ref) -> None:
    a = num("48", 48, end="2024-06-03", sentence="By Monday the toll stood at 48.")
    b = num("44 dead", 44, end="2024-06-03", sentence="There were 44 dead on Monday.")
    flags = find_discrepancies([ref(a, "a", "2024-06-05", "One"), ref(b, "b", "2024-06-05", "Two")])
    assert [f.type for f in flags] == ["conflict"]


# --- credits --------------------------------------------------------------------------------

def test_a_role_alone_names_no_body() -> None:
    assert not distinct_sources("the director general", "Varnian Health Ministry", None)
    assert not distinct_sources("a spokesman", "Coastal Relief Society", None)
    assert distinct_sources("Finance Ministry", "World Lending Fund", None)


def test_a_figure_given_with_both_bodies_named_is_relayed_not_credited_twice(num, ref) -> None:
    relayed = num("more than 7,200", 7200, qualifier="more_than", category="missing", scope="point",
                  end="2024-06-05", source="Coastal Relief Society",
                  sentence="The Office for Relief Coordination (ORC), citing the Coastal Relief Society, "
                           "said more than 7,200 were still missing.")
    direct = num("more than 7,200 people", 7200, qualifier="more_than", category="missing", scope="point",
                 end="2024-06-05", source="Office for Relief Coordination (ORC)",
                 sentence="More than 7,200 people are still missing, the ORC said.")
    assert named_beside("Office for Relief Coordination (ORC)", relayed.sentence)
    head = "The count passed 750,000, Anneke Vos, who runs the UN's refugee arm, said."
    assert named_beside("United Nations", head)  # the body by its initials: its own head speaks for it
    assert not named_beside("United Nations", "The count passed 750,000, the Kessel Red Cross said.")
    pair = [ref(direct, "a", "2024-06-05", "One"), ref(relayed, "b", "2024-06-05", "Two")]
    assert find_discrepancies(pair) == []
    other = num("more than 7,200 people", 7200, qualifier="more_than", category="missing", scope="point",
                end="2024-06-05", source="Harbour Guild",
                sentence="More than 7,200 are missing, the Harbour Guild said.")
    flags = find_discrepancies([ref(other, "a", "2024-06-05", "One"), ref(direct, "b", "2024-06-05", "Two")])
    assert [f.type for f in flags] == ["attribution_conflict"]


# --- quotes ---------------------------------------------------------------------------------

def _said(span: str, speaker: str, quote: str, date: str | None = None, offset: int = 0) -> AttributedClaim:
    return AttributedClaim(span=span, start=offset, end=offset + len(span), sentence=f"{span} “{quote}”.",
                           speaker=speaker, speaker_role=None, verb="said", quote=quote, date=date)


def test_one_sentence_reworded_inside_a_longer_quote_is_a_drift(ref) -> None:
    a = _said("Drask told reporters", "Ilena Drask",
              "In the end, they wanted every tariff removed at once, and we could not accept that")
    b = _said("she explained", "Ilena Drask",
              "It was about tariffs. They wanted all tariffs to be removed at once, "
              "we could not accept that. But the door stays open")
    assert aligned_drift(a.quote or "", b.quote or "")
    flag = compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-04", "Meridian"))
    assert flag is not None and flag.type == "quote_drift"


def test_two_translations_of_one_sentence_are_a_drift(ref) -> None:
    a = _said("he said", "Piet Marov",
              "Tonight I give you my word: every house in this town will be standing again by spring",
              date="2024-06-03")
    b = _said("He added", "Piet Marov",
              "We should be proud of what the town built. "
              "So tonight I promise: by spring every house here will stand again")
    flag = compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-04", "Meridian"))
    assert flag is not None and flag.type == "quote_drift"
    c = _said("He added", "Piet Marov", "The town will hold a vote on the new budget in the autumn")
    assert compare(ref(a, "x", "2024-06-04", "Northgate"), ref(c, "y", "2024-06-04", "Meridian")) is None


def test_a_bodys_undated_statements_of_two_days_are_two_statements(ref) -> None:
    assert is_body("Office for Relief Coordination (ORC)") and is_body("ORC") and not is_body("Ilena Drask")
    a = _said("the ORC said", "Office for Relief Coordination (ORC)",
              "These figures will climb as rescue teams comb the flooded valley")
    b = _said("the office said", "Office for Relief Coordination (ORC)",
              "These figures will climb over the next few days as rescue teams comb the valley")
    assert compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-05", "Meridian")) is None
    flag = compare(ref(a, "x", "2024-06-05", "Northgate"), ref(b, "y", "2024-06-05", "Meridian"))
    assert flag is not None and flag.type == "quote_drift"


def test_a_drift_is_listed_once_per_pair_of_wordings(ref) -> None:
    full = _said("Drask said", "Ilena Drask",
                 "They wanted every tariff removed at once, and we could not accept that")
    reworded = _said("she explained", "Ilena Drask",
                     "They wanted all tariffs to be removed at once, we could not do that", offset=40)
    excerpt = _said("Drask said", "Ilena Drask", "wanted every tariff removed at once", offset=80)
    refs = [ref(full, "x", "2024-06-04", "Northgate"), ref(reworded, "y", "2024-06-04", "Meridian"),
            ref(excerpt, "z", "2024-06-05", "Eastport")]
    raw = find_discrepancies(refs)
    assert sorted((f.a.article, f.b.article) for f in raw) == [("x", "y"), ("y", "z")]
    kept = fold_flags(raw)
    assert [(f.a.article, f.b.article) for f in kept] == [("x", "y")]  # z repeats x's wording


# --- floors, gifts and family names --------------------------------------------------------

def test_a_lower_floor_after_a_revision_is_a_fall_but_a_partial_floor_is_not(num, ref) -> None:
    high = num("at least 8,400", 8400, qualifier="at_least", end="2024-06-05",
               source="Coastal Relief Society",
               sentence="The toll has risen to at least 8,400, the Coastal Relief Society said.")
    low = num("at least 2,960 people", 2960, qualifier="at_least", end="2024-06-06", source="Health Agency",
              sentence="At least 2,960 people have died, the Health Agency said.")
    text = low.sentence + " The revised figures were published on Thursday."
    pair = [ref(high, "a", "2024-06-05", "One"), ref(low, "b", "2024-06-06", "Two", text=text)]
    assert [f.type for f in find_discrepancies(pair)] == ["cumulative_decrease"]
    # no word of a revision: one body's "at least" is a partial count
    pair = [ref(high, "a", "2024-06-05", "One"), ref(low, "b", "2024-06-06", "Two", text=low.sentence)]
    assert find_discrepancies(pair) == []
    # a rounder later floor is the same count: "more than 150,000" after "151,272"
    acres = num("151,272 acres", 151272, category="area", end="2024-06-05",
                sentence="The fire covers 151,272 acres.")
    rounder = num("more than 150,000 acres", 150000, qualifier="more_than", category="area", end="2024-06-09",
                  sentence="The fire, now revised as contained, burnt more than 150,000 acres.")
    pair = [ref(acres, "a", "2024-06-05", "One"),
            ref(rounder, "b", "2024-06-09", "Two", text=rounder.sentence)]
    assert find_discrepancies(pair) == []


def _gift(num, span, value, source, sentence, *, qualifier="exact", scope="day", end="2024-06-04"):
    return num(span, value, qualifier=qualifier, category="money", scope=scope,
               start=end if scope == "day" else None, end=end, source=source, place="Varn bridge",
               sentence=sentence, unit="EUR")


def test_one_givers_sum_is_exact_and_one_act_whenever_it_is_reported(num, ref) -> None:
    exact = _gift(num, "€50m", 5e7, "Marie Tolland",
                  "Marie Tolland will give €50m to rebuild the Varn bridge.")
    more = _gift(num, "more than €50m", 5e7, "Marie Tolland", "Marie Tolland pledged more than €50m.",
                 qualifier="more_than", scope="unknown", end="2024-06-05")
    flags = find_discrepancies([ref(exact, "a", "2024-06-04", "One"), ref(more, "b", "2024-06-05", "Two")])
    assert [f.type for f in flags] == ["conflict"]
    # a running total of gifts keeps the bounds that touch: "more than €50m" after "€50m" is growth
    total = _gift(num, "€50m", 5e7, None, "Gifts from the public have reached €50m.", scope="cumulative")
    later = _gift(num, "more than €50m", 5e7, None, "Gifts from the public stood at more than €50m.",
                  qualifier="more_than", scope="cumulative", end="2024-06-05")
    pair = [ref(total, "a", "2024-06-04", "One"), ref(later, "b", "2024-06-05", "Two")]
    assert find_discrepancies(pair) == []


def test_one_gift_credited_to_two_people_of_one_family(num, ref) -> None:
    assert not names_match("Marie Tolland", "Jean-Marc Tolland")  # a compound given name is its own
    assert not names_match("Jean Tolland", "Jean-Marc Tolland")
    assert names_match("J. Tolland", "Jean-Marc Tolland")
    assert same_family("Jean Tolland", "Jean-Marc Tolland")
    assert not same_family("Tolland Group", "Jean Tolland")
    assert not same_family("Jean-Marc Tolland and Jean Tolland", "Jean Tolland")  # both credited
    son = _gift(num, "€50m", 5e7, "Jean-Marc Tolland",
                "Jean-Marc Tolland will donate €50m to the bridge fund.")
    father = _gift(num, "€50m", 5e7, "Jean Tolland", "The bridge gets €50m from the financier Jean Tolland.",
                   scope="unknown", end="2024-06-05")
    other = _gift(num, "€50m", 5e7, "Harbour Bank", "The bridge gets €50m from Harbour Bank.",
                  scope="unknown", end="2024-06-05")
    flags = find_discrepancies([ref(son, "a", "2024-06-04", "One"), ref(father, "b", "2024-06-05", "Two")])
    assert [f.type for f in flags] == ["attribution_conflict"]
    pair = [ref(son, "a", "2024-06-04", "One"), ref(other, "b", "2024-06-05", "Two")]
    assert find_discrepancies(pair) == []


def test_a_conflict_with_a_value_many_reports_repeat_is_set_against_the_first(num, ref) -> None:
    odd = _gift(num, "more than €50m", 5e7, "Marie Tolland", "Marie Tolland pledged more than €50m.",
                qualifier="more_than", end="2024-06-05")
    repeats = [_gift(num, "€50m", 5e7, "Marie Tolland", f"Marie Tolland will give €50m, the {w} says.",
                     end=day)
               for w, day in (("mayor", "2024-06-05"), ("council", "2024-06-06"), ("fund", "2024-06-07"))]
    refs = [ref(odd, "odd", "2024-06-05", "One"),
            *(ref(c, f"r{i}", c.time.end, f"Outlet {i}") for i, c in enumerate(repeats))]
    raw = find_discrepancies(refs)
    assert len(raw) == 3 and {f.type for f in raw} == {"conflict"}
    assert [(f.a.article, f.b.article) for f in fold_flags(raw)] == [("odd", "r0")]


def test_a_figure_credited_twice_is_set_against_the_reports_of_the_first_day_it_was_published(num, ref):
    # the first report speaks of the day before: publication orders them, not the day spoken of
    son = _gift(num, "€50m", 5e7, "Jean-Marc Tolland", "Jean-Marc Tolland pledged €50m on Monday.",
                end="2024-06-03")
    son_again = _gift(num, "€50m", 5e7, "Jean-Marc Tolland",
                      "Jean-Marc Tolland will give €50m, the fund says.")
    father = _gift(num, "€50m", 5e7, "Jean Tolland", "The bridge gets €50m from the financier Jean Tolland.",
                   scope="unknown", end="2024-06-05")
    refs = [ref(son, "a", "2024-06-04", "One"), ref(son_again, "b", "2024-06-04", "Two"),
            ref(father, "c", "2024-06-05", "Three")]
    kept = fold_flags(find_discrepancies(refs))
    assert sorted((f.type, f.a.article, f.b.article) for f in kept) == [
        ("attribution_conflict", "a", "c"), ("attribution_conflict", "b", "c")]


def test_a_currency_code_written_into_the_digits_is_the_unit(num, ref) -> None:
    from recount.wording import unit_of

    coded = num("EUR50 million", 5e7, category="money", scope="day", end="2024-06-04", source="Marie Tolland",
                sentence="Marie Tolland will donate EUR50 million.")
    sign = num("more than €50m", 5e7, qualifier="more_than", category="money", scope="day", end="2024-06-04",
               source="Marie Tolland", sentence="Marie Tolland pledged more than €50m.")
    assert unit_of(coded) == unit_of(sign) == "EUR"
    flags = find_discrepancies([ref(coded, "a", "2024-06-04", "One"), ref(sign, "b", "2024-06-04", "Two")])
    assert [f.type for f in flags] == ["conflict"]


def test_a_long_quote_transcribed_twice_with_a_plural_changed_is_no_drift(ref) -> None:
    text = ("I thank the people of Varnia who queued for hours to vote in the regional election on Sunday, "
            "and I ask them to stay calm while the count goes on")
    a = _said("Drask said", "Ilena Drask", text)
    b = _said("she said", "Ilena Drask", text.replace("regional election", "regional elections")
              .replace(" while the count goes on", ""))
    assert compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-04", "Meridian")) is None
    c = _said("she said", "Ilena Drask", text.replace("stay calm", "stay at home"))
    flag = compare(ref(a, "x", "2024-06-04", "Northgate"), ref(c, "y", "2024-06-04", "Meridian"))
    assert flag is not None and flag.type == "quote_drift"


def test_stored_flags_and_a_rescan_agree_on_the_new_rules(tmp_path, num) -> None:
    """The library-wide scan's cheap look (pair_filter) lets through every pair these rules
    flag: a floor far below after a revision, and a drift found sentence by sentence."""
    import sqlite3

    from recount.claims.model import Article
    from recount.compare.stored import flags_within, listed_flags, rescan
    from recount.library.store import Library

    def story(conn: sqlite3.Connection, article_id: int) -> None:
        row = conn.execute("SELECT id FROM stories WHERE title = 'flood'").fetchone()
        sid = row[0] if row else conn.execute("INSERT INTO stories (title) VALUES ('flood')").lastrowid
        conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (sid, article_id))

    def add(lib, n, day, text, claims):
        for c in claims:
            c.start = text.index(c.span)
            c.end = c.start + len(c.span)
        article = Article(text=text, published=day, outlet=f"Outlet {n}", id=f"r{n}")
        lib.add_article(article, claims, within=flags_within(lib, story))

    high_text = "The toll has risen to at least 8,400, the Coastal Relief Society said."
    low_text = "At least 2,960 people have died, the Health Agency said. The revised figures came Thursday."
    high = num("at least 8,400", 8400, qualifier="at_least", end="2024-06-05",
               source="Coastal Relief Society", sentence=high_text)
    low = num("At least 2,960 people", 2960, qualifier="at_least", end="2024-06-06",
              source="Health Agency", sentence=low_text.split(". ")[0] + ".")
    q1 = "In the end, they wanted every tariff removed at once, and we could not accept that"
    q2 = ("It was about tariffs. They wanted all tariffs to be removed at once, we could not accept that. "
          "But the door stays open")
    said1 = _said("Drask told reporters", "Ilena Drask", q1)
    said2 = _said("she explained", "Ilena Drask", q2)
    with Library.open(tmp_path / "lib.db") as lib:
        add(lib, 1, "2024-06-05", f"{high_text} Drask told reporters “{q1}”.", [high, said1])
        add(lib, 2, "2024-06-06", f"{low_text} She spoke too: she explained “{q2}”.", [low, said2])
        stored = sorted((f.type, f.key) for f in listed_flags(lib))
        assert [t for t, _k in stored] == ["cumulative_decrease", "quote_drift"]
        assert rescan(lib)
        assert sorted((f.type, f.key) for f in listed_flags(lib)) == stored


# --- one kind of body of two places ---------------------------------------------------------

def test_one_kind_of_body_of_two_places_gives_two_places_figures(num, ref) -> None:
    north = num("412", 412, start=None, end="2024-08-05", place="Varnia", source="the Kessel relief office",
                sentence="The Kessel relief office reports 412 deaths since the rains began.", offset=10)
    south = num("265", 265, start=None, end="2024-08-05", place="Varnia", source="the Ostia relief office",
                sentence="The Ostia relief office has counted 265 deaths.", offset=90)
    own = [north, south]
    pair = [ref(c, "a", "2024-08-05", "One", siblings=lambda: own) for c in own]
    assert find_discrepancies(pair) == []  # each office counts its own province
    apart = [ref(north, "a", "2024-08-05", "One"), ref(south, "b", "2024-08-05", "Two")]
    assert find_discrepancies(apart) == []  # in two reports as in one


def test_two_branches_of_one_government_are_not_two_places(num, ref) -> None:
    health = num("412", 412, start=None, end="2024-08-05", place="Varnia", source="the Health Ministry",
                 sentence="The Health Ministry reports 412 deaths since the rains began.")
    interior = num("265", 265, start=None, end="2024-08-05", place="Varnia", source="the Interior Ministry",
                   sentence="The Interior Ministry has counted 265 deaths since the rains began.", offset=90)
    own = [health, interior]
    pair = [ref(c, "a", "2024-08-05", "One", siblings=lambda: own) for c in own]
    assert [f.type for f in find_discrepancies(pair)] == ["conflict"]


def test_one_body_giving_two_figures_for_one_moment_in_one_report_is_still_a_conflict(num, ref) -> None:
    lead = num("412", 412, start=None, end="2024-08-05", place="Varnia", source="the relief office",
               sentence="The relief office puts the toll at 412.", offset=10)
    later = num("380", 380, start=None, end="2024-08-05", place="Varnia", source="the relief office",
                sentence="The toll stands at 380, the relief office said.", offset=90)
    own = [lead, later]
    pair = [ref(c, "a", "2024-08-05", "One", siblings=lambda: own) for c in own]
    assert [f.type for f in find_discrepancies(pair)] == ["conflict"]
