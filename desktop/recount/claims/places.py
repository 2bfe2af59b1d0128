"""Where a figure is about: the relation pass over the places an article names.

The places themselves come from locatives.py (what is not a place: place_filters.py). Here:
the figure's clause first, then earlier in its paragraph, then the story's main place (a
named site the story is about, the lead, a headline's place, the dateline, the country the
article names most).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from itertools import compress

from recount.claims.countries import (
    ALIASES,
    CAPITAL_BEFORE,
    COUNTRIES,
    COUNTRY_OF,
    COUNTRY_OF_CAPITAL,
    capital_named,
    country_re,
    demonym_plural,
    first_country,
)
from recount.claims.document import Document
from recount.claims.layout import headline_paragraphs, lead_paragraphs
from recount.claims.locatives import (
    DATELINE_RE,
    LANDMARK_WORDS,
    NOT_PLACE,
    ROAD_WORDS,
    SITE,
    SUFFIXED_RE,
    clean_place,
    hints,
    locatives,
)
from recount.claims.name_hits import name_hits
from recount.claims.numbers import tokens_of
from recount.claims.place_filters import (
    ADJECTIVES,
    PARTS,
    coordinated_places,
    in_attribution,
    is_donor,
    is_part_or_org,
    item_place,
    list_spans,
    name_runs_spans,
    named_as_place,
    never_a_place,
    people_words,
    spoken_at,
    state_name_after,
    where_place,
)
from recount.claims.place_scope import (
    AREA_OF,
    CARE_SITE,
    DESTINATION,
    PART_CUE,
    REST_OF,
    WHOLE,
    WHOLE_OF_PART,
    widest,
)
from recount.claims.retrie import fast, rx

# (", including five in Velmar": a part's place is not the whole's)
_CLAUSE_END = fast(r";|,\s+(?:when|after|as|while|before|because|although|whereas|only\s+\w+ing|"
                   r"except|but|including|among\s+them)\b|\s[\u2013\u2014-]\s+(?:but|while|whereas|as)\b")

_BASED = (r"\b([A-Z][a-z]+)$")
_NEXT_CAPITAL = (r"\s+[A-Z]\w")
_WORD = (r"[A-Za-z]+")
Candidate = tuple[int, str, int]  # (offset, name, rank): rank SITE < 0 < 1, the lower the surer


class PlaceFinder:
    """Places of one document: the names it uses, the story's main place, per-figure lookups.

    Everything but the dateline is computed on first use: a report whose figures need no
    place (or that has none) costs no place scan."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        text = doc.text
        self.dateline: str | None = None
        self._dateline_cities: list[str] = []
        self.dateline_region: str | None = None  # "KESSEL, Varnia —": Varnia
        self.dateline_span: tuple[int, int] = (0, 0)
        for ps, pe in doc.paragraphs[:8]:
            m = DATELINE_RE.match(text, ps, pe)
            if m:
                self._dateline_cities = [c.strip().title() for c in m.group("city").split("/") if c.strip()]
                self.dateline_region = m.group("region")
                self.dateline = self._dateline_cities[0]
                dash = rx(r"\)\s*[-\u2013\u2014]\s*|\s[-\u2013\u2014]\s").search(text[m.end() : m.end() + 80])
                self.dateline_span = (ps, m.end() + (dash.end() if dash else 0))
                break
        self._span_cache: dict[tuple[int, int], list[Candidate]] = {}
        self._names: dict[tuple[int, str], str | None] = {}

    # -- mentions, once per document -------------------------------------------------------

    @cached_property
    def people(self) -> frozenset[str]:
        return people_words(self.doc.text, tokens_of(self.doc))

    @cached_property
    def _mentions(self) -> list[Candidate]:
        """Every locative mention, sentence by sentence (a name never runs over a sentence end)."""
        text = self.doc.text
        hint = hints(text, tokens_of(self.doc))
        out: list[Candidate] = []
        for s in self.doc.sentences:
            out.extend(locatives(text, s.start, s.end, hint))
        rare = self._rare_tokens
        for at in rare.get("capital", ()):
            m = rx(CAPITAL_BEFORE).search(text, max(0, at - 40), at)
            if m and not rx(r"capital,?\s+[A-Z\u00c0-\u00de]").match(text, at):
                capital = capital_named(m.group("c"), m.group("a"))
                if capital and capital in text:  # "over Velmora's capital": the city the article names
                    out.append((m.start(), capital, 0))
        # "250,000 Libyans": a figure counting a country's people is about the country
        out.extend((at, _DEMONYMS[rx(_WORD).match(text, at)[0]], 1) for at in rare.get("people", ()))
        out.sort()
        return out

    @cached_property
    def _rare_tokens(self) -> dict[str, list[int]]:
        """Offsets of the few words the place pass looks for ("capital", "Libyans", "states"), in
        one pass over the article's tokens."""
        starts, words = tokens_of(self.doc)
        found = list(map(_RARE.__contains__, words))
        out: dict[str, list[int]] = {}
        for at, word in zip(compress(starts, found), compress(words, found), strict=True):
            out.setdefault(_RARE[word], []).append(at)
        return out

    @cached_property
    def _mention_pos(self) -> list[int]:
        return [c[0] for c in self._mentions]

    @cached_property
    def _lists(self) -> list[tuple[int, int]]:
        return sorted(list_spans(self.doc.text, self._rare_tokens.get("part", []))
                      + name_runs_spans(self.doc.text))

    @cached_property
    def _headline_spans(self) -> list[tuple[int, int]]:
        return [self.doc.paragraphs[i] for i in sorted(headline_paragraphs(self.doc))]

    @cached_property
    def _headline_end(self) -> int:
        heads = self._headline_spans
        return heads[-1][1] if heads else 0

    @cached_property
    def known(self) -> dict[str, str]:
        """Names the article uses as places (whole and word by word), found again anywhere."""
        known = {c.lower(): c for c in self._dateline_cities}
        text = self.doc.text
        at = text.find("-based")
        while at > 0:  # "the Velmar-based agency": Velmar is a place
            m = rx(_BASED).search(text, max(0, at - 30), at)
            if m:
                known.setdefault(m.group(1).lower(), m.group(1))
            at = text.find("-based", at + 6)
        for pos, name, _rank in self._mentions:
            if (name in COUNTRIES and name not in text) or is_part_or_org(text, pos, name):
                continue  # "Libyans" counts Libya's people; "the Harlan fund" is a body
            good = [w for w in rx(r"[A-Z\u00c0-\u00de][\w-]+").findall(name)
                    if w.lower() not in NOT_PLACE and w.lower() not in ROAD_WORDS
                    and w not in self.people and w not in ADJECTIVES and w.lower() not in LANDMARK_WORDS]
            for word in good:
                known.setdefault(word.lower(), word)
            if len(good) > 1 and " ".join(good) == name:
                known.setdefault(name.lower(), name)
        return known

    @cached_property
    def _spelling(self) -> dict[str, str]:
        spelling: dict[str, str] = {}
        for name in self.known.values():
            spelling.setdefault(name.lower().replace("-", " "), name)
        return spelling

    @cached_property
    def _known_hits(self) -> tuple[list[int], list[tuple[int, int, str]]]:
        """Where the known names stand in the whole text, and their starts for bisection."""
        hits = name_hits(self.doc.text, list(self.known.values()))
        return [h[0] for h in hits], hits

    # -- the story's main place -----------------------------------------------------------

    @cached_property
    def main(self) -> str | None:
        """A site the story is about, else the first place of the lead, else the headline's, a
        region, the lead's country, the dateline city, the article's country."""
        site = self.subject_site
        if site:
            return site
        text = self.doc.text
        for ps, pe in self.doc.paragraphs:
            para = text[ps:pe]
            if len(para.split()) < 12 or para.rstrip()[-1:] not in (".", "!", "?", '"', "\u201d"):
                continue
            body_start = self.dateline_span[1] if self.dateline_span[0] == ps else ps
            first_sentence_end = next((s.end for s in self.doc.sentences if s.end > body_start), pe)
            found = self.in_span(body_start, first_sentence_end) or self.in_span(body_start, pe)
            return (found or self._first_region() or self._lead_country(body_start, pe)
                    or self._headline_place(ps) or self._headline_country(ps) or self.dateline
                    or self._article_country())
        return (self._first_region() or self._headline_place(len(text)) or self._headline_country(len(text))
                or self.dateline or self._article_country())

    @cached_property
    def subject_site(self) -> str | None:
        """"Pledges to rebuild the Saint Aubin cathedral …": a named site or event (a
        landmark, a named fire or storm) in the headline or lead, named again later, is what
        the story is about; its figures (tolls, pledges, the missing) are the site's."""
        lead = [self.doc.paragraphs[i] for i in lead_paragraphs(self.doc)] + self._headline_spans
        text = self.doc.text
        for pos, name, rank in self._mentions:
            if rank != SITE or not any(ps <= pos < pe for ps, pe in lead):
                continue
            named = text.count(name) + (text.count(name.replace(" ", "-")) if " " in name else 0)
            if named >= 2 and not is_part_or_org(text, pos, name) and not rx(CARE_SITE).search(name):
                return name
        return None

    def _headline_place(self, before: int) -> str | None:
        """A title line's place ("Aid alarm as Velmar clashes intensify"), the city first."""
        found = [c for ps, pe in self._headline_spans if ps < before for c in self._candidates(ps, pe)]
        found.sort(key=lambda c: (c[1] in COUNTRIES, c[0]))
        return found[0][1] if found else None

    def _article_country(self) -> str | None:
        """The country the article names most often (by name or adjective, twice at least; not
        in a list of parts), else the country of the capital it names: the story's country
        when neither the lead nor the dateline names a place."""
        counts: dict[str, int] = {}
        for m in country_re().finditer(self.doc.text):
            if not self._in_list(m.start()):
                country = COUNTRY_OF.get(m.group(), m.group())
                counts[country] = counts.get(country, 0) + 1
        best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
        if best[1] >= 2 or len(counts) == 1:
            return best[0]
        if not counts:
            text = self.doc.text
            for capital, country in COUNTRY_OF_CAPITAL.items():
                if capital not in COUNTRIES and capital not in self.people and named_as_place(text, capital):
                    return country
        return None

    def _headline_country(self, before: int) -> str | None:
        """The country a title line names ("Quake toll in Veskland rises"), for a lead that names none."""
        for ps, pe in self.doc.paragraphs[:3]:
            if ps >= before:
                break
            found = self._lead_country(ps, pe)
            if found:
                return found
        return None

    def _lead_country(self, start: int, end: int) -> str | None:
        """"Sri Lankan authorities revised the toll": a lead that names no place but a
        country, or a country's adjective, is about that country."""
        found = first_country(self.doc.text, start, end)
        return found[1] if found and not self._in_list(found[0]) else None

    def _first_region(self) -> str | None:
        """The first 'X province/region/district' of the article: the story's area."""
        m = SUFFIXED_RE.search(self.doc.text)
        return clean_place(m.group("place")) if m else None

    # -- places in a stretch of text ------------------------------------------------------

    def _in_list(self, pos: int) -> bool:
        return any(ls <= pos < le for ls, le in self._lists)

    def in_span(self, start: int, end: int) -> str | None:
        """The first place named in text[start:end]: a locative phrase or a known name."""
        found = self._candidates(start, end)
        return found[0][1] if found else None

    def _candidates(self, start: int, end: int) -> list[Candidate]:
        """Places named in text[start:end], the most specific first."""
        ds, de = self.dateline_span
        if ds <= start < de:
            start = de
        key = (start, end)
        found = self._span_cache.get(key)
        if found is None:
            found = self._span_cache[key] = self._find(start, end)
        return found

    def _find(self, start: int, end: int) -> list[Candidate]:
        text = self.doc.text
        mentions, pos = self._mentions, self._mention_pos
        cands = mentions[bisect_left(pos, start) : bisect_left(pos, end)]
        hit_starts, hits = self._known_hits
        after_headline = start >= self._headline_end
        for i in range(bisect_left(hit_starts, start), len(hits)):
            at, hit_end, spelled = hits[i]
            if at >= end:
                break
            if hit_end > end:
                continue
            # skip names inside organisations ("Ostrelo Liberation Front"), but not in a
            # title-case headline ("Pledges To Rebuild Saint Aubin Reach …")
            if (after_headline and rx(_NEXT_CAPITAL).match(text, hit_end)
                    and not any(c[0] <= at < c[0] + len(c[1]) for c in cands)):
                continue
            cands.append((at, self.known.get(spelled.lower(), spelled), 1))
        out = []
        for c in cands:
            name = self._place_name(c[0], c[1])
            if name is not None and not in_attribution(text, c[0], end):
                out.append((c[0], name, c[2]))
        # the more specific place first: "in Sudan as clashes spread near the capital, Khartoum"
        out.sort(key=lambda c: (c[2], c[1] in COUNTRIES, c[0], -len(c[1])))
        return out

    def _place_name(self, pos: int, name: str) -> str | None:
        """The mention's place name ("DPRK" is North Korea, "Libyans" Libya), or None when the
        words around it say it is not a place here (once per mention: ranges overlap)."""
        key = (pos, name)
        if key in self._names:
            return self._names[key]
        text = self.doc.text
        found: str | None = None
        if not (is_part_or_org(text, pos, name) or name.split()[-1] in self.people or spoken_at(text, pos)
                or self._in_list(pos) or never_a_place(text, pos, name)):
            name += state_name_after(text, pos, name)  # "the Democratic Republic" "of the Congo"
            found = ALIASES.get(name.replace(".", ""), name)
            found = demonym_plural(found) or found
            # one place, one spelling in a report: the first ("Saint Aubin", then "Saint-Aubin")
            found = self._spelling.get(found.lower().replace("-", " "), found)
        self._names[key] = found
        return found

    def for_claim(self, sentence_index: int, start: int, end: int) -> str | None:
        """Place of a figure: its clause, else earlier in its paragraph, else the main place. The
        clause ends where a subordinate clause after a comma begins (", when government forces
        advanced into Verdal"); a donor ("the city of Arlen pledged €5m") is not where it goes."""
        text = self.doc.text
        sents = self.doc.sentences
        s = sents[sentence_index]
        if where := where_place(text, s.start, start):
            return where  # "the Kessel Valley, where 1,300 have died"
        if area := rx(AREA_OF).match(text, end, s.end):
            return area[1]  # "21,350 acres of Coldwater National Forest": that part of the burn
        if went := rx(DESTINATION).match(text, end, s.end):
            return went["place"]  # "1.2 million refugees have fled to Ostland": Ostland's arrivals
        if rest := rx(REST_OF).match(text, end, s.end):
            return f"{rest['rest']} {rest['place']}"  # "14 in other districts of Tamar": not Tamar's toll
        cut = _CLAUSE_END.search(text, end, s.end)
        here = [c for c in self._candidates(s.start, cut.start() if cut else s.end)
                if not is_donor(text, c[0])]
        clause_end = cut.start() if cut else s.end
        whole = rx(WHOLE).search(text, max(s.start, start - 40), min(clause_end, end + 30))
        if whole and whole.end() <= start and rx(PART_CUE).search(text, whole.end(), start):
            whole = None  # "310,000 nationwide, including 42,000 in the capital": the part's own place
        # a country-wide figure is no named part's ("across the country, mostly in Orsk"): when no
        # country is known it is said to be "nationwide", which meets no part and no other place
        country_wide = bool(whole and rx(r"nation|countr").search(whole.group()))
        if whole and here:
            return widest(here) or self._article_country() or ("nationwide" if country_wide else here[0][1])
        if (whole or (not here and cut and rx(WHOLE_OF_PART).match(text, cut.start(), s.end))) and (
                country := self._article_country() or self.dateline_region):
            return country  # "310,000 marched (nationwide), including 42,000 in the capital"
        if country_wide:
            return "nationwide"
        if here and (joined := coordinated_places(text, s.start, cut.start() if cut else s.end,
                                                             {c[1] for c in here})):
            return joined  # "610 killed across Veloria, Tamsin and Oraku": the three together
        if here:  # "200 died in Qaram, 55 in Belsa": a listed figure's own place first
            return item_place(text, s.start, cut.start() if cut else s.end, start, end, here) or here[0][1]
        i = sentence_index - 1
        if self.subject_site:
            i = -1  # a story about a site: its figures are the site's, whatever place came before
        while i >= max(0, sentence_index - 4) and sents[i].paragraph == s.paragraph:
            p = self.in_span(sents[i].start, sents[i].end)
            if p:
                return p
            i -= 1
        return self.main


# peoples named in the plural ("Libyans", "Iraqis") and their countries
_DEMONYMS = {a + "s": c for a, c in COUNTRY_OF.items() if demonym_plural(a + "s")}
_RARE = {"capital": "capital", **dict.fromkeys(PARTS, "part"), **dict.fromkeys(_DEMONYMS, "people")}
