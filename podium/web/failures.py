"""How ``podium serve`` answers when something goes wrong: a PodiumError becomes its catalogue message
with a fitting HTTP status (4xx for anything the user sent), as a page or, under ``/api/``, as JSON
``{"error": {"code", "message"}}``. Validation errors of the API get the same shape. Anything else is a
500 that says only that the server's log has the details: no stack trace ever reaches a client.
"""

from __future__ import annotations

import logging

from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from podium.errors import ExitCode, PodiumError
from podium.web.security import HEADERS, is_api

log = logging.getLogger("podium.web")
#: Codes whose status differs from their category's.
STATUS = {
    "E409": 422,
    "E005": 413,
    "E016": 413,
    "E015": 422,
    "E010": 422,
    "E017": 422,
    "E406": 404,
    "E505": 404,
    "E506": 404,
    "E507": 503,
    "E509": 403,
    "E510": 401,
}
BY_CATEGORY = {
    ExitCode.INPUT: 400,
    ExitCode.USAGE: 400,
    ExitCode.NETWORK: 422,
    ExitCode.DATABASE: 503,
    ExitCode.PIPELINE: 500,
    ExitCode.OUTPUT: 500,
}


def http_status(err: PodiumError) -> int:
    return STATUS.get(err.code, BY_CATEGORY.get(err.exit_code, 500))


async def refuse(request: Request, err: PodiumError) -> Response:
    """The response for a PodiumError: JSON under /api/, else the error page."""
    status = http_status(err)
    headers = {"www-authenticate": "Bearer"} if err.code == "E510" else None
    if is_api(request.url.path):
        return JSONResponse({"error": {"code": err.code, "message": str(err)}}, status, headers=headers)
    from podium.web.pages import page

    response = page(request, "error.html.j2", status=status, code=err.code, message=str(err))
    if headers:
        response.headers.update(headers)
    return response


async def on_podium_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PodiumError)
    return await refuse(request, exc)


async def on_validation_error(request: Request, exc: Exception) -> Response:
    """A parameter FastAPI could not read: E409 naming the first one."""
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path")) or "request"
    value = first.get("input")
    err = PodiumError(
        "E409",
        option=where,
        value=value if isinstance(value, str | int | float) else None,
        reason=str(first.get("msg", "not valid")).rstrip("."),
    )
    return await refuse(request, err)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = "no such page" if exc.status_code == 404 else str(exc.detail)
    if is_api(request.url.path):
        return JSONResponse({"error": {"code": None, "message": message}}, exc.status_code)
    from podium.web.pages import page

    return page(request, "error.html.j2", status=exc.status_code, code=None, message=message)


async def on_crash(request: Request, exc: Exception) -> Response:
    """A bug: logged with its traceback here, a short message there."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    message = "The server failed on this request; its log has the details."
    return JSONResponse({"error": {"code": None, "message": message}}, 500, headers=dict(HEADERS))
