"""Start-up of the packaged app: time from launching the binary to a usable window.

    .venv/bin/python bench/startup_packaged.py [--runs 7] [--binary PATH ...]

Needs the build (`python packaging/build.py`); measures dist/recount/recount (the same files
the .deb installs under /opt/recount), the single file, and /usr/bin/recount when installed.

How the figure is made, per binary (offscreen, fresh HOME, medians over the runs):
  launch         wall time of `recount --version`: bootloader, Python, the CLI imported
  window         the "startup N ms" that `recount --smoke` prints: from the window command's
                 import (Qt loaded, library opened, main window built) to the window shown
  launch+window  their sum, the time from double-click to a usable window (target <= 1.5 s)
  smoke total    wall time of the whole `--smoke` run (window, sample import, one check, exit)
  X11 window     measured directly when Xvfb and xwininfo (x11-utils) are installed: launch
                 the window on a virtual X display and poll until the main window is viewable
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.5
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def default_binaries() -> list[Path]:
    import platform

    candidates = [
        ROOT / "dist" / "recount" / ("recount.exe" if sys.platform == "win32" else "recount"),
        ROOT / "dist" / f"recount-{VERSION}-linux-{platform.machine().lower()}",
        Path("/usr/bin/recount"),
    ]
    return [p for p in candidates if p.exists()]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    elapsed = time.perf_counter() - started
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {out.returncode}:\n{out.stdout}{out.stderr}")
    return elapsed, out.stdout


def measure(binary: Path, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RECOUNT_"))}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=home)
        timed([str(binary), "--version"], env)  # warm the page cache once, as a second launch would be
        launch, window, smoke = [], [], []
        for _ in range(runs):
            launch.append(timed([str(binary), "--version"], env)[0])
            elapsed, out = timed([str(binary), "--smoke"], env)
            smoke.append(elapsed)
            match = re.search(r"startup (\d+(?:\.\d+)?) ms", out)
            if not match:
                raise SystemExit(f"{binary} --smoke printed no 'startup N ms': {out!r}")
            window.append(float(match.group(1)) / 1000)
    result = {"launch": statistics.median(launch), "window": statistics.median(window),
              "smoke total": statistics.median(smoke)}
    result["launch+window"] = result["launch"] + result["window"]
    return result


class VirtualDisplay:
    """An Xvfb server for the direct measurement, stopped on exit."""

    def __init__(self) -> None:
        self.number = next(n for n in range(90, 140) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        self.process = subprocess.Popen(["Xvfb", f":{self.number}", "-screen", "0", "1280x800x24"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{self.number}").exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.02)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _main_window_viewable(env: dict[str, str]) -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, env=env).stdout
    for line in tree.splitlines():
        match = re.match(r'\s*(0x[0-9a-f]+) "Recount[^"]*":.*?\s(\d+)x(\d+)\+', line)
        if match and int(match.group(2)) > 200:
            info = subprocess.run(["xwininfo", "-id", match.group(1)], capture_output=True, text=True,
                                  env=env).stdout
            if "IsViewable" in info:
                return True
    return False


def measure_x11(binary: Path, runs: int, display: VirtualDisplay) -> float:
    """Median time from launching the window to its main window being viewable on X11."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RECOUNT_", "QT_"))}
            env.update(DISPLAY=f":{display.number}", QT_QPA_PLATFORM="xcb", HOME=home)
            started = time.perf_counter()
            app = subprocess.Popen([str(binary), "--db", str(Path(home) / "library.db")], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                while not _main_window_viewable(env):
                    if app.poll() is not None or time.perf_counter() - started > 60:
                        raise SystemExit(f"{binary}: no window appeared")
                    time.sleep(0.005)
                times.append(time.perf_counter() - started)
            finally:
                app.terminate()
                app.wait(timeout=30)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--binary", type=Path, action="append", help="binary to time (default: all built)")
    args = parser.parse_args()
    binaries = args.binary or default_binaries()
    if not binaries:
        print("startup_packaged: nothing built; run: .venv/bin/python packaging/build.py", file=sys.stderr)
        return 1
    x11 = sys.platform.startswith("linux") and all(shutil.which(t) for t in ("Xvfb", "xwininfo"))
    display = VirtualDisplay() if x11 else None
    print(f"start-up of packaged recount {VERSION}, median of {args.runs} runs")
    print(f"{'binary':44} {'launch':>8} {'window':>8} {'launch+window':>14} {'smoke total':>12}"
          f"{'X11 window':>12}")
    over = False
    try:
        for binary in binaries:
            r = measure(binary, args.runs)
            x11_s = measure_x11(binary, args.runs, display) if display else None
            slowest = max(r["launch+window"], x11_s or 0.0)
            verdict = "ok" if slowest <= TARGET_S else "OVER"
            over |= verdict == "OVER"
            shown = str(binary.relative_to(ROOT)) if binary.is_relative_to(ROOT) else str(binary)
            x11_text = f"{x11_s:11.2f}s" if x11_s is not None else f"{'n/a':>12}"
            print(f"{shown:44} {r['launch']:7.2f}s {r['window']:7.2f}s {r['launch+window']:13.2f}s "
                  f"{r['smoke total']:11.2f}s{x11_text}  {verdict} (target <= {TARGET_S} s)")
    finally:
        if display:
            display.close()
    if not x11:
        print("(X11 window: install xvfb and x11-utils to measure the real window directly)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
