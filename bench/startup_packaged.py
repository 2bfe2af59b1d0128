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
"""

from __future__ import annotations

import argparse
import os
import re
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--binary", type=Path, action="append", help="binary to time (default: all built)")
    args = parser.parse_args()
    binaries = args.binary or default_binaries()
    if not binaries:
        print("startup_packaged: nothing built; run: .venv/bin/python packaging/build.py", file=sys.stderr)
        return 1
    print(f"start-up of packaged recount {VERSION}, median of {args.runs} runs, offscreen")
    print(f"{'binary':44} {'launch':>8} {'window':>8} {'launch+window':>14} {'smoke total':>12}")
    over = False
    for binary in binaries:
        r = measure(binary, args.runs)
        verdict = "ok" if r["launch+window"] <= TARGET_S else "OVER"
        over |= verdict == "OVER"
        shown = str(binary.relative_to(ROOT)) if binary.is_relative_to(ROOT) else str(binary)
        print(f"{shown:44} {r['launch']:7.2f}s {r['window']:7.2f}s {r['launch+window']:13.2f}s "
              f"{r['smoke total']:11.2f}s  {verdict} (target <= {TARGET_S} s)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
