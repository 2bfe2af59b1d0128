"""Build Recount's installers into dist/ with one command, from a clean checkout:

    .venv/bin/python packaging/build.py            # everything this OS can build
    .venv/bin/python packaging/build.py --no-onefile   # skip the single file (quicker)

Linux:   dist/recount/ (one folder), dist/recount-VERSION-linux-ARCH (single file),
         dist/recount-VERSION-linux-ARCH.tar.gz (the folder), dist/recount_VERSION_DEBARCH.deb
Windows: dist/recount/, dist/recount-VERSION-windows-portable.exe (installer: packaging/windows/recount.iss)
macOS:   dist/Recount.app (then packaging/macos/build-dmg.sh)

Only PyPI is reached (to install the [package] extra when PyInstaller is missing); the .deb
is assembled with dpkg-deb, so nothing else is downloaded. The last lines print sizes and
the build time; the exit status is 1 when the .deb or the single file exceeds its size target.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import gzip
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_ID = "io.github.recount.Recount"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION: str = PROJECT["version"]
TARGET_MB = {"deb": 50, "onefile": 70}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# What Qt, its xcb plugin and Python's extensions load from the system. libGL/libEGL are never
# bundled (PyInstaller leaves the GPU drivers' libraries to the system); the .deb drops its
# bundled copies of the rest (unbundle_system_libraries), the tarball and single file keep them.
# "a | b": Ubuntu 24.04 renamed some packages for the 64-bit time_t transition.
DEB_DEPENDS = [
    "libc6 (>= 2.28)", "libgl1", "libegl1", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0", "libxkbcommon0", "libxkbcommon-x11-0", "libx11-6", "libx11-xcb1",
    "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render0", "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1",
    "libxcb-xfixes0", "libxcb-xkb1", "libxcb-util1 | libxcb-util0",
]
DEB_RECOMMENDS = ["libwayland-client0", "libwayland-cursor0", "hicolor-icon-theme"]


def log(message: str) -> None:
    print(f"build: {message}", flush=True)


def run(cmd: list[str], **kwargs) -> None:
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, **kwargs)


def ensure_tools() -> None:
    """PyInstaller comes from the [package] extra; the app's own dependencies must import."""
    missing = []
    for module in ("PyInstaller", "PySide6", "sqlite_utils", "rapidfuzz", "recount"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        log(f"installing the app and its [package] extra (missing: {', '.join(missing)})")
        run([sys.executable, "-m", "pip", "install", "-q", "-e", f"{ROOT}[package]"])


def pyinstaller(onefile: bool) -> None:
    env = dict(os.environ, RECOUNT_ONEFILE="1" if onefile else "0")
    for stale in (DIST / "recount", DIST / "recount-portable", DIST / "recount-portable.exe"):
        if stale.is_dir():
            shutil.rmtree(stale)
        elif stale.exists():
            stale.unlink()
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
         str(ROOT / "packaging" / "recount.spec")], env=env)


def check_links(folder: Path) -> None:
    """Every bundled library and extension must find its libraries (bundle or system); Qt
    plugins, and the Wayland client library only they load, may miss optional ones (the
    wayland plugin on an X11-only machine: Qt then uses xcb)."""
    internal = folder / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    problems, optional = [], []
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if missing:
            only_for_plugins = "plugins" in path.parts or "Wayland" in path.name
            (optional if only_for_plugins else problems).append(f"{path.relative_to(folder)}: {missing}")
    for line in optional:
        log(f"note: optional plugin dependency absent on this machine: {line}")
    if problems:
        raise SystemExit("build: bundled libraries with unresolved links:\n  " + "\n  ".join(problems))


def arch_names() -> tuple[str, str]:
    machine = platform.machine().lower()
    deb = {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)
    if shutil.which("dpkg"):
        deb = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    return machine, deb


def make_tarball(folder: Path, machine: str) -> Path:
    out = DIST / f"recount-{VERSION}-linux-{machine}.tar.gz"
    top = f"recount-{VERSION}"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=top)
        tar.add(ROOT / "resources" / f"{APP_ID}.desktop", arcname=f"{top}/share/{APP_ID}.desktop")
        tar.add(ROOT / "resources" / "icons" / f"{APP_ID}.svg", arcname=f"{top}/share/{APP_ID}.svg")
    return out


def _installed(package: str) -> tuple[bool, str]:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}|${Depends}, ${Pre-Depends}", package],
                         capture_output=True, text=True)
    status, _, depends = out.stdout.partition("|")
    return out.returncode == 0 and "install ok installed" in status, depends


