"""Relations of attributed claims: who each cue's speaker is, their role, and their quotes.

Runs after every cue has its speaker phrase: resolves phrases through the coreference index
in text order, completes roles ("OLF spokesman" -> the body's full name), and gives each
quotation to the claim it belongs to.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from recount.claims.coreference import SpeakerIndex
from recount.claims.cue_context import Cue
from recount.claims.document import Document
from recount.claims.person_names import subject_people
from recount.claims.quotes import Quote
from recount.claims.retrie import fast, rx
from recount.claims.speakers import ROLE_WORDS, has_word, is_capitalised


def resolve_speakers(doc: Document, index: SpeakerIndex, cues: list[Cue]) -> None:
    """Resolve speakers in text order, noting people named as sentence subjects along the way
    (so "he said" after "Prime Minister X, speaking in parliament, defended..." finds X)."""
    people = subject_people(doc)
    pi = 0
    for cue in cues:
        while pi < len(people) and people[pi][0] < cue.span_start:
            mention = people[pi][1]
            sp = index.resolve(mention)
            if sp is not None:
                index.note(sp)
            pi += 1
        index.position = cue.span_start
        if cue.appositive_role and cue.mention.kind == "person":
            # "General Thomas Waldhauser, the head of U.S. Africa Command": the apposition
            # describes the job; the title before the name is a rank.
            cue.mention.role = cue.appositive_role
        sp = index.resolve(cue.mention)
        if sp is None:
            continue
        if cue.mention.kind == "pronoun" and cue.mention.name in ("he", "she"):
            sp.gender = sp.gender or ("f" if cue.mention.name == "she" else "m")
        cue.speaker = sp
        if cue.appositive_role and not sp.role and sp.kind == "person":
            sp.role = cue.appositive_role
        index.note(sp)


def resolve_roles(cues: list[Cue]) -> None:
    """ "a spokesman for the rebel Ostrelo Liberation Front said" -> the spokesman the article
    names elsewhere ("Marek Tolland, the OLF spokesman"), when exactly one person fits."""
    people = {id(c.speaker): c.speaker for c in cues if c.speaker and c.speaker.kind == "person"}
    for c in cues:
        sp = c.speaker
        if sp is None or sp.kind not in ("group", "org") or not sp.name[:1].islower():
            continue
        words = sp.name.split()
        head = words[0].lower() if words else ""
        if head not in ROLE_WORDS:
            continue
        caps = [w for w in words[1:] if is_capitalised(w)]
        initials = "".join(w[0] for w in caps)
        fits = []
        for person in people.values():
            role = (person.role or "").lower()
            if head not in role:
                continue
            role_words = set((person.role or "").replace(",", " ").split())
            if not caps or role_words & set(caps) or (len(initials) > 1 and initials in role_words):
                fits.append(person)
        if len(fits) == 1:
            c.speaker = fits[0]


_INTERNATIONAL = fast(r"^(?:UN|U\.N\.|United Nations|International|World|European|Inter-)\b")


# A government body's own name: "Health Ministry", "Ministry of Social Affairs", "Civil Protection Agency".
_NATIONAL_BODY = fast(r"^(?:[A-Z][\w-]*\s+)*(?:Ministry|Agency)(?:\s+(?:of|for)\s+[A-Z][\w\s-]*)?$")


_ROLE_OF_BODY = fast(
    r"^(?:(?:the\s+)?(?:group|agency|ministry|organisation|organization)(?:'s|\u2019s)?|[Ii]ts|[Rr]ebel)\s+(\w+)$"
)


_ROLE_FOR_BODY = fast(r"^(\w+)\s+(?:for|of)\s+the\s+(?:group|agency|ministry|rebels)$")


def note_bodies(index: SpeakerIndex, cues: list[Cue]) -> None:
    """The bodies that speak, in order, so roles can name "the group" they refer to."""
    index.bodies = [c.speaker for c in cues if c.speaker is not None and c.speaker.kind == "org"]


def role_of(index: SpeakerIndex, cue: Cue) -> str | None:
    """The speaker's role as the article gives it, made self-contained: "OLF spokesman" ->
    "Ostrelo Liberation Front spokesman", "the group's commander" -> "<group> commander";
    a government body's role names its country ("Tavrenian Health Ministry")."""
    sp = cue.speaker
    if sp is None:
        return None
    role = sp.role or cue.appositive_role
    if sp.kind == "org":
        if role is None and _NATIONAL_BODY.match(sp.name) and not _INTERNATIONAL.match(sp.name):
            adjective = index.demonym()
            return f"{adjective} {sp.name}" if adjective else None
        return role
    if not role:
        return None
    role = rx(r"^\d{1,3}-year-old\s+").sub("", role)
    role = rx(r"\s+(?:who|which|whose|whom)\s").split(role, maxsplit=1)[0]
    role = rx(r"\b[A-Z]{2,6}\b").sub(lambda m: index.defined_acronym(m[0]) or m[0], role)
    m = _ROLE_OF_BODY.match(role) or _ROLE_FOR_BODY.match(role)
    if m and sp.kind == "person":
        body = index.latest_body(role, cue.span_start)
        if body is None and "group" in role.lower() and index.bodies:
            body = index.bodies[-1].name  # "a spokesperson for the group": the body that spoke last
        if body:
            return f"{body} {m[1]}"
    # "Tavrenian Prime Minister" -> "Prime Minister of Tavrenia", when the article names Tavrenia.
    nat = rx(r"([A-Z][a-z]+(?:ian|an))\s+([A-Z].+)$").match(role)
    if nat:
        word = nat[1]
        for country in (word[:-1], word[:-2] + "a", word[:-3] + "a"):
            if has_word(index.text[:20000], country):
                return f"{nat[2]} of {country}"
    return role


