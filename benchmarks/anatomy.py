"""Claim anatomy benchmark: precision/recall/F1 per layer on hand-annotated sentences, and speed.

Usage: python benchmarks/anatomy.py [--data benchmarks/data/anatomy] [--speech FILE] [--repeat N]
                                   [--no-speed] [--no-blind] [--no-blind6] [--no-blind7]
                                   [--errors SPLIT]

For each layer (quantity, time, attribution, hedge, citation) it prints P/R/F1 three ways: spans equal
(exact), spans overlapping (overlap), and overlapping with the normalised attributes right (attr) — the
criterion of issue 4: quantities value, unit (head word) and approximation; times the ISO value;
attributions source (head word) and cue; citations kind, work and numbers; hedges the kind.

Splits (by file name prefix; ``benchmarks/data/anatomy/README.md`` tells their history): ``dev_*`` were
used to tune the rules; ``test_*`` were written with them; ``holdout_*`` and ``blind_*`` to ``blind5_*``
were each written blind to the rules by annotators who saw only the README conventions, scored once,
and then their errors were read and used for tuning, and so were ``blind6_*``; ``blind7_*`` are the
untouched blind split, printed as aggregate scores only (``--errors`` refuses them; ``--no-blind7``
leaves them unread, ``--no-blind6`` leaves blind6 unread, ``--no-blind`` leaves every blind split
unread). A file with a line that is not
valid JSON (being written) is skipped with a warning. Scores are printed for each split and for all of
them together; claim types are scored as accuracy per sentence.

``--errors SPLIT`` prints, for a tuning split, every gold span with no prediction right under the attr
criterion (with what was predicted over it), every exact-extent miss, every spurious prediction and every
wrong claim type. Last, the time the anatomy analysers add to the rest of the installed pipeline on a
long speech (the bundled sample unless ``--speech`` is given).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LAYERS = ("quantity", "time", "attribution", "hedge", "citation")

TUNING = ("dev", "test", "holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6")
BLIND = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")
LABELS = {
    "dev": "dev (used for tuning)",
    "test": "test (written with dev; its totals were seen while tuning, its errors read later)",
    "holdout": "holdout (written blind; its errors were used for tuning on 2026-11-25)",
    "blind": "blind (written blind; its errors were used for tuning on 2026-11-25)",
    "blind2": "blind2 (written blind; its errors were used for tuning on 2026-11-25)",
    "blind3": "blind3 (written blind; its errors were used for tuning on 2026-11-25)",
    "blind4": "blind4 (written blind; its errors were used for tuning on 2026-11-25)",
    "blind5": "blind5 (written blind; its errors were used for tuning on 2026-11-25)",
    "blind6": "blind6 (written blind; its errors were used for tuning on 2026-11-25)",
    "blind7": "blind7 (written 2026-11-25 by annotators who saw only the README conventions)",
}


def _read(path: Path) -> list[dict[str, Any]] | None:
    """The records of one file, or None (with a warning) if a line is not valid JSON (a half-written file)."""
    recs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            print(f"warning: {path.name} line {n} is not valid JSON; file skipped", file=sys.stderr)
            return None
        if not isinstance(rec, dict) or not {"text", "spans"} <= rec.keys():
            print(f"warning: {path.name} line {n} is not a record; file skipped", file=sys.stderr)
            return None
        recs.append(rec)
    return recs


def analysers() -> list[Any]:
    from podium.analysers.attributions import AttributionAnalyser
    from podium.analysers.citations import CitationAnalyser
    from podium.analysers.claim_types import ClaimTypeAnalyser
    from podium.analysers.hedges import HedgeAnalyser
    from podium.analysers.quantities import QuantityAnalyser
    from podium.analysers.times import TimeAnalyser

    return [QuantityAnalyser(), TimeAnalyser(), AttributionAnalyser(), HedgeAnalyser(), CitationAnalyser(),
            ClaimTypeAnalyser()]  # fmt: skip


def _head(text: Any) -> str:
    words = str(text or "").lower().replace("’", "'").split()
    return words[-1].strip(".,;:'\"") if words else ""


def _value_ok(gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is pred
    return abs(float(gold) - float(pred)) <= 1e-3 * max(1.0, abs(float(gold)))


def attrs_ok(layer: str, gold: dict[str, Any], pred: dict[str, Any], label: str) -> bool:
    """The issue's attribute criterion for one matched pair."""
    if layer == "quantity":
        return (
            _value_ok(gold["value"], pred.get("value"))
            and _head(gold.get("unit")) == _head(pred.get("unit"))
            and gold.get("approx", "=") == pred.get("approx")
        )
    if layer == "time":
        return gold["iso"] == pred.get("iso")
    if layer == "attribution":
        cue_g, cue_p = gold["cue"].lower(), str(pred.get("cue", "")).lower()
        return _head(gold["source"]) == _head(pred.get("source")) and (cue_g in cue_p or cue_p in cue_g)
    if layer == "hedge":
        return gold["kind"] == label
    if layer == "citation":
        keys = [k for k in ("chapter", "verse", "verse_end", "number") if gold.get(k) is not None]
        same_work = str(gold.get("work") or "").lower() == str(pred.get("work") or "").lower()
        return gold["kind"] == label and same_work and all(str(gold[k]) == str(pred.get(k)) for k in keys)
    return True


