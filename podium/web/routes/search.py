"""Search: one box over the corpus in the corpus search syntax, filters for speaker, dates, layer and
label; each hit opens its document at that sentence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from podium.corpus.search import Filters
from podium.document import KNOWN_LAYERS
from podium.errors import PodiumError
from podium.web.failures import http_status
from podium.web.pages import page

router = APIRouter(include_in_schema=False)
_Text = Annotated[str, Query(max_length=200)]
LAYERS = KNOWN_LAYERS  # the layers a search can filter on


@router.get("/search")
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=1000)] = "",
    speaker: _Text = "",
    since: _Text = "",
    until: _Text = "",
    layer: _Text = "",
    label: _Text = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    params = {"q": q, "speaker": speaker, "since": since, "until": until, "layer": layer, "label": label}
    filters = Filters(speaker or None, since or None, until or None, layer or None, label or None)
    hits: list[dict[str, object]] = []
    error = None
    if q.strip():
        try:
            hits = request.app.state.corpus.search(q, filters, limit)
        except PodiumError as err:
            if err.code != "E407":
                raise
            error = err
    return page(
        request,
        "search.html.j2",
        section="search",
        status=http_status(error) if error else 200,
        hits=hits,
        params=params,
        layers=LAYERS,
        error=str(error) if error else None,
        searched=bool(q.strip()),
    )
