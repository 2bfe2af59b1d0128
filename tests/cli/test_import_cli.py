"""`recount import` through a subprocess: summary, exit codes, --db/$RECOUNT_DB, faults, SIGKILL."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from recount.commands.import_ import ProgressBar
from recount.library.store import Library


def _recount(*args: str, env: dict[str, str] | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "RECOUNT_DB"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "recount", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout)


def test_import_corpus_twice(tmp_path: Path, corpus_dir: Path) -> None:
    db = tmp_path / "lib.db"
    texts = sorted(str(p) for p in corpus_dir.glob("*.txt"))
    first = _recount("--db", str(db), "import", *texts)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == f"added {len(texts)}, skipped 0, failed 0"
    assert first.stderr == ""  # no progress bar when stderr is not a terminal
    second = _recount("import", *texts, "--db", str(db))  # --db after the command
    assert second.returncode == 0
    assert second.stdout.strip().splitlines()[-1] == f"added 0, skipped {len(texts)}, failed 0"


def test_recount_db_variable_and_json_report(tmp_path: Path) -> None:
    db = tmp_path / "from-env" / "lib.db"  # folders are created as needed
    (tmp_path / "a.txt").write_text("Twelve people were arrested on Monday.")
    done = _recount("import", str(tmp_path / "a.txt"), "--json", env={"RECOUNT_DB": str(db)})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"] == "added 1, skipped 0, failed 0" and report["library"] == str(db)
    with Library.open(db) as lib:
        assert lib.count_articles() == 1


def test_bad_lines_are_named_and_exit_code_is_1(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "ok", "text": "Five people were wounded."}\n{"id": broken}\n')
    done = _recount("--db", str(tmp_path / "lib.db"), "import", str(feed), str(tmp_path / "nope.txt"))
    assert done.returncode == 1
    assert f"failed: {feed}:2: not valid JSON" in done.stderr
    assert "nope.txt: no such file or folder" in done.stderr
    assert done.stdout.strip() == "added 1, skipped 0, failed 2"


def test_corrupt_library_is_reported_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    data = b"SQLite format 3\x00" + os.urandom(5000)
    db.write_bytes(data)
    (tmp_path / "a.txt").write_text("Some report.")
    done = _recount("--db", str(db), "import", str(tmp_path / "a.txt"))
    assert done.returncode == 1
    assert "damaged" in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == data


def test_progress_bar_only_when_enabled() -> None:
    quiet, shown = io.StringIO(), io.StringIO()
    ProgressBar(quiet, enabled=False)(5, 10, "x")
    bar = ProgressBar(shown, enabled=True)
    bar(5, 10, "x")
    bar.clear()
    assert quiet.getvalue() == ""
    assert "\r[###############" in shown.getvalue() and "50%" in shown.getvalue()


def _varied_reports(corpus_dir: Path, folder: Path, count: int) -> None:
    """Distinct article files made from the corpus texts (each gets its own closing paragraph)."""
    texts = [(p.read_text(encoding="utf-8"), json.loads(p.with_suffix(".json").read_text()))
             for p in sorted(corpus_dir.glob("*.txt"))]
    folder.mkdir()
    for i in range(count):
        text, meta = texts[i % len(texts)]
        extra = f"\n\nUpdate {i}: officials said {i + 3} more people were missing in the area."
        (folder / f"report-{i:04d}.txt").write_text(text + extra, encoding="utf-8")
        (folder / f"report-{i:04d}.json").write_text(json.dumps(
            {"id": f"report-{i:04d}", "outlet": meta["outlet"], "published": meta["published"]}))


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _assert_no_orphans(marker: str) -> None:
    """The import's extraction workers must not outlive it (they die with their parent)."""
    deadline = time.monotonic() + 10
    while True:
        left = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if marker.encode() in cmdline.read_bytes():
                    left.append(cmdline.parent.name)
            except OSError:
                continue
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not left, f"worker processes left behind: {left}"


def _extracted_in_fresh_process(db: Path) -> dict[str, list[dict]]:
    """extract() of every stored article, run by the same code the import subprocess ran (a fresh
    interpreter), so the comparison holds even while the engine's files are being edited."""
    script = textwrap.dedent(f"""
        import json
        from recount.claims.extract import extract
        from recount.library.store import Library
        with Library.open({str(db)!r}, read_only=True) as lib:
            print(json.dumps({{a.ext_id: [c.to_dict() for c in extract(a.text, a.published)]
                              for a in lib.articles(limit=100000)}}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_sigkill_mid_import_leaves_only_whole_articles(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "reports"
    total = 300
    _varied_reports(corpus_dir, folder, total)
    db = tmp_path / "lib.db"
    proc = subprocess.Popen([sys.executable, "-m", "recount", "--db", str(db), "import", str(folder),
                             "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while _count(db) < 25 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    _assert_no_orphans(str(db))
    with Library.open(db) as lib:
        stored = lib.count_articles()
        assert 25 <= stored < total, "the import was not killed mid-way"
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        lib.db.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        lib.db.execute("INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')")
        expected = _extracted_in_fresh_process(db)
        assert len(expected) == stored
        for article in lib.articles(limit=total):
            got = [c.claim.to_dict() for c in lib.claims(article.id)]
            assert got == expected[article.ext_id], article.ext_id
    # and the import can simply be run again: what was stored is skipped, the rest is added
    done = _recount("--db", str(db), "import", str(folder), timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"added {total - stored}, skipped {stored}, failed 0"


def test_parallel_extraction_stores_the_same_as_sequential(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "reports"
    _varied_reports(corpus_dir, folder, 60)  # above the size where worker processes start
    results = []
    for jobs in ("1", "2"):
        db = tmp_path / f"lib-{jobs}.db"
        done = _recount("--db", str(db), "import", str(folder), "--jobs", jobs)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "added 60, skipped 0, failed 0"
        with Library.open(db) as lib:
            results.append([(a.ext_id, [c.claim.to_dict() for c in lib.claims(a.id)])
                            for a in sorted(lib.articles(limit=500), key=lambda a: a.id)])
    assert results[0] == results[1]
    assert sum(len(claims) for _, claims in results[0]) > 0


def test_ctrl_c_stops_between_articles_and_keeps_them(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "reports"
    _varied_reports(corpus_dir, folder, 300)
    db = tmp_path / "lib.db"
    proc = subprocess.Popen([sys.executable, "-m", "recount", "--db", str(db), "import", str(folder),
                             "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while _count(db) < 10 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "(cancelled)" in out and "Traceback" not in err
    stored = _count(db)
    assert f"added {stored}, skipped 0, failed 0 (cancelled)" in out
    assert 10 <= stored < 300


def test_progress_bar_on_a_terminal(tmp_path: Path, corpus_dir: Path) -> None:
    import pty

    master, slave = pty.openpty()
    texts = sorted(str(p) for p in corpus_dir.glob("*.txt"))
    proc = subprocess.Popen([sys.executable, "-m", "recount", "--db", str(tmp_path / "lib.db"), "import",
                             *texts], stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    out, _ = proc.communicate(timeout=120)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.returncode == 0
    assert b"\r[" in shown and b"100%" in shown
    assert out.strip() == f"added {len(texts)}, skipped 0, failed 0"  # stdout stays clean
