"""`recount --screenshot` and `recount --smoke` as a user or the packaging tests run them."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

from _window_helpers import CORPUS, fill_library


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    # A throwaway home: the command must not read or write the user's settings either way.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    env.pop("RECOUNT_DB", None)
    return subprocess.run([sys.executable, "-m", "recount", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_screenshot_writes_a_png_of_the_checked_article(tmp_path):
    library = tmp_path / "shot.db"
    fill_library(library, ["ostrelo-continental-2025-03-12", "ostrelo-herald-2025-03-10"])
    out = tmp_path / "shots" / "main.png"
    done = run("--screenshot", str(out), "--db", str(library), "--size", "1024x700",
               "--article", str(CORPUS / "ostrelo-continental-2025-03-17.txt"), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert png_size(out) == (1024, 700)
    assert out.stat().st_size > 20_000  # a real picture of a full window, not a blank one


def test_screenshot_reports_a_missing_article(tmp_path):
    done = run("--screenshot", str(tmp_path / "x.png"), "--db", str(tmp_path / "l.db"),
               "--article", str(tmp_path / "nope.txt"), tmp_path=tmp_path)
    assert done.returncode == 1
    assert "no such file" in done.stdout + done.stderr
    assert not (tmp_path / "x.png").exists()


def test_smoke_prints_one_line_and_exits_zero(tmp_path):
    done = run("--smoke", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("smoke ok:")
    assert " 0 claims" not in lines[0] and "flagged" in lines[0] and "startup" in lines[0]
    assert "(1 by polling)" in lines[0]  # a watched folder polled in a process of its own
    assert "Traceback" not in done.stderr


def test_window_without_a_display_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "recount", "--db", str(tmp_path / "l.db")],
                          capture_output=True, text=True, timeout=60, env=env)
    if sys.platform.startswith("linux"):
        assert done.returncode == 1
        assert "no display" in done.stderr and "Traceback" not in done.stderr
