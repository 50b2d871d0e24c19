"""``podium corpus load DIR``: Parquet shards (``podium.engines.shards``) into the corpus database.

Each document of each complete part is rebuilt as ``podium analyze -f json`` data and stored by the same
writer as ``podium corpus add`` (``adding.store_many``: a text stored once), so
loading a folder twice, or a folder holding a text twice, stores it once. A document whose rows cannot
be trusted (its text does not match its hash, an offset outside it, an unreadable file) is reported and
skipped; the others are loaded. Parts are read one at a time: memory follows the largest part, not the
folder.
"""

from __future__ import annotations

from pathlib import Path

from podium.corpus.adding import Pending, Prepared, store_many
from podium.corpus.store import Corpus
from podium.engines import shards
from podium.engines.progress import RunProgress, Tally
from podium.errors import PodiumError


def run_load(corpus: Corpus, folder: Path, quiet: bool = False) -> Tally:
    """Load every complete part of ``folder``; the summary line says what was added and skipped."""
    names = shards.check_folder(folder)
    total = shards.count_documents(folder, names)
    pending = Pending()
    with RunProgress(total, "loading", quiet) as progress:

        def flush() -> None:
            outcomes = store_many(corpus, pending.take())
            progress.record_many([(o.status, o.words, o.error) for o in outcomes])

        for name in names:
            for source, data, analysers, problem in shards.read_part(folder, name):
                if data is None or problem is not None:
                    error = PodiumError("E605", path=f"{folder} ({source})", reason=problem or "unreadable")
                    item = Prepared(source, error=error)
                else:
                    item = Prepared(source, data=data, analysers=analysers)
                pending.put(item)
                if pending.due():
                    flush()
        flush()
    return progress.summary(f"database {corpus.name}")
