"""Generate a realistic library of N claims, fast, for the matching and check benchmarks.

    python bench/make_library.py --claims 1000000 --out /tmp/big.db

or, from another benchmark (bench/check.py):

    from make_library import make_library          # with bench/ on sys.path
    stats = make_library(path, claims=1_000_000)   # -> dict of figures (seconds, bytes, ...)

What it writes, through the library's own schema (Library.open + the store's row helpers, not
through extraction): many stories (a conflict, a flood, an earthquake...) each in its own
place and stretch of dates over 2015-2025; dozens of outlets reporting on them day after day;
running totals that grow (and now and then a revision down), day counts, point-in-time counts,
intervals ("at least", "more than", "about", ranges), sources, speakers with roles and quotes.
About 20 claims per article, 70 % numeric. Rows go in with executemany in big transactions;
the FTS indexes are filled by the schema's own triggers.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from recount.claims.model import AttributedClaim, Claim, NumericClaim, TimeSpan
from recount.library.normalise import text_hash
from recount.library.store import _INSERT_CLAIM, Library, claim_row

SYLLABLES = "ka ro sel mar dun ve li tra os nor be ham zi pol ur es ta gen vid ost rel mak".split()
CATEGORIES = {
    "conflict": ("killed", "wounded", "displaced", "missing", "arrested"),
    "flood": ("killed", "displaced", "missing", "evacuated"),
    "earthquake": ("killed", "wounded", "missing", "displaced"),
    "unrest": ("arrested", "wounded", "killed"),
}
VERBS = {"killed": "killed", "wounded": "wounded", "displaced": "displaced", "missing": "missing",
         "arrested": "arrested", "evacuated": "evacuated"}
SOURCES = ("Health Ministry", "Interior Ministry", "United Nations", "World Health Organization",
           "Red Crescent", "civil defence", "local officials", "the army", "rebel spokesmen", "UNICEF",
           "Norwegian Refugee Council", "the governor's office", "police", None, None)
ROLES = ("Foreign Minister", "Prime Minister", "Health Minister", "army spokesman", "rebel commander",
         "UN envoy", "governor", "mayor", "aid coordinator", "police chief")
VERBS_SAID = ("said", "told reporters", "said in a statement", "warned", "told a news conference", "added")
QUOTE_WORDS = ("the situation is deteriorating by the hour", "we will not accept any ceasefire",
               "the corridor will open at dawn", "hospitals are running out of fuel",
               "these figures are exaggerated", "we need access to the wounded now",
               "the operation will continue until the city is secure", "there is no military solution",
               "aid convoys have been blocked for three days", "we have counted every victim")
QUALIFIERS = (("exact", 0.45), ("at_least", 0.2), ("more_than", 0.12), ("about", 0.13),
              ("up_to", 0.04), ("range", 0.06))
SCOPES = (("cumulative", 0.55), ("day", 0.25), ("point", 0.12), ("period", 0.08))
START = date(2015, 1, 1)
ADDED_AT = "2026-01-01T00:00:00+00:00"
SPAN_DAYS = (date(2025, 12, 31) - START).days


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


@dataclass
class Story:
    kind: str
    place: str
    districts: list[str]
    start: date
    days: int
    categories: tuple[str, ...]
    base: dict[str, float]
    growth: dict[str, float]
    speakers: list[tuple[str, str]]
    sources: list[str | None]


def _stories(rng: random.Random, count: int) -> list[Story]:
    stories = []
    for _ in range(count):
        kind = rng.choice(tuple(CATEGORIES))
        place = _name(rng, rng.choice((2, 3)))
        cats = CATEGORIES[kind]
        speakers = [(f"{_name(rng)} {_name(rng, 3)}", rng.choice(ROLES)) for _ in range(rng.randint(3, 8))]
        stories.append(Story(
            kind=kind, place=place, districts=[f"{d} {place}" for d in ("northern", "southern", "eastern")],
            start=START + timedelta(days=rng.randrange(SPAN_DAYS - 30)), days=rng.randint(5, 120),
            categories=cats, base={c: rng.uniform(3, 400) for c in cats},
            growth={c: rng.uniform(0.01, 0.08) for c in cats}, speakers=speakers,
            sources=rng.sample(SOURCES, 5),
        ))
    return stories


def _choose(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


class _Writer:
    """Builds an article's text sentence by sentence, keeping claim offsets exact."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str, span: str | None = None) -> tuple[int, int]:
        if self.parts:
            sep = "\n\n" if len(self.parts) % 3 == 0 else " "
            self.parts.append(sep)
            self.length += len(sep)
        begin = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        if span is None:
            return begin, begin
        offset = sentence.index(span)
        return begin + offset, begin + offset + len(span)

    def text(self) -> str:
        return "".join(self.parts)


