"""The command-line options that choose an engine: ``--engine local|dask``, ``--scheduler``,
``--workers``; shared by ``podium analyze`` and ``podium corpus add``. Importing it imports no engine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


def engine_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--engine``, ``--scheduler`` and ``--workers`` to a click command."""
    func = click.option(
        "--workers",
        type=click.IntRange(min=1, max=4096),
        help="With --engine dask and no --scheduler: start a local cluster of N one-thread workers "
        "[default: one per core].",
    )(func)
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: the scheduler of an existing cluster, tcp://HOST:PORT or a scheduler file.",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(("local", "dask")),
        default="local",
        show_default=True,
        help="Where the analysis runs: this machine's processes (-j), or a Dask cluster (pip install "
        "'podium[dask]').",
    )(func)
