"""Fact-check matching accuracy and speed (issue 15): speeches → PolitiFact and tweets → Snopes.

Usage: ``python benchmarks/matching.py --data ../shared/data [--depth 30] [--folds 5] [--no-timing]``

Prints, for **speeches → PolitiFact** (CheckThat! 2022 Task 2B train+dev, cross-validated by whole debate
in 5 folds, the re-ranker retrained per fold on the other folds plus the tweets' train split; context
from the CheckThat! transcripts) and **tweets → Snopes** (CheckThat! 2020 Task 2, trained on train plus
the speeches, measured on dev): MAP@5, P@1 and MRR of BM25 alone, MiniLM cosine alone, their z-normalised
mix (also with the previous line as context) and podium's re-ranker (trained with ``--date-shift`` of the
queries re-dated, measured with the speeches dated and undated), all in the same run; the date probe
(see ``training/train_matcher.py``); the recall of
retrieval at the chosen depth; then the time to match the Syria sample's claims against a synthetic
archive of 100,000 fact-checks (the PolitiFact vectors and texts repeated with perturbations) and the
embedding throughput. Sentence vectors are cached under /tmp/podium-match-cache.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from podium.factchecks import matchtraining as mt
from podium.factchecks.candidates import fetch_records
from podium.factchecks.embedding import MODEL, MODELS, embed
from podium.factchecks.fieldindex import fields_of
from podium.factchecks.index import MatchIndex, lexical_text
from podium.factchecks.matchdata import load_speeches, load_tweets, missing_data
from podium.factchecks.matcher import Matcher, Query, context_text, query_text
from podium.factchecks.vectorsearch import Reduced


def baselines(prep: mt.Prepared) -> dict[str, dict[str, float]]:
    """BM25, cosine, and z-normalised mixes over the whole archive, for the matched queries."""
    n = len(prep.data.queries)
    dense = prep.index.dense()
    lexical = prep.index.lexical
    runs: dict[str, list[list[int]]] = {
        "BM25": [],
        "MiniLM cosine": [],
        "z-mix": [],
        "z-mix + previous line": [],
    }
    for q in range(n):
        query = prep.data.queries[q]
        cos = dense @ prep.vectors[q]
        cos_ctx = dense @ prep.context_vectors[q]
        bm = lexical.scores(query_text(query)).astype(np.float64)
        bm_ctx = lexical.scores(context_text(query)).astype(np.float64)
        for name, score in (
            ("BM25", bm),
            ("MiniLM cosine", cos),
            ("z-mix", _z(cos) + _z(bm)),
            ("z-mix + previous line", _z(cos_ctx) + _z(bm_ctx)),
        ):
            top = np.argpartition(-score, 100)[:100]
            runs[name].append(top[np.argsort(-score[top], kind="stable")].tolist())
    return {name: mt.evaluate(r, prep.relevant[:n]) for name, r in runs.items()}


def _z(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / (x.std() or 1.0)


def reranked(model, prep: mt.Prepared, queries: list[int]) -> list[list[int]]:
    return [mt.ranked_rows(prep.scored[q], model.raw(prep.scored[q].x)) for q in queries]


def show(title: str, rows: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"  {'method':<28} {'MAP@5':>7} {'P@1':>7} {'MRR':>7}")
    for name, m in rows.items():
        print(f"  {name:<28} {m['MAP@5']:7.3f} {m['P@1']:7.3f} {m['MRR']:7.3f}")


def calibration(raw: np.ndarray, y: np.ndarray) -> None:
    """Platt-calibrate out-of-fold raw scores (fitted on half the pairs, shown on the other half)."""
    rng = np.random.default_rng(mt.SEED)
    half = rng.random(len(y)) < 0.5
    a, b = mt.fit_platt(raw[half], y[half])
    p = 1 / (1 + np.exp(-(a * raw[~half] + b)))
    yy = y[~half]
    print("  calibration on held-out pairs (predicted → observed match rate):")
    for lo, hi in ((0, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        sel = (p >= lo) & (p < hi)
        if sel.any():
            print(
                f"    [{lo:.1f}, {min(hi, 1):.1f}): {sel.sum():6d} pairs, "
                f"mean p {p[sel].mean():.3f}, observed {yy[sel].mean():.3f}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--depth", type=int, default=30, help="rows retrieved by each of cosine and BM25")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--kind", default="linear", choices=("linear", "trees"))
    parser.add_argument("--date-shift", type=float, default=0.5, help="share of training queries re-dated")
    parser.add_argument(
        "--other-negatives", type=int, default=0, help="unmatched ClaimBuster claims added to training"
    )
    parser.add_argument(
        "--encoders",
        default=MODEL,
        help=f"comma-separated sentence models to compare in the same folds ({', '.join(MODELS)})",
    )
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--syria", type=Path, default=Path("../shared/samples/speech-syria-2024-12.txt"))
    args = parser.parse_args(argv)
    missing = missing_data(args.data)
    if missing:
        print(missing, file=sys.stderr)
        return 2
    encoders = [e.strip() for e in args.encoders.split(",") if e.strip()]
    unknown = [e for e in encoders if e not in MODELS]
    if unknown:
        print(f"unknown sentence models {unknown}; known: {', '.join(MODELS)}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    results = {encoder: measure(args, encoder) for encoder in encoders}
    if len(encoders) > 1:
        compare(results)
    print(f"\ntotal {time.perf_counter() - start:.0f}s")
    return 0


def measure(args: argparse.Namespace, encoder: str) -> dict[str, list[float]]:
    """Print every table for one sentence model; return the re-ranker's per-query AP@5 (speeches out of
    fold, tweets dev)."""
    start = time.perf_counter()
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    speeches = mt.prepare(
        load_speeches(args.data, other_negatives=args.other_negatives), args.depth, log, encoder
    )
    tweets = mt.prepare(load_tweets(args.data), args.depth, log, encoder)
    config = mt.Config(kind=args.kind)
    print(
        f"\n=== sentence model {encoder}: prepared in {time.perf_counter() - start:.0f}s "
        f"(depth {args.depth}, re-ranker: {args.kind}, {args.other_negatives} unmatched ClaimBuster claims)"
    )

    n = len(speeches.data.queries)
    found = sum(bool(speeches.relevant[q] & set(speeches.scored[q].rows.tolist())) for q in range(n))
    reduced = MatchIndex(
        speeches.index.ids,
        speeches.index.vectors,
        speeches.index.lexical,
        model=speeches.index.model,
        fields=speeches.index.fields,
        reduced=Reduced.build(speeches.index.vectors),
    )
    queries = speeches.data.queries
    found_reduced = sum(
        bool(speeches.relevant[q] & set(r.rows.tolist()))
        for q, r in enumerate(
            reduced.search(
                speeches.vectors[:n],
                [query_text(x) for x in queries],
                args.depth,
                speeches.context_vectors[:n],
                [context_text(x) for x in queries],
            )
        )
    )
    rows = baselines(speeches)
    tweet_train = [q for q, s in enumerate(tweets.splits) if s == "train"]
    folds = mt.cross_validate(
        speeches, [(tweets, tweet_train)], args.folds, config, log, date_shift=args.date_shift
    )
    rows["podium re-ranker"] = mt.evaluate(folds.rankings, speeches.relevant[:n])
    rows["podium re-ranker, undated"] = mt.evaluate(folds.undated, speeches.relevant[:n])
    unshifted = None
    if args.date_shift:  # the same folds trained on the dates as they are, for the paired difference
        unshifted = mt.cross_validate(speeches, [(tweets, tweet_train)], args.folds, config, log)
        rows["re-ranker, dates as they are"] = mt.evaluate(unshifted.rankings, speeches.relevant[:n])
        rows["  the same, undated"] = mt.evaluate(unshifted.undated, speeches.relevant[:n])
    raw, y = folds.raw, folds.y
    show(
        f"speeches → PolitiFact: {n} queries of {len(set(speeches.groups[:n]))} debates, "
        f"{args.folds}-fold CV by debate; retrieval recall@{args.depth}+{args.depth}: {found / n:.3f} "
        f"(with the PCA first pass that archives of 20,000+ use: {found_reduced / n:.3f})",
        rows,
    )
    calibration(raw, y)
    print("  " + mt.probe_report(folds, mt.fit_platt(raw, y)))
    if unshifted is not None:
        print(
            "  "
            + mt.probe_report(unshifted, mt.fit_platt(unshifted.raw, unshifted.y))
            + " (dates as they are)"
        )
        for name, a, b in (
            ("dated", unshifted.rankings, folds.rankings),
            ("undated", unshifted.undated, folds.undated),
        ):
            print(
                f"  date shift {args.date_shift} against none, {name}: "
                + paired(
                    [mt.average_precision(r, rel) for r, rel in zip(a, speeches.relevant, strict=False)],
                    [mt.average_precision(r, rel) for r, rel in zip(b, speeches.relevant, strict=False)],
                )
            )

    dev = [q for q, s in enumerate(tweets.splits) if s == "dev"]
    train = [q for q, s in enumerate(tweets.splits) if s == "train"]
    shifted = mt.shifted_dates(speeches, args.date_shift) if args.date_shift else None
    xs, ys, _ = mt.table(speeches, range(len(speeches.scored)), shifted)
    xt, yt, _ = mt.table(tweets, train)
    model = mt.fit(np.concatenate([xs, xt]), np.concatenate([ys, yt]), config)
    dev_prep = _subset(tweets, dev)
    rows = baselines(dev_prep)
    dev_rankings = reranked(model, tweets, dev)
    rows["podium re-ranker"] = mt.evaluate(dev_rankings, [tweets.relevant[q] for q in dev])
    found = sum(bool(tweets.relevant[q] & set(tweets.scored[q].rows.tolist())) for q in dev)
    show(
        f"tweets → Snopes: train {len(train)} → dev {len(dev)} queries; "
        f"retrieval recall@{args.depth}+{args.depth}: {found / len(dev):.3f}",
        rows,
    )
    if not args.no_timing:
        timing(speeches, model, args.syria)
    return {
        "speeches": [
            mt.average_precision(r, rel) for r, rel in zip(folds.rankings, speeches.relevant, strict=False)
        ],
        "tweets": [
            mt.average_precision(r, tweets.relevant[q]) for r, q in zip(dev_rankings, dev, strict=True)
        ],
    }


def paired(a: list[float], b: list[float], draws: int = 2000) -> str:
    """MAP@5 of ``b`` against ``a`` (per-query AP@5 of the same queries), the difference and its 95%
    paired-bootstrap interval over queries, and the bootstrap spread of ``a``'s own MAP@5."""
    x, y = np.array(a), np.array(b)
    picks = np.random.default_rng(mt.SEED).integers(0, len(x), (draws, len(x)))
    lo, hi = np.percentile((y[picks] - x[picks]).mean(axis=1), [2.5, 97.5])
    spread = float(x[picks].mean(axis=1).std())
    return (
        f"{y.mean():.3f} vs {x.mean():.3f}, difference {y.mean() - x.mean():+.3f} "
        f"[{lo:+.3f}, {hi:+.3f}] (paired bootstrap, {draws} draws; MAP@5 spread ±{spread:.3f})"
    )


