"""`recount watch add|list|remove|run` in a subprocess, against the test server."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from _watch_site import Route, page, rss


def _recount(db, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "RECOUNT_DB"}
    return subprocess.run([sys.executable, "-m", "recount", "--db", str(db), "watch", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_add_list_remove(tmp_path, site):
    db = tmp_path / "lib.db"
    folder = tmp_path / "inbox"
    folder.mkdir()
    out = _recount(db, "add", site.url("/feed.xml"), "--name", "Valley News", "--every", "30")
    assert out.returncode == 0 and out.stdout.startswith("added source 1: http://127.0.0.1")
    assert _recount(db, "add", str(folder)).returncode == 0
    listed = json.loads(_recount(db, "list", "--json").stdout)["sources"]
    assert [(s["id"], s["kind"], s["name"], s["every_minutes"], s["status"]) for s in listed] == [
        (1, "feed", "Valley News", 30, "new"), (2, "folder", None, 15, "new")]
    assert listed[1]["location"] == str(folder.resolve())
    assert "Valley News" in _recount(db, "list").stdout
    assert _recount(db, "remove", "1").returncode == 0
    assert [s["id"] for s in json.loads(_recount(db, "list", "--json").stdout)["sources"]] == [2]
    assert site.requests == []  # adding and listing never go on the network


def test_bad_sources_are_refused_with_a_message(tmp_path):
    db = tmp_path / "lib.db"
    refused = (("file:///etc/passwd", "only http and https"), (str(tmp_path / "nope"), "does not exist"),
               ("gopher://x.org/", "only http and https"))
    for target, words in refused:
        out = _recount(db, "add", target)
        assert out.returncode == 2 and words in out.stderr, out.stderr
    assert _recount(db, "add", "https://example.org/feed", "--every", "0").returncode == 2
    out = _recount(db, "remove", "9")
    assert out.returncode == 2 and "no source 9" in out.stderr


def test_run_json_contract_and_a_failing_source(tmp_path, site):
    db = tmp_path / "lib.db"
    site.routes["/news/toll-40"] = Route(page("toll-40"))
    site.routes["/news/toll-35"] = Route(page("toll-35"))
    site.routes["/feed.xml"] = Route(rss(site, [("Forty", "/news/toll-40", "2025-03-03", None),
                                                ("Thirty-five", "/news/toll-35", "2025-03-07", None)]),
                                     content_type="application/rss+xml")
    site.routes["/dead.xml"] = Route(b"", status=500)
    _recount(db, "add", site.url("/feed.xml"))
    _recount(db, "add", site.url("/dead.xml"))
    out = _recount(db, "run", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"sources", "imported", "changes"}
    assert [{k: s[k] for k in ("id", "status", "new", "error")} for s in data["sources"]] == [
        {"id": 1, "status": "ok", "new": 2, "error": None},
        {"id": 2, "status": "error", "new": 0, "error": "HTTP 500 Internal Server Error"}]
    assert data["sources"][0]["url"] == site.url("/feed.xml") and len(data["imported"]) == 2
    assert {(c["kind"], c["type"]) for c in data["changes"]} == {("flag", "cumulative_decrease"),
                                                                 ("estimate", "estimate_down")}
    assert {"kind", "story", "type", "explanation"} <= set(data["changes"][0])
    # Nothing is due now; --once polls everything anyway (the dead feed waits, backed off, otherwise).
    assert json.loads(_recount(db, "run", "--json").stdout)["sources"] == []
    again = _recount(db, "run", "--once")
    assert again.returncode == 0
    assert "source 1" in again.stdout and "HTTP 500" in again.stdout
    assert "imported 0, 0 changes" in again.stdout
