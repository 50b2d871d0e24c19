"""Page rendering for ``podium serve``: one Jinja2 environment that finds the app's templates and the
HTML report's (so the document page is the report itself, in the app's shell), autoescaping on.

Every page gets the CSRF token for its forms and whether a sign-out button is needed. Text from inputs
reaches pages only through autoescaping; ``marks`` turns the search snippets' ``**word**`` marks into
``<mark>`` after escaping.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from podium import __version__
from podium.outputs.summary import format_score
from podium.web.security import csrf_token

SECTIONS = (
    ("analyze", "/", "Analyse"),
    ("documents", "/documents", "Documents"),
    ("claims", "/claims", "Claims"),
    ("search", "/search", "Search"),
    ("actors", "/actors", "Actors"),
    ("docs", "/docs", "API"),
)


def marks(snippet: str | None) -> Markup:
    """A snippet with ``**matched**`` words as ``<mark>``, everything else escaped."""
    parts = str(escape(snippet or "")).split("**")
    if len(parts) % 2 == 0:  # an unpaired mark: show the text as it is
        return Markup(escape(snippet or ""))
    return Markup("".join(f"<mark>{p}</mark>" if i % 2 else p for i, p in enumerate(parts)))


def query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied (None and "" dropped)."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.PackageLoader("podium.web", "templates"),
                jinja2.PackageLoader("podium.outputs", "templates"),
            ]
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["marks"] = marks
    env.filters["score"] = format_score
    env.globals.update(sections=SECTIONS, version=__version__, query=query)
    return env


def page(
    request: Request, template: str, section: str = "", status: int = 200, **context: Any
) -> HTMLResponse:
    """Render ``template`` as a page of the app."""
    settings = request.app.state.settings
    html = (
        environment()
        .get_template(template)
        .render(
            csrf_token=csrf_token(request.app.state.secret, request.state.csrf_seed),
            signed_in=bool(settings.token),
            section=section,
            **context,
        )
    )
    return HTMLResponse(html, status_code=status)
