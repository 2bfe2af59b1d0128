"""Which part of a whole a figure counts: a group (civilians, children, women, foreigners) or a
status of some of the dead or injured (identified, handed over, discharged, among the dead).

A part is never set against its whole (compare/identity.py reads subject_group), so a report
that splits its toll ("Of the 212, 148 are yet to be identified") raises no flag against it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from recount.claims.model import NumericClaim

# Words naming a group that is part of a whole: figures about different groups differ in metric.
_GROUPS = {
    "civilian": "civilians", "civilians": "civilians",
    "child": "children", "children": "children", "kids": "children", "minors": "children",
    "woman": "women", "women": "women", "man": "men", "men": "men",
    "girls": "girls", "boys": "boys", "infants": "children", "babies": "children",
    "soldier": "soldiers", "soldiers": "soldiers", "troops": "soldiers",
    "fighter": "fighters", "fighters": "fighters", "militants": "fighters", "combatants": "fighters",
    "rebels": "fighters",
    "police": "police", "policemen": "police", "officers": "police",
    "journalists": "journalists", "reporters": "journalists",
    "medics": "medics", "doctors": "medics", "nurses": "medics",
    "staff": "staff", "workers": "workers", "volunteers": "volunteers", "firefighters": "firefighters",
    "students": "students", "pupils": "students",
    "migrants": "migrants", "refugees": "refugees",
    "foreigners": "foreigners", "tourists": "tourists", "nationals": "foreigners",
    "protesters": "protesters", "demonstrators": "protesters", "personnel": "soldiers", "forces": "soldiers",
    "households": "households", "families": "households", "homes": "buildings",
    "houses": "buildings", "buildings": "buildings",
}
_WORD = re.compile(r"[A-Za-z]+")
# What has become of some of the dead or injured is a part of the toll too: "148 bodies are yet to be
# identified", "57 were handed over to relatives", "90 were kept at the hospital", "610 passengers
# were discharged", "24 were repatriated", "22 remain in critical condition", "were among the dead".
_SUBSET = re.compile(
    r"^\W*(?:(?:people|persons|residents|displaced|passengers|patients|victims|bodies|injured|wounded|of|"
    r"them|who|that|which|were|was|have|has|had|been|are|is|being|later|since|already|now|so|far|able|to|be|safely|"
    r"alive|yet|still|not|also|their|getting)\W+){0,6}?(?:return\w*|rescued|found alive|released|freed|"
    r"discharged|recovered|found|treated|taken\s+to|brought\s+to|shifted\s+to|identified|unidentified|unclaimed|buried|handed|kept|sent|received|repatriated|claimed|"
    r"undergoing|remain\w*\s+in\s+(?:critical|serious|hospital)|in\s+(?:critical|serious)\s+condition|"
    r"among\s+(?:the\s+)?(?:dead|killed|victims|injured|wounded|those))\b", re.IGNORECASE)
# "of them", "among them", "including", "Among the dead,", "Of the 212,": the figure right after is
# part of one just given.
_PART_OF = re.compile(r"\b(?:of (?:them|those|whom)|among (?:them|those|whom)|including|includes?|remaining|"
                      r"(?:of|among|out of) (?:the |those )?(?:dead|victims|killed|deceased|injured|wounded|"
                      r"bodies|\d[\d,]*(?: \w+)?),?)\W*$",
                      re.IGNORECASE)
# "handed over 57 bodies to relatives", "repatriated the bodies of 24": what became of some of them
_STATUS_BEFORE = re.compile(r"\b(handed\s+over|returned|repatriated|identified|buried|flown\s+home|found|"
                            r"discovered|sent\s+home|discharged)\s+(?:the\s+)?(?:bodies\s+of\s+|remains\s+of\s+)?"
                            r"(?:a\s+total\s+of\s+|at\s+least\s+|more\s+than\s+)?(?:about\s+|some\s+)?$",
                            re.IGNORECASE)
# "Bodies of 19 people who were killed in the blast have been handed over": the status comes later
_BODIES_OF = re.compile(r"\bbodies\s+of\s+(?:about\s+|some\s+|at\s+least\s+|another\s+)?$", re.IGNORECASE)
_STATUS_LATER = re.compile(r"\b(handed\s+over|identified|returned|repatriated|released|flown)\b",
                           re.IGNORECASE)
# "several burial sites, including one that held 150 bodies": one item of a list
# ("together with one which hid 90 bodies", "one of which held 40")
_ONE_OF = re.compile(r"\b(?:(?:including|among\s+them|together\s+with|such\s+as)\s+one\s+"
                     r"(?:that|which|where)|\bone\s+of\s+(?:which|them))\s+(?:\w+\s+){1,2}$", re.IGNORECASE)
# "In addition to Kessler, eight others ...": the whole is one more than the figure
_BESIDES = re.compile(r"\b(?:in\s+addition\s+to|besides|apart\s+from|aside\s+from)\s+[^,;.]{1,30},\s*$",
                      re.IGNORECASE)
# A figure "in X alone" counts one place of several.
_NOUN_AFTER = re.compile(r"\s+[a-z-]+(?:\s+[a-z-]+)?")
_AMONG_GROUP = re.compile(r"^\s+(?:[a-z]+\s+){0,2}?among\s+(?:the\s+)?(?:[a-z-]+\s+)?([a-z]+)\b",
                          re.IGNORECASE)
# "Seven of those who died", "12 of the victims", "three of them": a part named right after it
_OF_THEM_AFTER = re.compile(r"^\s+(?:of|among)\s+(?:them|those|whom|the\s+(?:dead|victims|killed|deceased|"
                            r"injured|wounded|bodies|missing|\d))\b", re.IGNORECASE)
_ALONE = re.compile(r"^\W*(?:\w+\W+){0,3}?alone\b", re.IGNORECASE)


def subject_group(claim: NumericClaim) -> str | None:
    """The part of a whole a figure counts: a status of some of them first ("the bodies of 17
    foreign visitors were flown home" is a part even of the foreigners), then a group
    (civilians, children...), a part named before it, one place alone; else None."""
    return _group(claim.subject, claim.span, claim.sentence)


@lru_cache(maxsize=65536)
def _group(subject: str | None, span: str, sentence: str | None) -> str | None:
    pos = sentence.find(span) if sentence else -1
    after = sentence[pos + len(span):] if sentence and pos >= 0 else ""
    before = sentence[max(0, pos - 40):pos] if sentence and pos >= 0 else ""
    m = _SUBSET.match(after) if after else None
    if m:
        return "subset:" + m.group(0).split()[-1].lower()
    status = _STATUS_BEFORE.search(before) if before else None
    if status:
        return "subset:" + status.group(1).split()[0].lower()
    if before and _BODIES_OF.search(before) and (later := _STATUS_LATER.search(after)):
        return "subset:" + later.group(1).split()[0].lower()
    if before and _ONE_OF.search(before):
        return "subset:one-of"
    if before and _BESIDES.search(before):
        return "subset:others"  # "In addition to the gunman's first victim, eight others were killed"
    # the counted noun: the subject, else the span's words, else the two words right after a bare
    # number ("50 security personnel", not "50, police said")
    noun = _NOUN_AFTER.match(after) if span[-1:].isdigit() else None
    head = subject or (span + " " + noun[0] if noun else span)
    for word in _WORD.findall(head.lower()):
        if word in _GROUPS:
            return _GROUPS[word]
    among = _AMONG_GROUP.match(after)  # "28 fatalities among security forces"
    if among and among[1].lower() in _GROUPS:
        return _GROUPS[among[1].lower()]
    in_span = re.search(r"\d(?=\s+(?:of|among)\s)", span)  # "213 of those deaths" (the span holds the words)
    if (before and _PART_OF.search(before[-30:])) or _OF_THEM_AFTER.match(after) or (
            in_span and _OF_THEM_AFTER.match(span[in_span.end():])):
        return "subset:of-them"
    if _ALONE.match(after) or "alone" in span.lower().split():
        return "subset:one-place"
    return None
