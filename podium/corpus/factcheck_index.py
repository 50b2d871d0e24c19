"""The matching index of a corpus database's fact-checks, kept as a rebuildable cache beside it.

Why this design. The *truth* is in the database: the ``factchecks`` rows and their sentence vectors in
``factcheck_vectors`` blocks, written in the same transaction as the rows they belong to, on SQLite and
PostgreSQL alike (no extension such as sqlite-vec or pgvector is needed, so both engines and every
backup tool see one ordinary database). Matching, though, wants the whole archive at hand at once — every
vector for the cosine, a BM25 index over the claims, titles and article starts — and re-reading 100,000
rows and their article texts for every speech would cost seconds. So a :class:`MatchIndex` (plain
``.npy`` files) is derived from the database and kept as a *cache*: memory-mapped when loaded (only the
pages a query touches are read, and processes share them), never a source of truth, deleted or damaged
without harm because it is rebuilt from the database.

Where: for an SQLite file ``podium.db`` the folder ``podium.db.factchecks-index/`` beside it; for
PostgreSQL ``${XDG_CACHE_HOME:-~/.cache}/podium/factchecks-index-<hash>/``, the hash taken over the
database URL without its password. Inside, one sub-folder per *stamp*: the number of fact-checks, their
largest id, the number of vector blocks of the current model, the largest block id, the model, and the
recipe (podium's version and the index format, so an upgraded podium builds its own index). A
stamp that differs from the database's means the cache is stale; an index is looked up by its stamp, so
a stale one is never used. Each is written atomically (``MatchIndex.save``: a temporary folder renamed
into place) with a manifest of its file sizes written last; a folder without a manifest, with files of
other sizes, or that fails to load is rebuilt — never a crash. When the cache folder cannot be written
the index is built in memory for this process. The import rebuilds the index at its end, so the first
match after it starts at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.engine import URL, Connection

from podium import __version__
from podium.corpus import schema as t
from podium.corpus.factcheck_vectors import block_count, read_blocks
from podium.factchecks.embedding import DIM, MODEL
from podium.factchecks.index import ARTICLE_CHARS, FORMAT, MatchIndex, lexical_text
from podium.factchecks.lexical import Bm25

SUFFIX = ".factchecks-index"
MANIFEST = "cache.json"
#: Rows of fact-check texts read at a time while building.
READ_BATCH = 5000


@dataclass(frozen=True)
class Stamp:
    """What the index was built from; a different stamp in the database means a stale index."""

    factchecks: int
    max_id: int
    blocks: int
    max_block: int
    model: str = MODEL
    #: how the index is made (podium's version: its tokeniser, BM25 settings and file format)
    recipe: str = f"podium {__version__}, index format {FORMAT}, article {ARTICLE_CHARS} chars"

    def key(self) -> str:
        raw = json.dumps(asdict(self), sort_keys=True).encode("utf-8")
        return hashlib.sha256(raw).hexdigest()[:20]


def cache_root(url: URL) -> Path | None:
    """The folder holding a database's cached indexes (None for an in-memory SQLite database)."""
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return None
        path = Path(database)
        return path.with_name(path.name + SUFFIX)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    plain = url._replace(password=None).render_as_string(hide_password=False)
    digest = hashlib.sha256(plain.encode("utf-8")).hexdigest()[:16]
    return base / "podium" / f"factchecks-index-{digest}"


def current_stamp(conn: Connection) -> Stamp:
    f = t.factchecks.c
    count, max_id = conn.execute(select(func.count(), func.max(f.id))).one()
    blocks, max_block = block_count(conn, MODEL)
    return Stamp(int(count), int(max_id or 0), blocks, max_block)


