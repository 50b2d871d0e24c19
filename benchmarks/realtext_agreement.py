"""How far two blind annotators of the real-text set agree: the ceiling for the issue-19 targets.

Usage: python benchmarks/realtext_agreement.py --data ../shared/data --second FILE.jsonl [--split dev|dev2]

``FILE.jsonl`` is a second annotation, made under the same blind conditions as the split (only
``GUIDELINES.md``, ``actors.tsv`` and the texts), of some of the split's documents. On every line both
annotated, the second annotation is scored against the first with ``benchmarks/realtext.py``'s own scorer,
exactly as podium's output is: mentions by overlapping span and same actor, attributions by overlapping cue,
the same sourced flag and overlapping source, events by (source, type, target). The first annotation's
``via`` is accepted for the source as for podium; the second annotation's ``via`` is accepted too, so a
person coded with the state they act for matches that state. F1 of one against the other is symmetric
up to that, so it is the agreement.

No podium code runs: only the texts are read. ``dev2`` prints totals only, like ``realtext.py``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.realtext import (  # noqa: E402
    HERE,
    Tally,
    locate,
    read_gold,
    same_actor,
    score_attributions,
    score_events,
    score_mentions,
    source_path,
    surname,
)


def source_lines(path: Path) -> dict[int, str]:
    """The annotated unit of each line number: a TSV row's text, or a physical line of a plain text."""
    if path.suffix == ".tsv":
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            return {int(row[0]): row[2] for row in rows if row and row[0].strip().isdigit() and len(row) > 2}
    raw = path.read_text(encoding="utf-8", errors="replace").split("\n")
    return {number: line.strip() for number, line in enumerate(raw, 1)}


def as_prediction(text: str, record: dict[str, Any]) -> tuple[list[dict], list[dict], list[dict]]:
    """A second annotator's line in the shape of podium's spans and events, located in ``text``."""
    whole = (0, len(text))
    mentions = []
    for m in record.get("mentions", []):
        span = locate(text, whole, m["text"], m.get("n", 1))
        if span:
            mentions.append({"start": span[0], "end": span[1], "label": m["actor"]})
    attributions = []
    for a in record.get("attributions", []):
        cue = locate(text, whole, a.get("cue"))
        source = locate(text, whole, a.get("source"), near=cue) if a.get("source") else None
        attributions.append(
            {
                "label": "attribution" if a.get("sourced", True) else "unsourced",
                "attrs": {
                    "cue_span": list(cue) if cue else None,
                    "source_span": list(source) if source else None,
                },
            }
        )
    return mentions, attributions, list(record.get("events", []))


def _with_second_via(gold: list[dict], pred: list[dict]) -> list[dict]:
    """The second annotator's source, or the state it acts for when that is the first annotator's source."""
    out = []
    for p in pred:
        source = p.get("source")
        via_is_a_source = p.get("via") and any(same_actor(p["via"], g.get("source")) for g in gold)
        own = any(same_actor(source, g.get("source")) or same_actor(source, g.get("via")) for g in gold)
        if via_is_a_source and not own:
            source = p["via"]
        out.append({**p, "source": source})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the ../shared/data folder")
    parser.add_argument("--second", type=Path, action="append", required=True, help="a second annotation")
    parser.add_argument("--split", choices=("dev", "dev2"), default="dev")
    args = parser.parse_args()
    names = {}
    for row in (HERE / "actors.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split("\t")
        names[cells[0]] = cells[2]
    first = read_gold(args.split)
    second: dict[str, list[dict[str, Any]]] = {}
    for path in args.second:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                second.setdefault(record["doc"], []).append(record)
    tally = Tally()
    speakers = [0, 0]
    for doc in sorted(set(first) & set(second)):
        lines = source_lines(source_path(args.data, doc))
        head_a = next(r for r in first[doc] if r.get("record") == "document")
        head_b = next(r for r in second[doc] if r.get("record") == "document")
        named_a = head_a.get("named_by", "none") != "none" and bool(head_a.get("speakers"))
        named_b = head_b.get("named_by", "none") != "none" and bool(head_b.get("speakers"))
        speakers[0] += 1
        speakers[1] += int(
            named_a == named_b
            and sorted(surname(s, names) for s in head_a.get("speakers", []))
            == sorted(surname(s, names) for s in head_b.get("speakers", []))
        )
        by_line = {r["line"]: r for r in second[doc] if "line" in r}
        for record in first[doc]:
            if "line" not in record or record["line"] not in by_line:
                continue
            text = lines.get(record["line"], "")
            where = f"{doc}:{record['line']}"
            tally.counts["lines"] += 1
            whole = (0, len(text))
            mentions, attributions, events = as_prediction(text, by_line[record["line"]])
            score_mentions(text, whole, record.get("mentions", []), mentions, tally, where)
            score_attributions(text, whole, record.get("attributions", []), attributions, tally, where)
            gold_events = record.get("events", [])
            score_events(gold_events, _with_second_via(gold_events, events), tally, where)
    docs = len(set(first) & set(second))
    print(f"# agreement of {', '.join(p.name for p in args.second)} with the {args.split} annotation")
    print(f"({docs} documents, {tally.counts['lines']} lines both annotated; the split's annotation as gold)")
    print("| measure | P | R | F1 | first | second |\n|---|---|---|---|---|---|")
    for part in ("actor mentions", "attributions", "events", "event types", "event sources", "event targets"):
        print(tally.line(part))
    print(f"\nsame speaker reading (named or not, same surnames) in {speakers[1]} of {speakers[0]} documents")


if __name__ == "__main__":
    main()
