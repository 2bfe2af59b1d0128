"""Which URLs Recount may fetch (http and https only) and the one key of a report's URL.

Feeds and share buttons decorate links with tracking parameters (utm_*, fbclid...): the same
report reached through two such links must be one report, so the key drops them, the
fragment, default ports and the case of the scheme and host.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

ALLOWED_SCHEMES = ("http", "https")
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "piwik_", "at_", "ga_", "hsa_", "oly_")
_TRACKING = frozenset((
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mkt_tok", "_hsenc",
    "_hsmi", "ref_src", "ref_url", "cmpid", "ncid", "ocid", "smid", "sr_share", "guccounter", "s_cid",
    "__twitter_impression",
))  # only names that never select content: a wrong guess here would merge two reports


class UnsafeURL(ValueError):
    """A URL Recount will not fetch; `str(exc)` says why."""


def check_url(url: str) -> str:
    """The URL, stripped, when it is an http(s) URL with a host; UnsafeURL otherwise."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        raise UnsafeURL(f"{url!r} is not a valid URL") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise UnsafeURL(f"{url!r}: only http and https addresses can be followed")
    if not parts.hostname:
        raise UnsafeURL(f"{url!r} has no host name")
    if any(ch.isspace() for ch in url) or any(ord(ch) < 32 for ch in url):
        raise UnsafeURL(f"{url!r} contains spaces or control characters")
    return url


def is_tracking(name: str) -> bool:
    low = name.lower()
    return low in _TRACKING or low.startswith(_TRACKING_PREFIXES)


def url_key(url: str) -> str:
    """"url:" + the URL without tracking parameters or fragment, scheme/host lower-cased, the
    default port and a trailing slash dropped, the remaining parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)) else None
    netloc = f"{host}:{port}" if port else host
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k))
    path = parts.path.rstrip("/") or "/"
    return "url:" + urlunsplit((scheme, netloc, path, urlencode(query), ""))
