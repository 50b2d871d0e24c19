"""Podium's attributions against blind attribution annotations of real articles outside the real-text
benchmark (a development set: its errors may be read and rules made from them; the benchmark's dev2 and
test third are then the check that they carry over).

Usage: python training/realtext_diagnosis/attributions.py --data ../shared/data
           [--gold training/realtext_diagnosis/attributions/*.jsonl] [--show-errors]

The annotation files hold one record per line that has an attribution (GUIDELINES.md, section 3), so every
line of an annotated document is scored: a line without a record has no attribution. The scorer is
``benchmarks/realtext.py``'s.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "benchmarks"))

import realtext  # noqa: E402


def score(data: Path, records: dict[str, list[dict[str, Any]]], tally: realtext.Tally) -> None:
    for doc, recs in sorted(records.items()):
        path = realtext.source_path(data, doc)
        result = realtext.analyse(path)
        text = result["text"]
        ranges = realtext.line_ranges(path, result)
        gold = {r["line"]: r.get("attributions") or [] for r in recs if "line" in r}
        by_line: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for span in result["spans"]:
            if span["layer"] != "attribution":
                continue
            at = span["attrs"].get("cue_span", [span["start"]])[0]
            number = next((n for n, (a, b) in ranges.items() if a <= at < b), None)
            if number is not None:
                by_line[number].append(span)
        for number in sorted(set(gold) | set(by_line)):
            if number in ranges:
                realtext.score_attributions(
                    text, ranges[number], gold.get(number, []), by_line[number], tally, f"{doc}:{number}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument(
        "--gold", type=Path, nargs="+", default=sorted((HERE / "attributions").glob("*.jsonl"))
    )
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    records: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in args.gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            records[record["doc"]].append(record)
    tally = realtext.Tally()
    score(args.data, records, tally)
    print(f"# {len(records)} documents ({', '.join(p.name for p in args.gold)})")
    print("| measure | P | R | F1 | gold | predicted |\n|---|---|---|---|---|---|")
    print(tally.line("attributions"))
    if args.show_errors:
        print("\n".join(tally.errors))


if __name__ == "__main__":
    main()
