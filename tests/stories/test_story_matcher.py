"""The story matcher on sentences written for these tests: features, scores, placements, titles."""

from __future__ import annotations

from recount.stories.features import features_of, word_stem
from recount.stories.matcher import JOIN, Placement, Profile, date_factor, place, score
from recount.stories.titles import make_title


def test_names_are_capitalised_words_that_do_not_only_open_sentences():
    f = features_of("Rescuers reached Varnessa on Monday. Rescuers said the Sallow river rose. "
                    "Governor Ilse Marrow thanked them.")
    assert {"n:varnessa", "n:sallow", "n:ilse", "n:marrow", "p:ilse marrow"} <= set(f.terms)
    assert "n:rescuers" not in f.terms  # only ever opens a sentence
    assert "n:monday" not in f.terms and "w:monday" not in f.terms  # a weekday names nobody
    assert "n:governor" not in f.terms  # a title before a name


def test_a_sentence_opener_is_a_name_when_the_text_also_capitalises_it_mid_sentence():
    f = features_of("Brennick disputed the count. Supporters of Brennick gathered outside.")
    assert "n:brennick" in f.terms


def test_title_case_headlines_do_not_make_every_word_a_name():
    f = features_of("The dam near Varnessa broke in the night.", title="Floodwater Cuts Off Varnessa")
    assert "n:varnessa" in f.terms
    assert "n:floodwater" not in f.terms and "w:floodwater" in f.terms


def test_demonyms_fold_to_the_place_and_possessives_are_dropped():
    a = features_of("The Quorvian army moved north, officials in the capital said.")
    b = features_of("Troops left the capital of Quorvia's north, a spokesman said.")
    assert "n:quorvia" in a.terms and "n:quorvia" in b.terms


def test_spelling_variants_of_a_name_share_a_skeleton():
    a = features_of("Forces loyal to Haftar advanced, residents said.")
    b = features_of("Forces loyal to Hifter advanced, residents said.")
    shared = set(a.terms) & set(b.terms)
    assert any(t.startswith("k:") for t in shared)


def test_event_words_fold_to_one_stem_and_common_words_are_dropped():
    assert word_stem("floods") == word_stem("flooding") == word_stem("flooded") == "flood"
    assert word_stem("said") is None and word_stem("the") is None and word_stem("2025") is None


def test_generic_news_words_weigh_less_than_the_events_own_words():
    f = features_of("The toll rose after the dam burst, officials said; the dam had cracked.")
    assert f.terms["w:toll"] < f.terms["w:dam"]


def test_the_title_and_lead_count_more_than_the_body():
    body = "Filler sentence here. " * 40
    f = features_of(f"The reservoir was low. {body} A barge sank.", title="Reservoir warning")
    assert f.terms["w:" + word_stem("reservoir")] > f.terms["w:" + word_stem("barge")]


def _profile(story_id: int, f, size: int = 1, first: str | None = None, last: str | None = None) -> Profile:
    return Profile(story_id, size, first, last, f"story {story_id}", {t: size for t in f.terms})


FLOOD = ("The Sallow river burst its banks in Varnessa, Keldor province, and Governor Ilse Marrow "
         "ordered boats to the lower town.")
COUNT = ("The Quorvian Electoral Commission said Tomas Averin led Lida Brennick as the count of "
         "ballots went on in the Teller district.")


def test_a_report_joins_the_story_it_shares_names_and_words_with():
    flood, count = features_of(FLOOD, published="2025-09-11"), features_of(COUNT, published="2025-09-11")
    new = features_of("Boats from Port Devin reached Varnessa as the Sallow fell; Ilse Marrow said the "
                      "lower town was still under water.", published="2025-09-13")
    docs = {t: 1 for t in [*flood.terms, *count.terms]}
    placed = place(new, [_profile(1, flood), _profile(2, count)], docs, 2)
    assert placed.story_id == 1
    assert placed.score >= JOIN and placed.runner_up < placed.score
    assert "n:varnessa" in placed.shared


