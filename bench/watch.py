"""Following sources: how long a poll takes, and how long the window can stall during one.

    .venv/bin/python bench/watch.py [--feeds 200] [--entries 50] [--new 1000] [--gui-reports 200]
    .venv/bin/python bench/watch.py --gui-only --gui-reports 100 [--gui-sources 200] --stalls
    xvfb-run -s "-screen 0 1280x900x24" .venv/bin/python bench/watch.py --screenshot OUT.png

The GUI phase serves its site from a process of its own and polls once the window has loaded
the claims engine, as the window's first poll does (--site-in-process, --at-once: the old way);
--stalls lists the longest stalls with the GUI thread's own CPU and its wait for a core
(docs/watching.md, "The window during a poll").

Everything is served by a local HTTP server on 127.0.0.1 (tests/watch/_watch_site.py) with
generated feeds and pages (invented places and figures). Targets (issue 10): 200 feeds of 50
entries with nothing new, one poll <= 2 s; 1,000 new reports read, checked and stored <= 60 s
on 2 cores; the longest GUI-thread stall during a poll <= 50 ms. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "watch"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _watch_site import Route, Site, rss  # noqa: E402

from watch_readers import readers  # noqa: E402
from watch_stall import SiteProcess, stall_meter, worst_gaps  # noqa: E402

PLACES = ["Ardenvale", "Brisk Harbour", "Calder Fen", "Dunmore Rise", "Eskerby", "Fallowmere", "Garnet Bay",
          "Hollin Cross", "Ironwell", "Juniper Flats", "Kestrel Point", "Larchmont Vale", "Mossgiel",
          "Northam Weir", "Oakhurst", "Pellmere", "Quarry Down", "Redhaven", "Stonebridge", "Thornbury"]
OUTLETS = ["Northline", "Valley Post", "Coastal Wire", "Midland Herald", "Daily Ledger"]
EVENTS = [("flooding", "killed"), ("an earthquake", "killed"), ("fighting", "killed"), ("a storm", "injured")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLERS = [
    "Rescue teams worked through the night, and volunteers carried food and blankets to the shelters.",
    "Roads to the outlying villages remained closed while engineers inspected the bridges.",
    "Aid agencies said they were sending tents, water purification kits and medical supplies.",
    "Residents described long queues for fuel and bread in the town centre.",
    "The regional governor promised compensation for families who lost their homes.",
]


def story_report(rng: random.Random, place: str, n: int, day: int) -> tuple[str, str]:
    """(published date, text) of one generated report: a running total with the odd revision."""
    event, what = EVENTS[PLACES.index(place) % len(EVENTS)]
    month = 1 + (day // 28) % 12
    dom = 1 + day % 28
    outlet = rng.choice(OUTLETS)
    verb = "killed" if what == "killed" else "injured"
    lead = (f"{place.upper()}, {MONTHS[month - 1]} {dom}, 2025 ({outlet}) - At least {n} people have been "
            f"{verb} in {event} in {place} since January 1, the regional health office said on report day "
            f"{day}.")
    body = " ".join(rng.sample(FILLERS, 3))
    extra = (f"Officials said {rng.randint(2, 90)} schools were closed and {rng.randint(100, 9000)} people "
             "had left their homes.")
    return f"2025-{month:02d}-{dom:02d}", f"{lead}\n\n{body}\n\n{extra}\n\nReport {place} {day} {n}."


def page_html(title: str, published: str, text: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f"<!doctype html><html><head><title>{title}</title><meta property='article:published_time' "
            f"content='{published}T08:00:00Z'></head><body><nav>Home</nav><article><h1>{title}</h1>{paras}"
            f"</article><footer>Footer</footer></body></html>").encode()


def serve_feeds(site: Site, prefix: str, feeds: int, entries: int, rng: random.Random,
                etag: bool = False) -> list[str]:
    """`feeds` feeds of `entries` entries each, with their pages; the feed URLs."""
    urls = []
    for f in range(feeds):
        place = PLACES[f % len(PLACES)]
        total = rng.randint(5, 30)
        items = []
        for e in range(entries):
            total += rng.randint(0, 12) if rng.random() > 0.08 else -rng.randint(1, 6)
            published, text = story_report(rng, place, max(total, 1), e + f)
            path = f"/{prefix}/{f}/{e}"
            title = f"{place}: toll now {max(total, 1)}"
            site.routes[path] = Route(page_html(title, published, text))
            items.append((title, path, published, None))
        site.routes[f"/{prefix}/{f}.xml"] = Route(rss(site, items), content_type="application/rss+xml",
                                                  etag=f'"{prefix}{f}"' if etag else None)
        urls.append(site.url(f"/{prefix}/{f}.xml"))
    return urls


def nothing_new(site: Site, feeds: int, entries: int) -> None:
    from recount.library.store import Library
    from recount.watch.feeds import parse_feed
    from recount.watch.scheduler import Scheduler
    from recount.watch.sources import add_source, remember_items
    from recount.watch.urls import url_key

    rng = random.Random(7)
    for etag in (False, True):
        prefix = "etag" if etag else "plain"
        urls = serve_feeds(site, prefix, feeds, entries, rng, etag=etag)
        with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib.db") as lib:
            for url in urls:
                src = add_source(lib, url)
                feed = parse_feed(site.routes[url[len(site.base):]].body, url)
                remember_items(lib, [(url_key(e.link), src.id, None, None, None) for e in feed.entries],
                               "2025-01-01T00:00:00+00:00")
            sched = Scheduler(lib)
            if etag:
                sched.run(everything=True)  # first poll learns the ETags
            t0 = time.perf_counter()
            report = sched.run(everything=True)
            elapsed = time.perf_counter() - t0
            statuses = {r.status for r in report.sources}
            new = sum(r.new for r in report.sources)
            what = "304 Not Modified (ETag)" if etag else "full feeds, no validators"
            print(f"nothing new, {feeds} feeds x {entries} entries, {what}: {elapsed:.2f} s "
                  f"(target <= 2 s); statuses {sorted(statuses)}, new {new}")


def new_reports(site: Site, total: int, entries: int = 50) -> None:
    from recount.library.store import Library
    from recount.watch.scheduler import Scheduler
    from recount.watch.sources import add_source

    rng = random.Random(11)
    feeds = max(1, total // entries)
    urls = serve_feeds(site, "new", feeds, entries, rng)
    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib.db") as lib:
        for url in urls:
            add_source(lib, url)
        t0 = time.perf_counter()
        report = Scheduler(lib).run(everything=True)
        elapsed = time.perf_counter() - t0
        n = len(report.imported)
        flags = sum(1 for c in report.changes if c.kind == "flag")
        moved = sum(1 for c in report.changes if c.kind == "estimate")
        bad = [r for r in report.sources if r.status not in ("ok",)]
        print(f"{n} new reports fetched, read, checked and stored: {elapsed:.1f} s "
              f"({elapsed / max(n, 1) * 1000:.0f} ms each; target <= 60 s for 1,000); "
              f"{flags} new flags, {moved} moved estimates; sources not ok: {len(bad)}")


def gui_stall(site: Site | SiteProcess, reports: int, verbose: bool = False, at_once: bool = False,
              quiet_sources: int = 0) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from recount.ui.automation import wait_for
    from recount.ui.main_window import MainWindow
    from recount.ui.settings import Settings
    from recount.ui.workers import running_tasks

    app = QApplication.instance() or QApplication([])
    rng = random.Random(13)
    urls = serve_feeds(site, "gui", max(1, reports // 25), 25, rng)
    for n in range(quiet_sources):  # feeds with nothing in them: rows in the Sources panel
        site.routes[f"/quiet/{n}.xml"] = Route(rss(site, [], title=f"Quiet {n}"),
                                               content_type="application/rss+xml")
        urls.append(site.url(f"/quiet/{n}.xml"))
    if isinstance(site, SiteProcess):
        site.publish()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Path(tmp) / "lib.db", settings, first_run=False)
        window.show()
        wait_for(window.libraryReady, 10000)
        from recount.watch.sources import add_source

        for url in urls:
            add_source(window.work_library, url)
        watch = window.watch
        watch.sources_dock.show()
        watch.changes_dock.show()
        watch.refresh()  # the panel lists the sources, as it does when they were added in the window
        wait_for(watch.refreshed, 10_000)
        if not at_once:  # as the window does: its first poll comes 2 s after the library opens,
            for task in [t for t in running_tasks() if t.name == "warm up"]:  # once the engine is loaded
                if not task.done:
                    wait_for(task.finished, 30_000)
        got: list = []
        watch.polled.connect(got.append)
        meter = stall_meter()
        meter.start()
        t0 = time.perf_counter()
        watch.poll([])
        ok = wait_for(watch.polled, 600_000)
        wait_for(watch.refreshed, 10_000)
        elapsed = time.perf_counter() - t0
        worst, p99, over = meter.stop()
        print(f"GUI stall while the window polls {len(urls)} feeds ({reports} new reports, {elapsed:.1f} s, "
              f"{'done' if ok else 'TIMED OUT'}): longest {worst:.1f} ms, p99 {p99:.1f} ms, "
              f"{over} stalls over 50 ms (target: longest <= 50 ms); "
              f"{watch.changes_panel.list.count()} changes listed")
        imported = sum(len(r.imported) for r in got)
        errors = sorted({f"{s.status}: {s.error}" for r in got for s in r.sources if s.status != "ok"})
        if imported != reports or errors:
            print(f"  {imported} reports imported; " + "; ".join(errors[:3]))
        if verbose:
            worst = ", ".join(f"{at:.0f}: {gap:.0f} ({cpu:.0f}, {queued:.0f})"
                              for at, gap, cpu, queued in worst_gaps(meter))
            print("  longest stalls, ms after the poll started: stall ms (the GUI thread's own CPU ms, "
                  f"ms it waited for a core): {worst}")
        window.close()
        app.processEvents()


def screenshot(site: Site, out: Path) -> int:
    """The window following three feeds and a folder, with a flag opened from What changed."""
    from _watch_site import page
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from recount.ui.automation import save_and_close, wait_for
    from recount.ui.main_window import MainWindow
    from recount.ui.settings import Settings
    from recount.watch.sources import add_source, edit_source

    QApplication.instance() or QApplication([])
    for key in ("toll-40", "toll-52", "toll-35"):
        site.routes[f"/news/{key}"] = Route(page(key))
    site.routes["/valley.xml"] = Route(rss(site, [("Floods in Ardenvale kill at least 40", "/news/toll-40",
                                                   "2025-03-03", None),
                                                  ("Ardenvale flood toll rises to 52", "/news/toll-52",
                                                   "2025-03-05", None)]), content_type="application/rss+xml")
    post = rss(site, [("Ardenvale counts its dead", "/news/toll-35", "2025-03-07", None)],
               title="Valley Post")
    site.routes["/post.xml"] = Route(post, content_type="application/rss+xml")
    site.routes["/wire.xml"] = Route(b"Service unavailable", status=503)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "Ardenvale desk"
        folder.mkdir()
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Path(tmp) / "lib.db", settings, first_run=False)
        window.resize(1280, 900)
        window.show()
        wait_for(window.libraryReady, 10000)
        lib = window.work_library
        ids = [add_source(lib, site.url("/valley.xml"), name="Valley News").id,
               add_source(lib, site.url("/post.xml"), name="Valley Post", every=30).id,
               add_source(lib, site.url("/wire.xml"), name="Coastal Wire").id]
        edit_source(lib, add_source(lib, str(folder), name="Ardenvale desk (folder)").id, paused=True)
        watch = window.watch
        watch.sources_dock.show()
        watch.changes_dock.show()
        window.resizeDocks([watch.sources_dock], [330], Qt.Orientation.Vertical)
        for sid in ids:  # one after the other: the reports arrive in the order they were published
            watch.poll([sid])
            wait_for(watch.polled, 120_000)
            wait_for(watch.refreshed, 10_000)
        flag = next((c for c in watch.changes_panel.changes if c.kind == "flag"), None)
        if flag is not None:
            row = watch.changes_panel.changes.index(flag)
            watch.changes_panel.list.setCurrentRow(row)
            watch.open_change(flag)
            wait_for(window.checkFinished, 30_000)
        ok = save_and_close(window, out, 400)
    print(f"screenshot: {out}" if ok else f"could not write {out}")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--gui-reports", type=int, default=200)
    parser.add_argument("--gui-only", action="store_true", help="only measure the GUI-thread stall")
    parser.add_argument("--gui-sources", type=int, default=0, metavar="N",
                        help="N more feeds, with nothing new, in the GUI phase (a long Sources panel)")
    parser.add_argument("--stalls", action="store_true", help="list the longest stalls, when they happened")
    parser.add_argument("--site-in-process", action="store_true",
                        help="serve the GUI phase's site from the window's process (its threads then "
                             "compete with the window for the interpreter lock)")
    parser.add_argument("--at-once", action="store_true",
                        help="poll as soon as the library is open, while the window still loads the claims "
                             "engine (the window's own first poll comes 2 s later)")
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="only take the docs' screenshot")
    parser.add_argument("--readers", action="store_true",
                        help="only compare recount.reading with trafilatura (if installed) on written pages")
    args = parser.parse_args()
    if args.readers:
        readers()
        return 0
    site = Site().start()
    try:
        if args.screenshot:
            return screenshot(site, args.screenshot)
        if not args.gui_only:
            nothing_new(site, args.feeds, args.entries)
            new_reports(site, args.new)
        if args.gui_reports:
            apart = None if args.site_in_process else SiteProcess()
            try:
                gui_stall(apart or site, args.gui_reports, args.stalls, args.at_once, args.gui_sources)
            finally:
                if apart is not None:
                    apart.stop()
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
