"""The analyse pages: the form (paste, upload or URL, with speaker, date and side), and a job's progress
page, which moves on to the stored document when the analysis is done."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse, Response

from podium.errors import PodiumError
from podium.web.failures import http_status
from podium.web.intake import META_FIELDS, read_form, submission
from podium.web.pages import page
from podium.web.security import check_csrf

router = APIRouter(include_in_schema=False)
JOB_ID = Path(pattern=r"^[A-Za-z0-9_-]{8,64}$")
RECENT = 8


def _form_page(request: Request, values: dict[str, str], error: PodiumError | None = None) -> Response:
    documents = request.app.state.corpus.documents()[-RECENT:][::-1]
    return page(
        request,
        "analyze.html.j2",
        section="analyze",
        status=http_status(error) if error else 200,
        values=values,
        error=str(error) if error else None,
        documents=documents,
        max_bytes=request.app.state.settings.max_bytes,
    )


@router.get("/")
def analyze_form(request: Request) -> Response:
    return _form_page(request, {})


@router.post("/analyze")
async def analyze_submit(request: Request) -> Response:
    settings = request.app.state.settings
    values: dict[str, str] = {}
    try:
        form = await read_form(request, settings.max_bytes)
        check_csrf(request, form.get("csrf_token"))
        values = {k: v for k, v in form.items() if isinstance(v, str) and k in (*META_FIELDS, "text", "url")}
        upload = form.get("file")
        found = await submission(
            values, upload if isinstance(upload, UploadFile) else None, settings.max_bytes
        )
        job = request.app.state.jobs.submit(
            found.kind, found.name, data=found.data, meta=found.meta, max_bytes=settings.max_bytes
        )
    except PodiumError as err:
        return _form_page(request, values, err)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: Annotated[str, JOB_ID]) -> Response:
    jobs = request.app.state.jobs
    job = jobs.get(job_id)
    if job.status == "done" and job.document_id is not None:
        return RedirectResponse(f"/documents/{job.document_id}", status_code=303)
    status = jobs.status(job)
    error = job.error
    return page(
        request,
        "job.html.j2",
        section="analyze",
        status=http_status(error) if error else 200,
        job=status,
        error=str(error) if error else None,
    )
