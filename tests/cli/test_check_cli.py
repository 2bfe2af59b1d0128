"""`recount check`, `recount discrepancies`, `recount metrics` through real subprocesses and
real temporary libraries (the Kessel earthquake thread of the corpus)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EARLIER = ("durmak-meridian-2025-05-15", "durmak-courier-2025-05-16", "durmak-continental-2025-05-16")
LATER = "durmak-globaldispatch-2025-05-19"


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "recount", "--db", str(db), *args], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def folder(tmp_path_factory, corpus_dir_module) -> Path:
    """The thread's articles with their sidecars, and a library holding the three earlier ones."""
    root = tmp_path_factory.mktemp("kessel")
    earlier = root / "earlier"
    earlier.mkdir()
    for name in (*EARLIER, LATER):
        dest = earlier if name in EARLIER else root
        for suffix in (".txt", ".json"):
            shutil.copy(corpus_dir_module / f"{name}{suffix}", dest / f"{name}{suffix}")
    return root


@pytest.fixture(scope="module")
def corpus_dir_module() -> Path:
    return Path(__file__).parent.parent / "corpus"


@pytest.fixture
def db(folder: Path, tmp_path: Path) -> Path:
    path = tmp_path / "library.db"
    r = _run(path, "import", str(folder / "earlier"), "-q")
    assert r.returncode == 0, r.stderr
    return path


def test_check_json_flags_the_revision_and_saves_only_when_asked(db: Path, folder: Path) -> None:
    r = _run(db, "check", str(folder / f"{LATER}.txt"), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["article"]["id"] == LATER and data["claims"] and data["matches"]
    types = {d["type"] for d in data["discrepancies"]}
    assert "revision" in types
    revision = next(d for d in data["discrepancies"] if d["type"] == "revision")
    assert revision["a"]["article"] in EARLIER and revision["b"]["article"] == LATER
    assert revision["explanation"].endswith(".") and revision["key"]
    assert "saved" not in data
    listed = json.loads(_run(db, "discrepancies", "--json").stdout)["discrepancies"]
    assert all(LATER not in (d["a"]["article"], d["b"]["article"]) for d in listed)

    saved = json.loads(_run(db, "check", str(folder / f"{LATER}.txt"), "--json", "--save").stdout)
    assert saved["saved"]["added"] is True
    again = json.loads(_run(db, "check", str(folder / f"{LATER}.txt"), "--json", "--save").stdout)
    assert again["saved"]["added"] is False


def test_discrepancies_and_metrics_across_the_library(db: Path, folder: Path) -> None:
    assert _run(db, "check", str(folder / f"{LATER}.txt"), "--save").returncode == 0
    r = _run(db, "discrepancies", "--json")
    assert r.returncode == 0, r.stderr
    flags = json.loads(r.stdout)["discrepancies"]
    assert any(d["type"] == "revision" and d["b"]["article"] == LATER for d in flags)
    for d in flags:
        assert set(d["a"]) == {"article", "span", "start", "end", "published"}
    text = _run(db, "discrepancies").stdout
    assert "⚑ Revised by its source" in text and "discrepanc" in text.splitlines()[-1]

    metrics = json.loads(_run(db, "metrics", "--json").stdout)["metrics"]
    killed = next(m for m in metrics if m["category"] == "killed" and m["scope"] == "cumulative")
    assert killed["best"] == 289
    assert any(o["revised_down"] for o in killed["observations"])
    assert "best 289" in _run(db, "metrics").stdout


def test_text_output_names_flags_and_matches(db: Path, folder: Path) -> None:
    r = _run(db, "check", str(folder / f"{LATER}.txt"))
    assert r.returncode == 0, r.stderr
    assert "⚑ Revised by its source" in r.stdout and "confirmed" in r.stdout and "checked in" in r.stdout


def test_published_date_from_the_command_line(db: Path, folder: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text((folder / f"{LATER}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(_run(db, "check", str(bare), "--published", "2025-05-19", "--json").stdout)
    assert data["article"]["published"] == "2025-05-19"
    assert data["article"]["published_from"] == "argument"
    bad = _run(db, "check", str(bare), "--published", "19/05/2025")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_a_corrupt_library_is_one_line_and_exit_2(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    for args in (("check", str(folder / f"{LATER}.txt")), ("discrepancies",), ("metrics",)):
        r = _run(db, *args)
        assert r.returncode == 2, r.stdout
        assert len(r.stderr.strip().splitlines()) == 1 and "damaged" in r.stderr
        assert "Traceback" not in r.stderr
    assert db.read_bytes() == before


def test_no_library_yet(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "none.db"
    r = _run(db, "check", str(folder / f"{LATER}.txt"), "--json")
    assert r.returncode == 0 and "checked the article on its own" in r.stderr
    assert not db.exists()
    assert _run(db, "discrepancies").returncode == 2


def test_a_missing_file(tmp_path: Path) -> None:
    r = _run(tmp_path / "x.db", "check", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and "no such file" in r.stderr and "Traceback" not in r.stderr


def test_export_writes_the_format_the_extension_names(db: Path, folder: Path, tmp_path: Path) -> None:
    article = str(folder / f"{LATER}.txt")
    written = {}
    for suffix in (".html", ".md", ".csv", ".json", ".jsonld"):
        out = tmp_path / f"report{suffix}"
        r = _run(db, "check", article, "--export", str(out))
        assert r.returncode == 0, r.stderr
        assert f"wrote {out}" in r.stderr
        written[suffix] = out.read_text(encoding="utf-8")
    assert written[".html"].startswith("<!DOCTYPE html>")
    assert written[".md"].startswith("# Recount check:")
    assert written[".csv"].startswith("index,kind,span,figure")
    assert json.loads(written[".json"])["discrepancies"]
    assert json.loads(written[".jsonld"])[0]["@type"] == "ClaimReview"
    for text in written.values():
        assert "Revised by its source" in text or "revision" in text


def test_export_to_an_unknown_extension_or_missing_folder_is_refused(db: Path, folder: Path,
                                                                     tmp_path: Path) -> None:
    article = str(folder / f"{LATER}.txt")
    bad = _run(db, "check", article, "--export", str(tmp_path / "report.pdf"))
    assert bad.returncode == 2 and ".jsonld" in bad.stderr and "Traceback" not in bad.stderr
    assert bad.stdout == ""
    gone = _run(db, "check", article, "--export", str(tmp_path / "nope" / "report.md"))
    assert gone.returncode == 2 and "does not exist" in gone.stderr
    assert not (tmp_path / "nope").exists()
