"""Actors: the list of actors mentioned in the corpus, and an actor's page — mentions over time (a
chart), events it carries out and undergoes, epithets used for it and by whom."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from markupsafe import Markup
from starlette.responses import Response

from podium.corpus.chart import timeline_svg
from podium.web.pages import page

router = APIRouter(include_in_schema=False)
ACTOR_ID = Path(pattern=r"^[\w:.\-]{1,120}$")


@router.get("/actors")
def actor_list(request: Request, name: Annotated[str, Query(max_length=200)] = "") -> Response:
    actors = request.app.state.corpus.actors(name or None)
    return page(request, "actors.html.j2", section="actors", actors=actors, name=name)


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: Annotated[str, ACTOR_ID]) -> Response:
    corpus = request.app.state.corpus
    profile = corpus.actor(actor_id)
    rows = [r for r in corpus.timeline(by="month", actor=actor_id) if r["series"] == "mentions"]
    rows = [{**r, "series": profile["name"]} for r in rows]
    chart = timeline_svg(rows, f"Mentions of {profile['name']} per month") if rows else ""
    undated = sum(r["count"] for r in rows if r["period"] == "undated")
    return page(
        request,
        "actor.html.j2",
        section="actors",
        actor=profile,
        chart=Markup(chart),  # timeline_svg escapes every label
        undated=undated,
    )
