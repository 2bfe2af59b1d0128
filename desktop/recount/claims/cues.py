"""The one vocabulary of reporting cues: the words with which news credits words or figures.

Every extractor that asks "is this said by someone?" reads it here: the attributed-claim
pass (which cue starts a claim), the numeric pass (is a date the day a figure was *said*),
the source pass (does a figure's sentence carry its own attribution). A verb added here is
known to all of them at once.

Kinds of cue:
  verbs        "said", "warned", "tweeted", "disclosed" ...      X said / said X
  participles  "saying", "citing", "explaining" ...              X did Y, saying ...
  phrases      "according to", "called for", "wrote on Twitter"
  nominal      "a statement by X", "a report from X", "X's statement"
Some verbs report words only in a certain frame (`is_speech`): "promised an inquiry",
"called in troops", "put up a tent", "cited health reasons" are acts, not words.
"""

from __future__ import annotations

import re

from recount.claims.retrie import fast, initials, trie

__all__ = [
    "CUE",
    "CUE_WORDS",
    "NOT_AFTER",
    "PARTICIPLES",
    "PASSIVE_BY",
    "REPORTING_VERBS",
    "REPORT_NOUNS",
    "SAID_BEFORE",
    "SAYING_AFTER",
    "describes_state",
    "is_speech",
]

# Finite reporting verbs. Present and past forms: news writes "says" in headlines and leads.
REPORTING_VERBS: tuple[str, ...] = tuple(
    (
        "said says say told tells added adds stated states reports announced announces reported warned warns "
        "denied denies confirmed confirms urged urges appealed estimated accused accuses declared "
        "declares promised promises blamed blames insisted insists claimed claims acknowledged admitted "
        "explained explains noted notes wrote writes argued argues predicted vowed vows pledged pledges "
        "asserted alleged revealed cautioned demanded demands replied responded countered conceded "
        "complained revised stressed stresses emphasised emphasized decried queried disclosed discloses "
        "tweeted cited quoted observed commented testified released remarked lamented recalled reiterated "
        "maintained estimates informed informs avowed affirmed contended "
        "put puts placed called dismissed dismisses rejected rejects described describes"
    ).split()
)
# "X visited the camp, saying ...": the words belong to the main clause's subject.
PARTICIPLES: tuple[str, ...] = (
    "saying", "adding", "warning", "insisting", "arguing", "noting", "accusing", "calling",
    "explaining", "stressing", "citing", "describing", "claiming", "urging", "telling", "stating",
    "attributing",
)
# Nouns for a published statement: "a statement by the ministry", "the agency's report said".
REPORT_NOUNS = frozenset(
    "statement report bulletin update tally count figures data estimate estimates release "
    "communique communiqué announcement post tweet message letter briefing statistics".split()
)
# Verbs that report words only with a noun of speech after them ("made the announcement"): cues,
# but never a sign that a date beside them is the day of words ("made landfall on Sunday").
_NOUN_CUES = ("made", "counted", "recorded", "documented", "tallied", "registered")
_DEDUPED = tuple(dict.fromkeys((*REPORTING_VERBS, *_NOUN_CUES)))
# One scan over the article finds every cue; branches are factored by prefix (retrie.trie).
CUE = fast(
    "(?=[" + initials([*_DEDUPED, *PARTICIPLES, "according", "call"]) + "])"
    r"\b(?:(?P<acc>[Aa]ccording to|(?<=[Aa]s )per)|(?P<call>call(?:ed|s) (?:for|on))|"
    r"(?P<part>" + trie([*PARTICIPLES, *(p.capitalize() for p in PARTICIPLES)]) + r")|(?P<verb>"
    + trie(_DEDUPED) + r"))\b"
)
CUE_WORDS = frozenset([*_DEDUPED, *PARTICIPLES, *(p.capitalize() for p in PARTICIPLES), "according",
                       "According", "called", "calls", "per"])  # ("as per X": X's)

# A cue right after one of these is not a claim: passive ("were reported"), negated, infinitive.
NOT_AFTER = frozenset(
    "was were been be is are being not n't never to did do does would could will can may might should "
    "must shall cannot".split()
)
# Verbs whose passive names the speaker after "by": "the toll reported by the ministry".
PASSIVE_BY = frozenset("reported announced confirmed estimated stated declared cited released".split())

# A date right after one of these is the day something was said ("the ministry said on Sunday",
# "in a statement on Sunday"), not the day of the figure.
SAID_WORDS = frozenset(
    [*(v for v in _DEDUPED if v not in _NOUN_CUES), *PARTICIPLES, "statement", "bulletin", "conference",
     "briefing", "published", "released",
     "announcement", "correction"]
)
_WORD = fast(r"\w+")


