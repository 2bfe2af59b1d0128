"""The only code in Recount that goes on the network: one GET of a URL the user's sources gave.

Why http.client rather than urllib's opener: every hop of a redirect is checked here (http or
https only, at most MAX_REDIRECTS), no proxy or other handler can send the request elsewhere,
and the body is read in chunks against a byte cap and a deadline, so a huge or endless answer
costs at most MAX_BYTES and TOTAL_TIMEOUT. Conditional GET (ETag / Last-Modified) makes a
poll of an unchanged feed cost one small 304 answer.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import recount
from recount.watch.urls import UnsafeURL, check_url

USER_AGENT = f"Recount/{recount.__version__} (desktop fact-checking; follows the feeds its user added)"
TIMEOUT = 10.0  # seconds for connecting and for each read
TOTAL_TIMEOUT = 30.0  # seconds for a whole fetch, redirects and body included
MAX_BYTES = 5 * 1024 * 1024  # a news page or feed is far smaller; anything bigger is refused
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A fetch that failed; `str(exc)` is a one-line message for the source's status."""


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200 (any 2xx) or 304
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


@dataclass(slots=True)
class Fetcher:
    """GET with the safety rules above; thread-safe (no shared state), one connection per request."""

    timeout: float = TIMEOUT
    total_timeout: float = TOTAL_TIMEOUT
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    user_agent: str = USER_AGENT

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = "*/*") -> Response:
        deadline = time.monotonic() + self.total_timeout
        current = url
        for _hop in range(self.max_redirects + 1):
            try:
                current = check_url(current)
            except UnsafeURL as exc:
                raise FetchError(str(exc)) from None
            headers = {"User-Agent": self.user_agent, "Accept": accept, "Accept-Encoding": "gzip",
                       "Connection": "close"}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, reason, got, body = self._once(current, headers, deadline)
            if status in _REDIRECTS:
                location = got.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location")
                current = urljoin(current, location)
                continue
            if status == 304:
                return Response(current, 304, b"", got)
            if 200 <= status < 300:
                return Response(current, status, body, got)
            raise FetchError(f"HTTP {status} {reason}".strip())
        raise FetchError(f"more than {self.max_redirects} redirects")

    def _once(self, url: str, headers: dict[str, str],
              deadline: float) -> tuple[int, str, dict[str, str], bytes]:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"timed out after {self.total_timeout:g} s")
        timeout = min(self.timeout, left)
        if parts.scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            got = {k.lower(): v for k, v in resp.getheaders()}
            body = b""
            if 200 <= resp.status < 300:
                body = self._body(resp, got, deadline)
            return resp.status, resp.reason or "", got, body
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except ssl.SSLError as exc:
            raise FetchError(f"secure connection failed ({exc.reason or exc})") from None
        except socket.gaierror:
            raise FetchError(f"host {host} not found") from None
        except ConnectionRefusedError:
            raise FetchError(f"{host} refused the connection") from None
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError(f"connection failed ({type(exc).__name__}: {exc})") from None
        finally:
            conn.close()

    def _body(self, resp: http.client.HTTPResponse, got: dict[str, str], deadline: float) -> bytes:
        cap = self.max_bytes
        length = got.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            raise FetchError(f"too large ({int(length):,} bytes; the limit is {cap:,})")
        gz = got.get("content-encoding", "").lower() in ("gzip", "x-gzip")
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gz else None
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {self.total_timeout:g} s (body too slow)")
            chunk = resp.read(_CHUNK)
            if not chunk:
                break
            if inflate is not None:
                try:
                    chunk = inflate.decompress(chunk, cap + 1 - size)
                except zlib.error:
                    raise FetchError("damaged gzip body") from None
            size += len(chunk)
            if size > cap:
                raise FetchError(f"too large (more than {cap:,} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)
