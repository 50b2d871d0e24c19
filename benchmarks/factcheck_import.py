"""Import time of a real fact-check archive, sentence vectors and matching index included (issue 15).

    python benchmarks/factcheck_import.py --data ../shared/data [--db URL] [--limit N] [--batch N]

Reads the 19,250 PolitiFact fact-checks of CheckThat! 2022 Task 2B (``ct2022-t2b/politifact-vclaims.jsonl
.gz``) and imports them into a fresh corpus database (an SQLite file in a temporary folder unless ``--db``
names one) exactly as ``podium factchecks import`` does: ``Corpus.add_factchecks`` (rows and the vector
block of each batch in one transaction, ``embed`` of each new claim), then ``embed_factchecks`` (nothing
left to do on a fresh database) and ``factcheck_index`` (the BM25 + vector index written to its cache).

Prints the time of each phase, the share of the import spent embedding (the time inside ``embed``,
measured by wrapping it), rows/s and texts/s, the sizes of the vectors in the database and of the index
cache, the torch thread count and the load average before and after (the machine may be shared: timings
are only comparable at a similar load). ``--batch`` sets the fact-checks per transaction (and per
``embed`` call) to compare batch sizes.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ARCHIVE = Path("ct2022-t2b") / "politifact-vclaims.jsonl.gz"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--db", help="A database URL or path (default: a new SQLite file, removed after).")
    parser.add_argument("--limit", type=int, help="Import only the first N fact-checks.")
    parser.add_argument("--batch", type=int, help="Fact-checks per transaction and embed call.")
    parser.add_argument(
        "--model",
        help="Sentence model to use instead of podium's (all-MiniLM-L6-v2/static-distilled/1: the "
        "static encoder, once training/train_static_encoder.py has written it).",
    )
    args = parser.parse_args(argv)
    if args.model:  # before any module reads the name
        from podium.factchecks import embedding

        if args.model not in embedding.MODELS:
            sys.exit(f"unknown sentence model {args.model!r}; known: {', '.join(embedding.MODELS)}")
        embedding.MODEL = args.model
    path = args.data / ARCHIVE
    if not path.exists():
        sys.exit(f"{path} not found: give --data the folder holding ct2022-t2b/")

    import torch

    from podium.corpus import Corpus
    from podium.corpus import factcheck_vectors as vectors
    from podium.factchecks import read_path
    from podium.factchecks.embedding import MODEL, embed

    if args.batch:
        vectors.BATCH = args.batch
    load_before = os.getloadavg()
    embed(["warm-up: the model loads once, before the clock starts"])

    embedded = {"seconds": 0.0, "texts": 0}
    original = vectors._embed

    def timed(texts: list[str]) -> object:
        start = time.perf_counter()
        out = original(texts)
        embedded["seconds"] += time.perf_counter() - start
        embedded["texts"] += len(texts)
        return out

    vectors._embed = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="podium-fc-bench-") as tmp:
        db = args.db or str(Path(tmp) / "factchecks.db")
        t0 = time.perf_counter()
        report = read_path(path)
        found = [(r, str(path)) for r in report.imported][: args.limit]
        t1 = time.perf_counter()
        with Corpus(db) as store:
            imported, present = store.add_factchecks(found)
            t2 = time.perf_counter()
            backfilled = store.embed_factchecks()
            t3 = time.perf_counter()
            index = store.factcheck_index()
            t4 = time.perf_counter()
            with store.reading() as conn:
                from sqlalchemy import func, select

                from podium.corpus import schema as t

                v = t.factcheck_vectors.c
                blocks, vector_bytes = conn.execute(
                    select(func.count(), func.sum(func.length(v.vectors)))
                ).one()
            from podium.corpus.factcheck_index import cache_root

            root = cache_root(store.url)
            cache_bytes = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root else 0
        load_after = os.getloadavg()

    store_s, index_s = t2 - t1, t4 - t3
    total = t4 - t1
    print(f"archive        {path} ({report.read:,} read, {len(found):,} fact-checks, "
          f"{len(report.skipped)} skipped)")  # fmt: skip
    print(f"database       {'SQLite (temporary file)' if not args.db else args.db}")
    print(f"imported       {imported:,} new, {present:,} already there, {backfilled} embedded afterwards")
    print(f"read archive   {t1 - t0:7.1f} s   (not counted below)")
    print(f"store+embed    {store_s:7.1f} s   {imported / store_s:7.1f} rows/s")
    share = embedded["seconds"] / total if total else 0.0
    rate = embedded["texts"] / embedded["seconds"] if embedded["seconds"] else 0.0
    print(f"  embedding    {embedded['seconds']:7.1f} s   {rate:7.1f} texts/s, {share:.0%} of the total")
    print(f"  rows+blocks  {store_s - embedded['seconds']:7.1f} s   (reading keys, inserting, committing)")
    print(f"index build    {index_s:7.1f} s   ({len(index):,} fact-checks, cache {cache_bytes / 1e6:.1f} MB)")
    print(f"total          {total:7.1f} s   {imported / total:7.1f} rows/s   ({total / 60:.1f} min)")
    print(f"vectors in db  {blocks} blocks, {int(vector_bytes or 0) / 1e6:.1f} MB (float16)")
    print(
        f"model          {MODEL}; torch threads {torch.get_num_threads()}, "
        f"batch {vectors.BATCH} per transaction"
    )
    loads = f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min)"
    print(f"load average   {loads}, {os.cpu_count()} cores")
    print("command        python " + shlex.join(["benchmarks/factcheck_import.py", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