def dependency_closure(depends: list[str]) -> set[str]:
    """Installed packages that the Depends line brings in, transitively (read from dpkg's status)."""
    seen: set[str] = set()
    todo = list(depends)
    while todo:
        for alternative in todo.pop().split("|"):
            name = alternative.strip().split(" ")[0].split(":")[0]
            if not name:
                continue
            installed, deps = _installed(name)
            if installed:
                if name not in seen:
                    seen.add(name)
                    todo.extend(d for d in deps.split(",") if d.strip())
                break
    return seen


def unbundle_system_libraries(internal: Path) -> list[str]:
    """Delete from the .deb's copy the bundled libraries that a package of its Depends provides.

    The installed app then loads the system's fontconfig, xcb, xkbcommon, D-Bus, GLib... (the
    ones its configuration files, security updates and other programs expect) rather than
    copies taken from the build machine. Qt, Python, OpenSSL and SQLite stay bundled.
    """
    ldconfig_bin = shutil.which("ldconfig") or "/sbin/ldconfig"  # /sbin is not on a user's PATH
    ldconfig = subprocess.run([ldconfig_bin, "-p"], capture_output=True, text=True).stdout
    system_paths: dict[str, str] = {}
    for line in ldconfig.splitlines():
        if "=>" in line:
            system_paths.setdefault(line.split()[0], os.path.realpath(line.split("=>")[1].strip()))
    bundled = {lib.name: system_paths[lib.name] for lib in internal.iterdir()
               if lib.is_file() and not lib.is_symlink() and lib.name in system_paths}
    if not bundled:
        return []
    owners: dict[str, str] = {}  # system path -> package
    out = subprocess.run(["dpkg", "-S", *bundled.values()], capture_output=True, text=True).stdout
    for line in out.splitlines():
        package, _, path = line.partition(": ")
        owners[path.strip()] = package.split(":")[0]
    provided = dependency_closure(DEB_DEPENDS)
    removed = sorted(name for name, path in bundled.items() if owners.get(path) in provided)
    for name in removed:
        (internal / name).unlink()
    return removed


def make_deb(folder: Path, deb_arch: str) -> Path:
    root = BUILD / "deb" / "root"
    shutil.rmtree(root.parent, ignore_errors=True)
    shutil.copytree(folder, root / "opt" / "recount", symlinks=True)
    removed = unbundle_system_libraries(root / "opt" / "recount" / "_internal")
    log(f".deb uses the system's copies of {len(removed)} libraries: {' '.join(removed)}")
    check_links(root / "opt" / "recount")
    write = _writer(root)
    # A wrapper rather than a symlink: the bundle finds _internal next to the real executable.
    write("usr/bin/recount", '#!/bin/sh\nexec /opt/recount/recount "$@"\n', 0o755)
    res = ROOT / "resources"
    write("usr/share/applications/" + f"{APP_ID}.desktop", (res / f"{APP_ID}.desktop").read_text())
    write("usr/share/metainfo/" + f"{APP_ID}.metainfo.xml", (res / f"{APP_ID}.metainfo.xml").read_text())
    for size in ICON_SIZES:
        src = res / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        dest = root / "usr/share/icons/hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
    svg = (res / "icons" / f"{APP_ID}.svg").read_text()
    write(f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg", svg)
    write("usr/share/doc/recount/copyright", COPYRIGHT)
    changelog = (f"recount ({VERSION}) unstable; urgency=medium\n\n  * Release {VERSION}.\n\n"
                 f" -- {MAINTAINER}  {email.utils.formatdate(_source_date())}\n")
    gz = root / "usr/share/doc/recount/changelog.gz"
    gz.write_bytes(gzip.compress(changelog.encode(), compresslevel=9, mtime=0))
    gz.chmod(0o644)
    write("usr/share/lintian/overrides/recount", LINTIAN_OVERRIDES)
    for lib in (root / "opt").rglob("*.so*"):  # libraries are loaded, not run: no exec bit
        if lib.is_file() and not lib.is_symlink():
            lib.chmod(0o644)
    installed_kb = int(size_mb(root) * 1e6) // 1024
    control = "\n".join([
        "Package: recount",
        f"Version: {VERSION}",
        f"Architecture: {deb_arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kb}",
        "Depends: " + ", ".join(DEB_DEPENDS),
        "Recommends: " + ", ".join(DEB_RECOMMENDS),
        "Section: text",
        "Priority: optional",
        "Homepage: https://github.com/recount/recount",
        "Description: check the figures and quotes of news reports against earlier ones",
        " Recount lists every figure and attributed quote in a news report and flags",
        " what does not add up against the earlier reports in your local library.",
        "",
    ])
    write("DEBIAN/control", control)
    for name in ("postinst", "postrm"):  # cache refreshes; postrm also empties /opt/recount
        write(f"DEBIAN/{name}", (ROOT / "packaging" / "deb" / name).read_text(), 0o755)
    out = DIST / f"recount_{VERSION}_{deb_arch}.deb"
    out.unlink(missing_ok=True)
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)],
        stdout=subprocess.DEVNULL)
    return out


