"""How wide a figure's place is: the whole ("nationwide"), a whole whose part names its place
(", including 42,000 in the capital"), an area within a named place ("21,350 acres of Coldwater
National Forest"). places.py asks these while it relates a figure to the places around it."""

from __future__ import annotations

from recount.claims.countries import COUNTRIES
from recount.claims.retrie import rx

# a whole followed by its part's place: ", including 42,000 in the capital", ", among them 40 in Kessel"
WHOLE_OF_PART = r",\s+(?:including|among\s+them)\s+(?:[\w,.-]+\s+){1,4}?in\s+(?:the\s+)?(?:capital\b|[A-Z])"
# an area burned or flooded within a named place: "into 21,350 acres of Coldwater National Forest"
AREA_OF = (r"\s*(?:acres|hectares|square\s+(?:miles|kilometres|kilometers)|km2|sq\s+km)\s+of\s+(?:the\s+)?"
            r"((?:[A-Z][\w'\u2019-]*\s+){0,4}(?:Forest|Park|Reserve|County|Valley|Province|District|Region|State|"
            r"Wilderness|Mountains?))\b")
# where people fleeing went: "1.2 million refugees from Velmora have fled to Ostland" count Ostland's arrivals
DESTINATION = (r"\s+(?:[\w-]+\s+){0,4}?(?:have\s+|had\s+|has\s+)?(?:fled|crossed|arrived|escaped)\s+"
               r"(?:in)?to\s+(?:neighbouring\s+|neighboring\s+)?(?P<place>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)")
# the rest of a place, not the place: "while 14 died in other districts of Tamar", "12 elsewhere in Varnia"
REST_OF = (r"\s+(?:[\w-]+\s+){0,3}?(?:in\s+)?(?P<rest>(?:the\s+)?(?:other|remaining)\s+(?:parts?|areas?|"
           r"districts?|regions?|provinces?|cities|towns)\s+of|elsewhere\s+in|the\s+rest\s+of)\s+(?:the\s+)?"
           r"(?P<place>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)")
# where the victims are taken is no story's site: its figures are the hospital's, not the story's
CARE_SITE = r"\b(?:[Hh]ospital|[Mm]edical\s+[Cc]ent(?:re|er)|[Cc]linic|[Mm]orgue|[Ii]nfirmary)\b"
PART_CUE = r"\b(?:including|among\s+them|of\s+(?:them|whom))\b"
# "the statewide death toll", "nationwide": the figure is the whole's, not the place of its part
WHOLE = (r"\b(?:statewide|state-wide|nationwide|countrywide|across\s+the\s+(?:state|country))\b")
_DIRECTION_WORD = (r"^(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Cc]entral|[Nn]orthern|[Ss]outhern|[Ee]astern|"
                       r"[Ww]estern)(?:-?(?:east|west)(?:ern)?)?\s+")


def widest(cands: list[tuple[int, str, int]]) -> str | None:
    """The country among the places, else a region without its direction ("Southern Arlen" is in Arlen)."""
    for c in cands:
        if c[1] in COUNTRIES:
            return c[1]
    for c in cands:
        m = rx(_DIRECTION_WORD).match(c[1])
        if m:
            return c[1][m.end() :]
    return None
