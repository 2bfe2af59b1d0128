"""Files, bytes and HTML -> Article: the one place that turns what a user opens into text.

Decoding (UTF-8, else charset-normalizer), HTML main-text extraction (selectolax), light
Markdown clean-up, and the article's metadata (title, outlet, url, publication date from
metadata or the dateline). The returned `Article.text` is what every claim offset indexes.
No Qt here: the CLI, the importer and the window all call these functions.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from recount.claims.dates import written_day
from recount.claims.model import Article

__all__ = ["UnreadableFile", "find_dateline", "read_bytes", "read_html", "read_path", "read_text"]

HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
MARKDOWN_SUFFIXES = frozenset((".md", ".markdown"))


class UnreadableFile(Exception):
    """A file that is not a readable article; `str(exc)` is a one-line message for the user."""


# --------------------------------------------------------------------------- public API


def read_path(path: str | Path, *, today: date | None = None) -> Article:
    """Read an article file (.txt, .md, .html; HTML is detected whatever the name)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise UnreadableFile(f"{p}: is a folder, not an article file") from None
    except FileNotFoundError:
        raise UnreadableFile(f"{p}: no such file") from None
    except PermissionError:
        raise UnreadableFile(f"{p}: permission denied") from None
    except OSError as exc:
        raise UnreadableFile(f"{p}: cannot be read ({exc.strerror or exc})") from None
    return read_bytes(data, p.name, today=today)


def read_bytes(data: bytes, name: str = "-", *, today: date | None = None) -> Article:
    """Decode `data` and read it as HTML, Markdown or plain text according to name and content."""
    text = decode(data, name)
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        article = read_html(text, today=today)
    else:
        article = read_text(text, markdown=suffix in MARKDOWN_SUFFIXES, today=today)
    stem = Path(name).stem if name and name != "-" else None
    article.id = stem or None
    return article


def read_text(text: str, *, markdown: bool = False, today: date | None = None) -> Article:
    """Plain text or Markdown: title from a headline-like first line, date and outlet from the dateline."""
    text = _normalise_newlines(text)
    heading = None
    if markdown:
        m = re.match(r"\s*#[ \t]+([^\n]+)", text)
        heading = strip_markdown(m[1]).strip(" #") if m else None
        text = strip_markdown(text)
    text = text.strip("\n")
    article = Article(text=text, title=heading or _headline(text))
    found = find_dateline(text, today=today)
    if found:
        article.published, article.outlet = found[0].isoformat(), found[1]
        article.published_from = "dateline"
    return article


def read_html(html: str, *, today: date | None = None) -> Article:
    """Main text of an HTML page (its <article>/<main> when present) and its metadata."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    meta = _html_metadata(tree)
    tree.strip_tags(list(_DROP_TAGS))
    for node in tree.css("[class], [id]"):
        # page furniture by name: comment threads, related links, share bars, newsletters
        label = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _FURNITURE_NAME.search(label) and node.tag not in ("html", "body", "article", "main"):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    text = _blocks_text(root) if root is not None else ""
    article = Article(text=text, title=meta.get("title"), outlet=meta.get("outlet"), url=meta.get("url"))
    published = _parse_iso_date(meta.get("published"))
    year_hint = published.year if published else None
    found = find_dateline(text, today=today, year=year_hint)
    if published:
        article.published, article.published_from = published.isoformat(), "metadata"
    elif found:
        article.published, article.published_from = found[0].isoformat(), "dateline"
    if not article.outlet and found and found[1]:
        article.outlet = found[1]
    if not article.title:
        h1 = root.css_first("h1") if root is not None else None
        article.title = (_SPACE.sub(" ", h1.text()).strip() or None) if h1 is not None else _headline(text)
    return article


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, name: str = "-") -> str:
    """Bytes -> str: UTF-8 (BOM stripped) or the detected charset; binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalise_newlines(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise UnreadableFile(f"{name}: not a text file (broken UTF-16)") from None
    if b"\x00" in data[:65536] or _mostly_binary(data[:65536]):
        raise UnreadableFile(f"{name}: not a text file (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(data))
        if not matches:
            raise UnreadableFile(f"{name}: not a text file (unknown character encoding)") from None
        best = matches[0]
        # Short samples fit several single-byte code pages about equally well; Windows-1252
        # is by far the commonest among them for news text, so it wins a near tie.
        for m in matches[1:]:
            if m.encoding == "cp1252" and m.chaos <= best.chaos + 0.1:
                best = m
                break
        text = str(best)
        text = text.removeprefix("\ufeff")
    return _normalise_newlines(text)


def _mostly_binary(sample: bytes) -> bool:
    """Control bytes other than whitespace are rare in any text encoding."""
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<(?:html|head|body|article|main|section|div|p|h[1-6]|title|meta)[\s>/]", re.I
)


def looks_like_html(text: str) -> bool:
    """HTML pasted or saved under a .txt name: markup near the start, from the first character."""
    head = text[:2048].lstrip()
    return head.startswith("<") and _HTML_SNIFF.search(head) is not None


# --------------------------------------------------------------------------- HTML

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "input", "textarea", "iframe", "svg", "canvas", "figure", "menu", "dialog",
)  # fmt: skip
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dt, dd, figcaption, td"
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|related|share|sharing|social|newsletter|promo|sidebar|"
    r"advert|advertisement|ads?|cookie|cookies|subscribe|recommended|most-read|breadcrumbs?)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


