"""The words that tell what a figure counts, in one place: the phrases of each category, the
qualifiers before a figure, the verbs of change or state that lead one, and the frames that
name a tally or a part of it. categories.py reads them; numeric.py and time_words.py read
some of them through it."""

from __future__ import annotations

import re

from recount.claims.retrie import fast

# The wording that qualifies a figure right before it ("at least", "more than", "about" ...): one
# alternation for every pattern that looks back past it (numbers.py reads what each one means)
QUALIFIER = (r"(?:(?:at\s+least|more\s+than|over|nearly|about|around|almost|some|roughly|as\s+many\s+as|"
             r"an\s+estimated)\s+)?")

# Where a place's size is told, not a tally: "a city of 2 million", "Kessel, a metropolis of some 4
# million people", "home to 100,000", "the pre-war population"
POPULATION = fast(r"\b(?:population|inhabitants|pre-war|before\s+the\s+(?:war|conflict|fighting)|"
                  r"home\s+to)\b|"
                  r"\b(?:nation|country|island|state|city|town|metropolis|megacity|capital|province|region|"
                  r"village|district)\s+of\s+(?:some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+|"
                  r"over\s+)?$", re.IGNORECASE)

# Verb/noun phrases -> category. Used after the number (same clause) and before it.
KILLED = (r"kills|killed|killing|dead|died|die|dying|deaths?|death\s+toll|fatalities|fatally|drowned|"
           r"perished|"
           r"lost\s+their\s+lives|lives\s+(?:were\s+)?lost|bodies|shot\s+dead|murdered|massacred|executed|"
           r"slain|toll|(?:took|taken|claimed|cost)\s+the\s+lives|succumbed|succumbing|succumbs|"
           r"f[ae]ll(?:ing|en)?\s+victims?")
WOUNDED = (r"wounded|wounding|injured|injuring|injuries|hurt|hurting|treated|hospitali[sz]ed|"
            r"(?<=were\s)shot(?!\s+(?:dead|down|and\s+killed))|"
            r"(?:remained|remain|remains|still)\s+in\s+hospital|admitted\s+to\s+(?:\w+\s+)?hospitals?|"
            r"in\s+(?:a\s+)?(?:critical|serious)\s+condition")
DISPLACED = (r"displaced|displacing|fled|flee|fleeing|refugees|homeless|uprooted|left|leave|leaving|"
              r"(?:forced|driven|chased|evicted)\s+(?:from|out\s+of)\s+their\s+homes|from\s+their\s+homes|lost\s+their\s+homes|left\s+their\s+homes|"
              r"left\s+the\s+(?:city|town|area|region|country)|"
              r"(?:living|sleeping|staying)\s+in\s+(?:tents|camps|shelters)|"
              r"(?:still\s+)?in\s+(?:emergency\s+|temporary\s+|evacuation\s+)?shelters|spent\s+[\w\s]{0,20}?outdoors|"
              r"sleeping\s+outdoors|unsafe\s+to\s+return|seeking\s+(?:refuge|shelter)|(?:took|taken)\s+refuge|"
              r"sheltering")
# (trapped under rubble or underground: a collapse's or a mine's missing, not people kept in a city)
MISSING = (r"missing|unaccounted\s+for|(?<=still\s)trapped(?!\s+(?:in|inside|at|behind|on|by)\b)|"
            r"trapped\s+(?:underground|under(?:neath)?\s+(?:the\s+)?"
            r"(?:rubble|debris)|beneath\s+(?:the\s+)?(?:rubble|debris)|in\s+the\s+(?:rubble|debris|mine|wreckage))")
ARRESTED = (r"arrested|arresting|under\s+arrest|detained|detaining|jailed|arrests|detentions|"
             r"taken\s+into\s+custody|(?:are|were|is|was|remain\w*)\s+in\s+(?:police\s+)?custody|"
             r"rounded\s+up")
EVACUATED = (r"evacuated|evacuees|evacuations|evacuation\s+of|crossed(?!\s*$)|made\s+the\s+crossing|"
              r"pass(?:ed)?\s+through|"
              r"bused\s+out|airlifted|(?:ordered|told|urged)\s+to\s+evacuate|under\s+(?:mandatory\s+)?evacuation\s+orders?")
CASUALTIES = r"casualties|killed\s+or\s+(?:wounded|injured)|dead\s+(?:and|or)\s+(?:wounded|injured)"

# A figure led by a verb of change or state: "the toll has soared to", "climbed to at least",
# "stood at", "exceeds", "was reduced to", "is now". The one list of these verbs: the
# numeric engine reads the same pattern for a running total's scope.
CHANGE_VERBS = (
    r"rose|rises|risen|rising|soared|soars|soaring|climbed|climbs|climbing|jumped|jumps|increased|increases|"
    r"reached|reaches|stood|stands|exceeds?|exceeded|passed|passes|topped|tops|surpassed|surpasses|"
    r"hit|hits|dropped|drops|fell|falls|fallen|declined|declines|reduced|revised(?:\s+(?:up|down)(?:wards?)?)?|"
    r"lowered|raised|cut|slashed|trimmed|upped|swelled|swells|swollen|grew|grows|grown|culled|shrank|shrunk|increased|went\s+up|"
    r"went\s+down|down|now|put|puts|placed|climb|rise|reach|exceed"
)
CHANGE_TO = fast(rf"\b(?:{CHANGE_VERBS})\s+(?:(?:sharply|further|again|steadily|dramatically|significantly|"
                 rf"slightly|rapidly|quickly|steeply)\s+)?(?:to\s+|at\s+|from\s+)?{QUALIFIER}$",
                 re.IGNORECASE)

# a part of a figure told after it: "41 of the 160 dead were women", "12 of the 40 injured are children"
PART_OF_FIGURE = fast(r"^\s+of\s+(?:the|those)\s+[\d,]+\s+(?P<what>[a-z ]{3,25}?)\s+(?:were|are)\s+"
                       r"(?:(?:small|young|elderly|foreign)\s+)?(?P<noun>women|men|children|[a-z]{3,}s)\b",
                       re.IGNORECASE)
# what the part was: "Of the 70 victims, 22 were children"
WERE_GROUP = fast(r"^\s+(?:were|are)\s+(?:(?:young|small|elderly|foreign)\s+)?(children|women|men|"
                   r"foreigners|tourists|students|pupils|soldiers|police\s+officers|civilians)\b",
                   re.IGNORECASE)
# "put the death toll from the collapse of the old market as 61": what a tally was put at
PUT_AT = fast(r"\b(?:put|puts|putting|placed|places|placing|set|sets|setting|estimated|estimates|gave|"
               r"gives)\s+"
               r"(?P<what>(?:the|its|their|a)\s+[^,;.\d]{3,80}?)\s+(?:at|as)\s+" + QUALIFIER + r"$",
               re.IGNORECASE)
# Events and things a casualty verb may follow without being what it counts: "31 raids killed civilians"
THING_NOUNS = frozenset(
    "attacks strikes airstrikes raids bombings blasts explosions incidents shells rockets missiles bombs "
    "drones shots trains vehicles cars buses trucks planes boats ships buildings homes houses schools "
    "hospitals mosques churches investigations cases operations clashes battles assaults offensives "
    "ambushes shootings crashes accidents floods storms fires quakes earthquakes landslides".split()
)
