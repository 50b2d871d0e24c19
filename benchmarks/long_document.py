"""Time and peak memory of ``podium analyze`` on long transcripts built from the public debate data.

Usage: python benchmarks/long_document.py DATA [--sizes 100k,1M,3M,10M] [--format json] [--reference FILE]
                                              [--compare-pieces] [--keep DIR]

DATA is the shared data folder (``../shared/data``): the ClaimBuster debate transcripts (speaker-labelled
plain text) and the CheckThat! 2019 debates (as ``SPEAKER: line`` paragraphs) are joined, cycling through
them, into one text per size, cut at a paragraph boundary. Nothing from DATA is written outside a temporary
folder (or ``--keep DIR``). Each text is analysed by a ``podium analyze`` subprocess (``--timeout 0``);
its wall time, words/s and peak memory are printed: the peak resident memory of the main process and of
the whole process tree (main process + technique helper), polled from /proc every 50 ms, and the
largest child's ``ru_maxrss``. ``--reference FILE`` runs the same on FILE (the Syria sample) and on a
ten-word file, and prints each size's time per word, start-up (the ten-word run) taken off, against the
reference's. ``--compare-pieces`` also analyses each long text's pieces (the chunks podium cuts it into)
as separate files and counts the sentences whose results differ.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

_UNITS = {"k": 1_000, "M": 1_000_000}
DATE = "2020-01-01"


def parse_size(value: str) -> int:
    if value[-1] in _UNITS:
        return int(float(value[:-1]) * _UNITS[value[-1]])
    return int(value)


def debate_paragraphs(data: Path) -> Iterator[str]:
    """Paragraphs of the public debates, in a fixed order."""
    for path in sorted((data / "claimbuster" / "debate_transcripts").glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        yield from (p.strip() for p in text.split("\n\n") if p.strip())
    for path in sorted((data / "checkthat2019-t1").rglob("*.tsv")):
        with path.open(encoding="utf-8", errors="replace") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) >= 3 and row[2].strip():
                    yield f"{row[1].strip() or 'SPEAKER'}: {row[2].strip()}"


def build_text(data: Path, size: int) -> str:
    """Paragraphs of the debates, cycling, joined by blank lines until ``size`` characters."""
    parts: list[str] = []
    total = 0
    while total < size:
        before = total
        for paragraph in debate_paragraphs(data):
            if total + len(paragraph) + 2 > size and parts:
                total = size
                break
            parts.append(paragraph)
            total += len(paragraph) + 2
        if total == before:
            raise SystemExit(f"no debate text under {data}")
    return "\n\n".join(parts) + "\n"


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """Resident memory (kB) of ``root`` and of ``root`` with all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return rss.get(root, 0), total


def run_analyze(path: Path, out: Path, fmt: str) -> dict[str, float]:
    """Run ``podium analyze`` on ``path``; wall seconds and peak memory (MB)."""
    podium = str(Path(sys.executable).with_name("podium"))
    cmd = [podium, "analyze", str(path), "-f", fmt, "-o", str(out), "-q", "--timeout", "0", "--date", DATE]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    main_peak = tree_peak = 0
    while proc.poll() is None:
        main, tree = _tree_rss_kb(proc.pid)
        main_peak, tree_peak = max(main_peak, main), max(tree_peak, tree)
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"podium analyze {path} failed ({proc.returncode}): {proc.stderr.read()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"seconds": seconds, "cpu": cpu, "main_mb": main_peak / 1024, "tree_mb": tree_peak / 1024,
            "child_mb": after.ru_maxrss / 1024}  # fmt: skip