def _blocks_text(root) -> str:
    """Paragraph-level blocks in document order, separated by blank lines."""
    parts: list[str] = []
    seen: set[int] = set()
    for node in root.css(_BLOCKS):
        # A block inside another block (a <p> in an <li>) is read with its parent.
        parent, nested = node.parent, False
        while parent is not None and parent is not root:
            if parent.mem_id in seen:
                nested = True
                break
            parent = parent.parent
        if nested:
            continue
        seen.add(node.mem_id)
        chunk = _SPACE.sub(" ", node.text(deep=True, separator="")).strip()
        if chunk:
            parts.append(chunk)
    total = len(_SPACE.sub(" ", root.text(deep=True, separator="")).strip())
    if not parts or sum(map(len, parts)) * 3 < total:
        # No paragraph markup, or most of the words outside it ("<h1>Title</h1><div>Story…</div>"):
        # innermost <div>s are the paragraphs ("<div>Text <a>link</a></div>" stays one line);
        # else the raw text, split where the source had line breaks.
        divs: list[str] = []
        for node in root.css("div"):
            if len(node.css("div")) == 1:  # lexbor's css() includes the node itself
                chunk = _SPACE.sub(" ", node.text(deep=True, separator="")).strip()
                if chunk:
                    divs.append(chunk)
        if sum(map(len, divs)) > sum(map(len, parts)):
            parts = divs
    if not parts:
        raw = root.text(deep=True, separator="")
        parts = [_SPACE.sub(" ", line).strip() for line in raw.split("\n")]
        parts = [p for p in parts if p]
    return "\n\n".join(parts)


def _html_metadata(tree) -> dict[str, str]:
    def meta(*selectors: str) -> str | None:
        for sel in selectors:
            node = tree.css_first(sel)
            if node is not None:
                value = (node.attributes.get("content") or node.attributes.get("datetime") or "").strip()
                if value:
                    return value
        return None

    out: dict[str, str] = {}
    title = meta('meta[property="og:title"]', 'meta[name="twitter:title"]')
    if not title:
        node = tree.css_first("title")
        title = _SPACE.sub(" ", node.text()).strip() if node is not None else None
    if title:
        out["title"] = title
    outlet = meta('meta[property="og:site_name"]', 'meta[name="application-name"]')
    if outlet:
        out["outlet"] = outlet
    published = meta(
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="date"]',
        'meta[name="pubdate"]',
        'meta[name="publish-date"]',
        'meta[name="dc.date"]',
        'meta[name="DC.date"]',
        'meta[property="og:published_time"]',
        "time[datetime]",
    )
    ld = _json_ld(tree)
    published = published or ld.get("published")
    if published:
        out["published"] = published
    if "title" not in out and ld.get("title"):
        out["title"] = ld["title"]
    if "outlet" not in out and ld.get("outlet"):
        out["outlet"] = ld["outlet"]
    link = tree.css_first('link[rel="canonical"]')
    url = link.attributes.get("href") if link is not None else None
    url = url or meta('meta[property="og:url"]')
    if url:
        out["url"] = url.strip()
    return out