def attach_quotes(doc: Document, cues: list[Cue], quotes: list[Quote]) -> None:
    """Each quotation goes to the claim it belongs to: the claim of its sentence, else the claim
    just before it in the paragraph, else (a quote-only paragraph) the last claim before it."""
    if not cues:
        return
    text = doc.text
    if not quotes:
        return
    by_para: dict[int, list[Cue]] = {}
    for c in cues:
        by_para.setdefault(c.sentence.paragraph, []).append(c)
    starts = {p: [c.span_start for c in cs] for p, cs in by_para.items()}
    # each paragraph's cues by where their verb ends: a quote looks up the cues before it by
    # bisection (a pasted wall of text is one paragraph: a scan per quote would be quadratic)
    by_end = {p: sorted(cs, key=lambda c: c.verb_end) for p, cs in by_para.items()}
    ends = {p: [c.verb_end for c in cs] for p, cs in by_end.items()}
    signed = {(q.start, q.end) for c in cues for q in c.quotes}  # a signature line's, already
    for q in quotes:
        if (q.start, q.end) in signed:
            continue
        same = by_para.get(q.paragraph, [])
        owner = None
        ordered = by_end.get(q.paragraph, [])
        n_before = bisect_right(ends[q.paragraph], q.start) if ordered else 0
        last_before = ordered[n_before - 1] if n_before else None
        if last_before is not None and _introduces(text, last_before, q):
            owner = last_before  # 'X decried what he termed "...," he added': X's own words
        if owner is None and same and (_open_ended(text, q) or _cue_follows(q, ordered, n_before)):
            # '"...," said X' / '"...," X told reporters' / '"...." OCHA said.' / '"..." as safe,
            # he said': the claim right after the closing mark.
            i = bisect_left(starts[q.paragraph], q.end - 1)
            inner = text[q.inner_start : q.inner_end].rstrip()
            capital_next = text[q.end : q.end + 2].strip()[:1].isupper()
            ended = inner.endswith(".") or (inner.endswith(("!", "?")) and capital_next)
            if i < len(same) and ((not ended and _same_sentence(text, q.end, same[i].span_start))
                                  or _bare_attribution(text, q, same[i])):
                owner = same[i]
        if owner is None and same:
            # 'X said the plan was "a gesture"', or a quote continued after '"...," she said.':
            # the nearest claim before it in the paragraph.
            owner = last_before
        if owner is None and not same:
            pstart = doc.paragraphs[q.paragraph][0]
            if text[pstart : q.start].strip() == "" and q.paragraph > 0:
                prev = by_para.get(q.paragraph - 1)
                owner = prev[-1] if prev and prev[-1].quotes else None
        personal = owner is not None and owner.mention.kind in ("person", "pronoun")
        if owner is not None and (owner.verb != "according to" or personal):
            owner.quotes.append(q)  # "according to him, ... 'impossible'"; not to a body's figures


def _introduces(text: str, cue: Cue, q: Quote) -> bool:
    """A cue whose clause runs straight into the quote ('decried what he termed "...'): the quote
    is that speaker's even when another cue follows it."""
    between = text[cue.verb_end : q.start]
    return len(between) < 40 and not any(ch in between for ch in ".;:!?") and between.count(",") == 0


def _bare_attribution(text: str, q: Quote, cue: Cue) -> bool:
    """'"...." OCHA said.': the next sentence is only the attribution, right after the quote
    ('"...." She said the agency was ...' is a new statement, and the quote the one before's)."""
    return text[q.end : cue.span_start].strip() == "" and cue.sentence.end - cue.span_end <= 2


def _cue_follows(q: Quote, ordered: list[Cue], n_before: int) -> bool:
    """'"...." OCHA said.', '"..." as safe, he said.': a quote whose sentence has no claim before
    it and a claim right after, in the same sentence or as the next short one. `before`: the
    paragraph's cues by verb end, the first `n_before` of them ending before the quote."""
    for i in range(n_before - 1, -1, -1):
        c = ordered[i]
        if c.sentence.end > q.start:
            return False
        if c.verb_end < q.start - 2000:
            break  # sentences end in order: none further back reaches the quote
    return True


def _open_ended(text: str, q: Quote) -> bool:
    """A quote whose sentence goes on after it: '"...,"' or '"...?" asked', not '"...."'."""
    inner = text[q.inner_start : q.inner_end].rstrip()
    after = text[q.end : q.end + 3].lstrip()
    if not q.closed:
        return False
    if inner.endswith(","):
        return True
    if inner.endswith(("?", "!")):
        return bool(after) and after[0].islower()
    if inner.endswith("."):
        return False
    return after.startswith(",")


def _same_sentence(text: str, a: int, b: int) -> bool:
    """No sentence end between offsets a and b (only a short stretch is ever examined)."""
    if b - a > 200:
        return False
    return rx(r"[.!?][\"'\u201d\u2019]?\s+[\"\u201c]?[A-Z]").search(text[a:b]) is None
