"""The neutrality audit on real speeches and debates, before and after issue 20, and what it costs.

Usage: python benchmarks/neutrality.py --data ../shared/data [--samples ../shared/samples] [--debates 7]
           [--before GITREF] [--repeat 3] [--json OUT]

Runs ``podium audit neutrality``'s library call (the default pair table) over the Syria speech
(``speech-syria-2024-12.txt``) and the ``--debates`` shortest CheckThat! 2019 files, and prints per
analyser the sentences compared, the largest score change, the changes over 0.02 and the label changes,
and the rhetoric-profile changes. With ``--before REF`` (e.g. the commit before issue 20) it runs the same
audit on that commit's code and models too (exported with ``git archive`` into a temporary folder, with
this checkout's ``podium/audit`` and pair table laid over it, in a child process) and prints both columns.
Then the time of the audit of the Syria speech against a plain analysis of it (same pipeline, same
process, models loaded, the technique helper off in both; median of ``--repeat``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SPEECH = "speech-syria-2024-12.txt"
TOLERANCE = 0.02


def inputs(data: Path, samples: Path, count: int) -> list[Path]:
    debates = sorted((data / "checkthat2019-t1" / "train").glob("*.tsv"))
    files = sorted(debates, key=lambda p: (p.stat().st_size, p.name))
    return [samples / SPEECH, *files[:count]]


def run_audit(paths: list[Path]) -> dict[str, Any]:
    from podium.analyze import analyze_document
    from podium.audit.neutrality import audit
    from podium.audit.pairs import default_pairs
    from podium.ingest import load
    from podium.pipeline import Pipeline

    pipeline = Pipeline.from_names()
    docs = [(p.name, load(str(p))) for p in paths]
    return audit(docs, default_pairs(), lambda d: analyze_document(d, pipeline), TOLERANCE)


def run_before(ref: str, paths: list[Path]) -> dict[str, Any]:
    """The audit on the code and models of ``ref`` (this checkout's audit package laid over it)."""
    with tempfile.TemporaryDirectory(prefix="podium-before-") as tmp:
        root = Path(tmp)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive.stdout, check=True)
        shutil.copytree(REPO / "podium" / "audit", root / "podium" / "audit", dirs_exist_ok=True)
        shutil.copy(REPO / "podium" / "resources" / "swap_pairs.tsv", root / "podium" / "resources")
        out = root / "report.json"
        code = (
            "import json, sys; sys.path.insert(0, sys.argv[1]); "
            "from benchmarks_neutrality_child import run_audit; from pathlib import Path; "
            "json.dump(run_audit([Path(p) for p in sys.argv[3:]]), open(sys.argv[2], 'w'))"
        )
        shutil.copy(Path(__file__), root / "benchmarks_neutrality_child.py")
        env = {**os.environ, "PYTHONPATH": str(root), "PODIUM_HELPER": "0"}
        subprocess.run(
            [sys.executable, "-c", code, str(root), str(out), *map(str, paths)], check=True, env=env, cwd=root
        )
        return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    rows = {
        name: {
            "compared": s["sentences_compared"],
            "max": s["max_change"],
            "over": s["over_tolerance"],
            "labels": s["label_changes_count"],
        }
        for name, s in report["analysers"].items()
    }
    rows["rhetoric profile"] = {"compared": len(report["documents"]), "labels": report["rhetoric_changes"]}
    return rows


def print_table(after: dict[str, Any], before: dict[str, Any] | None) -> None:
    print(
        f"{len(after['documents'])} documents, {after['sentences']} sentences, "
        f"{after['swaps']} names swapped ({after['pairs']} pairs); tolerance {TOLERANCE}"
    )
    a, b = summary(after), summary(before) if before else {}
    head = f"{'analyser':18s} {'compared':>8s}  {'max change':>10s} {'>0.02':>6s} {'labels':>6s}"
    print(head + (f"   | before: {'max change':>10s} {'>0.02':>6s} {'labels':>6s}" if before else ""))
    for name, row in a.items():
        line = (
            f"{name:18s} {row['compared']:8d}  {row.get('max', 0.0):10.4f} {row.get('over', 0):6d} "
            f"{row['labels']:6d}"
        )
        if before:
            old = b.get(name, {})
            old_max, old_over, old_labels = old.get("max", 0.0), old.get("over", 0), old.get("labels", 0)
            line += f"   |         {old_max:10.4f} {old_over:6d} {old_labels:6d}"
        print(line)
    print("(rhetoric profile: 'labels' counts the profile numbers that changed, the names' own rows aside)")
    for label, report in (("after", after), ("before", before)):
        if not report:
            continue
        worst = [
            (c["change"], name, c)
            for name, s in report["analysers"].items()
            for c in s["label_changes"][:3] + s["largest"][:1]
        ]
        for change, name, c in sorted(worst, key=lambda x: -x[0])[:6]:
            print(f"  {label}: {name} {c['kind']} {change:.3f}: {c['original'][:90]!r} -> {c['twin'][:90]!r}")


def timing(speech: Path, repeat: int) -> None:
    os.environ["PODIUM_HELPER"] = "0"
    from podium.analyze import analyze_document
    from podium.audit.neutrality import audit_document
    from podium.audit.pairs import default_pairs
    from podium.audit.swap import Swapper
    from podium.ingest import load
    from podium.pipeline import Pipeline

    pipeline = Pipeline.from_names()
    swapper = Swapper(default_pairs())
    analyze_document(load(str(speech)), pipeline)  # models loaded
    plain, audited = [], []
    for _ in range(repeat):
        doc = load(str(speech))
        t = time.perf_counter()
        analyze_document(doc, pipeline)
        plain.append(time.perf_counter() - t)
        doc = load(str(speech))
        t = time.perf_counter()
        audit_document(doc, speech.name, swapper, lambda d: analyze_document(d, pipeline))
        audited.append(time.perf_counter() - t)
    p, a = statistics.median(plain), statistics.median(audited)
    print(
        f"time on {speech.name}: plain analysis {p:.2f} s, audit {a:.2f} s = {a / p:.2f}x "
        f"(median of {repeat}, models loaded, technique helper off)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--samples", type=Path, default=None, help="default: DATA/../samples")
    parser.add_argument("--debates", type=int, default=7)
    parser.add_argument("--before", default=None, help="a git ref to audit too (the code before the fixes)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="write the after report here")
    args = parser.parse_args()
    samples = args.samples or args.data.parent / "samples"
    paths = [p.resolve() for p in inputs(args.data, samples, args.debates)]
    os.environ.setdefault("PODIUM_HELPER", "0")
    before = run_before(args.before, paths) if args.before else None
    t = time.perf_counter()
    after = run_audit(paths)
    print(f"audit of {len(paths)} documents: {time.perf_counter() - t:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(after, indent=1), encoding="utf-8")
    print_table(after, before)
    timing(samples / SPEECH, args.repeat)


if __name__ == "__main__":
    main()
