"""Benchmark of the check-worthiness model: cross-validated ranking quality, calibration and speed.

Usage: ``python benchmarks/checkworthy.py --data ../shared/data [--folds N]``

Quality: each debate group (a debate with its near-duplicates in the other set) is scored by a model
(logistic regression and boosted trees) fitted without it, and calibrated by a Platt map fitted on the
other groups' out-of-fold scores; then, per CheckThat! set (2019 and 2020 separately), MAP, R-precision,
P@1/5/10/20 and ECE (10 bins) as the official scorer computes them. ``--folds N`` merges groups into N
folds for a quicker, rougher run.
Speed: sentences/second of ``CheckworthyModel.score`` with the committed artifact on real debates.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from podium.checkworthy import training
from podium.checkworthy.data import load_checkthat
from podium.checkworthy.model import CheckworthyModel


def speed(data_root: Path, chunk: int = 280, repeats: int = 3) -> tuple[float, float]:
    """(load seconds, sentences/second) of the committed model, scoring 280-sentence documents."""
    start = time.perf_counter()
    model = CheckworthyModel.load()
    load_s = time.perf_counter() - start
    debate = load_checkthat(data_root)["ct2019"][4]
    docs = [
        (debate.texts[i : i + chunk], debate.speakers[i : i + chunk]) for i in range(0, len(debate), chunk)
    ]
    n = sum(len(t) for t, _ in docs) * repeats
    start = time.perf_counter()
    for _ in range(repeats):
        for texts, speakers in docs:
            model.score(texts, speakers)
    return load_s, n / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--folds", type=int, default=0, help="0 = leave one debate group out (default)")
    parser.add_argument("--speed-only", action="store_true", help="skip cross-validation")
    args = parser.parse_args(argv)
    if not (args.data / "checkthat2019-t1").is_dir():
        message = f"error: {args.data} has no checkthat2019-t1/ folder; pass the shared data folder"
        print(message, file=sys.stderr)
        return 2
    if not args.speed_only:
        config = training.Config()
        data, lexicon, common = training.prepare_all(args.data, config)
        if args.folds:
            training.folded(data, args.folds)
        n_groups = len({p.group for p in data})
        raw = training.cross_validate(data, lexicon, common, config, log=lambda m: print(m, file=sys.stderr))
        probs = training.cross_fitted_probabilities(data, raw)
        print(f"cross-validation over {n_groups} held-out debate groups (never trained on the held-out one):")
        print(training.format_report(training.report(data, probs)))
    load_s, rate = speed(args.data)
    print(f"model load: {load_s:.2f}s; scoring: {rate:.0f} sentences/second (280-sentence documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