def _numeric(rng: random.Random, story: Story, day: int, published: date, w: _Writer) -> NumericClaim:
    cat = rng.choice(story.categories)
    scope = _choose(rng, SCOPES)
    running = story.base[cat] * (1 + story.growth[cat]) ** min(day, 40)
    if scope == "cumulative":
        value = running * rng.uniform(0.97, 1.03) * (0.8 if rng.random() < 0.03 else 1.0)  # rare revision
    elif scope == "day":
        value = running * rng.uniform(0.03, 0.2)
    else:
        value = running * rng.uniform(0.1, 0.6)
    value = max(1, round(value, -1 if value > 1000 else 0))
    qualifier = _choose(rng, QUALIFIERS)
    lower: float | None = value
    upper: float | None = value
    lower_inc = upper_inc = True
    words = {"exact": "", "at_least": "at least ", "more_than": "more than ", "about": "about ",
             "up_to": "up to ", "range": ""}[qualifier]
    shown = f"{int(value):,}"
    if qualifier == "at_least":
        upper = None
    elif qualifier == "more_than":
        upper, lower_inc = None, False
    elif qualifier == "about":
        lower = upper = None
    elif qualifier == "up_to":
        lower = None
    elif qualifier == "range":
        lower, upper = value, round(value * rng.uniform(1.1, 1.5))
        shown = f"between {int(lower):,} and {int(upper):,}"
        value = (lower + upper) / 2
    place = rng.choice([story.place, story.place, *story.districts])
    source = rng.choice(story.sources)
    span = f"{words}{shown} people"
    if scope == "cumulative":
        time = TimeSpan(story.start.isoformat(), published.isoformat(), "cumulative")
        when = f"since {story.start:%B} {story.start.day}"
    elif scope == "day":
        day_date = published - timedelta(days=rng.randint(0, 2))
        time = TimeSpan(day_date.isoformat(), day_date.isoformat(), "day")
        when = f"on {day_date:%A}"
    elif scope == "point":
        time = TimeSpan(published.isoformat(), published.isoformat(), "point")
        when = "as of today"
    else:
        first = published - timedelta(days=rng.randint(3, 10))
        time = TimeSpan(first.isoformat(), published.isoformat(), "period")
        when = f"between {first:%B} {first.day} and {published:%B} {published.day}"
    said = f", {source} said" if source else ""
    subject = rng.choice(("people", "civilians", "children", "residents", "soldiers"))
    span = span.replace("people", subject)
    sentence = f"{span[0].upper()}{span[1:]} have been {VERBS[cat]} in {place} {when}{said}."
    span = span[0].upper() + span[1:]
    start, end = w.add(sentence, span)
    return NumericClaim(span=span, start=start, end=end,
                        sentence=sentence, value=value, lower=lower, upper=upper, lower_inclusive=lower_inc,
                        upper_inclusive=upper_inc, qualifier=qualifier, category=cat, subject=subject,
                        time=time, place=place, source=source)


def _attributed(rng: random.Random, story: Story, published: date, w: _Writer) -> AttributedClaim:
    speaker, role = rng.choice(story.speakers)
    verb = rng.choice(VERBS_SAID)
    quote = rng.choice(QUOTE_WORDS)
    if rng.random() < 0.3:  # reworded by another outlet: the drift the checker looks for
        quote = quote.replace("the ", "").replace("will", "would")
    said_on = published - timedelta(days=rng.randint(0, 1))
    span = f"{role} {speaker} {verb}"
    sentence = f'"{quote[0].upper()}{quote[1:]}," {span} on {said_on:%A} in {story.place}.'
    start, end = w.add(sentence, span)
    return AttributedClaim(span=span, start=start, end=end, sentence=sentence, speaker=speaker,
                           speaker_role=role, verb=verb, quote=quote[0].upper() + quote[1:],
                           date=said_on.isoformat())


def make_articles(rng: random.Random, stories: list[Story], outlets: list[str], claims_target: int):
    """Yield (ext_id, title, outlet, url, published, text, claims) until claims_target claims."""
    made = n = 0
    while made < claims_target:
        story = rng.choice(stories)
        day = rng.randrange(story.days)
        published = story.start + timedelta(days=day)
        outlet = rng.choice(outlets)
        w = _Writer()
        title = f"{story.kind.capitalize()} in {story.place}: day {day + 1}"
        w.add(f"{outlet.upper()}, {published:%B} {published.day} - Reporting from {story.place} continued.")
        want = min(rng.randint(10, 30), claims_target - made)
        claims: list[Claim] = []
        for _ in range(want):
            if rng.random() < 0.7:
                claims.append(_numeric(rng, story, day, published, w))
            else:
                claims.append(_attributed(rng, story, published, w))
            if rng.random() < 0.25:
                w.add(f"Residents described the scene in {rng.choice(story.districts)} as chaotic.")
        n += 1
        made += len(claims)
        ext_id = f"gen-{n:07d}"
        yield ext_id, title, outlet, f"https://news.example/{ext_id}", published.isoformat(), w.text(), claims


def ensure_library(path: Path, claims: int) -> None:
    """Build the benchmark library once, in its own process (other benchmarks reuse the file)."""
    if path.exists():
        return
    import subprocess

    print(f"building {path} with {claims:,} claims (bench/make_library.py)...", flush=True)
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--claims", str(claims),
                    "--out", str(path), "--no-lookups"], check=True)