def test_a_report_that_shares_only_generic_words_starts_a_new_story():
    flood = features_of(FLOOD, published="2025-09-11")
    other = features_of("At least 12 people were killed and officials said the toll would rise, "
                        "according to the Ostvik health ministry.", published="2025-09-12")
    placed = place(other, [_profile(1, flood)], {t: 1 for t in flood.terms}, 1)
    assert placed.story_id is None and placed.confidence == "new"


def test_dates_far_apart_keep_the_same_place_in_two_stories():
    assert date_factor("2025-09-14", "2025-09-11", "2025-09-16") == 1.0
    assert date_factor("2025-10-20", "2025-09-11", "2025-09-16") < 0.5
    assert date_factor("2029-05-02", "2025-09-11", "2025-09-16") < 0.01
    assert date_factor(None, "2025-09-11", "2025-09-16") == 1.0
    flood = features_of(FLOOD, published="2025-09-11")
    later = features_of(FLOOD, published="2029-05-02")
    value, _ = score(later, _profile(1, flood, first="2025-09-11", last="2025-09-11"), {}, 1)
    assert value < JOIN


def test_confidence_reads_the_score_and_the_gap_to_the_next_story():
    assert Placement(3, 0.4, 0.05).confidence == "sure"
    assert Placement(3, 0.12, 0.07).confidence == "likely"
    assert Placement(3, 0.10, 0.09).confidence == "unsure"
    assert Placement(None, 0.01).confidence == "new"


def test_titles_prefer_a_shared_phrase_and_give_the_month():
    held = {"p:ilse marrow": (3, 2.0), "n:ilse": (3, 5.0), "n:marrow": (3, 6.0), "n:varnessa": (3, 7.0),
            "w:flood": (3, 4.0), "w:boat": (1, 9.0)}
    labels = {"p:ilse marrow": "Ilse Marrow", "n:varnessa": "Varnessa", "w:flood": "flood", "w:boat": "boats"}
    title = make_title(held, labels, "2025-09-11")
    assert title.endswith("(September 2025)")
    assert "Ilse Marrow" in title and "Varnessa" in title and ": flood" in title
    assert make_title({}, {}, None) == "Untitled story"


def test_two_events_of_one_day_that_share_a_source_stay_apart():
    """A new story's first report names a place the other story's headlines never give: sharing
    the relief agency and the casualty words is not enough to join it."""
    flood = features_of("The Red Lantern Society said 40 people were killed when the Sallow river flooded "
                        "Varnessa. Red Lantern Society teams handed out blankets, a spokesman said.",
                        title="Floods in Varnessa", published="2025-09-11")
    quake = features_of("An earthquake shook Dernholt on Thursday, killing 12 people, the Red Lantern "
                        "Society said. Mayor Oskar Venn said the old grain market and two schools in "
                        "the Harbek quarter had collapsed. Seismologists at the Lindqvist Observatory "
                        "measured the tremor at magnitude 6.1 and warned of aftershocks along the "
                        "Morrow fault. Dernholt's hospital treated 80 injured.",
                        title="Earthquake hits Dernholt", published="2025-09-11")
    assert quake.title_names == ("n:dernholt",)
    docs = {t: 1 for t in flood.terms}
    assert place(quake, [_profile(1, flood)], docs, 1).story_id is None
    untitled = features_of("An earthquake shook Dernholt on Thursday, killing 12 people, the "
                           "Red Lantern Society said.", published="2025-09-11")
    assert untitled.title_names == ()


def test_title_names_no_country_adjective_and_no_holiday():
    held = {"n:libyan": (6, 9.0), "n:easter": (5, 8.0), "n:amrel": (5, 7.0), "w:floods": (5, 4.0)}
    labels = {"n:libyan": "Libyan", "n:easter": "Easter", "n:amrel": "Amrel", "w:floods": "floods"}
    assert make_title(held, labels, "2025-09-11") == "Amrel: floods (September 2025)"


def test_the_outlet_in_a_dateline_is_not_a_name_of_the_story():
    from recount.stories.features import features_of

    text = ("ARDENVALE, March 7 (Valley Post) - The regional health office said on Friday that 35 people "
            "have been killed in flooding in Ardenvale since Saturday.")
    terms = set(features_of(text, "Ardenvale counts its dead", "2025-03-07").terms)
    assert not any("post" in t or "valley" in t for t in terms) and "n:ardenvale" in terms
