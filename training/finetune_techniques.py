"""Technique heads on the shared encoder, cross-validated against the shipped model and the plain baseline
in the folds of ``training/train_techniques.py``; prints the table and the ship verdict.

    OMP_NUM_THREADS=1 python training/finetune_techniques.py --data ../shared/data/ptc-semeval2020
    OMP_NUM_THREADS=1 python training/finetune_techniques.py --data ../shared/data/ptc-semeval2020 --task si

``--task tc`` (technique classification of gold spans, ``podium.encoder.technique_crossval``) compares the
shared encoder at depths 1 and 2; ``--task si`` (span identification as piece tagging,
``podium.encoder.span_crossval``) the shared encoder at ``--si-depth``.

The shared encoder (``podium.encoder``: names masked by the one rule, all-MiniLM-L6-v2's first layers from
the pinned package) is used frozen here: its piece states at depths 1 and 2 are computed once and cached
under ``--cache``; the frozen 6-layer sentence vectors of the plain baseline are cached there too. Every
classifier is refitted in each of the 5 article folds (seed 13). Nothing is saved as a model: a head is
shipped only if the table's verdict says so.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

from podium.encoder import technique_crossval as tcv
from podium.techniques.corpus import DEFAULT_CACHE, load_corpus
from podium.techniques.encoder import Encoded
from podium.techniques.masking import VERSION

DEPTHS = (1, 2)


def shared_states(corpus, cache: Path) -> dict[int, dict[str, list[Encoded]]]:  # type: ignore[no-untyped-def]
    """Piece states of every article at ``DEPTHS`` from the frozen shared encoder (cached)."""
    from podium.encoder.network import ShallowEncoder
    from podium.encoder.spans import document_states

    raw = (
        f"masking {VERSION}|"
        + "|".join(sorted(corpus.common))
        + "|"
        + "|".join(a.id for a in corpus.articles)
    )
    path = cache / f"shared-states-{hashlib.sha1(raw.encode()).hexdigest()[:12]}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            stored = pickle.load(fh)
    else:
        encoder = ShallowEncoder(max(DEPTHS)).eval()
        stored = {d: {} for d in DEPTHS}
        for n, a in enumerate(corpus.articles, 1):
            by_depth = document_states(encoder, a.text, a.segments, corpus.common, DEPTHS)
            for d in DEPTHS:
                stored[d][a.id] = [(e.offsets, e.vectors.astype(np.float16), e.masked) for e in by_depth[d]]
            if n % 50 == 0:
                print(f"  shared encoder: {n}/{len(corpus.articles)} articles", flush=True)
        cache.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            pickle.dump(stored, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return {
        d: {aid: [Encoded(o, v.astype(np.float32), m) for o, v, m in enc] for aid, enc in by_id.items()}
        for d, by_id in stored.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020 folder")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--task", choices=("tc", "si"), default="tc")
    parser.add_argument("--si-depth", type=int, choices=DEPTHS, default=max(DEPTHS))
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    t0 = time.time()
    corpus = load_corpus(args.data, args.cache, 0)
    if args.task == "si":
        span_identification(corpus, args.cache, args.si_depth, t0)
        return
    current = [tcv.light(a, corpus.common) for a in corpus.articles]
    states = shared_states(corpus, args.cache)
    new = {d: [tcv.light(a, corpus.common, states[d][a.id]) for a in corpus.articles] for d in DEPTHS}
    keys, x, labels = tcv.baseline_rows(current, args.cache, lambda m: print(m, flush=True))
    print(
        f"{len(current)} articles, {len(keys)} gold TC lines, encoded in {time.time() - t0:.0f}s", flush=True
    )

    names = {
        d: f"new: shared encoder, {d} MiniLM layer{'s' if d > 1 else ''} (frozen) + recipe" for d in DEPTHS
    }
    cur_name = "current shipped classifier (depth 0, retrained per fold)"
    base_name = "plain baseline: 6-layer MiniLM span + sentence + repetition, LR"
    systems: dict[str, dict[tcv.Key, np.ndarray]] = {n: {} for n in [*names.values(), cur_name, base_name]}
    by_id = {d.article.id: i for i, d in enumerate(current)}
    for k, test_ids in enumerate(tcv.outer_folds(current), 1):
        test = set(test_ids)
        idx_test = [by_id[i] for i in test_ids]
        idx_train = [i for i in range(len(current)) if current[i].article.id not in test]
        for d in DEPTHS:
            docs = new[d]
            systems[names[d]].update(tcv.recipe([docs[i] for i in idx_train], [docs[i] for i in idx_test]))
        systems[cur_name].update(tcv.recipe([current[i] for i in idx_train], [current[i] for i in idx_test]))
        systems[base_name].update(tcv.baseline(keys, x, labels, test))
        scores = {n: tcv.per_article([current[i] for i in idx_test], p) for n, p in systems.items()}
        print(
            f"fold {k}: "
            + "  ".join(f"{n[:24]} {c[:, 0].sum() / c[:, 1].sum():.4f}" for n, c in scores.items()),
            flush=True,
        )
    text, summary = tcv.table(current, systems, names[max(DEPTHS)])
    print("5 folds of articles (podium.techniques.crossval.folds, seed 13); TC micro-F1 on gold spans")
    print(text)
    for d in DEPTHS:
        print(tcv.verdict(summary, names[d], [cur_name, base_name]))
    print(f"total {time.time() - t0:.0f}s")


def span_identification(corpus, cache: Path, depth: int, t0: float) -> None:  # type: ignore[no-untyped-def]
    """SI in the same folds: the tagger on the shared encoder's states at ``depth``, the shipped tagger
    (depth 0) and the sentence baseline, each refitted per fold."""
    from podium.encoder import span_crossval as scv

    states = shared_states(corpus, cache)[depth]
    current = [scv.prepared(a, corpus.common) for a in corpus.articles]
    new = [scv.prepared(a, corpus.common, states[a.id]) for a in corpus.articles]
    sentences = scv.SentenceBaseline(current, cache, lambda m: print(m, flush=True))
    print(f"{len(current)} articles prepared in {time.time() - t0:.0f}s", flush=True)
    new_name = f"new: GRU tagger on the shared encoder, {depth} MiniLM layers (frozen)"
    cur_name = "current shipped tagger (depth 0, retrained per fold)"
    base_name = "plain baseline: 6-layer MiniLM line vector, LR, line = span"
    preds: dict[str, list[scv.Span]] = {new_name: [], cur_name: [], base_name: []}
    ids = {d.article.id for d in current}
    for k, test_ids in enumerate(tcv.outer_folds(current), 1):
        test = set(test_ids)
        fold: dict[str, tuple[list[scv.Span], float]] = {}
        for name, docs in ((new_name, new), (cur_name, current)):
            train_docs = [d for d in docs if d.article.id not in test]
            fold[name] = scv.tagger_spans(train_docs, [d for d in docs if d.article.id in test])
        fold[base_name] = sentences.spans(ids - test, test)
        test_docs = [d for d in current if d.article.id in test]
        parts = []
        for name, (spans, threshold) in fold.items():
            preds[name] += spans
            score = float(scv.f1(scv.counts(test_docs, spans).sum(axis=0)))
            parts.append(f"{name[:28]} {score:.4f} (t {threshold:.2f})")
        print(f"fold {k}: " + "  ".join(parts) + f"  [{time.time() - t0:.0f}s]", flush=True)
    counts = {name: scv.counts(current, p) for name, p in preds.items()}
    text, summary = tcv.bootstrap_table(counts, scv.f1, new_name, "SI F1")
    print("5 folds of articles (podium.techniques.crossval.folds, seed 13); SI F1, partial overlap")
    print(text)
    print(tcv.verdict(summary, new_name, [cur_name, base_name]))
    print(f"total {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