def build(conn: Connection) -> tuple[MatchIndex, Stamp]:
    """The index of every fact-check that has a vector, and the stamp of what was read. The texts are
    read page by page and fed to the BM25 build as they come (never all held at once)."""
    ids, vectors, blocks, max_block = read_blocks(conn, MODEL, DIM)
    seen = {"count": 0, "max_id": 0}

    def texts() -> Iterator[str]:
        """The lexical text of each of ``ids`` in order ("" for a row deleted since its id was read)."""
        f = t.factchecks.c
        article = func.substr(f.text, 1, ARTICLE_CHARS + 1)  # one more: lexical_text cuts at a word
        position, last = 0, 0
        while True:  # by id ranges, so no driver holds 100,000 article starts at once
            query = (
                select(f.id, f.claim_reviewed, f.title, article.label("article"))
                .where(f.id > last)
                .order_by(f.id)
                .limit(READ_BATCH)
            )
            rows = conn.execute(query).all()
            if not rows:
                break
            for row in rows:
                while position < len(ids) and ids[position] < row.id:
                    yield ""
                    position += 1
                if position < len(ids) and ids[position] == row.id:
                    yield lexical_text(row.claim_reviewed, row.title, row.article)
                    position += 1
            seen["count"] += len(rows)
            seen["max_id"] = last = rows[-1].id
        yield from ("" for _ in range(len(ids) - position))

    index = MatchIndex(ids=ids, vectors=vectors, lexical=Bm25.build(texts()))  # Bm25 takes an iterable
    return index, Stamp(seen["count"], seen["max_id"], blocks, max_block)


def load_cached(folder: Path) -> MatchIndex | None:
    """The index in ``folder`` when it is complete and loads; None otherwise."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        sizes = manifest["sizes"]
        found = {p.name: p.stat().st_size for p in folder.iterdir() if p.name != MANIFEST}
        if found != sizes:
            return None
        index = MatchIndex.load(folder, mmap=True)
        _check(index)
        return index
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, EOFError):
        return None


def _check(index: MatchIndex) -> None:
    """Cheap consistency checks of a loaded index (what would make a search fail)."""
    lex = index.lexical
    indptr = np.asarray(lex.indptr)
    if index.model != MODEL or lex.n != len(index):
        raise ValueError("another model or size")
    if len(indptr) != len(lex.hashes) + 1 or indptr[0] != 0 or indptr[-1] != len(lex.docs):
        raise ValueError("postings do not add up")
    if len(lex.weights) != len(lex.docs) or len(lex.idfs) != len(lex.hashes):
        raise ValueError("postings do not add up")
    if len(indptr) > 1 and np.any(np.diff(indptr) < 0):
        raise ValueError("postings out of order")


def save(index: MatchIndex, folder: Path) -> bool:
    """Write ``index`` into ``folder`` atomically, then its manifest; False when it cannot be written."""
    try:
        index.save(folder)
        sizes = {p.name: p.stat().st_size for p in folder.iterdir() if p.name != MANIFEST}
        tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"sizes": sizes}), encoding="utf-8")
        os.replace(tmp, folder / MANIFEST)
        return True
    except OSError:
        return False


def prune(root: Path, keep: str) -> None:
    """Remove the indexes of older stamps (temporary folders of other writers are left alone)."""
    try:
        for entry in root.iterdir():
            if entry.name != keep and not entry.name.startswith(".") and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
    except OSError:
        pass


def index_for(conn: Connection, url: URL, rebuild: bool = False) -> tuple[MatchIndex, Stamp]:
    """The current index: the cached one for the database's stamp, else built (and cached)."""
    root = cache_root(url)
    if root is not None and not rebuild:
        stamp = current_stamp(conn)
        cached = load_cached(root / stamp.key())
        if cached is not None:
            return cached, stamp
    index, stamp = build(conn)
    if root is not None:
        folder = root / stamp.key()
        if save(index, folder):
            prune(root, folder.name)
            reloaded = load_cached(folder)  # memory-mapped, like a later process would see it
            if reloaded is not None:
                return reloaded, stamp
    return index, stamp