def make_library(path: str | Path, claims: int = 1_000_000, seed: int = 1,
                 progress: Callable[[int, int], None] | None = None, batch_articles: int = 2000) -> dict:
    """Create a library at `path` (which must not exist) holding about `claims` claims.

    Returns figures: articles, claims, stories, outlets, seconds, bytes, first/last date.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; remove it or choose another --out")
    rng = random.Random(seed)
    started = time.perf_counter()
    stories = _stories(rng, max(20, claims // 2500))
    outlets = [f"The {_name(rng)} {rng.choice(('Times', 'Post', 'Herald', 'Wire', 'Daily', 'Courier'))}"
               for _ in range(60)]
    lib = Library.open(path)
    conn: sqlite3.Connection = lib.db.conn
    conn.execute("PRAGMA cache_size = -65536")  # 64 MB while bulk loading
    made_articles = made_claims = 0
    first = last = None
    article_rows: list[tuple] = []
    claim_rows: list[tuple] = []

    def flush() -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for (ext_id, title, outlet, url, published, text, cl) in article_rows:
                cur = conn.execute(
                    "INSERT INTO articles (ext_id, title, outlet, url, published, text, text_hash, added_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (ext_id, title, outlet, url, published, text, text_hash(text), ADDED_AT))
                article_id = cur.lastrowid
                for claim in cl:
                    values, as_of, extra = claim_row(claim, published)
                    claim_rows.append((article_id, *values, as_of, extra))
            conn.executemany(_INSERT_CLAIM, claim_rows)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        article_rows.clear()
        claim_rows.clear()

    for row in make_articles(rng, stories, outlets, claims):
        article_rows.append(row)
        made_articles += 1
        made_claims += len(row[6])
        first = min(first or row[4], row[4])
        last = max(last or row[4], row[4])
        if len(article_rows) >= batch_articles:
            flush()
            if progress:
                progress(made_claims, claims)
    if article_rows:
        flush()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    seconds = time.perf_counter() - started
    return {"path": str(path), "articles": made_articles, "claims": made_claims, "stories": len(stories),
            "outlets": len(outlets), "first_date": first, "last_date": last, "seconds": round(seconds, 1),
            "bytes": path.stat().st_size}


def time_lookups(path: str | Path, samples: int = 200, seed: int = 2) -> dict[str, tuple[float, float]]:
    """p50/p95 milliseconds of typical candidate lookups (what the matcher asks per claim)."""
    rng = random.Random(seed)
    results: dict[str, list[float]] = {}
    with Library.open(path) as lib:
        top = lib.db.execute("SELECT max(id) FROM articles").fetchone()[0]
        for _ in range(samples):
            article = lib.article(rng.randint(1, top))
            if article is None or article.published is None:
                continue
            day = date.fromisoformat(article.published)
            numeric = next((c.claim for c in lib.claims(article.id) if c.claim.kind == "numeric"), None)
            place = getattr(numeric, "place", None) or article.title or ""
            cases = {
                "numeric, category, 31-day window": dict(kind="numeric", categories=["killed"]),
                "numeric, 2 categories, window, place terms": dict(
                    kind="numeric", categories=["killed", "wounded"], terms=place),
                "attributed, 15-day window, name terms": dict(
                    kind="attributed", terms=article.title or "", window=14),
            }
            for label, kwargs in cases.items():
                window = kwargs.pop("window", 30)
                started = time.perf_counter()
                lib.candidate_claims(date_from=day - timedelta(days=window), date_to=day + timedelta(days=1),
                                     exclude_article=article.id, limit=200, **kwargs)
                results.setdefault(label, []).append((time.perf_counter() - started) * 1000)
    figures = {}
    for label, times in results.items():
        times.sort()
        figures[label] = (times[len(times) // 2], times[max(0, int(len(times) * 0.95) - 1)])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--out", required=True, help="library file to create (must not exist)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    parser.add_argument("--no-lookups", action="store_true", help="skip timing candidate lookups")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.force:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)

    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done:,} / {total:,} claims", end="", file=sys.stderr, flush=True)

    stats = make_library(out, args.claims, args.seed, progress=show)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"library      {stats['path']}")
    print(f"articles     {stats['articles']:,}")
    print(f"claims       {stats['claims']:,}")
    print(f"stories      {stats['stories']:,} ({stats['first_date']} .. {stats['last_date']})")
    print(f"outlets      {stats['outlets']}")
    rate = stats["claims"] / max(stats["seconds"], 1e-9)
    print(f"time         {stats['seconds']:.1f} s ({rate:,.0f} claims/s)")
    print(f"file size    {stats['bytes'] / 1e6:,.0f} MB ({stats['bytes'] / stats['claims']:.0f} bytes/claim)")
    if not args.no_lookups:
        print("candidate_claims(limit=200), 200 random articles:")
        for label, (p50, p95) in time_lookups(out).items():
            print(f"  {label:45} p50 {p50:5.1f} ms   p95 {p95:5.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
