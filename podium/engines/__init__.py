"""Engines: where the analysis of many documents runs — ``local`` (this process or its worker processes,
the default) or ``dask`` (a Dask distributed cluster: one on this machine, or an existing one).

Every engine does the same thing: it runs a ``Task`` (``podium.engines.base``) on a stream of items and
yields each item's result as it finishes; whoever called it (``podium corpus add``, ``podium analyze
--format parquet``) stays the single writer. The task is the same code on every engine, so the results
are the same. Nothing here is imported when the CLI starts; Dask is imported only by ``--engine dask``.
"""

from __future__ import annotations

from podium.engines.base import ENGINES, EngineOptions, open_engine

__all__ = ["ENGINES", "EngineOptions", "open_engine"]
