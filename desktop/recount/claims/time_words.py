"""The words of time in news copy: the patterns the time pass (timing.py) reads.

Compiled plainly (not retrie.fast): each is tried on a short window at a known place, where a
first-character lookahead saves nothing and its second parse costs import time.

One vocabulary per idea: an event's onset verbs, verbs of a vote, a pledge, a running total's
"so far", "by <date>", "as of", a change "by" some amount. Kept apart from the logic so that
each list has one home and the logic reads as rules.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

from recount.claims.categories import POPULATION, QUALIFIER  # noqa: F401  (POPULATION: read here by timing)
from recount.claims.cues import REPORTING_VERBS, SAID_WORDS
from recount.claims.retrie import fast, trie

STORY_WINDOW = timedelta(days=60)  # a running total's start is recent; older dates are history
LOOK_BACK = 4  # sentences of the same paragraph searched for a figure's date or place

@cache
def report_verb() -> re.Pattern[str]:
    """A cue word and at most 40 characters (no stop, no digit) before a date: "the ministry said
    on Sunday". The words are cues.SAID_WORDS; compiled on first use, searched in C."""
    return fast(r"\b(?:" + trie(SAID_WORDS) + r")\b[^.;\d]{0,40}$", re.IGNORECASE)
TOLL_BEFORE = fast(
    r"\b(?:toll|tally|total|number\s+of\s+(?:people|dead|deaths|victims|casualties))\b|"
    r"\b(?:rose|risen|climbed|jumped|increased|reached|climbing|rising|revised\b[^.]{0,40}?\bdown)\s+to\s*$|"
    r"\b(?:revised|corrected|lowered|updated|adjusted|brought\s+down)\s+to\s*$|"
    r"\bdown\s+to\s*$|\bwas\s*$|\bthe\s*$",
    re.IGNORECASE,
)
PERFECT = fast(r"\b(?:have|has|had)\s+(?:now\s+|so\s+far\s+|already\s+)?been\b|\b(?:have|has|had)\s+"
                      r"(?:now\s+)?(?:died|fled|left|lost|risen|reached|crossed|returned)\b", re.IGNORECASE)
ACCUMULATING = fast(
    r"\b(?:been|were|was)\s+(?:\w+\s+)?(?:destroyed|damaged|reported|recorded|registered|counted|affected|"
    r"confirmed|detained|arrested|killed|wounded|injured|displaced|evacuated|rescued)\b",
    re.IGNORECASE,
)
# a state that holds at a moment: "still", "remain", "were staying in shelters", "are in hospital"
STILL = fast(r"\b(?:still|remain|remains|remained|remaining|currently)\b|"
             r"\b(?:are|were)\s+(?:staying|sheltering|living)\s+in\b|"
             r"\b(?:are|is)\s+(?:being\s+)?(?:housed|sheltered|hospitali[sz]ed|treated)\b|"
             r"\b(?:are|is)\s+in\s+(?:hospitals?|shelters?|camps?)\b", re.IGNORECASE)
RATE = fast(r"^(?:[\w-]+\s+){0,3}?(?:a|an|per|each|every)\s+(?:day|week|month|year|hour)\b"
                   r"(?!\s+(?:earlier|ago|later|before|after|on))|"
                   r"^(?:[\w-]+\s+){0,3}?(?:daily|weekly|monthly|annually)\b", re.IGNORECASE)
BEFORE_WAR = fast(r"\b(?:pre-war|before\s+the\s+(?:war|conflict|fighting|siege|invasion))\b",
                         re.IGNORECASE)
FUTURE_PERIOD = fast(r"\b(?:over|in|for|during)\s+the\s+(?:next|coming|following)\b|"
                            r"\bnext\s+(?:year|month|week)\b", re.IGNORECASE)
SO_FAR = fast(r"\bso\s+far\b|\bto\s+date\b|\bin\s+all\b|\baltogether\b|\bcumulative\b", re.IGNORECASE)
SINCE = fast(r"\bsince\b", re.IGNORECASE)
SINCE_FIGURE = fast(r"\bsince\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|over\s+)?$",
                    re.IGNORECASE)  # "the deadliest since 304 people died ... in 2011"
# "605 people before Thanksgiving": the day a figure held by, not its day
BEFORE_DAY = fast(r"(?:\s+[a-z]+){0,2}?\s+(?:before|ahead\s+of|by\s+the\s+eve\s+of)\s+(?:the\s+)?",
                  re.IGNORECASE)
