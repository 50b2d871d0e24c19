"""Speakers and sides found in real documents, and what they change for the Syria sample's events.

Usage: python benchmarks/speakers.py --data ../shared/data [--samples ../shared/samples]
           [--exclude REGEX] [--limit N]

1. The Syria speech (``speech-syria-2024-12.txt``) analysed with the actor and event analysers twice: as
   the document says (speaker and side found in it) and with the speaker and side taken away (what podium
   did before issue 19): the speaker, the side and how each was found, and how many events have a source
   and a target, and how many have both as real actors (not the placeholder "the speaker's side"); and the
   time finding the speaker and the side takes on it.
2. For the CheckThat! 2019/2020 transcripts, the ClaimBuster debates and the PTC articles: how many
   documents get a speaker and how it was found, and how many speakers (or documents) get a side.
No gold labels: this counts what is found; whether it is right is measured against an annotation.
``--exclude`` leaves out files whose path matches (held-out evaluation documents).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from podium.actors.side import identify
from podium.analysers.actors import ActorAnalyser
from podium.analysers.entities import EntityAnalyser
from podium.analysers.events import EventAnalyser
from podium.document import Document
from podium.ingest import load
from podium.pipeline import Pipeline
from podium.segment import segment

CORPORA = {
    "checkthat2019": "checkthat2019-t1/train/*.tsv",
    "ct2020-t5": "ct2020-t5/train/*.tsv",
    "claimbuster": "claimbuster/debate_transcripts/*.txt",
    "ptc": "ptc-semeval2020/train/articles/*.txt",
}


def events_summary(doc: Document) -> tuple[int, int, int]:
    events = [e for e in doc.events if not e.negated]
    both = [e for e in events if e.source and e.target]
    real = [e for e in both if "SPEAKER_SIDE" not in (e.source, e.target)]
    return len(events), len(both), len(real)


def syria(samples: Path) -> None:
    pipeline = Pipeline([EntityAnalyser(), ActorAnalyser(), EventAnalyser()])
    path = samples / "speech-syria-2024-12.txt"
    for label, strip in (("without speaker (before)", True), ("found in the document", False)):
        doc = load(str(path))
        segment(doc)
        if strip:
            doc.meta.header = [h for h in doc.meta.header if h.attrs.get("kind") != "title"]
            doc.meta.title = None
            doc.meta.extras["sides"] = [
                {"speaker": None, "actor": None, "name": None, "how": "unknown", "evidence": []}
            ]
        else:
            identify(doc)
        pipeline(doc)
        side = (doc.meta.extras.get("sides") or [{}])[0]
        found = (doc.meta.extras.get("speakers_found") or [{}])[0]
        n, both, real = events_summary(doc)
        if not strip:
            runs = []
            for _ in range(9):
                fresh = load(str(path))
                segment(fresh)
                start = time.perf_counter()
                identify(fresh)
                runs.append(time.perf_counter() - start)
            print(
                f"[syria] finding the speaker and the side: {statistics.median(runs) * 1000:.1f} ms "
                "(median of 9)"
            )
        print(
            f"[syria] {label}: speaker {doc.meta.speakers or '-'} ({found.get('how', '-')}), "
            f"side {side.get('name') or 'unknown'} ({side.get('how')}); events {n}, "
            f"with source and target {both}, both real actors {real}"
        )


def corpora(data: Path, exclude: re.Pattern[str] | None, limit: int) -> None:
    for name, pattern in CORPORA.items():
        paths = sorted(data.glob(pattern))
        paths = [p for p in paths if exclude is None or not exclude.search(str(p))][: limit or None]
        if not paths:
            continue
        how: Counter[str] = Counter()
        with_speaker = with_side = speakers = sided = 0
        t = time.perf_counter()
        for path in paths:
            doc = load(str(path))
            segment(doc)
            identify(doc)
            found = doc.meta.extras.get("speakers_found") or []
            people = [
                f
                for f in found
                if f.get("actor") or f.get("actor_name") or f.get("how") != "transcript labels"
            ]
            if doc.meta.speakers:
                with_speaker += 1
                how.update({f.get("how") for f in found})
            sides = doc.meta.extras.get("sides") or []
            speakers += len(people)
            sided += sum(1 for s in sides if s.get("actor"))
            with_side += any(s.get("actor") for s in sides)
        hows = ", ".join(f"{k} {v}" for k, v in how.most_common())
        print(
            f"[{name}] {len(paths)} documents: {with_speaker} with a speaker ({hows}); "
            f"{speakers} speakers named or resolved, {sided} with a side; {with_side} documents with a side "
            f"({time.perf_counter() - t:.1f} s)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--samples", type=Path, default=Path("../shared/samples"))
    parser.add_argument("--exclude", help="regular expression: leave out files whose path matches")
    parser.add_argument("--limit", type=int, default=0, help="at most this many documents per corpus")
    args = parser.parse_args()
    syria(args.samples)
    corpora(args.data, re.compile(args.exclude) if args.exclude else None, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