def compare(results: dict[str, dict[str, list[float]]]) -> None:
    """The re-ranker's MAP@5 with each sentence model against the first one, query by query."""
    first, *others = results
    print(f"\nre-ranker MAP@5 against {first}, the same queries and folds:")
    for other in others:
        for task in ("speeches", "tweets"):
            print(f"  {task:<9} {other}: " + paired(results[first][task], results[other][task]))


def syria_queries(path: Path) -> list[Query]:
    """The claim candidates of the Syria sample (podium's claim layer), each with its previous sentence."""
    from podium.analyze import analyze_document
    from podium.ingest import load
    from podium.pipeline import Pipeline

    doc = analyze_document(load(str(path)), Pipeline.from_names(["claim"]))
    sentences = [doc.text[s.start : s.end] for s in doc.sentences]
    starts = [s.start for s in doc.sentences]
    out = []
    for span in doc.spans.get("claim", []):
        i = max(0, int(np.searchsorted(starts, span.start, side="right")) - 1)
        before = (sentences[i - 1],) if i > 0 else ()
        out.append(Query(doc.text[span.start : span.end], before=before, date=doc.meta.date))
    return out


def synthetic_index(prep: mt.Prepared, size: int) -> tuple[MatchIndex, list]:
    """An archive of ``size`` fact-checks: the real ones repeated, vectors jittered and renormalised,
    texts with a random tenth of their words dropped (so BM25 postings grow like a real archive's)."""
    rng = np.random.default_rng(mt.SEED)
    records = prep.data.records
    reps = -(-size // len(records))
    base = prep.index.dense()
    vectors = np.concatenate(
        [base if r == 0 else base + rng.normal(0, 0.02, base.shape).astype(np.float32) for r in range(reps)]
    )[:size]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    texts, recs = [], []
    for r in range(reps):
        for rec in records:
            if len(texts) == size:
                break
            text = lexical_text(rec.claim_reviewed, rec.title, rec.text)
            if r:
                words = text.split()
                text = " ".join(w for w in words if rng.random() > 0.1)
            texts.append(text)
            recs.append(rec)
    fields = [fields_of(r) for r in recs]
    index = MatchIndex.build(
        np.arange(size), vectors.astype(np.float16), texts, fields, model=prep.index.model
    )
    return index, recs


def timing(prep: mt.Prepared, model, syria: Path) -> None:
    print("\ntiming (this machine; other processes may share its 2 cores)")
    queries = syria_queries(syria) if syria.exists() else list(prep.data.queries[:50])
    source = f"the Syria sample's {len(queries)} claims" if syria.exists() else "50 debate sentences"
    t = time.perf_counter()
    index, recs = synthetic_index(prep, 100_000)
    print(f"  synthetic archive of {len(index):,} fact-checks built in {time.perf_counter() - t:.0f}s")
    with tempfile.TemporaryDirectory() as tmp:
        index.save(Path(tmp) / "index")
        index = MatchIndex.load(Path(tmp) / "index")
        matcher = Matcher(index, fetch_records(recs), model)
        matcher.embed_queries(queries[:2])  # load the encoder
        t = time.perf_counter()
        vectors, ctx = matcher.embed_queries(queries)
        embed_s = time.perf_counter() - t
        runs = []
        for _ in range(3):
            matcher = Matcher(index, fetch_records(recs), model)  # cold: nothing fetched yet
            t = time.perf_counter()
            matcher.match(queries, vectors=vectors, context_vectors=ctx)
            runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        matcher.match(queries, vectors=vectors, context_vectors=ctx)
        warm_s = time.perf_counter() - t
    texts = len(queries) * (2 if model.context_vector else 1)
    print(
        f"  {source} vs 100,000: embedding {texts} texts {embed_s:.2f}s ({texts / embed_s:.0f} texts/s); "
        f"matching beyond embedding {min(runs):.3f}s cold (fastest of 3; median "
        f"{sorted(runs)[1]:.3f}s), {warm_s:.3f}s with candidates already fetched; "
        f"total {embed_s + min(runs):.2f}s"
    )
    sample = [r.claim_reviewed for r in prep.data.records[:400]]
    t = time.perf_counter()
    embed(sample, prep.index.model)
    print(f"  embedding throughput: {len(sample) / (time.perf_counter() - t):.0f} fact-check claims/s")


def _subset(prep: mt.Prepared, chosen: list[int]) -> mt.Prepared:
    """The same set restricted to some matched queries (for the whole-archive baselines)."""
    data = prep.data
    sub = type(data)(
        data.name,
        data.records,
        data.claim_ids,
        [data.query_ids[q] for q in chosen],
        [data.queries[q] for q in chosen],
        [data.groups[q] for q in chosen],
        [data.splits[q] for q in chosen],
        [data.relevant[q] for q in chosen],
    )
    return mt.Prepared(
        data=sub,
        index=prep.index,
        scored=[prep.scored[q] for q in chosen],
        relevant=[prep.relevant[q] for q in chosen],
        groups=sub.groups,
        splits=sub.splits,
        negative=np.zeros(len(chosen), dtype=bool),
        vectors=prep.vectors[chosen],
        context_vectors=prep.context_vectors[chosen],
        bm25_texts=[prep.bm25_texts[q] for q in chosen],
    )


if __name__ == "__main__":
    sys.exit(main())