# "confirmed infections stand at 63"
STAND_AT = fast(r"\b(?:stands?|stood|standing)\s+at\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# "bringing the number rescued to 230", "taking the total pledged to $1bn": the new running total
# (not "the number of people in the camp": a headcount goes down as well as up)
BRINGING_TOTAL = fast(r"\b(?:bringing|brings|brought|bring|taking|takes|took|pushing|pushed|pushes|raising|"
                      r"raised|raises|lifting|lifted)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:(?:total|tally|count|toll|sum)\b(?:\s+since\s+[^.;,]{1,25}?)?[^.;\d]{0,40}?|"
                      r"number\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?"
                      r"[a-z]+(?:ed|en)\b(?:\s+[a-z]+)?\s+)\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+|"
                      r"more\s+than\s+|over\s+|at\s+least\s+)?$", re.IGNORECASE)
# The verbs of an event's onset, one list for the patterns below
# a vessel or vehicle's disaster ("the ferry capsized", "the train derailed"); "sank" not before a
# figure ("shares sank 5%")
WRECK = (r"derailed|capsized|overturned|sank(?!\s+(?:by\s+)?[\d$\u20ac\u00a3])|collided|ran\s+aground|"
         r"(?:ran|went|came)\s+off\s+the\s+(?:tracks|rails|road)")
ONSET = (r"struck|hit|began|begun|begins|started|broke\s+out|erupted|launched|opened|landed|made\s+landfall|"
         r"swept|collapsed|burst|exploded|opened\s+fire|attacked|stormed|crashed|" + WRECK)
# "killed when the coaches derailed …": a when-clause telling the event itself
WHEN_ONSET = fast(rf"\bwhen\s+[^;]{{0,120}}?\b(?:{ONSET}|plunged|caught\s+fire)\b[^;]*$", re.IGNORECASE)
# after a figure: harmed in the event itself ("were injured when the train ran off the tracks")
WHEN_HARMED = fast(rf"^[^.;\d]{{0,50}}?\b(?:killed|died|dead|injured|wounded|hurt|missing)\s+when\s+"
                   rf"[^.;]{{0,120}}?\b(?:{ONSET})\b", re.IGNORECASE)
# (a dot inside "7:30 p.m on", "U.S. time" or "7.8" is no sentence's end)
EVENT = fast(rf"\b(?:{ONSET}|took\s+place|(?:was|were)\s+held|occurred)\b"
             rf"(?:[^.;]|\.(?=\S|\s+[a-z\d]|\s*$)){{0,240}}?$",
             re.IGNORECASE)
# an onset dated by its own words, before the date that follows ("struck 24 hours earlier")
OWN_TIME = fast(r"\b(?:earlier|ago|previously|the\s+(?:day|night)\s+before|the\s+previous\s+day)\b",
                re.IGNORECASE)
# "crews started a massive cleanup on Sunday", "police opened an investigation": a response begins,
# not the event the running totals count from
RESPONSE_ONSET = fast(r"\b(?:started|began|begun|begins|launched|opened)\s+(?:[\w-]+\s+){0,4}?(?:clean-?up|"
                      r"recovery|rescue|relief|search|investigation|inquiry|probe|evacuations?|talks|trial|"
                      r"hearings?|appeal|operations?|efforts?|counting|count|voting|campaign)\b",
                      re.IGNORECASE)
EVENT_POSSESSIVE = fast(
    r"^(?:'s|\u2019s)?\s+(?:[\w.-]+\s+){0,2}?(?:quake|earthquake|attack|attacks|blast|bombing|explosion|storm|flood|floods|"
    r"fire|crash|shooting|strike|strikes|disaster|tsunami|cyclone|hurricane|typhoon|landslide|offensive|"
    r"bombings?|blasts?|explosions?|raids?|massacre|assault|clashes|election|elections|polls?|vote|referendum|"
    r"collapse|derailment|eruption|outbreak|riots?|protests?|flooding|wildfire|blaze)\b",
    re.IGNORECASE,
)
# "on Sunday night when two dams collapsed": the day of the event itself
WHEN_EVENT = fast(rf"(?:\s+(?:night|morning|evening|afternoon))?,?\s+when\s+[^.;]{{0,120}}?"
                        rf"\b(?:{ONSET})\b",
                   re.IGNORECASE)
INTERVAL_AFTER = fast(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?|fortnights?)\s+after\s+"
    rf"(?:[^.;]{{0,60}}?\b(?:{ONSET})\b|(?:the|a|an)\s+(?:[\w.-]+\s+){{0,2}}?(?:storm|quake|earthquake|flood|floods|"
    r"attack|blast|bombing|fire|wildfire|cyclone|hurricane|typhoon|explosion|crash|collapse|eruption|tsunami)\b)",
    re.IGNORECASE,
)
# the results of a vote belong to polling day
VOTE_RESULT = fast(r"\b(?:votes?|polled|ballots?|turn-?out|electorate|re-?elected|won|win|winning|"
                    r"victorious|states|constituencies|seats|margin)\b", re.IGNORECASE)
