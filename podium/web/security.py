"""The guard in front of every request of ``podium serve`` (an ASGI middleware), and the CSRF tokens.

In order, for each HTTP request:

* **Host**: a server without a token answers only requests addressed to this machine (``127.0.0.1``,
  ``localhost``, ``[::1]``), so a web page whose domain is re-pointed at 127.0.0.1 cannot read it.
* **Token**: with ``--token`` every page and API call needs it, as ``Authorization: Bearer TOKEN`` or
  the cookie the login form sets (an HMAC of the token, HttpOnly, SameSite=Strict). Pages redirect to
  ``/login``, the API answers 401 (E510). Only ``/login`` and ``/static/`` are open.
* **Cross-site writes**: a state-changing request (POST, PATCH, PUT, DELETE) sent by a browser from
  another site (``Sec-Fetch-Site: cross-site``, or an ``Origin`` that is not this server) is refused
  (E509). Forms also carry a CSRF token (``csrf_token``), checked by the routes.
* **Size**: a request body over ``--max-bytes`` (plus room for the form's other fields) is refused (E005).
* **Headers** on every response: ``Content-Security-Policy: default-src 'self'`` (no inline script or
  style anywhere in the app), ``X-Content-Type-Options``, ``Referrer-Policy``, no framing, no caching of
  pages, and ``Server-Timing``: ``app`` (milliseconds spent in the server until the answer starts) and
  ``cpu`` (CPU milliseconds the server process spent meanwhile, all its threads: on a loaded machine the
  part of ``app`` that is this request's own work).

Refusals are rendered by the app's own error handler (``refuse``), as a page or as JSON.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from podium.errors import PodiumError
from podium.web.settings import Settings, is_local

CSP = "default-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
AUTH_COOKIE = "podium_auth"
CSRF_COOKIE = "podium_csrf"
CSRF_FIELD = "csrf_token"
#: Room for a form's other fields and multipart boundaries beside the file or text it carries.
FORM_ROOM = 256 * 1024
OPEN_PATHS = ("/login", "/static/")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
Refuse = Callable[[Request, PodiumError], Awaitable[Response]]


def session_value(token: str) -> str:
    """The auth cookie's value for ``token`` (the token itself never goes into a cookie)."""
    return hmac.new(token.encode("utf-8"), b"podium session v1", hashlib.sha256).hexdigest()


def csrf_token(secret: bytes, seed: str) -> str:
    return hmac.new(secret, seed.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def check_csrf(request: Request, submitted: Any) -> None:
    """E509 unless a form's ``csrf_token`` matches this browser's CSRF cookie."""
    seed = request.cookies.get(CSRF_COOKIE, "")
    expected = csrf_token(request.app.state.secret, seed)
    if not seed or not isinstance(submitted, str) or not hmac.compare_digest(submitted, expected):
        raise PodiumError("E509", reason="the form's security token is missing or out of date")


def authorised(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return True
    cookie = request.cookies.get(AUTH_COOKIE, "")
    return bool(cookie) and hmac.compare_digest(cookie, session_value(token))


def _same_origin(request: Request, origin: str) -> bool:
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc == request.headers.get("host", "")


def hostname(host: str) -> str:
    """The name in a Host header, without the port (``[::1]:8000`` -> ``::1``)."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


class Guard:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, settings: Settings, refuse: Refuse) -> None:
        self.app, self.settings, self.refuse = app, settings, refuse
        self.body_limit = settings.max_bytes + FORM_ROOM

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, cpu_started = time.perf_counter(), time.process_time()
        request = Request(scope)
        seed = request.cookies.get(CSRF_COOKIE)
        new_seed = None if seed and len(seed) >= 16 else secrets.token_urlsafe(24)
        scope.setdefault("state", {})["csrf_seed"] = new_seed or seed

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                present = {k.decode("latin-1").lower() for k, _ in headers}
                for name, value in HEADERS.items():
                    if name not in present:
                        headers.append((name.encode(), value.encode()))
                if "cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                spent = (time.perf_counter() - started) * 1000  # until the first byte, for benchmarks
                cpu = (time.process_time() - cpu_started) * 1000
                headers.append((b"server-timing", f"app;dur={spent:.1f}, cpu;dur={cpu:.1f}".encode()))
                if new_seed:
                    cookie = f"{CSRF_COOKIE}={new_seed}; Path=/; HttpOnly; SameSite=Strict"
                    headers.append((b"set-cookie", cookie.encode()))
            await send(message)

        refusal = self._check(request)
        if refusal is not None:
            response = refusal if isinstance(refusal, Response) else await self.refuse(request, refusal)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, self._limited(receive), send_with_headers)

    def _check(self, request: Request) -> PodiumError | Response | None:
        host = hostname(request.headers.get("host", ""))
        if not self.settings.token and not is_local(host or "-"):
            return PodiumError("E509", reason=f"this server answers only at 127.0.0.1, not at {host!r}")
        path = request.url.path
        token = self.settings.token
        if token and not path.startswith(OPEN_PATHS) and not authorised(request, token):
            if is_api(path) or request.method not in SAFE_METHODS:
                return PodiumError("E510")
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        if request.method not in SAFE_METHODS:
            site = request.headers.get("sec-fetch-site", "")
            origin = request.headers.get("origin")
            if site == "cross-site" or (origin is not None and not _same_origin(request, origin)):
                return PodiumError("E509", reason="it was sent from another web site")
            length = request.headers.get("content-length", "")
            if length.isdigit() and int(length) > self.body_limit:
                return PodiumError("E005", path="the upload", size=int(length), limit=self.settings.max_bytes)
        return None

    def _limited(self, receive: Receive) -> Receive:
        seen = 0
        limit = self.body_limit

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise PodiumError("E005", path="the upload", size=f"over {seen}", limit=limit)
            return message

        return limited
