"""What the words around a figure say of it: an older figure the report restates ("the earlier
figure of 412"), a figure it denies ("and not 171"), a forecast or a target ("heading for the
1,000 mark", "may be forced to leave", "the 50% needed to win") or a fear ("300 are feared
drowned"), how far a count has gone ("with
96% of polling stations counted"). Such figures are no report's current count; the rules (rules.py)
and the series (reconcile.py) ask here. A share given with its count's progress is a snapshot of
that count: it meets only snapshots taken at the same progress."""

from __future__ import annotations

import re
from functools import lru_cache

from recount.claims.model import NumericClaim
from recount.compare.holders import words_before_number

# Words before a figure that make it a restatement of an older one: "the previous figure of",
# "first estimates were", "had earlier put the toll at", "revised down from", "up from",
# "Earlier, the agency said".
_EARLIER_BEFORE = re.compile(
    r"\b(?:previous(?:ly)?|initial(?:ly)?|original(?:ly)?|(?:earlier|first|prior) (?:estimate|count|"
    r"figure|toll|tally|report|number)s?|had (?:earlier |previously |initially |first )?(?:put|given|said|"
    r"reported|stood|announced)|(?:was|were) (?:earlier|previously|initially|first) (?:put|given|reported|"
    r"estimated|said|announced)|(?:down|up|revised|lowered|reduced|cut|corrected) from|"
    r"from an? (?:earlier|previous|initial))\b"
    r"[^.;\d]{0,40}$|\bearlier,[^.;\d]{0,60}$|"
    # "the governor had said in earlier remarks that the toll reached 90"
    r"\bhad\s+(?:said|stated|announced|reported)\s+(?:in|on|at)\s+(?:an?\s+|the\s+)?(?:previous|earlier|prior|"
    r"first)\b[^.;\d]{0,90}$|\bearlier,? it (?:was|had been) (?:reported|said)\b"
    r"[^.;\d]{0,60}$|\bfrom\s*$|"
    # "wounds sustained in the March 15 attacks that killed 50": the event told by its toll so far
    r"\b(?:attacks?|bombings?|shootings?|blasts?|explosions?|massacre|crash|fire|(?:earth)?quake|floods?|"
    r"storm|cyclone|hurricane|disaster|sinking|collapse|stampede)\s+(?:that|which)\s+(?:had\s+)?"
    r"(?:earlier\s+|initially\s+|first\s+)?(?:killed|left)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|"
    r"nearly\s+)?$|"
    # "the raid that earlier killed 31 people has climbed to 38": the toll as it first stood
    r"\b(?:that|which)\s+(?:had\s+)?(?:earlier|initially|first)\s+(?:killed|left|claimed)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+)?$",
    re.IGNORECASE,
)
# ...or after it: "290, before being revised", "359, a figure later reduced", "480 people had
# initially been taken to hospital".
_EARLIER_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,5}?(?:before (?:being|it was) (?:revised|lowered|reduced|corrected|cut)|"
    r"(?:later|since) (?:revised|lowered|reduced|corrected|cut)|"
    r"(?:had|has|have|was|were) (?:initially|originally|at first|earlier|previously))\b",
    re.IGNORECASE,
)


# "... and not 171", "rather than 400", "instead of 40": the figure after is denied.
_DENIAL = re.compile(r"\b(?:not|never|rather than|instead of)\s+(?:the\s+|a\s+)?(?:figure of\s+)?$",
                     re.IGNORECASE)
