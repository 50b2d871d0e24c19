"""Speed of the shared encoder's one pass (issue 18): word pieces per second at depth k, fp32 and int8.

Usage: ``python benchmarks/encoder_speed.py FILE [--layers 1,2] [--repeat 3]``

The file is ingested and segmented as ``podium analyze`` does; its sentences are name-masked and cut into
word pieces (``podium.encoder.pieces``, timed apart), then encoded by MiniLM's embedding layer and its first
k transformer layers (``podium.encoder.network.sentence_states``), with torch's float32 weights and with
the int8 dynamically quantised copy. Prints the fastest of ``--repeat`` runs, the pieces, words and
sentences encoded, the pieces per second, the seconds for the whole file and how far the int8 sentence
vectors move from the float32 ones (cosine). CPU seconds (all threads) are printed too: on a loaded
machine they show what the pass costs when wall-clock time does not. The pretrained base weights are
used: fine-tuned weights of the same shape run at the same speed. Measure on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import torch

from podium.encoder.network import ShallowEncoder, quantised, sentence_states
from podium.encoder.pieces import pieces
from podium.ingest import load
from podium.masking import shipped_common_words
from podium.segment import segment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--layers", default="1,2", help="comma-separated depths")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    doc = segment(load(args.file))
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    common = set(shipped_common_words())
    pieces(texts, common)  # warm the tokenizer and the name rule
    start = time.perf_counter()
    sent = pieces(texts, common)
    tok_s = time.perf_counter() - start
    n_pieces = sum(len(p) + 2 for p in sent)
    print(f"file: {args.file} ({doc.word_count()} words, {len(texts)} sentences, {n_pieces} pieces)")
    busy = os.getloadavg()[0]
    threads = torch.get_num_threads()
    print(f"torch threads: {threads}; load average {busy:.1f}; masking + tokenising: {tok_s * 1000:.0f} ms")
    for layers in (int(x) for x in args.layers.split(",")):
        fp32 = ShallowEncoder(layers).eval()
        int8 = quantised(fp32)
        results = {}
        for name, model in (("fp32", fp32), ("int8", int8)):
            sentence_states(model, sent[:8])
            runs, cpu = [], []
            for _ in range(args.repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                results[name] = sentence_states(model, sent)[1]
                runs.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            best = min(runs)
            rate = n_pieces / best
            print(
                f"k={layers} {name}: {best:.3f} s = {rate:,.0f} pieces/s (fastest of {args.repeat});"
                f" CPU time {min(cpu):.3f} s = {n_pieces / min(cpu):,.0f} pieces per CPU-second"
            )
        a, b = results["fp32"], results["int8"]
        cos = (a * b).sum(1) / np.maximum(np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1), 1e-9)
        print(f"k={layers} int8 vs fp32 sentence vectors: cosine min {cos.min():.4f}, mean {cos.mean():.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
