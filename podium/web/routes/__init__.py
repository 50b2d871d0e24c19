"""The routers of ``podium serve``, one module per area: analyse (pages), documents, claims, search,
actors, login, the API docs page and the REST API. Each calls ``Corpus`` methods or the job queue and
renders a template; none holds SQL."""
