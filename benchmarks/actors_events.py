"""Actor mentions and events against the hand-annotated set, and the time the two analysers add to a speech.

Usage: python benchmarks/actors_events.py [--data DIR] [--speech PATH] [--repeat N] [--show-errors SPLIT]
The data (``benchmarks/data/actors_events/{dev,test,holdout}.jsonl``) are sentences from speeches
of every side,
each with gold actor mentions (offsets + canonical actor id; pronouns are not annotated) and events
(source, PLOVER type, target); an event whose actor a sentence gives only by a pronoun ("their support")
is not in the gold, so the events are also scored without the ones podium resolved from a pronoun.
``dev`` was used while building the analysers; ``test`` was held out;
``holdout`` was written afterwards by someone who never saw the rules or their output (its errors are
never printed).
Prints, per split: actor-mention precision/recall/F1 (a predicted mention counts when it overlaps a gold one
with the same actor id; a gold ``new:`` actor that the gazetteer has since learnt, by its name or a
several-word alias, is that gazetteer id), and event precision/recall/F1 on (source, type, target) triples
per sentence, plus each part scored separately. Then the median time the actor and event analysers add on
--speech (spaCy NER already run by the entity analyser, as in the full pipeline), and how many sentences were
parsed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from podium.actors.gazetteer import load_gazetteer
from podium.actors.mentions import slug
from podium.analysers.actors import ActorAnalyser
from podium.analysers.entities import EntityAnalyser
from podium.analysers.events import EventAnalyser
from podium.document import Document, Meta
from podium.segment import segment

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "data" / "actors_events"
DEFAULT_SPEECH = HERE.parent / "samples" / "speech-harbor-accord.txt"


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@lru_cache(maxsize=1)
def _known_slugs() -> dict[str, str]:
    """``new:<slug>`` of each gazetteer actor's name and several-word alias -> its id."""
    gaz = load_gazetteer()
    known = {slug(entry.name): actor for actor, entry in gaz.actors.items()}
    for alias in gaz.aliases:
        if alias.actor and len(alias.text.split()) > 1 and alias.kind in ("name", "alias"):
            known.setdefault(slug(alias.text), alias.actor)
    return known


def known_id(actor: str | None) -> str | None:
    """A gold ``new:`` actor the gazetteer has learnt since the gold was written is that actor's id."""
    if actor is None or not actor.startswith("new:"):
        return actor
    return _known_slugs().get(actor, actor)


def normalised(record: dict) -> dict:
    mentions = [{**m, "actor": known_id(m["actor"])} for m in record["mentions"]]
    events = [
        {**e, "source": known_id(e["source"]), "target": known_id(e["target"])} for e in record["events"]
    ]
    return {**record, "mentions": mentions, "events": events}


def analyse(record: dict, actors: ActorAnalyser, events: EventAnalyser) -> Document:
    extras = {"speaker_side": record["speaker_side"]} if record.get("speaker_side") else {}
    doc = Document(record["text"], Meta(extras=extras))
    segment(doc)
    return events(actors(doc))


def mention_counts(doc: Document, gold: list[dict]) -> tuple[int, int, int]:
    pred = [s for s in doc.layer("actor_mention") if s.attrs.get("kind") != "pronoun"]
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, s in enumerate(pred):
            if i not in used and s.start < g["end"] and g["start"] < s.end and s.label == g["actor"]:
                used.add(i)
                tp += 1
                break
    return tp, len(pred), len(gold)


def event_keys(events: list, part: str | None) -> Counter:
    def get(e: object, k: str) -> object:
        return e[k] if isinstance(e, dict) else getattr(e, k)

    if part is None:
        return Counter({(get(e, "source"), get(e, "type"), get(e, "target")) for e in events})
    return Counter(
        get(e, part)
        for e in {(get(e, "source"), get(e, "type"), get(e, "target")): e for e in events}.values()
    )


def score_split(path: Path, show_errors: bool) -> None:
    actors, events = ActorAnalyser(), EventAnalyser()
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [normalised(json.loads(line)) for line in lines if line.strip()]
    m_tp = m_pred = m_gold = 0
    parts = {None: [0, 0, 0], "source": [0, 0, 0], "type": [0, 0, 0], "target": [0, 0, 0]}
    named = [0, 0, 0]  # events whose actors are all named (no resolved pronoun), as the gold annotates
    for rec in records:
        doc = analyse(rec, actors, events)
        tp, n_pred, n_gold = mention_counts(doc, rec["mentions"])
        m_tp, m_pred, m_gold = m_tp + tp, m_pred + n_pred, m_gold + n_gold
        for part, acc in parts.items():
            pred, gold = event_keys(doc.events, part), event_keys(rec["events"], part)
            acc[0] += sum((pred & gold).values())
            acc[1] += sum(pred.values())
            acc[2] += sum(gold.values())
        pred = event_keys([e for e in doc.events if not (e.source_via or e.target_via)], None)
        gold = event_keys(rec["events"], None)
        named[0] += sum((pred & gold).values())
        named[1] += sum(pred.values())
        named[2] += sum(gold.values())
        if show_errors and (
            tp != n_pred or tp != n_gold or event_keys(doc.events, None) != event_keys(rec["events"], None)
        ):
            print(f"  {rec['id']}: {rec['text']}")
            found = [(doc.text[s.start : s.end], s.label) for s in doc.layer("actor_mention")]
            print(f"    mentions pred {found}")
            print(f"    events pred {sorted(map(str, event_keys(doc.events, None)))}")
            print(f"    events gold {sorted(map(str, event_keys(rec['events'], None)))}")
    p, r, f = prf(m_tp, m_pred, m_gold)
    print(f"[{path.stem}] {len(records)} sentences, {m_gold} gold mentions, {parts[None][2]} gold events")
    print(f"  actor mentions (canonical id right): P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for part, (tp, n_pred, n_gold) in parts.items():
        p, r, f = prf(tp, n_pred, n_gold)
        name = "events (source, type, target)" if part is None else f"  event {part}"
        print(f"  {name}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = prf(*named)
    name = "events without those resolved from pronouns (the gold's convention)"
    print(f"  {name}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def time_speech(path: Path, repeat: int) -> None:
    from podium.ingest import load

    entity, actors, events = EntityAnalyser(), ActorAnalyser(), EventAnalyser()
    runs, parsed = [], 0
    for _ in range(repeat + 1):
        doc = load(str(path))
        segment(doc)
        entity(doc)
        start = time.perf_counter()
        events(actors(doc))
        runs.append(time.perf_counter() - start)
        parsed = len(doc.cache.get("spacy_parsed", {}))
    median = statistics.median(runs[1:])
    print(
        f"[speed] {path.name}: {doc.word_count()} words, {len(doc.sentences)} sentences, "
        f"{parsed} parsed; actor+event analysers add {median * 1000:.0f} ms "
        f"(median of {repeat}); {len(doc.actors)} actors, {len(doc.events)} events"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--speech", type=Path, default=DEFAULT_SPEECH)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--show-errors", default="", help="print the errors of this split (dev or test)")
    args = parser.parse_args()
    for split in ("dev", "test", "holdout"):
        path = args.data / f"{split}.jsonl"
        if path.exists():  # holdout: written blind, by someone who never saw the rules or their output
            score_split(path, args.show_errors == split and split != "holdout")
    time_speech(args.speech, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
