"""Speakers, actor mentions, attributions and events on real text, against a blind annotation (issue 19).

Usage: python benchmarks/realtext.py --data ../shared/data [--split dev|dev2|dev3|test|all] [--show-errors]

The gold (``benchmarks/data/realtext/{dev,test}.jsonl``, made by annotators who saw only
``GUIDELINES.md``, ``actors.tsv`` and the texts) names each annotated line of a real transcript or article
in ``../shared/data`` by document and line number and quotes only short spans; this script reads the
texts from ``--data``, analyses each whole document with podium as a user would (the file given to
``podium analyze``), and scores the annotated lines. ``test`` is the untouched third: never tune on it, and
``--show-errors`` refuses to print its errors.

Scored (micro P/R/F1 over all lines of the split):
- **actor mentions**: a predicted mention (pronouns and anaphoric "the regime" left out, as the gold leaves
  out pronouns and generic nouns) is right when it overlaps a gold mention of the same actor; ids compared
  as podium writes them (``new:<slug>`` for actors outside the gazetteer; a surname-only ``new:`` id matches
  a gold full name that ends with it, and a ``new:`` id of several words one whose name has them all, in
  any order ("Health Ministry", "Ministry of Health"); a gold ``NEW:`` name that podium's gazetteer now
  holds, by its full name or a several-word alias, with or without a "US" the annotator put before an
  agency's name, is that gazetteer id).
- **events**: (source, type, target) per line; the source may be the gold source or the state/group the
  gold says it acts for (``via``); ``null`` must match ``null``; multisets, matched greedily.
- **attributions**: the cue overlaps the gold cue (any occurrence of it in the line), sourced/unsourced
  agree, and a gold source (when there is one) overlaps the predicted source span (its occurrence nearest
  that cue).
- **speaker**: documents whose title, byline or labels name a speaker (``named_by`` not ``none``), and the
  share of them whose every named speaker podium found (in ``meta.speakers`` or the turns), by surname.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent / "data" / "realtext"
ANALYSERS = ["entity", "actor", "attribution", "event"]
DATASETS = {
    "ct2020-t5": "ct2020-t5/train/{}.tsv",
    "ct2019": "checkthat2019-t1/train/{}.tsv",
    "claimbuster": "claimbuster/debate_transcripts/{}.txt",
    "ptc": "ptc-semeval2020/train/articles/{}.txt",
}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_gold(split: str) -> dict[str, list[dict[str, Any]]]:
    names = ["dev", "dev2", "dev3", "test"] if split == "all" else [split]
    docs: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        for line in (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                docs.setdefault(record["doc"], []).append(record)
    return docs


def source_path(data: Path, doc: str) -> Path:
    dataset, name = doc.split("/", 1)
    return data / DATASETS[dataset].format(name)


def line_ranges(path: Path, result: dict[str, Any]) -> dict[int, tuple[int, int]]:
    """Document offsets of each source line: a TSV line is the sentence with its ``line_number``; a line of
    a plain text is found in the analysed text in order."""
    text = result["text"]
    if path.suffix == ".tsv":
        return {
            s["attrs"]["line_number"]: (s["start"], s["end"])
            for s in result["sentences"]
            if "line_number" in s.get("attrs", {})
        }
    from podium.document import normalise_text

    ranges: dict[int, tuple[int, int]] = {}
    cursor = 0
    raw = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(normalise_text(raw).split("\n"), 1):
        stripped = line.strip()
        if not stripped:
            continue
        at = text.find(stripped, cursor)
        if at < 0:  # the reader changed the line (a header, a label): find its first words
            at = text.find(stripped[:40], cursor)
        if at < 0:
            continue
        ranges[number] = (at, at + len(stripped))
        cursor = at + len(stripped)
    return ranges


def locate(
    text: str, line: tuple[int, int], needle: str | None, n: int = 1, near: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """Offsets of the ``n``-th occurrence of ``needle`` inside the line ``line`` of ``text`` as whole words
    (a needle starting or ending with a letter or digit is not found inside a longer word: "he" is not in
    "the", "I" not in "In"); with ``near`` (a span), the occurrence closest to it instead. When there are
    fewer than ``n`` whole-word occurrences, ``n`` counts every occurrence of the string, as the
    guidelines' wording allows (the one found must still be a whole word)."""
    if not needle:
        return None
    start, end = line
    head = r"(?<!\w)" if needle[:1].isalnum() else ""
    tail = r"(?!\w)" if needle[-1:].isalnum() else ""
    found = [m.span() for m in re.compile(head + re.escape(needle) + tail).finditer(text, start, end)]
    if not found:
        return None
    if near is not None:
        return min(found, key=lambda s: (min(abs(s[0] - near[1]), abs(near[0] - s[1])), s[0]))
    if n <= len(found):
        return found[n - 1]
    # an annotator who counted every occurrence of the string ("Russia" as the third, after two "Russian")
    raw = [m.span() for m in re.compile(re.escape(needle)).finditer(text, start, end)]
    return raw[n - 1] if n <= len(raw) and raw[n - 1] in found else None


