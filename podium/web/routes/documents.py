"""The documents: the list, and a stored document's page — the HTML report itself (highlights with
toggles, popups, the claims table, the rhetoric profile, the actor network, "checked before" matches)
in the app's shell, with its per-document colours as a stylesheet, since no inline style is allowed."""

from __future__ import annotations

from collections import OrderedDict
from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Path, Request
from markupsafe import Markup
from starlette.responses import RedirectResponse, Response

from podium.corpus.writer import content_hash
from podium.outputs.html import report_context
from podium.web.pages import page

router = APIRouter(include_in_schema=False)
DOCUMENT_ID = Path(ge=1, le=2**62)
#: Stylesheets of recently shown documents, by id and content hash (a page's CSS comes right after it).
_styles: OrderedDict[str, str] = OrderedDict()
_KEEP = 64


@router.get("/documents")
def document_list(request: Request) -> Response:
    documents = request.app.state.corpus.documents()[::-1]
    return page(request, "documents.html.j2", section="documents", documents=documents)


def _context(request: Request, document_id: int) -> tuple[dict[str, object], str]:
    corpus = request.app.state.corpus
    doc = corpus.get(document_id)
    context = report_context(doc)
    key = f"{document_id}-{content_hash(doc.text)[:16]}"
    _styles[key] = str(context["css"])
    _styles.move_to_end(key)
    while len(_styles) > _KEEP:
        _styles.popitem(last=False)
    context["corpus_section"] = Markup(corpus.corpus_section(doc))  # built with every label escaped
    return context, key


@router.get("/documents/{document_id}")
def document_page(request: Request, document_id: Annotated[int, DOCUMENT_ID]) -> Response:
    context, key = _context(request, document_id)
    return page(
        request, "document.html.j2", section="documents", document_id=document_id, style_key=key, **context
    )


@router.get("/documents/{document_id}/report.css")
def document_style(request: Request, document_id: Annotated[int, DOCUMENT_ID], v: str = "") -> Response:
    css = _styles.get(v) if v.startswith(f"{document_id}-") else None
    if css is None:
        context, _ = _context(request, document_id)
        css = str(context["css"])
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
