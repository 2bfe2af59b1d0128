"""The built installers: the one-folder app and the single file run `--version` and `--smoke`,
the bundle holds what the app needs and not the Qt it does not use, the .deb installs, runs
and removes cleanly, and the sizes stay within their targets."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging_support import APP_ID, ROOT, VERSION, Built

pytestmark = pytest.mark.packaging

MB = 1_000_000
TARGETS = {"deb": 50 * MB, "single_file": 70 * MB}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _run(cmd: list[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a packaged binary as a user would: offscreen, its own HOME, no developer settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RECOUNT_", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CONFIG_HOME=str(home / ".config"))
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=home)


def _assert_smoke(result: subprocess.CompletedProcess[str]) -> None:
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, f"--smoke exited {result.returncode}: {result.stdout}\n{result.stderr}"
    assert len(lines) == 1 and lines[0].startswith("smoke ok"), f"not one 'smoke ok' line: {result.stdout!r}"
    # the packaged app starts the poll's own process (multiprocessing in a frozen app)
    assert "(1 by polling)" in lines[0], lines[0]


def test_one_folder_build_reports_the_pyproject_version(built: Built, tmp_path: Path):
    result = _run([str(built.executable), "--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"recount {VERSION}"


def test_one_folder_build_passes_the_smoke_check(built: Built, tmp_path: Path):
    _assert_smoke(_run([str(built.executable), "--smoke"], tmp_path))
    # The smoke run works on a temporary library: nothing lands in the user's data folder.
    assert not (tmp_path / ".local" / "share" / "Recount" / "library.db").exists()


def test_one_folder_build_runs_the_command_line(built: Built, tmp_path: Path):
    """The lazily imported command modules made it into the bundle: import, check, discrepancies."""
    exe, library, corpus = str(built.executable), str(tmp_path / "library.db"), ROOT / "tests" / "corpus"
    result = _run([exe, "--db", library, "import", "-j", "2", str(corpus)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "failed 0" in result.stdout
    article = corpus / "ostrelo-continental-2025-03-17.txt"
    result = _run([exe, "--db", library, "check", "--json", str(article)], tmp_path)
    assert result.returncode == 0, result.stderr
    checked = json.loads(result.stdout)
    assert checked["article"]["published"] == "2025-03-17" and checked["claims"]
    result = _run([exe, "--db", library, "discrepancies", "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    kinds = {d["type"] for d in json.loads(result.stdout)["discrepancies"]}
    assert kinds & {"conflict", "cumulative_decrease"}


def test_single_file_runs_version_and_smoke(built: Built, tmp_path: Path):
    if built.single_file is None:
        pytest.skip("the single file is built on Linux here (Windows: recount-portable.exe)")
    assert os.access(built.single_file, os.X_OK)
    result = _run([str(built.single_file), "--version"], tmp_path)
    assert result.stdout.strip() == f"recount {VERSION}", result.stderr
    _assert_smoke(_run([str(built.single_file), "--smoke"], tmp_path))


def test_bundle_carries_migrations_resources_and_only_the_qt_it_uses(built: Built):
    internal = built.folder / "_internal"
    package = internal / "recount"
    shipped_sql = sorted(p.name for p in (ROOT / "db").glob("*.sql"))
    assert shipped_sql and sorted(p.name for p in (package / "db").glob("*.sql")) == shipped_sql
    assert (package / "resources" / "icons" / f"{APP_ID}.svg").is_file()
    assert (package / "resources" / f"{APP_ID}.desktop").is_file()
    assert (internal / f"recount-{VERSION}.dist-info" / "METADATA").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    if sys.platform.startswith("linux"):
        platforms = {p.name for p in (plugins / "platforms").iterdir()}
        assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
        assert not platforms & {"libqeglfs.so", "libqvnc.so", "libqlinuxfb.so"}
        assert (plugins / "imageformats" / "libqsvg.so").is_file()
    present = {p.name for p in plugins.iterdir()}
    assert not present & {"qmltooling", "sqldrivers", "tls", "networkinformation", "egldeviceintegrations"}
    names = [p.name for p in internal.rglob("*")]
    for unused in ("Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "Qt6VirtualKeyboard", "libgtk-3"):
        assert not [n for n in names if unused in n], f"{unused} should not be bundled"
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()], "dangling links"


def test_bundled_libraries_are_stripped(built: Built):
    if not sys.platform.startswith("linux") or shutil.which("readelf") is None:
        pytest.skip("stripping is checked on Linux with readelf (binutils)")
    core = built.folder / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6"
    sections = subprocess.run(["readelf", "-S", "-W", str(core)], capture_output=True, text=True).stdout
    assert ".dynsym" in sections and ".symtab" not in sections


def test_tarball_holds_the_one_folder_build(built: Built):
    if built.tarball is None:
        pytest.skip("the tarball is a Linux artifact")
    top = f"recount-{VERSION}"
    with tarfile.open(built.tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
    exe = members[f"{top}/recount"]
    assert exe.isfile() and exe.mode & 0o111
    assert f"{top}/_internal/recount/resources/icons/{APP_ID}.svg" in members
    assert f"{top}/share/{APP_ID}.desktop" in members
    assert all(name == top or name.startswith(top + "/") for name in members), "one top folder"


def _deb_field(deb: Path, field: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_deb_metadata_and_layout(built: Built):
    if built.deb is None:
        pytest.skip("dpkg-deb is not installed (apt-get install dpkg-dev)")
    assert _deb_field(built.deb, "Package") == "recount"
    assert _deb_field(built.deb, "Version") == VERSION
    depends = _deb_field(built.deb, "Depends")
    for lib in ("libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libxcb-cursor0"):
        assert lib in depends
    listing = subprocess.run(["dpkg-deb", "-c", str(built.deb)], capture_output=True, text=True,
                             check=True).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    expected = {
        "/opt/recount/recount", "/usr/bin/recount",
        f"/usr/share/applications/{APP_ID}.desktop", f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"/usr/share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES),
    }
    assert expected <= paths, sorted(expected - paths)
    assert not [p for p in paths if p.startswith("/home") or "/.local/" in p]


def _installed_version(package: str) -> str | None:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status} ${Version}", package],
                         capture_output=True, text=True)
    return out.stdout.split()[-1] if out.returncode == 0 and "install ok installed" in out.stdout else None


@pytest.fixture
def system_install_lock() -> Iterator[None]:
    """One test session at a time installs the package on this machine (shared dev boxes)."""
    import fcntl  # POSIX only, like the .deb

    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / ".packaging-install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def test_deb_installs_runs_and_removes_cleanly(built: Built, tmp_path: Path, system_install_lock: None):
    if built.deb is None or shutil.which("apt-get") is None:
        pytest.skip("needs dpkg-deb and apt-get (Debian or Ubuntu)")
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root (CI runs as root)")
    if _installed_version("recount") is not None:
        pytest.skip("a recount package is already installed here; not replacing it")
    # A user's library from earlier use: removal must leave it alone.
    library = tmp_path / ".local" / "share" / "Recount" / "library.db"
    library.parent.mkdir(parents=True)
    library.write_bytes(b"the user's work")
    apt = ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=300"]
    install = subprocess.run([*apt, "install", "--no-install-recommends", str(built.deb)],
                             capture_output=True, text=True, timeout=600)
    if install.returncode != 0:  # e.g. no apt lists on a minimal image; dpkg still checks Depends
        first = install.stdout[-1500:] + install.stderr[-1500:]
        install = subprocess.run(["dpkg", "-i", str(built.deb)], capture_output=True, text=True, timeout=600)
        install.stderr = f"apt-get: {first}\ndpkg: {install.stderr}"
    try:
        assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
        assert _installed_version("recount") == VERSION
        assert Path("/usr/bin/recount").is_file()
        result = _run(["/usr/bin/recount", "--version"], tmp_path)
        assert result.stdout.strip() == f"recount {VERSION}", result.stderr
        _assert_smoke(_run(["/usr/bin/recount", "--smoke"], tmp_path))
    finally:
        remove = subprocess.run([*apt, "remove", "recount"], capture_output=True, text=True, timeout=600)
    assert remove.returncode == 0, remove.stderr[-2000:]
    assert _installed_version("recount") is None
    assert not Path("/opt/recount").exists(), "files left in /opt/recount"
    assert not Path("/usr/bin/recount").exists()
    assert not Path(f"/usr/share/applications/{APP_ID}.desktop").exists()
    assert library.read_bytes() == b"the user's work"


def test_sizes_within_targets(built: Built):
    sizes = {}
    if built.deb is not None:
        sizes["deb"] = built.deb.stat().st_size
    if built.single_file is not None:
        sizes["single_file"] = built.single_file.stat().st_size
    if not sizes:
        pytest.skip("no .deb or single file on this platform")
    for name, size in sizes.items():
        assert size <= TARGETS[name], f"{name} is {size / MB:.1f} MB, target {TARGETS[name] / MB:.0f} MB"
