"""The one way importers reach the network: a small HTTP client with a timeout, a
size cap and no surprises.

- https only; plain http only to this machine (127.0.0.1, ::1, localhost), for a
  local mirror and for the tests, which serve fixtures with `http.server`;
- a redirect may not leave https (nor reach http on another host);
- every socket operation times out, and so does the whole transfer;
- a response larger than the cap is refused while it is read, whatever its
  Content-Length says.

Failures are `FetchError`s whose message names the URL and says what happened.
"""
from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ontology.errors import InputError

DEFAULT_TIMEOUT = 30.0  # seconds per socket operation; the whole transfer gets TRANSFER_FACTOR times it
TRANSFER_FACTOR = 10
DEFAULT_MAX_BYTES = 200 * 2**20
CHUNK = 64 * 1024
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
USER_AGENT = "aikg/0.1 (knowledge graph of AI releases)"


class FetchError(InputError):
    """A download that did not happen (refused URL, HTTP error, timeout, too large)."""


def allowed(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    return parts.scheme == "http" and (parts.hostname or "") in LOOPBACK


def is_url(text: str) -> bool:
    return bool(re.match(r"^https?://", str(text), re.I))


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names
    body: bytes = b""

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise FetchError(f"{self.url}: not JSON ({exc})") from exc

    def next_link(self) -> str | None:
        """The `Link: <…>; rel="next"` page (the Hub paginates like GitHub)."""
        for part in self.headers.get("link", "").split(","):
            match = re.match(r'\s*<([^>]+)>\s*;.*\brel="?next"?', part)
            if match:
                return urllib.parse.urljoin(self.url, match.group(1))
        return None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not allowed(newurl):
            raise FetchError(f"{req.full_url}: refused a redirect to {newurl} (https only)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class HttpClient:
    def __init__(self, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 headers: dict[str, str] | None = None):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.headers = {"User-Agent": USER_AGENT, **(headers or {})}
        # No proxy handler from the environment: what is fetched, and from where, stays what the URL says.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _Redirects())

    def _open(self, url: str, accept: str | None):
        if not allowed(url):
            raise FetchError(f"{url}: only https:// URLs are fetched (http:// only from this machine)")
        request = urllib.request.Request(url, headers={**self.headers, **({"Accept": accept} if accept else {})})
        try:
            return self._opener.open(request, timeout=self.timeout)
        except FetchError:  # a refused redirect; a ValueError too, it must not be wrapped again below
            raise
        except urllib.error.HTTPError as exc:
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(f"{url}: {reason}") from exc

    def _chunks(self, url: str, handle):
        length = handle.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(f"{url}: {int(length):,} bytes, more than the cap of {self.max_bytes:,}")
        deadline = time.monotonic() + self.timeout * TRANSFER_FACTOR
        total = 0
        while True:
            try:
                chunk = handle.read(CHUNK)
            except (OSError, ValueError) as exc:
                raise FetchError(f"{url}: {exc or type(exc).__name__}") from exc
            if not chunk:
                return
            total += len(chunk)
            if total > self.max_bytes:
                raise FetchError(f"{url}: more than the cap of {self.max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: transfer took longer than {self.timeout * TRANSFER_FACTOR:g} s")
            yield chunk

    def get(self, url: str, accept: str | None = None) -> Response:
        with self._open(url, accept) as handle:
            body = b"".join(self._chunks(url, handle))
            return Response(handle.geturl(), handle.status, {k.lower(): v for k, v in handle.headers.items()}, body)

    def download(self, url: str, target: Path) -> int:
        """The body written to `target` (through a temporary file, so a failed download
        leaves nothing behind); returns its size."""
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        size = 0
        try:
            with self._open(url, None) as handle, partial.open("wb") as out:
                for chunk in self._chunks(url, handle):
                    out.write(chunk)
                    size += len(chunk)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return size