# "Before the vote, rallies drew tens of thousands": the campaign, not polling day
BEFORE_VOTE = fast(r"\b(?:before|prior\s+to|ahead\s+of|in\s+the\s+run-?up\s+to|in\s+the\s+lead-?up\s+to)\s+"
                   r"(?:the\s+|this\s+|last\s+|\w+['\u2019]s\s+)?(?:\w+\s+)?(?:elections?|polls?|vote|voting|"
                   r"referendum|run-?off|ballot)\b", re.IGNORECASE)
# a statement that continues the one before ("it added", "he went on to say"), not "were added to"
WENT_ON = fast(r"(?<!\bwere )(?<!\bwas )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )"
               r"\b(?:added|adds|went\s+on\s+to\s+(?:say|add|tell)|continued)\b(?!\s+(?:to|up)\b)",
               re.IGNORECASE)
# a span counted back from the day of the report ("in the past week", "over the last two days")
PAST_SPAN = fast(r"\b(?:past|last|previous|overnight)\b", re.IGNORECASE)
OTHER_CLAUSE = fast(r",\s+(?:which|who|that|and|but|while|whereas|before|after|when)\b|[;(]", re.IGNORECASE)
# a finite verb between a cue and a date: the date is inside the reported clause
CLAUSE_VERB = fast(r"\b(?:had|have|has|were|was|are|is|died|killed|fled|drowned)\b", re.IGNORECASE)
NEXT_CLAUSE = fast(r",\s+(?:and|but|while|whereas)\b|;")
ELECTION_AFTER = fast(r"(?:['\u2019]s)?\s+(?:\w+\s+){0,2}?"
                            r"(?:elections?|polls?|vote|referendum|run-?off)\b",
                       re.IGNORECASE)
ELECTION_BEFORE = fast(r"\b(?:elections?|polls?|vote|referendum|run-?off)\b[^.;]{0,40}?\b"
                        r"(?:held|took\s+place|was|were)\s+(?:on\s+)?$|"
                        r"\b(?:went|go|goes|going|headed)\s+to\s+(?:the\s+)?polls\s+(?:on\s+)?$|"
                        r"\bcast\s+(?:their\s+|his\s+|her\s+)?ballots?\s+(?:on\s+)?$", re.IGNORECASE)
# a pledge is made on a day; a fund that "has reached" a sum is a running total
PLEDGE = fast(r"\b(?:donat\w*|pledg\w*|give|gives|giving|gave|contribut\w*|commit\w*|promis\w*|"
                    r"announc\w*|"
               r"offer\w*|put\s+up|release|grant\w*)\b", re.IGNORECASE)
REACHED = fast(r"\b(?:reached|hit|topped|passed|exceeded|surpassed|raised\s+so\s+far|so\s+far|"
                     r"heading\s+for|"
               r"(?-i:total(?:s|led|ed)?)(?:\s+to)?|(?-i:Total(?:s|led|ed)?)\s+to|"
                r"climbed\s+to|rose\s+to|risen\s+to)\b"
               # right before the sum or its conversion ("have reached €880m (£765m)", "heading for the
               # €1bn mark"), not "fined the carrier a record $1.9 billion"
               r"(?:\s+(?:a|an|the|about|around|nearly|almost|roughly|some|over|more\s+than|at\s+least|"
               r"record|new|total\s+of|mark\s+of))*(?:(?:\s+[^\s()]{1,16}){1,2}\s*\((?:about|around|roughly|some|nearly|almost)?)?\s*$",
               re.IGNORECASE)
