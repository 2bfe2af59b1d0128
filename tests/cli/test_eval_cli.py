"""`recount eval` through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "recount", *args], capture_output=True, text=True,
                          timeout=120)


def test_eval_prints_a_table(corpus_dir):
    r = _run("eval", str(corpus_dir))
    assert r.returncode == 0, r.stderr
    assert "numeric" in r.stdout and "attributed" in r.stdout and "F1" in r.stdout
    assert "field accuracy" in r.stdout


def test_eval_json(corpus_dir):
    r = _run("eval", str(corpus_dir), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    ext = data["extraction"]
    assert ext["articles"] >= 17
    assert ext["numeric"]["gold"] > 100
    assert set(ext["numeric"]["fields"]) >= {"category", "interval", "scope", "dates", "place", "source"}


def test_eval_missing_folder(tmp_path):
    r = _run("eval", str(tmp_path / "nope"))
    assert r.returncode == 2
    assert "not a folder" in r.stderr
    assert "Traceback" not in r.stderr


def test_eval_empty_folder(tmp_path):
    r = _run("eval", str(tmp_path))
    assert r.returncode == 2
    assert "no annotated articles" in r.stderr


def test_eval_broken_annotation(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 12 people died.", encoding="utf-8")
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    r = _run("eval", str(tmp_path))
    assert r.returncode == 2
    assert "a.json" in r.stderr and "Traceback" not in r.stderr


def test_eval_small_corpus_scores(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said at least 12 people died on Monday.", encoding="utf-8")
    ann = {"published": "2024-06-12", "claims": [
        {"kind": "numeric", "span": "at least 12 people", "value": 12, "lower": 12, "upper": None,
         "qualifier": "at_least", "category": "killed",
         "time": {"start": "2024-06-10", "end": "2024-06-10", "scope": "day"},
         "place": None, "source": None}]}
    (tmp_path / "a.json").write_text(json.dumps(ann), encoding="utf-8")
    r = _run("eval", str(tmp_path), "--json")
    assert r.returncode == 0, r.stderr
    num = json.loads(r.stdout)["extraction"]["numeric"]
    assert num["hits"] == 1 and num["fields"]["category"] == 1.0 and num["fields"]["dates"] == 1.0
