"""How often podium attributes the reporting verbs of real news articles: a coverage count, not accuracy.

    python benchmarks/attribution_coverage.py --data ../shared/data [--exclude REGEX] [--show VERB]

Reads every PTC article (``ptc-semeval2020/train/articles``) whose id does not match ``--exclude`` (leave
out the annotated real-text documents: they are scored by ``benchmarks/realtext.py``), segments it, and for
each reporting verb below counts the sentences that contain it and those where podium's attribution finder
(``podium.anatomy.attributions``) returns an attribution with that verb as its cue. A verb can appear
without reporting anything ("told to sit down", "added to the list"), so 100% is not the aim; what moves
between versions is the point. ``--show VERB`` prints up to 20 sentences where that verb got no
attribution. No gold labels: whether each attribution is right is measured on annotated text.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VERBS = """
    said says told added wrote claimed warned stated noted argued explained insisted tweeted asserted
    observed responded pointed according
""".split()  # noqa: SIM905


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the ../shared/data folder")
    parser.add_argument("--exclude", default="", help="regular expression of article ids to leave out")
    parser.add_argument("--show", default="", help="print sentences where this verb got no attribution")
    args = parser.parse_args(argv)
    folder = args.data / "ptc-semeval2020" / "train" / "articles"
    files = sorted(folder.glob("article*.txt"))
    if not files:
        print(f"no articles in {folder}: give --data the folder holding ptc-semeval2020/", file=sys.stderr)
        return 2
    from podium.anatomy.attributions import find_attributions
    from podium.ingest import load
    from podium.segment import segment

    skip = re.compile(args.exclude) if args.exclude else None
    seen, attributed = Counter(), Counter()
    shown: list[str] = []
    articles = 0
    for path in files:
        if skip is not None and skip.search(path.stem):
            continue
        articles += 1
        doc = load(str(path))
        segment(doc)
        for sentence in doc.sentences:
            text = doc.span_text(sentence)
            words = set(re.findall(r"[a-z]+", text.lower()))
            cues = {w for h in find_attributions(text) for w in h.attrs["cue"].lower().split()}
            for verb in VERBS:
                if verb in words:
                    seen[verb] += 1
                    if verb in cues:
                        attributed[verb] += 1
                    elif verb == args.show and len(shown) < 20:
                        shown.append(text[:200])
    print(f"{articles} PTC articles; sentences with the verb, and with an attribution on it:")
    for verb in VERBS:
        if seen[verb]:
            share = attributed[verb] / seen[verb]
            print(f"  {verb:10s} {attributed[verb]:5d} of {seen[verb]:5d}  ({share:.0%})")
    total_seen, total = sum(seen.values()), sum(attributed.values())
    print(f"  {'all':10s} {total:5d} of {total_seen:5d}  ({total / max(total_seen, 1):.0%})")
    for text in shown:
        print("-", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