MAINTAINER = "The Recount team <recount@users.noreply.github.com>"
COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: recount
Source: https://github.com/recount/recount

Files: *
Copyright: 2026 The Recount team
License: MIT

Files: opt/recount/_internal/PySide6/* opt/recount/_internal/shiboken6/*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3.0-only

Files: opt/recount/_internal/libpython3* opt/recount/_internal/python3*
Copyright: Python Software Foundation
License: PSF-2.0

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files, to deal in the software without restriction,
 subject to including the copyright notice and this permission notice in all copies.
"""
# PyInstaller's bundle is not built by Debian's toolchain: these are expected and harmless.
LINTIAN_OVERRIDES = """# A third-party package: the self-contained app lives in /opt (FHS: add-on software).
recount: dir-or-file-in-opt [opt/*]
# The one-folder PyInstaller bundle ships prebuilt Python and Qt binaries and the libraries
# Python needs (zlib, expat, bzip2, OpenSSL, SQLite) so it runs the same everywhere.
recount: hardening-no-pie [opt/recount/recount]
recount: custom-library-search-path *
recount: library-not-linked-against-libc [opt/recount/_internal/*]
recount: shared-library-lacks-prerequisites [opt/recount/_internal/*]
recount: embedded-library * [opt/recount/_internal/*]
recount: no-manual-page [usr/bin/recount]
"""


def _source_date() -> float:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    return float(os.environ.get("SOURCE_DATE_EPOCH", time.time()))


def _writer(root: Path):
    def write(rel: str, text: str, mode: int = 0o644) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.chmod(mode)
    return write


def size_mb(path: Path) -> float:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    return path.stat().st_size / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Recount's installers into dist/.")
    parser.add_argument("--no-onefile", action="store_true", help="skip the single-file executable")
    parser.add_argument("--no-deb", action="store_true", help="skip the Debian package")
    args = parser.parse_args(argv)
    with build_lock():
        return build(args)


@contextlib.contextmanager
def build_lock():
    """One build (or packaging test session) at a time writes dist/ in a shared working tree.

    tests/packaging holds the same lock for its whole session and tells us with
    RECOUNT_PACKAGING_LOCKED=1, so the build it starts does not wait for itself.
    """
    if sys.platform == "win32" or os.environ.get("RECOUNT_PACKAGING_LOCKED") == "1":
        yield
        return
    import fcntl

    BUILD.mkdir(exist_ok=True)
    with open(BUILD / ".packaging-test.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log("another build or packaging test session is using dist/: waiting")
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build(args: argparse.Namespace) -> int:
    started = time.monotonic()
    ensure_tools()
    DIST.mkdir(exist_ok=True)
    pyinstaller(onefile=not args.no_onefile)
    folder = DIST / "recount"
    results: list[tuple[str, Path, int | None]] = [("one folder", folder, None)]
    if sys.platform.startswith("linux"):
        check_links(folder)
        machine, deb_arch = arch_names()
        portable = DIST / "recount-portable"
        if portable.exists():
            single = DIST / f"recount-{VERSION}-linux-{machine}"
            portable.replace(single)
            results.append(("single file", single, TARGET_MB["onefile"]))
        results.append(("tarball", make_tarball(folder, machine), None))
        if not args.no_deb:
            if shutil.which("dpkg-deb"):
                results.append(("Debian package", make_deb(folder, deb_arch), TARGET_MB["deb"]))
            else:
                log("dpkg-deb not found: skipping the .deb (apt-get install dpkg-dev)")
    elif (DIST / "recount-portable.exe").exists():
        single = DIST / f"recount-{VERSION}-windows-portable.exe"
        (DIST / "recount-portable.exe").replace(single)
        results.append(("single file", single, TARGET_MB["onefile"]))
    elif (DIST / "Recount.app").exists():
        results.append(("macOS app", DIST / "Recount.app", None))
    elapsed = time.monotonic() - started
    over = False
    print(f"recount {VERSION} built into {DIST}:")
    for label, path, target in results:
        mb = size_mb(path)
        note = ""
        if target is not None:
            over |= mb > target
            note = f"  (target <= {target} MB{', OVER' if mb > target else ''})"
        print(f"  {label:15} {path.name:38} {mb:7.1f} MB{note}")
    print(f"build time {elapsed:.0f} s")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
