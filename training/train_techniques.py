"""Train the persuasion-technique model from the PTC corpus and print its 5-fold cross-validated metrics.

    python training/train_techniques.py --data ../shared/data/ptc-semeval2020

Folds are by article with a fixed seed. For each fold: the span tagger is fitted on 80% of the training
articles, its threshold chosen on the other 20%; the technique classifier is fitted on the training
articles' gold spans. Then the same procedure on all 303 articles gives the shipped model
(``podium/techniques/model/techniques.npz``). ``--layers`` is the MiniLM depth of the piece vectors (0 = its
embedding layer only, the shipped choice; 6 = the whole model); the model file records it. MiniLM encodings
are cached under /tmp, one file per depth.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from podium.techniques.classifier import TechniqueClassifier
from podium.techniques.corpus import DEFAULT_CACHE, load_corpus
from podium.techniques.crossval import fit_tagger, folds, predict_spans, prepare, run_tc, tc_data
from podium.techniques.detector import MODEL_PATH, TechniqueDetector
from podium.techniques.scoring import si_score, tc_score

SEED = 13
#: MiniLM depth of the shipped model: the embedding layer only (the tagger's GRU supplies the context).
LAYERS = 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020 folder")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--layers", type=int, default=LAYERS, choices=range(7), help="MiniLM depth (0-6)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    t0 = time.time()
    corpus = load_corpus(args.data, args.cache, args.layers)
    docs = [prepare(a, corpus.common) for a in corpus.articles]
    print(
        f"{len(docs)} articles (MiniLM depth {args.layers}) prepared in {time.time() - t0:.0f}s", flush=True
    )
    if not args.no_cv:
        cross_validate(docs)
    tagger, threshold = fit_tagger(docs, seed=SEED)
    dense, texts, labels, _ = tc_data(docs)
    classifier = TechniqueClassifier(seed=SEED).fit(dense, texts, labels)
    TechniqueDetector(tagger, threshold, classifier, corpus.common, args.layers).save(args.out)
    size = args.out.stat().st_size / 1e6
    print(
        f"saved {args.out} ({size:.1f} MB, threshold {threshold:.2f}, MiniLM depth {args.layers}) "
        f"in {time.time() - t0:.0f}s"
    )


def cross_validate(docs: list) -> None:  # type: ignore[type-arg]
    by_id = {d.article.id: d for d in docs}
    si_pred, si_gold, tc_pred, tc_gold = [], [], [], []
    for k, test_ids in enumerate(folds(list(by_id), 5, SEED), 1):
        test = [by_id[i] for i in test_ids]
        train = [d for d in docs if d.article.id not in set(test_ids)]
        tagger, threshold = fit_tagger(train, seed=SEED)
        pred = [(a, s, e) for a, s, e, _ in predict_spans(tagger, test, threshold)]
        gold = [(d.article.id, s, e) for d in test for s, e in d.article.si]
        tc_p = run_tc(train, test)
        tc_g = [(d.article.id, t, s, e) for d in test for t, s, e in d.article.tc]
        si, (tc, _) = si_score(pred, gold), tc_score(tc_p, tc_g)
        print(
            f"fold {k}: SI F1 {si.f1:.4f} (P {si.precision:.3f} R {si.recall:.3f}, threshold "
            f"{threshold:.2f})  TC micro-F1 {tc.f1:.4f}",
            flush=True,
        )
        si_pred += pred
        si_gold += gold
        tc_pred += tc_p
        tc_gold += tc_g
    si = si_score(si_pred, si_gold)
    tc, per = tc_score(tc_pred, tc_gold)
    print(
        f"5-fold CV by article: SI F1 {si.f1:.4f} (P {si.precision:.4f} R {si.recall:.4f})  "
        f"TC micro-F1 {tc.f1:.4f}"
    )
    for tech, prf in per.items():
        print(f"  {tech:38s} F1 {prf.f1:.3f}")


if __name__ == "__main__":
    main()
