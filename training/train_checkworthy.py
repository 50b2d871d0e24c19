"""Train the check-worthiness model from the public data and write the committed artifact.

Usage: ``python training/train_checkworthy.py --data ../shared/data [--out podium/checkworthy/model]``

Pools CheckThat! 2019 Task 1 and 2020 Task 5 training debates (near-duplicate debates grouped and
down-weighted, see ``podium.checkworthy.data``) with a ClaimBuster auxiliary head; the model is a
logistic regression plus a boosted-tree part over the dense features (``podium.checkworthy.training``).
It cross-validates by leaving one debate group out (vocabulary and both parts fitted without it),
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
from podium.checkworthy.crossval import held_out
from podium.checkworthy.data import missing_data
from podium.checkworthy.model import MODEL_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write the artifact")
    parser.add_argument("--folds", type=int, default=0, help="0 = leave one debate group out (default)")
    args = parser.parse_args(argv)
    missing = missing_data(args.data)
    if missing:
        print(missing, file=sys.stderr)
        return 2
    config = training.Config()
    start = time.perf_counter()
    data, lexicon, common = training.prepare_all(args.data, config)
    print(f"prepared {len(data)} debates in {time.perf_counter() - start:.0f}s", file=sys.stderr)
    cv = held_out(data, lexicon, common, config, args.folds, log=lambda m: print(m, file=sys.stderr))
    print(cv.summary)
    a, b = training.fit_platt(
        np.concatenate(cv.raw),
        np.concatenate([p.labels for p in data]),
        np.concatenate([p.weights for p in data]),
    )
    params = training.fit(data, lexicon, common, config)
    params.platt_a, params.platt_b = a, b
    params.save(args.out)
    size = sum(f.stat().st_size for f in args.out.iterdir() if f.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - start:.0f}s total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
