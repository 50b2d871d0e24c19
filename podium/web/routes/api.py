"""The REST API under ``/api/``: analyse (the JSON is exactly ``podium analyze -f json``'s), follow a
job, list and read documents, search, and read or change claim reviews. The same token as the pages;
errors as ``{"error": {"code", "message"}}`` with a 4xx status for anything the client sent."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import JSONResponse, Response

from podium.corpus.reviews import STATUSES
from podium.corpus.search import Filters
from podium.errors import PodiumError
from podium.factchecks.ratings import RATINGS
from podium.outputs import render
from podium.web.intake import read_form, submission

router = APIRouter(prefix="/api", tags=["api"])
DOCUMENT_ID = Path(ge=1, le=2**62, description="A document id from GET /api/documents.")
CLAIM_ID = Path(ge=1, le=2**62, description="A claim id (claim_id in GET /api/claims).")
JOB_ID = Path(pattern=r"^[A-Za-z0-9_-]{8,64}$", description="The id POST /api/analyze?wait=false returned.")
_Text = Annotated[str, Query(max_length=200)]
ANALYSIS = {
    "description": "The analysis, exactly as `podium analyze -f json` writes it "
    "(podium/schema/document.schema.json). Headers: X-Podium-Document-Id (where it was stored), "
    "X-Podium-Job-Id.",
    "content": {"application/json": {"schema": {"type": "object"}}},
}
_META = {
    "title": {"type": "string"},
    "speakers": {"type": "string", "description": "Speaker names separated by ';' (a list in JSON)."},
    "date": {"type": "string", "description": "YYYY-MM-DD"},
    "side": {"type": "string", "description": "Whom the speaker's 'we' stands for."},
    "language": {"type": "string"},
}
ANALYZE_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "Any file podium analyze reads.",
                    },
                    "text": {"type": "string", "description": "Or a pasted text."},
                    "url": {"type": "string", "description": "Or an http(s) address to fetch."},
                    **_META,
                },
            }
        },
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "url": {"type": "string"},
                    **_META,
                    "speakers": {"type": "array", "items": {"type": "string"}},
                },
            }
        },
    },
}


class ReviewChange(BaseModel):
    """The review fields to change; fields left out stay as they are, "" or null clears one."""

    model_config = ConfigDict(extra="forbid")
    status: str | None = Field(None, description=f"One of {', '.join(STATUSES)}.")
    verdict: str | None = Field(None, description=f"One of {', '.join(RATINGS)}.")
    note: str | None = None
    review_url: str | None = Field(None, description="The published fact-check (http or https).")
    reviewer: str | None = None


async def _analysis_input(request: Request, max_bytes: int) -> tuple[dict[str, Any], UploadFile | None]:
    if request.headers.get("content-type", "").split(";")[0].strip() == "application/json":
        try:
            values = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as err:
            raise PodiumError("E503", reason=f"the JSON body cannot be read ({err})") from None
        if not isinstance(values, dict):
            raise PodiumError("E503", reason="the JSON body is not an object")
        return values, None
    form = await read_form(request, max_bytes)
    upload = form.get("file")
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    return values, upload if isinstance(upload, UploadFile) else None


@router.post(
    "/analyze",
    summary="Analyse a text, file or URL and store it",
    openapi_extra={"requestBody": ANALYZE_BODY},
    responses={200: ANALYSIS, 202: {"description": "Queued (wait=false): the job, as GET /api/jobs/{id}."}},
)
async def analyze(
    request: Request,
    wait: Annotated[bool, Query(description="Wait for the result (else 202 with the job at once).")] = True,
) -> Response:
    settings, jobs = request.app.state.settings, request.app.state.jobs
    values, upload = await _analysis_input(request, settings.max_bytes)
    found = await submission(values, upload, settings.max_bytes)
    job = jobs.submit(
        found.kind, found.name, data=found.data, meta=found.meta, max_bytes=settings.max_bytes, want_json=wait
    )
    if not wait:
        return JSONResponse(jobs.status(job), 202, headers={"location": f"/api/jobs/{job.id}"})
    await job.done.wait()
    if job.error is not None:
        raise job.error
    body, job.json_text = job.json_text or "", None
    headers = {"x-podium-document-id": str(job.document_id), "x-podium-job-id": job.id}
    return Response(body, media_type="application/json", headers=headers)


@router.get("/jobs/{job_id}", summary="The status of an analysis job")
def job_status(request: Request, job_id: Annotated[str, JOB_ID]) -> dict[str, Any]:
    jobs = request.app.state.jobs
    return jobs.status(jobs.get(job_id))


@router.get("/documents", summary="The stored documents")
def documents(request: Request) -> list[dict[str, Any]]:
    return request.app.state.corpus.documents()


@router.get(
    "/documents/{document_id}",
    summary="A stored analysis, as podium analyze -f json",
    responses={200: ANALYSIS},
    response_class=Response,
)
def document(request: Request, document_id: Annotated[int, DOCUMENT_ID]) -> Response:
    doc = request.app.state.corpus.get(document_id)
    return Response(render(doc, "json"), media_type="application/json")


@router.get("/search", summary="Sentences matching a query in the corpus search syntax")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=1000, description='e.g. bridges OR "the port"')],
    speaker: _Text = "",
    since: _Text = "",
    until: _Text = "",
    layer: _Text = "",
    label: _Text = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> list[dict[str, Any]]:
    filters = Filters(speaker or None, since or None, until or None, layer or None, label or None)
    return request.app.state.corpus.search(q, filters, limit)


@router.get("/claims", summary="Claims with their review, most check-worthy first")
def claims(
    request: Request,
    speaker: _Text = "",
    since: _Text = "",
    until: _Text = "",
    type: _Text = "",
    status: _Text = "",
    min_score: Annotated[float, Query(ge=0, le=1)] = 0.0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    document: Annotated[int | None, Query(ge=1, le=2**62, description="Only this document's claims.")] = None,
) -> dict[str, Any]:
    filters = Filters(speaker or None, since or None, until or None)
    rows, total = request.app.state.corpus.review_queue(
        filters, type or None, status or None, min_score, limit, offset, document
    )
    return {"total": total, "claims": rows}


@router.get("/claims/{claim_id}", summary="A claim with its review, history and fact-check matches")
def claim(request: Request, claim_id: Annotated[int, CLAIM_ID]) -> dict[str, Any]:
    return request.app.state.corpus.claim(claim_id)


@router.patch("/claims/{claim_id}", summary="Change a claim's review")
async def review(
    request: Request, claim_id: Annotated[int, CLAIM_ID], change: ReviewChange
) -> dict[str, Any]:
    changes = {k: v if v is not None else "" for k, v in change.model_dump(exclude_unset=True).items()}
    corpus = request.app.state.corpus
    return await run_in_threadpool(lambda: corpus.review(claim_id, **changes))
