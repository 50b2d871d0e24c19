"""Runs the anatomy grammars over a document's sentences once and caches the results in ``doc.cache``.

Quantities need the time expressions and citations of the same sentence (numbers inside them are not
quantities), and claim types need every part, so each grammar runs once per document whichever analyser
asks first. Results are per sentence, in sentence-relative offsets; analysers turn them into spans.
Pure regular expressions: no spaCy model is loaded or run here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from podium.anatomy.attributions import find_attributions
from podium.anatomy.citations import find_citations
from podium.anatomy.dates import parse_anchor
from podium.anatomy.hedges import find_hedges
from podium.anatomy.quantities import country_currencies, find_quantities, localise
from podium.anatomy.times import TimeHit, find_times
from podium.document import Document
from podium.resources.scripture import QURAN_CONTEXT

#: A sentence that names God makes a bare "(13:11)" in it a Quran reference even without a document-level
#: cue (Bible verses are cited with their book: "Romans 12:18").
_GOD = re.compile(r"\bGod\b")

CACHE_KEY = "anatomy"


def sentence_texts(doc: Document) -> list[tuple[int, str]]:
    return [(s.start, doc.span_text(s)) for s in doc.sentences]


def _store(doc: Document) -> dict[str, Any]:
    return doc.cache.setdefault(CACHE_KEY, {})


def times(doc: Document) -> list[list[TimeHit]]:
    """Time expressions per sentence; a month-level date sets the year of bare months after it in its
    paragraph."""
    store = _store(doc)
    if "time" not in store:
        anchor = parse_anchor(doc.meta.date)
        paragraph_ends = [p.end for p in doc.paragraphs]
        out: list[list[TimeHit]] = []
        reference, para, cites = None, -1, citations(doc)
        for start, text in sentence_texts(doc):
            current = bisect_right(paragraph_ends, start)  # the first paragraph ending after `start`
            current = current if current < len(paragraph_ends) else -1
            if current != para:
                reference, para = None, current
            hits = find_times(text, anchor, reference)
            inside = cites[len(out)]  # a year inside a citation is no time: "the Simla Agreement of 1972"
            if inside:
                hits = [h for h in hits if not any(c.start <= h.start and h.end <= c.end for c in inside)]
            for hit in hits:
                if hit.ref_year is not None:
                    reference = hit.ref_year
            out.append(hits)
        store["time"] = out
    return store["time"]


def citations(doc: Document) -> list[list[Any]]:
    store = _store(doc)
    if "citation" not in store:
        low = doc.scoped_text()[1].lower()
        quran = any(word in low for word in QURAN_CONTEXT)
        store["citation"] = [
            find_citations(text, quran or _GOD.search(text) is not None) for _, text in sentence_texts(doc)
        ]
    return store["citation"]


def quantities(doc: Document) -> list[list[Any]]:
    store = _store(doc)
    if "quantity" not in store:
        masks = [
            [(h.start, h.end) for h in [*t, *c]] for t, c in zip(times(doc), citations(doc), strict=True)
        ]
        national = country_currencies(doc.scoped_text()[1])
        store["quantity"] = [
            localise(find_quantities(text, mask), text, national)
            for (_, text), mask in zip(sentence_texts(doc), masks, strict=True)
        ]
    return store["quantity"]


def attributions(doc: Document) -> list[list[Any]]:
    store = _store(doc)
    if "attribution" not in store:
        store["attribution"] = [find_attributions(text) for _, text in sentence_texts(doc)]
    return store["attribution"]


def hedges(doc: Document) -> list[list[Any]]:
    store = _store(doc)
    if "hedge" not in store:
        store["hedge"] = [find_hedges(text) for _, text in sentence_texts(doc)]
    return store["hedge"]
