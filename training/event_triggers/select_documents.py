"""Draw the real documents that blind annotators code for events, to mine event triggers from (issue 19,
part 6). None of them is in the real-text benchmark (``benchmarks/data/realtext``: dev, dev2, dev3, test,
agreement), so the triggers mined here are checked on sets they were not mined from.

Usage: python training/event_triggers/select_documents.py --data ../shared/data [--seed 2612]

Prints, per annotator, the documents and their line ranges (TSV rows' ``line_number`` or physical lines of
a ``.txt``, counted from 1).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

REALTEXT = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "realtext"


#: ClaimBuster transcripts of a debate the benchmark has from another dataset (the 2012 third presidential
#: debate is ``ct2020-t5/20121023_third_presidential_debate`` in the test third); the first round's draw
#: (2008-09-26) did not reach them, later rounds leave them out.
SAME_AS_BENCHMARK = frozenset({"2012-10-22", "2012-10-23"})


def benchmark_documents() -> set[str]:
    docs = set()
    for path in [*REALTEXT.glob("*.jsonl"), *REALTEXT.glob("agreement/*.jsonl")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            docs.add(json.loads(line)["doc"])
    return docs


def _words(path: Path) -> set[str]:
    return set(re.findall(r"\w+", path.read_text(encoding="utf-8").lower()))


def near_benchmark(data: Path, taken: set[str], limit: float = 0.3) -> set[str]:
    """PTC articles whose words overlap a benchmark article's by more than ``limit`` (Jaccard): the same
    story told again, which would let mined triggers see a benchmark text (used from the second round)."""
    folder = data / "ptc-semeval2020" / "train" / "articles"
    bench = [_words(folder / f"{d[4:]}.txt") for d in taken if d.startswith("ptc/")]
    near = set()
    for path in sorted(folder.glob("*.txt")):
        words = _words(path)
        if any(len(words & b) / len(words | b) > limit for b in bench):
            near.add(f"ptc/{path.stem}")
    return near


def plan(data: Path, seed: int = 2612) -> dict[str, list[tuple[str, int, int]]]:
    """Annotator -> [(doc, first line, last line)]; 999 as the last line means the whole document."""
    taken = benchmark_documents()
    rng = random.Random(seed)
    speeches = sorted(
        f"ct2020-t5/{p.stem}"
        for p in (data / "ct2020-t5" / "train").glob("*.tsv")
        if f"ct2020-t5/{p.stem}" not in taken
        and not any(w in p.stem.lower() for w in ("debate", "gop", "democrats", "pres"))
    )
    articles = []
    for p in sorted((data / "ptc-semeval2020" / "train" / "articles").glob("*.txt")):
        doc = f"ptc/{p.stem}"
        lines = [x for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
        if doc not in taken and 12 <= len(lines) <= 30:
            articles.append(doc)
    debates = sorted(
        f"claimbuster/{p.stem}"
        for p in (data / "claimbuster" / "debate_transcripts").glob("*.txt")
        if f"claimbuster/{p.stem}" not in taken
    )
    first = {
        "I": [(d, 1, 110) for d in rng.sample(speeches, 3)],
        "J": [(d, 1, 999) for d in rng.sample(articles, 12)] + [(rng.choice(debates), 1, 90)],
    }
    # a second, larger round (helpers K-N), drawn with the next seed from what the first left
    done = {doc for docs in first.values() for doc, _, _ in docs}
    rng = random.Random(seed + 1)
    speeches = [d for d in speeches if d not in done]
    near = near_benchmark(data, taken)
    articles = [d for d in articles if d not in done and d not in near]
    debates = [d for d in debates if d not in done and d.split("/")[1] not in SAME_AS_BENCHMARK]
    talks = rng.sample(speeches, 6)
    news = rng.sample(articles, 24)
    return first | {
        "K": [(d, 1, 110) for d in talks[:3]],
        "L": [(d, 1, 110) for d in talks[3:]],
        "M": [(d, 1, 999) for d in news[:14]],
        "N": [(d, 1, 100) for d in rng.sample(debates, 2)] + [(d, 1, 999) for d in news[14:]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2612)
    args = parser.parse_args()
    for annotator, docs in plan(args.data, args.seed).items():
        for doc, first, last in docs:
            print(f"{annotator}\t{doc}\t{first}\t{last}")


if __name__ == "__main__":
    main()
