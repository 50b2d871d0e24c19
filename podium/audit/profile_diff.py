"""The rhetoric profiles of a document and of its name-swapped twin, compared number by number.

A profile is flattened into ``field -> value`` (counts and rates; offsets are left out, they move with the
swapped names' lengths). Rows keyed by text (repeated phrases, openings, anaphora, loaded terms) are keyed
by the twin's text swapped back, so "death to america" meets "death to russia". The swapped names' own
rows are not compared (and are counted as such): rows keyed by an actor that a swapped name refers to
("points to: Israel"), and rows whose text holds a swapped name. Everything else must be equal.
"""

from __future__ import annotations

from typing import Any

from podium.audit.swap import Swapped, Swapper
from podium.document import Document


def swapped_actors(doc: Document, ranges: list[tuple[int, int]]) -> set[str]:
    """Names (as the profile writes them) of the actors mentioned at the given ranges of ``doc``."""
    out = set()
    for m in doc.layer("actor_mention"):
        if any(m.start < e and s < m.end for s, e in ranges):
            out.add(str(m.attrs.get("name", m.label)))
    return out


def flatten(profile: dict[str, Any], back: Any, own: Any) -> tuple[dict[str, Any], int]:
    """``field -> value`` of a profile, and the number of rows left out as the swapped names' own.

    ``back(text)`` maps a row's text key into the original's terms; ``own(key, is_actor)`` says whether a
    row belongs to a swapped name."""
    flat: dict[str, Any] = {}
    skipped = 0

    def put(key: str, value: Any) -> None:
        flat[key] = value

    put("words", profile.get("words"))
    for tech, row in sorted(profile.get("techniques", {}).items()):
        put(f"techniques.{tech}.count", row.get("count"))
    put("techniques_per_1000_words", profile.get("techniques_per_1000_words"))
    groups = profile.get("us_vs_them", {})
    for side in ("in_group", "out_group"):
        g = groups.get(side, {})
        put(f"us_vs_them.{side}.count", g.get("count"))
        for row in g.get("points_to", []):
            if own(row["actor"], True):
                skipped += 1
            else:
                put(f"us_vs_them.{side}.points_to[{row['actor']}]", row["count"])
    for key, value in sorted(profile.get("certainty", {}).items()):
        put(f"certainty.{key}", value)
    rep = profile.get("repetition", {})
    rows: list[tuple[str, str, Any]] = [("phrases", r["text"], r["count"]) for r in rep.get("phrases", [])]
    rows += [("openings", r["opening"], r["count"]) for r in rep.get("openings", [])]
    rows += [("anaphora", r["opening"], r["length"]) for r in rep.get("anaphora", [])]
    rows += [("loaded_terms", r["term"], r["count"]) for r in profile.get("loaded_terms", [])]
    for part, text, value in rows:
        if own(text, False):
            skipped += 1
        else:
            key = f"{part}[{back(text)}]"
            put(key, flat.get(key, 0) + value if isinstance(value, int) and key in flat else value)
    for r in profile.get("loaded_terms", []):
        for a in r.get("applied_to", []):
            if own(a["actor"], True) or own(r["term"], False):
                skipped += 1
            else:
                put(f"loaded_terms[{back(r['term'])}].applied_to[{a['actor']}]", a["count"])
    return flat, skipped


def compare_profiles(doc: Document, twin: Document, swapped: Swapped, swapper: Swapper) -> dict[str, Any]:
    """``{"changes": [{field, original, twin}], "own_rows_skipped": n}`` for one document."""
    a, b = doc.meta.extras.get("rhetoric"), twin.meta.extras.get("rhetoric")
    if not isinstance(a, dict) or not isinstance(b, dict):
        return {"compared": False, "changes": [], "own_rows_skipped": 0}
    actors = swapped_actors(doc, [(r.start, r.end) for r in swapped.replacements])
    actors |= swapped_actors(twin, [(r.twin_start, r.twin_end) for r in swapped.replacements])

    def own(key: str, is_actor: bool) -> bool:
        return key in actors if is_actor else swapper.names_in(key)

    flat_a, skipped_a = flatten(a, lambda t: t, own)
    flat_b, skipped_b = flatten(b, swapper.swap_lower, own)
    changes = [
        {"field": key, "original": flat_a.get(key), "twin": flat_b.get(key)}
        for key in sorted(set(flat_a) | set(flat_b))
        if flat_a.get(key) != flat_b.get(key)
    ]
    return {"compared": True, "changes": changes, "own_rows_skipped": skipped_a + skipped_b}
