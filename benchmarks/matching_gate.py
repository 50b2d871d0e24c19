"""The lexical gate before sentence embedding (issue 15): which claims can skip MiniLM, and what it costs.

    python benchmarks/matching_gate.py --data ../shared/data [--folds 5] [--depth 30]

Embedding every claim of a speech with MiniLM costs more than all the rest of matching together (about
10 ms a text on this 2-core CPU, twice per claim with its previous line), while most sentences of a
speech match no fact-check at all. The gate (``podium.factchecks.gate``) reads only the BM25 index: a
re-ranker without the sentence-vector features scores each claim's best fact-checks by BM25, and a claim
below its threshold is reported as "no match" without being embedded.

Out of fold (``podium.factchecks.gatetraining``: the speeches cross-validated by debate as
``training/train_matcher.py`` does, the tweets' train split added to each fold's training, the gate
scoring each held-out query exactly as the product does), for the shipped rule and a grid of thresholds:
the share of unmatched debate sentences that pass (they are embedded: the cost), the share of matched
queries that pass, the share of the relevant matches the full matcher reports at the default threshold
that the gate keeps (what it may lose), and MAP@5 with the gated queries' rankings emptied (what
``podium match`` would score if it gated, which it does not). Then, first, the plain BM25 z-score as a
gate for comparison.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from podium.factchecks import gatetraining  # noqa: E402
from podium.factchecks import matchtraining as mt  # noqa: E402
from podium.factchecks.features import FEATURES  # noqa: E402
from podium.factchecks.matchdata import load_speeches, load_tweets, missing_data  # noqa: E402
from podium.factchecks.matcher import DEFAULT_THRESHOLD  # noqa: E402

Z_GRID = (0.0, 4.0, 6.0, 8.0, 10.0, 12.0, 15.0)
GATE_GRID = (0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--depth", type=int, default=30)
    parser.add_argument("--date-shift", type=float, default=0.5)
    args = parser.parse_args(argv)
    if missing := missing_data(args.data):
        print(missing, file=sys.stderr)
        return 2
    start = time.perf_counter()
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    speeches = mt.prepare(load_speeches(args.data), args.depth, log)
    tweets = mt.prepare(load_tweets(args.data), args.depth, log)
    train = [q for q, s in enumerate(tweets.splits) if s == "train"]
    cv = gatetraining.cross_validate(speeches, [(tweets, train)], args.folds, args.date_shift)
    n = len(speeches.data.queries)
    matched = ~speeches.negative
    total = sum(len(r) for r in cv.reported)
    full = mt.evaluate(cv.rankings, speeches.relevant[:n])["MAP@5"]
    print(
        f"speeches → PolitiFact, {args.folds}-fold CV by debate: {n} matched queries, "
        f"{int(speeches.negative.sum())} unmatched debate sentences; MAP@5 without a gate {full:.3f}; "
        f"{total} relevant matches reported at p ≥ {DEFAULT_THRESHOLD}"
    )
    z_col = FEATURES.index("bm25_z")
    best_z = np.array([s.x[:, z_col].max() if len(s.x) else -np.inf for s in speeches.scored])
    rows = [("plain BM25 z ≥", z, best_z >= z) for z in Z_GRID]
    rows += [("gate probability ≥", t, cv.best >= t) for t in GATE_GRID]
    rows.append(("shipped rule: gate ≥", cv.threshold, cv.best >= cv.threshold))
    print(
        "| gate | unmatched sentences embedded | matched queries embedded | reported matches kept | MAP@5 |"
    )
    print("|---|---|---|---|---|")
    for name, value, passed in rows:
        kept = sum(len(r) for r, p in zip(cv.reported, passed, strict=True) if p)
        gated = [r if passed[q] else [] for q, r in enumerate(cv.rankings)]
        score = mt.evaluate(gated, speeches.relevant[:n])["MAP@5"]
        print(
            f"| {name} {value:.4g} | {passed[~matched].mean():.1%} | {passed[matched].mean():.1%} | "
            f"{kept}/{total} ({kept / max(1, total):.1%}) | {score:.3f} |"
        )
    print(gatetraining.report(cv, speeches))
    print(f"total {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
