"""The PTC training corpus in memory: articles, gold labels, and MiniLM encodings cached on disk.

Encoding 300 articles takes minutes on two cores, so ``load_corpus`` caches the token vectors (float16)
under a cache directory (default ``/tmp/podium-techniques-cache``), keyed by the data path, the
masking version, the common-word list and the encoder depth (``encode_corpus`` fills the caches of
several depths in one pass). Used by training and the benchmark only; the analyser never needs the corpus.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from podium.techniques import ptc
from podium.techniques.encoder import FULL_DEPTH, Encoded, encode_depths
from podium.techniques.masking import VERSION, learn_common_words

DEFAULT_CACHE = Path("/tmp/podium-techniques-cache")


@dataclass(slots=True)
class Article:
    id: str
    text: str
    segments: list[tuple[int, int]]
    encoded: list[Encoded]
    si: list[tuple[int, int]] = field(default_factory=list)
    tc: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Corpus:
    articles: list[Article]
    common: set[str]


def _train_dir(data: Path) -> Path:
    return data / "train" if (data / "train").is_dir() else data


def _cache_path(train: Path, common: set[str], cache: Path, layers: int) -> Path:
    raw = f"{train.resolve()}|masking {VERSION}|" + "|".join(sorted(common))
    key = hashlib.sha1(raw.encode()).hexdigest()[:12]
    return cache / f"ptc-{key}-L{layers}.pkl"


def encode_corpus(data: Path, cache: Path = DEFAULT_CACHE, depths: tuple[int, ...] = (FULL_DEPTH,)) -> None:
    """Encode the articles once and write the cache of every depth in ``depths`` that is missing."""
    train = _train_dir(data)
    texts = ptc.read_articles(train / "articles")
    common = learn_common_words(texts.values())
    todo = tuple(d for d in depths if not _cache_path(train, common, cache, d).exists())
    if not todo:
        return
    stored: dict[int, dict[str, tuple]] = {d: {} for d in todo}  # type: ignore[type-arg]
    for n, (aid, text) in enumerate(texts.items(), 1):
        segments = ptc.line_segments(text)
        by_depth = encode_depths(text, segments, common, todo)
        for d in todo:
            enc = [(e.offsets, e.vectors.astype(np.float16), e.masked) for e in by_depth[d]]
            stored[d][aid] = (segments, enc)
        if n % 25 == 0:
            print(f"  encoded {n}/{len(texts)} articles", flush=True)
    cache.mkdir(parents=True, exist_ok=True)
    for d in todo:
        with open(_cache_path(train, common, cache, d), "wb") as fh:
            pickle.dump(stored[d], fh, protocol=pickle.HIGHEST_PROTOCOL)


def load_corpus(data: Path, cache: Path = DEFAULT_CACHE, layers: int = FULL_DEPTH) -> Corpus:
    """The ``train`` split under ``data`` (the PTC folder), encoded to depth ``layers`` once and cached."""
    encode_corpus(data, cache, (layers,))
    train = _train_dir(data)
    texts = ptc.read_articles(train / "articles")
    common = learn_common_words(texts.values())
    with open(_cache_path(train, common, cache, layers), "rb") as fh:
        stored = pickle.load(fh)
    si = ptc.read_label_dir(train / "labels-task1-SI")
    tc = ptc.read_label_dir(train / "labels-task2-TC")
    articles = []
    for aid, text in texts.items():
        segments, enc = stored[aid]
        encoded = [Encoded(o, v.astype(np.float32), m) for o, v, m in enc]
        articles.append(Article(aid, text, segments, encoded))
    index = {a.id: a for a in articles}
    for x in si:
        index[x.article].si.append((x.start, x.end))
    for x in tc:
        index[x.article].tc.append((x.technique, x.start, x.end))
    return Corpus(articles, common)
