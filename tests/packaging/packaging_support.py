"""Where the packaging tests find things: the project root, its version, the expected artifacts.

A plain module (not conftest) so the test files can import it by name.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
APP_ID = "io.github.recount.Recount"


@dataclass(frozen=True)
class Built:
    folder: Path  # dist/recount/ (one-folder build)
    executable: Path  # dist/recount/recount
    single_file: Path | None  # Linux only
    tarball: Path | None
    deb: Path | None  # None where dpkg-deb is missing

    def artifacts(self) -> list[Path]:
        return [p for p in (self.executable, self.single_file, self.tarball, self.deb) if p is not None]


def expected_artifacts() -> Built:
    import platform

    machine = platform.machine().lower()
    deb_arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)
    linux = sys.platform.startswith("linux")
    have_deb = linux and _which("dpkg-deb")
    return Built(
        folder=DIST / "recount",
        executable=DIST / "recount" / ("recount.exe" if sys.platform == "win32" else "recount"),
        single_file=DIST / f"recount-{VERSION}-linux-{machine}" if linux else None,
        tarball=DIST / f"recount-{VERSION}-linux-{machine}.tar.gz" if linux else None,
        deb=DIST / f"recount_{VERSION}_{deb_arch}.deb" if have_deb else None,
    )


def _which(tool: str) -> bool:
    from shutil import which

    return which(tool) is not None
