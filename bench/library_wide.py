"""Time and peak memory of the library-wide commands on the 1,000,000-claim benchmark library.

    .venv/bin/python bench/library_wide.py                 # builds /tmp/recount-bench-1m.db once
    .venv/bin/python bench/library_wide.py --db /tmp/recount-bench-100k.db --jobs 1
    .venv/bin/python bench/library_wide.py --only rescan      # `recount discrepancies --rescan --json` alone

Runs `recount metrics --json`, `recount discrepancies --rescan --json` (every flag recomputed
and stored again) and `recount discrepancies --json` (the stored flags listed) as the user would
(output to a file), and samples the resident memory of the command and its worker processes every 0.1 s:
the peak of their sum is the figure to hold to the issue's 300 MB. Prints the wall time, the CPU
time of the command and its workers (what the load of a shared machine does not inflate) and
the load average. `--rescan` writes the library: point --db at a copy of a shared library.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_library import ensure_library  # noqa: E402  (a sibling script)

# --only name -> the command's arguments
COMMANDS = {"metrics": ("metrics", []), "rescan": ("discrepancies", ["--rescan"]),
            "list": ("discrepancies", [])}


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    """The process and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _children_cpu() -> float:
    """CPU seconds of the finished children (a command and, once it waited for them, its workers):
    what the work costs whatever else the machine runs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(args: list[str], out_path: Path) -> dict[str, float]:
    """Wall time, peak summed RSS of the process tree, and the largest single process."""
    started = time.perf_counter()
    cpu0 = _children_cpu()
    with open(out_path, "wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.PIPE)
        peak_sum = peak_one = 0
        while proc.poll() is None:
            sizes = [_rss_kb(pid) for pid in _tree(proc.pid)]
            peak_sum = max(peak_sum, sum(sizes))
            peak_one = max(peak_one, max(sizes, default=0))
            time.sleep(0.1)
        err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err}")
    return {"seconds": time.perf_counter() - started, "cpu": _children_cpu() - cpu0,
            "peak_mb": peak_sum / 1024, "largest_mb": peak_one / 1024,
            "output_mb": out_path.stat().st_size / 1e6}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/recount-bench-1m.db"))
    parser.add_argument("--claims", type=int, default=1_000_000, help="when the library must be built")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: the commands')")
    parser.add_argument("--only", choices=sorted(COMMANDS), action="append",
                        help="run only this command (may be repeated; default: all three)")
    args = parser.parse_args(argv)
    ensure_library(args.db, args.claims)
    recount = [sys.executable, "-m", "recount", "--db", str(args.db)]
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    print(f"library {args.db} ({args.db.stat().st_size / 1e6:,.0f} MB), {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="recount-bench-") as tmp:
        for name, extra in (COMMANDS[k] for k in COMMANDS if not args.only or k in args.only):
            out = Path(tmp) / f"{name}.json"
            m = measure([*recount, name, "--json", *extra, *jobs], out)
            name = " ".join([name, *extra])
            with open(out, encoding="utf-8") as f:
                count = sum(1 for line in f if line == "    {\n")  # one per listed item
            print(f"recount {name:<14} {m['seconds']:7.1f} s wall, {m['cpu']:7.1f} s CPU (all processes), "
                  f"load {os.getloadavg()[0]:.1f}   peak memory {m['peak_mb']:6.0f} MB "
                  f"(largest process {m['largest_mb']:.0f} MB)   {count:,} listed, "
                  f"JSON {m['output_mb']:,.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
