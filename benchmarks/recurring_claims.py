"""Recurring claims benchmark: restated vs merely similar claim pairs, clustering time, vector cost.

    python benchmarks/recurring_claims.py --data ../shared/data

1. Pairs: ``benchmarks/data/recurring_pairs.tsv`` (references into the CheckThat! debates, labelled by hand;
   see ``benchmarks/data/README.md``). Each sentence gets podium's quantity and actor layers (the store
   stores the same). The shipped score is ``PairScorer``'s, as ``cluster_claims`` computes it: IDF fitted
   on the corpus (every sentence of the debates, the pair sentences with actors masked). The threshold
   is chosen by grouped cross-validation (folds by the first side's source file, the same folds for every
   method): each fold's pairs are predicted with the threshold that maximised F1 on the other folds; one
   row also chooses the TF-IDF weight and correction scale inside the folds. Also printed: the TF-IDF part
   alone, ``is_restatement`` (a pair with no corpus), the previous method (claim vectors + corrections),
   the claim-vector cosine alone, and the baseline: scikit-learn's TF-IDF (word 1-2 grams, fitted on
   every sentence of the debates).
2. Clustering time: every sentence of the CheckThat! 2019/2020 debates and the ClaimBuster transcripts
   as a claim (vectors computed first; quantities and actors empty, so every pair is scored on its
   cosine and negation), one document per file.
3. Vector cost per sentence against the full analysis of the Syria sample (~0.8 s for 277 sentences).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from podium.corpus.recurring import (  # noqa: E402
    CORRECTION_SCALE,
    DEFAULT_THRESHOLD,
    TF_IDF_WEIGHT,
    ClaimItem,
    PairScorer,
    claim_vectors,
    cluster_claims,
    is_restatement,
    pair_correction,
)

PAIRS = ROOT / "benchmarks" / "data" / "recurring_pairs.tsv"
FOLDS = 5


def read_pairs(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def read_debate(path: Path) -> dict[int, tuple[str, str]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].strip().isdigit():
            out[int(parts[0])] = (parts[1], parts[2])
    return out


def analysed_items(refs: list[tuple[str, str, int]], data: Path) -> dict[tuple[str, str, int], ClaimItem]:
    """ClaimItems with podium's quantity and actor layers, one sentence per CheckThat! line."""
    from podium.analyze import analyze
    from podium.pipeline import Pipeline

    debates: dict[tuple[str, str], dict] = {}
    for ds, name, _ in refs:
        if (ds, name) not in debates:
            debates[ds, name] = read_debate(data / ds / "train" / f"{name}.tsv")
    refs = sorted(set(refs))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.tsv"
        path.write_text(
            "".join(
                f"{k + 1}\t{debates[ds, n][line][0]}\t{debates[ds, n][line][1]}\n"
                for k, (ds, n, line) in enumerate(refs)
            ),
            encoding="utf-8",
        )
        doc = analyze(str(path), Pipeline.from_names(["quantity", "actor"]))
    items = {}
    for k, (ref, sent) in enumerate(zip(refs, doc.sentences, strict=True)):
        text = doc.span_text(sent)
        quantities = tuple(
            {**s.attrs, "text": doc.text[s.start : s.end]}
            for s in doc.spans.get("quantity", [])
            if s.start >= sent.start and s.end <= sent.end
        )
        actors = [
            s
            for s in doc.spans.get("actor_mention", [])
            if s.start >= sent.start and s.end <= sent.end and s.attrs.get("kind") != "pronoun"
        ]
        spans = tuple((s.start - sent.start, s.end - sent.start) for s in actors)
        vector = claim_vectors([text], [spans])[0]
        items[ref] = ClaimItem(
            k,
            k,
            text,
            debates[ref[0], ref[1]][ref[2]][0],
            None,
            quantities,
            tuple(sorted({s.label for s in actors})),
            vector,
            actor_spans=spans,
        )
    return items


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = float((pred & gold).sum())
    p = tp / max(1.0, float(pred.sum()))
    r = tp / max(1.0, float(gold.sum()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    grid = np.unique(np.round(scores, 3))
    f1s = [prf(scores >= t, gold)[2] for t in grid]
    return float(grid[int(np.argmax(f1s))])


def cross_validated(
    scores: np.ndarray, gold: np.ndarray, groups: list[str]
) -> tuple[np.ndarray, list[float]]:
    """Predictions where each fold's threshold was chosen on the other folds (folds by source file)."""
    names = sorted(set(groups))
    fold_of = {g: k % FOLDS for k, g in enumerate(names)}
    folds = np.array([fold_of[g] for g in groups])
    pred = np.zeros(len(scores), dtype=bool)
    chosen = []
    for f in range(FOLDS):
        test = folds == f
        if not test.any():
            continue
        t = best_threshold(scores[~test], gold[~test])
        chosen.append(t)
        pred[test] = scores[test] >= t
    return pred, chosen


def nested_cross_validated(
    grid: dict[tuple[float, float], np.ndarray], gold: np.ndarray, groups: list[str]
) -> tuple[np.ndarray, list[tuple[tuple[float, float], float]]]:
    """Like ``cross_validated``, but each fold's (weight, scale) and threshold are chosen together on the
    other folds (``grid``: (weight, scale) -> scores)."""
    names = sorted(set(groups))
    fold_of = {g: k % FOLDS for k, g in enumerate(names)}
    folds = np.array([fold_of[g] for g in groups])
    pred = np.zeros(len(gold), dtype=bool)
    chosen = []
    for f in range(FOLDS):
        test = folds == f
        if not test.any():
            continue
        best = None
        for params, scores in grid.items():
            t = best_threshold(scores[~test], gold[~test])
            f1 = prf(scores[~test] >= t, gold[~test])[2]
            if best is None or f1 > best[0]:
                best = (f1, params, t)
        _, params, t = best
        chosen.append((params, t))
        pred[test] = grid[params][test] >= t
    return pred, chosen


def tfidf_cosines(pairs: list[tuple[str, str]], corpus: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1).fit(corpus)
    a = vec.transform([p[0] for p in pairs])
    b = vec.transform([p[1] for p in pairs])
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def all_debate_sentences(data: Path) -> list[tuple[str, str, str]]:
    """(document, speaker, text) of every line of the CheckThat! debates and every ClaimBuster sentence."""
    out = []
    for ds in ("ct2020-t5", "checkthat2019-t1"):
        for path in sorted((data / ds / "train").glob("*.tsv")):
            for speaker, text in read_debate(path).values():
                if speaker != "SYSTEM":
                    out.append((f"{ds}/{path.stem}", speaker, text))
    for path in sorted((data / "claimbuster" / "debate_transcripts").glob("*.txt")):
        for para in path.read_text(encoding="utf-8", errors="replace").splitlines():
            speaker, _, said = para.partition(":")
            if not said or len(speaker) > 30:
                continue
            for sent in re.split(r"(?<=[.!?])\s+", said.strip()):
                if sent:
                    out.append((f"claimbuster/{path.stem}", speaker.strip(), sent))
    return out


def pair_benchmark(data: Path) -> None:
    pairs = read_pairs(PAIRS)
    refs = [(p[f"dataset_{s}"], p[f"file_{s}"], int(p[f"line_{s}"])) for p in pairs for s in "ab"]
    t0 = time.perf_counter()
    items = analysed_items(refs, data)
    n_restated = sum(p["label"] == "restated" for p in pairs)
    took = time.perf_counter() - t0
    print(f"pairs: {len(pairs)} ({n_restated} restated), {len(items)} sentences analysed in {took:.1f} s")
    gold = np.array([p["label"] == "restated" for p in pairs])
    groups = [p["file_a"] for p in pairs]
    a = [items[p["dataset_a"], p["file_a"], int(p["line_a"])] for p in pairs]
    b = [items[p["dataset_b"], p["file_b"], int(p["line_b"])] for p in pairs]
    corpus = [t for _, _, t in all_debate_sentences(data)]
    # The shipped score, as cluster_claims computes it: word weights learnt from the corpus being
    # clustered (here every sentence of the debates, the pair sentences with their actors masked).
    keys = sorted(items)
    at = {ref: k for k, ref in enumerate(keys)}
    scorer = PairScorer([items[ref] for ref in keys], background=corpus)
    ia = np.array([at[p["dataset_a"], p["file_a"], int(p["line_a"])] for p in pairs])
    ib = np.array([at[p["dataset_b"], p["file_b"], int(p["line_b"])] for p in pairs])
    ours = scorer.scores(ia, ib)
    tf_part = np.asarray(scorer.tfidf[ia].multiply(scorer.tfidf[ib]).sum(axis=1)).ravel()
    cosine = np.array([float(np.dot(x.vector, y.vector)) for x, y in zip(a, b, strict=True)])
    correction = np.array([pair_correction(x, y) for x, y in zip(a, b, strict=True)])
    grid = {
        (w, c): w * tf_part + (1 - w) * cosine + c * correction
        for w in (0.6, 0.7, 0.8, 0.9, 1.0)
        for c in (0.0, 0.25, 0.5, 1.0)
    }
    pair_only = np.array([is_restatement(x, y) for x, y in zip(a, b, strict=True)])
    old = np.clip(cosine + correction, 0.0, 1.0)
    unmasked = claim_vectors([x.text for x in a]), claim_vectors([y.text for y in b])
    cosine_plain = np.einsum("ij,ij->i", *unmasked)
    tfidf = tfidf_cosines([(x.text, y.text) for x, y in zip(a, b, strict=True)], corpus)
    shipped = f"shipped: {TF_IDF_WEIGHT:g} TF-IDF + {1 - TF_IDF_WEIGHT:.1f} vector, {CORRECTION_SCALE:g} corr"
    print(f"\n{'method':<52} {'P':>6} {'R':>6} {'F1':>6}  thresholds (per fold)")
    for name, scores in (
        (shipped, ours),
        ("  the same, weight and scale chosen in the folds", grid),
        ("  TF-IDF part alone (names masked, numbers as one)", tf_part),
        ("  is_restatement (a pair alone, no corpus IDF)", pair_only),
        ("previous: claim vectors + full corrections", old),
        ("cosine of claim vectors alone (actors masked)", cosine),
        ("cosine of claim vectors alone (unmasked)", cosine_plain),
        ("baseline: cosine of TF-IDF 1-2 grams (sklearn)", tfidf),
    ):
        if isinstance(scores, dict):
            pred, chosen_params = nested_cross_validated(scores, gold, groups)
            chosen = [f"{t:.3f} (w {w:g}, c {c:g})" for (w, c), t in chosen_params]
        else:
            pred, thresholds = cross_validated(scores, gold, groups)
            chosen = [f"{t:.3f}" for t in thresholds]
        p, r, f = prf(pred, gold)
        print(f"{name:<52} {p:6.3f} {r:6.3f} {f:6.3f}  {', '.join(chosen)}")
    print(f"\nshipped score at thresholds (all pairs; shipped default {DEFAULT_THRESHOLD}):")
    for t in (0.30, 0.35, 0.40, 0.42, 0.45, 0.48, 0.50, 0.55):
        p, r, f = prf(ours >= t, gold)
        print(f"  {t:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    errors = [(s, p) for s, p, g in zip(ours, pairs, gold, strict=True) if (s >= DEFAULT_THRESHOLD) != g]
    by_note = sorted(_count(p["note"] for _, p in errors).items(), key=lambda x: -x[1])
    print(
        f"errors at {DEFAULT_THRESHOLD}: {len(errors)}, by note: "
        + ", ".join(f"{n} x{c}" for n, c in by_note)
    )


def _count(values) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for v in values:
        out[v] += 1
    return out


def clustering_benchmark(data: Path, minimum: int = 50_000) -> None:
    rows = all_debate_sentences(data)
    while len(rows) < minimum:  # pad with the same sentences as extra documents (never happens with all sets)
        rows += [(f"{d}#copy", s, t) for d, s, t in rows[: minimum - len(rows)]]
    doc_ids = {d: k for k, d in enumerate(dict.fromkeys(d for d, _, _ in rows))}
    texts = [t for _, _, t in rows]
    t0 = time.perf_counter()
    vectors = claim_vectors(texts)
    t_vec = time.perf_counter() - t0
    items = [ClaimItem(k, doc_ids[d], t, s, None, (), (), vectors[k]) for k, (d, s, t) in enumerate(rows)]
    t0 = time.perf_counter()
    clusters = cluster_claims(items)
    t_cluster = time.perf_counter() - t0
    print(
        f"\nclustering: {len(items):,} claims from {len(doc_ids)} documents in {t_cluster:.1f} s "
        f"({len(clusters):,} clusters, largest {clusters[0].to_dict()['size'] if clusters else 0}); "
        f"vectors for them {t_vec:.1f} s = {1000 * t_vec / len(items):.3f} ms/sentence"
    )


def vector_cost(data: Path) -> None:
    sample = data.parent / "samples" / "speech-syria-2024-12.txt"
    texts = [t for _, _, t in all_debate_sentences(data)][:2770]
    claim_vectors(texts[:10])
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        claim_vectors(texts)
        runs.append((time.perf_counter() - t0) / len(texts))
    per = min(runs)
    print(
        f"\nvector cost: {1000 * per:.3f} ms/sentence (fastest of 5 runs over {len(texts)} sentences); "
        f"277 sentences (the Syria sample{'' if sample.exists() else ', not found here'}) = "
        f"{277 * per * 1000:.0f} ms, {100 * 277 * per / 0.8:.1f}% of the ~0.8 s full analysis"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder (../shared/data)")
    ap.add_argument("--skip-clustering", action="store_true")
    args = ap.parse_args()
    pair_benchmark(args.data)
    vector_cost(args.data)
    if not args.skip_clustering:
        clustering_benchmark(args.data)


if __name__ == "__main__":
    main()
