"""News wording beyond the corpus: nearest figure for a time phrase, estimates ("put ... at"),
road names as places, dotted abbreviations in sources, verdict verbs, figures in quotes.
All sentences are written for these tests."""

from __future__ import annotations

from recount.claims import extract
from recount.claims.model import AttributedClaim, NumericClaim

PUB = "2025-06-10"  # a Tuesday


def _numeric(text: str) -> dict[float, NumericClaim]:
    return {c.value: c for c in extract(text, PUB) if isinstance(c, NumericClaim)}


def _attributed(text: str) -> list[AttributedClaim]:
    return [c for c in extract(text, PUB) if isinstance(c, AttributedClaim)]


def test_time_phrase_goes_to_the_figure_it_is_compared_with():
    text = ("More than 1,200 firefighters were now assigned to the blaze, up from about 800 on Monday, "
            "the fire service said.")
    got = _numeric(text)
    assert got[800].time.scope == "day" and got[800].time.start == "2025-06-09"
    assert got[1200].time.scope == "point" and got[1200].time.start == PUB


def test_compared_with_figure_keeps_its_own_day():
    got = _numeric("The toll rose to 45, compared with 30 on Sunday, officials said.")
    assert got[30].time.end == "2025-06-08"
    assert got[45].time.end == PUB


def test_day_after_a_single_figure_still_dates_it():
    got = _numeric("Police arrested 212 people on Sunday, the ministry said.")
    assert got[212].time.scope == "day" and got[212].time.start == "2025-06-08"


def test_put_at_makes_an_estimate_with_its_source():
    text = ("Thousands marched through the capital on Saturday. Police put the crowd at about 15,000, "
            "while organisers said 40,000 people took part.")
    got = _numeric(text)
    assert got[15000].source == "Police"
    assert got[40000].source == "organisers"
    assert any(c.verb == "put" and c.speaker == "Police" for c in _attributed(text))


def test_put_as_an_act_is_not_an_attribution():
    text = "Workers put up tents for 300 families near the stadium."
    assert not _attributed(text)
    assert _numeric(text)[300].source is None


def test_road_name_is_a_place_and_its_number_no_claim():
    got = _numeric("Two people were killed when a truck overturned near Route 9 in northern Calder, "
                   "officials said.")
    assert set(got) == {2}
    assert got[2].place == "Route 9"


def test_dotted_abbreviation_stays_in_the_source_name():
    text = "At least 30 people have been detained, according to the U.N. human rights office."
    assert _numeric(text)[30].source == "U.N. human rights office"
    [claim] = _attributed(text)
    assert claim.speaker == "U.N. human rights office"
    assert claim.span == "according to the U.N. human rights office"


def test_abbreviation_before_a_new_clause_ends_the_name():
    text = "At least 30 people were detained, according to the U.N. Another 12 fled to the hills."
    [claim] = _attributed(text)
    assert claim.span == "according to the U.N."


def test_title_abbreviation_in_a_source():
    [claim] = _attributed("Prices rose 4 percent, according to Dr. Ames of the central bank.")
    assert "Ames" in claim.speaker


def test_verdict_verbs_attribute_words():
    text = ("Governor Maria Ostrand declared that the state would send more officers. "
            "Mayor Tom Reyes called the arrests a disgrace. Ostrand dismissed the criticism as politics. "
            "The Interior Ministry rejected the report.")
    got = {(c.speaker, c.verb) for c in _attributed(text)}
    assert ("Maria Ostrand", "declared") in got
    assert ("Tom Reyes", "called") in got
    assert ("Maria Ostrand", "dismissed") in got
    assert ("Interior Ministry", "rejected") in got


def test_same_verbs_as_acts_are_not_attributions():
    text = ("The army called in 200 reservists. The firm dismissed 30 workers on Friday. "
            "She described the scene to her family.")
    assert not _attributed(text)


def test_verdict_followed_by_saying_stays_one_claim():
    text = 'The government has rejected the criticism, saying the figures were "exaggerated".'
    [claim] = _attributed(text)
    assert claim.verb == "saying"


def test_hypothetical_figure_in_a_quote_is_not_a_claim():
    text = ('"They can arrest a thousand of us, but we will keep coming back," said protester Lena Marsh. '
            "Police said 212 people were arrested on Sunday.")
    assert set(_numeric(text)) == {212}
    speakers = {c.speaker: c for c in _attributed(text)}
    assert speakers["Lena Marsh"].speaker_role == "protester"


def test_promise_and_figure_of_speech_in_quotes_are_not_claims():
    text = ('"We will rebuild 300 homes by June," the mayor said. '
            '"I have asked a thousand times for help," one resident said.')
    assert _numeric(text) == {}


def test_quoted_report_of_what_happened_stays_a_claim():
    text = ('"We have buried 40 people since Friday," said the imam. '
            '"Five hundred families live in this camp," a volunteer said.')
    got = _numeric(text)
    assert set(got) == {40, 500}
    assert got[40].source == "imam"
