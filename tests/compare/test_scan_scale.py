"""The streamed library-wide scan (compare/sweep.py, reconcile.iter_library_metrics) gives exactly
what the in-memory one gives (find_discrepancies / candidate_pairs over every claim), on real
temporary libraries, while holding only a sliding window of claims."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from corpus_support import fill_with_corpus
from recount.claims.model import Article
from recount.compare.check import library_discrepancies, library_refs
from recount.compare.fold import fold_flags
from recount.compare.reconcile import _same, iter_library_metrics, library_metrics, series_from_refs
from recount.compare.refs import aliases_of as _aliases
from recount.compare.scan import COMMON_SHINGLE, MAX_NEIGHBOURS, _ordinal, _runs, candidate_pairs
from recount.compare.scan_parallel import iter_library_discrepancies
from recount.compare.sweep import PairSweep, library_sweep, memberships
from recount.library.store import Library

CORPUS = Path(__file__).parent.parent / "corpus"
BENCH = Path(__file__).resolve().parent.parent.parent / "bench"


def _corpus_library(path: Path) -> Library:
    lib = Library.open(path)
    fill_with_corpus(lib)
    return lib


def _old_metrics(lib: Library, min_observations: int = 2) -> list[dict]:
    """library_metrics as it was: every figure in memory, union-find over candidate_pairs."""
    refs = library_refs(lib, kinds=("numeric",))
    places = _aliases(lib)["place"]
    parent = list(range(len(refs)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in candidate_pairs(refs):
        if find(i) != find(j) and _same(refs[i], refs[j], places):
            parent[find(i)] = find(j)
    groups: dict[int, list] = {}
    for i, r in enumerate(refs):
        groups.setdefault(find(i), []).append(r)
    out = []
    for members in groups.values():
        if len(members) >= min_observations:
            members.sort(key=lambda r: (r.as_of or "", r.published or ""))
            out.append(series_from_refs(members))
    out.sort(key=lambda s: (-len(s.observations), s.label))
    return [s.to_dict() for s in out]


def _dicts(flags) -> list[dict]:
    return [f.to_dict() for f in flags]


def _primary(f: dict) -> tuple:
    """The documented order of flags: later report's date, type, earlier article, its start."""
    return (f["b"]["published"] or "", f["type"], f["a"]["article"] or "", f["a"]["start"])


def _full(f: dict) -> tuple:
    """...and, where that ties, the other side and the key (the streamed scan's tie-break)."""
    return (*_primary(f), f["b"]["article"] or "", f["b"]["start"], f["key"])


def assert_same_flags(new: list[dict], old: list[dict]) -> None:
    """The same flags, each identical, in the same order up to ties of the primary order
    (which the in-memory scan leaves in discovery order, the streamed one breaks by the
    other side)."""
    assert sorted(new, key=_full) == sorted(old, key=_full)
    assert [_primary(f) for f in new] == [_primary(f) for f in old]
    assert new == sorted(new, key=_full)


