"""How real speeches say force, aid and pressure: phrase counts behind the event lexicon's mined entries.

Usage: python benchmarks/event_phrases.py --data ../shared/data [--sample FILE] [--discover] [--show N]

Reads the CheckThat! 2019/2020 debate transcripts (one copy of each), the ClaimBuster transcripts and the
PTC articles under --data, leaving out the documents held back for issue 19's blind evaluation (and
ClaimBuster's copy of one of them), plus --sample files (the Syria speech). Prints, for each candidate
phrase, how often it occurs and an example, and whether ``plover.csv`` has it now. With --discover it also
parses the sentences that name two or more gazetteer actors and prints the verbs (with their particle) that
link an actor subject to an actor object and that the lexicon does not know, most frequent first (about a
minute here). The counts are what ``podium/resources/plover.md`` quotes.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

#: Issue 19's blind evaluation documents (never read), and ClaimBuster's copy of one of them.
HELD_OUT = {
    "20170919_Trump_UNGA",
    "20121023_third_presidential_debate",
    "20180926_un_press",
    "1984-10-21",
    "2012-10-22",
    *(
        f"article{n}"
        for n in (
            "694356862",
            "732610971",
            "732154721",
            "724791253",
            "711622457",
            "701939679",
            "721710340",
            "722507879",
        )
    ),
}

#: Candidate phrase -> (pattern, whether the lexicon has it: a (pos, lemma, particle or object) to look up).
PHRASES: dict[str, tuple[str, tuple[str, str, str | None] | None]] = {
    "take out": (r"\b(?:take|takes|took|taken|taking) (?:\w+ ){0,2}out\b(?! of)", ("verb", "take", "out")),
    "take over": (r"\b(?:take|takes|took|taken|taking) over\b", ("verb", "take", "over")),
    "topple/overthrow/oust": (
        r"\b(?:toppl(?:e|ed|es|ing)|overthr(?:ow|ew|own|owing|ows)|oust(?:ed|s|ing)?)\b",
        ("verb", "overthrow", None),
    ),
    "crush": (r"\bcrush(?:ed|es|ing)?\b", ("verb", "crush", None)),
    "pressure on": (r"\bpressure on\b", ("noun", "pressure", None)),
    "put/exert/apply/bring pressure": (
        r"\b(?:put|puts|putting|exert\w*|appl(?:y|ied|ies|ying)|bring|brought|increas\w*|ramp\w* up"
        r"|step\w* up) (?:\w+ ){0,2}pressure\b",
        ("light", "put", None),
    ),
    "bail out": (r"\bbail(?:s|ed|ing)? (?:\w+ ){0,2}out\b", ("verb", "bail", "out")),
    "wipe out": (r"\bwip(?:e|es|ed|ing) (?:\w+ ){0,2}out\b", ("verb", "wipe", "out")),
    "drive out": (r"\bdr(?:ive|ove|iven|iving|ives) (?:\w+ ){0,3}out\b", ("verb", "drive", "out")),
    "decimate": (r"\bdecimat\w*\b", ("verb", "decimate", None)),
    "pose a threat": (r"\bpos(?:e|ed|es|ing) (?:a |an )?(?:\w+ )?threats?\b", ("light", "pose", None)),
    "retake/recapture": (r"\b(?:retak|recaptur)(?:e|es|en|ed|ing|ook)\b", ("verb", "retake", None)),
    "overrun": (r"\boverr(?:un|uns|an|unning)\b", ("verb", "overrun", None)),
    "levy/slap sanctions": (
        r"\b(?:lev(?:y|ied|ies|ying)|slap(?:s|ped|ping)?) (?:\w+ ){0,2}(?:sanctions|tariffs?|taxes|duties)\b",
        ("light", "levy", None),
    ),
    "hit with sanctions/tariffs": (
        r"\bhit(?:s|ting)? (?:\w+ ){0,3}with (?:\w+ )?(?:sanctions|tariffs?|duties)\b",
        ("verb", "hit", "sanction"),
    ),
    "cut off": (r"\bcut(?:s|ting)? off\b", ("verb", "cut", "aid")),
    "cut/sever ties": (
        r"\b(?:sever\w*|cut\w*|break\w*|broke) (?:off )?(?:diplomatic )?(?:ties|relations)\b",
        None,
    ),
    "knock out": (r"\bknock(?:s|ed|ing)? (?:the hell )?(?:\w+ ){0,2}out of\b", ("verb", "knock", "out")),
    "prop up": (r"\bprop(?:s|ped|ping)? (?:\w+ ){0,2}up\b", ("verb", "prop", "up")),
    "rain down on": (r"\brain(?:s|ed|ing)? (?:\w+ ){0,2}down on\b", ("verb", "rain", "down")),
    "lay siege": (r"\b(?:lay|laid|laying) siege\b", ("light", "lay", None)),
    "break the back of": (r"\bbr(?:eak|oke|oken|eaking) the back of\b", ("verb", "break", "back")),
    "bring to its knees": (r"\bto (?:its|their|his) knees\b", ("verb", "bring", "knee")),
    "drop bombs": (r"\bdrop(?:s|ped|ping)? (?:\w+ ){0,2}bombs\b", ("verb", "drop", "bomb")),
    "storm": (r"\bstorm(?:ed|ing)\b", ("verb", "storm", None)),
    "bully": (r"\bbull(?:y|ied|ies|ying)\b", ("verb", "bully", None)),
    "blackmail/extort": (r"\b(?:blackmail|extort)\w*\b", ("verb", "blackmail", None)),
    "subsidize": (r"\bsubsidi[sz](?:e|ed|es|ing)\b", ("verb", "subsidize", None)),
    "intervene": (r"\binterven(?:e|ed|es|ing)\b", None),
    "interfere": (r"\binterfer(?:e|ed|es|ing)\b", None),
    "meddle": (r"\bmeddl(?:e|ed|es|ing)\b", None),
    "bleed": (r"\bbleed\w*\b", None),
    "choke/strangle": (r"\b(?:strangl|chok)(?:e|ed|es|ing)\b", None),
    "pour into": (r"\bpour(?:s|ed|ing)? (?:\w+ ){0,3}into\b", None),
    "liberate": (r"\bliberat(?:e|ed|es|ing)\b", None),
}


def documents(data: Path, samples: list[Path]) -> Iterator[tuple[str, str]]:
    """(name, text) of every document read, CheckThat! lines joined (a debate only once)."""
    seen: set[tuple[str, ...]] = set()
    for folder in ("checkthat2019-t1", "ct2020-t5"):
        for path in sorted((data / folder / "train").glob("*.tsv")):
            if path.stem in HELD_OUT:
                continue
            rows = [r.split("\t") for r in path.read_text(encoding="utf-8").splitlines()]
            lines = [r[2] for r in rows if len(r) >= 3 and r[1] != "SYSTEM"]
            key = tuple(lines[:20])
            if key not in seen:
                seen.add(key)
                yield path.stem, "\n".join(lines)
    for path in sorted((data / "claimbuster" / "debate_transcripts").glob("*.txt")):
        if path.stem not in HELD_OUT:
            yield path.stem, path.read_text(encoding="utf-8", errors="replace")
    for path in sorted((data / "ptc-semeval2020" / "train" / "articles").glob("article*.txt")):
        if path.stem not in HELD_OUT:
            yield path.stem, path.read_text(encoding="utf-8", errors="replace")
    for path in samples:
        yield path.stem, path.read_text(encoding="utf-8")


def in_lexicon(key: tuple[str, str, str | None] | None) -> str:
    from podium.actors.lexicon import load_lexicon

    if key is None:
        return "no"
    lexicon = load_lexicon()
    pos, lemma, extra = key
    if pos == "light":
        return "yes (light verb)" if lemma in lexicon.light else "no"
    found = [
        t for t in lexicon.lookup(pos, lemma) if extra is None or extra == t.particle or extra in t.objects
    ]
    return "yes" if found else "no"


def count_phrases(docs: list[tuple[str, str]]) -> None:
    words = sum(len(text.split()) for _, text in docs)
    print(f"{len(docs)} documents, {words:,} words")
    patterns = {name: re.compile(p, re.IGNORECASE) for name, (p, _) in PHRASES.items()}
    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    for _, text in docs:
        for name, pattern in patterns.items():
            for m in pattern.finditer(text):
                counts[name] += 1
                example.setdefault(name, " ".join(text[max(0, m.start() - 50) : m.end() + 30].split()))
    for name in sorted(PHRASES, key=lambda n: -counts[n]):
        has = in_lexicon(PHRASES[name][1])
        print(f"{counts[name]:6}  {name:<32} in lexicon: {has:<18} {example.get(name, '')!r}")


def discover(docs: list[tuple[str, str]], show: int) -> None:
    from podium.actors.lexicon import load_lexicon
    from podium.actors.matcher import default_matcher
    from podium.document import Document, Meta
    from podium.nlp import load_spacy
    from podium.segment import segment

    matcher, lexicon = default_matcher(), load_lexicon()
    sentences = []
    for _, text in docs:
        doc = segment(Document(text, Meta()))
        for s in doc.sentences:
            line = doc.span_text(s)
            found = [m for m in matcher.find(line) if m.alias.actor] if len(line) <= 400 else []
            if len({m.alias.actor for m in found}) >= 2:
                sentences.append((line, [(m.start, m.end) for m in found]))
    print(f"\n{len(sentences)} sentences name two or more actors; verbs linking an actor to an actor:")
    counts: Counter[tuple[str, str]] = Counter()
    example: dict[tuple[str, str], str] = {}
    nlp = load_spacy()
    for (line, spans), sdoc in zip(
        sentences, nlp.pipe([s for s, _ in sentences], disable=["ner"]), strict=True
    ):

        def names_actor(tok: object, spans: list[tuple[int, int]] = spans) -> bool:
            return any(a <= t.idx < b for t in tok.subtree for a, b in spans)  # type: ignore[attr-defined]

        for tok in sdoc:
            if tok.pos_ != "VERB" or lexicon.lookup("verb", tok.lemma_):
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            objects += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            if any(names_actor(s) for s in subjects) and any(names_actor(o) for o in objects):
                key = (tok.lemma_.lower(), " ".join(c.lower_ for c in tok.children if c.dep_ == "prt"))
                counts[key] += 1
                example.setdefault(key, line[:120])
    for (lemma, particle), n in counts.most_common(show):
        print(f"{n:6}  {(lemma + ' ' + particle).strip():<20} {example[(lemma, particle)]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--sample", type=Path, action="append", default=[])
    parser.add_argument("--discover", action="store_true")
    parser.add_argument("--show", type=int, default=60)
    args = parser.parse_args()
    docs = list(documents(args.data, args.sample))
    count_phrases(docs)
    if args.discover:
        discover(docs, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
