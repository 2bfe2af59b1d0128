"""Files, folders, JSON Lines and CSV into the library, one transaction per article.

Reading the input is import_reading.py; this module stores it (extraction on worker
processes for big imports, one transaction per article).

Used by `recount import` and by the window's Import action (through `import_paths`). Bad
input never stops an import: each malformed file or line is reported with its name (and line
number) and the rest goes on. Only a problem with the library itself (disk full, locked,
read-only, damaged) stops it, since every later write would fail the same way; what was
stored before stays stored.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recount.claims.model import Article, Claim
from recount.library.errors import LibraryError
from recount.library.import_reading import (
    ARTICLE_SUFFIXES,
    CSV_SUFFIXES,
    JSONL_SUFFIXES,
    RECORD_FIELDS,
    RecordError,
    _Entry,
    _size,
    _walk,
    iter_entries,
    parse_date,
)
from recount.library.store import Library

__all__ = ["ARTICLE_SUFFIXES", "CSV_SUFFIXES", "JSONL_SUFFIXES", "RECORD_FIELDS", "ImportItem",
           "ImportReport", "RecordError", "import_articles", "import_paths", "iter_entries", "parse_date"]


Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass(slots=True)
class ImportItem:
    """One article (or one thing that failed to be one). `name` is "file" or "file:line"."""

    name: str
    reason: str = ""
    article_id: int | None = None
    claims: int = 0


@dataclass(slots=True)
class ImportReport:
    added: list[ImportItem] = field(default_factory=list)
    skipped: list[ImportItem] = field(default_factory=list)
    failed: list[ImportItem] = field(default_factory=list)
    cancelled: bool = False
    stopped: str | None = None  # the library problem that stopped the import, for the user

    @property
    def ok(self) -> bool:
        return not self.failed and self.stopped is None

    def summary(self) -> str:
        text = f"added {len(self.added)}, skipped {len(self.skipped)}, failed {len(self.failed)}"
        if self.cancelled:
            text += " (cancelled)"
        return text

    def to_dict(self) -> dict[str, Any]:
        def items(rows: list[ImportItem]) -> list[dict[str, Any]]:
            return [{"name": r.name, "reason": r.reason, "article_id": r.article_id, "claims": r.claims}
                    for r in rows]

        return {"added": items(self.added), "skipped": items(self.skipped), "failed": items(self.failed),
                "cancelled": self.cancelled, "stopped": self.stopped}


# --------------------------------------------------------------------------- public API


def import_paths(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    jobs: int = 1,
) -> ImportReport:
    """Import files and folders (recursively) into `library`.

    progress(done, total, message): done/total count bytes of input, message names the item.
    cancelled() -> bool is asked between articles; cancelling keeps what was imported.
    jobs > 1 extracts claims in that many worker processes (forked; Linux, single-threaded
    callers such as the CLI only; otherwise, and for small inputs, extraction stays in-process).
    Storing is always done here, one transaction per article, in input order.
    """
    report = ImportReport()
    sources: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            sources.extend(_walk(path))
        elif path.is_file():
            sources.append(path)
        else:
            report.failed.append(ImportItem(str(path), "no such file or folder"))
    sizes = [_size(p) for p in sources]
    total = sum(sizes)

    def entries() -> Iterator[tuple[_Entry, int]]:
        base = 0
        for source, size in zip(sources, sizes, strict=True):
            for entry in iter_entries(source):
                yield entry, base + min(entry.pos, size)
            base += size

    pool = _pool(jobs, total)
    window = 1 if pool is None else jobs * BATCH * 3  # articles read ahead while workers extract
    upcoming = _jobs(library, entries(), pool)
    pending: deque[_Job] = deque()
    try:
        while True:
            if cancelled is not None and cancelled():
                report.cancelled = True
                return report
            name = "library"
            try:
                while len(pending) < window and (job := next(upcoming, None)) is not None:
                    pending.append(job)
                if not pending:
                    break
                job = pending.popleft()
                name = job.entry.name
                _finish(library, job, report)
            except LibraryError as exc:  # full, locked, read-only, damaged: every later write would fail
                report.failed.append(ImportItem(name, exc.user_message))
                report.stopped = exc.user_message
                return report
            if progress is not None:
                progress(job.done, total, job.entry.name)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    if progress is not None:
        progress(total, total, "done")
    return report


@dataclass(slots=True)
class _Job:
    """One entry on its way in: failed, already stored, or being extracted (future) / to extract."""

    entry: _Entry
    done: int
    error: str | None = None
    existing: int | None = None
    future: Future[list[list[Claim]]] | None = None  # a batch's extraction; ours is at `index`
    index: int = 0


def _jobs(library: Library, entries: Iterable[tuple[_Entry, int]],
          pool: ProcessPoolExecutor | None) -> Iterator[_Job]:
    """Jobs in input order. With a pool, articles to extract go to the workers BATCH at a time
    (one task per article spends more on inter-process traffic than a worker saves)."""
    held: list[_Job] = []
    batch: list[_Job] = []

    def send() -> Iterator[_Job]:
        if batch and pool is not None:
            future = pool.submit(_extract_many, [(j.entry.article.text, j.entry.article.published)
                                                 for j in batch if j.entry.article is not None])
            for index, job in enumerate(batch):
                job.future, job.index = future, index
        batch.clear()
        yield from held
        held.clear()

    for entry, done in entries:
        job = _Job(entry, done)
        article = entry.article
        if article is None:
            job.error = entry.error or "unreadable"
        elif not article.text.strip():
            job.error = "no text"
        elif (existing := library.find_article(text=article.text)) is not None:
            job.existing = existing  # skipped without paying for extraction
        elif pool is not None:
            batch.append(job)
        held.append(job)
        if pool is None or len(batch) >= BATCH:
            yield from send()
    yield from send()


def _finish(library: Library, job: _Job, report: ImportReport) -> None:
    name, article = job.entry.name, job.entry.article
    if job.error is not None or article is None:
        report.failed.append(ImportItem(name, job.error or "unreadable"))
        return
    if job.existing is not None:
        report.skipped.append(_already(name, job.existing))
        return
    try:
        claims = None
        if job.future is not None:
            try:
                claims = job.future.result()[job.index]
            except Exception:  # a worker died (BrokenProcessPool) or the batch failed: do this one here
                claims = None
        if claims is None:
            claims = _extract(article.text, article.published)
    except Exception as exc:  # the engine promises not to raise; if it does, keep going
        report.failed.append(ImportItem(name, f"claims could not be extracted ({exc})"))
        return
    from recount.compare.stored import on_store  # the report's story, then its flags, in its transaction

    result = library.add_article(article, claims, within=on_store(library, article))
    if result.added:
        report.added.append(ImportItem(name, "", result.article_id, len(claims)))
    else:
        report.skipped.append(_already(name, result.article_id))


def _extract(text: str, published: str | None) -> list[Claim]:
    from recount.claims import extract

    return extract(text, published)


def _extract_many(articles: list[tuple[str, str | None]]) -> list[list[Claim]]:
    """A worker's task: the claims of a batch of articles (an engine error fails the batch, and
    the importer then extracts those articles itself, one by one, to report the culprit)."""
    return [_extract(text, published) for text, published in articles]


BATCH = 8  # articles per worker task


# Below this much input, starting worker processes costs more than it saves.
POOL_MIN_BYTES = 64 * 1024


def _pool(jobs: int, total_bytes: int) -> ProcessPoolExecutor | None:
    """Worker processes for extraction, when they are safe and worth it.

    fork is the only start method that does not re-run the program's entry point in each worker
    (spawn would, through `python -m recount`); it is unsafe with threads (a GUI) and absent or
    unsafe off Linux, and a frozen app cannot start workers without freeze_support.
    """
    if (jobs <= 1 or total_bytes < POOL_MIN_BYTES or not sys.platform.startswith("linux")
            or getattr(sys, "frozen", False) or threading.active_count() > 1):
        return None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_init, initargs=(os.getpid(),))


def _worker_init(parent: int) -> None:
    """Workers die with the importer, even when it is killed with SIGKILL (they would otherwise
    wait forever on their queue); Ctrl-C reaches the whole process group, and only the importer
    decides what it means."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux's libc: the pool is only used on Linux anyway
        pass
    if os.getppid() != parent:  # the importer died before prctl took effect
        os._exit(1)


def import_articles(library: Library, entries: Iterable[tuple[str, Article]],
                    cancelled: Cancelled | None = None) -> ImportReport:
    """Store already-read articles (name, article): the same rules as files, for the window."""
    report = ImportReport()
    for name, article in entries:
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        try:
            entry = _Entry(name, article, None, 0)
            _finish(library, next(_jobs(library, [(entry, 0)], None)), report)
        except LibraryError as exc:
            report.failed.append(ImportItem(name, exc.user_message))
            report.stopped = exc.user_message
            break
    return report


# --------------------------------------------------------------------------- storing


def _already(name: str, article_id: int) -> ImportItem:
    return ImportItem(name, f"already in the library (article {article_id})", article_id)
