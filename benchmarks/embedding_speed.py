"""How fast the matching sentence encoder (all-MiniLM-L6-v2) embeds fact-check claims on this machine.

    python benchmarks/embedding_speed.py --data ../shared/data [--texts 1500]

Embeds the first ``--texts`` PolitiFact claims of CheckThat! 2022 2B with ``embed_minilm`` (what
``podium factchecks import`` and matching run) at batch 16 and 64 on torch's default threads, then on one
thread, then with torch's dynamic int8 quantisation of the linear layers, whose vectors are compared with
the float ones (mean and lowest cosine). Prints texts/s, the claims' mean word pieces and the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--texts", type=int, default=1500)
    args = parser.parse_args(argv)
    archive = args.data / "ct2022-t2b" / "politifact-vclaims.jsonl.gz"
    if not archive.exists():
        print(f"{archive} not found: give --data the folder holding ct2022-t2b/", file=sys.stderr)
        return 2
    import numpy as np
    import torch

    import podium.techniques.encoder as encoder
    from podium.factchecks import read_path
    from podium.factchecks.embedding import embed_minilm

    texts = [r.claim_reviewed for r in read_path(archive).imported[: args.texts]]
    tokenizer, model = encoder.load_minilm()
    pieces = np.mean([len(tokenizer(t)["input_ids"]) for t in texts])
    load = os.getloadavg()[0]
    print(f"{len(texts)} PolitiFact claims, {pieces:.1f} word pieces on average; load {load:.2f}")
    embed_minilm(texts[:50])  # loaded and warm

    def rate(label: str, batch: int) -> np.ndarray:
        started = time.perf_counter()
        vectors = embed_minilm(texts, batch_size=batch)
        print(f"{label}, batch {batch}: {len(texts) / (time.perf_counter() - started):.1f} texts/s")
        return vectors

    threads = torch.get_num_threads()
    rate(f"float32, {threads} threads", 16)
    reference = rate(f"float32, {threads} threads", 64)
    torch.set_num_threads(1)
    rate("float32, 1 thread", 16)
    torch.set_num_threads(threads)
    quantised = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    encoder.load_minilm.cache_clear()
    original = encoder.load_minilm
    encoder.load_minilm = lambda layers=encoder.FULL_DEPTH: (tokenizer, quantised)  # type: ignore[assignment]
    try:
        vectors = rate(f"int8 dynamic, {threads} threads", 64)
    finally:
        encoder.load_minilm = original
    cosine = (vectors * reference).sum(axis=1)
    print(f"int8 vectors against float32: mean cosine {cosine.mean():.3f}, lowest {cosine.min():.3f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
