"""Train the fact-check matching re-ranker from the public data and write the committed artifact.

Usage: ``python training/train_matcher.py --data ../shared/data [--out podium/factchecks/model]``

Data: speech sentences → PolitiFact (CheckThat! 2022 Task 2B, train+dev, 445 queries with their
transcript lines as context, plus about four unmatched lines of the same debates per query, as sentences
that were never fact-checked) and tweets → Snopes (CheckThat! 2020 Task 2, train; dev only evaluated).
Every query retrieves the union of the best ``--depth`` fact-checks by MiniLM cosine and by BM25; each
retrieved pair gets the features of ``podium.factchecks.features`` and a label (the qrels).

Dates: in CheckThat! 2022 2B the relevant check is of the debate's own day or month, so a re-ranker
trained on it as it is learns that a check of another day is no match — and a claim restated in a new
speech, checked years ago, is then never found. So for ``--date-shift`` of the training queries (half by
default) the speech's date is dropped or moved by a week to ten years (``matchtraining.shifted_dates``):
a same-day check stays a mild cue, another day is not evidence against.

It cross-validates on the speeches by whole debate (5 folds, the model retrained per fold with the
tweets' train split), prints MAP@5 / P@1 / MRR with the speeches dated and undated, fits the Platt
calibration on the out-of-fold scores of every pair (unmatched sentences included, so the probability
holds on speeches where most claims were never checked), prints the date probe (how many relevant pairs
reach 0.5 with the speech dated the day of the check, a year after, or not at all, and how many unrelated
checks of the speech's own day do), then fits on everything (fixed seed), prints the tweets' dev score
of that model, and saves ``matcher.npz``. Last, the lexical gate (``podium.factchecks.gatetraining``):
cross-validated in the same folds, it prints what it keeps and spares, and saves ``gate.npz``. Sentence
vectors are cached under /tmp/podium-match-cache.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from podium.factchecks import gatetraining
from podium.factchecks import matchtraining as mt
from podium.factchecks.matchdata import load_speeches, load_tweets, missing_data
from podium.factchecks.reranker import MODEL_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write matcher.npz")
    parser.add_argument("--depth", type=int, default=30)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--kind", default="linear", choices=("linear", "trees"))
    parser.add_argument("--date-shift", type=float, default=0.5, help="share of queries re-dated")
    parser.add_argument(
        "--other-negatives", type=int, default=0, help="unmatched ClaimBuster claims added to training"
    )
    args = parser.parse_args(argv)
    missing = missing_data(args.data)
    if missing:
        print(missing, file=sys.stderr)
        return 2
    start = time.perf_counter()
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    speeches = mt.prepare(load_speeches(args.data, other_negatives=args.other_negatives), args.depth, log)
    tweets = mt.prepare(load_tweets(args.data), args.depth, log)
    config = mt.Config(kind=args.kind)
    train = [q for q, s in enumerate(tweets.splits) if s == "train"]
    dev = [q for q, s in enumerate(tweets.splits) if s == "dev"]

    n = len(speeches.data.queries)
    folds = mt.cross_validate(
        speeches, [(tweets, train)], args.folds, config, log, date_shift=args.date_shift
    )
    cv = mt.evaluate(folds.rankings, speeches.relevant[:n])
    undated = mt.evaluate(folds.undated, speeches.relevant[:n])
    for name, scores in (("dated", cv), ("undated", undated)):
        print(
            f"speeches → PolitiFact, {args.folds}-fold CV by debate ({n} queries, {name}): "
            + ", ".join(f"{k} {v:.3f}" for k, v in scores.items())
        )
    raw, y = folds.raw, folds.y
    a, b = mt.fit_platt(raw, y)
    p = 1 / (1 + np.exp(-(a * raw + b)))
    brier = float(np.mean((p - y) ** 2))
    print(
        f"Platt calibration on {len(y):,} out-of-fold pairs ({int(y.sum())} matches): "
        f"a={a:.3f} b={b:.3f}, Brier {brier:.4f}"
    )

    print(mt.probe_report(folds, (a, b)))

    rows = mt.shifted_dates(speeches, args.date_shift) if args.date_shift else None
    xs, ys, _ = mt.table(speeches, range(len(speeches.scored)), rows)
    xt, yt, _ = mt.table(tweets, train)
    model = mt.fit(np.concatenate([xs, xt]), np.concatenate([ys, yt]), config)
    model.platt = (a, b)
    rankings = [mt.ranked_rows(tweets.scored[q], model.raw(tweets.scored[q].x)) for q in dev]
    dev_scores = mt.evaluate(rankings, [tweets.relevant[q] for q in dev])
    print(
        f"tweets → Snopes dev ({len(dev)} queries), model trained on everything else: "
        + ", ".join(f"{k} {v:.3f}" for k, v in dev_scores.items())
    )
    model.info = {
        "data": "CheckThat! 2022 T2B train+dev (with unmatched debate lines) + CheckThat! 2020 T2 train",
        "depth": args.depth,
        "kind": args.kind,
        "pairs": int(len(ys) + len(yt)),
        "positives": int(ys.sum() + yt.sum()),
        "date_shift": args.date_shift,
        "other_negatives": args.other_negatives,
        "speech_cv": cv,
        "speech_cv_undated": undated,
        "tweets_dev": dev_scores,
        "seed": mt.SEED,
    }
    path = args.out / "matcher.npz"
    model.save(path)

    gate_cv = gatetraining.cross_validate(speeches, [(tweets, train)], args.folds, args.date_shift)
    print(gatetraining.report(gate_cv, speeches))
    gate = gatetraining.fit_gate(
        np.concatenate([xs, xt]), np.concatenate([ys, yt]), gate_cv, {**model.info, "kind": "linear"}
    )
    gate.model.save(args.out / "gate.npz")
    print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} kB) in {time.perf_counter() - start:.0f}s total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
