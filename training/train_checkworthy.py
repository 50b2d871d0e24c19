"""Train the check-worthiness model from the public data and write the committed artifact.

Usage: ``python training/train_checkworthy.py --data ../shared/data [--out podium/checkworthy/model]``

Pools CheckThat! 2019 Task 1 and 2020 Task 5 training debates (near-duplicate debates grouped and
down-weighted, see ``podium.checkworthy.data``) with a ClaimBuster auxiliary head; the model is a
logistic regression plus a boosted-tree part over the dense features (``podium.checkworthy.training``).
It cross-validates by leaving one debate group out (both parts fitted without the held-out group),
fits the Platt calibration on the out-of-fold scores, prints the cross-validated metrics per set,
then fits on everything (fixed seed) and saves the artifact.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from podium.checkworthy import training
from podium.checkworthy.model import MODEL_DIR
from podium.checkworthy.training import folded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write the artifact")
    parser.add_argument("--folds", type=int, default=0, help="0 = leave one debate group out (default)")
    args = parser.parse_args(argv)
    if not (args.data / "checkthat2019-t1").is_dir():
        message = f"error: {args.data} has no checkthat2019-t1/ folder; pass the shared data folder"
        print(message, file=sys.stderr)
        return 2
    config = training.Config()
    start = time.perf_counter()
    data, lexicon, common = training.prepare_all(args.data, config)
    print(f"prepared {len(data)} debates in {time.perf_counter() - start:.0f}s", file=sys.stderr)
    groups = [p.group for p in data]
    if args.folds:
        folded(data, args.folds)
    raw = training.cross_validate(data, lexicon, common, config, log=lambda m: print(m, file=sys.stderr))
    probs = training.cross_fitted_probabilities(data, raw)
    held_out = f"{args.folds} folds of debate groups" if args.folds else "leave-one-debate-group-out"
    print(f"{held_out} cross-validation (calibration fitted on the other groups):")
    print(training.format_report(training.report(data, probs)))
    a, b = training.fit_platt(
        np.concatenate(raw),
        np.concatenate([p.labels for p in data]),
        np.concatenate([p.weights for p in data]),
    )
    for p, g in zip(data, groups, strict=True):
        p.group = g
    params = training.fit(data, lexicon, common, config)
    params.platt_a, params.platt_b = a, b
    params.save(args.out)
    size = sum(f.stat().st_size for f in args.out.iterdir() if f.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - start:.0f}s total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
