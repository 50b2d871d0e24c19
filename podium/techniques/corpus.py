"""The PTC training corpus in memory: articles, gold labels, and MiniLM encodings cached on disk.

Encoding 300 articles takes minutes on two cores, so ``load_corpus`` caches the token vectors (float16)
under a cache directory (default ``/tmp/podium-techniques-cache``), keyed by the data path, the
masking version and the common-word list. Used by training and the benchmark only; the analyser never
needs the corpus.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from podium.techniques import ptc
from podium.techniques.encoder import Encoded, encode
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


def load_corpus(data: Path, cache: Path = DEFAULT_CACHE) -> Corpus:
    """The ``train`` split under ``data`` (the PTC folder), encoded once and cached."""
    train = data / "train" if (data / "train").is_dir() else data
    texts = ptc.read_articles(train / "articles")
    common = learn_common_words(texts.values())
    raw = f"{train.resolve()}|masking {VERSION}|" + "|".join(sorted(common))
    key = hashlib.sha1(raw.encode()).hexdigest()[:12]
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"ptc-{key}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            stored = pickle.load(fh)
    else:
        stored = {}
        for n, (aid, text) in enumerate(texts.items(), 1):
            segments = ptc.line_segments(text)
            enc = encode(text, segments, common)
            stored[aid] = (segments, [(e.offsets, e.vectors.astype(np.float16), e.masked) for e in enc])
            if n % 25 == 0:
                print(f"  encoded {n}/{len(texts)} articles", flush=True)
        with open(path, "wb") as fh:
            pickle.dump(stored, fh, protocol=pickle.HIGHEST_PROTOCOL)
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
