"""A normal (non-editable) install must carry the migrations and resources the app opens at
run time: db/ and resources/ sit at the top level and reach the package only through
pyproject's package-dir mapping, which is easy to break."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_every_migration_and_resource(tmp_path):
    # Build from a clean copy: setuptools reuses ./build/lib, which would hide a missing file.
    src = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for part in ("desktop", "db", "resources"):
        shutil.copytree(ROOT / part, src / part, ignore=ignore)
    for part in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / part, src / part)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("recount-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"recount/{top}/{path.relative_to(ROOT / top).as_posix()}"
        for top in ("db", "resources")
        for path in (ROOT / top).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert expected, "nothing to ship?"
    assert not expected - names, sorted(expected - names)
