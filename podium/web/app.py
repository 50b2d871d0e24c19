"""The FastAPI application of ``podium serve``: shared resources, the guard, the routers.

``create_app(settings)`` opens the corpus (one ``Corpus`` for the process; its engine pools
connections across threads), makes the job queue whose worker processes load the models once, and
mounts the routers (one module per area under ``podium.web.routes``) and the static files. The OpenAPI
schema is at ``/openapi.json``; ``/docs`` renders it as a page of the app (FastAPI's own docs page loads
scripts from a CDN, which neither the offline rule nor the Content-Security-Policy allows).
"""

from __future__ import annotations

import gc
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.staticfiles import StaticFiles

from podium import __version__
from podium.corpus import Corpus
from podium.errors import PodiumError
from podium.web import failures
from podium.web.jobs import JobQueue
from podium.web.pages import environment
from podium.web.rendered import RenderedPages
from podium.web.routes import actors, analyze, api, claims, docs, documents, login, search
from podium.web.security import Guard
from podium.web.settings import Settings

DESCRIPTION = (
    "Analyse political speeches, review their claims and search the corpus. The same token as the "
    "pages (when the server has one): `Authorization: Bearer TOKEN`."
)


def create_app(settings: Settings) -> FastAPI:
    """The app for ``settings``; its workers start with the server (the lifespan) and stop with it."""
    corpus = Corpus(settings.db)
    archive = (settings.factchecks, settings.match_threshold) if settings.factchecks else None
    jobs = JobQueue(settings.db, settings.workers, settings.timeout, settings.max_queue, archive)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await jobs.start()
        for name in environment().list_templates(extensions=["j2"]):  # compiled now, not on a visit
            environment().get_template(name)
        pages.prepare(corpus)
        gc.freeze()  # what start-up made lives as long as the server: no collection need look at it again
        try:
            yield
        finally:
            await jobs.stop()
            corpus.close()

    app = FastAPI(
        title="podium",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.corpus = corpus
    app.state.jobs = jobs
    app.state.secret = secrets.token_bytes(32)
    app.state.pages = pages = RenderedPages()
    jobs.on_stored = lambda document_id: pages.warm(corpus, document_id, bool(settings.token))
    for module in (analyze, documents, claims, search, actors, login, docs, api):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(packages=[("podium.web", "static")]), name="static")
    app.add_exception_handler(PodiumError, failures.on_podium_error)
    app.add_exception_handler(RequestValidationError, failures.on_validation_error)
    app.add_exception_handler(HTTPException, failures.on_http_error)
    app.add_exception_handler(Exception, failures.on_crash)
    app.add_middleware(Guard, settings=settings, refuse=failures.refuse)
    return app
