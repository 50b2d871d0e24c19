"""Distil all-MiniLM-L6-v2 into the static encoder of fact-check matching (``static-encoder.npz``).

Usage: ``python training/train_static_encoder.py --data ../shared/data [--out podium/factchecks/model]``

Texts: the claims of the 19,250 PolitiFact fact-checks (CheckThat! 2022 2B) and of the 10,375 Snopes
verified claims (CheckThat! 2020 2), and check-worthy sentences of the 1976–2004 US presidential debates
with their previous sentence (ClaimBuster; the same sample the re-ranker uses as unmatched claims). No
query of the matching benchmarks (debate sentences of CheckThat! 2022 2B, tweets) is among them.
Targets: MiniLM's own sentence vector of each text (cached under /tmp/podium-match-cache).

Each word piece of MiniLM's vocabulary starts from MiniLM's output for that piece alone
(``[CLS] piece [SEP]``, mean-pooled); then a few epochs of Adam move the vectors of the pieces that occur
so that the normalised mean of a text's piece vectors has the highest cosine with MiniLM's vector of it
(a tenth of the texts held out, their mean cosine printed before and after). The pieces that occur in
the texts are saved as float16 (fixed seed), about 13 MB.

Matching does not use it by default (``podium/factchecks/embedding.py``): ``benchmarks/matching.py
--encoders all-MiniLM-L6-v2/mean/128,all-MiniLM-L6-v2/static-distilled/1`` compares the two in the same
folds, and ``--model`` of ``benchmarks/factcheck_import.py`` and ``benchmarks/checked_before.py`` times it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from podium.factchecks import read_path
from podium.factchecks.embedding import DIM, MINILM
from podium.factchecks.matchdata import CACHE, cached_embed, claimbuster_negatives
from podium.factchecks.matcher import context_text, query_text
from podium.factchecks.reranker import MODEL_DIR
from podium.factchecks.static_encoder import MAX_PIECES, save, tokenizer

SEED = 0


def targets(data: Path, debate_sentences: int, log) -> tuple[list[str], np.ndarray]:
    """The texts and MiniLM's vectors of them (the cached blocks the re-ranker's training made)."""
    parts: list[tuple[list[str], np.ndarray]] = []
    for path in ("ct2022-t2b/politifact-vclaims.jsonl.gz", "ct2020-t2/verified_claims.docs.tsv"):
        claims = [r.claim_reviewed for r in read_path(data / path).imported]
        parts.append((claims, cached_embed(claims, model=MINILM)))
        log(f"{path}: {len(claims):,} claims embedded")
    debates = [q for _, q in claimbuster_negatives(data, debate_sentences, SEED)]
    for how in (query_text, context_text):
        texts = [how(q) for q in debates]
        parts.append((texts, cached_embed(texts, model=MINILM)))
    log(f"ClaimBuster: {len(debates):,} debate sentences, alone and with their previous sentence")
    seen: dict[str, np.ndarray] = {}
    for texts, vectors in parts:
        for text, vector in zip(texts, vectors, strict=True):
            if text.strip() and text not in seen:
                seen[text] = vector
    return list(seen), np.stack(list(seen.values())).astype(np.float32)


def piece_vectors(vocab: int, log) -> np.ndarray:
    """MiniLM's sentence vector of every vocabulary piece alone, unit length: the starting point (cached
    under /tmp/podium-match-cache: 30,522 short passes take minutes on a shared machine)."""
    cached = CACHE / f"pieces-alone-{MINILM.replace('/', '_')}-{vocab}.npy"
    if cached.exists():
        out = np.load(cached)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    import torch

    from podium.techniques.encoder import load_minilm

    tok, model = load_minilm()
    out = np.zeros((vocab, DIM), dtype=np.float32)
    for start in range(0, vocab, 1024):
        ids = torch.arange(start, min(start + 1024, vocab))
        cls, sep = torch.full_like(ids, tok.cls_token_id), torch.full_like(ids, tok.sep_token_id)
        batch = torch.stack([cls, ids, sep], dim=1)
        with torch.inference_mode():
            hidden = model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
        out[start : start + len(ids)] = hidden.mean(dim=1).numpy()
    log(f"{vocab:,} pieces embedded alone")
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(cached, out)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def distil(
    ids: list[np.ndarray], target: np.ndarray, start: np.ndarray, epochs: int, lr: float, log
) -> tuple[np.ndarray, float, float]:
    """Piece vectors trained from ``start`` so that the normalised mean over each text's pieces matches
    its target by cosine; returns them and the held-out mean cosine before and after."""
    import torch

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(ids))
    held, train = order[: len(ids) // 10], order[len(ids) // 10 :]
    table = torch.nn.EmbeddingBag(len(start), start.shape[1], mode="mean")
    with torch.no_grad():
        table.weight.copy_(torch.from_numpy(start))
    goal = torch.from_numpy(target)
    optimiser = torch.optim.Adam(table.parameters(), lr=lr)

    def bags(rows: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
        flat = torch.from_numpy(np.concatenate([ids[i] for i in rows]).astype(np.int64))
        offsets = torch.from_numpy(np.cumsum([0] + [len(ids[i]) for i in rows[:-1]]).astype(np.int64))
        return flat, offsets

    def cosine(rows: np.ndarray) -> torch.Tensor:
        out = torch.nn.functional.normalize(table(*bags(rows)), dim=1)
        return (out * goal[rows]).sum(dim=1)

    with torch.no_grad():
        before = float(cosine(held).mean())
    for epoch in range(epochs):
        shuffled = rng.permutation(train)
        for b in range(0, len(shuffled), 256):
            loss = (1 - cosine(shuffled[b : b + 256])).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        with torch.no_grad():
            log(f"epoch {epoch + 1}: held-out mean cosine {float(cosine(held).mean()):.4f}")
    with torch.no_grad():
        after = float(cosine(held).mean())
    return table.weight.detach().numpy(), before, after


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write static-encoder.npz")
    parser.add_argument("--debate-sentences", type=int, default=1000)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=3e-3)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    texts, target = targets(args.data, args.debate_sentences, log)
    tok = tokenizer()
    ids = [np.asarray(e.ids, dtype=np.int64) for e in tok.encode_batch(texts)]
    vocab = tok.get_vocab_size()
    counts = np.bincount(np.concatenate(ids), minlength=vocab)
    vectors, before, after = distil(ids, target, piece_vectors(vocab, log), args.epochs, args.lr, log)
    kept = np.flatnonzero(counts > 0)
    info = {
        "teacher": MINILM,
        "texts": len(texts),
        "pieces": len(kept),
        "max_pieces": MAX_PIECES,
        "epochs": args.epochs,
        "held_out_cosine": {"start": round(before, 4), "trained": round(after, 4)},
        "seed": SEED,
    }
    path = args.out / "static-encoder.npz"
    save(path, kept, vectors[kept], info)
    print(
        f"{len(texts):,} texts, {len(kept):,} pieces kept; held-out mean cosine with MiniLM "
        f"{before:.4f} (pieces alone) → {after:.4f} (distilled); wrote {path} "
        f"({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