# a company's or a country's accounts ("revenue rose to $26bn", "debt reached $1.2tn"): a flow over a
# period or a balance at a point, never a running total of pledges
ACCOUNTS = fast(r"\b(?:revenues?|sales|profits?|income|earnings|turnover|spending|exports|imports|output|"
                r"GDP|losses|deficit|surplus|debts?|reserves|valuation|market\s+value|shares?|stock)\b"
                r"[^.;,\d]{0,60}$", re.IGNORECASE)
# a promise of money made on the day it is announced, whatever it adds up to ("will contribute a
# total of", "would also give")
FUTURE_PLEDGE = fast(r"\b(?:will|would|\w+['\u2019]ll|plans?\s+to|intends?\s+to)\s+(?:\w+\s+){0,2}?"
                           r"(?:donate|pledge|give|contribute|commit|offer|provide|put\s+up|release|grant)\b",
                           re.IGNORECASE)
# the figure an amount changed from: "cutting the total from 412 to 286", "rose from 98 to 121"
CHANGED_FROM = fast(r"\b(?:lower\w*|reduc\w*|revis\w*|cut(?:ting)?|rais\w*|increas\w*|decreas\w*|"
                          r"rose|risen|rising|fell|fallen|falling|dropp\w*|climb\w*|jump\w*|correct\w*)\b"
                          r"[^.;\d]{0,50}\bfrom\s+" + QUALIFIER + r"$",
                          re.IGNORECASE)
CHANGED_TO = fast(r"^(?:\s+[a-z]+)?\s+to\s+"
                        + QUALIFIER + r"\d", re.IGNORECASE)
# a point-in-time list told as a past change ("the list swelled to 1,200", "grew from 200 to"): when
# it held is not said
LIST_CHANGE = fast(r"\b(?:swelled|grew|culled|shrank|dropped|fell|shot\s+up|climbed|rose|jumped|soared|"
                         r"(?:was|were)\s+down|(?:was|were)\s+up)\s+(?:to|from)\s+"
                         + QUALIFIER + r"$|"
                         r"\bfrom\s+" + QUALIFIER + r"\d[\d,]*\s+to\s+"
                         + QUALIFIER + r"$", re.IGNORECASE)
NEXT_FIGURE = fast(r"\s+(?:and|but|while|whereas)\s+(?=(?:at\s+least\s+|about\s+|some\s+)?\d)|;")
ASIDE_OPENING = fast(r"\s*(?:who|which|whose|where|when)\b", re.IGNORECASE)
PRESENT = fast(r"\b(?:has|have|is|are|now)\b")
# the parts a country is made of ("all 36 states", "four of the country's six zones"): not a result
ADMIN_WHOLE_BEFORE = fast(r"\b(?:all|of\s+(?:the\s+)?(?:\w+['\u2019]s\s+)?)\s*$", re.IGNORECASE)
ADMIN_UNITS = fast(r"^\s+(?:[\w-]+\s+)?(?:states|provinces|regions|zones|districts|counties|"
                         r"governorates|constituencies|municipalities)\b", re.IGNORECASE)
# "had previously put the toll at", "had said in earlier remarks that": an earlier figure
# whose day is not said
EARLIER_GIVEN = fast(r"\b(?:(?:previously|earlier),?\s+(?:had\s+|it\s+(?:was|had\s+been)\s+)?|"
                     r"had\s+(?:previously\s+|earlier\s+|initially\s+|first\s+)?)"
                     r"(?:put|given|placed|reported|estimated|said|announced|released|published)\b[^.;\d]{0,90}$",
                     re.IGNORECASE)
# "the toll is 175 and not 190", "175, not 190 as reported": the figure corrected
NOT_FIGURE = fast(r"(?:\band|,)\s+not\s+(?:the\s+)?$", re.IGNORECASE)
# the counted parts of the event itself: "the churches hit by the bombers", "carried out by seven
# attackers", "after two dams burst"
EVENT_PART_AFTER = fast(r"^[^.;\d]{0,50}?\b(?:hit|struck|targeted|attacked|bombed|stormed)\s+by\b|"
                              r"^\s+(?:[\w-]+\s+){1,3}?(?:collapsed|burst|broke|gave\s+way|exploded|detonated)\b(?!\s+[a-z]+s\b)",
                              re.IGNORECASE)
EVENT_PART_BEFORE = fast(r"\b(?:carried\s+out|committed|perpetrated|staged)\s+by\s+"
                               + QUALIFIER + r"$", re.IGNORECASE)