# Words before a figure that make it a forecast, not a count: "heading for the 1,000 mark",
# "expected to reach 500", "could top 2,000", "feared to rise above 100".
_PROJECTION = re.compile(
    r"\b(?:heading (?:for|towards?)|on course (?:for|to)|expected to|could|may|might|set to|likely to|"
    r"feared to|projected to|forecast to|predicted to|aims? to|target(?:s|ed)? of|goal of|hopes? to|"
    r"threshold of|fears?\s+(?:\w+\s+){0,2}?that|must\s+(?:get|win|obtain|secure|receive|reach)|"
    r"needs?\s+(?:to\s+(?:get|win|obtain|secure|receive|reach)\s+)?(?:at\s+least\s+|more\s+than\s+|over\s+)?$)\b"
    r"[^.;,]{0,30}$",
    re.IGNORECASE,
)
# ...or after it: "four million may be forced to leave", "18 million are projected to be affected".
_PROJECTED_AFTER = re.compile(
    r"^\W{0,3}(?:(?!(?:and|but|it|which|that|who|they)\b)[\w-]+\s+){0,3}?(?:may|might|could|would|will)\s+"
    r"(?:\w+\s+)?(?:be|need|face|flee|leave|die|lose|require|go|fall|rise)\b|"
    r"^\W{0,3}(?:(?!(?:and|but|it|which|that|who|they)\b)[\w-]+\s+){0,3}?(?:are|is|were|was)\s+(?:projected|expected|"
    r"forecast|predicted|likely|feared)\s+to\b|"
    r"^\W{0,3}(?:(?:of\s+the\s+)?(?:vote|votes|ballots)\s+)?(?:needed|required|necessary)\s+(?:to|for)\b|"
    r"^\W{0,3}threshold\b|^\W{0,3}(?:of\s+(?:the\s+)?(?:votes?|ballots)\s+)?plus\s+one\b|"
    r"^\W{0,3}(?:[\w-]+\s+){0,2}?(?:(?:are|is|were|was|now|still)\s+)?(?:feared|presumed|believed|thought)\s+"
    r"(?:to\s+(?:be|have)\s+)?(?:dead|drowned|killed|lost|died|perished)\b",
    re.IGNORECASE,
)

@lru_cache(maxsize=65536)
def _restated(span: str, sentence: str | None) -> bool:
    lead = words_before_number(span)  # the span may start with the cue ("the previous figure of 359")
    pos = sentence.find(span) if sentence else -1
    number = re.search(r"\d[\d,.]*", span)  # the span may end with the cue ("485 people had initially")
    rest = span[number.end():] if number else ""
    if sentence and pos >= 0:
        head, tail = sentence[max(0, pos - 120):pos] + lead, rest + sentence[pos + len(span):]
    else:
        head, tail = lead, rest
    return bool(_EARLIER_BEFORE.search(head) or _EARLIER_AFTER.match(tail))


@lru_cache(maxsize=65536)
def _projected(span: str, sentence: str | None) -> bool:
    lead = words_before_number(span)
    pos = sentence.find(span) if sentence else -1
    head = (sentence[max(0, pos - 60):pos] if sentence and pos >= 0 else "") + lead
    number = re.search(r"\d[\d,.]*", span)  # the span may hold the words ("86 people feared dead")
    rest = span[number.end():] if number else ""
    tail = rest + (sentence[pos + len(span):pos + len(span) + 60] if sentence and pos >= 0 else "")
    return bool(_PROJECTION.search(head) or _PROJECTED_AFTER.match(tail))


def projected(claim: NumericClaim) -> bool:
    """The figure is a forecast or a target ("heading for the 1,000 mark"), not a count."""
    return _projected(claim.span, claim.sentence)


def restated(claim: NumericClaim) -> bool:
    """The figure is an older one the report restates ("the previous figure of 359",
    "our first estimates were 290", "revised down from 11,300"), not its own current figure."""
    return _restated(claim.span, claim.sentence)


@lru_cache(maxsize=65536)
def _denied(span: str, sentence: str | None) -> bool:
    lead = words_before_number(span)
    pos = sentence.find(span) if sentence else -1
    head = (sentence[max(0, pos - 30):pos] if sentence and pos >= 0 else "") + lead
    return bool(_DENIAL.search(head))


def denied(claim: NumericClaim) -> bool:
    """The report says the figure is wrong ("the toll was 140 and not 171 as reported"): it is
    no one's claim in this report, so it raises nothing."""
    return _denied(claim.span, claim.sentence)


# How far a count has gone: "with 98% of the boxes counted", "once all ballots are in", "with
# nearly 97 per cent of polling stations reporting". Group 1 is the progress.
_PROGRESS = re.compile(
    r"\bwith\s+(?:(?:just|nearly|almost|about|over|more\s+than|some|only)\s+)*"
    r"(\d[\d.,]*\s*(?:%|per\s?cent\b|percent\b)|all|half|most)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:(?:domestic|overseas|local)\s+)?(?:ballot\s+boxes|ballots|votes|precincts|polling\s+(?:stations|units)|"
    r"stations|districts|constituencies|the\s+vote)\s+(?:(?:now|so\s+far|already)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:opened|counted|processed|tallied|reported|in|cast|verified|declared|checked)\b",
    re.IGNORECASE)


