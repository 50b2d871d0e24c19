"""The rhetoric profile of a document: a JSON-friendly summary of how its language works on the listener.

Fields (all counts; offsets are ``[start, end]`` into ``doc.text``):
- ``words``; ``techniques``: per technique, ``count`` and ``per_1000_words`` (from layer ``technique``);
- ``us_vs_them``: in-group ("we", "our") and out-group ("they", "them") references, per 1,000 words (a word
  that ``podium.masking`` calls a name, such as "US" the country, is none), and whom they point to: "we"
  resolves to the actor the ``actor`` analyser gave it (the speaker's side), "they" to the nearest earlier
  actor mention that is not the speaker's side (same or previous sentence);
- ``certainty``: boosters versus hedges (layer ``hedge`` when present, else the lexicon), and their balance;
- ``repetition``: repeated phrases, repeated sentence openings, anaphora runs;
- ``loaded_terms``: the most frequent words inside Loaded_Language / Name_Calling spans (or lexicon hits
  when the layer is empty), each with the actors mentioned in the same sentence.
It does not find techniques itself (the analyser does) and never judges who is right.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from itertools import pairwise
from typing import Any

from podium.document import Document
from podium.masking import name_ranges
from podium.resources.techniques.lexicon import IN_GROUP, OUT_GROUP
from podium.techniques import TECHNIQUES
from podium.techniques.cues import cue_hits
from podium.techniques.repetition import anaphora, openings, repeated_phrases_in_windows

PROFILE_VERSION = 1
_LOADED_LABELS = ("Loaded_Language", "Name_Calling,Labeling")


def _group_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alts})(?![\w'’])", re.IGNORECASE)


_IN = _group_pattern(IN_GROUP)
_OUT = _group_pattern(OUT_GROUP)
#: The pronouns as the common words of the masking rule: "We" first in a sentence is no name.
_PRONOUNS = frozenset(w.lower() for w in (*IN_GROUP, *OUT_GROUP))


def _per_1000(n: int, words: int) -> float:
    return round(1000 * n / words, 2) if words else 0.0


def _sentence_of(doc: Document, pos: int, starts: list[int]) -> int:
    """Index of the sentence holding ``pos`` (-1 for none); ``starts`` are the sentences' starts."""
    k = bisect_right(starts, pos) - 1
    return k if k >= 0 and pos < doc.sentences[k].end else -1


class _Mentions:
    """Actor mentions as ``(start, end, id, name)`` in layer order, with their starts for bisection."""

    def __init__(self, doc: Document) -> None:
        self.items = _actor_mentions(doc)
        self.starts = [m[0] for m in self.items]
        self.ordered = all(a <= b for a, b in pairwise(self.starts))
        self.longest = max((m[1] - m[0] for m in self.items), default=0)

    def containing(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """The mentions that contain ``[start, end)``, in layer order."""
        if not self.ordered:
            return [m for m in self.items if m[0] <= start and end <= m[1]]
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_right(self.starts, start)
        return [m for m in self.items[lo:hi] if end <= m[1]]

    def starting_in(self, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
        """The mentions starting in ``[lo, hi)``, in layer order."""
        if not self.ordered:
            return [m for m in self.items if lo <= m[0] < hi]
        a = bisect_left(self.starts, lo)
        return self.items[a : bisect_left(self.starts, hi, a)]


def rhetoric_profile(doc: Document, top: int = 10) -> dict[str, Any]:
    words = doc.word_count()
    spans = doc.layer("technique")
    counts = Counter(s.label for s in spans)
    sentences = [(s.start, s.end) for s in doc.sentences]
    return {
        "version": PROFILE_VERSION,
        "words": words,
        "techniques": {
            t: {"count": counts[t], "per_1000_words": _per_1000(counts[t], words)} for t in TECHNIQUES
        },
        "techniques_per_1000_words": _per_1000(len({(s.start, s.end) for s in spans}), words),
        "us_vs_them": _us_vs_them(doc, words, top),
        "certainty": _certainty(doc, words),
        "repetition": _repetition(doc, sentences, top),
        "loaded_terms": _loaded_terms(doc, top),
    }


def _actor_mentions(doc: Document) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.label, str(m.attrs.get("name", m.label))) for m in doc.layer("actor_mention")]


def _is_name(doc: Document, match: re.Match[str], starts: list[int]) -> bool:
    """Whether a pronoun-like word is a name by ``podium.masking``'s rule ("US" the country is not the
    in-group "us"; "WE WILL WIN" is shouting, not a name). Lower-case words never are."""
    if match.group().islower():
        return False
    k = _sentence_of(doc, match.start(), starts)
    lo = doc.sentences[k].start if k >= 0 else max(0, match.start() - 200)
    hi = min(len(doc.text), match.end() + 40)
    start, end = match.start() - lo, match.end() - lo
    return any(s < end and start < e for s, e in name_ranges(doc.text[lo:hi], _PRONOUNS))


