"""Readers for the check-worthiness training data, and the grouping of near-duplicate debates.

Reads CheckThat! debate files (``line_number<TAB>speaker<TAB>text[<TAB>label]``) and ClaimBuster's
CSV/JSON releases into plain records. ``duplicate_groups`` joins debates that share many long sentences
(the 2019 and 2020 CheckThat! sets hold several copies of the same debates), so cross-validation can hold
out a debate together with all its copies. Nothing here trains or scores; the data path is always given
by the caller (the data is never shipped with podium).
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Debate:
    """One debate, speech or interview: its lines in order, with speakers and (optional) labels."""

    name: str
    source: str
    line_numbers: list[str] = field(default_factory=list)
    speakers: list[str | None] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def key(self) -> str:
        return f"{self.source}/{self.name}"


def read_checkthat_file(path: Path, source: str = "") -> Debate:
    """One CheckThat! TSV file; the label column is optional (missing labels read as 0)."""
    debate = Debate(name=path.stem, source=source or path.parent.name)
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                raise ValueError(f"{path}:{lineno}: expected line_number<TAB>speaker<TAB>text[<TAB>label]")
            debate.line_numbers.append(parts[0].strip())
            speaker = parts[1].strip()
            debate.speakers.append(speaker or None)
            debate.texts.append(parts[2])
            label = parts[3].strip() if len(parts) > 3 else "0"
            debate.labels.append(1 if label == "1" else 0)
    return debate


def read_checkthat_dir(folder: Path, source: str) -> list[Debate]:
    """Every ``*.tsv`` debate of a folder, sorted by file name."""
    return [read_checkthat_file(p, source) for p in sorted(folder.glob("*.tsv"))]


def load_checkthat(data_root: Path) -> dict[str, list[Debate]]:
    """The two CheckThat! training sets under the shared data folder, keyed ``ct2019`` and ``ct2020``."""
    return {
        "ct2019": read_checkthat_dir(data_root / "checkthat2019-t1" / "train", "ct2019"),
        "ct2020": read_checkthat_dir(data_root / "ct2020-t5" / "train", "ct2020"),
    }


def missing_data(data_root: Path) -> str | None:
    """What is missing from ``data_root`` for training or cross-validation (``None`` if nothing), as an
    error line for the scripts that take the shared data folder."""
    for folder in ("checkthat2019-t1/train", "ct2020-t5/train", "claimbuster"):
        if not (data_root / folder).is_dir():
            return f"error: {data_root} has no {folder}/ folder; pass the shared data folder (../shared/data)"
    return None


def read_claimbuster_csv(path: Path, exclude_files: Iterable[str] = ()) -> list[Debate]:
    """ClaimBuster CSV rows as debates (one per ``File_id``, in line order); label 1 = CFS, 0 = UFS/NFS.

    ``exclude_files`` drops transcripts by ``File_id`` prefix (e.g. ``"2016-"``, the debates that
    CheckThat! also holds, so that held-out CheckThat! debates are never seen with ClaimBuster labels).
    """
    excluded = tuple(exclude_files)
    rows: dict[str, list[tuple[int, str, str, int]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            file_id = row["File_id"]
            if excluded and file_id.startswith(excluded):
                continue
            label = 1 if row["Verdict"].strip() == "1" else 0
            rows[file_id].append((int(row["Line_number"]), row["Speaker"], row["Text"], label))
    debates = []
    for file_id in sorted(rows):
        debate = Debate(name=file_id.removesuffix(".txt"), source="claimbuster")
        for line, speaker, text, label in sorted(rows[file_id]):
            debate.line_numbers.append(str(line))
            debate.speakers.append(speaker or None)
            debate.texts.append(text)
            debate.labels.append(label)
        debates.append(debate)
    return debates


def read_claimbuster_json(path: Path) -> list[tuple[str, int]]:
    """``(text, label)`` pairs from a ClaimBuster JSON release (*NCS.json or the spotter split)."""
    with path.open(encoding="utf-8") as fh:
        return [(item["text"], int(item["label"])) for item in json.load(fh)]


def load_claimbuster(data_root: Path, exclude_files: Iterable[str] = ("2016-",)) -> list[Debate]:
    """Both ClaimBuster CSVs (crowd-sourced and expert ground truth) as debates."""
    folder = data_root / "claimbuster"
    debates = read_claimbuster_csv(folder / "crowdsourced.csv", exclude_files)
    debates += read_claimbuster_csv(folder / "groundtruth.csv", exclude_files)
    return debates


_NON_WORD = re.compile(r"[^a-z0-9 ]+")


def sentence_key(text: str) -> str:
    """A normalised form of a sentence for duplicate detection (lower case, letters/digits only)."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def long_sentence_keys(debate: Debate, min_words: int = 6) -> set[str]:
    """Normalised sentences of at least ``min_words`` words: the evidence for duplication."""
    keys = (sentence_key(t) for t in debate.texts)
    return {k for k in keys if k.count(" ") + 1 >= min_words}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def duplicate_groups(
    debates: Sequence[Debate], min_shared: int = 10, min_fraction: float = 0.05, min_words: int = 6
) -> list[int]:
    """A group id per debate: debates sharing enough long sentences (transitively) share a group.

    Two debates are joined when they share at least ``min_shared`` sentences of ``min_words``+ words
    and those make at least ``min_fraction`` of the smaller debate's long sentences. Group ids are
    small integers numbered in order of first appearance.
    """
    keys = [long_sentence_keys(d, min_words) for d in debates]
    owners: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            owners[k].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for idx in owners.values():
        for a_pos, a in enumerate(idx):
            for b in idx[a_pos + 1 :]:
                shared[(a, b)] += 1
    uf = _UnionFind(len(debates))
    for (a, b), n in shared.items():
        smaller = max(1, min(len(keys[a]), len(keys[b])))
        if n >= min_shared and n / smaller >= min_fraction:
            uf.union(a, b)
    renumber: dict[int, int] = {}
    return [renumber.setdefault(uf.find(i), len(renumber)) for i in range(len(debates))]


def duplicate_weights(debates: Sequence[Debate], groups: Sequence[int]) -> list[list[float]]:
    """Per-line training weights: a sentence found in k debates of its group weighs 1/k in each.

    Keeps every copy (so each debate's context stays whole) without counting a duplicated debate twice.
    Repeats inside one debate ("Thank you.") are not duplicates and keep weight 1.
    """
    counts: dict[tuple[int, str], int] = defaultdict(int)
    keyed = [[sentence_key(t) for t in d.texts] for d in debates]
    for g, ks in zip(groups, keyed, strict=True):
        for k in set(ks):
            counts[(g, k)] += 1
    return [[1.0 / counts[(g, k)] for k in ks] for g, ks in zip(groups, keyed, strict=True)]
