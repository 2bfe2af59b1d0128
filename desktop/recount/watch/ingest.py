"""Store one report that arrived from a source, and record what it changed.

The same path as `recount import`: the claims engine, then `Library.add_article` with
`compare.stored.on_store` (one transaction: the report, its claims, its story and its flags,
or nothing); what it changed is read after (changes.py). The same text already stored is not
stored again (the library's text hash) and costs no extraction. The item's key is recorded
after the report is stored; if Recount stops in between, the next poll reads the item again,
finds its text stored, and only records the key.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from recount.claims.model import Article
from recount.watch.changes import story_of, what_changed
from recount.watch.sources import Change, add_changes, remember_items

# Reports are read, checked and stored one at a time, whichever source thread brings them: the
# work is pure Python (one core's worth under the GIL anyway), and fewer threads competing for
# the GIL keeps the window's own thread responsive during a poll.
_ONE_AT_A_TIME = threading.Lock()


@dataclass(slots=True)
class Ingested:
    article_id: int
    added: bool
    changes: list[Change] = field(default_factory=list)


def ingest(lib: Any, article: Article, *, key: str, source_id: int | None, at: str,
           size: int | None = None, mtime_ns: int | None = None, compare: bool = True) -> Ingested:
    """Store `article` (unless its text is stored) and return what it changed."""
    with _ONE_AT_A_TIME:
        return _ingest(lib, article, key, source_id, at, size, mtime_ns, compare)


def _ingest(lib: Any, article: Article, key: str, source_id: int | None, at: str, size: int | None,
            mtime_ns: int | None, compare: bool) -> Ingested:
    existing = lib.find_article(text=article.text)
    if existing is not None:
        remember_items(lib, [(key, source_id, existing, size, mtime_ns)], at)
        return Ingested(existing, False)
    from recount.claims import extract
    from recount.compare.stored import on_store  # its story, then its flags, in its transaction

    claims = extract(article.text, article.published)
    result = lib.add_article(article, claims, within=on_store(lib, article))
    remember_items(lib, [(key, source_id, result.article_id, size, mtime_ns)], at)
    if not result.added:  # stored meanwhile by another poll or the window
        return Ingested(result.article_id, False)
    changes = what_changed(lib, result.article_id) if compare else []
    story = story_of(lib, result.article_id)
    for change in changes:
        change.article_id, change.source_id, change.story = result.article_id, source_id, story
    add_changes(lib, changes, at)
    return Ingested(result.article_id, True, changes)
