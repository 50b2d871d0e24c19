"""Which actors an attribution's source names, read off the actor layer: the mentions inside the source
("the Syrian government" -> Syria, "We" -> the speaker's side), or, for a third-person pronoun source ("they
say", "he admitted"), what ``podium.actors.coref`` resolved it to.

Adds to each attribution span's attrs ``source_actors`` (actor ids, possibly empty), ``source_via``
([start, end] of the antecedent of a resolved pronoun) and ``source_unresolved`` (True for a pronoun source
that names no one the text makes clear); a resolved pronoun source of an ``attribution`` counts as
``sourced``. It does not find attributions (``podium.anatomy.attributions``).
"""

from __future__ import annotations

from bisect import bisect_left

from podium.actors.coref import PRONOUNS, resolver
from podium.document import Document, Span


def link_sources(doc: Document, spans: list[Span]) -> None:
    """Set the source attrs of ``spans`` (attribution spans of ``doc``) from its ``actor_mention`` layer."""
    mentions = sorted(doc.layer("actor_mention"), key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for span in spans:
        s, e = span.attrs["source_span"]
        inside = [m for m in mentions[bisect_left(starts, s) :] if m.start < e]
        actors = list(dict.fromkeys(m.label for m in inside if m.end <= e))
        span.attrs["source_actors"] = actors
        if actors or doc.text[s:e].lower() not in PRONOUNS:
            continue
        link = resolver(doc).at(s, e)
        if link is not None and link.actors:
            span.attrs["source_actors"] = list(link.actors)
            span.attrs["source_via"] = list(link.antecedents[0])
            if span.label == "attribution":  # "they claim", they being named before: a known source
                span.attrs["sourced"] = True
        else:
            span.attrs["source_unresolved"] = True
