"""The corpus: a store of analysed documents (SQLite by default, PostgreSQL for teams) with full-text
search, recurring claims and timelines. ``Corpus`` is the one API the CLI, the web app and engines use.

Imported lazily, so that ``podium analyze`` does not load SQLAlchemy at start-up.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Corpus", "Filters"]


def __getattr__(name: str) -> Any:
    if name == "Corpus":
        from podium.corpus.store import Corpus

        return Corpus
    if name == "Filters":
        from podium.corpus.search import Filters

        return Filters
    raise AttributeError(name)