def match(gold: list[dict[str, Any]], pred: list[Any], test: Callable[[dict[str, Any], Any], bool]) -> int:
    """Greedy one-to-one matching; returns the number of matched pairs."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and test(g, p):
                used.add(i)
                hits += 1
                break
    return hits


def _overlap(g: dict[str, Any], p: Any) -> bool:
    return g["start"] < p.end and p.start < g["end"]


def score(records: list[dict[str, Any]]) -> tuple[dict[str, dict[str, list[int]]], tuple[int, int]]:
    """Counts per layer and criterion: [true positives, predicted, gold]; claim-type (right, total)."""
    from podium.document import Document, Meta
    from podium.pipeline import Pipeline
    from podium.segment import segment

    pipeline = Pipeline(analysers())
    counts = {layer: {c: [0, 0, 0] for c in ("exact", "overlap", "attr")} for layer in LAYERS}
    types = [0, 0]
    for rec in records:
        doc = pipeline(segment(Document(rec["text"], Meta(date=rec.get("date")))))
        for layer in LAYERS:
            gold, pred = rec["spans"][layer], doc.layer(layer)
            tests = {
                "exact": lambda g, p: g["start"] == p.start and g["end"] == p.end,
                "overlap": _overlap,
                "attr": lambda g, p, layer=layer: (
                    _overlap(g, p) and attrs_ok(layer, g["attrs"], p.attrs, p.label)
                ),
            }
            for name, test in tests.items():
                c = counts[layer][name]
                c[0] += match(gold, pred, test)
                c[1] += len(pred)
                c[2] += len(gold)
        if rec.get("claim_type"):
            labels = [s.label for s in doc.layer("claim_type")]
            types[0] += int(bool(labels) and labels[0] == rec["claim_type"])
            types[1] += 1
    return counts, (types[0], types[1])


def errors(records: list[dict[str, Any]]) -> None:
    """Print each record's gold spans not matched by a prediction, and predictions matching no gold."""
    from podium.document import Document, Meta
    from podium.pipeline import Pipeline
    from podium.segment import segment

    pipeline = Pipeline(analysers())
    for rec in records:
        doc = pipeline(segment(Document(rec["text"], Meta(date=rec.get("date")))))
        text = rec["text"]
        lines = []
        for layer in LAYERS:
            gold, pred = rec["spans"][layer], doc.layer(layer)
            used: set[int] = set()
            missed = []
            for g in gold:
                for i, p in enumerate(pred):
                    if i not in used and _overlap(g, p) and attrs_ok(layer, g["attrs"], p.attrs, p.label):
                        if g["start"] == p.start and g["end"] == p.end:
                            used.add(i)
                            break
                        used.add(i)
                        missed.append((g, p))
                        break
                else:
                    missed.append((g, None))
            for g, p in missed:
                if p is not None:
                    lines.append(f"  {layer:<11} extent gold {g['text']!r} pred {text[p.start : p.end]!r}")
                    continue
                near = [q for i, q in enumerate(pred) if i not in used and _overlap(g, q)]
                got = "; ".join(f"{text[q.start : q.end]!r} {q.label} {q.attrs}" for q in near) or "nothing"
                lines.append(f"  {layer:<11} gold {g['text']!r} {g['attrs']}\n{'':14}pred {got}")
                used.update(pred.index(q) for q in near)
            lines += [f"  {layer:<11} spurious {text[p.start : p.end]!r} {p.label} {p.attrs}"
                      for i, p in enumerate(pred) if i not in used]  # fmt: skip
        if rec.get("claim_type"):
            labels = [s.label for s in doc.layer("claim_type")]
            if not labels or labels[0] != rec["claim_type"]:
                lines.append(f"  claim_type  gold {rec['claim_type']} pred {labels[0] if labels else None}")
        if lines:
            print(f"\n{rec['id']}: {rec['text']}")
            print("\n".join(lines))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, records: list[dict[str, Any]]) -> None:
    counts, (right, total) = score(records)
    print(f"\n== {name}: {len(records)} records ==")
    head = "   ".join(f"{c:^17}" for c in ("exact", "overlap", "attr"))
    print(f"{'layer':<12} {'gold':>5} {'pred':>5}   {head}")
    print(f"{'':<12} {'':>5} {'':>5}   " + "   ".join(f"{'P     R     F1':^17}" for _ in range(3)))
    for layer in LAYERS:
        c = counts[layer]
        cells = "   ".join("{:.2f}  {:.2f}  {:.2f}".format(*prf(*c[k])) for k in ("exact", "overlap", "attr"))
        print(f"{layer:<12} {c['exact'][2]:>5} {c['exact'][1]:>5}   {cells}")
    print(f"claim_type accuracy: {right}/{total} = {right / total if total else 0:.2f}")


