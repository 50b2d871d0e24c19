"""ClaimReview JSON-LD (schema.org) to :class:`FactCheck` records.

Finds ClaimReviews in a single object, an array, ``@graph``, a DataFeed (``dataFeedElement`` items whose
``item`` holds them) or nested inside other nodes (e.g. a WebPage's ``mainEntity``). A node is a
ClaimReview when its ``@type`` says so or it has ``claimReviewed``. Untyped objects where an item is
expected (top level, array elements, feed items) that are not ClaimReviews are skipped with a reason;
typed nodes of other kinds (Organization, BreadcrumbList...) are not fact-checks and are passed over.
"""

from __future__ import annotations

from podium.factchecks import fields
from podium.factchecks.dates import parse_date
from podium.factchecks.ratings import normalise_rating, number
from podium.factchecks.records import FactCheck, ImportReport, Skip

_MAX_NODES = 1_000_000  # nodes visited per document, against pathological inputs
_NOT_SEARCHED = ("@graph", "dataFeedElement", "@context")


def is_claimreview(node: dict) -> bool:
    return "ClaimReview" in fields.types(node) or "claimReviewed" in node


def collect(root: object, where: str, report: ImportReport) -> int:
    """Add every ClaimReview in a parsed JSON document to ``report``; returns how many items were read.

    Iterative, so deeply nested input cannot exhaust the stack. Items are reported in document order.
    """
    before = report.read
    stack: list[tuple[object, str, bool]] = [(root, "", True)]
    visited = 0
    while stack:
        node, pointer, expected = stack.pop()
        visited += 1
        if visited > _MAX_NODES:
            report.skip(where, f"more than {_MAX_NODES:,} JSON nodes; the rest was not read")
            break
        place = f"{where} at {pointer or '/'}"
        if isinstance(node, list):
            stack.extend((v, f"{pointer}/{i}", expected) for i, v in reversed(list(enumerate(node))))
        elif not isinstance(node, dict):
            if expected:
                report.skip(place, f"not a JSON object ({type(node).__name__})")
        elif is_claimreview(node):
            _add(node, place, report)
        else:
            children = _children(node, pointer, expected)
            if expected and not children and not fields.types(node):
                report.skip(place, "not a ClaimReview (no @type, no claimReviewed)")
            stack.extend(reversed(children))
    return report.read - before


def _children(node: dict, pointer: str, expected: bool) -> list[tuple[object, str, bool]]:
    """Where to look for ClaimReviews inside a node that is not one."""
    if "dataFeedElement" in node:
        elements = node["dataFeedElement"]
        elements = elements if isinstance(elements, list) else [elements]
        children: list[tuple[object, str, bool]] = []
        for i, element in enumerate(elements):
            here = f"{pointer}/dataFeedElement/{i}"
            if isinstance(element, dict) and "item" in element and not is_claimreview(element):
                children.append((element["item"], f"{here}/item", True))
            else:
                children.append((element, here, True))
        return children
    if "@graph" in node:
        return [(node["@graph"], f"{pointer}/@graph", False)]
    return [
        (value, f"{pointer}/{_escape(key)}", False)
        for key, value in node.items()
        if isinstance(value, dict | list) and key not in _NOT_SEARCHED
    ]


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _add(node: dict, place: str, report: ImportReport) -> None:
    try:
        report.add(to_record(node, place, report))
    except Skip as why:
        report.skip(place, str(why))


def to_record(node: dict, place: str, report: ImportReport) -> FactCheck:
    """The FactCheck of one ClaimReview node; raises :class:`Skip` when it has no usable claim."""
    raw_claim = node.get("claimReviewed")
    if raw_claim is None:
        raise Skip("no claimReviewed")
    claim = fields.first_text(raw_claim)
    if not claim:
        raise Skip("claimReviewed is empty" if isinstance(raw_claim, str) else "claimReviewed is not text")
    rating, original = _rating(node.get("reviewRating"))
    item = fields.first_object(node.get("itemReviewed")) or {}
    first = fields.first_object(item.get("firstAppearance")) or {}
    appearances = fields.urls(item.get("firstAppearance")) + fields.urls(item.get("appearance"))
    stated = item.get("datePublished") or first.get("datePublished")
    return FactCheck(
        claim_reviewed=claim,
        rating=rating,
        rating_original=original,
        publisher=fields.joined_names(node.get("author")) or fields.joined_names(node.get("publisher")),
        url=fields.first_text(node.get("url")),
        date=_date(node.get("datePublished"), "datePublished", place, report),
        claimant=fields.joined_names(item.get("author")),
        claim_date=_date(stated, "claim date", place, report),
        appearances=tuple(dict.fromkeys(appearances)),
        language=fields.language(node.get("inLanguage")),
        title=fields.first_text(node.get("headline")) or fields.first_text(node.get("name")),
    )


def _rating(value: object) -> tuple[str, str | None]:
    rating = fields.first_object(value)
    if rating is None:
        return "other", None
    name = fields.first_text(rating.get("alternateName"))
    value_, best, worst = (rating.get(k) for k in ("ratingValue", "bestRating", "worstRating"))
    label = normalise_rating(name, value_, best, worst)
    if name:
        return label, name
    shown = [_plain(v) for v in (value_, best)]
    if shown[0] is None:
        return label, None
    return label, "/".join(s for s in shown if s is not None)


def _plain(value: object) -> str | None:
    """A rating number as given: a numeric string stripped, a number without a needless ".0"."""
    if isinstance(value, str):
        return value.strip() if number(value) is not None else None
    n = number(value)
    return None if n is None else f"{n:g}"


def _date(value: object, what: str, place: str, report: ImportReport) -> str | None:
    if value is None or value == "":
        return None
    parsed = parse_date(fields.first_text(value))
    if parsed is None:
        report.warn(place, f"{what} {str(value)[:40]!r} is not a date; kept the record without it")
    return parsed