# an area a fire burned is a running total ("the 150,000-acre blaze", "grew to 20,000 hectares")
AREA = fast(r"^\s*-?(?:acres?|hectares?|square\s+(?:miles?|kilomet(?:re|er)s?|km))\b", re.IGNORECASE)
FIRE = fast(r"\b(?:fire|fires|blaze|wildfire|wildfires|burn\w*|scorch\w*|flames)\b", re.IGNORECASE)
# the year a figure is compared with is not the figure's time ("40 per cent lower than that of 2017")
COMPARISON_BASE = fast(r"\b(?:than|compared\s+(?:with|to))\s+"
                             r"(?:(?:that|those|what\s+\w+\s+(?:was|were))\s+)?(?:of|in)\s+$", re.IGNORECASE)
# a figure restated as an older one: "the previous figure of", "our first estimates were"
PREVIOUS_FIGURE = fast(
    r"\b(?:previous|earlier|initial|original|first|old|prior|last)\s+(?:\w+\s+)?(?:figures?|tolls?|tally|count|"
    r"estimates?|totals?|numbers?|reports?|bulletins?|updates?)\s+(?:of|was|were|is|stood\s+at|had\s+been|"
    r"(?:that|which)\s+(?:said|put|gave|showed|listed|counted)(?:\s+(?:that|the\s+toll\s+at))?)\s+"
    + QUALIFIER + r"$",
    re.IGNORECASE,
)
# "by 28 April": a running total up to that day
BY_DATE = fast(r"\b(?:by|as\s+of|up\s+to|until|through)\s+(?:(?:late|early)\s+(?:on\s+)?)?"
               r"(?:\d{1,4}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|hrs|local\s+time)\s+(?:on\s+)?)?$",
               re.IGNORECASE)  # (and "as of 2130 GMT on Tuesday")
# "On Tuesday, the agency's spokesman said that ...": the day of the words, not of the deaths
# "Tuesday's statement by a police spokesman": the day of the words
STATEMENT_OF_DAY = fast(r"['\u2019]s\s+(?:\w+\s+)?(?:statement|report|briefing|update|bulletin|"
                              r"announcement|"
                        r"press\s+conference|figures?|tally|count)\b", re.IGNORECASE)
# "began last week": the period dates the event's onset, not a figure
ONSET_BEFORE = fast(rf"\b(?:{ONSET})\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
# a clause of its own between a figure and a time phrase
CLAUSE_TURN = fast(r"[;(]|,\s+with\b|\b(?:when|after|before|because|while|until|as|since)\b", re.IGNORECASE)
# "officials on Monday raised the toll", "the ministry on Friday said": a day, then its words
SAID_RIGHT_AFTER = fast(r"\s+(?:night\s+|morning\s+|evening\s+)?(?:said|says|announced|revised|raised|"
                        r"lowered|reported|confirmed|stated|told|put|released|updated|issued|gave|published)\b",
                        re.IGNORECASE)


@cache
def said_after_day() -> re.Pattern[str]:
    """A reporting verb within the clause after an opening day (compiled on first use)."""
    return fast(r"[^.;]{0,90}?\b(?:" + trie(REPORTING_VERBS) + r")\b", re.IGNORECASE)


@cache
def named_cue() -> re.Pattern[str]:
    """A reporting verb right after a named subject ("the collector has informed", "Jena said"),
    not a pronoun ("he said", "it added"): a new speaker's words (compiled on first use)."""
    return fast(r"\b(?!(?:He|She|It|They|We|I|You)\b)(?:[A-Z][\w'\u2019.-]+|[Tt]he\s+[a-z]+)\s+"
                r"(?:has\s+|had\s+|have\s+)?(?:" + trie(REPORTING_VERBS) + r")\b")


DIGIT = fast(r"\d")
# "crews have carried out at least 38 rescues", "has flattened about 4,300 homes and scorched":
# what a story has done so far
PERFECT_BEFORE = fast(
    r"\b(?:have|has)\s+(?:already\s+|now\s+|so\s+far\s+)?(?:\w+ed|\w+en|made|built|found|brought|taken)"
    r"(?:\s+(?:out|up|off|in))?(?:\s+[a-z]+ed\s+and)?[^.;\d]{0,40}?\b(?:and\s+\w+ed\s+)?"
    + QUALIFIER + r"$",
    re.IGNORECASE,
)
CHANGE_BY = fast(r"\b(?:reduced|lowered|cut|revised(?:\s+(?:down|up)(?:wards?)?)?|raised|increased|"
                  r"decreased|rose|risen|fell|fallen|dropped|grew|less|more|higher|lower|up|down)\b[^.;:\d]{0,80}?\bby\s+"
                  + QUALIFIER + r"$", re.IGNORECASE)
FROM_TO_TAIL = fast(r"\d\s+(?:from|to)\s+" + QUALIFIER + r"$",
                     re.IGNORECASE)  # "rose to 121 from 98": the same toll, earlier
# "the agency confirmed via Twitter": a report of the post an article embeds (claims/social_posts.py)
VIA_POST = fast(r"\b(?:via|on|in\s+a\s+post\s+on)\s+(?:Twitter|X|Facebook|Telegram|Instagram)\b|"
                      r"\btweet(?:ed|s)?\b|\bin\s+a\s+(?:tweet|post)\b")
THAT = fast(r"\bthat\b[^.;\d]{0,40}$", re.IGNORECASE)
OPENING = fast(r"\s*(?:on\s+|late\s+|early\s+|earlier\s+(?:on\s+)?|later\s+(?:on\s+)?)?", re.IGNORECASE)
NOW_HELD = fast(r"\b(?:now|so\s+far|in\s+all|to\s+date)\b|\bunder\s+arrest\b|\bin\s+custody\b",
                 re.IGNORECASE)
SMALL_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(),
                                               start=1)}
