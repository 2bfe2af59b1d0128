"""A feed entry -> the report to store: its linked page read by recount.reading, else its summary.

The page is read with the same reader as an opened file (docs/watching.md says why not a
separate extractor). A page that cannot be had, is not text, or reads as an error page
("page not found" served with 200, a login wall) gives way to the entry's own summary. The
publication date comes from the entry, then the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recount.claims.model import Article
from recount.reading import UnreadableFile, looks_like_html, read_bytes, read_html, read_text
from recount.watch.feeds import Entry
from recount.watch.fetch import Fetcher, FetchError, Response

PAGE_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
MIN_WORDS = 30  # fewer words than this is no report (an error page, a teaser, a login wall)
_ERROR_PAGE = re.compile(
    r"\b(?:http|error)\s*(?:40\d|50\d)\b|\b(?:40\d|50\d)\s*[-:]?\s*(?:error|not found|forbidden)|"
    r"page not found|page (?:could|can)not be found|page does(?: not|n't) exist|access denied|"
    r"internal server error|service unavailable|something went wrong|an error (?:has )?occurred|"
    r"subscribe to (?:read|continue)|sign in to (?:read|continue)",
    re.I,
)  # the wording of error and login pages, looked for only in short pages' first lines
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "")


@dataclass(slots=True)
class Read:
    article: Article | None
    note: str | None = None  # why the summary was used, or why there is nothing


def entry_article(entry: Entry, fetcher: Fetcher, outlet: str | None = None) -> Read:
    """The entry's report. Never raises for what a server sends: a reason comes back instead."""
    note = None
    article = None
    if entry.link:
        try:
            article = page_article(fetcher.get(entry.link, accept=PAGE_ACCEPT))
        except (FetchError, UnreadableFile) as exc:
            note = f"page: {exc}"
        if article is not None and looks_like_error_page(article):
            note, article = "page: reads as an error page or holds too few words for a report", None
    if article is None:
        article = summary_article(entry)
        if article is None:
            why = note or "no link"
            return Read(None, f"{why}; and no summary to use instead")
        note = f"{note}; the feed's summary was used" if note else None
    if entry.published:
        article.published, article.published_from = entry.published, "metadata"
    article.title = entry.title or article.title
    article.outlet = article.outlet or outlet
    article.url = entry.link or article.url
    article.id = None
    return Read(article, note)


def page_article(response: Response) -> Article:
    """A fetched page as an Article: the header's charset first, then recount.reading's detection."""
    if response.content_type not in _TEXT_TYPES:
        raise UnreadableFile(f"not a text page ({response.content_type})")
    data = response.body
    if response.charset:
        try:
            text = data.decode(response.charset)
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is not None:
            if "html" in response.content_type or looks_like_html(text):
                return read_html(text)
            return read_text(text)
    name = "page.txt" if response.content_type.startswith("text/plain") else "page.html"
    return read_bytes(data, name)


def summary_article(entry: Entry) -> Article | None:
    """The entry's summary (HTML or text) as the report, when it has words."""
    summary = (entry.summary or "").strip()
    if not summary:
        return None
    article = read_html(summary) if "<" in summary and ">" in summary else read_text(summary)
    if not article.text.strip():
        return None
    article.published_from = "unknown" if not article.published else article.published_from
    return article


def looks_like_error_page(article: Article) -> bool:
    """Too short to be a report, or short and worded as an error page."""
    words = len(article.text.split())
    if words < MIN_WORDS:
        return True
    head = f"{article.title or ''}\n{article.text[:400]}"
    return words < 200 and _ERROR_PAGE.search(head) is not None
