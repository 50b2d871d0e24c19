"""What `--factchecks` adds to an analysis when the database holds 100,000 fact-checks (issue 15).

    python benchmarks/checked_before.py --data ../shared/data [--size 100000] [--sample FILE] [--keep DIR]

Builds an SQLite corpus database of ``--size`` fact-checks: the 19,250 PolitiFact fact-checks of
CheckThat! 2022 Task 2B repeated (each copy with its own URL, a random tenth of its article's words
dropped, articles cut to the 3,000 characters matching ever reads) and their vectors in
``factcheck_vectors`` blocks: the real MiniLM vectors when ``benchmarks/matching.py`` has cached them in
/tmp/podium-match-cache (copies jittered and renormalised), random unit vectors otherwise (said so: the
timing is the same, the matches are not meaningful). Nothing is embedded for the archive.

Then it times, as ``podium analyze --factchecks`` meets them: building the index from the database (a cold
cache), opening the checker in a new process-like state (the index memory-mapped from its cache, the
re-ranker loaded), and ``Checker.check`` of the Syria sample (``../shared/samples/speech-syria-2024-12
.txt``, else the bundled sample), analysed once beforehand — the claims embedded, retrieved, their
candidates read from the database, re-ranked — fastest and median of 3 fresh checkers, with the share
spent embedding the claims. The load average is printed with the numbers.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ARCHIVE = Path("ct2022-t2b") / "politifact-vclaims.jsonl.gz"
SEED = 15


def build(db: str, data: Path, size: int) -> str:
    """The synthetic archive in ``db``; returns where its vectors came from."""
    from sqlalchemy import insert

    from podium.corpus import Corpus
    from podium.corpus import schema as t
    from podium.corpus.factcheck_store import fact_row
    from podium.corpus.factcheck_vectors import append_block
    from podium.factchecks import read_path
    from podium.factchecks.candidates import TEXT_CHARS
    from podium.factchecks.embedding import DIM, MODEL
    from podium.factchecks.matchdata import CACHE

    records = read_path(data / ARCHIVE).imported
    base, origin = _cached_vectors([r.claim_reviewed for r in records], CACHE)
    rng = np.random.default_rng(SEED)
    if base is None:
        base = rng.normal(size=(len(records), DIM)).astype(np.float32)
        origin = "random unit vectors (no cached MiniLM vectors: the matches mean nothing, the timing holds)"
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    now = datetime.now(UTC)
    with Corpus(db) as store:
        for start in range(0, size, 5000):
            rows, ids = [], list(range(start + 1, min(start + 5000, size) + 1))
            for i in ids:
                copy, record = divmod(i - 1, len(records))
                r = records[record]
                row = fact_row(r, str(data / ARCHIVE), now)
                text = (r.text or "")[: TEXT_CHARS + 500]
                if copy:
                    text = " ".join(w for w in text.split() if rng.random() > 0.1)
                row.update(id=i, key=f"{row['key']}#copy{copy}", text=text[:TEXT_CHARS])
                rows.append(row)
            vectors = np.stack([base[(i - 1) % len(records)] for i in ids])
            if start >= len(records):
                vectors = vectors + rng.normal(0, 0.02, vectors.shape).astype(np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            with store.writing() as conn:
                conn.execute(insert(t.factchecks), rows)
                append_block(conn, ids, vectors, MODEL)
    return origin


def _cached_vectors(texts: list[str], cache: Path) -> tuple[np.ndarray | None, str]:
    import hashlib

    from podium.factchecks.embedding import MODEL

    digest = hashlib.sha256(MODEL.encode())
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x1f")
    path = cache / f"{digest.hexdigest()[:32]}.npy"
    if path.exists():
        return np.load(path).astype(np.float32), f"MiniLM vectors cached by benchmarks/matching.py ({path})"
    return None, ""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--sample", type=Path, help="The speech to analyse (default: the Syria sample).")
    parser.add_argument("--keep", type=Path, help="Build the database in this folder and keep it (reused).")
    args = parser.parse_args(argv)
    if not (args.data / ARCHIVE).exists():
        sys.exit(f"{args.data / ARCHIVE} not found: give --data the folder holding ct2022-t2b/")
    sample = args.sample or ROOT.parent / "shared" / "samples" / "speech-syria-2024-12.txt"
    if not sample.exists():
        sample = ROOT / "samples" / "speech-harbor-accord.txt"

    from podium.analyze import analyze
    from podium.corpus import Corpus
    from podium.corpus.checked_before import Checker, queries
    from podium.factchecks.embedding import embed

    load_before = os.getloadavg()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="podium-checked-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = str(folder / f"factchecks-{args.size}.db")
    try:
        origin = "reused"
        t = time.perf_counter()
        if not Path(db).exists():
            origin = build(db, args.data, args.size)
        build_s = time.perf_counter() - t
        shutil.rmtree(folder / f"factchecks-{args.size}.db.factchecks-index", ignore_errors=True)
        with Corpus(db) as store:
            t = time.perf_counter()
            index = store.factcheck_index()
            index_s = time.perf_counter() - t
        doc = analyze(str(sample))
        wanted = queries(doc)
        embed(["warm-up"])
        opens, checks = [], []
        for _ in range(3):
            t = time.perf_counter()
            store = Corpus(db)
            checker = Checker(store)
            opens.append(time.perf_counter() - t)
            for claim in doc.claims:
                claim.matches = None
            t = time.perf_counter()
            checker.check(doc)
            checks.append(time.perf_counter() - t)
            store.close()
        with Corpus(db) as store:
            matcher = store.matcher()
            t = time.perf_counter()
            matcher.embed_queries(wanted)  # what check(doc) embeds: the claims (and contexts, if read)
            embed_s = time.perf_counter() - t
        matched = sum(1 for c in doc.claims if c.matches)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    load_after = os.getloadavg()
    print(f"archive        {len(index):,} fact-checks in SQLite ({origin}; built in {build_s:.0f} s)")
    print(f"index build    {index_s:7.1f} s   from the database, cold cache")
    print(f"sample         {sample.name}: {len(doc.claims)} claims, {matched} with a match ≥ threshold")
    print(f"open checker   {min(opens):7.3f} s   fastest of 3 (median {statistics.median(opens):.3f} s): "
          "index memory-mapped from its cache, re-ranker loaded")  # fmt: skip
    print(f"check(doc)     {min(checks):7.3f} s   fastest of 3 (median {statistics.median(checks):.3f} s): "
          "embed, retrieve, read candidates, re-rank")  # fmt: skip
    print(f"  embedding    {embed_s:7.3f} s   the claims as the matcher embeds them, measured apart")
    print(f"  the rest     {max(0.0, min(checks) - embed_s):7.3f} s   retrieval, database reads, re-ranking")
    added = min(opens) + min(checks)
    print(f"added          {added:7.3f} s   to `podium analyze` (open + check)")
    loads = f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min)"
    print(f"load average   {loads}, {os.cpu_count()} cores")
    print("command        python " + shlex.join(["benchmarks/checked_before.py", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