@pytest.fixture(scope="module")
def corpus_lib(tmp_path_factory) -> Library:
    lib = _corpus_library(tmp_path_factory.mktemp("scan") / "corpus.db")
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated library (bench/make_library.py) dense enough to raise many flags."""
    sys.path.insert(0, str(BENCH))
    try:
        from make_library import make_library
    finally:
        sys.path.remove(str(BENCH))
    path = tmp_path_factory.mktemp("gen") / "gen.db"
    make_library(path, claims=6000, seed=5)
    return path


def test_corpus_flags_are_the_same_streamed(corpus_lib: Library) -> None:
    old = library_discrepancies(corpus_lib)
    new = list(iter_library_discrepancies(corpus_lib))
    assert len(old) >= 10
    assert_same_flags(_dicts(new), _dicts(old))


def test_corpus_metrics_are_the_same_streamed(corpus_lib: Library) -> None:
    old = _old_metrics(corpus_lib)
    assert old
    assert [s.to_dict() for s in library_metrics(corpus_lib)] == old
    assert [s.to_dict() for s in iter_library_metrics(corpus_lib, min_observations=1)] == \
        _old_metrics(corpus_lib, min_observations=1)


def test_generated_library_same_flags_serial_and_in_workers(generated: Path) -> None:
    with Library.open(generated) as lib:
        old = _dicts(library_discrepancies(lib))
        serial = _dicts(iter_library_discrepancies(lib))
        parallel = _dicts(iter_library_discrepancies(lib, jobs=2))
        metrics = [s.to_dict() for s in library_metrics(lib)]
        metrics_parallel = [s.to_dict() for s in iter_library_metrics(lib, jobs=2)]
        old_metrics = _old_metrics(lib)
    assert len(old) > 20
    assert {f["key"] for f in serial} == {f["key"] for f in old}
    assert_same_flags(serial, old)
    assert parallel == serial
    assert len(old_metrics) > 20 and metrics == old_metrics and metrics_parallel == old_metrics


def test_reviews_deletions_and_dismissals_are_respected(tmp_path: Path, num) -> None:
    """Corrected claims (even moved to another day or category), rejected ones, deleted articles,
    claims without a date and dismissed flags: the streamed scan agrees with the in-memory one."""
    with _corpus_library(tmp_path / "lib.db") as lib:
        numeric = [sc for sc in lib.iter_claims(kind="numeric")]
        quotes = [sc for sc in lib.iter_claims(kind="attributed")]
        lib.set_review(numeric[0].id, "rejected")
        lib.set_review(numeric[3].id, "corrected", {"value": 1, "lower": 1, "upper": 1})
        lib.set_review(numeric[5].id, "corrected", {"category": "injured_or_killed"})
        lib.set_review(numeric[7].id, "corrected", {"time": {"end": "2019-01-02", "start": None}})
        lib.set_review(quotes[1].id, "corrected", {"date": "2031-05-05"})
        lib.delete_article(numeric[-1].article_id)
        undated = Article(text="A report with no date at all. At least 12 people were killed in Oskar.",
                          published=None, outlet="Nowhere News", id="undated")
        lib.add_article(undated, [num("12 people were killed", 12, qualifier="at_least",
                                           start=None, place="Oskar")])
        before = library_discrepancies(lib)
        lib.dismiss_flag(before[0].key, "checked")
        old = _dicts(library_discrepancies(lib))
        assert_same_flags(_dicts(iter_library_discrepancies(lib)), old)
        assert before[0].key not in {f["key"] for f in old}
        assert [s.to_dict() for s in library_metrics(lib, 1)] == _old_metrics(lib, 1)


def _random_refs(rng: random.Random, n: int, make_num, make_quote, make_ref) -> list:
    """Dense random figures and quotes: few categories, places, starts and days, so that groups
    overflow MAX_NEIGHBOURS and windows overlap."""
    day0 = date(2024, 3, 1)
    refs = []
    speakers = ["Amina Tarek", "Amina Tareq", "Jon Brill", "Olek Sand"]
    words = "the port will stay closed until the storm passes and the roads are cleared".split()
    for k in range(n):
        published = (day0 + timedelta(days=rng.randrange(90))).isoformat()
        if rng.random() < 0.7:
            scope = rng.choice(("cumulative", "cumulative", "day", "point"))
            starts = (None, "2024-02-28", "2024-02-29", "2024-03-01")
            start = rng.choice(starts) if scope == "cumulative" else None
            end = published if rng.random() < 0.5 else None
            c = make_num(f"{k} killed", rng.randrange(10, 60), category=rng.choice(("killed", "count")),
                         scope=scope, start=start, end=end, place=rng.choice(("Varn", "Kessel", None)),
                         source=rng.choice((None, "the ministry", "Red Cross")), subject="people")
        else:
            start = rng.randrange(len(words) - 6)
            quote = " ".join(words[start:start + rng.randrange(5, 9)])
            c = make_quote(f"said {k}", rng.choice(speakers), quote, date=rng.choice((None, published)))
        refs.append(make_ref(c, f"art{k // 3}", published, rng.choice(("Wire", "Post", "Daily"))))
    return refs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sweep_gives_exactly_the_candidate_pairs(seed: int, num, quote, ref) -> None:
    """PairSweep fed in (date, id) order yields the same pairs as candidate_pairs over the whole
    list, including the MAX_NEIGHBOURS cap of big groups."""
    refs = _random_refs(random.Random(seed), 700, num, quote, ref)
    expected = set(candidate_pairs(refs))
    got: set[tuple[int, int]] = set()
    index = {id(r): i for i, r in enumerate(refs)}
    runs = Counter(run for r in refs if r.claim.kind == "attributed" for run in _runs(r.claim.quote))
    common = frozenset(hash(run) for run, n in runs.items() if n > COMMON_SHINGLE)
    assert common  # the stock phrases are left out, as in candidate_pairs
    for kind in ("numeric", "attributed"):  # as the library scan: one kind (and category) at a time
        for category in {getattr(r.claim, "category", None) for r in refs if r.claim.kind == kind}:
            sweep = PairSweep()
            dated = sorted((d, i) for i, r in enumerate(refs) if r.claim.kind == kind
                           and getattr(r.claim, "category", None) == category
                           and (d := _ordinal(r.as_of)) is not None)
            for d, i in dated:
                for a, b in sweep.add(d, i, refs[i], memberships(refs[i], common=common)):
                    got.add((index[id(a)], index[id(b)]))
    assert max(sum(1 for p in expected if p[0] == i) for i in range(len(refs))) >= MAX_NEIGHBOURS
    assert got == expected


def test_sweep_forgets_what_is_out_of_every_window(num, ref) -> None:
    """Memory is bounded by the window, not the library: a year of daily reports of one running
    total leaves only the last LOOKBACK_DAYS-ish of them in the sweep."""
    sweep = PairSweep()
    day0 = date(2023, 1, 1)
    for k in range(365 * 3):
        day = day0 + timedelta(days=k // 3)
        r = ref(num(f"{k}", 100 + k, start="2023-01-01", end=day.isoformat()),
                f"a{k}", day.isoformat(), "Wire", claim_id=k)
        list(sweep.add(day.toordinal(), k, r, memberships(r)))
    live = len({id(m) for _days, _cond, lanes in sweep.groups.values() for lane in lanes for m in lane})
    assert live <= 3 * 3 * 70  # three groups a claim, three claims a day, about 60 + 7 days


def test_library_sweep_reads_one_kind_and_category_in_date_order(corpus_lib: Library) -> None:
    seen = []
    for a, b in library_sweep(corpus_lib, kinds=("numeric",)):
        seen.append((a.claim.category, b.claim.category))
    assert seen and all(x == y for x, y in seen)
    cats = [x for x, _ in seen]
    assert cats == sorted(cats, key=lambda c: c or "")  # categories one after the other


def test_discrepancies_and_metrics_commands_print_the_same(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    _corpus_library(path).close()
    with Library.open(path) as lib:
        flags = _dicts(fold_flags(library_discrepancies(lib)))  # listed: one flag per change
        metrics = _old_metrics(lib)
    run = [sys.executable, "-m", "recount", "--db", str(path)]
    out = subprocess.run([*run, "discrepancies", "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    expected = json.dumps({"discrepancies": sorted(flags, key=_full)}, indent=2, ensure_ascii=False)
    assert out.stdout == expected + "\n"
    out = subprocess.run([*run, "discrepancies", "--jobs", "2"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.rstrip().endswith(f"{len(flags)} discrepancies")
    out = subprocess.run([*run, "metrics", "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"metrics": metrics}


def test_eval_without_discrepancies_json_says_there_is_nothing_to_score(tmp_path: Path) -> None:
    """`recount eval` on a folder with no discrepancies.json: no recall of 1.000 (0/0), but a plain
    sentence, and null in the JSON; a file listing no discrepancies gives null too."""
    from recount.compare.evaluate import format_flag_scores, score_flags

    name = sorted(p.stem for p in CORPUS.glob("*.txt"))[0]
    for suffix in (".txt", ".json"):
        (tmp_path / f"{name}{suffix}").write_bytes((CORPUS / f"{name}{suffix}").read_bytes())
    scores = score_flags(tmp_path)
    assert scores["recall"] is None and scores["gold"] is None and scores["false_alarms"] is None
    text = format_flag_scores(scores)
    assert "nothing to score flags against" in text and "recall" not in text
    run = subprocess.run([sys.executable, "-m", "recount", "eval", str(tmp_path), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["flags"]["recall"] is None
    run = subprocess.run([sys.executable, "-m", "recount", "eval", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert "nothing to score flags against" in run.stdout and "1.000 (0/0)" not in run.stdout
    (tmp_path / "discrepancies.json").write_text("[]", encoding="utf-8")
    listed_none = score_flags(tmp_path)
    assert listed_none["recall"] is None and listed_none["expected"] == 0
    assert "recall n/a (0/0)" in format_flag_scores(listed_none)