def overlaps(a: tuple[int, int] | list[int] | None, b: tuple[int, int] | list[int] | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


_SLUG = re.compile(r"[^a-z0-9]+")


def _known_names() -> dict[str, str]:
    """Full names (and person/organisation aliases) of podium's gazetteer -> its ids: a gold ``NEW:`` actor
    the gazetteer has since learnt ("NEW:Ronald Reagan" once REAGAN is in it) is that actor, not a miss."""
    from podium.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names = {entry.name.lower(): actor for actor, entry in gaz.actors.items()}
    for alias in gaz.aliases:
        several = len(alias.text.split()) > 1
        acronym = alias.text.isupper() and len(alias.text) >= 3  # "NEW:FBI" once FBI is in it
        if alias.actor and alias.kind in ("name", "alias") and (several or acronym):
            names.setdefault(alias.text.lower(), alias.actor)
    return names


_KNOWN: dict[str, str] = {}
#: A country prefix annotators put before an agency's name ("US Department of Justice").
_NATIONAL = re.compile(r"^(?:the\s+)?(?:us|u\.s\.|united states)\s+")


def norm_id(actor: str | None) -> str | None:
    if actor is None:
        return None
    if actor.upper().startswith("NEW:"):
        if not _KNOWN:
            _KNOWN.update(_known_names())
        name = actor[4:].strip()
        bare = re.sub(r"\s*\([^)]*\)$", "", name).lower()  # "US Immigration and Customs Enforcement (ICE)"
        national = _NATIONAL.sub("", bare)  # "US Department of Justice" is "Department of Justice"
        return (
            _KNOWN.get(name.lower())
            or _KNOWN.get(bare)
            or (_KNOWN.get(national) if national != bare else None)
            or "new:" + _SLUG.sub("-", name.lower()).strip("-")
        )
    return actor


def same_actor(pred: str | None, gold: str | None) -> bool:
    pred, gold = norm_id(pred), norm_id(gold)
    if pred == gold:
        return True
    if pred and gold and pred.startswith("new:") and gold.startswith("new:"):
        if gold.endswith("-" + pred[4:]):
            return True  # "new:romney" for "NEW:Mitt Romney"
        words = set(pred[4:].split("-"))  # "new:health-ministry" for "NEW:DRC Ministry of Health"
        return len(words) > 1 and words <= set(gold[4:].split("-"))
    return False


def analyse(path: Path) -> dict[str, Any]:
    from podium.analyze import analyze_document
    from podium.ingest import load
    from podium.outputs.json_out import to_dict
    from podium.pipeline import Pipeline

    doc = load(str(path))
    analyze_document(doc, Pipeline.from_names(ANALYSERS))
    return to_dict(doc)


class Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.errors: list[str] = []

    def add(self, part: str, tp: int, n_pred: int, n_gold: int) -> None:
        self.counts[f"{part}.tp"] += tp
        self.counts[f"{part}.pred"] += n_pred
        self.counts[f"{part}.gold"] += n_gold

    def line(self, part: str) -> str:
        c = self.counts
        p, r, f = prf(c[f"{part}.tp"], c[f"{part}.pred"], c[f"{part}.gold"])
        return f"| {part} | {p:.3f} | {r:.3f} | **{f:.3f}** | {c[f'{part}.gold']} | {c[f'{part}.pred']} |"


def score_mentions(
    text: str, rng: tuple[int, int], gold: list[dict], pred: list[dict], tally: Tally, where: str
) -> None:
    golds = [(locate(text, rng, g["text"], g.get("n", 1)), g["actor"]) for g in gold]
    tally.counts["mentions.unlocated"] += sum(1 for span, _ in golds if not span)
    golds = [(span, actor) for span, actor in golds if span]
    used: set[int] = set()
    tp = 0
    for p in pred:
        hit = next(
            (
                i
                for i, (span, actor) in enumerate(golds)
                if i not in used and overlaps(span, (p["start"], p["end"])) and same_actor(p["label"], actor)
            ),
            None,
        )
        if hit is None:
            tally.errors.append(f"{where} mention FP {text[p['start'] : p['end']]!r} -> {p['label']}")
        else:
            used.add(hit)
            tp += 1
    for i, (span, actor) in enumerate(golds):
        if i not in used:
            tally.errors.append(f"{where} mention FN {text[span[0] : span[1]]!r} -> {actor}")
    tally.add("actor mentions", tp, len(pred), len(golds))


def event_right(p: dict, g: dict) -> bool:
    """Whether podium's event ``p`` is the gold event ``g``: type, target and source (or the state or group
    the gold's source acts for) all right."""
    return (
        g["type"] == p["type"]
        and same_actor(p["target"], g.get("target"))
        and (
            same_actor(p["source"], g.get("source"))
            or bool(g.get("via") and same_actor(p["source"], g["via"]))
        )
    )


def score_events(gold: list[dict], pred: list[dict], tally: Tally, where: str) -> None:
    left = list(gold)
    tp = 0
    for p in pred:
        hit = next((g for g in left if event_right(p, g)), None)
        if hit is None:
            tally.errors.append(f"{where} event FP {p['source']} {p['type']} {p['target']}")
        else:
            left.remove(hit)
            tp += 1
    for g in left:
        tally.errors.append(
            f"{where} event FN {g.get('source')} {g['type']} {g.get('target')} ({g.get('trigger')})"
        )
    tally.add("events", tp, len(pred), len(gold))
    # the three parts one by one, for diagnosis
    for part, key in (("event types", "type"), ("event sources", "source"), ("event targets", "target")):
        g_vals = Counter(norm_id(g.get(key)) for g in gold)
        p_vals = Counter(norm_id(p.get(key)) for p in pred)
        tally.add(part, sum((g_vals & p_vals).values()), len(pred), len(gold))


def _attribution_right(
    text: str, rng: tuple[int, int], g: dict, sourced: bool, cue: list[int] | None, source: list[int] | None
) -> bool:
    if bool(g.get("sourced", True)) != sourced:
        return False
    for n in range(1, 10):  # a cue said twice in the line ("X have warned ..., Y have warned"): any of them
        gold_cue = locate(text, rng, g.get("cue"), n)
        if gold_cue is None:
            return False
        if not overlaps(gold_cue, cue):
            continue
        if g.get("sourced", True) and g.get("source"):  # the source's occurrence nearest that cue
            return overlaps(locate(text, rng, g["source"], near=gold_cue), source)
        return True
    return False


def score_attributions(
    text: str, rng: tuple[int, int], gold: list[dict], pred: list[dict], tally: Tally, where: str
) -> None:
    left = list(gold)
    tp = 0
    for p in pred:
        sourced = p["label"] == "attribution"
        cue = p["attrs"].get("cue_span")
        source = p["attrs"].get("source_span")

        hit = next((g for g in left if _attribution_right(text, rng, g, sourced, cue, source)), None)
        if hit is None:
            src = text[source[0] : source[1]] if source else ""
            tally.errors.append(
                f"{where} attribution FP source={src!r} cue={text[cue[0] : cue[1]] if cue else ''!r}"
            )
        else:
            left.remove(hit)
            tp += 1
    for g in left:
        tally.errors.append(f"{where} attribution FN source={g.get('source')!r} cue={g.get('cue')!r}")
    tally.add("attributions", tp, len(pred), len(gold))


def surname(actor: str, names: dict[str, str]) -> str:
    name = actor[4:] if actor.upper().startswith("NEW:") else names.get(actor, actor)
    return name.split()[-1].lower() if name.split() else actor.lower()


def score_document(data: Path, doc: str, records: list[dict], names: dict[str, str], tally: Tally) -> None:
    path = source_path(data, doc)
    result = analyse(path)
    text = result["text"]
    ranges = line_ranges(path, result)
    head = next(r for r in records if r.get("record") == "document")
    if head.get("named_by", "none") != "none" and head.get("speakers"):
        found = {
            w.lower() for s in result["meta"].get("speakers") or [] for w in re.findall(r"[\w'’-]+", str(s))
        }
        found |= {
            w.lower()
            for t in result.get("turns") or []
            for w in re.findall(r"[\w'’-]+", t.get("speaker") or "")
        }
        ok = all(surname(s, names) in found for s in head["speakers"])
        tally.counts["speaker.named"] += 1
        tally.counts["speaker.found"] += int(ok)
        if not ok:
            tally.errors.append(
                f"{doc} speaker: gold {head['speakers']} ({head['named_by']}), found {sorted(found)[:12]}"
            )
    starts = sorted((rng[0], number) for number, rng in ranges.items())

    def line_of(offset: int) -> int | None:
        best = None
        for start, number in starts:
            if start > offset:
                break
            best = number
        return best if best is not None and ranges[best][0] <= offset < ranges[best][1] else None

    spans = result["spans"]
    mentions = [
        s
        for s in spans
        if s["layer"] == "actor_mention" and s["attrs"].get("kind") not in ("pronoun", "anaphor")
    ]
    attributions = [s for s in spans if s["layer"] == "attribution"]
    events = result.get("events") or []
    sentence_start = [s["start"] for s in result["sentences"]]
    for record in records:
        if "line" not in record:
            continue
        number = record["line"]
        where = f"{doc}:{number}"
        if number not in ranges:
            tally.counts["lines.unlocated"] += 1
            tally.errors.append(f"{where} line not found in the analysed text")
            continue
        rng = ranges[number]
        tally.counts["lines"] += 1
        line_mentions = [m for m in mentions if line_of(m["start"]) == number]
        score_mentions(text, rng, record.get("mentions", []), line_mentions, tally, where)
        line_attr = [
            a for a in attributions if line_of(a["attrs"].get("cue_span", [a["start"]])[0]) == number
        ]
        score_attributions(text, rng, record.get("attributions", []), line_attr, tally, where)
        line_events = [e for e in events if line_of(sentence_start[e["sentence"]]) == number]
        score_events(record.get("events", []), line_events, tally, where)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the ../shared/data folder")
    parser.add_argument("--split", choices=("dev", "dev2", "dev3", "test", "all"), default="dev")
    parser.add_argument("--show-errors", action="store_true", help="print each error (not for test)")
    args = parser.parse_args()
    if args.show_errors and args.split not in ("dev", "dev3"):
        raise SystemExit("errors are printed for dev and dev3 only: dev2 and the test third stay untouched")
    names = {}
    for row in (HERE / "actors.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split("\t")
        names[cells[0]] = cells[2]
    gold = read_gold(args.split)
    tally = Tally()
    started = time.perf_counter()
    for doc, records in sorted(gold.items()):
        score_document(args.data, doc, records, names, tally)
    c = tally.counts
    print(
        f"# podium on real text ({args.split}: {len(gold)} documents, {c['lines']} lines scored, "
        f"{c['lines.unlocated']} not located, {c['mentions.unlocated']} gold mentions not in their line; "
        f"{time.perf_counter() - started:.0f} s)"
    )
    print("| measure | P | R | F1 | gold | predicted |\n|---|---|---|---|---|---|")
    for part in ("actor mentions", "attributions", "events", "event types", "event sources", "event targets"):
        print(tally.line(part))
    named = c["speaker.named"]
    share = c["speaker.found"] / named if named else 0.0
    print(f"\nspeaker found for {c['speaker.found']} of {named} documents that name one ({share:.0%})")
    if args.show_errors:
        print("\n## errors")
        for error in tally.errors:
            print(error)


if __name__ == "__main__":
    main()