class _SaidBefore:
    r"""`search(s)`: whether `s` ends with a cue word and at most 40 characters that hold no full
    stop, semicolon or digit, as `\b(?:said|...)\b[^.;\d]{0,40}$` (ignoring case) finds it; read
    from the end instead of compiling a pattern of every cue word (import time)."""

    def search(self, s: str) -> bool:
        i = len(s)
        while i > 0 and s[i - 1] not in ".;" and not s[i - 1].isdecimal():
            i -= 1
        return any(
            len(s) - m.end() <= 40 and m.group().lower() in SAID_WORDS for m in _WORD.finditer(s, i)
            if m.start() == 0 or not (s[m.start() - 1].isalnum() or s[m.start() - 1] == "_")
        )


SAID_BEFORE = _SaidBefore()
# "..., saying", "..., adding": the words come with the participle, not the verb before it.
SAYING_AFTER = fast(r"[^.;]{0,80}?,\s+(?:" + trie(PARTICIPLES) + r")\b")

# "promised an inquiry", "declared a disaster zone" are acts, not words: these verbs report
# speech only when what follows is a clause or a quotation.
NEEDS_CONTENT = frozenset(("promised", "declared", "promises", "declares", "cited", "citing", "telling",
                            "attributing", "claims", "states", "notes", "demands", "reports", "claimed",
                            "claiming", "quoted"))
_FIGURE_AFTER = fast(r"\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|over\s+)?\d")
_DECLARED_RESULT = fast(r"\s+(?:[\w'\u2019.-]+\s+){1,6}?(?:the\s+)?(?:winner|victor|duly\s+elected|"
                       r"president-elect|elected)\b")
# "claimed on Monday they had ...": a day may stand between the verb and what was said
_CONTENT_AFTER = fast(
    r"""(?:\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"""
    r"""yesterday|today)(?:\s+(?:night|morning|evening|afternoon))?,?)?"""
    r"""\s+(?:that\b|to\b|[^.;]{0,40}?["\u201c]|"""
    r"""(?:it|they|he|she|we)\s+[a-z]+\b|"""
    # "claimed the real death toll was 130": a clause without "that"
    r"""(?:the|its|their|his|her)\s+(?:[\w'-]+\s+){0,7}?(?:was|were|is|are|had|has|have|would|will)\s)"""
)
# "urging residents to leave", "urging that": an appeal in words; "urging silence" is a gesture's
# (within the clause: "urging stillness, listening for a cry" is a gesture)
_URGING = fast(r"""[^.;,]{0,60}?\b(?:to|not\s+to)\s+[a-z]+|\s+that\b|[^.;]{0,40}?["\u201c]""")
# "1,602 people confirmed dead", "confirmed cases": an adjective, not a report
_CONFIRMED_STATE = fast(r"\s+(?:dead|killed|deaths?|cases?|infections?|infected|injured|wounded|"
                              r"missing|positive|fatalities|victims)\b", re.IGNORECASE)
# "attributing these numbers to the Red Crescent": a source named ("the deaths to poor drainage": a cause)
_ATTRIBUTED_TO = fast(r"\s+(?:(?:these|the|its|their|those|this|that)\s+)?(?:[a-z-]+\s+){0,2}?to\s+"
                      r"(?:the\s+)?[A-Z]")
# "cited the ministry", "citing the agency as saying", "citing figures from": a source named.
# "cited health reasons" is an act.
_CITED_SOURCE = fast(
    r"""\s+(?:(?:the|a|an|its|local|official|unnamed)\s+)?(?:[\w'\u2019.-]+\s+){0,5}?as\s+saying\b|"""
    r"""\s+(?:the\s+)?[A-Z]|\s+(?:the\s+|its\s+|new\s+|official\s+|local\s+)*(?:figures|data|statistics|"""
    r"""sources|officials|witnesses|residents|reports?|estimates)\b"""
)
_NUMBER_START = (r"(?:\d|(?:US)?\$\s?\d|[€£¥]\s?\d|"
                 r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+"
                 r"(?:dozen|hundred|thousand|million)|dozens|hundreds|thousands|tens\s+of|"
                 r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)")  # "the toll at nine"
# "Police put the crowd at about 15,000", "the bank estimates the damage at $2bn": an estimate
# ("estimates" is also a noun, and "the army estimates that ..., a spokesman said" is his)
_ESTIMATE_AT = fast(
    r"\s+(?:the|its|their|his|her|this|that)\s+(?:[\w'\u2019-]+\s+){0,4}?at\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|fewer\s+than|less\s+than|over|under|"
    r"at\s+least|up\s+to|as\s+many\s+as|just|well|between|an\s+estimated)\s+)*" + _NUMBER_START
)
_VERDICT_OBJECT = (r"\s+(?:it|this|that|them|him|her|(?:the|his|her|their|its|these|those|such)\s+"
                   r"(?:[\w'\u2019-]+\s+){0,2}?[\w'\u2019-]+)")
