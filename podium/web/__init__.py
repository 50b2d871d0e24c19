"""``podium serve``: a local web app and REST API to analyse speeches, review their claims and search
the corpus (issue 16).

Server-rendered pages (FastAPI + Jinja2) that reuse the HTML report's templates, a REST API under
``/api/`` with its OpenAPI schema, analyses in background worker processes. Importing this package
loads nothing heavy: ``podium.web.command`` is the CLI entry, ``podium.web.app.create_app`` the app.
"""