CASUALTY_CATS = ("killed", "wounded", "injured_or_killed", "displaced", "arrested", "evacuated")
# a relative clause telling the event, between a figure and a day: the day is the event's
EVENT_CLAUSE = fast(rf"\b(?:that|which)\s+(?:[\w-]+\s+){{0,3}}?(?:occurred|happened|took\s+place|{ONSET})\b",
                    re.IGNORECASE)
# an event's day right before the verb of its harm: "an air strike on Monday killed nine"
DAY_THEN_HARM = fast(r"(?:\s+(?:night|morning|evening|afternoon))?,?\s+(?:which\s+|that\s+)?"
                     r"(?:killed|wounded|injured|left|claimed\s+the\s+lives\s+of)\s+"
                     r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+|over\s+|"
                     r"up\s+to\s+)?", re.IGNORECASE)
# "Donors on Tuesday pledged four billion euros", "Rescuers on Monday pulled 14 people out": a
# subject, its day, then the verb that governs the figure (a verb of saying makes it a said-day,
# which is asked first)
SUBJECT_ON = fast(r"(?:[\w'\u2019-]+\s+){1,5}?on\s+$")
DAY_THEN_VERB = fast(r"(?:\s+(?:night|morning|evening|afternoon))?\s+(?:[a-z]+ed|drew|gave|brought|took|won|"
                     r"paid|sent|found|sold|lost|cut|set|raised)\s+(?:[a-z]+\s+){0,2}?"
                     r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+|over\s+|"
                     r"a\s+further\s+|another\s+)?$")
# "brought together, Thursday, March 9, 310,000 demonstrators": a day set off by commas before it
COMMA_DAY_BEFORE = fast(r"\b[a-z]+(?:ed|ht|ew|ok)(?:\s+(?:together|up|out|in))?,\s*"
                        r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*)?$")
PARTICIPLE = fast(r",\s+(?:killing|wounding|injuring|leaving|displacing|forcing|sending)\b",
                         re.IGNORECASE)
PARTICIPLE_END = fast(
    r"\b(?:killing|wounding|injuring|leaving|displacing)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|another\s+)?$",
    re.IGNORECASE,
)
COMPARED_FIGURE = fast(
    r"\b(?:from|than|compared\s+(?:with|to)|against)\s+(?:(?:about|around|some|nearly|almost|roughly|"
    r"more\s+than|less\s+than|fewer\s+than|over|under|just|an\s+estimated|at\s+least)\s+)*"
    r"(?:\S*\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\s+(?:dozen|hundred|thousand|million)|"
    r"dozens|hundreds|thousands|millions)",
    re.IGNORECASE,
)
# In a quotation: wording that makes a figure a hypothesis or a promise, and wording that
# makes it a report of what happened.


# a day's increment, told by its own noun: "12 fresh deaths", "five new fatalities", "40 additional cases"
FRESH_AFTER = fast(r"\s+(?:new|fresh|additional|further)\s+(?:deaths|fatalities|casualties|victims|bodies|"
                   r"injuries|cases|infections)\b", re.IGNORECASE)
