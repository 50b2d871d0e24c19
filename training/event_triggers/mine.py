"""Mine event triggers from blind event annotations of real documents into rows of the event lexicon
(issue 19, part 6: the ways real texts say force, aid and pressure, mined from the transcripts and articles
of ``../shared/data`` for the data files). The rows go to ``mined_rows.csv`` here; podium reads them only
once written to ``podium/resources/actors/plover_mined.csv`` (``--out``), after they hold up on the
real-text benchmark.

Usage: python training/event_triggers/mine.py --data ../shared/data
           --annotations training/event_triggers/annotations/*.jsonl
           [--out training/event_triggers/mined_rows.csv] [--min-count 2] [--min-typed 2] [--dry-run]

1. Each coded event's trigger is found in its line, the line is parsed with podium's spaCy model, and the
   trigger's head word gives a (part of speech, lemma) and the annotators' type.
2. A candidate row is a (part of speech, lemma) coded at least ``--min-count`` times, with one type for at
   least 60% of them, that the hand-made lexicon (``plover.csv``) does not have, and that is neither a verb
   of too many senses ("take", "make", "give", ...) nor a reporting verb ("claim", "suggest": what they
   report makes the event, and the attribution layer has them).
3. Podium runs on the same documents with the hand-made lexicon plus every candidate. A candidate is kept
   when at least ``--min-typed`` (2) of podium's events from it there, and at least half of them, are of a
   type coded on their line (whether source and target are right too, as ``benchmarks/realtext.py`` scores
   them, is printed; it depends on the rest of the extractor more than on the word).

The documents are drawn by ``select_documents.py``; none is in the real-text benchmark, so
``benchmarks/realtext.py`` on dev, dev2, dev3 and test measures the mined rows on text they were not mined
from.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import realtext  # noqa: E402

from podium.actors.gazetteer import read_resource  # noqa: E402
from podium.actors.lexicon import build_lexicon, noun_forms, verb_forms  # noqa: E402
from podium.resources.anatomy_lexicon import SPEECH_CUES, THAT_CUES  # noqa: E402

#: Verbs of too many senses to be a trigger on their own (they are light verbs or idioms in plover.csv).
TOO_GENERAL = frozenset(
    """
    be have do say make get go take give come put set call tell know think want see need use let keep
    bring leave stand run turn hold show move play pay look find stop start
    """.split()  # noqa: SIM905
)
#: Reporting verbs (the attribution layer's cues): what they report, not the verb, makes an event.
REPORTING = frozenset(SPEECH_CUES | THAT_CUES)
HEADER = (
    "# Event triggers mined from blind event annotations of real documents (issue 19, part 6), written by\n"
    "# training/event_triggers/mine.py; do not edit by hand (add hand-made rows to plover.csv).\n"
    "# evidence: coded = events the annotators coded with this head word (of its type); podium = its events\n"
    "# on the annotated documents, how many of a type coded on their line, how many wholly right.\n"
    "pos,lemma,type,particle,forms,object,evidence\n"
)


def read_annotations(paths: list[Path]) -> dict[str, dict[int, list[dict[str, Any]]]]:
    docs: dict[str, dict[int, list[dict[str, Any]]]] = defaultdict(dict)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if "line" in record:
                docs[record["doc"]][int(record["line"])] = record.get("events") or []
            else:
                docs[record["doc"]].setdefault(0, [])  # the document record: the document was annotated
    return docs


def line_texts(data: Path, doc: str) -> dict[int, str]:
    path = realtext.source_path(data, doc)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".tsv":
        rows = (row.split("\t") for row in text.splitlines())
        return {int(c[0]): c[2] for c in rows if len(c) > 2 and c[0].isdigit()}
    return {n: line for n, line in enumerate(text.splitlines(), 1)}


def trigger_heads(data: Path, docs: dict[str, dict[int, list[dict[str, Any]]]]) -> dict[tuple, Counter]:
    """(pos, lemma) of each coded trigger's head word -> Counter of the coded types."""
    from podium.nlp import load_spacy

    nlp = load_spacy()
    heads: dict[tuple, Counter] = defaultdict(Counter)
    for doc, lines in docs.items():
        texts = line_texts(data, doc)
        for number, events in lines.items():
            text = texts.get(number, "")
            if not events or not text:
                continue
            parsed = nlp(text)
            for event in events:
                at = text.find(event.get("trigger") or "\0")
                if at < 0:
                    at = text.lower().find((event.get("trigger") or "\0").lower())
                if at < 0:
                    continue
                span = parsed.char_span(at, at + len(event["trigger"]), alignment_mode="expand")
                if span is None:
                    continue
                head = span.root
                pos = {"VERB": "verb", "NOUN": "noun"}.get(head.pos_)
                if pos is not None and head.lemma_.isalpha():
                    heads[(pos, head.lemma_.lower())][event["type"]] += 1
    return heads


