"""``podium serve``: check the options, bind the address, and run the web app under uvicorn.

Refuses an address other machines can reach unless a token is set (E501), and a port it cannot bind
(E502), before loading the web stack or any model. Imports FastAPI only when the command runs.
"""

from __future__ import annotations

import socket

import click

from podium.cli_support import _guarded, factchecks_options, timeout_option
from podium.corpus.settings import ENV
from podium.errors import PodiumError
from podium.ingest import DEFAULT_MAX_BYTES
from podium.web.settings import DEFAULT_PORT, TOKEN_ENV, Settings, check_bind, default_workers

EXAMPLES = """
\b
Examples:
  podium serve                                  # http://127.0.0.1:8000, database ./podium.db
  podium serve --db newsroom.db --port 8080
  podium serve --db newsroom.db --factchecks newsroom.db  # claims matched against imported checks
  PODIUM_TOKEN=$(openssl rand -hex 16) podium serve --host 0.0.0.0 --workers 2
"""


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: a free one), or E502."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        raise PodiumError("E502", host=host, port=port, reason=err.strerror or str(err)) from None
    sock.set_inheritable(True)
    return sock


@click.command(epilog=EXAMPLES)
@click.option(
    "--db",
    envvar=ENV,
    help="Database: a file path, sqlite:///PATH or postgresql://USER@HOST/NAME. [default: ./podium.db]",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Any but this machine's own needs --token.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on (0: any free port, printed at start).",
)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    help=f"Ask every visitor and API client for this token (also ${TOKEN_ENV}).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse uploads and pasted texts larger than this.",
)
@timeout_option
@factchecks_options
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Analysis worker processes, each loading the models (about 1 GB). [default: 1 per 2 cores, max 4]",
)
@_guarded
def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    max_bytes: int,
    timeout: float,
    factchecks: str | None,
    match_threshold: float | None,
    workers: int | None,
) -> None:
    """Run the web app and REST API: analyse, review claims, search the corpus (http://127.0.0.1:8000)."""
    token = token.strip() if token else None
    check_bind(host, token)
    if factchecks is not None:  # an archive that cannot be matched against fails now, not in a worker
        from podium.corpus.checked_before import open_archive, same_database
        from podium.corpus.engine import resolve, shown

        if not same_database(factchecks, resolve(db)):  # stored matches refer to the corpus' fact-checks
            raise PodiumError("E412", factchecks=shown(resolve(factchecks)), db=shown(resolve(db)))
        open_archive(factchecks).close()
    elif match_threshold is not None:
        raise PodiumError(
            "E409", option="--match-threshold", value=match_threshold, reason="it needs --factchecks DB"
        )
    sock = bind(host, port)
    settings = Settings(
        db=db,
        host=host,
        port=sock.getsockname()[1],
        token=token or None,
        max_bytes=max_bytes,
        timeout=timeout or None,
        workers=workers or default_workers(),
        factchecks=factchecks,
        match_threshold=match_threshold,
    )
    import uvicorn

    from podium.web.app import create_app

    app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"podium: serving http://{shown}:{settings.port}/ (database {app.state.corpus.name}, "
        f"{settings.workers} worker{'s' if settings.workers > 1 else ''}"
        f"{', token required' if settings.token else ''}); press Ctrl+C to stop",
        err=True,
    )
    config = uvicorn.Config(app, lifespan="on", timeout_graceful_shutdown=10, server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
