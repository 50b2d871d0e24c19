"""The documents: the list, and a stored document's page — the HTML report itself (highlights with
toggles, popups, the claims table, the rhetoric profile, the actor network, "checked before" matches)
in the app's shell, with its per-document colours as a stylesheet, since no inline style is allowed."""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from podium.errors import PodiumError
from podium.web.pages import page
from podium.web.security import csrf_token

router = APIRouter(include_in_schema=False)
DOCUMENT_ID = Path(ge=1, le=2**62)


PAGE_SIZE = 200


@router.get("/documents")
def document_list(
    request: Request, page_number: Annotated[int, Query(alias="page", ge=1, le=1_000_000)] = 1
) -> Response:
    documents = request.app.state.corpus.documents()[::-1]
    pages = max(1, -(-len(documents) // PAGE_SIZE))
    start = (page_number - 1) * PAGE_SIZE
    return page(
        request,
        "documents.html.j2",
        section="documents",
        documents=documents[start : start + PAGE_SIZE],
        total=len(documents),
        page_number=page_number,
        pages=pages,
    )


def _stamp(request: Request, document_id: int) -> str:
    corpus = request.app.state.corpus
    stamp = corpus.stamp(document_id)
    if stamp is None:
        raise PodiumError("E406", url=corpus.name, id=document_id)
    return str(stamp)


@router.get("/documents/{document_id}")
def document_page(request: Request, document_id: Annotated[int, DOCUMENT_ID]) -> Response:
    state = request.app.state
    html = state.pages.page(
        state.corpus,
        document_id,
        _stamp(request, document_id),
        csrf_token(state.secret, request.state.csrf_seed),
        bool(state.settings.token),
    )
    return HTMLResponse(html)


@router.get("/documents/{document_id}/report.css")
def document_style(request: Request, document_id: Annotated[int, DOCUMENT_ID], v: str = "") -> Response:
    """The report's stylesheet with this document's layer colours (``v``: the page's style key)."""
    pages = request.app.state.pages
    css = pages.css(document_id, v)
    if css is None:  # not rendered here yet (or replaced since): render it now
        state = request.app.state
        pages.page(state.corpus, document_id, _stamp(request, document_id), "", bool(state.settings.token))
        css = pages.css(document_id, v) or ""
    return Response(css, media_type="text/css", headers={"cache-control": "private, max-age=3600"})


@router.get("/documents/{document_id}/at/{offset}")
def document_at(
    request: Request, document_id: Annotated[int, DOCUMENT_ID], offset: Annotated[int, Path(ge=0, le=2**62)]
) -> Response:
    """The document opened at the sentence holding character ``offset`` (a search hit's start)."""
    corpus = request.app.state.corpus
    sentence = corpus.sentence_at(document_id, offset)
    if sentence is None:
        corpus.data(document_id)  # E406 when there is no such document
        return RedirectResponse(f"/documents/{document_id}", status_code=303)
    return RedirectResponse(f"/documents/{document_id}#s{sentence}", status_code=303)


@router.get("/report.js")
def report_script() -> Response:
    """The report's script, as the standalone report inlines it."""
    script = (files("podium.outputs") / "templates" / "report.js").read_text(encoding="utf-8")
    return Response(script, media_type="text/javascript", headers={"cache-control": "private, max-age=3600"})