def candidates(heads: dict[tuple, Counter], min_count: int) -> dict[tuple, tuple[str, int, int]]:
    """(pos, lemma) -> (type, coded with that type, coded in all) for the rows worth trying."""
    base = build_lexicon([read_resource("plover.csv")])
    out = {}
    for (pos, lemma), types in heads.items():
        (kind, n), total = types.most_common(1)[0], sum(types.values())
        known = base.lookup(pos, lemma) or lemma in base.light  # "impose" lends its subject to a noun
        known = known or (pos == "verb" and lemma in REPORTING)  # "claimed responsibility": no accusation
        if total < min_count or n / total < 0.6 or lemma in TOO_GENERAL or known:
            continue
        out[(pos, lemma)] = (kind, n, total)
    return out


def run_podium(
    data: Path, docs: dict[str, dict[int, list[dict[str, Any]]]], table: str, plan: dict[str, int]
) -> list[tuple[str, int, dict[str, Any], str, list[dict[str, Any]]]]:
    """Podium's events on the annotated lines with the hand-made lexicon and ``table`` (mined rows):
    (doc, line, event, trigger word, the line's coded events)."""
    from podium.analyze import analyze_document
    from podium.ingest import load
    from podium.outputs.json_out import to_dict
    from podium.pipeline import Pipeline

    lexicon = build_lexicon([read_resource("plover.csv"), table])
    out = []
    for doc, lines in sorted(docs.items()):
        path = realtext.source_path(data, doc)
        pipeline = Pipeline.from_names(realtext.ANALYSERS)
        for analyser in pipeline.analysers:
            if analyser.name == "event":
                analyser._lexicon = lexicon  # type: ignore[attr-defined]
        document = load(str(path))
        analyze_document(document, pipeline)
        result = to_dict(document)
        ranges = realtext.line_ranges(path, result)
        starts = [s["start"] for s in result["sentences"]]
        last = plan.get(doc, 999)
        for event in result.get("events") or []:
            at = starts[event["sentence"]]
            number = next((n for n, (a, b) in ranges.items() if a <= at < b), None)
            if number is None or number > last:
                continue
            word = result["text"][event["trigger"][0] : event["trigger"][1]].lower()
            out.append((doc, number, event, word, lines.get(number, [])))
    return out


def wholly_right(event: dict[str, Any], coded: list[dict[str, Any]]) -> bool:
    return any(realtext.event_right(event, g) for g in coded)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--annotations", type=Path, nargs="+", required=True)
    parser.add_argument("--out", type=Path, default=HERE / "mined_rows.csv", help="where to write the rows")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--min-typed", type=int, default=2, help="podium events of a coded type a row needs")
    parser.add_argument("--dry-run", action="store_true", help="print the rows, write nothing")
    args = parser.parse_args()
    from select_documents import plan

    last = {doc: end for docs in plan(args.data).values() for doc, _, end in docs}
    docs = read_annotations(args.annotations)
    n_events = sum(len(e) for lines in docs.values() for e in lines.values())
    print(f"# {len(docs)} documents, {n_events} coded events")
    heads = trigger_heads(args.data, docs)
    tried = candidates(heads, args.min_count)
    print(f"# {len(heads)} trigger head words; {len(tried)} candidate rows")
    table = "pos,lemma,type,particle,forms,object\n" + "".join(
        f"{pos},{lemma},{kind},,,\n" for (pos, lemma), (kind, _, _) in sorted(tried.items())
    )
    found = run_podium(args.data, docs, table, last)
    tally: dict[tuple, Counter] = defaultdict(Counter)
    for _doc, _number, event, word, coded in found:
        for (pos, lemma), (kind, _, _) in tried.items():
            forms = verb_forms(lemma) if pos == "verb" else noun_forms(lemma)
            if word in forms and event["type"] == kind:
                tally[(pos, lemma)]["events"] += 1
                tally[(pos, lemma)]["typed"] += any(g["type"] == kind for g in coded)
                tally[(pos, lemma)]["right"] += wholly_right(event, coded)
    base = build_lexicon([read_resource("plover.csv")])
    for (pos, lemma), types in sorted(heads.items()):
        known = {t.type for t in base.lookup(pos, lemma) if t.particle is None and not t.objects}
        (kind, n), total = types.most_common(1)[0], sum(types.values())
        if known and kind not in known and total >= 3 and n / total >= 0.7:
            print(f"# annotators code {pos} {lemma} as {kind} ({n} of {total}); plover.csv: {sorted(known)}")
    rows = []
    print("| row | coded | podium events | type-right | wholly right | kept |\n|---|---|---|---|---|---|")
    for (pos, lemma), (kind, n, total) in sorted(tried.items()):
        t = tally[(pos, lemma)]
        keep = t["typed"] >= args.min_typed and t["typed"] / t["events"] >= 0.5
        print(
            f"| {pos} {lemma} {kind} | {n}/{total} | {t['events']} | {t['typed']} | {t['right']} | {keep} |"
        )
        if keep:
            evidence = (
                f"coded {n} of {total}; podium {t['events']}, {t['typed']} type-right, {t['right']} right"
            )
            rows.append(f"{pos},{lemma},{kind},,,,{evidence}\n")
    right = sum(wholly_right(e, coded) for _, _, e, _, coded in found)
    print(f"# with every candidate: {len(found)} podium events on the annotated lines, {right} wholly right")
    print(f"# kept {len(rows)} rows")
    if not args.dry_run:
        args.out.write_text(HEADER + "".join(rows), encoding="utf-8")
        print(f"# wrote {args.out}")


if __name__ == "__main__":
    main()
