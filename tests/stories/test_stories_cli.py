"""`recount stories` and `recount story …` through real subprocesses on a real library file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from story_reports import REPORTS, story_of, write_jsonl


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "recount", "--db", str(db), *args], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stories-cli")
    db = folder / "library.db"
    done = _run(db, "import", str(write_jsonl(folder / "reports.jsonl")))
    assert done.returncode == 0, done.stderr
    return db


def _stories(db: Path) -> list[dict]:
    done = _run(db, "stories", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["stories"]


def _copy(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    target.write_bytes(db.read_bytes())
    return target


def test_stories_json_lists_each_story_with_its_reports_by_import_id(imported: Path):
    found = _stories(imported)
    assert {frozenset(s["articles"]) for s in found} == {
        frozenset(r["id"] for r in REPORTS if story_of(r["id"]) == name)
        for name in {story_of(r["id"]) for r in REPORTS}}
    for story in found:
        assert isinstance(story["id"], int) and story["title"]
    assert json.loads(_run(imported, "stories", "--json").stdout)["stories"] == found  # stable


def test_stories_text_lists_titles_and_reports(imported: Path):
    done = _run(imported, "stories")
    assert done.returncode == 0
    assert "flood-tidewire-2025-09-11" in done.stdout
    assert done.stdout.rstrip().endswith(f"4 stories, {len(REPORTS)} reports")


def test_story_move_merge_split_rename(imported: Path, tmp_path: Path):
    db = _copy(imported, tmp_path)
    ids = {story_of(s["articles"][0]): s["id"] for s in _stories(db)}
    done = _run(db, "story", "move", "museum-review-2025-06-24", "--to", str(ids["flood"]), "--json")
    assert done.returncode == 0, done.stderr
    assert "museum-review-2025-06-24" in json.loads(done.stdout)["story"]["articles"]
    done = _run(db, "story", "move", "museum-review-2025-06-24", "--new", "--title", "Fire inquiry")
    assert done.returncode == 0 and "Fire inquiry" in done.stdout
    done = _run(db, "story", "merge", str(ids["flood"]), str(ids["bridge"]), "--json")
    merged = json.loads(done.stdout)["story"]
    assert {"flood-tidewire-2025-09-11", "bridge-tidewire-2029-05-02"} <= set(merged["articles"])
    bridge = ["bridge-tidewire-2029-05-02", "bridge-meridian-2029-05-03"]
    done = _run(db, "story", "split", str(ids["flood"]), *bridge, "--title", "Harrow bridge")
    assert done.returncode == 0, done.stderr
    done = _run(db, "story", "rename", str(ids["count"]), "Quorvia", "count", "--json")
    assert json.loads(done.stdout)["story"]["title"] == "Quorvia count"
    titles = {s["title"]: set(s["articles"]) for s in _stories(db)}
    assert titles["Harrow bridge"] == {"bridge-tidewire-2029-05-02", "bridge-meridian-2029-05-03"}
    assert titles["Fire inquiry"] == {"museum-review-2025-06-24"}
    assert "Quorvia count" in titles


def test_story_errors_say_why_and_exit_1(imported: Path, tmp_path: Path):
    db = _copy(imported, tmp_path)
    before = _stories(db)
    done = _run(db, "story", "move", "no-such-report", "--to", "1")
    assert done.returncode == 1 and "there is no report no-such-report" in done.stderr
    done = _run(db, "story", "merge", "1", "9999")
    assert done.returncode == 1 and "there is no story 9999" in done.stderr
    assert _stories(db) == before


def test_no_library_exits_2(tmp_path: Path):
    done = _run(tmp_path / "missing.db", "stories", "--json")
    assert done.returncode == 2 and "no library" in done.stderr.lower()