def speed(path: Path, repeat: int) -> None:
    """Median time of the rest of the installed pipeline and of the anatomy analysers alone."""
    from podium.analyze import analyze_document
    from podium.ingest import load
    from podium.pipeline import Pipeline
    from podium.segment import segment

    ours = analysers()
    base = Pipeline.from_names(skip=[a.name for a in ours if a.name in _installed_names()])
    anatomy = Pipeline(ours)
    analyze_document(load(str(path)), base)  # load models once
    t_base, t_anatomy = [], []
    for _ in range(repeat):  # interleaved, so that load from other processes hits both alike
        doc = load(str(path))
        start = time.perf_counter()
        analyze_document(doc, base)
        t_base.append(time.perf_counter() - start)
        doc = segment(load(str(path)))
        start = time.perf_counter()
        anatomy(doc)
        t_anatomy.append(time.perf_counter() - start)
    b, a = statistics.median(t_base), statistics.median(t_anatomy)
    words = load(str(path)).word_count()
    rest = ", ".join(x.name for x in base.analysers) or "segmentation only"
    print(f"\nspeed on {path.name} ({words} words), median of {repeat} interleaved runs:")
    print(f"  ingest + segment + rest of pipeline ({rest}): {b:.3f} s")
    print(f"  anatomy analysers ({', '.join(x.name for x in ours)}): {a:.3f} s = +{100 * a / b:.1f}%")


def _installed_names() -> set[str]:
    from podium.pipeline import installed

    return set(installed())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "benchmarks" / "data" / "anatomy")
    parser.add_argument("--speech", type=Path, default=REPO / "samples" / "speech-harbor-accord.txt")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument("--errors", choices=TUNING, metavar="SPLIT",
                        help="print each mismatch: a tuning split (dev ... blind6)")  # fmt: skip
    parser.add_argument("--no-blind", action="store_true", help="leave every blind*_ file unread")
    parser.add_argument("--no-blind6", action="store_true", help="leave the blind6_* files unread")
    parser.add_argument("--no-blind7", action="store_true", help="leave the blind7_* files unread")
    args = parser.parse_args()
    if args.errors not in (None, *TUNING):  # argparse refuses it already; never read blind7 one by one
        parser.error("--errors takes dev, test, holdout or blind to blind6, never blind7")
    files = sorted(args.data.glob("*.jsonl"))
    if not files:
        print(f"no *.jsonl files in {args.data}", file=sys.stderr)
        return 2
    split: dict[str, list[dict[str, Any]]] = {name: [] for name in LABELS}
    for f in files:
        kind = f.name.split("_", 1)[0]
        if kind.startswith("blind") and kind not in split:
            continue  # an unknown blind split is never read, let alone counted as dev
        kind = kind if kind in split else "dev"
        skip_blind = (
            (args.no_blind and kind in BLIND)
            or (args.no_blind6 and kind == "blind6")
            or (args.no_blind7 and kind == "blind7")
        )
        if (args.errors and kind != args.errors) or skip_blind:
            continue  # never even read a split whose errors were not asked for (blind7 above all)
        recs = _read(f)
        if recs is not None:
            split[kind].extend(recs)
    if args.errors:
        errors(split[args.errors])
        return 0
    for name, label in LABELS.items():
        if split[name] or name in TUNING[:3]:
            report(label, split[name])
    report("all", [rec for name in LABELS for rec in split[name]])
    if not args.no_speed:
        speed(args.speech, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
