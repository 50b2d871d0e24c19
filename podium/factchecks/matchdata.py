"""The CheckThat! matching sets for training and benchmarks (``../shared/data``): never used at run time.

- speeches → PolitiFact (CheckThat! 2022 Task 2B): queries ``<debate>_<line>`` with their transcript
  lines (from ``ct2020-t5``/``checkthat2019-t1``) and the 19,250 PolitiFact fact-checks;
- tweets → Snopes (CheckThat! 2020 Task 2): train and dev tweets and the 10,375 verified claims;
- unmatched claims from elsewhere (:func:`claimbuster_negatives`): check-worthy sentences of the US
  presidential debates of 1976–2004 (ClaimBuster), said before PolitiFact existed, as queries with no
  fact-check — claims on topics the CheckThat! debates barely touch (Iraq, Kuwait, the Cold War, oil).

Sentence vectors are cached under ``/tmp/podium-match-cache`` keyed by a hash of the model and the texts,
so reruns of the benchmark and the training script do not re-embed the archives.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from podium.factchecks.embedding import MODEL, STATIC, embed
from podium.factchecks.matcher import Query
from podium.factchecks.readers import read_path
from podium.factchecks.records import FactCheck
from podium.factchecks.runfiles import (
    Transcript,
    find_transcript,
    parse_queries,
    parse_transcript,
    split_query_id,
)

CACHE = Path(os.environ.get("PODIUM_MATCH_CACHE", "/tmp/podium-match-cache"))


def cached_embed(texts: Sequence[str], cache: Path = CACHE, model: str | None = None) -> np.ndarray:
    """``embed(texts, model)``, read from / written to ``cache`` (a hash of the model and the texts names
    it); the static encoder is not cached (it is faster than reading the file)."""
    model = model or MODEL
    if model == STATIC:
        return embed(list(texts), model)
    digest = hashlib.sha256(model.encode())
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x1f")
    path = cache / f"{digest.hexdigest()[:32]}.npy"
    if path.exists():
        return np.load(path)
    vectors = embed(list(texts), model)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
    np.save(tmp, vectors)
    tmp.replace(path)
    return vectors


@dataclass
class MatchSet:
    """One benchmark: the archive, the queries (ids, :class:`Query`, debate/group, split) and their
    relevant archive rows; ``negatives`` are queries known to have no fact-check (for calibration), from
    the same debates; ``other_negatives`` such queries from elsewhere (embedded and cached apart)."""

    name: str
    records: list[FactCheck]
    claim_ids: list[str]
    query_ids: list[str]
    queries: list[Query]
    groups: list[str]
    splits: list[str]
    relevant: list[set[int]]
    negatives: list[Query] = field(default_factory=list)
    negative_groups: list[str] = field(default_factory=list)
    other_negatives: list[Query] = field(default_factory=list)
    other_groups: list[str] = field(default_factory=list)


SPEECH_DIRS = ("ct2020-t5/train", "checkthat2019-t1/train")


def missing_data(data: Path) -> str | None:
    needed = [
        "ct2022-t2b/politifact-vclaims.jsonl.gz",
        "ct2022-t2b/train-dev-queries.tsv",
        "ct2020-t2/verified_claims.docs.tsv",
        "ct2020-t5/train",
    ]
    absent = [n for n in needed if not (data / n).exists()]
    return f"missing under {data}: {', '.join(absent)}" if absent else None


def _archive(path: Path) -> tuple[list[FactCheck], list[str]]:
    records = read_path(path).imported
    return records, [r.source_id or str(i) for i, r in enumerate(records)]


def _qrels(paths: Sequence[Path]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3:
                out.setdefault(parts[0], set()).add(parts[2])
    return out


def load_speeches(
    data: Path, negatives_per_query: float = 4.0, seed: int = 0, other_negatives: int = 0
) -> MatchSet:
    """CheckThat! 2022 Task 2B train+dev with transcript context, and sampled unmatched lines of the
    same debates (label 0, 8+ words, not a query) as negatives; plus ``other_negatives`` check-worthy
    sentences of older debates (:func:`claimbuster_negatives`, grouped by debate as ``cb-<date>``)."""
    root = data / "ct2022-t2b"
    records, claim_ids = _archive(root / "politifact-vclaims.jsonl.gz")
    row_of = {cid: i for i, cid in enumerate(claim_ids)}
    train = _qrels([root / "train-qrels.tsv"])
    dev = _qrels([root / "dev-qrels.tsv"])
    transcripts: dict[str, Transcript] = {}
    labels: dict[str, dict[int, str]] = {}
    folders = [data / d for d in SPEECH_DIRS if (data / d).is_dir()]
    names = {p.name: p for folder in reversed(folders) for p in folder.glob("*.tsv")}
    query_ids, queries, groups, splits, relevant = [], [], [], [], []
    for qid, text in parse_queries((root / "train-dev-queries.tsv").read_text(encoding="utf-8")):
        split = "train" if qid in train else "dev" if qid in dev else None
        parts = split_query_id(qid)
        if split is None or parts is None:
            continue
        prefix, line = parts
        if prefix not in transcripts:
            name = find_transcript(prefix, sorted(names))
            raw = names[name].read_text(encoding="utf-8") if name else ""
            transcripts[prefix] = parse_transcript(name or prefix, raw)
            labels[prefix] = {
                int(f[0]): f[3].strip()
                for f in (r.split("\t") for r in raw.splitlines())
                if len(f) >= 4 and f[0].strip().isdigit()
            }
        query_ids.append(qid)
        queries.append(transcripts[prefix].query(line, text))
        groups.append(prefix)
        splits.append(split)
        rel = (train if split == "train" else dev)[qid]
        relevant.append({row_of[c] for c in rel if c in row_of})
    rng = np.random.default_rng(seed)
    negatives, negative_groups = [], []
    taken = set(query_ids)
    for prefix, transcript in transcripts.items():
        wanted = round(negatives_per_query * groups.count(prefix))
        pool = [
            n
            for n, (_, text) in transcript.lines.items()
            if f"{prefix}_{n}" not in taken and labels[prefix].get(n) == "0" and len(text.split()) >= 8
        ]
        for n in sorted(rng.choice(pool, size=min(wanted, len(pool)), replace=False).tolist()):
            negatives.append(transcript.query(n, transcript.lines[n][1]))
            negative_groups.append(prefix)
    others = claimbuster_negatives(data, other_negatives, seed) if other_negatives else []
    return MatchSet(
        "speeches → PolitiFact",
        records,
        claim_ids,
        query_ids,
        queries,
        groups,
        splits,
        relevant,
        negatives,
        negative_groups,
        [q for _, q in others],
        [g for g, _ in others],
    )


CLAIMBUSTER_YEARS = range(1976, 2005)  #: debates before PolitiFact (2007): none of their claims was checked


def claimbuster_negatives(data: Path, count: int, seed: int = 0) -> list[tuple[str, Query]]:
    """``(group, query)`` for ``count`` sampled check-worthy sentences (ClaimBuster CFS, 8+ words) of the
    1976–2004 presidential debates, with their neighbouring sentences as context, the speaker and the
    debate's date; the group is ``cb-<debate date>``. Fewer when the folder lacks them."""
    by_file: dict[str, dict[int, tuple[str, str, str]]] = {}
    for name in ("crowdsourced.csv", "groundtruth.csv"):
        path = data / "claimbuster" / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                date = row["File_id"].removesuffix(".txt")
                if not date[:4].isdigit() or int(date[:4]) not in CLAIMBUSTER_YEARS:
                    continue
                line = int(row["Line_number"])
                by_file.setdefault(date, {})[line] = (row["Text"].strip(), row["Speaker"], row["Verdict"])
    pool = []
    for date in sorted(by_file):
        lines = by_file[date]
        numbers = sorted(lines)
        for at, n in enumerate(numbers):
            text, speaker, verdict = lines[n]
            if verdict != "1" or len(text.split()) < 8:
                continue
            before = tuple(lines[m][0] for m in numbers[max(0, at - 2) : at])
            after = tuple(lines[m][0] for m in numbers[at + 1 : at + 2])
            pool.append((f"cb-{date}", Query(text, before, after, speaker or None, date)))
    rng = np.random.default_rng(seed)
    chosen = sorted(rng.choice(len(pool), size=min(count, len(pool)), replace=False).tolist())
    return [pool[i] for i in chosen]


def load_tweets(data: Path) -> MatchSet:
    """CheckThat! 2020 Task 2 train and dev tweets against the Snopes verified claims."""
    root = data / "ct2020-t2"
    records, claim_ids = _archive(root / "verified_claims.docs.tsv")
    row_of = {cid: i for i, cid in enumerate(claim_ids)}
    query_ids, queries, groups, splits, relevant = [], [], [], [], []
    for split in ("train", "dev"):
        rels = _qrels([root / split / "tweet-vclaim-pairs.qrels"])
        text = (root / split / "tweets.queries.tsv").read_text(encoding="utf-8")
        for qid, tweet in parse_queries(text):
            if qid not in rels:
                continue
            query_ids.append(f"{split}-{qid}")
            queries.append(Query(text=tweet))
            groups.append(f"{split}-{qid}")
            splits.append(split)
            relevant.append({row_of[c] for c in rels[qid] if c in row_of})
    return MatchSet("tweets → Snopes", records, claim_ids, query_ids, queries, groups, splits, relevant)
