"""Fine-tune the shared MiniLM encoder with the check-worthiness head and compare it, in the current
model's folds of debate groups, with the shipped model and plain baselines (issue 18, first phase).

Usage: ``python training/finetune_checkworthy.py --data ../shared/data [--folds 4] [--layers 1]``

Prints, per CheckThat! set, MAP and P@5 with 95% bootstrap intervals (whole debates resampled) for: the
fine-tuned encoder + head (``podium.encoder``), the shipped model's recipe retrained in the same folds,
TF-IDF + logistic regression, frozen mean-pooled MiniLM vectors (sentence and neighbours) + logistic
regression, the same head trained on the encoder left as pretrained (what fine-tuning adds), and the
rank mean of the new and the shipped model; then each system's paired difference
from the new model and the issue's ship verdict (beat every other system by more than the new model's
interval half-width on CheckThat! 2019 MAP and P@5 and CheckThat! 2020 MAP). Fixed seeds throughout.
The frozen MiniLM vectors and each system's out-of-fold scores are cached under ``--cache`` (keyed by
the folds, the data's size and the settings); ``--only new --fold K`` and ``--only shipped`` fill that
cache in separate processes, and a plain run then prints the table from it. With ``--out``,
the encoder and head are then fitted on every debate (inner debates for early stopping) and saved there.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
import torch

from podium.checkworthy import training as current
from podium.checkworthy.data import load_claimbuster, missing_data
from podium.encoder import crossval
from podium.encoder.frozen import sentence_vectors
from podium.encoder.model import save
from podium.encoder.training import Config
from podium.masking import shipped_common_words

NEW = "fine-tuned encoder + head"
FROZEN_HEAD = "same head, encoder not tuned"
RANK_MEAN = "rank mean of new and shipped"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument(
        "--folds", type=int, default=4, help="folds of debate groups (as --folds of the benchmark)"
    )
    parser.add_argument(
        "--layers", type=int, default=Config().layers, choices=(1, 2), help="MiniLM layers tuned"
    )
    parser.add_argument("--epochs", type=int, default=Config().epochs)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/podium-encoder-cache"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", type=Path, help="also fit on every debate and save the artifact here")
    parser.add_argument(
        "--only",
        choices=("new", "shipped"),
        help="compute (or resume) one system's out-of-fold scores into --cache and stop (to split a run)",
    )
    parser.add_argument("--fold", type=int, help="with --only new: that fold alone")
    args = parser.parse_args(argv)
    missing = missing_data(args.data)
    if missing:
        print(missing, file=sys.stderr)
        return 2
    torch.set_num_threads(args.threads)
    start = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - start:5.0f}s] {message}", file=sys.stderr, flush=True)

    config = Config(layers=args.layers, epochs=args.epochs)
    data, lexicon, common = current.prepare_all(args.data, current.Config())
    encoder_common = set(shipped_common_words())
    encoded = crossval.inputs(data, encoder_common)
    aux = crossval.aux_inputs(load_claimbuster(args.data), encoder_common)
    folds = crossval.fold_of(data, args.folds)
    log(f"prepared {len(data)} debates, {len(set(folds))} folds; {config}")
    size = f"{args.folds} {len(data)} {sum(len(p.debate) for p in data)} {len(aux)}"
    new_cache = crossval.ScoreCache(args.cache, f"{size} {config}")
    shipped_cache = crossval.ScoreCache(args.cache, f"{size} {current.Config()}")
    if args.only == "new":
        crossval.new_model(data, encoded, aux, folds, config, log, new_cache, args.fold)
        return 0
    if args.only == "shipped":
        crossval.current_model(data, lexicon, common, folds, log, shipped_cache)
        return 0
    systems: dict[str, list[np.ndarray]] = {}
    systems[NEW] = crossval.new_model(data, encoded, aux, folds, config, log, new_cache)
    log("new model done")
    frozen_config = replace(config, lr_encoder=0.0)
    frozen_cache = crossval.ScoreCache(args.cache, f"{size} {frozen_config}")
    systems[FROZEN_HEAD] = crossval.new_model(data, encoded, aux, folds, frozen_config, log, frozen_cache)
    shipped = crossval.current_model(data, lexicon, common, folds, log, shipped_cache)
    systems["shipped model (retrained per fold)"] = shipped
    log("shipped model done")
    systems["TF-IDF + LR"] = crossval.tfidf_baseline(data, folds)
    vectors = sentence_vectors([t for p in data for t in p.debate.texts], args.cache, log)
    cuts = np.cumsum([len(p.debate.texts) for p in data])[:-1]
    systems["frozen MiniLM (+ neighbours) + LR"] = crossval.frozen_baseline(
        data, np.split(vectors, cuts), folds
    )
    systems[RANK_MEAN] = crossval.rank_mean(systems[NEW], systems["shipped model (retrained per fold)"])
    print(f"{args.folds} folds of debate groups (podium.checkworthy.crossval.folded, seed 0); {config}")
    print(crossval.table(data, systems, NEW))
    rivals = {k: v for k, v in systems.items() if k not in (FROZEN_HEAD, RANK_MEAN)}
    print(crossval.ship_verdict(data, rivals, NEW))
    if args.out:
        final = crossval.fit_all(data, encoded, aux, config, log)
        save(
            args.out,
            final.encoder,
            final.head,
            final.dense_mean,
            final.dense_scale,
            encoder_common,
            asdict(config),
        )
        size = sum(f.stat().st_size for f in args.out.iterdir() if f.is_file())
        print(f"wrote {args.out} ({size / 1e6:.1f} MB), epoch {final.epoch} kept")
    print(f"total {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
