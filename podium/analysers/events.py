"""Events (who did what to whom) into the ``event`` layer and ``doc.events`` records, coded with PLOVER types.

Only sentences with at least one actor mention and a word of the event lexicon are dependency-parsed
(``podium.nlp.parsed_sentences``); the rest cost nothing. Quantity, time and attribution spans are linked
when their layers ran first; otherwise numbers and dates come from spaCy's entities in the parsed sentences.
Span label = event type; attrs hold the event id, source, target, modality and negation.
Third-person pronouns ("they", "it") are resolved to actors by ``podium.actors.coref`` or kept as unresolved;
it does not judge whether an event happened.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise

from podium.actors.acting_for import roll_up_events
from podium.actors.coref import add_pronoun_mentions
from podium.actors.extract import SentenceInput, sentence_events
from podium.actors.lexicon import Lexicon, load_lexicon
from podium.actors.matcher import default_matcher
from podium.actors.mentions import Mention, speaker_persons
from podium.actors.quotes import quote_ranges
from podium.actors.records import Event
from podium.document import Document, Span
from podium.nlp import parsed_sentences, sentence_docs
from podium.pipeline import BaseAnalyser

QUANTITY_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
TIME_LABELS = {"DATE", "TIME"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


class EventAnalyser(BaseAnalyser):
    name = "event"
    requires = ("sentences", "actor_mention")
    assigns = ("event",)
    after = ("quantity", "time", "attribution")
    description = "Who did what to whom: events between actors, coded with PLOVER types."

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    def __call__(self, doc: Document) -> Document:
        by_sentence = mentions_by_sentence(doc)
        persons = speaker_persons(doc) if by_sentence else []  # who speaks each sentence in person
        coref = add_pronoun_mentions(doc, by_sentence, persons)  # "they", "it": resolved, or kept unresolved
        candidates = self.candidates(doc, by_sentence)
        events: list[Event] = []
        if candidates:
            parsed = parsed_sentences(doc, candidates)
            ner = sentence_docs(doc, "ner")  # entities from the cached NER pass, so the parse may skip NER
            for index in candidates:
                inp = self._input(doc, index, parsed[index], ner[index], by_sentence[index])
                inp.coref = coref
                inp.speaker = persons[index] if index < len(persons) else None  # "Thank you, Chris"
                events += sentence_events(inp, self.lexicon)
        events.sort(key=lambda e: (e.trigger[0], e.source or "", e.target or ""))
        for n, event in enumerate(events, 1):
            event.id = f"e{n}"
        roll_up_events(events, doc.actors)  # who each person or unit acts for
        doc.events = events
        doc.add_spans("event", [event_span(e, self.name) for e in events], source=self.name)
        return doc

    def candidates(self, doc: Document, by_sentence: dict[int, list[Mention]]) -> list[int]:
        """Sentences with an actor mention and a trigger word (judged on the cheap NER-level tokens)."""
        if not by_sentence:
            return []
        docs = sentence_docs(doc, "ner")
        lexicon = self.lexicon
        return [i for i in sorted(by_sentence) if lexicon.may_trigger({t.lower_ for t in docs[i]})]

    def _input(
        self, doc: Document, index: int, sdoc: object, ner_doc: object, mentions: list[Mention]
    ) -> SentenceInput:
        sentence = doc.sentences[index]
        off = sentence.start
        text = doc.span_text(sentence)
        ents = [(e.label_, off + e.start_char, off + e.end_char) for e in ner_doc.ents]  # type: ignore[attr-defined]
        found = default_matcher().find(text)
        places = [(off + m.start, off + m.end) for m in found if m.alias.kind == "place"]
        places += [(s, e) for label, s, e in ents if label in PLACE_LABELS]
        places += [(m.start, m.end) for m in mentions if m.kind in ("name", "alias", "metonym", "ner")]

        def layer_or_ents(layer: str, labels: set[str]) -> list[tuple[int, int]]:
            if layer in doc.spans:
                return spans_inside(doc, layer, off, sentence.end)
            return [(s, e) for label, s, e in ents if label in labels]

        return SentenceInput(
            index,
            off,
            sdoc,
            mentions,
            places,
            quote_ranges(text),  # type: ignore[arg-type]
            layer_or_ents("quantity", QUANTITY_LABELS),
            layer_or_ents("time", TIME_LABELS),
            spans_inside(doc, "attribution", off, sentence.end),
        )


def spans_inside(doc: Document, layer: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the spans of ``layer`` inside ``[start, end)``, found by bisection on the
    layer's starts (indexed once per document in ``doc.cache``)."""
    spans = doc.layer(layer)
    key = f"event_starts:{layer}"
    cached = doc.cache.get(key)
    if cached is None or cached[0] is not spans or len(cached[1]) != len(spans):
        starts = [s.start for s in spans]
        ordered = all(a <= b for a, b in pairwise(starts))
        cached = doc.cache[key] = (spans, starts if ordered else None)
    starts = cached[1]
    if starts is not None:
        lo = bisect_left(starts, start)
        spans = spans[lo : bisect_left(starts, end, lo)]
    return [(s.start, s.end) for s in spans if start <= s.start and s.end <= end]


def mentions_by_sentence(doc: Document) -> dict[int, list[Mention]]:
    starts = [s.start for s in doc.sentences]
    out: dict[int, list[Mention]] = {}
    for span in doc.layer("actor_mention"):
        index = bisect_right(starts, span.start) - 1
        if index < 0 or span.end > doc.sentences[index].end:
            continue
        out.setdefault(index, []).append(
            Mention(span.start, span.end, span.label, span.attrs.get("kind", "alias"), index)
        )
    return out


def event_span(event: Event, source: str) -> Span:
    attrs = {
        "id": event.id,
        "source": event.source,
        "target": event.target,
        "modality": event.modality,
        "negated": event.negated,
        "trigger": event.trigger,
    }
    return Span(event.evidence[0], event.evidence[1], event.type, None, attrs, source)