def sentence_results(path: Path, base: int = 0) -> dict[tuple[int, int], list[tuple[object, ...]]]:
    """Per sentence (document offsets + ``base``): its claim score and spans relative to the sentence."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sentences = sorted((s["start"], s["end"]) for s in data["sentences"])
    starts = [s for s, _ in sentences]
    from bisect import bisect_right

    out: dict[tuple[int, int], list[tuple[object, ...]]] = {(s + base, e + base): [] for s, e in sentences}
    for span in data["spans"]:
        i = bisect_right(starts, span["start"]) - 1
        if i < 0 or span["end"] > sentences[i][1]:
            continue
        s, e = sentences[i]
        rel = (span["layer"], span["label"], span["start"] - s, span["end"] - s, span["score"])
        out[(s + base, e + base)].append(rel)
    for value in out.values():
        value.sort(key=repr)
    return out


def compare_pieces(text_path: Path, out_json: Path, work: Path) -> tuple[int, int]:
    """Analyse each chunk of the long text alone; (sentences compared, sentences that differ)."""
    from podium.chunking import chunk_ranges
    from podium.ingest import load
    from podium.segment import segment

    doc = segment(load(str(text_path)))
    whole = sentence_results(out_json)
    compared = differ = 0
    for k, chunk in enumerate(chunk_ranges(doc)):
        start = 0 if k == 0 else chunk.start
        piece = work / f"piece{k}.txt"
        piece.write_text(doc.text[start : chunk.end], encoding="utf-8")
        run_analyze(piece, work / f"piece{k}.json", "json")
        alone = sentence_results(work / f"piece{k}.json", start)
        for key, value in alone.items():
            compared += 1
            differ += whole.get(key) != value
    return compared, differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--sizes", default="100k,1M,3M,10M")
    parser.add_argument("--format", default="json", help="output format of the runs (json, html, ...)")
    parser.add_argument("--reference", type=Path, help="a speech to compare the time per word with")
    parser.add_argument("--compare-pieces", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the generated texts and outputs in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        per_word_ref = startup = cpu_ref = startup_cpu = None
        if args.reference:
            tiny = work / "tiny.txt"
            tiny.write_text("The minister said that 40 percent of the budget went to schools.\n")
            tiny_run = run_analyze(tiny, work / "tiny.out", args.format)
            startup, startup_cpu = tiny_run["seconds"], tiny_run["cpu"]
            words = len(args.reference.read_text(encoding="utf-8").split())
            ref = run_analyze(args.reference, work / "reference.out", args.format)
            per_word_ref = (ref["seconds"] - startup) / words
            cpu_ref = (ref["cpu"] - startup_cpu) / words
            print(f"start-up (ten-word input): {startup:.2f} s")
            print(
                f"reference {args.reference.name}: {words:,} words, {ref['seconds']:.2f} s, "
                f"{per_word_ref * 1e6:.0f} µs/word after start-up (CPU {ref['cpu']:.1f} s), "
                f"peak {ref['tree_mb']:.0f} MB"
            )
        for size_arg in args.sizes.split(","):
            size = parse_size(size_arg)
            text = build_text(args.data, size)
            path = work / f"long-{size_arg}.txt"
            path.write_text(text, encoding="utf-8")
            words = len(text.split())
            out = work / f"long-{size_arg}.{args.format}"
            r = run_analyze(path, out, args.format)
            line = (
                f"{size_arg:>5}: {len(text.encode()):>10,} bytes {words:>9,} words  {r['seconds']:7.1f} s "
                f"{words / r['seconds']:7,.0f} words/s (CPU {r['cpu']:.0f} s)  "
                f"peak RSS main {r['main_mb']:6.0f} MB, with helper {r['tree_mb']:6.0f} MB "
                f"(largest child ru_maxrss {r['child_mb']:.0f} MB)"
            )
            if per_word_ref is not None and startup is not None and cpu_ref and startup_cpu is not None:
                per_word = (r["seconds"] - startup) / words
                cpu_word = (r["cpu"] - startup_cpu) / words
                line += (
                    f"  {per_word * 1e6:.0f} µs/word = {per_word / per_word_ref:.2f}x reference "
                    f"(CPU {cpu_word * 1e6:.0f} µs/word = {cpu_word / cpu_ref:.2f}x)"
                )
            print(line, flush=True)
            if args.compare_pieces and args.format == "json":
                compared, differ = compare_pieces(path, out, work)
                print(f"       pieces analysed alone: {differ} of {compared} sentences differ", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
