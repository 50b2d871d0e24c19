"""Claims reviewed by podium's users, written as schema.org ClaimReview JSON-LD (issue 15, part 4).

``claimreview(reviews)`` returns one JSON-LD document whose ``@graph`` holds a ClaimReview per reviewed
claim: ``claimReviewed``, the ``reviewRating`` (the verdict on podium's scale as a number from 1 = false
to 5 = true, with the reviewer's own wording as ``alternateName``), the ``itemReviewed`` Claim (who said
it, when, where it appeared), the ``author`` (the organisation, else the reviewer; a reviewer working for
an organisation is the ``creator``), the review's ``url`` and ``datePublished``.

What it exports, ``podium factchecks import`` reads back with the same normalised ratings: the importer
trusts a verdict text over numbers, so a wording that reads as another verdict (a "false" claim whose
reviewer wrote "Needs context") is given as ``ratingExplanation`` and ``alternateName`` gets the scale's
own word. An ``other`` verdict has no number. Only http(s) URLs are written (anything else, such as a
``javascript:`` address typed into a form, is left out), dates are written as ISO dates when they read as
one and left out otherwise. It writes no file and reads no database: the web app and the CLI do that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from podium.factchecks.dates import parse_date
from podium.factchecks.ratings import RATINGS, rating_from_text

#: The position of each verdict on schema.org's rating scale (worstRating 1 .. bestRating 5).
VALUES = {"false": 1, "mostly_false": 2, "mixed": 3, "mostly_true": 4, "true": 5}
#: The scale's own words, used when the reviewer gave none (or one that reads as another verdict).
WORDS = {
    "false": "False",
    "mostly_false": "Mostly false",
    "mixed": "Mixed",
    "mostly_true": "Mostly true",
    "true": "True",
    "other": "Unrated",
}
CONTEXT = "https://schema.org"


@dataclass(frozen=True)
class ReviewedClaim:
    """One claim as a podium user reviewed it (texts as typed; ``rating`` is one of ``RATINGS``)."""

    claim: str
    rating: str
    rating_text: str | None = None  # the reviewer's own wording of the verdict
    speaker: str | None = None  # who made the claim
    claim_date: str | None = None  # when it was made (the speech's date)
    appearance_url: str | None = None  # where it was made (the speech's source URL)
    reviewer: str | None = None  # the person who reviewed it
    organisation: str | None = None  # the organisation publishing the review
    review_url: str | None = None  # the published review
    review_date: str | None = None  # when it was reviewed

    def __post_init__(self) -> None:
        if not isinstance(self.claim, str) or not self.claim.strip():
            raise ValueError("claim must be a non-empty text")
        if self.rating not in RATINGS:
            raise ValueError(f"rating must be one of {', '.join(RATINGS)}, not {self.rating!r}")


def claimreview(reviews: Sequence[ReviewedClaim]) -> dict[str, Any]:
    """A JSON-LD document (``@context`` schema.org, ``@graph`` of ClaimReview objects), in input order."""
    return {"@context": CONTEXT, "@graph": [_review(r) for r in reviews]}


def _review(r: ReviewedClaim) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "ClaimReview", "claimReviewed": " ".join(r.claim.split())}
    _put(node, "url", http_url(r.review_url))
    _put(node, "datePublished", parse_date(r.review_date))
    organisation, reviewer = _text(r.organisation), _text(r.reviewer)
    if organisation:
        node["author"] = {"@type": "Organization", "name": organisation}
        if reviewer:
            node["creator"] = {"@type": "Person", "name": reviewer}
    elif reviewer:
        node["author"] = {"@type": "Person", "name": reviewer}
    node["reviewRating"] = rating(r.rating, r.rating_text)
    item: dict[str, Any] = {"@type": "Claim"}
    speaker = _text(r.speaker)
    if speaker:
        item["author"] = {"@type": "Person", "name": speaker}
    _put(item, "datePublished", parse_date(r.claim_date))
    appearance = http_url(r.appearance_url)
    if appearance:
        item["appearance"] = [{"@type": "CreativeWork", "url": appearance}]
    node["itemReviewed"] = item
    return node


def rating(label: str, wording: str | None = None) -> dict[str, Any]:
    """The schema.org Rating for a verdict on podium's scale and the reviewer's wording of it."""
    out: dict[str, Any] = {"@type": "Rating"}
    if label in VALUES:
        out.update(ratingValue=VALUES[label], bestRating=5, worstRating=1)
    text = _text(wording)
    read_as = rating_from_text(text) if text else None
    if text and read_as in (label, None):
        out["alternateName"] = text  # the importer reads it as this verdict, or falls back to the number
    else:
        out["alternateName"] = WORDS[label]
        if text:
            out["ratingExplanation"] = text
    return out


def http_url(value: str | None) -> str | None:
    """``value`` when it is an absolute http(s) URL with a host and no spaces or control characters."""
    text = _text(value)
    if not text or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _text(value: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _put(node: dict[str, Any], key: str, value: str | None) -> None:
    if value:
        node[key] = value
