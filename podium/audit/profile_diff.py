"""The rhetoric profiles of a document and of its name-swapped twin, compared number by number.

A profile is read as counts (offsets and per-1,000-word rates are left out: offsets move with the swapped
names' lengths, and a rate is its count over the words). The word count must differ exactly by the words
the swaps added or removed ("Saudi Arabia" -> "Turkey" is one word less). The swapped names' own rows are
not compared, and are counted as such: rows keyed by an actor that a swapped name refers to ("points to:
Israel"), rows whose text holds a word of a name in the pair table ("the zionist regime"), and, when the
swap renamed the speaker's own side (what "we" resolves to: "America" in an American speech), whom
"they" points to, since "they" is resolved as whoever is not "we". A row that is missing on one side
only because that side's ranked list is full (the profile keeps its top rows) and the row would rank
below it is no change either. Everything else must be equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from podium.audit.swap import Swapped, Swapper
from podium.document import Document


@dataclass(slots=True)
class Ranked:
    """One ranked list of a profile (its rows by key, and whether it was cut at the profile's top)."""

    rows: dict[str, Any] = field(default_factory=dict)
    full: bool = False
    least: Any = None


#: List fields of the profile -> (path to the list, key of a row, value of a row, rows kept at most).
_LISTS = (
    ("us_vs_them.in_group.points_to", "actor", "count", 10),
    ("us_vs_them.out_group.points_to", "actor", "count", 10),
    ("repetition.phrases", "text", "count", 10),
    ("repetition.openings", "opening", "count", 10),
    ("repetition.anaphora", "opening", "length", None),
    ("loaded_terms", "term", "count", 10),
)


def swapped_actors(doc: Document, ranges: list[tuple[int, int]]) -> tuple[set[str], set[str]]:
    """Names (as the profile writes them) and ids of the actors mentioned at the given ranges of ``doc``."""
    names, ids = set(), set()
    for m in doc.layer("actor_mention"):
        if any(m.start < e and s < m.end for s, e in ranges):
            names.add(str(m.attrs.get("name", m.label)))
            ids.add(m.label)
    return names, ids


def _sides(doc: Document) -> set[str]:
    """The speaker's side(s): what "we" resolved to."""
    return {m.label for m in doc.layer("actor_mention") if m.attrs.get("kind") == "pronoun"}


def _get(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        data = data.get(part, {}) if isinstance(data, dict) else {}
    return data


def read_profile(profile: dict[str, Any], own: Any) -> tuple[dict[str, Any], dict[str, Ranked], int]:
    """The profile's scalar counts, its ranked lists, and how many rows were left out as the swapped
    names' own (``own(key, is_actor)`` says which)."""
    scalars: dict[str, Any] = {}
    for tech, row in sorted(profile.get("techniques", {}).items()):
        scalars[f"techniques.{tech}.count"] = row.get("count")
    for side in ("in_group", "out_group"):
        scalars[f"us_vs_them.{side}.count"] = _get(profile, f"us_vs_them.{side}.count")
    for key in ("boosters", "hedges", "balance", "source"):
        scalars[f"certainty.{key}"] = _get(profile, f"certainty.{key}")
    lists: dict[str, Ranked] = {}
    skipped = 0
    for path, key_field, value_field, cap in _LISTS:
        rows = _get(profile, path) or []
        ranked = Ranked(full=cap is not None and len(rows) >= cap)
        ranked.least = min((r[value_field] for r in rows), default=None)
        is_actor = key_field == "actor"
        for r in rows:
            if own(r[key_field], is_actor):
                skipped += 1
            else:
                ranked.rows[str(r[key_field])] = r[value_field]
        lists[path] = ranked
    for r in profile.get("loaded_terms", []):
        ranked = lists.setdefault(f"loaded_terms[{r['term']}].applied_to", Ranked())
        ranked.full = len(r.get("applied_to", [])) >= 3
        ranked.least = min((a["count"] for a in r.get("applied_to", [])), default=None)
        for a in r.get("applied_to", []):
            if own(a["actor"], True) or own(r["term"], False):
                skipped += 1
            else:
                ranked.rows[a["actor"]] = a["count"]
    return scalars, lists, skipped


def _missing_is_cut(side: Ranked, value: Any) -> bool:
    """A row absent from ``side`` but valued ``value`` on the other: absent because the list was cut?"""
    return side.full and side.least is not None and value is not None and value <= side.least


def compare_profiles(doc: Document, twin: Document, swapped: Swapped, swapper: Swapper) -> dict[str, Any]:
    """``{"compared", "changes": [{field, original, twin}], "own_rows_skipped"}`` for one document."""
    a, b = doc.meta.extras.get("rhetoric"), twin.meta.extras.get("rhetoric")
    if not isinstance(a, dict) or not isinstance(b, dict):
        return {"compared": False, "changes": [], "own_rows_skipped": 0}
    actors, ids = swapped_actors(doc, [(r.start, r.end) for r in swapped.replacements])
    twin_actors, twin_ids = swapped_actors(twin, [(r.twin_start, r.twin_end) for r in swapped.replacements])
    actors |= twin_actors

    def own(key: str, is_actor: bool) -> bool:
        return key in actors if is_actor else swapper.has_name_word(key)

    scalars_a, lists_a, skipped_a = read_profile(a, own)
    scalars_b, lists_b, skipped_b = read_profile(b, own)
    side_renamed = bool((_sides(doc) | _sides(twin)) & (ids | twin_ids))
    if side_renamed:  # "they" is whoever is not "we": the swap renamed "we" itself, so "they" moves
        for lists in (lists_a, lists_b):
            skipped_a += len(lists.pop("us_vs_them.out_group.points_to", Ranked()).rows)
    changes: list[dict[str, Any]] = []
    added = sum(len(r.replacement.split()) - len(r.original.split()) for r in swapped.replacements)
    if a.get("words") is not None and b.get("words") != a["words"] + added:
        changes.append({"field": "words", "original": a.get("words"), "twin": b.get("words")})
    for key in sorted(set(scalars_a) | set(scalars_b)):
        if scalars_a.get(key) != scalars_b.get(key):
            changes.append({"field": key, "original": scalars_a.get(key), "twin": scalars_b.get(key)})
    for path in sorted(set(lists_a) | set(lists_b)):
        la, lb = lists_a.get(path, Ranked()), lists_b.get(path, Ranked())
        for key in sorted(set(la.rows) | set(lb.rows)):
            va, vb = la.rows.get(key), lb.rows.get(key)
            cut = (va is None and _missing_is_cut(la, vb)) or (vb is None and _missing_is_cut(lb, va))
            if va == vb or cut:
                continue
            changes.append({"field": f"{path}[{key}]", "original": va, "twin": vb})
    return {
        "compared": True,
        "changes": changes,
        "own_rows_skipped": skipped_a + skipped_b,
        "speaker_side_renamed": side_renamed,
    }