def _json_ld(tree) -> dict[str, str]:
    """schema.org NewsArticle data many news sites carry only in JSON-LD."""
    out: dict[str, str] = {}
    for node in tree.css('script[type="application/ld+json"]')[:5]:
        raw = node.text()[:100_000]
        for key, field in (("datePublished", "published"), ("headline", "title")):
            m = re.search(rf'"{key}"\s*:\s*"([^"]{{1,300}})"', raw)
            if m and field not in out:
                out[field] = m[1]
        m = re.search(r'"publisher"\s*:\s*\{[^{}]{0,500}?"name"\s*:\s*"([^"]{1,120})"', raw)
        if m and "outlet" not in out:
            out["outlet"] = m[1]
    return out


def _parse_iso_date(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    found = _written_date(value, None, None)
    return found


# --------------------------------------------------------------------------- Markdown

_MD_RULES = (
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M), ""),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # rules
    (re.compile(r"^[ \t]{0,3}[-*+][ \t]+", re.M), ""),  # bullets
    (re.compile(r"^[ \t]{0,3}```[^\n]*$", re.M), ""),  # code fences
    (re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)"), r"\1"),  # links -> link text
    (re.compile(r"\[([^\]\n]{1,300})\]\[[^\]\n]{0,100}\]"), r"\1"),  # reference links
    (re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:\s+\S+.*$", re.M), ""),  # link definitions
    (re.compile(r"<[^>\n]{1,200}>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{0,300}?\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{0,300}?\S)\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"(?<![\w`])`([^`\n]{1,300})`"), r"\1"),  # inline code
)


def strip_markdown(text: str) -> str:
    """Markdown to prose: markup that is not words goes, the words stay, paragraphs stay."""
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return re.sub(r"\n{3,}", "\n\n", text)


# --------------------------------------------------------------------------- headline and dateline

# "CARROW, Lusara, Aug. 9 (Eastwatch Daily) -", "SARVANA, March 10 -", "LONDON (Reuters) -"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.])(?:/[A-Z][A-Za-z .'-]{1,30})?,?"
    r"(?P<rest>[^\n]{0,80}?)\s*(?:\((?P<outlet>[^)\n]{2,60})\))?\s*[-–—]+\s",
)


_BYLINE = re.compile(r"^By\s+[A-Z][^,\n]{1,60},\s*(?P<outlet>[A-Z][^,\n]{1,60})$")


def _written_date(text: str, year: int | None, today: date | None) -> date | None:
    """The first "April 8, 2019" / "8 April" in `text`; a missing year from `year` or the past year."""
    found = written_day(text, year, today)
    return found[0] if found else None


def find_dateline(
    text: str, *, today: date | None = None, year: int | None = None
) -> tuple[date, str | None] | None:
    """Publication date (and outlet) from the dateline or a date line at the top of the article.

    Looks only at the first few paragraphs: a date deep in the story is an event, not the byline.
    """
    paragraphs = [p.strip() for p in text[:3000].split("\n") if p.strip()][:6]
    byline = next((m["outlet"] for p in paragraphs if (m := _BYLINE.match(p))), None)
    for para in paragraphs:
        m = _DATELINE.match(para)
        if m:
            when = _written_date(m["rest"], year, today)
            if when:
                return when, (m["outlet"] or byline or "").strip() or None
    for para in paragraphs[:3]:
        line = para.strip()
        # A short line that is mostly a date: "Published April 8, 2019", "8 April 2019 10:15".
        if len(line) <= 60:
            found = written_day(line, year, today)
            if found and found[1]:
                return found[0], None
    return None


def _headline(text: str) -> str | None:
    """The first line that reads as a headline, before the story starts.

    Short (3-20 words), no final full stop, not a dateline or byline; lines of one or two
    words ("Breaking News", "Accessibility links") are page furniture, not headlines.
    """
    lines = [line.strip() for line in text[:2000].split("\n") if line.strip()]
    for line in lines[:5]:
        if len(line) > 150 or _DATELINE.match(line) or _BYLINE.match(line):
            return None
        words = len(line.split())
        if words > 20:
            return None
        if words >= 3 and line[-1] not in ".:;,":
            return line
    return None
