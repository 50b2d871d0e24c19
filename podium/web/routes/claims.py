"""The claims review: every claim of the corpus ranked by check-worthiness with filters (speaker, dates,
claim type, status), a page per claim with the review form (status, verdict, note, link, reviewer),
its history and its "checked before" matches, and the exports of the reviewed claims."""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import quote, unquote

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from podium.corpus.reviews import FIELDS, STATUSES
from podium.corpus.search import Filters
from podium.errors import PodiumError
from podium.factchecks.ratings import RATINGS
from podium.web.exports import reviews_csv, reviews_jsonld
from podium.web.pages import page
from podium.web.security import check_csrf

router = APIRouter(include_in_schema=False)
CLAIM_ID = Path(ge=1, le=2**62)
PAGE_SIZE = 50
REVIEWER_COOKIE = "podium_reviewer"
_Text = Annotated[str, Query(max_length=200)]
#: Which statuses each export holds.
EXPORTED = {"reviewed": ("to_check", "checked", "not_worth_checking"), "checked": ("checked",)}


def _filters(speaker: str, since: str, until: str) -> Filters:
    return Filters(speaker=speaker or None, since=since or None, until=until or None)


@router.get("/claims")
def claims_page(
    request: Request,
    speaker: _Text = "",
    since: _Text = "",
    until: _Text = "",
    type: _Text = "",
    status: _Text = "",
    min_score: Annotated[float, Query(ge=0, le=1)] = 0.0,
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    document: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> Response:
    corpus = request.app.state.corpus
    params = {
        "document": document,
        "speaker": speaker,
        "since": since,
        "until": until,
        "type": type,
        "status": status,
        "min_score": min_score or None,
    }
    rows, total = corpus.review_queue(
        _filters(speaker, since, until),
        type or None,
        status or None,
        min_score,
        PAGE_SIZE,
        (page_number - 1) * PAGE_SIZE,
        document,
    )
    return page(
        request,
        "claims.html.j2",
        section="claims",
        claims=rows,
        total=total,
        page_number=page_number,
        pages=max(1, -(-total // PAGE_SIZE)),
        first_rank=(page_number - 1) * PAGE_SIZE + 1,
        params=params,
        summary=corpus.review_summary(),
        statuses=STATUSES,
    )


def _exported(request: Request, which: str, speaker: str, since: str, until: str) -> list[dict[str, object]]:
    statuses = EXPORTED.get(which)
    if statuses is None:
        raise PodiumError("E409", option="which", value=which, reason=f"use {' or '.join(EXPORTED)}")
    return request.app.state.corpus.reviewed(_filters(speaker, since, until), statuses)


@router.get("/claims/export.csv")
def export_csv(
    request: Request, which: _Text = "reviewed", speaker: _Text = "", since: _Text = "", until: _Text = ""
) -> Response:
    rows = _exported(request, which, speaker, since, until)
    return Response(
        reviews_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="podium-reviewed-claims.csv"'},
    )


@router.get("/claims/export.jsonld")
def export_jsonld(
    request: Request, organisation: _Text = "", speaker: _Text = "", since: _Text = "", until: _Text = ""
) -> Response:
    rows = _exported(request, "checked", speaker, since, until)
    body = json.dumps(reviews_jsonld(rows, organisation or None), ensure_ascii=False, indent=2)
    return Response(
        body,
        media_type="application/ld+json",
        headers={"content-disposition": 'attachment; filename="podium-claimreview.jsonld"'},
    )


def _claim_page(
    request: Request,
    claim_id: int,
    error: PodiumError | None = None,
    saved: bool = False,
    values: dict[str, str] | None = None,
) -> Response:
    from podium.web.failures import http_status

    claim = request.app.state.corpus.claim(claim_id)
    reviewer = unquote(request.cookies.get(REVIEWER_COOKIE, ""))[: FIELDS["reviewer"]]
    shown = {f: claim.get(f) or "" for f in FIELDS}
    shown["reviewer"] = shown["reviewer"] or reviewer
    shown.update(values or {})
    return page(
        request,
        "claim.html.j2",
        section="claims",
        status=http_status(error) if error else 200,
        claim=claim,
        values=shown,
        statuses=STATUSES,
        ratings=RATINGS,
        error=str(error) if error else None,
        saved=saved,
    )


@router.get("/claims/{claim_id}")
def claim_page(request: Request, claim_id: Annotated[int, CLAIM_ID], saved: int = 0) -> Response:
    return _claim_page(request, claim_id, saved=bool(saved))


@router.post("/claims/{claim_id}")
async def claim_review(request: Request, claim_id: Annotated[int, CLAIM_ID]) -> Response:
    form = await request.form(max_files=0, max_fields=20, max_part_size=64 * 1024)
    check_csrf(request, form.get("csrf_token"))
    changes = {f: v for f in FIELDS if isinstance(v := form.get(f), str)}
    try:
        await run_in_threadpool(lambda: request.app.state.corpus.review(claim_id, **changes))
    except PodiumError as err:
        if err.code != "E504":
            raise
        return await run_in_threadpool(_claim_page, request, claim_id, err, False, changes)
    response = RedirectResponse(f"/claims/{claim_id}?saved=1", status_code=303)
    if changes.get("reviewer"):
        response.set_cookie(
            REVIEWER_COOKIE,
            quote(changes["reviewer"].strip()[:200]),
            max_age=365 * 86400,
            httponly=True,
            samesite="strict",
        )
    return response
