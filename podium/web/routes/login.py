"""Signing in to a server started with a token: the login form sets an HttpOnly cookie (an HMAC of the
token, never the token); signing out clears it. A wrong token waits a moment before the answer."""

from __future__ import annotations

import asyncio
import hmac
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import RedirectResponse, Response

from podium.web.pages import page
from podium.web.security import AUTH_COOKIE, check_csrf, session_value

router = APIRouter(include_in_schema=False)
WRONG_TOKEN_DELAY = 0.5


def safe_next(target: str | None) -> str:
    """A local path to go back to after signing in (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_form(request: Request, next: Annotated[str, Query(max_length=2000)] = "/") -> Response:
    return page(
        request,
        "login.html.j2",
        next=safe_next(next),
        error=None,
        needed=bool(request.app.state.settings.token),
    )


@router.post("/login")
async def login(request: Request) -> Response:
    token = request.app.state.settings.token
    form = await request.form(max_files=0, max_fields=5, max_part_size=8192)
    check_csrf(request, form.get("csrf_token"))
    target = safe_next(str(form.get("next") or "/"))
    given = form.get("token")
    if not token:
        return RedirectResponse(target, status_code=303)
    if not isinstance(given, str) or not hmac.compare_digest(given.strip().encode(), token.encode()):
        await asyncio.sleep(WRONG_TOKEN_DELAY)
        return page(
            request, "login.html.j2", status=401, next=target, error="That token is not right.", needed=True
        )
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(AUTH_COOKIE, session_value(token), httponly=True, samesite="strict", path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=5, max_part_size=8192)
    check_csrf(request, form.get("csrf_token"))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(AUTH_COOKIE, path="/")
    return response