def _us_vs_them(doc: Document, words: int, top: int) -> dict[str, Any]:
    mentions = _Mentions(doc)
    base = doc.body_start
    starts = [s.start for s in doc.sentences]
    ins = [(m.start(), m.end()) for m in _IN.finditer(doc.text, base) if not _is_name(doc, m, starts)]
    outs = [(m.start(), m.end()) for m in _OUT.finditer(doc.text, base) if not _is_name(doc, m, starts)]
    in_targets: Counter[str] = Counter()
    side_ids = set()
    for s, e in ins:
        for _, _, aid, name in mentions.containing(s, e):
            in_targets[name] += 1
            side_ids.add(aid)
    out_targets: Counter[str] = Counter()
    for s, _ in outs:
        k = _sentence_of(doc, s, starts)
        lo = doc.sentences[k - 1].start if k > 0 else (doc.sentences[k].start if k == 0 else s)
        before = [m for m in mentions.starting_in(lo, s) if m[2] not in side_ids and m[2] != "SPEAKER_SIDE"]
        if before:
            out_targets[before[-1][3]] += 1
    return {
        "in_group": {
            "count": len(ins),
            "per_1000_words": _per_1000(len(ins), words),
            "points_to": [{"actor": a, "count": n} for a, n in in_targets.most_common(top)],
            "examples": [[s, e] for s, e in ins[:top]],
        },
        "out_group": {
            "count": len(outs),
            "per_1000_words": _per_1000(len(outs), words),
            "points_to": [{"actor": a, "count": n} for a, n in out_targets.most_common(top)],
            "examples": [[s, e] for s, e in outs[:top]],
        },
        "resolved_with_actors": bool(mentions.items),
    }


def _certainty(doc: Document, words: int) -> dict[str, Any]:
    hedges = doc.layer("hedge")
    if hedges:
        boosters = sum(1 for h in hedges if h.label == "booster")
        hedging = sum(1 for h in hedges if h.label == "hedge")
        source = "hedge layer"
    else:
        boosters = hedging = 0
        for s in doc.sentences:
            hits = cue_hits(doc.span_text(s))
            boosters += len(hits["certainty"])
            hedging += len(hits["hedging"])
        source = "lexicon"
    total = boosters + hedging
    return {
        "boosters": boosters,
        "hedges": hedging,
        "boosters_per_1000_words": _per_1000(boosters, words),
        "hedges_per_1000_words": _per_1000(hedging, words),
        "balance": round((boosters - hedging) / total, 3) if total else 0.0,
        "source": source,
    }


def _repetition(doc: Document, sentences: list[tuple[int, int]], top: int) -> dict[str, Any]:
    phrases = repeated_phrases_in_windows(doc.text, sentences)
    heads = [(h, ks) for h, ks in openings(doc.text, sentences) if len(ks) >= 2]
    return {
        "phrases": [{"text": r.text, "count": r.count, "occurrences": r.occurrences} for r in phrases[:top]],
        "openings": [{"opening": h, "count": len(ks), "sentences": ks} for h, ks in heads[:top]],
        "anaphora": anaphora(doc.text, sentences),
    }


def _loaded_terms(doc: Document, top: int) -> list[dict[str, Any]]:
    found: list[tuple[str, int, int]] = []
    # a span labelled both Loaded_Language and Name_Calling is one occurrence of its term
    places = dict.fromkeys((s.start, s.end) for s in doc.layer("technique") if s.label in _LOADED_LABELS)
    for start, end in places:
        found.append((doc.text[start:end].lower(), start, end))
    if not found:
        for sent in doc.sentences:
            hits = cue_hits(doc.span_text(sent))
            for cat in ("loaded", "name_calling"):
                for hs, he in hits[cat]:
                    found.append(
                        (
                            doc.text[sent.start + hs : sent.start + he].lower(),
                            sent.start + hs,
                            sent.start + he,
                        )
                    )
    mentions = _Mentions(doc)
    starts = [s.start for s in doc.sentences]
    terms: dict[str, list[list[int]]] = defaultdict(list)
    targets: dict[str, Counter[str]] = defaultdict(Counter)
    for term, s, e in found:
        key = " ".join(term.split())
        terms[key].append([s, e])
        k = _sentence_of(doc, s, starts)
        if k >= 0:
            sent = doc.sentences[k]
            for _, _, aid, name in mentions.starting_in(sent.start, sent.end):
                if aid != "SPEAKER_SIDE":
                    targets[key][name] += 1
    ranked = sorted(terms.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))[:top]
    return [
        {
            "term": t,
            "count": len(occ),
            "occurrences": occ,
            "applied_to": [{"actor": a, "count": n} for a, n in targets[t].most_common(3)],
        }
        for t, occ in ranked
    ]
