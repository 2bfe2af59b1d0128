"""`recount extract` through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

ARTICLE = (
    "Storm leaves dozens dead\n\n"
    "KESTA, Norland, June 12 (Wire) - At least 41 people have been killed since the storm hit on June 8, "
    "the Interior Ministry said on Tuesday.\n\n"
    "Nearly 9,000 people have fled their homes, and $12 million in aid has been pledged.\n"
)


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "recount", "extract", *args], input=stdin,
                          capture_output=True, timeout=120)


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return p


def test_json_one_file(tmp_path):
    p = _write(tmp_path, "storm.txt", ARTICLE)
    r = _run(str(p), "--json", "--published", "2024-06-12")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"article", "claims"}
    assert data["article"]["published"] == "2024-06-12"
    assert data["article"]["published_from"] == "argument"
    numeric = [c for c in data["claims"] if c["kind"] == "numeric"]
    by_value = {c["value"]: c for c in numeric}
    assert by_value[41]["qualifier"] == "at_least" and by_value[41]["category"] == "killed"
    assert by_value[41]["time"] == {"start": "2024-06-08", "end": "2024-06-11", "scope": "cumulative"}
    nearly = by_value[9000]  # "Nearly 9,000": about that many, no ceiling
    assert nearly["upper"] is None and nearly["qualifier"] == "about" and nearly["category"] == "displaced"
    assert by_value[12_000_000]["category"] == "money"
    text = ARTICLE
    for c in data["claims"]:
        assert text[c["start"] : c["end"]] == c["span"]


def test_dateline_date_is_used_without_published(tmp_path):
    p = _write(tmp_path, "storm.txt", ARTICLE)
    r = _run(str(p), "--json")
    assert r.returncode == 0, r.stderr
    art = json.loads(r.stdout)["article"]
    assert art["published"].endswith("-06-12") and art["published_from"] == "dateline"


def test_no_date_says_today(tmp_path):
    p = _write(tmp_path, "plain.txt", "Officials said 14 people were hurt in the crash.\n")
    r = _run(str(p), "--json")
    assert r.returncode == 0
    assert json.loads(r.stdout)["article"]["published"] == date.today().isoformat()
    assert b"today" in r.stderr


def test_several_files_are_json_lines(tmp_path):
    a = _write(tmp_path, "a.txt", ARTICLE)
    b = _write(tmp_path, "b.txt", "Police said 30 people were arrested on Monday.\n")
    r = _run(str(a), str(b), "--json", "--published", "2024-06-12")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 2
    objs = [json.loads(line) for line in lines]
    assert [o["file"] for o in objs] == [str(a), str(b)]
    assert [c["category"] for c in objs[1]["claims"] if c["kind"] == "numeric"] == ["arrested"]


def test_stdin(tmp_path):
    r = _run("-", "--json", "--published", "2024-06-12", stdin=ARTICLE.encode())
    assert r.returncode == 0, r.stderr
    assert any(c.get("value") == 41 for c in json.loads(r.stdout)["claims"])


def test_table(tmp_path):
    p = _write(tmp_path, "storm.txt", ARTICLE)
    r = _run(str(p), "--published", "2024-06-12")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "kind" in out.splitlines()[1] and "numeric" in out and "killed" in out and "9,000" in out


def test_empty_file(tmp_path):
    p = _write(tmp_path, "empty.txt", "   \n")
    r = _run(str(p), "--json")
    assert r.returncode == 0
    assert json.loads(r.stdout)["claims"] == []
    assert b"empty" in r.stderr


def test_binary_file_is_one_line_exit_2(tmp_path):
    p = _write(tmp_path, "photo.txt", bytes(range(256)) * 40)
    r = _run(str(p), "--json")
    assert r.returncode == 2
    assert r.stdout == b""
    assert len(r.stderr.decode().strip().splitlines()) == 1
    assert b"Traceback" not in r.stderr


def test_missing_file_exit_2_nothing_printed(tmp_path):
    ok = _write(tmp_path, "ok.txt", ARTICLE)
    r = _run(str(ok), str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and r.stdout == b""
    assert len(r.stderr.decode().strip().splitlines()) == 1


def test_latin1_is_decoded(tmp_path):
    text = "Le ministère a déclaré que 25 personnes étaient blessées. Officials said 25 people were hurt.\n"
    p = _write(tmp_path, "latin.txt", text.encode("latin-1"))
    r = _run(str(p), "--json", "--published", "2024-06-12")
    assert r.returncode == 0, r.stderr
    assert b"Traceback" not in r.stderr
    assert any(c.get("value") == 25 for c in json.loads(r.stdout)["claims"])


def test_html_main_text(tmp_path):
    html = ("<html><head><title>Storm</title><script>var x = 999999;</script></head><body>"
            "<nav>Home 1 2 3</nav><article><p>Officials said 14 people were killed on Monday in Kesta.</p>"
            "</article></body></html>")
    p = _write(tmp_path, "storm.html", html)
    r = _run(str(p), "--json", "--published", "2024-06-12")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    values = [c["value"] for c in data["claims"] if c["kind"] == "numeric"]
    assert 14 in values and 999999 not in values


def test_bad_published_date():
    r = _run("-", "--published", "12/06/2024", stdin=b"x")
    assert r.returncode == 2
    assert b"YYYY-MM-DD" in r.stderr
