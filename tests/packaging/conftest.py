"""Build the installers once per session (packaging/build.py) and hand the tests their paths.

The build takes about a minute on 2 cores. Locally, dist/ is reused when every artifact is
newer than every source file that goes into it; RECOUNT_REBUILD=1 forces a build. A lock file
keeps two test sessions in the same tree from building into dist/ at the same time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from packaging_support import ROOT, Built, expected_artifacts

# Whatever ends up in the bundle: the app, migrations, resources, the packaging itself.
SOURCES = ("desktop/recount", "db", "resources", "packaging", "pyproject.toml")


def _newest_source_mtime() -> float:
    newest = 0.0
    for rel in SOURCES:
        path = ROOT / rel
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            if "__pycache__" not in file.parts:
                newest = max(newest, file.stat().st_mtime)
    return newest


def _up_to_date(built: Built) -> bool:
    if os.environ.get("RECOUNT_REBUILD") == "1":
        return False
    artifacts = built.artifacts()
    if not all(p.exists() for p in artifacts):
        return False
    return min(p.stat().st_mtime for p in artifacts) > _newest_source_mtime()


@pytest.fixture(scope="session")
def built() -> Iterator[Built]:
    expected = expected_artifacts()
    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / ".packaging-test.lock", "w") as lock:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)  # another session building: wait for it, then reuse
        if not _up_to_date(expected):
            env = dict(os.environ, RECOUNT_PACKAGING_LOCKED="1")  # we hold build.py's lock
            result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")],
                                    capture_output=True, text=True, timeout=1200, cwd=ROOT, env=env)
            tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
            assert result.returncode == 0, f"packaging/build.py failed:\n{tail}"
            print(tail)
        missing = [str(p) for p in expected.artifacts() if not p.exists()]
        assert not missing, f"build finished without {missing}"
        yield expected
