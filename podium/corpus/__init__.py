"""The corpus: a store of analysed documents (SQLite by default, PostgreSQL for teams) with full-text
search, recurring claims and timelines. ``Corpus`` is the one API the CLI, the web app and engines use."""

from podium.corpus.search import Filters
from podium.corpus.store import Corpus

__all__ = ["Corpus", "Filters"]
