"""Quotes: the same speaker's words reworded (quote_drift), the same words credited to someone
else (attribution_conflict), and the text helpers both need.

The cue that introduces a quote ("X said", "he described it as", "In a speech ... he said")
is the engine's business (claims/attribution.py): here a quote is compared by its speaker and
its words only, so a drift is found however each outlet phrased the cue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from recount.claims.model import AttributedClaim
from recount.compare.diff import word_diff
from recount.compare.flags import Discrepancy, cap, make_flag, ordered, report_name
from recount.compare.identity import QUOTE_WINDOW_DAYS, day_gap
from recount.compare.names import is_body, names_match, role_only, unnamed, words_of
from recount.compare.refs import Ref, other_story
from recount.wording import prose_date as format_date

# Same speaker, similar words: drift from this similarity (rapidfuzz partial_ratio of the
# best-aligned fragments) up to identical. Below it the quotes are different statements.
DRIFT_MIN = 72.0
# ...and sharing at least this share of the shorter quote's content words (by root): two
# different sentences of one speaker ("we will not negotiate with terrorists" / "... under
# fire") differ in what they are about, a drifted quote mostly in how it is put.
DRIFT_SHARED_WORDS = 0.55
# ...and the shorter quote must hold this many content words ("the heart of our lives" does).
DRIFT_MIN_CONTENT_WORDS = 2
_FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this "
    "that these those we you they he she i our your their his her my me us them not no will would "
    "shall should can could may might must have has had do does did so if then than there here".split()
)
# Different speakers: the same words from this similarity, on quotes of at least this many words.
SAME_WORDS_MIN = 92.0
SAME_WORDS_MIN_WORDS = 5
# Quotes of the same speaker are the same occasion when their dates agree, or, lacking dates,
# when the reports are this close.
OCCASION_DAYS = 7
_QUOTE_NORM = re.compile(r"[^\w\s]")


@lru_cache(maxsize=32768)
def normalise_quote(q: str) -> str:
    q = q.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    q = _QUOTE_NORM.sub(" ", q.casefold())
    return re.sub(r"\s+", " ", q).strip()


@lru_cache(maxsize=32768)
def fragments(q: str) -> tuple[str, ...]:
    parts = [normalise_quote(p) for p in re.split(r"\.\.\.|\u2026", q)]
    return tuple(p for p in parts if p)


@lru_cache(maxsize=65536)
def word_root(word: str) -> str:
    """A crude root, enough to see one word in two inflections: "lives" / "life", "rebuilt" /
    "rebuild", "wanted" / "wants" (no dictionary: the first five letters of the word less its
    ending)."""
    w = word
    for end in ("ing", "ed", "es", "s", "ly"):
        if w.endswith(end) and len(w) - len(end) >= 3:
            w = w[: -len(end)]
            break
    if w.endswith("v"):
        w = w[:-1] + "f"
    return w.rstrip("e")[:5]


@lru_cache(maxsize=32768)
def content_roots(q: str) -> frozenset[str]:
    return frozenset(word_root(w) for f in fragments(q) for w in f.split() if w not in _FUNCTION_WORDS)


def shared_words(qa: str, qb: str) -> float:
    """Share of the shorter quote's content words (by root) found in the other quote."""
    wa, wb = content_roots(qa), content_roots(qb)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(short & long_) / len(short) if short else 0.0


def quote_similarity(qa: str, qb: str) -> tuple[float, bool]:
    """(similarity 0-100 of the best-aligned fragments, whether one quote is contained in the other)."""
    fa, fb = fragments(qa), fragments(qb)
    if not fa or not fb:
        return 0.0, False
    ja, jb = " ".join(fa), " ".join(fb)
    short, long_ = (fa, jb) if len(ja) <= len(jb) else (fb, ja)
    contained = all(f in long_ for f in short)
    best = max(fuzz.partial_ratio(x, y) if min(len(x), len(y)) >= 12 else 0.0 for x in fa for y in fb)
    return best, contained


# Sentences of two quotes are aligned one by one when each holds this many content words (a
# statement, not "this is what happened here"); a pair of sentences this alike in content words,
# sharing at least ALIGNED_SAME_ROOTS of them, renders one sentence twice (a translated speech:
# "Tonight I give you my word: every house in this town will be standing again by spring" /
# "So tonight I promise: by spring every house here will stand again") however far apart the
# wording.
ALIGNED_MIN_ROOTS = 3
ALIGNED_SAME_SHARE = 0.75
ALIGNED_SAME_ROOTS = 4
_SENTENCE_END = re.compile(r"\.\.\.|\u2026|(?<=[.!?])\s+")


@lru_cache(maxsize=32768)
def sentences(q: str) -> tuple[str, ...]:
    """A quote's sentences (and "..."-separated fragments), each holding a statement."""
    parts = (normalise_quote(p) for p in _SENTENCE_END.split(q) if p)
    return tuple(p for p in parts if len(content_roots(p)) >= ALIGNED_MIN_ROOTS)


