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
