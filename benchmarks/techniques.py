"""Benchmark of the persuasion-technique model on the PTC corpus, cross-validated by article.

    python benchmarks/techniques.py --data ../shared/data/ptc-semeval2020

Prints the 5-fold cross-validated span identification F1 (SemEval-2020 Task 11 partial overlap), technique
classification micro-F1 with gold spans, per-technique F1, and the analyser's words per second after
loading (on the given speech, default the bundled sample). Models are refitted per fold exactly as
``training/train_techniques.py`` does, on piece vectors of the MiniLM depth the shipped model records; the
shipped model is otherwise used only for the speed measurement.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

from train_techniques import SEED, cross_validate  # noqa: E402

from podium.techniques.corpus import DEFAULT_CACHE, load_corpus  # noqa: E402
from podium.techniques.crossval import prepare  # noqa: E402
from podium.techniques.detector import TechniqueDetector  # noqa: E402


def speed(path: Path, threads: int) -> None:
    from threadpoolctl import threadpool_limits

    from podium.analysers.techniques import TechniqueAnalyser
    from podium.ingest import load
    from podium.segment import segment

    start = time.perf_counter()
    analyser = TechniqueAnalyser()
    analyser.detector.encode("Load the encoder.", [(0, 17)])
    loaded = time.perf_counter() - start
    with threadpool_limits(threads):
        doc = segment(load(str(path)))
        analyser(segment(load(str(path))))  # warm-up
        start = time.perf_counter()
        analyser(doc)
        took = time.perf_counter() - start
    words = doc.word_count()
    print(
        f"speed: {words} words in {took:.2f}s = {words / took:,.0f} words/s (at most {threads} threads, "
        f"{len(doc.layer('technique'))} technique spans; model loaded in {loaded:.2f}s, "
        f"MiniLM depth {analyser.detector.layers})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--speech", type=Path, default=REPO / "samples" / "speech-harbor-accord.txt")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument(
        "--layers", type=int, choices=range(7), help="MiniLM depth (default: the shipped one)"
    )
    args = parser.parse_args()
    if not args.speed_only:
        import torch

        torch.set_num_threads(1)
        layers = TechniqueDetector.load().layers if args.layers is None else args.layers
        corpus = load_corpus(args.data, args.cache, layers)
        print(f"seed {SEED}; {len(corpus.articles)} articles; MiniLM depth {layers}")
        cross_validate([prepare(a, corpus.common) for a in corpus.articles])
    speed(args.speech, args.threads)


if __name__ == "__main__":
    main()
