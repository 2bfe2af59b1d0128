"""The engine's compiled-pattern cache: the same matches as `re`, and a bad file costs only time."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from recount.claims import pattern_cache

TEXT = (
    "VELMORA CITY (Reuters) - At least 41 people were killed and 1,009 others wounded on Tuesday, "
    "the health ministry said, raising the toll from 35. \"We are overwhelmed,\" Dr Ana Ferro told "
    "reporters. Donors pledged $8.2 billion, up 50 per cent on 12 March 2024."
)


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """The module's state as in a new process, with its file in a temporary directory."""
    monkeypatch.setenv("RECOUNT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pattern_cache, "_table", None)
    monkeypatch.setattr(pattern_cache, "_derived", {})
    monkeypatch.setattr(pattern_cache, "_used", set())
    monkeypatch.setattr(pattern_cache, "_dirty", False)
    return tmp_path / pattern_cache._FILE_NAME


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]
    assert [m.groups() for m in a.finditer(TEXT)] == [m.groups() for m in b.finditer(TEXT)]


PATTERNS = [
    (r"\b(?P<n>\d{1,3}(?:,\d{3})*)\s+(?:people|others)\b", 0),
    (r"(?i)\bthe\s+(health|interior)\s+ministry\b", 0),
    (r"\b(?:killed|wounded)\b", re.IGNORECASE),
    (r"(?<=\s)[A-Z][a-z]+(?=\s+[A-Z])", 0),
    (r"\$?\d+(?:\.\d+)?\s*(?:billion|per\s+cent)", re.I | re.VERBOSE),
    (r"\"[^\"]+\"", 0),
]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_a_cached_pattern_matches_as_re_compiles_it(fresh_cache, pattern, flags):
    first = pattern_cache.compiled(pattern, flags)
    pattern_cache.save()
    assert fresh_cache.exists()
    # a new process: the pattern now comes from the file, not from `re`'s parser
    pattern_cache._table = None
    pattern_cache._dirty = False
    again = pattern_cache.compiled(pattern, flags)
    assert not pattern_cache._dirty
    _same(first, re.compile(pattern, flags))
    _same(again, re.compile(pattern, flags))


def test_a_bad_pattern_raises_as_re_does(fresh_cache):
    with pytest.raises(re.error):
        pattern_cache.compiled(r"(unclosed")


@pytest.mark.parametrize("damage", ["truncate", "garbage", "flip", "other python"])
def test_a_damaged_file_is_ignored_and_written_again(fresh_cache, damage):
    pattern_cache.compiled(r"\bwounded\b")
    pattern_cache.save()
    blob = fresh_cache.read_bytes()
    if damage == "truncate":
        fresh_cache.write_bytes(blob[: len(blob) // 2])
    elif damage == "garbage":
        fresh_cache.write_bytes(os.urandom(4096))
    elif damage == "flip":
        fresh_cache.write_bytes(blob[:-10] + bytes(b ^ 0xFF for b in blob[-10:]))
    else:
        pattern_cache._TAG, tag = "another-python", pattern_cache._TAG
        try:
            pattern_cache._table, pattern_cache._dirty = None, True
            pattern_cache._load()
            pattern_cache.save()
        finally:
            pattern_cache._TAG = tag
    pattern_cache._table = None
    pattern_cache._dirty = False
    pat = pattern_cache.compiled(r"\bwounded\b")
    assert pattern_cache._dirty  # not taken from the damaged file: compiled again
    _same(pat, re.compile(r"\bwounded\b"))
    pattern_cache.save()
    pattern_cache._table, pattern_cache._dirty = None, False
    pattern_cache.compiled(r"\bwounded\b")
    assert not pattern_cache._dirty  # the rewritten file is good


def test_an_unwritable_cache_directory_costs_only_time(tmp_path, fresh_cache, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the directory should be")
    monkeypatch.setenv("RECOUNT_CACHE_DIR", str(blocker / "sub"))
    pat = pattern_cache.compiled(r"\btoll\b")
    pattern_cache.save()  # must not raise
    assert pat.search("the toll rose")
    assert not list(tmp_path.glob("**/*.tmp"))


def test_derived_strings_are_remembered(fresh_cache):
    calls = []

    def make(pattern: str, flags: int) -> str:
        calls.append(pattern)
        return f"(?=[a-z])(?:{pattern})"

    assert pattern_cache.derived("fast", "abc", 0, make) == "(?=[a-z])(?:abc)"
    pattern_cache.save()
    pattern_cache._table, pattern_cache._derived, pattern_cache._dirty = None, {}, False
    assert pattern_cache.derived("fast", "abc", 0, make) == "(?=[a-z])(?:abc)"
    assert calls == ["abc"]


def test_a_full_cache_keeps_only_what_this_process_used(fresh_cache, monkeypatch):
    for i in range(6):
        pattern_cache.compiled(rf"\bold{i}\b")
    pattern_cache.save()
    pattern_cache._table, pattern_cache._used, pattern_cache._dirty = None, set(), False
    monkeypatch.setattr(pattern_cache, "MAX_ENTRIES", 5)
    pattern_cache.compiled(r"\bnew\b")
    pattern_cache.save()
    table, _ = pattern_cache._read(fresh_cache)
    assert set(table) == {(r"\bnew\b", 0)}


_RUN = """
import json, sys
from recount.claims import extract, pattern_cache
claims = extract(open(sys.argv[1], encoding="utf-8").read(), "2019-04-08")
print(json.dumps({"dirty": pattern_cache._dirty,
                  "claims": [[c.kind, c.start, c.end] for c in claims]}))
"""


def test_a_second_process_reads_every_engine_pattern_from_the_file(tmp_path, corpus_dir):
    """The first run of the engine writes the file; the next compiles nothing and reads the same
    claims from the same text."""
    env = {**os.environ, "RECOUNT_CACHE_DIR": str(tmp_path)}
    article = str(sorted(Path(corpus_dir).glob("*.txt"))[0])
    runs = [json.loads(subprocess.run([sys.executable, "-c", _RUN, article], env=env, check=True,
                                      capture_output=True, text=True).stdout) for _ in range(2)]
    assert runs[0]["dirty"] and not runs[1]["dirty"]
    assert runs[0]["claims"] == runs[1]["claims"] and runs[0]["claims"]