@lru_cache(maxsize=65536)
def _progress(span: str, sentence: str | None) -> tuple[bool, str | None]:
    if not sentence or "ith " not in sentence:  # ("with", "With")
        return False, None
    pos = sentence.find(span)
    for m in _PROGRESS.finditer(sentence):
        if pos >= 0 and m.start() <= pos < m.end():
            return True, None  # the figure is the count's progress itself
        level = re.sub(r"\s*(?:per\s?cent|percent)", "%", m.group(1).lower()).replace(" ", "")
        return False, {"all": "100%"}.get(level, level)
    return False, None


# a count still going on at a stage not said: "partial results", "which has tallied 241 forms",
# "tallies by media groups" (one such share is no other's: another hour, another tally)
PARTIAL = "partial"
_PARTIAL_COUNT = re.compile(
    r"\b(?:partial|early|preliminary|provisional|incomplete)\s+(?:official\s+)?(?:results|returns|count|"
    r"tall(?:y|ies))\b|\btallied\s+[\d,]+\s+(?:forms|results|ballots)\b|\btallies\s+by\b", re.IGNORECASE)


def partial_count(sentence: str | None) -> str | None:
    """PARTIAL when a sentence says the count a share was read from is still going on, at a
    stage it does not give (asked of the share's sentence and of its report's figures' sentences
    shortly before it: the report's text is not read)."""
    return PARTIAL if sentence and _PARTIAL_COUNT.search(sentence) else None


def count_progress(claim: NumericClaim) -> bool:
    """The figure says how far a count has gone ("96% of polling stations counted"): the count's clock,
    not a result."""
    return _progress(claim.span, claim.sentence)[0]


def snapshot(claim: NumericClaim) -> str | None:
    """The progress of the count a figure was taken at ("49.4% ..., with 96% of polling
    stations counted" -> "96%"), or None when the sentence gives none."""
    return _progress(claim.span, claim.sentence)[1]


# "25 more bodies", "seven more deaths": what a count grew by, not the count
_MORE_AFTER = re.compile(r"^\s*more\b(?!\s+than)", re.IGNORECASE)


_ADDED_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|additional)\s+$", re.IGNORECASE)
_BRINGING = re.compile(r"\b(?:bringing|taking|pushing|raising|lifting)\s+(?:the\s+)?"
                       r"(?:overall\s+|total\s+|death\s+)?(?:toll|total|tally|number|count)\b", re.IGNORECASE)


_TO_FIGURE = re.compile(r"[^.;\d]{0,40}?\bto\s+(?:\w+\s+){0,2}?\d")


@lru_cache(maxsize=65536)
def _increment(span: str, sentence: str | None) -> bool:
    number = re.search(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       r"\w+teen|twenty|thirty|forty|fifty|hundred)\b", span, re.IGNORECASE)
    if number is None:
        return False
    rest = span[number.end():]
    pos = sentence.find(span) if sentence else -1
    if not rest.strip() and sentence and pos >= 0:
        rest = sentence[pos + len(span):pos + len(span) + 12]
    if _MORE_AFTER.match(rest):
        return True
    # "Another 64 bodies were recovered on Friday, bringing the overall count to almost 410"
    lead = span[: number.start()] or (sentence[max(0, pos - 25):pos] if sentence and pos >= 0 else "")
    bringing = _BRINGING.search(sentence, pos + len(span)) if sentence and pos >= 0 else None
    if bringing is None:
        return False
    # "61 bodies had been recovered, raising the official toll to 172": the day's count
    return bool(_ADDED_BEFORE.search(lead) or _TO_FIGURE.match(sentence, bringing.end()))


def increment(claim: NumericClaim) -> bool:
    """The figure is how much a count grew ("25 more bodies were found", "another 179 ...,
    bringing the toll to 600"), not the count itself."""
    return _increment(claim.span, claim.sentence)


# the sentence goes on to add its figures up: "won 76 seats, with an ally winning another five,
# for a total of 82", "bringing the total to 82"
_SUMMED_AFTER = re.compile(r"\b(?:for|making|bringing|to|giving)\s+(?:a|the|an?\s+overall)\s+"
                           r"(?:combined\s+|grand\s+)?total\s+(?:of|to)\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _summed_part(span: str, sentence: str | None) -> bool:
    if not sentence or (pos := sentence.find(span)) < 0:
        return False
    return _SUMMED_AFTER.search(sentence, pos + len(span)) is not None


def summed_part(claim: NumericClaim) -> bool:
    """One of the figures its sentence then adds up ("76 seats ... for a total of 82"): a part,
    the total after it is the figure to compare."""
    return _summed_part(claim.span, claim.sentence)
