"""Lenient readers of JSON-LD property values: text, names, URLs, whatever shape the publisher chose."""

from __future__ import annotations

import unicodedata

_MAX_ITEMS = 100  # at most this many values of one property are looked at


def text(value: object) -> str | None:
    """A stripped, NFC-normalised string, or None for anything else or an empty string."""
    if not isinstance(value, str):
        return None
    value = unicodedata.normalize("NFC", value).strip()
    return value or None


def first_text(value: object) -> str | None:
    """A string, or the first string of a list."""
    if isinstance(value, list):
        return next((t for t in (text(v) for v in value[:_MAX_ITEMS]) if t), None)
    return text(value)


def first_object(value: object) -> dict | None:
    """A JSON object, or the first object of a list."""
    if isinstance(value, list):
        return next((v for v in value[:_MAX_ITEMS] if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else None


def names(value: object) -> list[str]:
    """Names from a string, an object with ``name`` (or ``alternateName``), or a list of those."""
    items = value[:_MAX_ITEMS] if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        name = text(item) if not isinstance(item, dict) else first_text(item.get("name"))
        if isinstance(item, dict) and not name:
            name = first_text(item.get("alternateName"))
        if name and name not in found:
            found.append(name)
    return found


def joined_names(value: object) -> str | None:
    return ", ".join(names(value)) or None


def urls(value: object) -> list[str]:
    """URLs from a string, an object with ``url`` (or ``@id``), or a list of those."""
    items = value[:_MAX_ITEMS] if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        url = first_text(item.get("url")) or text(item.get("@id")) if isinstance(item, dict) else text(item)
        if url and url not in found:
            found.append(url)
    return found


def types(node: dict) -> set[str]:
    """The ``@type`` of a node as a set of bare names ("http://schema.org/ClaimReview" -> "ClaimReview")."""
    value = node.get("@type")
    items = value[:_MAX_ITEMS] if isinstance(value, list) else [value]
    return {t.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in items if isinstance(t, str)}


def language(value: object) -> str | None:
    """``inLanguage`` as a code or name: a string, or a Language object's ``alternateName`` / ``name``."""
    node = first_object(value)
    if node is not None:
        return first_text(node.get("alternateName")) or first_text(node.get("name"))
    return first_text(value)
