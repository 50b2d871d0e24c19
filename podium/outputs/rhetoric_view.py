"""The rhetoric profile (``meta.extras["rhetoric"]``) shaped for the HTML report: bar lengths, top lists.

Only arranges numbers the techniques analyser computed; it computes no analysis and escapes nothing
(the template autoescapes). Returns None when the document has no profile.
"""

from __future__ import annotations

from typing import Any

BAR_WIDTH = 320  # pixels for the largest rate


def technique_name(label: str) -> str:
    """'Name_Calling,Labeling' -> 'Name calling, labeling'."""
    words = label.replace("_", " ").replace(",", ", ")
    return words[:1].upper() + words[1:].lower()


def rhetoric_view(extras: dict[str, Any], text: str, explanations: dict[str, str]) -> dict[str, Any] | None:
    profile = extras.get("rhetoric")
    if not isinstance(profile, dict):
        return None
    rates = sorted(
        (
            (label, v.get("per_1000_words", 0.0), v.get("count", 0))
            for label, v in profile["techniques"].items()
        ),
        key=lambda r: -r[1],
    )
    top = max((r[1] for r in rates), default=0.0) or 1.0
    bars = [
        {
            "label": technique_name(label),
            "explanation": explanations.get(label, ""),
            "rate": rate,
            "count": count,
            "width": round(BAR_WIDTH * rate / top, 1),
            "y": 22 * i,
        }
        for i, (label, rate, count) in enumerate(r for r in rates if r[2])
    ]
    groups = profile.get("us_vs_them", {})
    repetition = profile.get("repetition", {})
    return {
        "total": profile.get("techniques_per_1000_words", 0.0),
        "bars": bars,
        "chart_height": 22 * len(bars) + 4,
        "bar_width": BAR_WIDTH,
        "groups": [
            {"name": name, **groups[key]}
            for key, name in (("in_group", "In-group (we, our, us)"), ("out_group", "Out-group (they, them)"))
            if key in groups
        ],
        "certainty": profile.get("certainty", {}),
        "phrases": [p for p in repetition.get("phrases", [])[:6]],
        "openings": [o for o in repetition.get("openings", [])[:6]],
        "anaphora": [
            {
                **a,
                "text": " ".join(text[a["start"] : a["end"]].split())
                if "start" in a
                else a.get("opening", ""),
            }
            for a in repetition.get("anaphora", [])[:5]
        ],
        "loaded": profile.get("loaded_terms", [])[:10],
    }