# A quote at least this long that differs from another only in inflections ("election" /
# "elections") and where it is cut is one quotation transcribed twice, not a drift (a short one,
# "the heart of our life" / "... our lives", is reworded by the same change).
TRANSCRIBED_MIN_WORDS = 12


@lru_cache(maxsize=32768)
def _root_fragments(q: str) -> tuple[str, ...]:
    return tuple(" " + " ".join(word_root(w) for w in f.split()) + " " for f in fragments(q))


def transcribed(qa: str, qb: str) -> bool:
    """One long quote is the other, or an excerpt of it, word root for word root."""
    fa, fb = _root_fragments(qa), _root_fragments(qb)
    ja, jb = "".join(fa), "".join(fb)
    short, long_ = (fa, jb) if len(ja) <= len(jb) else (fb, ja)
    words = sum(len(f.split()) for f in short)
    return words >= TRANSCRIBED_MIN_WORDS and all(f in long_ for f in short)


def spelled_apart(qa: str, qb: str) -> bool:
    """The same words but for spelling ("armoured" / "armored", "Akatsiya" / "Akatsya"): a
    transliteration or a house style, not words that drifted."""
    wa, wb = fragments(qa), fragments(qb)
    ta, tb = " ".join(wa).split(), " ".join(wb).split()
    if len(ta) != len(tb) or ta == tb:
        return False
    return all(x == y or (min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= 1)  # ("productive" /
               for x, y in zip(ta, tb, strict=True))  # "production" is another word)


# Two excerpts of one statement overlap when one's last words are the other's first ("... we also
# admit the raids on the port did not come out of nowhere" / "the raids on the port did not come
# out of nowhere, with ..."): each outlet cut the quote elsewhere; nothing was reworded.
OVERLAP_MIN_WORDS = 5
# The content words two renderings share come mostly in one order: "the grievances cannot
# justify the attacks" is not "the attacks cannot justify the punishment" (a share of the
# shorter one's content words, longest common subsequence).
IN_ORDER_MIN = 0.4


def _bare(fragment: str) -> str:
    """A fragment less the function words at its edges (one outlet's "the clear violations" is
    another's "about clear violations")."""
    words = fragment.split()
    while words and words[0] in _FUNCTION_WORDS:
        words.pop(0)
    while words and words[-1] in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


def _overlap(x: str, y: str) -> bool:
    xs, ys = x.split(), y.split()
    for n in range(min(len(xs), len(ys)), OVERLAP_MIN_WORDS - 1, -1):
        if xs[-n:] == ys[:n] or ys[-n:] == xs[:n]:
            return True
    return False


def _found(part: str, other: tuple[str, ...]) -> bool:
    """The part (a fragment or sentence, normalised) is in the other quote word for word, or
    overlaps one of its fragments at an edge: not where any drift lies."""
    bare = _bare(part)
    joined = " " + " ".join(other) + " "
    return not bare or f" {bare} " in joined or any(_overlap(part, f) for f in other)


@lru_cache(maxsize=32768)
def _root_sequence(part: str) -> tuple[str, ...]:
    return tuple(word_root(w) for w in part.split() if w not in _FUNCTION_WORDS)


