"""Speed of podium on one file: start-up, ingestion+segmentation, and the full pipeline; peak memory.

Usage: python benchmarks/speed.py FILE [--repeat N] [--only LAYERS] [--skip LAYERS] [--batch N --jobs J]
Prints words/second (median and fastest of N runs, models already loaded), the process's peak resident
memory and each analyser's fastest time;
with --batch, also the throughput of a batch run of N copies of FILE over J worker processes
(start-up of the workers included, output written as JSON to a temporary directory).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default="")
    parser.add_argument("--skip", default="")
    parser.add_argument("--batch", type=int, default=0, help="copies of FILE for a batch run (0: none)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from podium.analyze import analyze_document
    from podium.ingest import load
    from podium.pipeline import Pipeline
    from podium.segment import segment
    from podium.techniques import background

    split = lambda s: [x for x in s.split(",") if x] or None  # noqa: E731
    pipeline = Pipeline.from_names(split(args.only), split(args.skip))
    if "technique" in pipeline.layers:  # as ``podium analyze`` does (PODIUM_HELPER=0 to measure without)
        background.allow()
    warm = load(args.file)
    analyze_document(warm, pipeline)  # loads every model once
    startup = time.perf_counter() - t0
    words = warm.word_count()

    def timed(func: object) -> tuple[float, float]:
        """Median and fastest of ``--repeat`` runs (the fastest is the one least disturbed by other load)."""
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            func()  # type: ignore[operator]
            runs.append(time.perf_counter() - start)
        return statistics.median(runs), min(runs)

    ingest_s, _ = timed(lambda: segment(load(args.file)))
    full_s, full_min = timed(lambda: analyze_document(load(args.file), pipeline))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"file: {args.file} ({words} words, {len(warm.sentences)} sentences)")
    print(f"analysers: {', '.join(a.name for a in pipeline.analysers) or 'none'}")
    helper = "on" if background.enabled() else "off"
    print(f"technique helper process (podium.techniques.background): {helper}")
    print(f"start-up (imports + model loads: first run minus a steady run): {startup - full_s:.2f} s")
    print(f"ingestion+segmentation: {ingest_s * 1000:.1f} ms = {words / ingest_s:,.0f} words/s")
    print(
        f"full pipeline (ingest+segment+analysers): {full_s * 1000:.1f} ms = {words / full_s:,.0f} words/s"
        f" (median of {args.repeat}; fastest {full_min * 1000:.1f} ms)"
    )
    helper_mb = background.HELPER.peak_memory_mb()
    helper_part = f"; technique helper process: {helper_mb:.0f} MB" if helper_mb is not None else ""
    print(f"peak memory (max RSS): {peak_mb:.0f} MB{helper_part}")
    print("per analyser, fastest of the runs (each on a fresh copy of the document, in pipeline order):")
    for name, seconds in per_analyser(args.file, pipeline, args.repeat):
        print(f"  {name:<12} {seconds * 1000:7.1f} ms")
    if args.batch:
        batch_s = run_batch_copies(args.file, args.batch, args.jobs, (split(args.only), split(args.skip)))
        print(
            f"batch: {args.batch} copies over {args.jobs} process(es): {batch_s:.2f} s = "
            f"{words * args.batch / batch_s:,.0f} words/s"
        )
    return 0


def per_analyser(path: str, pipeline: object, repeat: int) -> list[tuple[str, float]]:
    """Fastest time of each analyser over ``repeat`` runs of the whole pipeline on ``path``."""
    from podium.ingest import load
    from podium.segment import segment

    best: dict[str, float] = {}
    for _ in range(repeat):
        doc = load(path)
        segment(doc)
        for analyser in pipeline.analysers:  # type: ignore[attr-defined]
            start = time.perf_counter()
            doc = analyser(doc)
            elapsed = time.perf_counter() - start
            best[analyser.name] = min(best.get(analyser.name, elapsed), elapsed)
    return list(best.items())


def run_batch_copies(path: str, copies: int, jobs: int, selection: tuple[object, object]) -> float:
    """Seconds to analyse ``copies`` copies of ``path`` in a batch of ``jobs`` processes."""
    import tempfile
    from pathlib import Path

    from podium.batch import Job, outcomes
    from podium.pipeline import Pipeline

    pipeline = Pipeline.from_names(*selection)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        work = [Job(path, Path(tmp) / f"{i}.json", "json", 20_000_000, {}) for i in range(copies)]
        start = time.perf_counter()
        failed = [o for o in outcomes(work, pipeline, jobs, selection) if o.error]
        elapsed = time.perf_counter() - start
    if failed:
        raise SystemExit(f"batch failed: {failed[0].error}")
    return elapsed


if __name__ == "__main__":
    sys.exit(main())
