"""Faults with real files: damaged, newer, locked, read-only, full. Nothing is ever lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from recount.claims.model import Article, NumericClaim, TimeSpan
from recount.library import errors
from recount.library.importer import import_paths
from recount.library.store import Library


def _claim(n: int) -> NumericClaim:
    return NumericClaim(f"{n} killed", 0, 3, f"{n} killed in Ostrelo.", n, n, n, category="killed",
                        time=TimeSpan("2025-03-03", "2025-03-10", "cumulative"), place="Ostrelo")


def _fill(path: Path, n: int = 5) -> None:
    with Library.open(path) as lib:
        for i in range(n):
            lib.add_article(Article(f"Report number {i}: {i} killed in Ostrelo.", id=f"r{i}"), [_claim(i)])


def test_random_bytes_are_refused_and_left_alone(library_file: Path) -> None:
    data = os.urandom(8192)
    library_file.write_bytes(data)
    with pytest.raises(errors.CorruptLibrary) as info:
        Library.open(library_file)
    assert "damaged" in info.value.user_message and str(library_file) in info.value.user_message
    assert library_file.read_bytes() == data
    assert sorted(p.name for p in library_file.parent.iterdir()) == [library_file.name]


def test_text_file_with_sqlite_name_is_refused(library_file: Path) -> None:
    library_file.write_text("just some notes\n")
    with pytest.raises(errors.CorruptLibrary):
        Library.open(library_file)
    assert library_file.read_text() == "just some notes\n"


def test_truncated_library_is_refused_and_left_alone(library_file: Path) -> None:
    with Library.open(library_file) as lib:
        for i in range(60):
            lib.add_article(Article(f"Long report {i}. " + "Filler sentence about the siege. " * 60),
                            [_claim(i)])
    assert not Path(f"{library_file}-wal").exists()  # checkpointed on close
    data = library_file.read_bytes()
    library_file.write_bytes(data[: len(data) // 2])
    truncated = library_file.read_bytes()
    with pytest.raises(errors.CorruptLibrary):
        Library.open(library_file)
    assert library_file.read_bytes() == truncated


def test_damaged_page_found_on_read_is_a_corrupt_library(library_file: Path, monkeypatch) -> None:
    """Big libraries skip quick_check at open; damage then surfaces as CorruptLibrary on read."""
    _fill(library_file, 40)
    data = bytearray(library_file.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # scribble over every page but the first two
        data[offset + 8: offset + 200] = os.urandom(192)
    library_file.write_bytes(bytes(data))
    monkeypatch.setattr("recount.library.connection.QUICK_CHECK_MAX_BYTES", 0)
    with pytest.raises(errors.CorruptLibrary):
        lib = Library.open(library_file)
        try:
            lib.articles(limit=100)
            list(lib.iter_claims())
        finally:
            lib.close()


def test_newer_library_is_refused_untouched(library_file: Path) -> None:
    _fill(library_file, 2)
    conn = sqlite3.connect(library_file)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = library_file.read_bytes()
    with pytest.raises(errors.NewerLibrary) as info:
        Library.open(library_file)
    assert "newer Recount" in info.value.user_message
    assert library_file.read_bytes() == before


def test_missing_library_without_create(library_file: Path) -> None:
    with pytest.raises(errors.LibraryMissing):
        Library.open(library_file, create=False)
    assert not library_file.exists()
    with pytest.raises(errors.LibraryError):
        Library.open(library_file.parent)


@contextmanager
def _writer_holding_lock(path: Path) -> Iterator[subprocess.Popen]:
    """Another process that has begun a write transaction and keeps it open."""
    script = textwrap.dedent(f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO dismissed_flags (flag_key, at) VALUES ('held', 'now')")
        print("locked", flush=True)
        time.sleep(30)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        proc.kill()
        proc.wait()


def test_locked_library_waits_then_says_so(library_file: Path) -> None:
    _fill(library_file, 3)
    with Library.open(library_file, timeout=0.5) as lib, _writer_holding_lock(library_file):
        assert lib.count_articles() == 3  # reading goes on (WAL)
        started = time.monotonic()
        with pytest.raises(errors.LibraryLocked) as info:
            lib.add_article(Article("A new report while locked."), [_claim(7)])
        waited = time.monotonic() - started
        assert 0.4 <= waited < 5, waited
        assert "busy" in info.value.user_message
    with Library.open(library_file) as lib:  # the holder was killed: its write is gone, ours can go in
        assert lib.dismissed_flags() == {}
        assert lib.add_article(Article("A new report while locked."), [_claim(7)]).added
        assert lib.count_articles() == 4


def test_read_only_mode_refuses_writes_and_reads_fine(library_file: Path) -> None:
    _fill(library_file, 3)
    before = library_file.read_bytes()
    with Library.open(library_file, read_only=True) as lib:
        assert lib.count_articles() == 3 and lib.articles("Ostrelo")
        with pytest.raises(errors.ReadOnlyLibrary):
            lib.add_article(Article("Should not be stored."), [])
        with pytest.raises(errors.ReadOnlyLibrary):
            lib.dismiss_flag("x")
    assert library_file.read_bytes() == before


@contextmanager
def _read_only_location(folder: Path) -> Iterator[None]:
    """Make `folder` and its files unwritable, even for root (chattr +i), and undo it after."""
    files = [p for p in folder.iterdir() if p.is_file()]
    if os.geteuid() != 0:
        for p in files:
            p.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
            for p in files:
                p.chmod(0o644)
        return
    chattr = shutil.which("chattr")
    targets = [str(p) for p in files] + [str(folder)]
    if chattr is None or subprocess.run([chattr, "+i", *targets], capture_output=True).returncode != 0:
        pytest.skip("running as root on a file system where chattr +i is unavailable")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", *targets], check=True)


def test_read_only_file_and_folder_say_so_and_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "library.db"
    _fill(path, 3)
    before = path.read_bytes()
    report_file = tmp_path / "new.txt"
    report_file.write_text("A report that cannot be saved: 5 killed in Ostrelo.")
    with _read_only_location(folder):
        with pytest.raises(errors.ReadOnlyLibrary) as info:
            Library.open(path)
        assert "read-only" in info.value.user_message
        with pytest.raises(errors.ReadOnlyLibrary):
            Library.open(folder / "other.db")
        with Library.open(path, read_only=True) as lib:
            assert lib.count_articles() == 3
    assert path.read_bytes() == before
    with Library.open(path) as lib:
        assert lib.count_articles() == 3


def test_disk_full_rolls_back_and_keeps_earlier_articles(library_file: Path) -> None:
    _fill(library_file, 5)
    with Library.open(library_file) as lib:
        pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
        lib.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        big = Article("A very long report. " + "Shelling continued overnight in the old town. " * 3000)
        with pytest.raises(errors.DiskFull) as info:
            lib.add_article(big, [_claim(i) for i in range(50)])
        assert "full" in info.value.user_message
        assert lib.count_articles() == 5 and lib.count_claims() == 5
        assert lib.find_article(text=big.text) is None
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        lib.db.execute("PRAGMA max_page_count = 1073741823")
        assert lib.add_article(big, [_claim(1)]).added


def test_disk_full_stops_an_import_and_keeps_what_was_stored(library_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(6):
        body = "Fighting went on. " * (20 if i < 2 else 4000)
        (folder / f"r{i}.txt").write_text(f"Report {i}. {i} people were killed in Ostrelo. {body}")
    with Library.open(library_file) as lib:
        pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
        lib.db.execute(f"PRAGMA max_page_count = {pages + 12}")
        report = import_paths(lib, [folder])
        assert report.stopped is not None and "full" in report.stopped
        assert [Path(i.name).name for i in report.added] == ["r0.txt", "r1.txt"]
        assert len(report.failed) == 1
        assert lib.count_articles() == 2
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_locked_library_stops_an_import_with_the_reason(library_file: Path, tmp_path: Path) -> None:
    _fill(library_file, 1)
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(f"Report {i}: {i + 4} people were arrested.")
    with Library.open(library_file, timeout=0.3) as lib, _writer_holding_lock(library_file):
        report = import_paths(lib, [folder])
        assert report.stopped is not None and "busy" in report.stopped
        assert not report.added and len(report.failed) == 1
    with Library.open(library_file) as lib:
        assert lib.count_articles() == 1
        assert len(import_paths(lib, [folder]).added) == 3


def test_another_programs_database_is_not_touched(tmp_path: Path) -> None:
    for version in (0, 3, 99):
        path = tmp_path / f"other-{version}.db"
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ada')")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
        conn.close()
        before = path.read_bytes()
        with pytest.raises(errors.CorruptLibrary) as info:
            Library.open(path)
        assert "another program" in info.value.user_message
        assert path.read_bytes() == before
