"""Fetch a web page or file over http(s) with a size limit, and say which reader should read it.

``fetch`` returns the body and a suffix hint (".html", ".pdf", ".txt", ".docx", ".srt", ".vtt")
taken from the Content-Type, else from the suffix of the final URL's path, else ".html". Only
http and https are fetched (redirects included); every network failure is E010, a body over the
limit is E005 (refused from Content-Length before downloading when the server announces it).

It does not decode or parse the body (the readers do), does not cache, retry, run JavaScript or
honour robots.txt, and does not pass on the Content-Type's charset (the HTML reader looks for the
page's own declaration, then tries UTF-8 and cp1252).
"""

from __future__ import annotations

import contextlib
import http.client
import posixpath
import socket
import time
import urllib.error
import urllib.request
import zlib
from email.message import Message
from typing import IO
from urllib.parse import unquote, urlsplit

from podium.errors import PodiumError

USER_AGENT = "podium/0.1"
_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024
_ACCEPT = (
    "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,"
    "text/vtt;q=0.8,application/x-subrip;q=0.8,*/*;q=0.5"
)
#: Content-Type (without parameters) -> suffix of the reader to use.
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
    "text/plain": ".txt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/vtt": ".vtt",
    "application/x-subrip": ".srt",
    "application/srt": ".srt",
    "text/srt": ".srt",
}
#: URL path suffixes trusted when the Content-Type says nothing useful.
_PATH_SUFFIXES = {
    ".html": ".html",
    ".htm": ".html",
    ".xhtml": ".html",
    ".pdf": ".pdf",
    ".txt": ".txt",
    ".docx": ".docx",
    ".srt": ".srt",
    ".vtt": ".vtt",
}


class _TooSlow(Exception):
    """The server answers, but too slowly to finish within the overall deadline."""


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) addresses (urllib would also follow one to ftp)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in _SCHEMES:
            raise urllib.error.URLError(f"redirected to a non-web address ({scheme}:)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    """An opener with http(s) handlers only: no file:, ftp: or data: URLs, even after a redirect."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _WebOnlyRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, max_bytes: int, timeout: float = 20.0) -> tuple[bytes, str]:
    """The body at ``url`` (at most ``max_bytes``) and a suffix hint for the reader to use.

    ``timeout`` bounds each network wait and, three times over, the whole download.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError as err:  # e.g. an unclosed IPv6 bracket
        raise PodiumError("E010", url=url, reason=f"the address is malformed ({err})") from err
    if parts.scheme.lower() not in _SCHEMES:
        shown = f"'{parts.scheme}:' addresses" if parts.scheme else "addresses without http:// or https://"
        raise PodiumError(
            "E010", url=url, reason=f"only http:// and https:// addresses can be fetched, not {shown}"
        )
    if not host:
        raise PodiumError("E010", url=url, reason="the address has no host name")

    request = urllib.request.Request(url.strip(), headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    deadline = time.monotonic() + 3 * timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            announced = response.headers.get("Content-Length", "")
            if announced.strip().isdigit() and int(announced) > max_bytes:
                raise PodiumError("E005", path=url, size=int(announced), limit=max_bytes)
            body = _read_limited(response, max_bytes, deadline, timeout)
            body = decompress_body(body, response.headers.get("Content-Encoding", ""), url, max_bytes)
            if len(body) > max_bytes:
                raise PodiumError("E005", path=url, size=f"more than {max_bytes}", limit=max_bytes)
            content_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
            final_url = response.geturl() or url
    except urllib.error.HTTPError as err:
        reason = f"HTTP {err.code} {_reason(err.reason)}".strip() if err.code else _reason(err.reason)
        raise PodiumError("E010", url=url, reason=reason) from err
    except urllib.error.URLError as err:
        raise PodiumError("E010", url=url, reason=_reason(err.reason)) from err
    except _TooSlow as err:
        raise PodiumError("E010", url=url, reason=str(err)) from err
    except TimeoutError as err:
        raise PodiumError("E010", url=url, reason=f"no answer within {timeout:g} s") from err
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise PodiumError("E010", url=url, reason=_reason(err)) from err
    return body, suffix_hint(content_type, final_url)


def _read_limited(response: IO[bytes], max_bytes: int, deadline: float, timeout: float) -> bytes:
    """Read at most ``max_bytes + 1`` bytes, giving up at ``deadline`` (a slow drip is a failure too).

    Each read returns what has arrived (``read1``) and waits at most until the deadline, so a server
    sending a byte now and then cannot stretch the download past it."""
    chunks: list[bytes] = []
    total = 0
    read = getattr(response, "read1", response.read)
    while total <= max_bytes:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _TooSlow(f"the download did not finish within {3 * timeout:g} s")
        _wait_at_most(response, min(timeout, left))
        try:
            chunk = read(min(_CHUNK, max_bytes + 1 - total))
        except TimeoutError:
            if time.monotonic() >= deadline:
                raise _TooSlow(f"the download did not finish within {3 * timeout:g} s") from None
            raise
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _wait_at_most(response: IO[bytes], seconds: float) -> None:
    """Shorten the socket timeout of ``response`` to ``seconds`` (where the socket can be reached)."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        with contextlib.suppress(OSError, ValueError):
            sock.settimeout(max(seconds, 0.01))


def decompress_body(body: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """The body undone from its Content-Encoding (gzip, deflate), never expanding past ``max_bytes + 1``
    bytes; E010 for an encoding podium cannot undo or a damaged stream."""
    codings = [c.strip().lower() for c in encoding.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    for coding in reversed(codings):  # applied in the order listed, so undone from the last
        if coding in ("gzip", "x-gzip"):
            body = _inflate(body, 16 + zlib.MAX_WBITS, url, max_bytes)
        elif coding == "deflate":
            body = _inflate(body, zlib.MAX_WBITS if body[:1] == b"\x78" else -zlib.MAX_WBITS, url, max_bytes)
        else:
            raise PodiumError("E010", url=url, reason=f"the server sent the page encoded as {coding!r}")
    return body


def _inflate(data: bytes, wbits: int, url: str, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out: list[bytes] = []
    total = 0
    pending = data
    try:
        while pending and total <= max_bytes:
            piece = inflater.decompress(pending, max_bytes + 1 - total)
            out.append(piece)
            total += len(piece)
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        if total <= max_bytes and not inflater.eof:
            piece = inflater.flush()
            out.append(piece[: max_bytes + 1 - total])
    except zlib.error as err:
        raise PodiumError("E010", url=url, reason=f"the compressed page is damaged ({err})") from err
    return b"".join(out)


def suffix_hint(content_type: str, url: str) -> str:
    """The reader suffix for a Content-Type, else for the URL path's suffix, else ".html"."""
    mapped = CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if mapped:
        return mapped
    suffix = posixpath.splitext(unquote(urlsplit(url).path))[1].lower()
    return _PATH_SUFFIXES.get(suffix, ".html")


def _reason(err: object) -> str:
    """A short reason for a low-level network error."""
    if isinstance(err, TimeoutError):
        return "the server did not answer in time"
    if isinstance(err, socket.gaierror):
        return "the host name could not be resolved"
    if isinstance(err, ConnectionRefusedError):
        return "the connection was refused"
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:200]