# "called the arrests a disgrace"; "called in troops" is an act.
_CALLED = fast(
    _VERDICT_OBJECT + r"""\s+(?:an?\s|["\u201c\u2018]|(?:utterly|totally|completely|deeply|simply|clearly|"""
    r"wholly|very|highly|entirely|grossly)\s|(?:unacceptable|illegal|unlawful|absurd|outrageous|shameful|"
    r"baseless|false|unjustified|disproportionate|premature|ridiculous|irresponsible|unfounded|"
    r"politically)\b)"
)
# "dismissed the criticism as politics", "rejected the report"; "dismissed 30 workers" is an act.
_DISMISSED = fast(
    _VERDICT_OBJECT + r"\s+as\b|\s+(?:the|these|those|such|all|any)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:claims?|allegations?|reports?|criticism|accusations?|charges?|suggestions?|concerns?|figures?|"
    r"toll|estimates?|calls?|demands?|findings|results?|outcome|verdict|ruling|decision|offer|proposals?)\b"
)
# "described the situation as catastrophic", "described how ..."; "described the scene" is an act.
_DESCRIBED = fast(_VERDICT_OBJECT + r"\s+as\b|\s+(?:how|what)\b")
# "released the toll", "released figures showing": a body publishing its numbers.
_RELEASED = fast(
    r"\s+(?:the|its|their|new|updated|revised|a|an)?\s*(?:[a-z]+\s+){0,2}?(?:toll|figures?|statement|data|"
    r"numbers|list|tally|estimates?|report|statistics)\b"
)
# "made the announcement", "made the remarks": words said; "made a donation" is an act.
_MADE_WORDS = fast(r"\s+(?:the|this|these|his|her|its|their|a|an)\s+(?:[\w-]+\s+)?(?:announcement|remarks?|"
                   r"comments?|statement|disclosure|declaration|revelation|plea|appeal)\b")
_JUDGEMENT = {
    "made": _MADE_WORDS,
    # "The group counted 18 deaths", "monitors have documented 416 killings": a body gives a figure
    **{verb: _FIGURE_AFTER for verb in ("counted", "recorded", "documented", "tallied", "registered")},
    "put": _ESTIMATE_AT, "puts": _ESTIMATE_AT, "placed": _ESTIMATE_AT, "estimates": _ESTIMATE_AT,
    "called": _CALLED,
    "dismissed": _DISMISSED, "dismisses": _DISMISSED, "rejected": _DISMISSED, "rejects": _DISMISSED,
    "described": _DESCRIBED, "describes": _DESCRIBED, "describing": _DESCRIBED, "released": _RELEASED,
}


def describes_state(cue: str, text: str, end: int, limit: int | None = None) -> bool:
    """ "confirmed cases", "1,602 people confirmed dead": the cue word is an adjective here."""
    if cue.lower() not in ("confirmed", "confirms", "confirm"):
        return False
    return bool(_CONFIRMED_STATE.match(text, end, len(text) if limit is None else limit))


def is_speech(cue: str, text: str, end: int, sentence_end: int) -> bool:
    """Whether the cue word `cue` (ending at `end`) reports words here, given what follows it."""
    if cue in ("urging", "urged", "urges", "urge"):
        return bool(_URGING.match(text, end, sentence_end))
    if describes_state(cue, text, end, sentence_end):
        return False
    judged = _JUDGEMENT.get(cue)
    if judged is not None:
        # "rejected the criticism, saying ...": the words come with "saying", not this verb.
        return bool(judged.match(text, end, sentence_end)) and not SAYING_AFTER.match(text, end, sentence_end)
    if cue in NEEDS_CONTENT:
        if cue.startswith(("cit", "quot")):
            return bool(_CITED_SOURCE.match(text, end, sentence_end))
        if cue == "attributing":  # "attributing these numbers to the Red Crescent"
            return bool(_ATTRIBUTED_TO.match(text, end, sentence_end))
        if cue == "reports" and text[end:sentence_end].strip() in ("", ".", "!"):
            return True  # "..., Harbour Radio reports.": the inverted attribution at the end
        if cue in ("reports", "claims") and _FIGURE_AFTER.match(text, end, sentence_end):
            return True  # "Relief Watch reports 14 deaths": a body gives a figure
        if cue.startswith("declare") and _DECLARED_RESULT.match(text, end, sentence_end):
            return True  # "the board has declared Ilse Varga the winner": a result announced
        return bool(_CONTENT_AFTER.match(text, end, sentence_end))
    return True
