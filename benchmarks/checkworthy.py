"""Benchmark of the check-worthiness model: cross-validated ranking quality, calibration and speed.

Usage: ``python benchmarks/checkworthy.py --data ../shared/data [--folds N]``

Quality: each debate group (a debate with its near-duplicates in the other set) is scored by a model
(logistic regression and boosted trees) fitted without it, and calibrated by a Platt map fitted on the
other groups' out-of-fold scores; then, per CheckThat! set (2019 and 2020 separately), MAP, R-precision,
P@1/5/10/20 and ECE (10 bins) as the official scorer computes them, a bootstrap interval of MAP and a
plain TF-IDF + LR baseline on the same groups. ``--folds N`` merges groups into N folds for a quicker,
rougher run. The vocabularies and the ClaimBuster head are refitted without each held-out group, as a new
speech is scored; ``--shared-vocabulary`` fits them once on all debates' text (no labels; faster, optimistic).
Speed: sentences/second of ``CheckworthyModel.score`` with the committed artifact on real debates.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from podium.checkworthy import training
from podium.checkworthy.crossval import held_out
from podium.checkworthy.data import load_checkthat, missing_data
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
    parser.add_argument(
        "--shared-vocabulary",
        action="store_true",
        help="fit the vocabulary once on all debates, held-out ones included (faster, optimistic)",
    )
    args = parser.parse_args(argv)
    missing = missing_data(args.data)
    if missing:
        print(missing, file=sys.stderr)
        return 2
    # Speed first, in a fresh process: the preparation below loads MiniLM's embedding layer, which the
    # model's load time must include.
    load_s, rate = speed(args.data)
    if not args.speed_only:
        config = training.Config()
        data, lexicon, common = training.prepare_all(args.data, config)
        log = lambda m: print(m, file=sys.stderr)  # noqa: E731
        cv = held_out(data, lexicon, common, config, args.folds, log=log, strict=not args.shared_vocabulary)
        print(cv.summary)
    print(f"model load: {load_s:.2f}s; scoring: {rate:.0f} sentences/second (280-sentence documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
