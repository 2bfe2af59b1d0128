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


def test_eval_reads_texts_kept_apart_from_the_annotations(corpus_dir, tmp_path):
    import shutil

    notes, texts = tmp_path / "annotations", tmp_path / "texts"
    notes.mkdir()
    texts.mkdir()
    for ann in sorted(corpus_dir.glob("ostrelo-*.json")):
        shutil.copy(ann, notes / ann.name)
        shutil.copy(ann.with_suffix(".txt"), texts / ann.with_suffix(".txt").name)
    alone = _run("eval", str(notes), "--json")
    assert alone.returncode == 2 and "no annotated articles" in alone.stderr
    r = _run("eval", str(notes), "--texts", str(texts), "--json")
    assert r.returncode == 0, r.stderr
    ext = json.loads(r.stdout)["extraction"]
    assert ext["articles"] == len(list(notes.glob("*.json")))
    assert ext["numeric"]["f1"] > 0.9 and ext["numeric"]["fields"]["place"] is not None
    missing = _run("eval", str(notes), "--texts", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "not a folder" in missing.stderr