def in_order(x: str, y: str) -> float:
    """Share of the shorter part's content words (by root) that the other has in the same order."""
    a, b = _root_sequence(x), _root_sequence(y)
    if len(a) > len(b):
        a, b = b, a
    if not a:
        return 0.0
    prev = [0] * (len(b) + 1)
    for ra in a:
        cur = [0]
        for j, rb in enumerate(b):
            cur.append(prev[j] + 1 if ra == rb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / len(a)


def drifted(qa: str, qb: str) -> bool:
    """Some fragment of one quote that the other lacks word for word renders a fragment of the
    other in other words (alike, about the same things, in the same order). A fragment both
    quotes hold, or an excerpt cut elsewhere, is no drift: "bring some pain ... these are the
    costs" against "bring some pain to households" quotes two passages, not one reworded."""
    fa, fb = fragments(qa), fragments(qb)
    own_a = [x for x in fa if len(x) >= 12 and not _found(x, fb)]
    own_b = [y for y in fb if len(y) >= 12 and not _found(y, fa)]
    if any(fuzz.partial_ratio(x, y) >= DRIFT_MIN and shared_words(x, y) >= DRIFT_SHARED_WORDS
           and in_order(x, y) >= IN_ORDER_MIN for x in own_a for y in own_b):
        return True
    return aligned_drift(qa, qb)


def aligned_drift(qa: str, qb: str) -> bool:
    """Some sentence of one quote renders a sentence of the other in other words: alike
    (DRIFT_MIN) and about the same things (DRIFT_SHARED_WORDS), or sharing most of their content
    words (a second translation). A quote that joins several statements ("X. Y ... Z") is
    compared statement by statement, so one reworded sentence is found among others."""
    fa, fb = fragments(qa), fragments(qb)
    for x in sentences(qa):
        if _found(x, fb):
            continue
        for y in sentences(qb):
            share = shared_words(x, y)
            if share < DRIFT_SHARED_WORDS or in_order(x, y) < IN_ORDER_MIN or _found(y, fa):
                continue
            if fuzz.partial_ratio(x, y) >= DRIFT_MIN:
                return True
            shared = len(content_roots(x) & content_roots(y))
            if share >= ALIGNED_SAME_SHARE and shared >= ALIGNED_SAME_ROOTS:
                return True
    return False


def compare_attributed(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]]) -> Discrepancy | None:
    ca, cb = a.claim, b.claim
    assert isinstance(ca, AttributedClaim) and isinstance(cb, AttributedClaim)
    if not ca.quote or not cb.quote or not ca.speaker or not cb.speaker:
        return None
    if a.same_article_token == b.same_article_token or other_story(a, b):
        return None
    if min(len(content_roots(ca.quote)), len(content_roots(cb.quote))) < DRIFT_MIN_CONTENT_WORDS:
        return None  # "will be rebuilt": too few words to say which statement it is
    if shared_words(ca.quote, cb.quote) < DRIFT_SHARED_WORDS:
        return None  # about other things: neither a drift nor the same words (cheap, asked first;
        # compare/pair_filter.py asks it of the library-wide scan's pairs before the rules)
    speakers = aliases.get("speaker")
    same_speaker = names_match(ca.speaker, cb.speaker, speakers)
    if same_speaker and not _one_occasion(a, b):
        return None  # (asked before the quotes' likeness: most pairs of one speaker end here)
    sim, contained = quote_similarity(ca.quote, cb.quote)
    first, later = ordered(a, b)
    cf, cl = first.claim, later.claim
    assert isinstance(cf, AttributedClaim) and isinstance(cl, AttributedClaim)
    if same_speaker:
        if contained or transcribed(ca.quote, cb.quote) or spelled_apart(ca.quote, cb.quote):
            return None  # an excerpt, one long quote transcribed twice, or the same words spelled apart
        if not drifted(ca.quote, cb.quote):
            return None
        ops = word_diff(cf.quote or "", cl.quote or "")
        text = (f"{cap(report_name(first))} quotes {cf.speaker} as saying \u201c{_short(cf.quote)}\u201d; "
                f"{report_name(later)} quotes the same occasion as \u201c{_short(cl.quote)}\u201d.")
        label = f"{cl.speaker}, {format_date(cl.date or cf.date, with_year=True)}" if (cl.date or cf.date) \
            else str(cl.speaker)
        return make_flag("quote_drift", label, first, later, text, diff=ops)
    short_words = min(len(" ".join(fragments(ca.quote)).split()), len(" ".join(fragments(cb.quote)).split()))
    if short_words < SAME_WORDS_MIN_WORDS or not (contained or sim >= SAME_WORDS_MIN):
        return None
    if any(role_only(c.speaker) or unnamed(c.speaker) for c in (ca, cb)):
        return None  # "Varnia Prime Minister", "family attorneys" may be the person another report names
    if _speaks_for(ca, cb) or _speaks_for(cb, ca):
        return None  # "the UN says" and "Anneke Vos, who leads the UN's refugee arm": one voice
    gap = day_gap(a.as_of, b.as_of)
    if gap is not None and gap > QUOTE_WINDOW_DAYS:
        return None
    text = (f"{cap(report_name(first))} credits \u201c{_short(cf.quote)}\u201d to {cf.speaker}; "
            f"{report_name(later)} credits the same words to {cl.speaker}.")
    label = f"\u201c{_short(cl.quote, 40)}\u201d"
    return make_flag("attribution_conflict", label, first, later, text)


def _one_occasion(a: Ref, b: Ref) -> bool:
    """Two quotes of one speaker may be one occasion's words: the same date when both are dated,
    else reports close enough (a body's undated words: its statements recur day after day, near
    alike)."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, AttributedClaim) and isinstance(cb, AttributedClaim)
    if ca.date and cb.date:
        return ca.date == cb.date
    return (day_gap(a.published, b.published) or 0) <= (0 if is_body(ca.speaker) else OCCASION_DAYS)


def _speaks_for(person: AttributedClaim, body: AttributedClaim) -> bool:
    """The person's role names the body the other report credits ("chief of the UN refugee
    agency" speaks for "the UN"; "the Red Lantern Society's mission chief" for the Society)."""
    if not person.speaker_role or not body.speaker or not is_body(body.speaker):
        return False
    role = set(words_of(person.speaker_role))
    core = [w for w in words_of(body.speaker) if w not in ("the", "of", "for", "and")]
    initials = "".join(w[0] for w in core) if len(core) > 1 else ""
    return bool(core) and (all(w in role for w in core) or initials in role)  # ("United Nations": "UN")


def _short(q: str | None, limit: int = 90) -> str:
    q = (q or "").strip()
    return q if len(q) <= limit else q[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


